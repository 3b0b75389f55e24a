/**
 * The CSS highlight registry and `document.adoptedStyleSheets` are shared
 * with the page: a page script can clear the registry or replace the adopted
 * sheets, and every underline vanishes until reload. Highlights and the
 * sheet are claimed here; a cheap check (a few map lookups) on a timer and
 * when the tab becomes visible puts back whatever the page took away.
 */
import { worldState } from './world-state.ts';

/** One per frame, shared by both content scripts (world-state.ts): the guard runs in the first, highlights are claimed in both. */
const state = worldState('shared-state', () => ({ claimed: new Map<string, Highlight>(), sheet: undefined as CSSStyleSheet | undefined, restored: 0 }));
const claimed = state.claimed;

export function claimHighlight(name: string, highlight: Highlight): void {
  claimed.set(name, highlight);
  CSS.highlights.set(name, highlight);
}

export function releaseHighlight(name: string): void {
  claimed.delete(name);
  CSS.highlights.delete(name);
}

export function claimSheet(sheet: CSSStyleSheet): void {
  state.sheet = sheet;
}

/** Puts back what the page removed; returns how many things it had to restore. */
export function restoreSharedState(): number {
  let fixed = 0;
  for (const [name, highlight] of claimed) {
    if (CSS.highlights.get(name) !== highlight) {
      CSS.highlights.set(name, highlight);
      fixed++;
    }
  }
  const ourSheet = state.sheet;
  if (ourSheet && !document.adoptedStyleSheets.includes(ourSheet)) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, ourSheet];
    fixed++;
  }
  state.restored += fixed;
  return fixed;
}

/** How many times something was restored (tests read it through the page's state, this is for diagnostics). */
export function restoredCount(): number {
  return state.restored;
}

/** How often the shared state is checked: a page clearing it is noticed within this time. */
export const GUARD_INTERVAL_MS = 1_000;

export function guardSharedState(signal: AbortSignal): void {
  const timer = setInterval(restoreSharedState, GUARD_INTERVAL_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  document.addEventListener('visibilitychange', () => void restoreSharedState(), { signal });
}
