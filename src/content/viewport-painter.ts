/**
 * Draws only the mentions near the viewport. Chromium revisits every range of
 * every registered highlight in each frame where any highlight changed, so a
 * page with tens of thousands of mentions would pay for all of them on every
 * update. Mentions are grouped by the chunk they were found in (an element
 * holding at most a few thousand words, see annotator.ts): one observed
 * element per chunk, not per paragraph, because delivering tens of thousands
 * of IntersectionObserver entries costs hundreds of milliseconds on a large
 * page. The observer (which runs after the browser's own layout, never forcing
 * one) adds a chunk's mentions to the highlights when it nears the viewport and
 * removes them when it leaves, in one batch per callback.
 *
 * A group with more mentions than WINDOWED_GROUP (one huge text node: a 5 MB
 * paragraph holds 100,000) is drawn only around the viewport, and redrawn only
 * when the reader scrolls past what is drawn. Chromium's rendering revisits
 * every range a highlight holds in a node whenever any highlight changes: with
 * all of that node's ranges registered, each change cost seconds of the page's
 * rendering (issue 14, measured in bench/hostile-page.ts).
 */
import type { HighlightRegistry } from './highlight-registry.ts';
import { compareMentions, type PageMention } from './mention-store.ts';
import { clearTrackedTimeout, setTrackedTimeout } from './activity.ts';
import { afterNextFrame } from './time-slicer.ts';

/** How far beyond the viewport mentions are drawn ahead of a scroll: one screen above and below. */
export const PAINT_MARGIN = '100% 0px 100% 0px';
/**
 * Ranges added to or taken from the highlights per task when a group comes into or leaves view: a group can hold
 * 100,000 mentions (one 5 MB text node), and adding them in one callback took 150 ms.
 */
export const PAINT_BATCH = 2_000;
/** Past this many mentions a group is drawn only around the viewport (see the top of this file). */
export const WINDOWED_GROUP = 1_000;
/** A windowed group is redrawn when what lies this many viewport heights above and below the viewport is not all drawn… */
const WINDOW_NEED = 1;
/** …and then drawn this many viewport heights above and below: a scroll of two screens changes nothing. */
const WINDOW_DRAW = 3;
/** Scrolling and new mentions are gathered this long before a windowed group is measured again. */
export const WINDOW_DELAY_MS = 100;

/** Where a mention lies, relative to the viewport (a DOMRect's top and bottom). */
export type MeasureMention = (m: PageMention) => { top: number; bottom: number } | null;

/** A group drawn around the viewport only. */
interface GroupWindow {
  /** Its mentions in document order; removed ones (their `group` cleared) stay until the next update (counted in `stale`). */
  list: PageMention[];
  stale: number;
  /** How many mentions it holds. */
  size: number;
  /** What is in the highlights now. */
  drawn: Set<PageMention>;
}

/**
 * The part of `list` (in document order, so top to bottom) that lies between `top` and `bottom` (px, relative to
 * the viewport), by two binary searches: about 2·log2(n) measurements, not n. A mention that cannot be measured
 * counts as below.
 */
