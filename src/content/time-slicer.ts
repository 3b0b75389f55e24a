/**
 * Runs queued work in slices so no task on the page's main thread grows long.
 * Each slice stops before the step that would likely take it past
 * SLICE_BUDGET_MS (SliceClock) and yields to the event loop, letting input and
 * rendering run between slices.
 */

/** Well under the 50 ms long-task threshold, leaving room for the step that crosses it. */
export const SLICE_BUDGET_MS = 8;

/** Lets the page's own tasks (input, rendering) run before the caller goes on. */
export function yieldToEventLoop(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/**
 * Resolves in a task after the page's next frame (its style and layout then clean, so reading a computed style
 * forces no pass over what the page changed before it), or at once when the tab is hidden (it gets no frames), or
 * after `maxWaitMs`, or when `signal` aborts.
 */
export function afterNextFrame(signal: AbortSignal, maxWaitMs: number): Promise<void> {
  if (document.visibilityState !== 'visible' || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = new AbortController();
    const finish = () => {
      clearTimeout(timer);
      done.abort();
      resolve();
    };
    const timer = setTimeout(finish, maxWaitMs);
    const opts = { once: true, signal: done.signal } as const;
    document.addEventListener('visibilitychange', finish, opts);
    signal.addEventListener('abort', finish, opts);
    requestAnimationFrame(() => setTimeout(finish, 0));
  });
}

/**
 * A slice's clock: whether the next step still fits the budget. Looking only at the time already spent lets the
 * step that starts just under the budget run its whole length past it (two 7 ms extraction steps made one 15 ms
 * slice; under load, tasks of 50–60 ms wall on bench:hostile's 200,000-node page). So the step that would likely
 * cross the budget is not started: the slice's steps so far tell how long one takes (the longest of them). The first
 * step of a slice always runs.
 */
export class SliceClock {
  #start = 0;
  #stepStart = 0;
  #longestStep = 0;
  #steps = 0;

  constructor(
    private readonly budgetMs = SLICE_BUDGET_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.restart();
  }

  /** A new slice begins (after a yield). */
  restart(): void {
    this.#start = this.#stepStart = this.now();
    this.#longestStep = 0;
    this.#steps = 0;
  }

  /** Called before each step: false when the slice should end (yield) before it. */
  fits(): boolean {
    const t = this.now();
    if (this.#steps > 0) this.#longestStep = Math.max(this.#longestStep, t - this.#stepStart);
    if (this.#steps > 0 && t - this.#start + this.#longestStep > this.budgetMs) return false;
    this.#steps++;
    this.#stepStart = t;
    return true;
  }
}

export class TimeSlicer<T> {
  readonly #queue: T[] = [];
  #running = false;
  /** While held, pushed work waits (see hold); runFor still runs it. */
  #held = false;
  #idle: Array<() => void> = [];

  constructor(
    private readonly step: (item: T, slicer: TimeSlicer<T>) => void,
    private readonly signal: AbortSignal,
  ) {}

  /**
   * Adds items to run next (front) or last (back). When nothing runs, the work starts at once, in this task, or with
   * `later` in a task of its own: for a caller whose task has already done a slice's worth (the page watcher hands
   * out a batch after reading its records: the two in one task made 40–60 ms tasks in bench:hostile's storm).
   */
  push(items: readonly T[], where: 'front' | 'back' = 'back', later = false): void {
    if (where === 'front') this.#queue.unshift(...items);
    else this.#queue.push(...items);
    if (!this.#running && !this.#held) void this.#run(later);
  }

  /** Queued work waits until release(), except what runFor() runs synchronously. */
  hold(): void {
    this.#held = true;
  }

  /** Resumes queued work, in slices as usual. */
  release(): void {
    this.#held = false;
    if (!this.#running && this.#queue.length > 0) void this.#run();
  }

  /**
   * Runs queued steps synchronously, in this task, until `budgetMs` has
   * passed or the queue is empty; the rest stays queued. For work that must be
   * done before the page's next frame; only while held, so it cannot run
   * alongside the sliced loop.
   */
  runFor(budgetMs: number): void {
    if (!this.#held || this.#running) return;
    const clock = new SliceClock(budgetMs);
    while (this.#queue.length > 0 && !this.signal.aborted && clock.fits()) this.#runStep(this.#queue.shift() as T);
    if (this.#queue.length === 0) this.#settle();
  }

  /** Reorders the queued work (e.g. what is in view first). */
  reorder(order: (items: readonly T[]) => T[]): void {
    const next = order(this.#queue);
    this.#queue.length = 0;
    this.#queue.push(...next);
  }

  /** Work is queued or running (held work counts: it is not done). */
  get busy(): boolean {
    return this.#running || this.#queue.length > 0;
  }

  get pending(): number {
    return this.#queue.length;
  }

  /** Resolves when the queue is empty, or the work was aborted (what is left queued never runs). */
  idle(): Promise<void> {
    if (this.signal.aborted || (!this.#running && this.#queue.length === 0)) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  clear(): void {
    this.#queue.length = 0;
  }

  #runStep(item: T): void {
    try {
      this.step(item, this);
    } catch (err) {
      console.error('OnRecord: annotating part of this page failed', err);
    }
  }

  async #run(later = false): Promise<void> {
    this.#running = true;
    try {
      if (later) await yieldToEventLoop();
      const clock = new SliceClock();
      while (this.#queue.length > 0 && !this.signal.aborted) {
        if (!clock.fits()) {
          await yieldToEventLoop();
          clock.restart();
          continue;
        }
        this.#runStep(this.#queue.shift() as T);
      }
    } finally {
      this.#running = false;
      this.#settle();
    }
  }

  #settle(): void {
    const waiting = this.#idle;
    this.#idle = [];
    for (const resolve of waiting) resolve();
  }
}
