import type { SavedHighlight } from './model.ts';

export interface PageGroup {
  readonly pageUrl: string;
  readonly pageTitle: string;
  /** Newest first. */
  readonly highlights: readonly SavedHighlight[];
  /** The newest highlight's creation time: groups sort by it. */
  readonly latest: number;
}

/** Newest first, ties by id so the order is stable across runs. */
export function compareNewestFirst(a: SavedHighlight, b: SavedHighlight): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Groups by page, pages ordered by their newest highlight; the page title is the newest highlight's. */
export function groupByPage(highlights: readonly SavedHighlight[]): PageGroup[] {
  const sorted = [...highlights].sort(compareNewestFirst);
  const byPage = new Map<string, SavedHighlight[]>();
  for (const h of sorted) {
    const list = byPage.get(h.pageUrl);
    if (list) list.push(h);
    else byPage.set(h.pageUrl, [h]);
  }
  return [...byPage].map(([pageUrl, list]) => {
    const first = list[0] as SavedHighlight;
    return { pageUrl, pageTitle: first.pageTitle, highlights: list, latest: first.createdAt };
  });
}
