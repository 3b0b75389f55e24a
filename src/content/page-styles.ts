/**
 * Every style the content script puts on the page, in ONE constructed sheet
 * adopted at document_start. Adopting or replacing a sheet makes the browser
 * restyle the whole document (600 ms on a 5 MB page), which costs nothing
 * while the DOM is still empty; so the sheet is adopted once, up front, and
 * styles highlights that may never exist (they have no effect until a
 * highlight of that name is registered). It holds only `::highlight()` rules
 * and never any page data.
 */
import type { HighlightStyle } from '../core/settings.ts';
import { pageCss } from './page-css.ts';
import { claimSheet } from './shared-state-guard.ts';

import { worldState } from './world-state.ts';

/** One sheet per frame: adopted by the document_start script, restyled by the one that starts a session (ADR 018). */
const state = worldState('page-styles', () => ({ sheet: undefined as CSSStyleSheet | undefined, current: 'underline' as HighlightStyle }));

/** The sheet index.js adopted at document_start (DEFAULT_PAGE_CSS), which setHighlightStyle restyles and the guard keeps. */
export function adoptedPageStyles(sheet: CSSStyleSheet): void {
  if (state.sheet) return;
  state.sheet = sheet;
  claimSheet(sheet);
}

/** Switches mention styling; a no-op (no restyle) when it is already in force. */
export function setHighlightStyle(style: HighlightStyle): void {
  if (style === state.current) return;
  state.current = style;
  state.sheet?.replaceSync(pageCss(style));
}
