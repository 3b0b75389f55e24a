/**
 * Glue between the CLI and the page-text layer: an HTML string parsed by
 * linkedom, read as the content script reads a live page (minus computed
 * styles, which linkedom cannot give). Offsets of mentions found in the
 * result index exactly the string returned here.
 */
import { createRequire } from 'node:module';
import { extractText } from '../page-text/index.ts';

type ParseHtml = (typeof import('linkedom'))['parseHTML'];
let parseHtml: ParseHtml | undefined;

/**
 * linkedom, loaded on the first HTML file: loading it takes longer than the
 * rest of the command's start (about 60-100 ms), and plain-text runs never need it.
 */
function htmlParser(): ParseHtml {
  parseHtml ??= (createRequire(import.meta.url)('linkedom') as typeof import('linkedom')).parseHTML;
  return parseHtml;
}

/** File extensions read as HTML; everything else is read as plain text. */
export const HTML_EXTENSIONS: readonly string[] = ['.html', '.htm'];

/** The visible text of an HTML document, as the extension would scan it. */
export function htmlToText(html: string): string {
  const { document } = htmlParser()(html);
  // linkedom's document implements the DOM API page-text uses; its own types differ from lib.dom's.
  return extractText(document as unknown as Document, { computeStyle: false }).text;
}
