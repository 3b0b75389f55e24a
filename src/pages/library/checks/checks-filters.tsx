/** Search and filters of the Checks view: every control is a labelled native input. */
import type { CheckFilter } from '../../../core/claims/check-filter.ts';
import { VERDICTS } from '../../../core/claims/check-record.ts';
import { t } from '../../../core/i18n.ts';
import { verdictLabel } from '../../sidepanel/verdict-label.ts';

interface Props {
  filter: CheckFilter;
  sites: readonly string[];
  actors: readonly { id: string; label: string }[];
  onChange(next: CheckFilter): void;
}

export function ChecksFilters({ filter, sites, actors, onChange }: Props) {
  const set = (patch: Partial<CheckFilter>) => onChange({ ...filter, ...patch });
  return (
    <div class="ck-filters" role="search">
      <label>
        {t('checksSearch')} <input type="search" value={filter.text ?? ''} onInput={(e) => set({ text: e.currentTarget.value })} />
      </label>
      <label>
        {t('checksVerdict')}{' '}
        <select value={filter.verdict ?? ''} onChange={(e) => set({ verdict: e.currentTarget.value as CheckFilter['verdict'] })}>
          <option value="">{t('checksAny')}</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {verdictLabel(v)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('checksSite')}{' '}
        <select value={filter.site ?? ''} onChange={(e) => set({ site: e.currentTarget.value })}>
          <option value="">{t('checksAny')}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('checksActor')}{' '}
        <select value={filter.actorId ?? ''} onChange={(e) => set({ actorId: e.currentTarget.value })}>
          <option value="">{t('checksAny')}</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('checksFrom')} <input type="date" value={filter.from ?? ''} onInput={(e) => set({ from: e.currentTarget.value })} />
      </label>
      <label>
        {t('checksTo')} <input type="date" value={filter.to ?? ''} onInput={(e) => set({ to: e.currentTarget.value })} />
      </label>
    </div>
  );
}
