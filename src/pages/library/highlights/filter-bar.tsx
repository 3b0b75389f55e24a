/** Search box and filter menus of the Highlights tab. */
import { t } from '../../../core/i18n.ts';
import { plural } from '../../../ui/plural.ts';
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
    <section class="hl-filters" aria-label={t('libraryFilters')}>
      <input
        type="search"
        class="hl-search"
        placeholder={t('librarySearch')}
        aria-label={t('librarySearch')}
        value={filters.query}
        onInput={(e) => set('query', e.currentTarget.value)}
      />
      <label>
        {t('librarySite')}
        <select aria-label={t('libraryFilterSite')} value={filters.site} onChange={(e) => set('site', e.currentTarget.value)}>
          <option value="">{t('libraryAllSites')}</option>
          {facets.sites.map((s) => (
            <option key={s.value} value={s.value}>
              {s.value} ({s.count})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('libraryTag')}
        <select aria-label={t('libraryFilterTag')} value={filters.tag} onChange={(e) => set('tag', e.currentTarget.value)}>
          <option value="">{t('libraryAllTags')}</option>
          {facets.tags.map((tag) => (
            <option key={tag.value} value={tag.value}>
              {tag.value} ({tag.count})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('libraryMentions')}
        <select aria-label={t('libraryFilterEntity')} value={filters.entity} onChange={(e) => set('entity', e.currentTarget.value)}>
          <option value="">{t('libraryAnyone')}</option>
          {facets.entities.map((en) => (
            <option key={en.value} value={en.value}>
              {entityLabel(en.value)} ({en.count})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('libraryFrom')}
        <input type="date" aria-label={t('libraryFromLabel')} value={filters.from} max={filters.to || undefined} onInput={(e) => set('from', e.currentTarget.value)} />
      </label>
      <label>
        {t('libraryTo')}
        <input type="date" aria-label={t('libraryToLabel')} value={filters.to} min={filters.from || undefined} onInput={(e) => set('to', e.currentTarget.value)} />
      </label>
      <label class="hl-check">
        <input type="checkbox" checked={filters.orphansOnly} onChange={(e) => set('orphansOnly', e.currentTarget.checked)} />
        {t('libraryOrphansOnly')}
      </label>
      <span class="hl-count" role="status">
        {isFiltered(filters) ? plural('libraryCountOf', total, [shown, total]) : plural('libraryCount', total)}
      </span>
      {isFiltered(filters) && (
        <button type="button" onClick={() => onChange(NO_FILTERS)}>
          {t('libraryClearFilters')}
        </button>
      )}
    </section>
  );
}
