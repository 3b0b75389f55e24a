/**
 * How far the install of a record has come (issue 15: a record of 100,000 positions takes seconds to read,
 * write and compile): the worker reports the phase and the fraction of the whole, and the popup and the options
 * page show it (src/pages/install-progress.tsx). A page opened midway asks for the current state; after that it
 * hears each change (`bg-page-install-progress`), at most one per phase every PROGRESS_INTERVAL_MS, and `null`
 * when the install is over, whether it succeeded or failed.
 */
import type { InstallProgressState, InstallPhase } from '../shared/messages.ts';

/** Where each phase lies in the whole (measured in Node at 100,000 positions: reading 5.3 s, compiling 0.6 s, plus the writes). */
const SPAN: Record<InstallPhase, readonly [number, number]> = { reading: [0, 0.4], writing: [0.4, 0.85], compiling: [0.85, 1], loading: [0, 1] };

export const PROGRESS_INTERVAL_MS = 100;

export class InstallProgress {
  #state: InstallProgressState | null = null;
  #depth = 0;
  #sentAt = 0;

  constructor(
    private readonly send: (state: InstallProgressState | null) => void,
    private readonly now: () => number = Date.now,
  ) {}

  get current(): InstallProgressState | null {
    return this.#state;
  }

  /** Whether a run is under way (an install, or the worker's start reading its record). */
  get running(): boolean {
    return this.#depth > 0;
  }

  /**
   * Runs `work` as one install named `title`; nested runs (an import, then the record's reload) are one install,
   * reported under the outer title and ended by the outer run.
   */
  async run<T>(title: string, work: () => Promise<T>, first: InstallPhase = 'reading'): Promise<T> {
    if (this.#depth++ === 0) {
      this.#state = { title, phase: first, fraction: 0 };
      this.#sentAt = this.now();
      this.send(this.#state);
    }
    try {
      return await work();
    } finally {
      if (--this.#depth === 0) {
        this.#state = null;
        this.send(null);
      }
    }
  }

  /** `done`: 0..1 of this phase. Outside a run, nothing is reported. */
  phase(phase: InstallPhase, done = 0): void {
    const state = this.#state;
    if (!state) return;
    const [from, to] = SPAN[phase];
    const fraction = Math.min(1, Math.max(state.fraction, from + (to - from) * Math.min(1, Math.max(0, done))));
    const changed = phase !== state.phase;
    this.#state = { ...state, phase, fraction };
    const t = this.now();
    if (!changed && t - this.#sentAt < PROGRESS_INTERVAL_MS) return;
    this.#sentAt = t;
    this.send(this.#state);
  }
}
