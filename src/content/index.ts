/**
 * Content script entry. Sends the page's text to the background's matcher
 * (ADR 017: the tab never receives the dictionary) as early as the page starts
 * loading, underlines the first screen while the page is still being parsed, annotates the page once the DOM is parsed (the top of
 * the document before the next frame, then the part in view first), then
 * follows the page as it changes.
 */
import { Annotator } from './annotator.ts';
import { drawCheckedClaims } from './claim-marks.ts';
import { watchDom, watchRoutes } from './dom-watch.ts';
import { HighlightRegistry, highlightsSupported } from './highlight-registry.ts';
import { Reader } from './reader.ts';
import { mentionAtPoint } from './hit-test.ts';
import { startSelectionSession } from './selection-session.tsx';
import { backgroundMatcher } from './record-client.ts';
import { adoptPageStyles, setHighlightStyle } from './page-styles.ts';
import { guardSharedState } from './shared-state-guard.ts';
import { SiteControl, type Starter } from './site-control.ts';
import { answerPageText } from './page-collect.ts';

function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * Longest wait for the page's first frame. A visible tab paints as soon as its
 * first layout is done (seconds on a 5 MB page); this only guards against a
 * tab hidden while we wait, which gets no frames at all.
 */
const FIRST_FRAME_WAIT_MS = 10_000;

/**
 * Resolves after the page's own first layout and paint, so ordering chunks by
 * what is in view reads a clean layout instead of forcing one inside our task.
 */
function afterFirstFrame(signal: AbortSignal): Promise<void> {
  if (document.visibilityState !== 'visible' || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = new AbortController();
    const finish = () => {
      clearTimeout(timer);
      done.abort();
      resolve();
    };
    const timer = setTimeout(finish, FIRST_FRAME_WAIT_MS);
    const opts = { once: true, signal: done.signal } as const;
    document.addEventListener('visibilitychange', finish, opts);
    signal.addEventListener('abort', finish, opts);
    requestAnimationFrame(() => setTimeout(finish, 0));
  });
}

/** One session on this page, under the user's settings; aborting `signal` removes every highlight. */
const start: Starter = async (signal, settings, attach, onCount) => {
  if (!highlightsSupported()) {
    console.info('OnRecord: this browser lacks the CSS Custom Highlight API; mentions are not shown.');
    return;
  }
  const ready = domReady();
  // Alt+Shift+C with nothing selected walks the claims checked on this page (drawn once the DOM is parsed).
  let checkedClaims: { openNext(): boolean } | undefined;
  // Saved highlights and the selection toolbar (researchers) need no matcher: start them once the DOM is parsed.
  void ready.then(() => {
    if (!signal.aborted) startSelectionSession(signal, { openNextCheckedClaim: () => checkedClaims?.openNext() ?? false });
    // Issue 12: the page's text for the statements the popup and side panel list (found in the background).
    if (!signal.aborted) answerPageText(signal);
  });
  const registry = new HighlightRegistry();
  signal.addEventListener('abort', () => registry.destroy(), { once: true });
  setHighlightStyle(settings.highlightStyle);
  const countShown = (): number => annotator.store.shownCount();
  const annotator = new Annotator({ matcher: backgroundMatcher(), hideQuiet: settings.hideEmptyNames, registry, signal, onChange: () => onCount(countShown()) });
  annotator.setEnabledTypes(new Set(settings.enabledTypes));
  // A page still loading paints its top before it is parsed: underline the names there from those first paints.
  if (document.readyState === 'loading') annotator.followParser();
  await ready;
  if (signal.aborted) return;
  // Issue 6: the claims checked on this page, re-anchored; issue 11: their cards (a name inside a claim keeps its popover).
  checkedClaims = drawCheckedClaims(signal, { hoverDelayMs: settings.hoverDelayMs, overMention: (x, y) => mentionAtPoint(annotator.store, x, y) !== undefined });
  const reader = new Reader(annotator.store, registry, signal, { hoverDelayMs: settings.hoverDelayMs });
  attach({ store: annotator.store, reader });
  watchDom((batch) => {
    if (batch.full) {
      void annotator.scanDocument();
    } else {
      if (batch.removed) annotator.dropDisconnected();
      annotator.rescan(batch.roots, batch.parts);
    }
    reader.revalidate();
  }, signal);
  watchRoutes(() => {
    reader.close({ restoreFocus: false });
    void annotator.scanDocument();
  }, signal);
  // The top of the document now, so the page's first frame shows its mentions; the rest once that frame has
  // laid the page out, what is in view first.
  annotator.headStart();
  await afterFirstFrame(signal);
  if (signal.aborted) return;
  await annotator.resume();
  onCount(countShown());
};

if (window.top === window) {
  // Before the page has a DOM to restyle: adopting a sheet later costs a style pass over the whole page.
  adoptPageStyles();
  // The page may clear CSS.highlights or replace adoptedStyleSheets: put ours back (for the tab's life).
  guardSharedState(new AbortController().signal);
  // Starts, stops and restarts `start` as the settings for this site change (issue 7).
  new SiteControl(start).sync().catch((err: unknown) => console.error('OnRecord could not start on this page:', err));
}
