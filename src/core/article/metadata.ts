/**
 * What an article is: its publication date (with the evidence that dated
 * it, like the seed corpus's reasoning), URL, title, outlet and language —
 * from metadata already read out of the page (DOM-free: the CLI reads it with
 * linkedom, the extension from the live document), else from the text.
 * Relative dates in statements ("on Tuesday", "в четверг", "am Dienstag")
 * resolve against the publication date, biased to the past.
 */
import * as chrono from 'chrono-node';
import * as chronoRu from 'chrono-node/ru';
import * as chronoUk from 'chrono-node/uk';
import type { DateRange } from '../corpus/schema.ts';
import { guessLang } from '../statements/text.ts';
import type { Lang } from '../statements/types.ts';
import { siteOf } from '../site.ts';

/** Metadata as found in a page, all optional; several values where a page may repeat a tag. */
export interface PageMetadata {
  /** Where the page was read from (the file's URL or the tab's). */
  url?: string;
  canonical?: string;
  ogUrl?: string;
  title?: string;
  ogTitle?: string;
  siteName?: string;
  /** `<html lang>` or `og:locale`. */
  lang?: string;
  /** `article:published_time`, `og:published_time`, `pubdate`, `date`, `DC.date.issued`, … in page order. */
  publishedMeta?: string[];
  /** Parsed JSON-LD blocks (objects, arrays or @graph). */
  jsonLd?: unknown[];
  /** `<time datetime>` values, in page order. */
  times?: string[];
}

export interface DatedEvidence extends DateRange {
  /** Which evidence gave the date: "article:published_time", "JSON-LD datePublished", "<time datetime>", "dateline", "text". */
  evidence: string;
}

export interface ArticleInfo {
  url?: string;
  title?: string;
  outlet: string;
  outletEvidence: string;
  language: Lang;
  published: DatedEvidence | null;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

function isoDay(value: string): string | undefined {
  const v = value.trim();
  const m = ISO_DAY.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toISOString().slice(0, 10);
}

const day = (d: string, evidence: string, reasoning: string): DatedEvidence => ({ from: d, to: d, precision: 'day', evidence, reasoning });

/** datePublished anywhere in JSON-LD (objects, arrays, @graph), first found. */
function jsonLdDate(blocks: readonly unknown[]): string | undefined {
  const stack: unknown[] = [...blocks];
  let guard = 0;
  while (stack.length > 0 && guard++ < 10_000) {
    const x = stack.shift();
    if (Array.isArray(x)) stack.push(...x);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.datePublished === 'string') return o.datePublished;
      for (const v of Object.values(o)) if (v && typeof v === 'object') stack.push(v);
    }
  }
  return undefined;
}

