/**
 * Draws what belongs to the user — saved highlights and the claims they
 * checked — where the page cannot read it (ADR 019). The CSS highlight
 * registry is shared with page scripts: a range registered there tells the
 * page which passage the reader saved or checked, and in which colour. These
 * marks are therefore boxes inside a CLOSED shadow root, in the top layer, laid
 * over the text: the page sees one empty, fixed, click-through `div` whatever
 * the user saved, and no range of theirs ever enters a structure it can read.
 * The host is put on the page when OnRecord starts there, with or without
 * marks, so that neither its arrival nor its state tells the page that (or
 * where) something was saved. One host serves every source of marks.
 *
 * The boxes follow the text: they are measured again (coalesced into one
 * animation frame) when the marks change, on any trusted scroll or resize,
 * when the document or body changes size, and on a slow timer while marks are
 * on screen (a reflow that changes no size). Only boxes near the viewport are
 * drawn, and a box whose centre is covered by something else on the page (a
 * sticky header, a page dialog) is left out, as the text under it is.
 */
import type { HighlightColor } from '../core/annotations/model.ts';
import { createShadowHost, counterPageZoom } from './shadow-host.ts';
import { liveRange } from './saved-layer.ts';

/** One private mark: a range and the class its boxes take (`saved-yellow`, `checked`, …). */
export interface PrivateMark {
  readonly range: AbstractRange;
  readonly kind: string;
}

/** Boxes further than this many viewport heights above or below the viewport are not drawn. */
const DRAW_MARGIN_SCREENS = 1;
/** While marks are drawn, their places are checked this often for reflows no event announces. */
export const RECHECK_MS = 1_000;

/**
 * Saved highlights' tints. Multiplied with the page under them, so black text stays black and white paper takes the
 * colour; on a dark page the light text takes it.
 */
export const SAVED_BACKGROUNDS: Readonly<Record<HighlightColor, string>> = {
  yellow: 'rgb(255 212 0 / 0.45)',
  green: 'rgb(60 200 90 / 0.35)',
  blue: 'rgb(70 150 255 / 0.35)',
  pink: 'rgb(255 105 180 / 0.35)',
  purple: 'rgb(160 100 255 / 0.35)',
};

const CSS = [
  '.or-marks { position: absolute; inset: 0 auto auto 0; width: 0; height: 0; overflow: visible; pointer-events: none; }',
  '.or-mark { position: absolute; pointer-events: none; border-radius: 2px; mix-blend-mode: multiply; }',
  ...Object.entries(SAVED_BACKGROUNDS).map(([color, bg]) => `.saved-${color} > .or-mark { background: ${bg}; }`),
  // A claim checked on this page: a dotted violet line under a faint tint, distinct from underlines and saved tints.
  '.checked > .or-mark { background: rgb(124 58 237 / 0.10); border-bottom: 2px dotted #7c3aed; mix-blend-mode: normal; }',
  '@media (forced-colors: active) { .or-mark { mix-blend-mode: normal; background: transparent; outline: 2px solid Highlight; } }',
  '@media print { .or-marks { display: none; } }',
].join('\n');

/** Where a box is drawn, in viewport pixels. */
interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The boxes of one mark (a passage broken over lines has one box a line). */
interface Group {
  kind: string;
  boxes: Box[];
}

/** Whether the page shows `range`'s text at (x, y), rather than something laid over it. */
function shownAt(range: Range, x: number, y: number): boolean {
  const top = document.elementFromPoint(x, y);
  // Off screen or in a frame we cannot see into: nothing says it is covered.
  if (!top) return true;
  return range.intersectsNode(top);
}

/** The boxes of each mark near the viewport, in drawing order; marks with no box there are left out. */
export function measureMarks(marks: readonly PrivateMark[], viewport: { width: number; height: number }): Group[] {
  const groups: Group[] = [];
  const above = -viewport.height * DRAW_MARGIN_SCREENS;
  const below = viewport.height * (1 + DRAW_MARGIN_SCREENS);
  for (const mark of marks) {
    if (!mark.range.startContainer.isConnected || !mark.range.endContainer.isConnected) continue;
    const live = liveRange(mark.range);
    const outer = live.getBoundingClientRect();
    if (outer.bottom < above || outer.top > below) continue;
    const boxes: Box[] = [];
    for (const r of live.getClientRects()) {
      if (r.width < 0.5 || r.height < 0.5 || r.bottom < above || r.top > below) continue;
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const onScreen = cx >= 0 && cy >= 0 && cx <= viewport.width && cy <= viewport.height;
      if (onScreen && !shownAt(live, cx, cy)) continue;
      boxes.push({ left: r.left, top: r.top, width: r.width, height: r.height });
    }
    if (boxes.length > 0) groups.push({ kind: mark.kind, boxes });
  }
  return groups;
}

