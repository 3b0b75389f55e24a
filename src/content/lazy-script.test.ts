/** domReady (lazy-script.ts): only the browser's DOMContentLoaded counts, and its listener goes with the signal (review 7, B3). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { domReady } from './lazy-script.ts';

type Handler = (event: { isTrusted: boolean }) => void;
const added: { type: string; handler: Handler; signal?: AbortSignal }[] = [];
const doc = {
  readyState: 'loading' as DocumentReadyState,
  addEventListener: (type: string, handler: Handler, options?: { signal?: AbortSignal }) => void added.push({ type, handler, signal: options?.signal }),
};
vi.stubGlobal('document', doc);
afterEach(() => {
  added.length = 0;
  doc.readyState = 'loading';
});
/** Whether `p` has resolved once pending microtasks ran. */
const settled = async (p: Promise<void>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('domReady', () => {
  it('resolves at once when the DOM is already parsed', async () => {
    doc.readyState = 'interactive';
    expect(await settled(domReady())).toBe(true);
    expect(added).toEqual([]);
  });

  it("ignores a page's own DOMContentLoaded while the document is still loading, then takes the browser's", async () => {
    const ready = domReady();
    const [listener] = added;
    expect(listener!.type).toBe('DOMContentLoaded');
    expect(listener!.signal).toBeInstanceOf(AbortSignal);
    listener!.handler({ isTrusted: false });
    expect(await settled(ready)).toBe(false);
    expect(listener!.signal!.aborted).toBe(false);
    listener!.handler({ isTrusted: true });
    expect(await settled(ready)).toBe(true);
    // The listener is removed once it has done its work.
    expect(listener!.signal!.aborted).toBe(true);
  });

  it('removes its listener when the session is aborted', async () => {
    const session = new AbortController();
    const ready = domReady(session.signal);
    const listener = added.find((a) => a.type === 'DOMContentLoaded')!;
    session.abort();
    expect(listener.signal!.aborted).toBe(true);
    expect(await settled(ready)).toBe(false);
  });
});
