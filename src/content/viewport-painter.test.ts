import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installDom } from '../ui/test-dom.ts';
import type { HighlightRegistry } from './highlight-registry.ts';
import type { PageMention } from './mention-store.ts';
import { WINDOWED_GROUP, WINDOW_DELAY_MS, ViewportPainter, proportionalMeasure, spanBetween } from './viewport-painter.ts';

/** Stands in for the browser's IntersectionObserver: the test says when a group comes into view or leaves it. */
class FakeObserver {
  static last: FakeObserver | undefined;
  readonly observed = new Set<Element>();
  constructor(readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.last = this;
  }
  observe(el: Element): void {
    this.observed.add(el);
  }
  unobserve(el: Element): void {
    this.observed.delete(el);
  }
  disconnect(): void {
    this.observed.clear();
  }
  report(target: Element, isIntersecting: boolean): void {
    const rect = { width: 100, height: 100, top: 0, bottom: 100, left: 0, right: 100 };
    this.callback([{ target, isIntersecting, boundingClientRect: rect } as unknown as IntersectionObserverEntry]);
  }
}

/** The highlights, as a set of ranges, and how many times they were changed. */
function fakeRegistry() {
  const ranges = new Set<AbstractRange>();
  let changes = 0;
  const registry = {
    add: (_t: unknown, r: AbstractRange) => void (ranges.add(r), changes++),
    delete: (_t: unknown, r: AbstractRange) => void (ranges.delete(r) && changes++),
  } as unknown as HighlightRegistry;
  return { registry, ranges, changes: () => changes };
}

const VIEWPORT = 800;
/** Mention i of the one text node sits on row i, 20 px high; the page is scrolled by `scroll.y`. */
const ROW = 20;
const scroll = { y: 0 };
const measure = (m: PageMention) => {
  const top = (m.startOffset / 10) * ROW - scroll.y;
  return { top, bottom: top + ROW };
};

