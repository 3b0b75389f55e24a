/**
 * Content script entry, run at `document_start` on every page. What runs here delays the page's parser, so it does
 * nothing but schedule its work for a task of its own (ADR 018, issue 15: ≤ 5 ms): the extension API's first use
 * (about 1.5 ms of CPU here) and the constructed sheet (about 0.7 ms) are not needed before the page's first paint,
 * and in a task of their own they no longer hold the parser's first chunk back. That task is a `user-blocking`
 * `scheduler.postTask` (a 0 ms timer where the browser lacks it): a timer measured 0.3–0.7 ms cheaper, but during a
 * page's load the browser runs its parser's tasks before timers, and in bench:page the settings then often arrived
 * after DOMContentLoaded, so the top of the page was no longer underlined while it loaded. Traced on bench:page's
 * pages, the task ran before the parser's next chunk (no `ParseHTML` between): it adopts the one style sheet while
 * the DOM is at most that first chunk (adopting it once the page is parsed and styled restyles the whole page, 600
 * ms on 5 MB), sends the settings request, and holds the messages the extension sends before the site control
 * exists. That listener is not added at `document_start` itself: the extension API's first use is most of the cost
 * the deferral saves (bench:start, session 7 review: 3.87 → 5.49 ms of CPU with it added at once). A message sent in
 * the gap before the task (about 30–40 ms) finds no receiving end, as any message does before `document_start`; its
 * senders already treat a tab without a receiver as one with nothing to show (popup) or report it (announce).
 * Everything else — reading the settings' answer, the site control, the guard of the shared state, the
 * parser follower — is in early-bundle.ts, built into the front of this file wrapped in a function (only pre-parsed;
 * one file, since each content script costs about 0.4 ms of its own: scripts/vite-lazy-ui.ts), evaluated when the
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

interface PostTask {
  postTask(task: () => void, options: { priority: 'user-blocking' }): Promise<void>;
}

// A callable postTask, as for `browser` below: where the browser lacks it, a page's element named "scheduler" is not it.
const scheduler = (globalThis as { scheduler?: PostTask }).scheduler;
const soon = (task: () => void): unknown =>
  typeof scheduler?.postTask === 'function' ? scheduler.postTask(task, { priority: 'user-blocking' }) : setTimeout(task, 0);

if (window.top === window) soon(() => {
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
      // The build puts early-bundle.js in front of this file; if it is not there (tests), its wrapper calls `go` when it is.
      if (!evaluate) return void (world[ready] = go);
      evaluate();
    }
    (world[key] as ContentEarly).control({ sheet, settings, held, unhold: () => runtime.onMessage.removeListener(hold) });
  };
  settings.then(go, go);
});
