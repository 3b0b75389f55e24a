/**
 * Search and filters of the library, kept apart from the view so they run
 * (and are tested and benchmarked) without a DOM. Search is over the quote,
 * the note and the tags, folded the way mentions are matched (case and Latin
 * diacritics ignored, Cyrillic letters kept distinct); every word of the
 * query must occur.
 */
import { groupByPage, highlightSite, type PageGroup, type SavedHighlight } from '../../../core/annotations/index.ts';
import { foldString } from '../../../core/text/fold.ts';

export interface HighlightFilters {
  query: string;
  site: string;
  tag: string;
  entity: string;
  /** Inclusive days, "YYYY-MM-DD" in local time; empty for no bound. */
  from: string;
  to: string;
  orphansOnly: boolean;
}

export const NO_FILTERS: HighlightFilters = { query: '', site: '', tag: '', entity: '', from: '', to: '', orphansOnly: false };

export interface IndexedHighlight {
  readonly highlight: SavedHighlight;
  /** Folded quote, note and tags, for search. */
  readonly haystack: string;
  readonly site: string;
}

export function indexHighlights(highlights: readonly SavedHighlight[]): IndexedHighlight[] {
  return highlights.map((h) => ({
    highlight: h,
    haystack: foldString(`${h.selectors.quote.exact}\n${h.note}\n${h.tags.join('\n')}`),
    site: highlightSite(h.pageUrl),
  }));
}

function dayStart(day: string): number {
  return day ? new Date(`${day}T00:00:00`).getTime() : -Infinity;
}

function dayEnd(day: string): number {
  return day ? new Date(`${day}T00:00:00`).getTime() + 86_400_000 - 1 : Infinity;
}

export function isFiltered(f: HighlightFilters): boolean {
  return f.query.trim() !== '' || f.site !== '' || f.tag !== '' || f.entity !== '' || f.from !== '' || f.to !== '' || f.orphansOnly;
}

/** The highlights that pass every filter, in the index's order. */
export function filterHighlights(index: readonly IndexedHighlight[], f: HighlightFilters): SavedHighlight[] {
  const words = foldString(f.query).split(/\s+/).filter(Boolean);
  const from = dayStart(f.from);
  const to = dayEnd(f.to);
  const out: SavedHighlight[] = [];
  for (const item of index) {
    const h = item.highlight;
    if (f.site && item.site !== f.site) continue;
    if (f.tag && !h.tags.includes(f.tag)) continue;
    if (f.entity && !h.entityIds.includes(f.entity)) continue;
    if (h.createdAt < from || h.createdAt > to) continue;
    if (f.orphansOnly && h.orphanedAt === undefined) continue;
    if (words.length > 0 && !words.every((w) => item.haystack.includes(w))) continue;
    out.push(h);
  }
  return out;
}

export interface Facets {
  sites: Array<{ value: string; count: number }>;
  tags: Array<{ value: string; count: number }>;
  entities: Array<{ value: string; count: number }>;
}

function counted(values: Iterable<string>): Array<{ value: string; count: number }> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The choices the filter menus offer, with how many highlights each has. */
export function facetsOf(index: readonly IndexedHighlight[]): Facets {
  return {
    sites: counted(index.map((i) => i.site)),
    tags: counted(index.flatMap((i) => i.highlight.tags)),
    entities: counted(index.flatMap((i) => i.highlight.entityIds)),
  };
}

/** One line of the virtual list: a page heading or a highlight under it. */
export type LibraryRow =
  | { kind: 'page'; key: string; group: PageGroup; orphans: number }
  | { kind: 'item'; key: string; highlight: SavedHighlight };

export function toRows(highlights: readonly SavedHighlight[]): LibraryRow[] {
  const rows: LibraryRow[] = [];
  for (const group of groupByPage(highlights)) {
    rows.push({ kind: 'page', key: `page:${group.pageUrl}`, group, orphans: group.highlights.filter((h) => h.orphanedAt !== undefined).length });
    for (const h of group.highlights) rows.push({ kind: 'item', key: h.id, highlight: h });
  }
  return rows;
}
