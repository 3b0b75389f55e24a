/**
 * The page as a source — URL, title, outlet, language, publication date with
 * its evidence — from what the content script collected: meta tags, JSON-LD
 * and `<time datetime>` values. DOM-free: strings in, a PageSource out.
 */
import type { DateRange } from '../corpus/schema.ts';
import type { PageSource } from './types.ts';

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
const DATE_META = ['article:published_time', 'og:article:published_time', 'datepublished', 'publishdate', 'pubdate', 'dc.date.issued', 'dc.date', 'date', 'parsely-pub-date', 'sailthru.date'];

function dayOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = value.trim().match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!m) return null;
  const [, y, mo, d] = m;
  const date = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${mo}-${d}`;
}

/** Objects of a JSON-LD document, @graph and arrays flattened. */
function ldObjects(value: unknown, out: Record<string, unknown>[] = [], depth = 0): Record<string, unknown>[] {
  if (depth > 4 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) ldObjects(v, out, depth + 1);
    return out;
  }
  const obj = value as Record<string, unknown>;
  out.push(obj);
  if (obj['@graph']) ldObjects(obj['@graph'], out, depth + 1);
  return out;
}

function fromJsonLd(scripts: readonly string[]): { published?: string; outlet?: string; headline?: string; lang?: string } {
  for (const text of scripts) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    for (const o of ldObjects(parsed)) {
      const published = dayOf(o['datePublished']);
      if (!published) continue;
      const publisher = o['publisher'] as { name?: unknown } | undefined;
      return {
        published,
        ...(typeof publisher?.name === 'string' ? { outlet: publisher.name } : {}),
        ...(typeof o['headline'] === 'string' ? { headline: o['headline'] } : {}),
        ...(typeof o['inLanguage'] === 'string' ? { lang: o['inLanguage'] } : {}),
      };
    }
  }
  return {};
}

const range = (day: string, reasoning: string): DateRange => ({ from: day, to: day, precision: 'day', reasoning });

export function readPageMeta(raw: RawPageMeta): PageSource {
  const url = raw.canonicalUrl ?? raw.url;
  let host = '';
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // not a URL: the outlet falls back to "unknown"
  }
  const ld = fromJsonLd(raw.jsonLd);
  let published: DateRange | null = null;
  for (const name of DATE_META) {
    const day = dayOf(raw.meta[name]);
    if (day) {
      published = range(day, `publication date from the page's <meta ${name}> (${raw.meta[name]})`);
      break;
    }
  }
  if (!published && ld.published) published = range(ld.published, "publication date from the page's JSON-LD datePublished");
  if (!published) {
    const time = raw.times.map(dayOf).find((d): d is string => d !== null);
    if (time) published = range(time, "date of the page's first <time datetime> element");
  }
  const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const title = clean(raw.meta['og:title']) || clean(ld.headline) || clean(raw.title) || host || url;
  const outlet = clean(raw.meta['og:site_name']) || clean(ld.outlet) || clean(raw.meta['application-name']) || host || 'unknown';
  const lang = (raw.lang || ld.lang || raw.meta['og:locale'] || '').toLowerCase().split(/[-_]/)[0] ?? '';
  return {
    url,
    title: title.slice(0, 1000),
    outlet: outlet.slice(0, 300),
    language: /^[a-z]{2,3}$/.test(lang) ? lang : 'en',
    published,
  };
}
