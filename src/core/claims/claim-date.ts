/**
 * A date the claim itself names ("in March 2022", "last October" is not
 * parsed), used for date proximity. Only month + year and bare years: days
 * are rare in news copy about statements and easy to misread.
 */
const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  januar: 1, februar: 2, marz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
};
const MONTH_YEAR = /(?<![\p{L}])(\p{L}+)\.?\s+((?:19|20)\d\d)(?!\d)/gu;
const YEAR = /(?<!\d)((?:19|20)\d\d)(?!\d)/u;

/** The middle of the named period as YYYY-MM-DD, or null when the claim names none. */
export function claimDate(text: string): string | null {
  for (const m of text.matchAll(MONTH_YEAR)) {
    const month = MONTHS[m[1]!.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')];
    if (month) return `${m[2]}-${String(month).padStart(2, '0')}-15`;
  }
  const year = YEAR.exec(text);
  return year ? `${year[1]}-07-01` : null;
}

const DAY_MS = 86_400_000;

/** Days between two YYYY-MM-DD dates (absolute). */
export function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY_MS;
}
