/**
 * Entry of `src/content/early-bundle.js`: everything the content script does from the settings' answer until the DOM
 * is parsed — reading that answer, the site control (issue 7) with the guard of the shared state, and where OnRecord
 * is on, the highlights and the parser follower (parser-follower.ts) with the background's matcher. It loads at
 * `document_start` beside index.js, wrapped in a function (scripts/vite-lazy-ui.ts), so loading it only pre-parses
 * it; index.js evaluates it when the settings' answer arrives, in that answer's task, not in the one that delays
 * the page's parser (ADR 018). page-bundle.ts (at document_end) does everything else.
 */
import type { TabSettings } from '../core/settings.ts';
import { HighlightRegistry, highlightsSupported } from './highlight-registry.ts';
import { domReady, lazyScript, registerLazy } from './lazy-script.ts';
import type { ContentPage } from './page-bundle.ts';
import { adoptedPageStyles, setHighlightStyle } from './page-styles.ts';
import { ParserFollower } from './parser-follower.ts';
import { backgroundMatcher } from './record-client.ts';
import type { MessageSender } from './runtime.ts';
import { guardSharedState } from './shared-state-guard.ts';
import { SiteControl, type Starter } from './site-control.ts';

/** A message the extension sent before the site control existed, held open by index.js until it is answered. */
export interface EarlyMessage {
  message: unknown;
  sender: MessageSender;
  respond: (reply: unknown) => void;
}

/** What index.js hands over when the settings' answer arrives. */
export interface EarlyHandoff {
  /** The page's style sheet, adopted at document_start. */
  sheet: CSSStyleSheet;
  /** The answer to the `cs-bg-get-settings` request sent at document_start, not yet read. */
  settings: Promise<unknown>;
  /** Messages that arrived meanwhile. */
  held: EarlyMessage[];
  /** Removes index.js's listener (the site control's own is added first). */
  unhold(): void;
}

/** What this script registers (lazy-script.ts). */
export interface ContentEarly {
  control(handoff: EarlyHandoff): void;
}

/** The name it registers under (scripts/vite-lazy-ui.ts wraps the built file with the same). */
export const CONTENT_EARLY = 'content-early';

/** Longest wait, once the DOM is parsed, for the document_end script (the browser injects it right after). */
const PAGE_SCRIPT_WAIT_MS = 10_000;
/** page-bundle.ts CONTENT_PAGE (not imported: that would bundle the page script into this one). */
const loadPage = lazyScript<ContentPage>('content-page', PAGE_SCRIPT_WAIT_MS, domReady);
let page: ContentPage | undefined;

/** One session on this page, under the user's settings; aborting `signal` removes every highlight. */
const start: Starter = async (signal, settings, attach, onCount) => {
  if (!highlightsSupported()) {
    console.info('OnRecord: this browser lacks the CSS Custom Highlight API; mentions are not shown.');
    return;
  }
  const { registry, early } = begin(signal, settings);
  page = await loadPage();
  if (signal.aborted) return;
  await page.start({ signal, settings, attach, onCount, registry, early });
};

/** The mention style applied; the session's highlights, and the follower when the page is still being parsed. */
function begin(signal: AbortSignal, settings: TabSettings): { registry: HighlightRegistry; early: ParserFollower | undefined } {
  setHighlightStyle(settings.highlightStyle);
  const registry = new HighlightRegistry();
  signal.addEventListener('abort', () => registry.destroy(), { once: true });
  // A page still loading paints its top before it is parsed: underline the names there from those first paints.
  const early = document.readyState === 'loading'
    ? new ParserFollower({ matcher: backgroundMatcher(), registry, signal, enabledTypes: new Set(settings.enabledTypes), hideQuiet: settings.hideEmptyNames })
    : undefined;
  return { registry, early };
}

function control({ sheet, settings, held, unhold }: EarlyHandoff): void {
  adoptedPageStyles(sheet);
  // The page may clear CSS.highlights or replace adoptedStyleSheets: put ours back (for the tab's life).
  guardSharedState(new AbortController().signal);
  // Starts, stops and restarts `start` as the settings for this site change (issue 7); a new record makes the
  // records the page cached for hovering stale.
  const site = new SiteControl(start, () => page?.forgetRecords());
  unhold();
  site.sync(settings).catch((err: unknown) => console.error('OnRecord could not start on this page:', err));
  for (const m of held) site.answer(m.message, m.sender, m.respond);
}

registerLazy<ContentEarly>(CONTENT_EARLY, { control });
