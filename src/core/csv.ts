/**
 * CSV as RFC 4180 describes it: CRLF line ends, a header row, and a field
 * quoted (with inner quotes doubled) when it holds a comma, a quote or a line
 * break. Lists are joined with "; " so each record stays one row.
 */
export type CsvValue = string | number | boolean | null | undefined | readonly string[];

/** The separator for list values inside one field. */
export const CSV_LIST_SEPARATOR = '; ';
const CRLF = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join(CSV_LIST_SEPARATOR) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + CRLF;
}

/** A whole table: the header row from `columns`, then one row per record. */
export function toCsv<K extends string>(columns: readonly K[], records: Iterable<Readonly<Record<K, CsvValue>>>): string {
  let out = csvRow(columns);
  for (const r of records) out += csvRow(columns.map((c) => r[c]));
  return out;
}
