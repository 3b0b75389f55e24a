/**
 * Entry of `src/content/page-bundle.js`: everything the content script does once the page's DOM is parsed — the
 * full pass that finds and draws every mention, following the page as it changes, hover and keyboard focus,
 * saved highlights and the selection toolbar, checked claims, the page's text for the statements list. It is a
 * `document_end` content script wrapped in a function (scripts/vite-lazy-ui.ts): the browser only pre-parses it,
 * and the `document_start` script (index.ts) evaluates it when OnRecord is on for this page, so a page where it
 * is off never runs it, and what every page evaluates before its parser goes on stays small (ADR 018).
 */
import type { TabSettings } from '../core/settings.ts';
import { Annotator } from './annotator.ts';
import { drawCheckedClaims } from './claim-marks.ts';
import { watchDom, watchRoutes } from './dom-watch.ts';
import type { HighlightRegistry } from './highlight-registry.ts';
import { mentionAtPoint } from './hit-test.ts';
import { domReady, registerLazy } from './lazy-script.ts';
import { answerPageText } from './page-collect.ts';
import type { ParserFollower } from './parser-follower.ts';
import { Reader } from './reader.ts';
import { backgroundMatcher } from './record-client.ts';
import { forgetRecords } from './records.ts';
import { savedStatus } from './saved-layer.ts';
import { startSelectionSession } from './selection-session.tsx';
import type { Session } from './site-control.ts';
import { afterNextFrame, yieldToEventLoop } from './time-slicer.ts';

/** What the document_start script hands over when it starts a session on this page. */
export interface PageStart {
  signal: AbortSignal;
  settings: TabSettings;
  attach: (session: Session) => void;
  onCount: (n: number) => void;
  /** The highlights, registered at document_start (the parser follower drew into them). */
  registry: HighlightRegistry;
  /** What underlined the top of the page while it was parsed, if it was still loading at start. */
  early: ParserFollower | undefined;
}

/** What this script registers (lazy-script.ts). */
export interface ContentPage {
  start(ctx: PageStart): Promise<void>;
  /** The record changed: the records cached for hovering are stale. */
  forgetRecords(): void;
}

/** The name it registers under (scripts/vite-lazy-ui.ts wraps the built file with the same). */
export const CONTENT_PAGE = 'content-page';

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
  return afterNextFrame(signal, FIRST_FRAME_WAIT_MS);
}

/** One session on this page, under the user's settings; aborting `signal` removes every highlight. */
async function start({ signal, settings, attach, onCount, registry, early }: PageStart): Promise<void> {
  const ready = domReady(signal);
  // Alt+Shift+C with nothing selected walks the claims checked on this page (drawn once the DOM is parsed).
  let checkedClaims: { openNext(): boolean } | undefined;
  // Saved highlights and the selection toolbar (researchers) need no matcher: start them once the DOM is parsed.
  void ready.then(() => {
    if (!signal.aborted) startSelectionSession(signal, { openNextCheckedClaim: () => checkedClaims?.openNext() ?? false });
    // Issue 12: the page's text for the statements the popup and side panel list (found in the background).
    if (!signal.aborted) answerPageText(signal);
  });
  const countShown = (): number => annotator.store.shownCount();
  const annotator = new Annotator({ matcher: backgroundMatcher(), hideQuiet: settings.hideEmptyNames, registry, signal, onChange: () => onCount(countShown()) });
  annotator.setEnabledTypes(new Set(settings.enabledTypes));
  await ready;
  // This script was evaluated in the task that asked for it (its module's top level: about half of that task's
  // 49 ms in bench:hostile at load 13): the session starts in a task of its own (issue 14: no task over 50 ms).
  await yieldToEventLoop();
  if (signal.aborted) return;
  // What the document_start script underlined while the page was parsed is kept (and checked after the first frame).
  if (early) annotator.adopt(early.handOver());
  // Issue 6: the claims checked on this page, re-anchored; issue 11: their cards (a name inside a claim keeps its popover).
  checkedClaims = drawCheckedClaims(signal, { hoverDelayMs: settings.hoverDelayMs, overMention: (x, y) => mentionAtPoint(annotator.store, x, y) !== undefined });
  const reader = new Reader(annotator.store, registry, signal, { hoverDelayMs: settings.hoverDelayMs });
  attach({
    mentions: () => {
      const saved = savedStatus();
      return { mentions: annotator.store.shownByEntity(), ...(saved ? { saved } : {}) };
    },
    focusNextOf: (entityId) => reader.focusNextOf(entityId),
  });
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
  // laid the page out, what is in view first. In a task of its own too: the head start takes a slice's budget.
  await yieldToEventLoop();
  if (signal.aborted) return;
  annotator.headStart();
  await afterFirstFrame(signal);
  if (signal.aborted) return;
  await annotator.resume();
  onCount(countShown());
}

registerLazy<ContentPage>(CONTENT_PAGE, { start, forgetRecords });
