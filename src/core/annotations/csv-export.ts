/** Highlights as CSV for spreadsheets and reference managers: one row per highlight, lists joined with "; ". */
import { toCsv, type CsvValue } from '../csv.ts';
import type { SavedHighlight } from './model.ts';

export const HIGHLIGHT_CSV_COLUMNS = [
  'id', 'page_url', 'canonical_url', 'page_title', 'created', 'modified', 'color',
  'exact', 'prefix', 'suffix', 'start', 'end', 'note', 'tags', 'entities',
] as const;
type Column = (typeof HIGHLIGHT_CSV_COLUMNS)[number];

function row(h: SavedHighlight): Record<Column, CsvValue> {
  return {
    id: h.id,
    page_url: h.pageUrl,
    canonical_url: h.canonicalUrl,
    page_title: h.pageTitle,
    created: new Date(h.createdAt).toISOString(),
    modified: new Date(h.updatedAt).toISOString(),
    color: h.color,
    exact: h.selectors.quote.exact,
    prefix: h.selectors.quote.prefix,
    suffix: h.selectors.quote.suffix,
    start: h.selectors.position.start,
    end: h.selectors.position.end,
    note: h.note,
    tags: h.tags,
    entities: h.entityIds,
  };
}

export function exportCsv(highlights: readonly SavedHighlight[]): string {
  return toCsv(HIGHLIGHT_CSV_COLUMNS, highlights.map(row));
}
