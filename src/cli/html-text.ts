/**
 * Glue between the CLI and the page-text layer: an HTML string parsed by
 * linkedom, read as the content script reads a live page (minus computed
 * styles, which linkedom cannot give). Offsets of mentions found in the
 * result index exactly the string returned here.
 */
import { parseHTML } from 'linkedom';
import { extractText } from '../page-text/index.ts';

/** File extensions read as HTML; everything else is read as plain text. */
export const HTML_EXTENSIONS: readonly string[] = ['.html', '.htm'];

/** The visible text of an HTML document, as the extension would scan it. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(html);
  // linkedom's document implements the DOM API page-text uses; its own types differ from lib.dom's.
  return extractText(document as unknown as Document, { computeStyle: false }).text;
}