let doc: Document;
beforeEach(() => {
  doc = installDom().document;
  (globalThis as Record<string, unknown>).IntersectionObserver = FakeObserver;
  (window as unknown as { innerHeight: number }).innerHeight = VIEWPORT;
  scroll.y = 0;
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function mentionAt(node: Text, i: number): PageMention {
  const bounds = { startContainer: node, startOffset: i * 10, endContainer: node, endOffset: i * 10 + 6 };
  return { entityId: 'peskov', type: 'person', ...bounds, range: bounds as unknown as StaticRange, nodes: [node] };
}
/** A scroll event, as the browser (trusted) or a page script (not) sends it. */
function scrolled(doc: Document, trusted = true): void {
  const e = new (window as unknown as { Event: typeof Event }).Event('scroll');
  Object.defineProperty(e, 'isTrusted', { value: trusted });
  doc.dispatchEvent(e);
}
const rows = (ranges: Set<AbstractRange>) => [...ranges].map((r) => r.startOffset / 10).sort((a, b) => a - b);

describe('ViewportPainter', () => {
  it('draws a small group whole when it comes into view, and takes it away when it leaves', () => {
    const hl = fakeRegistry();
    const painter = new ViewportPainter(hl.registry, new AbortController().signal, { measure });
    const p = doc.createElement('p');
    const node = doc.createTextNode('Peskov    '.repeat(10));
    p.append(node);
    doc.body.append(p);
    for (let i = 0; i < 10; i++) painter.add(mentionAt(node, i), p);
    expect(hl.ranges.size).toBe(0);
    FakeObserver.last!.report(p, true);
    expect(hl.ranges.size).toBe(10);
    FakeObserver.last!.report(p, false);
    expect(hl.ranges.size).toBe(0);
  });

  it('draws a huge group only around the viewport, leaves it alone on a short scroll, and redraws past it', () => {
    const hl = fakeRegistry();
    const painter = new ViewportPainter(hl.registry, new AbortController().signal, { measure });
    const p = doc.createElement('p');
    const node = doc.createTextNode('Peskov    '.repeat(5_000));
    p.append(node);
    doc.body.append(p);
    const count = 5 * WINDOWED_GROUP;
    for (let i = 0; i < count; i++) painter.add(mentionAt(node, i), p);
    FakeObserver.last!.report(p, true);
    vi.advanceTimersByTime(WINDOW_DELAY_MS);
    // Three viewport heights above and below: rows 0 to (800 + 2,400) / 20 = 160.
    expect(rows(hl.ranges)).toEqual(Array.from({ length: 161 }, (_, i) => i));
    expect(painter.drawnCount).toBe(161);

    // A scroll of a screen: what lies within one screen of the viewport is drawn already, nothing changes.
    const changes = hl.changes();
    scroll.y = 1_000;
    scrolled(doc);
    vi.advanceTimersByTime(WINDOW_DELAY_MS);
    expect(hl.changes()).toBe(changes);

    // Past what is drawn: redrawn around the new place (from row 129, whose bottom edge is at -2,400 px, to row
    // (5,000 + 3,200) / 20 = 410, whose top is at 3,200 px).
    // A scroll event the page made up is ignored…
    scroll.y = 5_000;
    scrolled(doc, false);
    vi.advanceTimersByTime(WINDOW_DELAY_MS);
    expect(hl.changes()).toBe(changes);
    // …the reader's is not.
    scrolled(doc);
    vi.advanceTimersByTime(WINDOW_DELAY_MS);
    const drawn = rows(hl.ranges);
    expect(drawn[0]).toBe(129);
    expect(drawn.at(-1)).toBe(410);
    expect(drawn).toHaveLength(282);

    // A mention found later in view is drawn; one found far below is not, and changes nothing.
    const bounds = { startContainer: node, startOffset: 2_505, endContainer: node, endOffset: 2_511 }; // row 250.5, in view, out of order
    const late: PageMention = { ...mentionAt(node, 0), ...bounds, range: bounds as unknown as StaticRange };
    painter.add(late, p);
    vi.advanceTimersByTime(WINDOW_DELAY_MS);
    expect(hl.ranges.has(late.range)).toBe(true);
    const before = hl.changes();
    painter.add(mentionAt(node, count + 10), p);
    vi.advanceTimersByTime(WINDOW_DELAY_MS);
    expect(hl.changes()).toBe(before);

    // Removed mentions leave the highlights; the group leaving the view takes the rest away.
    painter.remove(late);
    expect(hl.ranges.has(late.range)).toBe(false);
    FakeObserver.last!.report(p, false);
    expect(hl.ranges.size).toBe(0);
    expect(painter.drawnCount).toBe(0);
  });

  it('places the mentions of one huge text node by their share of its characters, measuring no range', () => {
    const hl = fakeRegistry();
    const p = doc.createElement('p');
    const node = doc.createTextNode('Peskov    '.repeat(5_000));
    p.append(node);
    doc.body.append(p);
    // The paragraph's box: 100,000 px high, so mention i (at character 10·i of 50,000) lies 20·i px down, as `measure` has it.
    let style: Record<string, string> = { whiteSpace: 'normal', writingMode: 'horizontal-tb', display: 'block', columnCount: 'auto', paddingTop: '0px', paddingBottom: '0px', borderTopWidth: '0px', borderBottomWidth: '0px' };
    vi.stubGlobal('getComputedStyle', () => style as unknown as CSSStyleDeclaration);
    p.getBoundingClientRect = () => ({ top: -scroll.y, height: 100_000, bottom: 100_000 - scroll.y, left: 0, right: 600, width: 600 }) as DOMRect;
    let ranges = 0;
    vi.spyOn(doc, 'createRange').mockImplementation(() => {
      ranges++;
      throw new Error('no range may be measured');
    });
    const painter = new ViewportPainter(hl.registry, new AbortController().signal);
    for (let i = 0; i < 5 * WINDOWED_GROUP; i++) painter.add(mentionAt(node, i), p);
    FakeObserver.last!.report(p, true);
    vi.advanceTimersByTime(WINDOW_DELAY_MS);
    expect(rows(hl.ranges)).toEqual(Array.from({ length: 161 }, (_, i) => i));
    scroll.y = 5_000;
    scrolled(doc);
    vi.advanceTimersByTime(WINDOW_DELAY_MS);
    // A mention's estimated box ends where its last character does (row 129 ends 12 px down its row, above -2,400 px).
    expect(rows(hl.ranges)[0]).toBe(130);
    expect(rows(hl.ranges).at(-1)).toBe(410);
    expect(ranges).toBe(0);

    // Not such a block: its ranges are measured. Text laid out as written (pre), or a second child.
    style = { ...style, whiteSpace: 'pre' };
    expect(proportionalMeasure(p)).toBeNull();
    style = { ...style, whiteSpace: 'normal' };
    expect(proportionalMeasure(p)?.(mentionAt(node, 100))?.top).toBe(2_000 - scroll.y);
    p.append(doc.createElement('b'));
    expect(proportionalMeasure(p)).toBeNull();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('a group that grows huge while in view keeps only what is around the viewport', () => {
    const hl = fakeRegistry();
    const painter = new ViewportPainter(hl.registry, new AbortController().signal, { measure });
    const p = doc.createElement('p');
    const node = doc.createTextNode('Peskov    '.repeat(3_000));
    p.append(node);
    doc.body.append(p);
    FakeObserver.last!.report(p, false);
    painter.add(mentionAt(node, 0), p);
    FakeObserver.last!.report(p, true);
    for (let i = 1; i < 3 * WINDOWED_GROUP; i++) painter.add(mentionAt(node, i), p);
    vi.advanceTimersByTime(WINDOW_DELAY_MS);
    expect(rows(hl.ranges)).toEqual(Array.from({ length: 161 }, (_, i) => i));
  });
});

describe('spanBetween', () => {
  it('finds the mentions between two heights by binary search, measuring about 2·log2(n) of them', () => {
    const node = {} as Text;
    const list = Array.from({ length: 100_000 }, (_, i) => mentionAt(node, i));
    let measured = 0;
    const counting = (m: PageMention) => {
      measured++;
      return measure(m);
    };
    expect(spanBetween(list, counting, 100, 300)).toEqual([4, 16]);
    expect(measured).toBeLessThanOrEqual(2 * 17 + 2);
    expect(spanBetween(list, measure, -500, -100)).toEqual([0, 0]);
    expect(spanBetween(list, measure, 10_000_000, 20_000_000)).toEqual([100_000, 100_000]);
    expect(spanBetween([], measure, 0, 100)).toEqual([0, 0]);
  });
});
