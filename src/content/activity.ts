/**
 * What the content script has started and not yet finished: timers that will do work, requests to the
 * background in flight, and queues that report themselves busy. The extension (never the page) can ask a
 * tab whether it is idle over runtime messaging, so a test waits for "the work is done" instead of
 * sleeping before it checks that nothing happened. Nothing here is written to the page's DOM, its
 * globals or the shared highlight registry.
 */
import { worldState } from './world-state.ts';

/** One count per frame, whichever of the content scripts (world-state.ts) does the work. */
const state = worldState('activity', () => ({
  timers: new Map<number, ReturnType<typeof setTimeout>>(),
  probes: new Set<() => boolean>(),
  nextTimer: 1,
  requests: 0,
  finished: 0,
}));
const { timers, probes } = state;

/** setTimeout whose pending callback counts as work in progress. */
export function setTrackedTimeout(fn: () => void, ms: number): number {
  const id = state.nextTimer++;
  timers.set(
    id,
    setTimeout(() => {
      timers.delete(id);
      try {
        fn();
      } finally {
        state.finished++;
      }
    }, ms),
  );
  return id;
}

export function clearTrackedTimeout(id: number | undefined): void {
  if (id === undefined) return;
  clearTimeout(timers.get(id));
  timers.delete(id);
}

/** A request (or any promise) that counts as work in progress until it settles. */
export function track<T>(work: Promise<T>): Promise<T> {
  state.requests++;
  return work.finally(() => {
    state.requests--;
    state.finished++;
  });
}

/** A queue that says whether it holds work; counted until `signal` aborts. */
export function reportBusy(busy: () => boolean, signal: AbortSignal): void {
  probes.add(busy);
  signal.addEventListener('abort', () => probes.delete(busy), { once: true });
}

export interface ActivitySnapshot {
  idle: boolean;
  /** Work items finished so far (timers run, requests settled): tells a waiter that something did happen. */
  finished: number;
  timers: number;
  requests: number;
  busyQueues: number;
}

export function activity(): ActivitySnapshot {
  let busyQueues = 0;
  for (const busy of probes) if (busy()) busyQueues++;
  const { requests, finished } = state;
  return { idle: timers.size === 0 && requests === 0 && busyQueues === 0, finished, timers: timers.size, requests, busyQueues };
}
