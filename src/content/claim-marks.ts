/**
 * Draws the claims checked on this page (issue 6): each saved verdict's
 * selectors are re-anchored in the page text (core/anchoring: position, then
 * quote with context, then fuzzy) and marked in the private marks layer
 * (private-marks.ts, ADR 019), which the page cannot read, never in the CSS
 * highlight registry; the background sends only where each claim is. Hovering, clicking or walking to a mark opens its card
 * (claim-cards.tsx, issue 11), which asks for that one check's verdict.
 */
import browser, { type MessageSender } from './runtime.ts';
import { anchorSelectors } from '../core/anchoring/anchor.ts';
import type { Selectors } from '../core/anchoring/types.ts';
import { askBackground } from './ask-background.ts';
import { watchForReanchoring, watchRoutes, type DomBatch } from './dom-watch.ts';
import { mayPlace, touchesRange } from './reanchor-need.ts';
import { documentText } from './selection-capture.ts';
import { toBoundaries } from '../page-text/locate.ts';
import { BgCsCheckedClaimsChanged, messageType } from '../shared/messages.ts';
import { privateMarks } from './private-marks.ts';
import { ClaimCards, type PlacedClaim } from './claim-cards.tsx';
import { withRetry } from '../core/retry.ts';
import { clearFailure, showFailure } from './page-notice.ts';

/** The background's announcement that checks on some page changed. */
const CHANGED = messageType(BgCsCheckedClaimsChanged);

interface CheckedClaim {
  id: string;
  selectors?: { quote: Selectors['quote']; position?: Selectors['position'] };
}

async function fetchChecked(): Promise<CheckedClaim[]> {
  return (await askBackground<{ checks: CheckedClaim[] }>({ type: 'cs-bg-get-checked-claims' })).checks;
}

/** Where each claim is now: anchored spans (claims with no selectors or no anchor are skipped). */
function placeClaims(claims: readonly CheckedClaim[]): PlacedClaim[] {
  const pageText = documentText();
  const ranges: PlacedClaim[] = [];
  for (const c of claims) {
    if (!c.selectors) continue;
    const { quote } = c.selectors;
    const position = c.selectors.position ?? { start: 0, end: 0 };
    const anchor = anchorSelectors(pageText.text, { quote, position });
    if (!anchor) continue;
    const b = toBoundaries(pageText, anchor.start, anchor.end);
    if (b) ranges.push({ id: c.id, range: new StaticRange(b) });
  }
  return ranges;
}

/**
 * Draws the checked claims now and whenever the checks or the page change, until `signal` aborts. The result
 * opens their cards: `openNext` walks them from the keyboard (false when the page has none).
 */
export function drawCheckedClaims(signal: AbortSignal, options: ConstructorParameters<typeof ClaimCards>[2] = {}): { openNext(): boolean } {
  const marks = privateMarks(signal);
  let claims: CheckedClaim[] = [];
  let placed: PlacedClaim[] = [];
  const cards = new ClaimCards(() => placed, signal, options);
  const paint = () => {
    // Anchoring reads the whole page's text (hundreds of milliseconds on a very large page): only when there is a claim to place.
    placed = claims.some((c) => c.selectors) ? placeClaims(claims) : [];
    marks.set('checked', placed.map((p) => ({ range: p.range, kind: 'checked' })));
    cards.revalidate();
  };
  // Replies can arrive out of order (a route change, then a checks-changed message): only the latest request paints.
  let request = 0;
  const reload = () => {
    const mine = ++request;
    // Tried again a few times (the worker may be restarting), then the reader is told, with "Try again".
    return withRetry(fetchChecked, { signal, onRetry: (err) => console.warn('OnRecord: could not load the checked claims of this page; trying again', err) }).then(
      (rows) => {
        if (signal.aborted || mine !== request) return;
        clearFailure('checks');
        claims = rows;
        paint();
      },
      (err: unknown) => {
        if (signal.aborted || mine !== request) return;
        console.error('OnRecord: could not load the checked claims of this page:', err);
        showFailure('checks', () => void reload(), signal);
      },
    );
  };
  // Only the extension's background may tell us the checks changed.
  const onMessage = (message: unknown, sender: MessageSender): undefined => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    if ((message as { type?: unknown } | null)?.type === CHANGED) void reload();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  // Only for a change that touched a placed claim's text, or could hold the quote of one not placed (reanchor-need.ts).
  const needed = (batch: DomBatch): boolean => {
    if (claims.length === 0) return false;
    if (batch.full) return true;
    for (const p of placed) if (touchesRange(batch, p.range)) return true;
    const shown = new Set(placed.map((p) => p.id));
    return mayPlace(batch, claims.filter((c) => c.selectors && !shown.has(c.id)).map((c) => c.selectors!.quote.exact));
  };
  watchForReanchoring(needed, paint, signal);
  // A single-page app's new route is a new page: its own checks.
  watchRoutes(() => void reload(), signal);
  signal.addEventListener(
    'abort',
    () => {
      browser.runtime.onMessage.removeListener(onMessage);
    },
    { once: true },
  );
  void reload();
  return { openNext: () => cards.openNext() };
}
