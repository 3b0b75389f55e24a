import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleHighlight } from '../core/annotations/testing.ts';
import { installDom } from '../ui/test-dom.ts';
import { activity } from './activity.ts';
import { liveRange, REPORT_DELAY_MS, SavedLayer, savedStatus } from './saved-layer.ts';
import type { SavedPainter } from './saved-paint.ts';

const painter = { paint: () => undefined } as unknown as SavedPainter;

describe('SavedLayer: the anchoring report', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    installDom().document.body.append('A page that no longer has the passage.');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('a failed orphan report is sent again, later each time, until the background has it', async () => {
    const calls: Array<{ placed: string[]; orphaned: string[] }> = [];
    let failuresLeft = 2;
    const report = async (placed: string[], orphaned: string[]) => {
      calls.push({ placed, orphaned });
      if (failuresLeft-- > 0) throw new Error('the service worker did not answer');
    };
    const layer = new SavedLayer(painter, report, new AbortController().signal);
    const lost = sampleHighlight(1);
    layer.replaceAll([lost]);
    expect(layer.orphans.map((h) => h.id)).toEqual([lost.id]);

    await vi.advanceTimersByTimeAsync(REPORT_DELAY_MS);
    expect(calls).toHaveLength(1);
    // First retry after 2 delays, the second after 4 more.
    await vi.advanceTimersByTimeAsync(2 * REPORT_DELAY_MS);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(4 * REPORT_DELAY_MS - 1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    for (const c of calls) expect(c).toEqual({ placed: [], orphaned: [lost.id] });

    // Delivered: the same result is not sent again when the page is anchored again.
    layer.anchorAll();
    await vi.advanceTimersByTimeAsync(64 * REPORT_DELAY_MS);
    expect(calls).toHaveLength(3);
    expect(activity().timers).toBe(0);
  });

  it('a report that never gets through is not marked as sent: the next anchoring tries again', async () => {
    const calls: string[][] = [];
    const report = async (_placed: string[], orphaned: string[]) => {
      calls.push(orphaned);
      throw new Error('no answer');
    };
    const layer = new SavedLayer(painter, report, new AbortController().signal);
    layer.replaceAll([sampleHighlight(2)]);
    await vi.advanceTimersByTimeAsync(200 * REPORT_DELAY_MS);
    const tries = calls.length;
    expect(tries).toBe(7); // the first attempt and six retries, then it stops asking
    layer.anchorAll();
    await vi.advanceTimersByTimeAsync(REPORT_DELAY_MS);
    expect(calls.length).toBe(tries + 1);
  });

  it('when every retry fails, the page\'s status says so (the popup shows it) until a report gets through', async () => {
    let failing = true;
    const report = async () => {
      if (failing) throw new Error('no answer');
    };
    const stop = new AbortController();
    const layer = new SavedLayer(painter, report, stop.signal);
    layer.replaceAll([sampleHighlight(3), sampleHighlight(4)]);
    await vi.advanceTimersByTimeAsync(REPORT_DELAY_MS);
    // Still retrying: not given up yet.
    expect(savedStatus()).toEqual({ unplaced: 2, unreported: false });
    await vi.advanceTimersByTimeAsync(200 * REPORT_DELAY_MS);
    expect(savedStatus()).toEqual({ unplaced: 2, unreported: true });
    expect(console.error).toHaveBeenLastCalledWith(expect.stringContaining('the popup shows it'), expect.any(Error));

    // The background answers again: the next anchoring's report gets through and the warning goes.
    failing = false;
    layer.anchorAll();
    await vi.advanceTimersByTimeAsync(REPORT_DELAY_MS);
    expect(savedStatus()).toEqual({ unplaced: 2, unreported: false });
    stop.abort();
    expect(savedStatus()).toBeUndefined();
  });
});

describe('liveRange', () => {
  it('clamps a boundary past a text the page has since shortened (a browser Range would throw, and stop every mark)', () => {
    const { document } = installDom();
    const text = document.createTextNode('a passage the page later cut');
    document.body.append(text);
    const stale = { startContainer: text, startOffset: 2, endContainer: text, endOffset: text.data.length, collapsed: false };
    text.data = 'a passage';
    // A Range with the browser's contract: an offset past the node's length is an IndexSizeError.
    const check = (node: Node, offset: number) => {
      if (offset > (node.textContent ?? '').length) throw new DOMException('offset past the end', 'IndexSizeError');
    };
    const range = {
      startOffset: 0,
      endOffset: 0,
      setStart(node: Node, offset: number) { check(node, offset); this.startOffset = offset; },
      setEnd(node: Node, offset: number) { check(node, offset); this.endOffset = offset; },
    };
    (document as unknown as { createRange(): unknown }).createRange = () => range;
    const live = liveRange(stale as AbstractRange);
    expect([live.startOffset, live.endOffset]).toEqual([2, 'a passage'.length]);
  });
});
