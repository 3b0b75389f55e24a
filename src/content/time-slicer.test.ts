import { afterEach, describe, expect, it, vi } from 'vitest';
import { SLICE_BUDGET_MS, SliceClock, TimeSlicer } from './time-slicer.ts';

/** A clock the test moves: each step "takes" what it says. */
function fakeClock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** The steps run in each slice, given how long each step takes, the clock asked as a slice asks it. */
function slices(stepMs: readonly number[], budgetMs = 8): number[][] {
  const c = fakeClock();
  const clock = new SliceClock(budgetMs, c.now);
  const out: number[][] = [[]];
  for (let i = 0; i < stepMs.length; ) {
    if (!clock.fits()) {
      out.push([]);
      c.advance(1); // the page's own tasks in between
      clock.restart();
      continue;
    }
    out[out.length - 1]!.push(i);
    c.advance(stepMs[i]!);
    i++;
  }
  return out;
}

describe('SliceClock', () => {
  it('does not start a step that would likely take the slice past its budget', () => {
    // 5 ms steps in an 8 ms budget: the second would end at 10 ms, so each slice runs one (two made 10 ms slices).
    expect(slices([5, 5, 5, 5])).toEqual([[0], [1], [2], [3]]);
  });

  it('runs short steps until the next would cross the budget', () => {
    // 2 ms steps: 0, 2, 4, 6 → 8 ms; a fifth would end at 10.
    expect(slices([2, 2, 2, 2, 2, 2, 2, 2])).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
  });

  it('judges by the longest step of the slice so far, and always runs a slice’s first step', () => {
    // 1 ms, then 6 ms (7 spent): a third at least 6 ms long would end past 8. A step longer than the budget still runs alone.
    expect(slices([1, 6, 1, 20, 1])).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('forgets the slice’s steps on restart', () => {
    // A 7 ms step, then 1 ms steps: after the yield the long step no longer counts.
    expect(slices([7, 1, 1, 1, 1])).toEqual([[0], [1, 2, 3, 4]]);
  });
});

describe('TimeSlicer', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('yields to the event loop before a step that would take the slice past its budget', async () => {
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => t);
    // Each yield is seen (scheduler.yield, as in Chromium): the steps between two yields ran in one task.
    const log: string[] = [];
    vi.stubGlobal('scheduler', { yield: () => (log.push('yield'), Promise.resolve()) });
    // Each step takes 5 ms: within SLICE_BUDGET_MS (8) one fits, and a second would end at 10 ms.
    expect(SLICE_BUDGET_MS).toBeLessThan(10);
    const slicer = new TimeSlicer<number>((n) => {
      log.push(`step ${n}`);
      t += 5;
    }, new AbortController().signal);
    slicer.push([1, 2, 3]);
    await slicer.idle();
    expect(log).toEqual(['step 1', 'yield', 'step 2', 'yield', 'step 3']);
  });

  it('starts work pushed `later` in a task of its own, and work pushed meanwhile with it', async () => {
    const log: string[] = [];
    vi.stubGlobal('scheduler', { yield: () => (log.push('yield'), Promise.resolve()) });
    const slicer = new TimeSlicer<number>((n) => void log.push(`step ${n}`), new AbortController().signal);
    slicer.push([1], 'back', true);
    slicer.push([2]);
    log.push('caller done');
    expect(slicer.busy).toBe(true);
    await slicer.idle();
    expect(log).toEqual(['yield', 'caller done', 'step 1', 'step 2']);
    // Without `later`, in the caller's task.
    slicer.push([3]);
    log.push('caller done');
    expect(log.slice(4)).toEqual(['step 3', 'caller done']);
  });

  it('stops at once when aborted, runs nothing after, and is idle though work is left queued', async () => {
    const ac = new AbortController();
    const ran: number[] = [];
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => t);
    const slicer = new TimeSlicer<number>((n) => {
      ran.push(n);
      t += 5;
      if (n === 2) ac.abort();
    }, ac.signal);
    slicer.push([1, 2, 3, 4]);
    await slicer.idle();
    expect(ran).toEqual([1, 2]);
    expect(slicer.pending).toBe(2);
  }, 5_000);
});
