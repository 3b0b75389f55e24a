/**
 * Bounded retry with backoff, bound to an AbortSignal: a request that failed
 * because the service worker was restarting or a store was busy is tried
 * again after `delaysMs[0]`, then `delaysMs[1]`, … and, when the last try
 * fails too, the last error is thrown for the caller to show. An abort stops
 * the waiting at once and rejects with the signal's reason; nothing is tried
 * after it.
 */

/** The waits between tries in the content script: about 7 s in all, then the reader is told. */
export const PAGE_RETRY_DELAYS_MS: readonly number[] = [500, 1500, 5000];
/** For something the reader just asked for (a click): one quick second try, then they are told. */
export const CLICK_RETRY_DELAYS_MS: readonly number[] = [400];

export interface RetryOptions {
  signal: AbortSignal;
  /** The waits between tries (so one more try than waits). */
  delaysMs?: readonly number[];
  /** Called after each failed try that will be tried again (for a log line). */
  onRetry?: (err: unknown, attempt: number) => void;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export async function withRetry<T>(work: () => Promise<T>, { signal, delaysMs = PAGE_RETRY_DELAYS_MS, onRetry }: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    if (signal.aborted) throw signal.reason;
    try {
      return await work();
    } catch (err) {
      if (attempt >= delaysMs.length || signal.aborted) throw err;
      onRetry?.(err, attempt + 1);
      await wait(delaysMs[attempt]!, signal);
    }
  }
}
