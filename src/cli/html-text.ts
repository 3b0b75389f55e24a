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

/** The visible text of an HTML document and the metadata the article reader needs (one parse for both). */
export function htmlToTextAndMetadata(html: string): { text: string; meta: import('../core/article/metadata.ts').PageMetadata } {
  const { document } = htmlParser()(html);
  const doc = document as unknown as Document;
  const meta = readPageMetadata(doc);
  return { text: extractText(doc, { computeStyle: false }).text, meta };
}

function readPageMetadata(doc: Document): import('../core/article/metadata.ts').PageMetadata {
  const metaContent = (...names: string[]): string[] => {
    const out: string[] = [];
    for (const el of Array.from(doc.querySelectorAll('meta'))) {
      const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
      const content = el.getAttribute('content');
      if (content && names.includes(key)) out.push(content);
    }
    return out;
  };
  const jsonLd: unknown[] = [];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      jsonLd.push(JSON.parse(s.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is skipped: the other evidence still dates the page.
    }
  }
  const first = (xs: string[]) => xs[0];
  return {
    canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined,
    ogUrl: first(metaContent('og:url')),
    title: doc.querySelector('title')?.textContent?.trim() || undefined,
    ogTitle: first(metaContent('og:title')),
    siteName: first(metaContent('og:site_name')),
    lang: doc.documentElement?.getAttribute('lang') ?? first(metaContent('og:locale')),
    publishedMeta: metaContent('article:published_time', 'og:published_time', 'pubdate', 'publishdate', 'date', 'dc.date.issued', 'dcterms.created', 'datepublished', 'sailthru.date', 'parsely-pub-date'),
    jsonLd,
    times: Array.from(doc.querySelectorAll('time[datetime]')).map((t) => t.getAttribute('datetime') ?? '').filter((v) => v !== ''),
  };
}