function sameBox(x: Box, y: Box): boolean {
  return x.left === y.left && x.top === y.top && x.width === y.width && x.height === y.height;
}

function sameGroups(a: readonly Group[], b: readonly Group[]): boolean {
  return a.length === b.length && a.every((g, i) => {
    const h = b[i]!;
    return g.kind === h.kind && g.boxes.length === h.boxes.length && g.boxes.every((box, j) => sameBox(box, h.boxes[j]!));
  });
}

/** The host element's marker (`data-onrecord-ui`). */
export const MARKS_HOST = 'onrecord-marks';

const perSession = new WeakMap<AbortSignal, PrivateMarks>();

/** The marks layer of the session that `signal` ends: one per page and session, shared by saved highlights and checked claims. */
export function privateMarks(signal: AbortSignal): PrivateMarks {
  let marks = perSession.get(signal);
  if (!marks) {
    marks = new PrivateMarks(signal);
    perSession.set(signal, marks);
  }
  return marks;
}

export class PrivateMarks {
  readonly #host: HTMLElement;
  readonly #layer: HTMLDivElement;
  readonly #signal: AbortSignal;
  readonly #sources = new Map<string, readonly PrivateMark[]>();
  #marks: readonly PrivateMark[] = [];
  #drawn: Group[] = [];
  #frame = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(signal: AbortSignal) {
    this.#signal = signal;
    const { host, shadow } = createShadowHost(MARKS_HOST, CSS);
    this.#host = host;
    this.#layer = document.createElement('div');
    this.#layer.className = 'or-marks';
    // Decoration: the text under the boxes is what assistive technology reads.
    this.#layer.setAttribute('aria-hidden', 'true');
    shadow.append(this.#layer);
    const schedule = (e: Event) => {
      if (e.isTrusted && this.#marks.length > 0) this.#schedule();
    };
    // Scroll events do not bubble: captured on the document, they come from every scrolling element.
    document.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
    window.addEventListener('resize', schedule, { passive: true, signal });
    const sizes = new ResizeObserver(() => this.#marks.length > 0 && this.#schedule());
    sizes.observe(document.documentElement);
    if (document.body) sizes.observe(document.body);
    signal.addEventListener(
      'abort',
      () => {
        sizes.disconnect();
        cancelAnimationFrame(this.#frame);
        clearInterval(this.#timer);
        this.#host.remove();
      },
      { once: true },
    );
    if (!signal.aborted) this.#show();
  }

  /** Replaces the marks of `source` (`saved`, `checked`) with `marks`; they are drawn in the next frame. */
  set(source: string, marks: readonly PrivateMark[]): void {
    if (this.#signal.aborted) return;
    if (marks.length > 0) this.#sources.set(source, marks);
    else this.#sources.delete(source);
    this.#marks = [...this.#sources.values()].flat();
    this.#schedule();
  }

  #schedule(): void {
    if (this.#frame || this.#signal.aborted) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#draw();
    });
  }

  #draw(): void {
    if (this.#signal.aborted) return;
    const groups = this.#marks.length > 0 ? measureMarks(this.#marks, { width: window.innerWidth, height: window.innerHeight }) : [];
    this.#recheck(this.#marks.length > 0);
    if (groups.length > 0) this.#show();
    if (sameGroups(groups, this.#drawn)) return;
    this.#drawn = groups;
    const elements = groups.map((g) => {
      const group = document.createElement('div');
      group.className = `or-mark-group ${g.kind}`;
      for (const b of g.boxes) {
        const el = document.createElement('div');
        el.className = 'or-mark';
        el.style.left = `${b.left}px`;
        el.style.top = `${b.top}px`;
        el.style.width = `${b.width}px`;
        el.style.height = `${b.height}px`;
        group.append(el);
      }
      return group;
    });
    this.#layer.replaceChildren(...elements);
  }

  /** Puts the host on the page, above it (the top layer), at zoom 1: at the start, and again if the page took it away. */
  #show(): void {
    if (!this.#host.isConnected) document.documentElement.append(this.#host);
    counterPageZoom(this.#host);
    if (typeof this.#host.showPopover === 'function' && !this.#host.matches(':popover-open')) {
      this.#host.popover = 'manual';
      this.#host.showPopover();
    }
  }

  #recheck(on: boolean): void {
    if (on && this.#timer === undefined) {
      this.#timer = setInterval(() => {
        if (document.visibilityState === 'visible') this.#schedule();
      }, RECHECK_MS);
    } else if (!on && this.#timer !== undefined) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }
}
