/**
 * Content script entry, run at `document_start` on every page. What runs here delays the page's parser, so it does
 * nothing but schedule its work for the next task (ADR 018, issue 15: ≤ 5 ms): the extension API's first use (about
 * 1.5 ms of CPU here) and the constructed sheet (about 0.7 ms) are not needed before the page's first paint, and in a
 * timer task they no longer hold the parser back. That task adopts the one style sheet (the parser has produced at
 * most its first chunk, not yet styled: later, once the page is styled, adopting it restyles the whole page), sends
 * the settings request, and holds the messages the extension sends before the site control exists. Everything else
 * — reading the settings' answer, the site control, the guard of the shared state, the parser follower — is in
 * early-bundle.ts, loaded beside this script but wrapped in a function (only pre-parsed), evaluated when the
 * settings' answer arrives. It runs the way it is written: a handful of statements, no module code, no helper that
 * would be compiled on its first call.
 */
import type { ContentEarly, EarlyMessage } from './early-bundle.ts';
import type { MessageSender as Sender } from './runtime.ts';
import { DEFAULT_PAGE_CSS } from './page-css-default.ts';

type Listener = (message: unknown, sender: Sender, respond: (reply: unknown) => void) => boolean;
interface NativeRuntime {
  id: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(l: Listener): void; removeListener(l: Listener): void };
}

if (window.top === window) setTimeout(() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(DEFAULT_PAGE_CSS);
  document.adoptedStyleSheets.push(sheet);
  // Firefox's own `browser.runtime` (a callable sendMessage: a page can name an element "browser", never make a
  // function of it), else Chromium's (runtime.ts reads it the same way).
  const ff = (globalThis as { browser?: { runtime?: NativeRuntime } }).browser?.runtime;
  const runtime = typeof ff?.sendMessage === 'function' ? ff : (globalThis as unknown as { chrome: { runtime: NativeRuntime } }).chrome.runtime;
  const settings = runtime.sendMessage({ type: 'cs-bg-get-settings' });
  // Only the extension itself (background, popup) is heard, as site-control.ts does; answered once it exists.
  const held: EarlyMessage[] = [];
  const hold: Listener = (message, sender, respond) => {
    if (sender.id !== runtime.id || sender.tab) return false;
    held.push({ message, sender, respond });
    return true;
  };
  runtime.onMessage.addListener(hold);
  const world = globalThis as unknown as Record<symbol, unknown>;
  const go = (): void => {
    const key = Symbol.for('onrecord.content-early');
    const ready = Symbol.for('onrecord.content-early.ready');
    world[ready] = undefined;
    if (!world[key]) {
      const evaluate = world[Symbol.for('onrecord.content-early.start')] as (() => void) | undefined;
      // early-bundle.js is injected right after this file; if it is not there yet, its wrapper calls `go` when it is.
      if (!evaluate) return void (world[ready] = go);
      evaluate();
    }
    (world[key] as ContentEarly).control({ sheet, settings, held, unhold: () => runtime.onMessage.removeListener(hold) });
  };
  settings.then(go, go);
}, 0);
