/**
 * Entry of `src/content/early-bundle.js`: what the content script needs from the settings' answer until the DOM is
 * parsed — the highlights and the parser follower (parser-follower.ts) with the background's matcher. It loads at
 * `document_start` beside index.js, wrapped in a function (scripts/vite-lazy-ui.ts), so loading it only pre-parses
 * it; index.js evaluates it when the settings say OnRecord is on for this page (ADR 018).
 */
import type { TabSettings } from '../core/settings.ts';
import { HighlightRegistry } from './highlight-registry.ts';
import { registerLazy } from './lazy-script.ts';
import { setHighlightStyle } from './page-styles.ts';
import { ParserFollower } from './parser-follower.ts';
import { backgroundMatcher } from './record-client.ts';

/** What this script registers (lazy-script.ts). */
export interface ContentEarly {
  /** The mention style applied; the session's highlights, and the follower when the page is still being parsed; aborting `signal` removes them. */
  begin(signal: AbortSignal, settings: TabSettings): { registry: HighlightRegistry; early: ParserFollower | undefined };
}

/** The name it registers under (scripts/vite-lazy-ui.ts wraps the built file with the same). */
export const CONTENT_EARLY = 'content-early';

function begin(signal: AbortSignal, settings: TabSettings): ReturnType<ContentEarly['begin']> {
  setHighlightStyle(settings.highlightStyle);
  const registry = new HighlightRegistry();
  signal.addEventListener('abort', () => registry.destroy(), { once: true });
  // A page still loading paints its top before it is parsed: underline the names there from those first paints.
  const early = document.readyState === 'loading'
    ? new ParserFollower({ matcher: backgroundMatcher(), registry, signal, enabledTypes: new Set(settings.enabledTypes), hideQuiet: settings.hideEmptyNames })
    : undefined;
  return { registry, early };
}

registerLazy<ContentEarly>(CONTENT_EARLY, { begin });
