import { describe, expect, it } from 'vitest';
import { sampleHighlight } from '../../../core/annotations/testing.ts';
import { facetsOf, filterHighlights, indexHighlights, isFiltered, NO_FILTERS, toRows } from './highlight-filter.ts';

const all = Array.from({ length: 40 }, (_, i) => sampleHighlight(i));
const index = indexHighlights(all);

describe('library filters', () => {
  it('searches quote, note and tags, every word, ignoring case and accents', () => {
    const withAccent = sampleHighlight(100, { note: 'Überprüfen: Genève statement', tags: ['Café'] });
    const idx = indexHighlights([...all, withAccent]);
    expect(filterHighlights(idx, { ...NO_FILTERS, query: 'geneve ueberpruefen' }).map((h) => h.id)).toEqual([]);
    expect(filterHighlights(idx, { ...NO_FILTERS, query: 'GENEVE uberprufen' }).map((h) => h.id)).toEqual([withAccent.id]);
    expect(filterHighlights(idx, { ...NO_FILTERS, query: 'cafe' }).map((h) => h.id)).toEqual([withAccent.id]);
    const byQuote = filterHighlights(index, { ...NO_FILTERS, query: '(7).' });
    expect(byQuote.map((h) => h.id)).toEqual([all[7]!.id]);
  });

  it('filters by site, tag, entity, date range and orphans', () => {
    const site = filterHighlights(index, { ...NO_FILTERS, site: 'daily.example.org' });
    expect(site.length).toBeGreaterThan(0);
    expect(site.every((h) => h.pageUrl.includes('daily.example.org'))).toBe(true);
    const tag = filterHighlights(index, { ...NO_FILTERS, tag: 'policy' });
    expect(tag.length).toBeGreaterThan(0);
    expect(tag.every((h) => h.tags.includes('policy'))).toBe(true);
    expect(filterHighlights(index, { ...NO_FILTERS, entity: 'kremlin' }).every((h) => h.entityIds.includes('kremlin'))).toBe(true);
    const day = new Date(all[30]!.createdAt);
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const onDay = filterHighlights(index, { ...NO_FILTERS, from: iso, to: iso });
    expect(onDay.map((h) => h.id)).toContain(all[30]!.id);
    expect(onDay.every((h) => new Date(h.createdAt).getDate() === day.getDate())).toBe(true);
    const orphan = sampleHighlight(200, { orphanedAt: 5 });
    expect(filterHighlights(indexHighlights([...all, orphan]), { ...NO_FILTERS, orphansOnly: true })).toEqual([orphan]);
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, tag: 'x' })).toBe(true);
  });

  it('offers facets with counts and builds page rows with their highlights, newest first', () => {
    const facets = facetsOf(index);
    expect(facets.sites.reduce((n, s) => n + s.count, 0)).toBe(all.length);
    expect(facets.entities.find((e) => e.value === 'peskov')?.count).toBe(10);
    const rows = toRows(all);
    expect(rows[0]!.kind).toBe('page');
    expect(rows.filter((r) => r.kind === 'item')).toHaveLength(all.length);
    const times = rows.flatMap((r) => (r.kind === 'item' ? [r.highlight.createdAt] : []));
    expect(rows[1]!.kind === 'item' && rows[1]!.highlight.createdAt).toBe(Math.max(...times));
  });
});