/** A dateline ("KYIV, March 3 —") opens an article: it is looked for only in its first characters. */
const DATELINE_SEARCH_CHARS = 400;
/** The article's own date is written near its top; a date further down is about something else. */
const FULL_DATE_SEARCH_CHARS = 3_000;
/** "KYIV, Nov 15 (Reuters) -", "MOSCOW, 17 November 2022 —", "Berlin (dpa) –": a dateline opens the text. */
const DATELINE = /^\s*(?:[\p{Lu}][\p{Lu}\p{Ll}.\s'-]{1,40}),\s*([^()\n—–-]{3,40}?)\s*(?:\([^)\n]{1,40}\))?\s*[—–-]/u;

function parserFor(lang: Lang) {
  return lang === 'ru' ? chronoRu : lang === 'uk' ? chronoUk : lang === 'de' ? chrono.de : chrono.en;
}

/** The publication date and the evidence for it. `text` is the article's text; `reference` bounds guesses from the text (default: today). */
export function publicationDate(meta: PageMetadata, text: string, lang: Lang, reference: Date = new Date()): DatedEvidence | null {
  for (const v of meta.publishedMeta ?? []) {
    const d = isoDay(v);
    if (d) return day(d, 'article:published_time', `The page's publication-time metadata says ${v.trim()}.`);
  }
  const ld = jsonLdDate(meta.jsonLd ?? []);
  const ldDay = ld === undefined ? undefined : isoDay(ld);
  if (ldDay) return day(ldDay, 'JSON-LD datePublished', `The page's JSON-LD gives datePublished ${ld!.trim()}.`);
  for (const v of meta.times ?? []) {
    const d = isoDay(v);
    if (d) return day(d, '<time datetime>', `The first <time datetime> in the page is ${v.trim()}.`);
  }
  const head = text.slice(0, DATELINE_SEARCH_CHARS);
  const line = DATELINE.exec(head);
  const parser = parserFor(lang);
  if (line) {
    const found = parser.parse(line[0], reference, { forwardDate: false })[0];
    if (found) {
      const d = found.start.date().toISOString().slice(0, 10);
      const yearKnown = found.start.isCertain('year');
      return yearKnown
        ? day(d, 'dateline', `The dateline "${line[0].trim()}" gives the day.`)
        : { from: d, to: d, precision: 'day', evidence: 'dateline', reasoning: `The dateline "${line[0].trim()}" gives day and month; the year is the most recent one not after ${reference.toISOString().slice(0, 10)}.` };
    }
  }
  // Else the first full date written in the first part of the text. A full date has a year, so only the
  // words around each four-digit year go through chrono (it costs about a millisecond per kilobyte).
  const full = firstFullDate(text.slice(0, FULL_DATE_SEARCH_CHARS), parser, reference);
  if (full) {
    const d = full.start.date().toISOString().slice(0, 10);
    return { from: d, to: d, precision: 'day', evidence: 'text', reasoning: `No date in the page's metadata; the first full date in the text is "${full.text}" (the article was published on or after it; taken as the day).` };
  }
  return null;
}

/** A year as written in a date: four digits, not part of a longer number. */
const YEAR = /(?<!\p{N})(?:1[89]|20)\d\d(?!\p{N})/gu;
/** Characters around a year that a full date can take ("Wednesday, 15 November 2022", "2022-11-15T10:00"). */
const DATE_REACH = 60;
/** How far before a year its day may be written ("Wednesday, November 15, 2022": the day is 2 words back). */
const DAY_REACH = 24;
const DAY_BEFORE = /(?<!\p{N})[0-3]?\p{N}(?!\p{N})/u;
const DAY_AFTER = /^[-./]\p{N}{1,2}[-./]\p{N}{1,2}/u;

function firstFullDate(text: string, parser: ReturnType<typeof parserFor>, reference: Date): { text: string; start: { date(): Date } } | undefined {
  for (const m of text.matchAll(YEAR)) {
    // A day is written as a number of one or two digits before the year ("15 November 2022", "November 15, 2022",
    // "15.11.2022") or after it ("2022-11-15"): a year with none near it ("in 2022") is no full date.
    const end = m.index + m[0].length;
    if (!DAY_BEFORE.test(text.slice(Math.max(0, m.index - DAY_REACH), m.index)) && !DAY_AFTER.test(text.slice(end, end + 6))) continue;
    const from = Math.max(0, m.index - DATE_REACH);
    const at = m.index - from;
    const window = text.slice(from, Math.min(text.length, m.index + m[0].length + DATE_REACH));
    // Only a date that contains this year: "today" or "a week ago" near it is not a date written in full.
    const full = parser
      .parse(window, reference, { forwardDate: false })
      .find((r) => r.index <= at && at < r.index + r.text.length && r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day'));
    if (full) return full;
  }
  return undefined;
}

/**
 * Words without which a passage holds no relative day (weekdays, yesterday/today, month names, in the
 * four languages) — a digit aside. Passages without any skip chrono, the costliest step of `extract`.
 */
const RELATIVE_HINT = new RegExp(
  '\\p{N}|(?<!\\p{L})(?:' +
    [
      'monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow ago weekend morning evening night noon midnight',
      'january february march april may june july august september october november december',
      'понедельн вторник сред четверг пятниц суббот воскресен вчера позавчера сегодня завтра назад утр вечер ночь ночью полдень',
      'январ феврал март апрел ма[йя] июн июл август сентябр октябр ноябр декабр',
      'понеділ вівтор серед четвер п.ятниц субот неділ вчора учора позавчора сьогодні завтра тому ранк вечор ніч опівдні',
      'січн лют березн квітн травн червн липн серпн вересн жовтн листопад грудн',
      'montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag gestern vorgestern heute morgen abend nacht mittag wochenende',
      'januar februar märz april mai juni juli august september oktober november dezember',
    ]
      .join(' ')
      .split(' ')
      .join('|') +
    ')',
  'iu',
);

function absolute(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function describeArticle(meta: PageMetadata, text: string, opts: { lang?: Lang; reference?: Date } = {}): ArticleInfo {
  const metaLang = meta.lang?.slice(0, 2).toLowerCase();
  const language: Lang = opts.lang ?? (metaLang === 'en' || metaLang === 'ru' || metaLang === 'uk' || metaLang === 'de' ? metaLang : guessLang(text));
  const url = absolute(meta.canonical) ?? absolute(meta.ogUrl) ?? absolute(meta.url);
  const host = url ? siteOf(url) : undefined;
  const site = meta.siteName?.trim();
  const outlet = site || host || 'unknown';
  const outletEvidence = site
    ? `og:site_name is "${site}".`
    : host
      ? `No og:site_name; the outlet is the domain of ${meta.canonical ? 'the canonical URL' : meta.ogUrl ? 'og:url' : 'the page URL'}.`
      : 'No og:site_name and no web address: the outlet is not known.';
  const title = (meta.ogTitle ?? meta.title)?.trim() || undefined;
  return { url, title, outlet, outletEvidence, language, published: publicationDate(meta, text, language, opts.reference) };
}

/**
 * The day a relative date in `passage` ("on Tuesday", "yesterday", "в
 * четверг", "am Dienstag") points to, counted back from `published`
 * (YYYY-MM-DD); null when the passage has none.
 */
export function relativeDate(passage: string, published: string, lang: Lang): { day: string; text: string } | null {
  const ref = new Date(`${published}T12:00:00Z`);
  if (Number.isNaN(ref.getTime())) return null;
  if (!RELATIVE_HINT.test(passage)) return null;
  for (const r of parserFor(lang).parse(passage, ref, { forwardDate: false })) {
    if (r.start.isCertain('year')) continue; // a full date is not relative
    if (!r.start.isCertain('day') && !r.start.isCertain('weekday')) continue; // a time of day or a month alone
    let d = r.start.date();
    // Bias to the past: news reports what was said before it was published.
    if (d.getTime() > ref.getTime() + 36e5 * 12) {
      if (r.start.isCertain('month')) d.setUTCFullYear(d.getUTCFullYear() - 1);
      else d = new Date(d.getTime() - 7 * 864e5);
    }
    return { day: d.toISOString().slice(0, 10), text: r.text };
  }
  return null;
}
