/** withRetry: bounded, with growing waits, stopped by its AbortSignal (issue 14, G16). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withRetry } from './retry.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Work that fails `failures` times, then answers 'ok'; records when each try ran (fake clock). */
function flaky(failures: number) {
  const at: number[] = [];
  const work = async () => {
    at.push(Date.now());
    if (at.length <= failures) throw new Error(`failure ${at.length}`);
    return 'ok';
  };
  return { work, at };
}

describe('withRetry', () => {
  it('tries again after each wait and answers once a try succeeds', async () => {
    const start = Date.now();
    const { work, at } = flaky(2);
    const result = withRetry(work, { signal: new AbortController().signal, delaysMs: [100, 300, 900] });
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe('ok');
    expect(at.map((t) => t - start)).toEqual([0, 100, 400]);
  });

  it('gives up after the last wait with the last error', async () => {
    const { work, at } = flaky(99);
    const result = withRetry(work, { signal: new AbortController().signal, delaysMs: [10, 20] });
    const settled = expect(result).rejects.toThrow('failure 3');
    await vi.runAllTimersAsync();
    await settled;
    expect(at).toHaveLength(3);
  });

  it('an abort during a wait stops it at once, and nothing is tried after', async () => {
    const { work, at } = flaky(99);
    const controller = new AbortController();
    const result = withRetry(work, { signal: controller.signal, delaysMs: [1000, 1000] });
    const settled = expect(result).rejects.toThrow('left the page');
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('left the page'));
    await vi.runAllTimersAsync();
    await settled;
    expect(at).toHaveLength(1);
  });
});
