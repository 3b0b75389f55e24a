/**
 * Precision-aware date labels: a day shows as "30 Sep 2022", a month as
 * "Oct 2022", a year as "2023"; a range whose ends differ at that precision
 * collapses the shared parts ("3–5 Oct 2022", "Oct–Nov 2022", "2022–2023").
 */
import type { DatePrecision, DateRange } from '../corpus/schema.ts';

/** English is spelled out by hand: ICU's en-GB now writes "Sept", en-US puts the month first. */
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** An en dash between numbers; spaced when either side has more than one word. */
const DASH = '–';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parse(iso: string): Ymd {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
}

function sameAt(a: Ymd, b: Ymd, precision: DatePrecision): boolean {
  if (a.y !== b.y) return false;
  if (precision === 'year') return true;
  if (a.m !== b.m) return false;
  return precision === 'month' || a.d === b.d;
}

function formatEnglish(a: Ymd, b: Ymd, precision: DatePrecision): string {
  const mon = (x: Ymd) => EN_MONTHS[x.m - 1] ?? String(x.m);
  if (precision === 'year') return sameAt(a, b, 'year') ? `${a.y}` : `${a.y}${DASH}${b.y}`;
  if (precision === 'month') {
    if (sameAt(a, b, 'month')) return `${mon(a)} ${a.y}`;
    if (a.y === b.y) return `${mon(a)}${DASH}${mon(b)} ${a.y}`;
    return `${mon(a)} ${a.y} ${DASH} ${mon(b)} ${b.y}`;
  }
  if (sameAt(a, b, 'day')) return `${a.d} ${mon(a)} ${a.y}`;
  if (a.y === b.y && a.m === b.m) return `${a.d}${DASH}${b.d} ${mon(a)} ${a.y}`;
  if (a.y === b.y) return `${a.d} ${mon(a)} ${DASH} ${b.d} ${mon(b)} ${a.y}`;
  return `${a.d} ${mon(a)} ${a.y} ${DASH} ${b.d} ${mon(b)} ${b.y}`;
}

const INTL_OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'short', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

function toUtc(x: Ymd): Date {
  return new Date(Date.UTC(x.y, x.m - 1, x.d));
}

export function formatDate(range: DateRange, locale = 'en'): string {
  const a = parse(range.from);
  const b = parse(range.to);
  if (locale === 'en' || locale.startsWith('en-')) return formatEnglish(a, b, range.precision);
  const fmt = new Intl.DateTimeFormat(locale, INTL_OPTIONS[range.precision]);
  return sameAt(a, b, range.precision) ? fmt.format(toUtc(a)) : fmt.formatRange(toUtc(a), toUtc(b));
}
