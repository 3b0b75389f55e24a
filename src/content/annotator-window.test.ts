import { describe, expect, it } from 'vitest';
import { installDom } from '../ui/test-dom.ts';
import { holdChunk, inWindowAt, runUntil, windowEnd } from './annotator.ts';

describe('windowEnd (matching one huge text a window at a time)', () => {
  it('cuts just after whitespace before the nominal end, so the next window starts at a word', () => {
    const text = 'aaaa bbbb Dmitry Peskov cccc';
    const at = text.indexOf('Peskov') + 3;
    const end = windowEnd(text, at);
    expect(text.slice(end)).toBe('Peskov cccc');
  });

  it('never cuts inside a surrogate pair when there is no whitespace to cut at', () => {
    const text = 'x'.repeat(5_000) + '😀' + 'y'.repeat(5_000);
    const end = windowEnd(text, 5_001);
    expect(end).toBe(5_000);
  });

  it('stops at the end of the text', () => {
    expect(windowEnd('short', 20_000)).toBe(5);
  });

  it('keeps a window\'s mentions that start before its end, moved to the text\'s offsets', () => {
    const m = (start: number, end: number) => ({ start, end, entityId: 'peskov', type: 'person' as const, quiet: false });
    // A window scanned from 1,000, ending at 1,500 (its overlap scanned too): the mention starting in the overlap is the next window's.
    const kept = inWindowAt([m(10, 23), m(480, 493), m(500, 513), m(600, 613)], 1_000, 1_500);
    expect(kept.map((x) => [x.start, x.end])).toEqual([[1_010, 1_023], [1_480, 1_493]]);
  });
});

describe('holdChunk (chunks kept for a second match once the page is about the record)', () => {
  const node = (isConnected: boolean) => ({ root: { isConnected } as Node });
  it('keeps every chunk up to its bound, in order', () => {
    let held: Array<{ root: Node }> = [];
    for (let i = 0; i < 3; i++) held = holdChunk(held, node(true), 3);
    expect(held).toHaveLength(3);
  });

  it('never grows past its bound: a full list lets go of chunks that left the page, else takes no more', () => {
    const gone = node(false);
    let held = holdChunk(holdChunk(holdChunk([], node(true), 3), gone, 3), node(true), 3);
    const next = node(true);
    held = holdChunk(held, next, 3);
    expect(held).toHaveLength(3);
    expect(held).not.toContain(gone);
    expect(held).toContain(next);
    held = holdChunk(held, node(true), 3);
    expect(held).toHaveLength(3);
    expect(held.at(-1)).toBe(next);
  });
});

describe('runUntil (a live feed\'s run ends where it ended when its batch was made)', () => {
  it('ends before what the page appended after the batch, not at the feed\'s end when the step runs', () => {
    const { document } = installDom();
    const feed = document.createElement('div');
    const spans = Array.from({ length: 3 }, (_, i) => Object.assign(document.createElement('span'), { textContent: `update ${i}` }));
    feed.append(...spans);
    const last = feed.lastChild!;
    expect(runUntil(feed, last)).toBeUndefined();
    // Frames later, before the step runs: more spans, each the next batch's.
    const later = Array.from({ length: 1_000 }, (_, i) => Object.assign(document.createElement('span'), { textContent: `later ${i}` }));
    feed.append(...later);
    expect(runUntil(feed, last)).toBe(later[0]);
  });

  it('reads to the end, as before, when the run\'s last child left the feed', () => {
    const { document } = installDom();
    const feed = document.createElement('div');
    const a = document.createElement('span');
    const b = document.createElement('span');
    feed.append(a, b);
    a.remove();
    expect(runUntil(feed, a)).toBeUndefined();
  });
});