export function spanBetween(list: readonly PageMention[], measure: MeasureMention, top: number, bottom: number): [number, number] {
  const firstWhere = (ok: (m: PageMention) => boolean, low: number): number => {
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (ok(list[mid]!)) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  const from = firstWhere((m) => (measure(m)?.bottom ?? Infinity) >= top, 0);
  return [from, firstWhere((m) => (measure(m)?.top ?? Infinity) > bottom, from)];
}

/**
 * Where a mention lies without measuring it, for a group that is one block holding one text node, its text wrapped
 * as usual (`white-space: normal`, horizontal, one column): its share of the node's characters, down the block's
 * content box. The first range measured in a node of megabytes cost 35 ms of CPU in one task (Chromium maps the
 * node's offsets to its lines once, bench:hostile), and every later one 0.2–0.6 ms; this costs one box and one style
 * read per update. Its error is the unevenness of the lines, far less than the screens drawn beyond the viewport
 * (WINDOW_DRAW). Null when the group is not such a block (its ranges are measured then).
 */
export function proportionalMeasure(block: Element): MeasureMention | null {
  const node = block.firstChild;
  if (node === null || node !== block.lastChild || node.nodeType !== Node.TEXT_NODE) return null;
  const text = node as Text;
  const style = getComputedStyle(block);
  if (style.whiteSpace !== 'normal' || style.writingMode !== 'horizontal-tb' || !FLOW_BLOCKS.has(style.display) || style.columnCount !== 'auto') return null;
  const px = (v: string) => Number.parseFloat(v) || 0;
  const box = block.getBoundingClientRect();
  const top = box.top + px(style.borderTopWidth) + px(style.paddingTop);
  const height = box.height - px(style.borderTopWidth) - px(style.paddingTop) - px(style.paddingBottom) - px(style.borderBottomWidth);
  const length = text.length;
  if (!(height > 0) || length === 0) return null;
  return (m) => (m.startContainer === text ? { top: top + (height * m.startOffset) / length, bottom: top + (height * m.endOffset) / length } : null);
}

/** Displays whose box holds its text in lines from top to bottom. */
const FLOW_BLOCKS = new Set(['block', 'flow-root', 'list-item']);

/** A mention's box, through one live Range reused (StaticRanges have no geometry). */
function rangeMeasure(): MeasureMention {
  let live: Range | undefined;
  return (m) => {
    live ??= document.createRange();
    try {
      // From the mention's boundaries: asking for its StaticRange would make one to keep for every mention measured.
      live.setStart(m.startContainer, m.startOffset);
      live.setEnd(m.endContainer, m.endOffset);
    } catch {
      return null; // the text changed under it: a rescan is on its way
    }
    return live.getBoundingClientRect();
  };
}

export class ViewportPainter {
  /**
   * The mentions of each group drawn whole. A windowed group's are in its GroupWindow only (a list, not a set: a
   * hash table of 100,000 entries stops for tens of milliseconds to rehash as it grows), and which group a mention
   * belongs to is on the mention itself (PageMention.group), not in a map.
   */
  readonly #byBlock = new Map<Element, Set<PageMention>>();
  readonly #visible = new Set<Element>();
  readonly #observer: IntersectionObserver;
  /** Groups whose ranges are being added or taken away a batch per task (see #draw). */
  readonly #drawing = new Map<Element, number>();
  /** Groups too large to draw whole (see WINDOWED_GROUP). */
  readonly #windows = new Map<Element, GroupWindow>();
  #windowTimer: number | undefined;
  /** Groups the observer found with no box, whose display is asked after the next frame (see #askNoBox). */
  readonly #noBox = new Set<Element>();
  /** The observer has reported once: the page is laid out, so measuring forces no first layout. */
  #laidOut = false;
  readonly #measure: MeasureMention;
  /** Where a windowed group's mentions lie without measuring their ranges, when the group allows it (see proportionalMeasure). */
  readonly #estimate: (block: Element) => MeasureMention | null;

  /** `measure` measures a mention; `estimate` places a windowed group's mentions without measuring (by default, when given `measure`, never). */
  constructor(
    private readonly registry: HighlightRegistry,
    private readonly signal: AbortSignal,
    options: { measure?: MeasureMention; estimate?: (block: Element) => MeasureMention | null } = {},
  ) {
    this.#measure = options.measure ?? rangeMeasure();
    this.#estimate = options.estimate ?? (options.measure ? () => null : proportionalMeasure);
    this.#observer = new IntersectionObserver((entries) => this.#update(entries), { rootMargin: PAINT_MARGIN });
    signal.addEventListener('abort', () => {
      this.#observer.disconnect();
      for (const timer of this.#drawing.values()) clearTrackedTimeout(timer);
      this.#drawing.clear();
      clearTrackedTimeout(this.#windowTimer);
    }, { once: true });
    // Scrolling (the page's, or any element's: captured) moves what a windowed group must show.
    const moved = (e: Event) => {
      if (e.isTrusted && this.#windows.size > 0) this.#scheduleWindows();
    };
    document.addEventListener('scroll', moved, { capture: true, passive: true, signal });
    window.addEventListener('resize', moved, { passive: true, signal });
  }

  /**
   * Draws `m` whenever `group` (the element of the chunk it was found in) is near the viewport. With
   * `presumeVisible` (before the page's first frame, when asking would force a layout) the group is drawn at once;
   * the observer's first report, after that frame, removes it again if it is far from the viewport.
   */
  add(m: PageMention, group: Element, presumeVisible = false): void {
    const block = group;
    m.group = block;
    let win = this.#windows.get(block);
    if (!win) {
      let set = this.#byBlock.get(block);
      if (!set) {
        set = new Set();
        this.#byBlock.set(block, set);
        this.#observer.observe(block);
      }
      if (set.size < WINDOWED_GROUP) {
        set.add(m);
        if (presumeVisible) this.#visible.add(block);
        if (this.#visible.has(block)) this.registry.add(m.type, m.range, m.quiet);
        return;
      }
      win = this.#makeWindow(block, set);
    }
    win.size++;
    insertInOrder(win.list, m);
    if (this.#visible.has(block)) this.#scheduleWindows();
  }

  remove(m: PageMention): void {
    const block = m.group;
    if (!block) return;
    m.group = undefined;
    const win = this.#windows.get(block);
    if (win) {
      // Only a drawn one is taken from the highlights: asking for the range of the others would make one for each.
      if (win.drawn.delete(m)) this.registry.delete(m.type, m.range, m.quiet);
      win.size--;
      // Compacted here too when half the list is stale: a group off screen is not updated, and a live feed rewriting
      // it would otherwise grow the list (and keep its removed mentions) without bound.
      if (++win.stale > win.list.length / 2) {
        win.list = win.list.filter((x) => x.group === block);
        win.stale = 0;
      }
      if (win.size === 0) this.#forget(block);
      return;
    }
    const set = this.#byBlock.get(block);
    if (!set?.delete(m)) return;
    // In the highlights only while its group is in view, or being taken out of them (#draw).
    if (this.#visible.has(block) || this.#drawing.has(block)) this.registry.delete(m.type, m.range, m.quiet);
    if (set.size === 0) this.#forget(block);
  }

  /** A group left with no mention. */
  #forget(block: Element): void {
    this.#byBlock.delete(block);
    this.#visible.delete(block);
    this.#windows.delete(block);
    this.#observer.unobserve(block);
  }

  /** How many mentions are in the highlights now (for tests). */
  get drawnCount(): number {
    let n = 0;
    for (const win of this.#windows.values()) n += win.drawn.size;
    for (const [block, set] of this.#byBlock) if (this.#visible.has(block)) n += set.size;
    return n;
  }

  /** A group grown past WINDOWED_GROUP: from now on drawn around the viewport only. */
  #makeWindow(block: Element, set: Set<PageMention>): GroupWindow {
    clearTrackedTimeout(this.#drawing.get(block));
    this.#drawing.delete(block);
    // What a visible group drew (perhaps only in part: the batches were stopped) is taken away; the first update
    // draws what lies around the viewport.
    for (const m of set) this.registry.delete(m.type, m.range, m.quiet);
    const win: GroupWindow = { list: [...set].sort(compareMentions), stale: 0, size: set.size, drawn: new Set() };
    this.#byBlock.delete(block);
    this.#windows.set(block, win);
    if (this.#visible.has(block)) this.#scheduleWindows();
    return win;
  }

  #scheduleWindows(): void {
    if (this.#windowTimer !== undefined || !this.#laidOut) return;
    this.#windowTimer = setTrackedTimeout(() => {
      this.#windowTimer = undefined;
      if (!this.signal.aborted) this.#updateWindows();
    }, WINDOW_DELAY_MS);
  }

  /**
   * Each visible windowed group: when what lies within WINDOW_NEED viewport heights is not all drawn, draws what
   * lies within WINDOW_DRAW instead of what was drawn; otherwise the highlights are left alone (every change to them
   * costs the page a repaint of the whole node).
   */
  #updateWindows(): void {
    const h = window.innerHeight || 1;
    for (const [block, win] of this.#windows) {
      if (!this.#visible.has(block)) continue;
      if (win.stale > 0) {
        win.list = win.list.filter((m) => m.group === block);
        win.stale = 0;
      }
      const measure = this.#estimate(block) ?? this.#measure;
      const [needFrom, needTo] = spanBetween(win.list, measure, -WINDOW_NEED * h, (1 + WINDOW_NEED) * h);
      let covered = true;
      for (let i = needFrom; i < needTo && covered; i++) covered = win.drawn.has(win.list[i]!);
      if (covered) continue;
      const [from, to] = spanBetween(win.list, measure, -WINDOW_DRAW * h, (1 + WINDOW_DRAW) * h);
      const next = new Set(win.list.slice(from, to));
      for (const m of win.drawn) if (!next.has(m)) this.registry.delete(m.type, m.range, m.quiet);
      for (const m of next) if (!win.drawn.has(m)) this.registry.add(m.type, m.range, m.quiet);
      win.drawn = next;
    }
  }

  #update(entries: IntersectionObserverEntry[]): void {
    this.#laidOut = true;
    for (const e of entries) {
      const win = this.#windows.get(e.target);
      if (win) {
        if (e.isIntersecting) {
          this.#visible.add(e.target);
          this.#scheduleWindows();
        } else if (this.#visible.delete(e.target)) {
          for (const m of win.drawn) this.registry.delete(m.type, m.range, m.quiet);
          win.drawn.clear();
        }
        continue;
      }
      const set = this.#byBlock.get(e.target);
      if (!set) continue;
      if (!e.isIntersecting && mayHaveNoBox(e)) this.#askNoBox(e.target);
      if (e.isIntersecting && !this.#visible.has(e.target)) {
        this.#visible.add(e.target);
        this.#draw(e.target, set, true);
      } else if (!e.isIntersecting && this.#visible.delete(e.target)) {
        this.#draw(e.target, set, false);
      }
    }
  }

  /**
   * An element with `display: contents` has no box, so the observer never reports it near the viewport: its mentions
   * are drawn for good (a group holds one chunk at most). Its computed display is asked after the page's next frame,
   * not in the observer's callback: while a large page is still parsed, its style is out of date there, and one read
   * made the browser compute all of it inside our task (33 ms in one bench:page load, session 9).
   */
  #askNoBox(block: Element): void {
    const first = this.#noBox.size === 0;
    this.#noBox.add(block);
    if (!first) return;
    void afterNextFrame(this.signal, NO_BOX_FRAME_WAIT_MS).then(() => {
      const blocks = [...this.#noBox];
      this.#noBox.clear();
      if (this.signal.aborted) return;
      for (const b of blocks) {
        const set = this.#byBlock.get(b);
        if (!set || this.#visible.has(b) || !b.isConnected || getComputedStyle(b).display !== 'contents') continue;
        this.#observer.unobserve(b);
        this.#visible.add(b);
        this.#draw(b, set, true);
      }
    });
  }

  /**
   * Adds (or takes away) a group's ranges, PAINT_BATCH per task. Safe beside add() and remove(): adding a range
   * the highlight holds, or deleting one it does not, changes nothing, and a mention removed meanwhile is skipped.
   */
  #draw(block: Element, set: Set<PageMention>, on: boolean): void {
    clearTrackedTimeout(this.#drawing.get(block));
    this.#drawing.delete(block);
    const items = set.size > PAINT_BATCH ? [...set] : set;
    const iterator = items.values();
    const run = () => {
      this.#drawing.delete(block);
      if (this.signal.aborted) return;
      for (let i = 0; i < PAINT_BATCH; i++) {
        const next = iterator.next();
        if (next.done) return;
        const m = next.value;
        if (!set.has(m)) continue;
        if (on) this.registry.add(m.type, m.range, m.quiet);
        else this.registry.delete(m.type, m.range, m.quiet);
      }
      this.#drawing.set(block, setTrackedTimeout(run, 0));
    };
    run();
  }
}

/** Whether an observed element may be laid out as its children only (`display: contents`): an empty box, still on the page. */
function mayHaveNoBox(e: IntersectionObserverEntry): boolean {
  const r = e.boundingClientRect;
  // A group that left the page (a live feed's old items) is not asked: its mentions are on their way out.
  return r.width === 0 && r.height === 0 && e.target.isConnected;
}

/** Longest wait for the frame after which a box-less group's display is asked (a hidden tab asks at once). */
const NO_BOX_FRAME_WAIT_MS = 500;

/** Inserts `m` into `list` (document order): at the end when it comes last, as a page's mentions mostly do. */
function insertInOrder(list: PageMention[], m: PageMention): void {
  const last = list[list.length - 1];
  if (!last || compareMentions(last, m) <= 0) {
    list.push(m);
    return;
  }
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareMentions(list[mid]!, m) <= 0) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, m);
}
