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
import { highlightCss } from './highlight-registry.ts';
import { CHECKED_CSS, highlightStyleCss, savedHighlightCss } from './page-css.ts';
import { claimSheet } from './shared-state-guard.ts';

let sheet: CSSStyleSheet | undefined;
let current: HighlightStyle = 'underline';

function css(): string {
  return [highlightCss(), highlightStyleCss(current), savedHighlightCss(), CHECKED_CSS].join('\n');
}

export function adoptPageStyles(): void {
  if (sheet) return;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(css());
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  claimSheet(sheet);
}

/** Switches mention styling; a no-op (no restyle) when it is already in force. */
export function setHighlightStyle(style: HighlightStyle): void {
  if (style === current) return;
  current = style;
  sheet?.replaceSync(css());
}
