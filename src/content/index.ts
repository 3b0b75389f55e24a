/**
 * Content script entry, run at `document_start` on every page (ADR 018: what runs there must stay a few
 * kilobytes). It adopts the one style sheet while the DOM is still empty, guards the shared highlight state and
 * asks the settings. Where OnRecord is on, it then evaluates the two scripts loaded beside it, each wrapped in a
 * function so that loading it only pre-parses it: early-bundle.ts (at document_start too) underlines the first
 * screen while the page is still being parsed (the page's text is scanned by the background, ADR 017), and
 * page-bundle.ts (at document_end) does everything else — the full pass, hover, selection, claims.
 */
import type { ContentEarly } from './early-bundle.ts';
import { lazyScript } from './lazy-script.ts';
import type { ContentPage } from './page-bundle.ts';
import { adoptPageStyles } from './page-styles.ts';
import { guardSharedState } from './shared-state-guard.ts';
import { SiteControl, type Starter } from './site-control.ts';

function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/** Whether this browser draws highlights (the CSS Custom Highlight API). */
function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** The document_start script beside this one (early-bundle.ts CONTENT_EARLY): it has run by the time this asks. */
const loadEarly = lazyScript<ContentEarly>('content-early', 0);
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
  const earlyScript = await loadEarly();
  // Turned off while the script loaded: nothing is drawn (an abort listener added now would never run).
  if (signal.aborted) return;
  const { registry, early } = earlyScript.begin(signal, settings);
  page = await loadPage();
  if (signal.aborted) return;
  await page.start({ signal, settings, attach, onCount, registry, early });
};

if (window.top === window) {
  // Before the page has a DOM to restyle: adopting a sheet later costs a style pass over the whole page.
  adoptPageStyles();
  // The page may clear CSS.highlights or replace adoptedStyleSheets: put ours back (for the tab's life).
  guardSharedState(new AbortController().signal);
  // Starts, stops and restarts `start` as the settings for this site change (issue 7); a new record makes the
  // records the page cached for hovering stale.
  new SiteControl(start, () => page?.forgetRecords()).sync().catch((err: unknown) => console.error('OnRecord could not start on this page:', err));
}
