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
 * animation frame) when the marks change, on any scroll or resize, at the end
 * of a transition or animation, when a web font arrives, when the document or
 * body changes size, and on a one-second timer while the tab is visible (a
 * reflow no event announces). Only boxes near the viewport are
 * drawn, and a box whose centre is covered by something else on the page (a
 * sticky header, a page dialog) is left out, as the text under it is.
 */
import type { HighlightColor } from '../core/annotations/model.ts';
import { counterPageZoom, createShadowHost, showInTopLayer } from './shadow-host.ts';
import { UI_HOST } from '../page-text/element-rules.ts';
import { liveRange } from './saved-layer.ts';

/** One private mark: a range and the class its boxes take (`saved-yellow`, `checked`, …). */
export interface PrivateMark {
  readonly range: AbstractRange;
  readonly kind: string;
}

/** Boxes further than this many viewport heights above or below the viewport are not drawn. */
const DRAW_MARGIN_SCREENS = 1;
/** How often the marks are measured again for reflows no event announces, and the host put back if the page took it. */
export const RECHECK_MS = 1_000;

/** Saved highlights' tints (blended with the page under them, see `marksBlend`). */
export const SAVED_BACKGROUNDS: Readonly<Record<HighlightColor, string>> = {
  yellow: 'rgb(255 212 0 / 0.45)',
  green: 'rgb(60 200 90 / 0.35)',
  blue: 'rgb(70 150 255 / 0.35)',
  pink: 'rgb(255 105 180 / 0.35)',
  purple: 'rgb(160 100 255 / 0.35)',
};

const CSS = [
  '.or-marks { position: absolute; inset: 0 auto auto 0; width: 0; height: 0; overflow: visible; pointer-events: none; }',
  '.or-mark { position: absolute; pointer-events: none; border-radius: 2px; }',
  ...Object.entries(SAVED_BACKGROUNDS).map(([color, bg]) => `.saved-${color} > .or-mark { background: ${bg}; }`),
  // A claim checked on this page: a dotted violet line under a faint tint, distinct from underlines and saved tints.
  '.checked > .or-mark { background: rgb(124 58 237 / 0.10); border-bottom: 2px dotted #7c3aed; }',
  '@media (forced-colors: active) { .or-mark-group > .or-mark { background: none !important; border: 0 !important; outline: 2px solid Highlight; } }',
  '@media print { .or-marks { display: none; } }',
].join('\n');

