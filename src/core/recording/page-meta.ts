/**
 * The page as a source — URL, title, outlet, language, publication date with
 * its evidence — from what the content script collected (meta tags, JSON-LD,
 * `<time datetime>`), read by the same DOM-free article reader as
 * `onrecord extract` (core/article).
 */
import { describeArticle, type PageMetadata } from '../article/metadata.ts';
import type { PageSource } from './types.ts';
import { MAX_TITLE_CHARS } from '../limits.ts';

export interface RawPageMeta {
  url: string;
  canonicalUrl?: string;
  title: string;
  lang?: string;
  /** Meta tags by lower-cased name or property. */
  meta: Record<string, string>;
  jsonLd: readonly string[];
  times: readonly string[];
}

/** Meta tags that carry a publication date, surest first. */
const DATE_META = ['article:published_time', 'og:published_time', 'og:article:published_time', 'datepublished', 'publishdate', 'pubdate', 'dc.date.issued', 'dc.date', 'date', 'parsely-pub-date', 'sailthru.date'];

export function toPageMetadata(raw: RawPageMeta): PageMetadata {
  const jsonLd: unknown[] = [];
  for (const text of raw.jsonLd) {
    try {
      jsonLd.push(JSON.parse(text));
    } catch {
      // a broken block says nothing
    }
  }
  const lang = raw.lang || raw.meta['og:locale'];
  return {
    url: raw.url,
    ...(raw.canonicalUrl ? { canonical: raw.canonicalUrl } : {}),
    ...(raw.meta['og:url'] ? { ogUrl: raw.meta['og:url'] } : {}),
    ...(raw.title ? { title: raw.title } : {}),
    ...(raw.meta['og:title'] ? { ogTitle: raw.meta['og:title'] } : {}),
    ...(raw.meta['og:site_name'] ? { siteName: raw.meta['og:site_name'] } : {}),
    ...(lang ? { lang } : {}),
    publishedMeta: DATE_META.map((n) => raw.meta[n]).filter((v): v is string => !!v),
    jsonLd,
    times: [...raw.times],
  };
}

export function readPageMeta(raw: RawPageMeta, text = ''): PageSource {
  const info = describeArticle(toPageMetadata(raw), text);
  const url = info.url ?? raw.url;
  const published = info.published ? { from: info.published.from, to: info.published.to, precision: info.published.precision, reasoning: info.published.reasoning ?? info.published.evidence } : null;
  return {
    url,
    title: (info.title ?? (raw.title.trim() || url)).slice(0, MAX_TITLE_CHARS),
    outlet: info.outlet.slice(0, 300),
    language: info.language,
    published,
  };
}
