/** Highlights as CSV for spreadsheets and reference managers: one row per highlight, lists joined with "; ". */
import { toCsv, type CsvValue } from '../csv.ts';
import type { SavedHighlight } from './model.ts';

export const HIGHLIGHT_CSV_COLUMNS = [
  'id', 'page_url', 'canonical_url', 'page_title', 'created', 'modified', 'color',
  'exact', 'prefix', 'suffix', 'start', 'end', 'note', 'tags', 'entities',
] as const;
type Column = (typeof HIGHLIGHT_CSV_COLUMNS)[number];

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage
 * return before one) as a formula; page text and notes are not ours to trust.
 * Such text gets a leading apostrophe, which spreadsheets show as plain text
 * (OWASP "CSV injection"). Only free-text columns: ids, URLs and dates cannot start so.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function row(h: SavedHighlight): Record<Column, CsvValue> {
  return {
    id: h.id,
    page_url: h.pageUrl,
    canonical_url: h.canonicalUrl,
    page_title: neutraliseFormula(h.pageTitle),
    created: new Date(h.createdAt).toISOString(),
    modified: new Date(h.updatedAt).toISOString(),
    color: h.color,
    exact: neutraliseFormula(h.selectors.quote.exact),
    prefix: neutraliseFormula(h.selectors.quote.prefix),
    suffix: neutraliseFormula(h.selectors.quote.suffix),
    start: h.selectors.position.start,
    end: h.selectors.position.end,
    note: neutraliseFormula(h.note),
    tags: h.tags.map(neutraliseFormula),
    entities: h.entityIds,
  };
}

export function exportCsv(highlights: readonly SavedHighlight[]): string {
  return toCsv(HIGHLIGHT_CSV_COLUMNS, highlights.map(row));
}
