/**
 * Runs queued work in slices so no task on the page's main thread grows long.
 * Each slice stops once SLICE_BUDGET_MS has passed and yields to the event
 * loop, letting input and rendering run between slices.
 */

/** Well under the 50 ms long-task threshold, leaving room for the step that crosses it. */
export const SLICE_BUDGET_MS = 8;

function yieldToEventLoop(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

export class TimeSlicer<T> {
  readonly #queue: T[] = [];
  #running = false;
  #idle: Array<() => void> = [];

  constructor(
    private readonly step: (item: T, slicer: TimeSlicer<T>) => void,
    private readonly signal: AbortSignal,
  ) {}

  /** Adds items to run next (front) or last (back). */
  push(items: readonly T[], where: 'front' | 'back' = 'back'): void {
    if (where === 'front') this.#queue.unshift(...items);
    else this.#queue.push(...items);
    if (!this.#running) void this.#run();
  }

  get pending(): number {
    return this.#queue.length;
  }

  /** Resolves when the queue is empty. */
  idle(): Promise<void> {
    if (!this.#running && this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  clear(): void {
    this.#queue.length = 0;
  }

  async #run(): Promise<void> {
    this.#running = true;
    try {
      let sliceStart = performance.now();
      while (this.#queue.length > 0 && !this.signal.aborted) {
        if (performance.now() - sliceStart > SLICE_BUDGET_MS) {
          await yieldToEventLoop();
          sliceStart = performance.now();
          continue;
        }
        const item = this.#queue.shift() as T;
        try {
          this.step(item, this);
        } catch (err) {
          console.error('OnRecord: annotating part of this page failed', err);
        }
      }
    } finally {
      this.#running = false;
      const waiting = this.#idle;
      this.#idle = [];
      for (const resolve of waiting) resolve();
    }
  }
}
