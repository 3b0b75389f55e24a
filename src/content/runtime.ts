/**
 * The extension messaging the content script uses, without webextension-polyfill (issue 15: 9.8 KB of code
 * evaluated at `document_start` on every page). Firefox has `browser.*` natively, with promises and listeners
 * that may answer with a promise. Chromium's `chrome.runtime.sendMessage` returns a promise (MV3); a listener's
 * promise is answered through `sendResponse`, and a rejection is sent in the polyfill's own form, so the
 * extension pages and the background (which keep the polyfill) read it as a rejection, as before.
 */
import type { Runtime } from 'webextension-polyfill';

export type MessageSender = Runtime.MessageSender;
type Listener = (message: unknown, sender: MessageSender) => Promise<unknown> | undefined;
type ChromeListener = (message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void) => boolean;

interface NativeRuntime {
  id: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(l: Listener | ChromeListener): void; removeListener(l: Listener | ChromeListener): void };
}

// Firefox's own `browser.runtime`, recognised by a callable sendMessage: in Chromium a page can put an element
// named "browser" (with a child named "runtime") on the window the content script sees, but never a function.
const candidate = (globalThis as { browser?: { runtime?: NativeRuntime } }).browser?.runtime;
const firefox = typeof candidate?.sendMessage === 'function' ? candidate : undefined;
const native: NativeRuntime = firefox ?? (globalThis as unknown as { chrome: { runtime: NativeRuntime } }).chrome.runtime;

/** Listener → its Chromium wrapper, so it can be removed. */
const wrapped = new Map<Listener, ChromeListener>();

/** Sends a listener's promised answer through `sendResponse`; a rejection goes in the polyfill's form. */
export function respondWith(answer: Promise<unknown>, sendResponse: (reply: unknown) => void): void {
  answer.then(sendResponse, (err: unknown) =>
    sendResponse({ __mozWebExtensionPolyfillReject__: true, message: err instanceof Error ? err.message : String(err) }),
  );
}

function toChrome(listener: Listener): ChromeListener {
  return (message, sender, sendResponse) => {
    const answer = listener(message, sender);
    if (answer === undefined) return false;
    respondWith(answer, sendResponse);
    return true;
  };
}

const runtime = {
  get id(): string {
    return native.id;
  },
  getURL: (path: string): string => native.getURL(path),
  sendMessage: (message: unknown): Promise<unknown> => native.sendMessage(message),
  onMessage: {
    addListener(listener: Listener): void {
      if (firefox) return native.onMessage.addListener(listener);
      if (wrapped.has(listener)) return;
      const w = toChrome(listener);
      wrapped.set(listener, w);
      native.onMessage.addListener(w);
    },
    removeListener(listener: Listener): void {
      if (firefox) return native.onMessage.removeListener(listener);
      const w = wrapped.get(listener);
      if (!w) return;
      wrapped.delete(listener);
      native.onMessage.removeListener(w);
    },
  },
};

export default { runtime };
