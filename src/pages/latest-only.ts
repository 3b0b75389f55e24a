/**
 * A read that runs again whenever something changes (a list re-read on every "changed" message) can have two
 * requests in flight; the worker may answer them out of order. Only the reply to the newest call is applied, so
 * a slower, older reply never overwrites a newer one (two deletes in a row must not leave the first one's list).
 */
export function latestOnly<T>(read: () => Promise<T>, apply: (value: T) => void, fail: (err: unknown) => void): () => Promise<void> {
  let calls = 0;
  return async () => {
    const mine = ++calls;
    try {
      const value = await read();
      if (mine === calls) apply(value);
    } catch (err) {
      if (mine === calls) fail(err);
    }
  };
}