/** Relative luminance (0–1) of a computed `rgb()`/`rgba()` colour, or undefined when it is transparent or unreadable. */
function luminance(color: string): number | undefined {
  const m = /rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?/.exec(color);
  if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/**
 * How the marks layer blends with the page. The layer is one stacking context over the page, so the blending is
 * set on its host: `multiply` on a light page (black text stays black, the paper takes the tint), `screen` on a
 * dark one (the dark paper takes it, light text stays light), none in forced colours.
 */
function marksBlend(): 'multiply' | 'screen' | 'normal' {
  if (matchMedia('(forced-colors: active)').matches) return 'normal';
  for (const el of [document.body, document.documentElement]) {
    if (!el) continue;
    const l = luminance(getComputedStyle(el).backgroundColor);
    if (l !== undefined) return l < 0.2 ? 'screen' : 'multiply';
  }
  // No background set anywhere: the canvas, dark when the page asks for a dark scheme and the reader prefers one.
  const dark = getComputedStyle(document.documentElement).colorScheme.includes('dark') && matchMedia('(prefers-color-scheme: dark)').matches;
  return dark ? 'screen' : 'multiply';
}

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
  /** Undefined where no HTML host can be made (an SVG or other non-HTML document): nothing is drawn there. */
  readonly #host: HTMLElement | undefined;
  readonly #layer: HTMLDivElement | undefined;
  readonly #signal: AbortSignal;
  readonly #sources = new Map<string, readonly PrivateMark[]>();
  readonly #sizes: ResizeObserver | undefined;
  #bodyObserved = false;
  #marks: readonly PrivateMark[] = [];
  #drawn: Group[] = [];
  #frame = 0;

  constructor(signal: AbortSignal) {
    this.#signal = signal;
    if (signal.aborted || !(document.documentElement instanceof HTMLElement)) return;
    const { host, shadow } = createShadowHost(UI_HOST.marks, CSS);
    this.#host = host;
    this.#layer = document.createElement('div');
    this.#layer.className = 'or-marks';
    // Decoration: the text under the boxes is what assistive technology reads.
    this.#layer.setAttribute('aria-hidden', 'true');
    shadow.append(this.#layer);
    // Everything below runs the same way with marks or without: what the page can observe of the host (its
    // presence, its top-layer state, its style) must not depend on whether, or where, something is marked.
    const schedule = () => this.#schedule();
    // Scroll events do not bubble: captured on the document, they come from every scrolling element.
    document.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
    window.addEventListener('resize', schedule, { passive: true, signal });
    // Text moved by a transition or an animation (a header sliding in), or by a web font arriving.
    document.addEventListener('transitionend', schedule, { capture: true, passive: true, signal });
    document.addEventListener('animationend', schedule, { capture: true, passive: true, signal });
    document.fonts?.addEventListener('loadingdone', schedule, { signal });
    this.#sizes = new ResizeObserver(schedule);
    this.#sizes.observe(document.documentElement);
    // A reflow no event announces is caught within a second; the host is put back within a second if the page took it.
    // The page's zoom and background are read just after a frame, when the page's style is up to date: read from the
    // timer itself, they forced a style pass over whatever the page had changed since (a live feed's thousand new
    // nodes: 40 ms wall, 22 ms CPU in one task of bench:hostile's storm, issue 14).
    let after = 0;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible' || after !== 0) return;
      after = requestAnimationFrame(() => {
        after = window.setTimeout(() => {
          after = 0;
          if (signal.aborted) return;
          this.#restyle();
          this.#schedule();
        }, 0);
      });
    }, RECHECK_MS);
    signal.addEventListener(
      'abort',
      () => {
        this.#sizes?.disconnect();
        cancelAnimationFrame(this.#frame);
        clearInterval(timer);
        host.remove();
      },
      { once: true },
    );
    this.#restyle();
    this.#ensureHost();
  }

  /** Replaces the marks of `source` (`saved`, `checked`) with `marks`; they are drawn in the next frame. */
  set(source: string, marks: readonly PrivateMark[]): void {
    if (this.#signal.aborted || !this.#host) return;
    if (marks.length > 0) this.#sources.set(source, marks);
    else this.#sources.delete(source);
    this.#marks = [...this.#sources.values()].flat();
    this.#schedule();
  }

  #schedule(): void {
    if (this.#frame || this.#signal.aborted || !this.#host) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#draw();
    });
  }

  #draw(): void {
    if (this.#signal.aborted || !this.#layer) return;
    // Put back only when the page took it: the zoom is the timer's to check (reading it here, in every frame the page
    // resizes, forced the page's style inside our task).
    if (!this.#bodyObserved || !this.#host?.isConnected || !this.#host.matches(':popover-open')) this.#ensureHost();
    const groups = this.#marks.length > 0 ? measureMarks(this.#marks, { width: window.innerWidth, height: window.innerHeight }) : [];
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
  #ensureHost(): void {
    const host = this.#host;
    if (!host) return;
    showInTopLayer(host);
    if (!this.#bodyObserved && document.body) {
      this.#sizes?.observe(document.body);
      this.#bodyObserved = true;
    }
  }

  /** The host's zoom and blending, from the page's zoom and background (never from the marks). */
  #restyle(): void {
    const host = this.#host;
    if (!host) return;
    counterPageZoom(host);
    const blend = marksBlend();
    if (host.style.getPropertyValue('mix-blend-mode') !== blend) host.style.setProperty('mix-blend-mode', blend, 'important');
  }
}
