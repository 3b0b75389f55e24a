/**
 * A content script whose code is evaluated on first need (ADR 015, ADR 018). scripts/vite-lazy-ui.ts wraps the
 * built file in a function stored on the isolated world's global object under `Symbol.for('onrecord.NAME.start')`,
 * and calls back a waiting script (`…ready`); loading the file only pre-parses that function. The first call of
 * the loader evaluates the code, which registers what it exports under `Symbol.for('onrecord.NAME')`. Both scripts
 * run in the extension's isolated world: the page sees neither the symbols nor the code, and nothing is
 * web-accessible.
 */
type World = Record<symbol, unknown>;
const world = globalThis as unknown as World;

/**
 * Resolves once the DOM is parsed (at once if it already is). The page can dispatch a DOMContentLoaded of its own:
 * only the browser's (`isTrusted`), or `document.readyState` past "loading", counts; the listener goes with the
 * first that does, or with `signal` (never resolved then).
 */
export function domReady(signal?: AbortSignal): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    const stop = new AbortController();
    const onAbort = (): void => stop.abort();
    signal?.addEventListener('abort', onAbort, { once: true, signal: stop.signal });
    document.addEventListener(
      'DOMContentLoaded',
      (event) => {
        if (!event.isTrusted && document.readyState === 'loading') return;
        stop.abort();
        resolve();
      },
      { signal: stop.signal },
    );
  });
}

/**
 * The loader of the script NAME: resolves with what it registered, after waiting for the script (it loads at a
 * later `run_at`) for at most `waitMs`, counted from when `waitFrom` resolves (the browser cannot inject a
 * `document_end` script before the DOM is parsed, however long that takes).
 */
export function lazyScript<T>(name: string, waitMs: number, waitFrom: () => Promise<void> = () => Promise.resolve()): () => Promise<T> {
  const key = Symbol.for(`onrecord.${name}`);
  const startKey = Symbol.for(`onrecord.${name}.start`);
  const readyKey = Symbol.for(`onrecord.${name}.ready`);
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= new Promise<void>((resolve, reject) => {
      if (world[startKey] || world[key]) return resolve();
      let timer: ReturnType<typeof setTimeout> | undefined;
      world[readyKey] = () => {
        clearTimeout(timer);
        resolve();
      };
      void waitFrom().then(() => {
        if (world[startKey] || world[key]) return resolve();
        timer = setTimeout(() => reject(new Error(`OnRecord's ${name} script did not load`)), waitMs);
      });
    }).then(() => {
      if (!world[key]) (world[startKey] as (() => void) | undefined)?.();
      const loaded = world[key] as T | undefined;
      if (!loaded) throw new Error(`OnRecord's ${name} script did not register`);
      return loaded;
    });
    loading.catch(() => (loading = undefined));
    return loading;
  };
}

/**
 * Registers what a lazily loaded script exports (its entry module calls this once), and tells a script waiting for
 * it (a wrapped script is told by its wrapper too; one that is not wrapped only by this).
 */
export function registerLazy<T>(name: string, exports: T): void {
  world[Symbol.for(`onrecord.${name}`)] ??= exports;
  (world[Symbol.for(`onrecord.${name}.ready`)] as (() => void) | undefined)?.();
}
