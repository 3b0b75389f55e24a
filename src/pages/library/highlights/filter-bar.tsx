/** Search box and filter menus of the Highlights tab. */
import type { Facets, HighlightFilters } from './highlight-filter.ts';
import { NO_FILTERS, isFiltered } from './highlight-filter.ts';

export interface FilterBarProps {
  filters: HighlightFilters;
  facets: Facets;
  entityLabel(id: string): string;
  shown: number;
  total: number;
  onChange(f: HighlightFilters): void;
}

export function FilterBar({ filters, facets, entityLabel, shown, total, onChange }: FilterBarProps) {
  const set = <K extends keyof HighlightFilters>(key: K, value: HighlightFilters[K]) => onChange({ ...filters, [key]: value });
  return (
    <section class="hl-filters" aria-label="Search and filters">
      <input
        type="search"
        class="hl-search"
        placeholder="Search text, notes and tags"
        aria-label="Search text, notes and tags"
        value={filters.query}
        onInput={(e) => set('query', e.currentTarget.value)}
      />
      <label>
        Site
        <select aria-label="Filter by site" value={filters.site} onChange={(e) => set('site', e.currentTarget.value)}>
          <option value="">All sites</option>
          {facets.sites.map((s) => (
            <option key={s.value} value={s.value}>
              {s.value} ({s.count})
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag
        <select aria-label="Filter by tag" value={filters.tag} onChange={(e) => set('tag', e.currentTarget.value)}>
          <option value="">All tags</option>
          {facets.tags.map((t) => (
            <option key={t.value} value={t.value}>
              {t.value} ({t.count})
            </option>
          ))}
        </select>
      </label>
      <label>
        Mentions
        <select aria-label="Filter by who or what it mentions" value={filters.entity} onChange={(e) => set('entity', e.currentTarget.value)}>
          <option value="">Anyone</option>
          {facets.entities.map((en) => (
            <option key={en.value} value={en.value}>
              {entityLabel(en.value)} ({en.count})
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input type="date" aria-label="Saved from" value={filters.from} max={filters.to || undefined} onInput={(e) => set('from', e.currentTarget.value)} />
      </label>
      <label>
        To
        <input type="date" aria-label="Saved until" value={filters.to} min={filters.from || undefined} onInput={(e) => set('to', e.currentTarget.value)} />
      </label>
      <label class="hl-check">
        <input type="checkbox" checked={filters.orphansOnly} onChange={(e) => set('orphansOnly', e.currentTarget.checked)} />
        Not found on their page
      </label>
      <span class="hl-count" role="status">
        {isFiltered(filters) ? `${shown} of ${total}` : `${total}`} highlight{(isFiltered(filters) ? shown : total) === 1 ? '' : 's'}
      </span>
      {isFiltered(filters) && (
        <button type="button" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </section>
  );
}
