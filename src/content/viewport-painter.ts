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
 */
import type { HighlightRegistry } from './highlight-registry.ts';
import type { PageMention } from './mention-store.ts';
import { clearTrackedTimeout, setTrackedTimeout } from './activity.ts';

/** How far beyond the viewport mentions are drawn ahead of a scroll: one screen above and below. */
export const PAINT_MARGIN = '100% 0px 100% 0px';
/**
 * Ranges added to or taken from the highlights per task when a group comes into or leaves view: a group can hold
 * 100,000 mentions (one 5 MB text node), and adding them in one callback took 150 ms.
 */
export const PAINT_BATCH = 2_000;

export class ViewportPainter {
  readonly #byBlock = new Map<Element, Set<PageMention>>();
  /** A Map, not a WeakMap: every stored mention is removed through remove(), and 100,000 ephemerons slow the collector. */
  readonly #blockOf = new Map<PageMention, Element>();
  readonly #visible = new Set<Element>();
  readonly #observer: IntersectionObserver;
  /** Groups whose ranges are being added or taken away a batch per task (see #draw). */
  readonly #drawing = new Map<Element, number>();

  constructor(private readonly registry: HighlightRegistry, private readonly signal: AbortSignal) {
    this.#observer = new IntersectionObserver((entries) => this.#update(entries), { rootMargin: PAINT_MARGIN });
    signal.addEventListener('abort', () => {
      this.#observer.disconnect();
      for (const timer of this.#drawing.values()) clearTrackedTimeout(timer);
      this.#drawing.clear();
    }, { once: true });
  }

  /**
   * Draws `m` whenever `group` (the element of the chunk it was found in) is near the viewport. With
   * `presumeVisible` (before the page's first frame, when asking would force a layout) the group is drawn at once;
   * the observer's first report, after that frame, removes it again if it is far from the viewport.
   */
  add(m: PageMention, group: Element, presumeVisible = false): void {
    const block = group;
    this.#blockOf.set(m, block);
    let set = this.#byBlock.get(block);
    if (!set) {
      set = new Set();
      this.#byBlock.set(block, set);
      this.#observer.observe(block);
    }
    set.add(m);
    if (presumeVisible) this.#visible.add(block);
    if (this.#visible.has(block)) this.registry.add(m.type, m.range, m.quiet);
  }

  remove(m: PageMention): void {
    const block = this.#blockOf.get(m);
    if (!block) return;
    this.#blockOf.delete(m);
    this.registry.delete(m.type, m.range, m.quiet);
    const set = this.#byBlock.get(block);
    set?.delete(m);
    if (set && set.size === 0) {
      this.#byBlock.delete(block);
      this.#visible.delete(block);
      this.#observer.unobserve(block);
    }
  }

  #update(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const set = this.#byBlock.get(e.target);
      if (!set) continue;
      if (!e.isIntersecting && hasNoBox(e)) {
        // An element with `display: contents` has no box, so the observer never reports it near the viewport:
        // its mentions are drawn for good (a group holds one chunk at most).
        this.#observer.unobserve(e.target);
        if (!this.#visible.has(e.target)) {
          this.#visible.add(e.target);
          this.#draw(e.target, set, true);
        }
        continue;
      }
      if (e.isIntersecting && !this.#visible.has(e.target)) {
        this.#visible.add(e.target);
        this.#draw(e.target, set, true);
      } else if (!e.isIntersecting && this.#visible.delete(e.target)) {
        this.#draw(e.target, set, false);
      }
    }
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

/** Whether an observed element is laid out as its children only (`display: contents`); asked only of empty entries. */
function hasNoBox(e: IntersectionObserverEntry): boolean {
  const r = e.boundingClientRect;
  return r.width === 0 && r.height === 0 && getComputedStyle(e.target).display === 'contents';
}
