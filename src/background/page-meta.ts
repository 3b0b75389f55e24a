/**
 * The page as a source (URL, title, outlet, language, publication date) from
 * what the content script collected: meta tags, JSON-LD and time elements.
 *
 * TEMPORARY until the statements engineer's DOM-free metadata reader lands in
 * core: then this file only adapts its result.
 */
import type { DateRange } from '../core/corpus/schema.ts';
import type { PageSource } from '../core/recording/types.ts';
import type { PageTextReply } from '../shared/messages.ts';

function day(value: string | undefined, reasoning: string): DateRange | null {
  const m = value?.match(/^(\d{4}-\d{2}-\d{2})/);
  if (!m) return null;
  const d = m[1] as string;
  return Number.isNaN(Date.parse(d)) ? null : { from: d, to: d, precision: 'day', reasoning };
}

function jsonLdDate(scripts: readonly string[]): string | undefined {
  for (const s of scripts) {
    const m = s.match(/"datePublished"\s*:\s*"([^"]+)"/);
    if (m) return m[1];
  }
  return undefined;
}

export function pageSource(reply: PageTextReply): PageSource {
  const url = reply.canonicalUrl ?? reply.url;
  let host = '';
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // not a URL: the outlet stays unknown
  }
  const published =
    day(reply.meta['article:published_time'], 'article:published_time of the page') ??
    day(jsonLdDate(reply.jsonLd), 'JSON-LD datePublished of the page') ??
    day(reply.times[0], 'the first <time datetime> of the page');
  const title = (reply.meta['og:title'] ?? reply.title).trim() || host || url;
  const lang = (reply.lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return {
    url,
    title: title.slice(0, 1000),
    outlet: (reply.meta['og:site_name'] ?? '').trim() || host || 'unknown',
    language: /^[a-z]{2,3}$/.test(lang) ? lang : 'en',
    published,
  };
}
