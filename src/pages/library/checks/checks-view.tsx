/**
 * The library's "Checks" tab: every saved verdict, searchable and filtered by
 * verdict, site, actor and date, exported as CSV or as schema.org ClaimReview
 * JSON (what is exported is what the filters show).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { filterChecks, type CheckFilter } from '../../../core/claims/check-filter.ts';
import type { CheckRow } from '../../../core/claims/check-record.ts';
import { checksToClaimReviewJson, checksToCsv } from '../../../core/claims/claim-review.ts';
import { t } from '../../../core/i18n.ts';
import { plural } from '../../../ui/plural.ts';
import { verdictLabel } from '../../sidepanel/verdict-label.ts';
import { ChecksFilters } from './checks-filters.tsx';
import { checksClient, type ChecksClient } from './checks-client.ts';
import { downloadText } from '../../download.ts';
import './checks.css';
import { safeHref } from '../../../core/schema/http-url.ts';

/** The review's author in ClaimReview: the tool's user, not a named organisation we cannot know. Exported data, so not translated. */
const REVIEWER = 'OnRecord moderator';

type Load = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; rows: CheckRow[]; labels: Map<string, string> };

export function ChecksView({ client = checksClient }: { client?: ChecksClient }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [filter, setFilter] = useState<CheckFilter>({});

  useEffect(() => {
    const reload = () =>
      client.list().then(
        (r) => setLoad({ status: 'ready', rows: r.checks, labels: new Map(Object.entries(r.labels)) }),
        (err: unknown) => setLoad({ status: 'error', error: err instanceof Error ? err.message : String(err) }),
      );
    void reload();
    return client.onChange(() => void reload());
  }, [client]);

  const rows = load.status === 'ready' ? load.rows : [];
  const labels = load.status === 'ready' ? load.labels : new Map<string, string>();
  const shown = useMemo(() => filterChecks(rows, filter, labels), [rows, filter, labels]);
  const sites = useMemo(() => [...new Set(rows.map((r) => r.site))].sort(), [rows]);
  const actors = useMemo(
    () =>
      [...new Set(rows.flatMap((r) => r.actorIds))]
        .map((id) => ({ id, label: labels.get(id) ?? id }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [rows, labels],
  );

  if (load.status === 'loading') return <p role="status">{t('checksLoading')}</p>;
  if (load.status === 'error') return <p role="alert">{t('checksLoadFailed', load.error)}</p>;

  const ctx = { labels, reviewer: REVIEWER };
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section class="ck" aria-labelledby="ck-h">
      <h2 id="ck-h">{t('checksTitle')}</h2>
      <ChecksFilters filter={filter} sites={sites} actors={actors} onChange={setFilter} />
      <div class="ck-actions">
        <span role="status" aria-live="polite">
          {shown.length === rows.length ? plural('checksCount', rows.length) : plural('checksCountOf', rows.length, [shown.length, rows.length])}
        </span>
        <button type="button" disabled={shown.length === 0} onClick={() => downloadText(`onrecord-checks-${stamp}.csv`, checksToCsv(shown, ctx), 'text/csv')}>
          {t('checksExportCsv')}
        </button>
        <button
          type="button"
          disabled={shown.length === 0}
          onClick={() => downloadText(`onrecord-claimreview-${stamp}.json`, checksToClaimReviewJson(shown, ctx), 'application/ld+json')}
        >
          {t('checksExportClaimReview')}
        </button>
      </div>
      {rows.length === 0 ? (
        <p class="ck-empty">{t('checksEmpty')}</p>
      ) : shown.length === 0 ? (
        <p class="ck-empty">{t('checksNoMatch')}</p>
      ) : (
        <ul class="ck-list">
          {shown.map((r) => (
            <li key={r.id} class="ck-item" data-verdict={r.verdict}>
              <p class="ck-claim">“{r.claim}”</p>
              <p>
                <strong class={`ck-verdict ck-${r.verdict}`}>{verdictLabel(r.verdict)}</strong>
                {r.speakerId ? ` · ${labels.get(r.speakerId) ?? r.speakerId}` : ''} · {new Date(r.createdAt).toLocaleDateString()} ·{' '}
                <a href={safeHref(r.pageUrl)} target="_blank" rel="noreferrer">
                  {r.pageTitle || r.site}
                </a>
              </p>
              {r.note ? <p class="ck-note">{r.note}</p> : null}
              {r.positionIds.length > 0 ? <p class="ck-muted">{t('checksRestsOn', r.positionIds.join(', '))}</p> : null}
              <button type="button" class="ck-delete" onClick={() => void client.remove(r.id)} aria-label={t('checksDeleteLabel', r.claim.slice(0, 60))}>
                {t('checksDelete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
