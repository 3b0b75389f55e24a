/**
 * The library's "Checks" tab: every saved verdict, searchable and filtered by
 * verdict, site, actor and date, exported as CSV or as schema.org ClaimReview
 * JSON signed by the reviewer set in the options (what is exported is what
 * the filters show). Each check shows what it rests on by speaker and words;
 * its verdict and note can be edited, and an edit or a delete can be undone.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { filterChecks, type CheckFilter } from '../../../core/claims/check-filter.ts';
import type { CheckRow } from '../../../core/claims/check-record.ts';
import { checksToClaimReviewJson, checksToCsv } from '../../../core/claims/claim-review.ts';
import type { PositionSummary } from '../../../core/claims/position-summary.ts';
import { t } from '../../../core/i18n.ts';
import { DEFAULT_SETTINGS, reviewerIsSet, type Reviewer } from '../../../core/settings.ts';
import { plural } from '../../../ui/plural.ts';
import { interfaceLocale } from '../../../ui/dates.ts';
import { ChecksFilters } from './checks-filters.tsx';
import { checksClient, type ChecksClient } from './checks-client.ts';
import { CheckItem, type CheckEdit } from './check-item.tsx';
import { downloadText } from '../../download.ts';
import { latestOnly } from '../../latest-only.ts';
import { Toast, type ToastState } from '../highlights/toast.tsx';
import './checks.css';

/** How long "Deleted · Undo" and "Updated · Undo" stay: long enough to notice a slip and reach the button. */
export const UNDO_MS = 8_000;

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; rows: CheckRow[]; labels: Map<string, string>; positions: Map<string, PositionSummary>; types: Map<string, string> };

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function ChecksView({ client = checksClient, locale = interfaceLocale() }: { client?: ChecksClient; locale?: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [filter, setFilter] = useState<CheckFilter>({});
  const [reviewer, setReviewer] = useState<Reviewer>(DEFAULT_SETTINGS.reviewer);
  const [toast, setToast] = useState<ToastState | null>(null);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Every change re-reads the list; with two reads in flight (two deletes in a row) only the newest reply is shown.
    const reload = latestOnly(
      () => client.list(),
      (r) => setLoad({ status: 'ready', rows: r.checks, labels: new Map(Object.entries(r.labels)), positions: new Map(Object.entries(r.positions ?? {})), types: new Map(Object.entries(r.types ?? {})) }),
      (err: unknown) => setLoad({ status: 'error', error: errorText(err) }),
    );
    void reload();
    return client.onChange(() => void reload());
  }, [client]);

  // The reviewer is set in the options page: read it now and whenever the reader comes back to this tab.
  useEffect(() => {
    const read = () => client.reviewer().then(setReviewer, (err: unknown) => console.error('OnRecord: could not read the reviewer settings', err));
    void read();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void read();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [client]);

  useEffect(() => () => clearTimeout(toastTimer.current), []);

  const rows = load.status === 'ready' ? load.rows : [];
  const labels = load.status === 'ready' ? load.labels : new Map<string, string>();
  const positions = load.status === 'ready' ? load.positions : new Map<string, PositionSummary>();
  const shown = useMemo(() => filterChecks(rows, filter, labels), [rows, filter, labels]);
  const sites = useMemo(() => [...new Set(rows.map((r) => r.site))].sort(), [rows]);
  const actors = useMemo(
    () =>
      [...new Set(rows.flatMap((r) => r.actorIds))]
        .map((id) => ({ id, label: labels.get(id) ?? id }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [rows, labels],
  );

  const show = (next: Omit<ToastState, 'id'>) => {
    clearTimeout(toastTimer.current);
    setToast({ ...next, id: Date.now() });
    toastTimer.current = setTimeout(() => setToast(null), next.action ? UNDO_MS : 5_000);
  };
  const undoTo = (before: CheckRow) => ({
    label: t('libraryUndo'),
    run: () => {
      client.restore(before).then(
        () => show({ text: t('checksRestored') }),
        (err: unknown) => show({ text: t('checksUndoFailed', errorText(err)), error: true }),
      );
    },
  });

  const saveEdit = async (row: CheckRow, edit: CheckEdit): Promise<void> => {
    const { id: _id, site: _site, createdAt: _c, updatedAt: _u, ...rest } = row;
    await client.save({ ...rest, id: row.id, verdict: edit.verdict, note: edit.note });
    show({ text: t('checksUpdated'), action: undoTo(row) });
  };
  const remove = (row: CheckRow) => {
    client.remove(row.id).then(
      () => {
        show({ text: t('checksDeleted'), action: undoTo(row) });
        // The button that had focus is gone: the list's heading takes it, not the page's top.
        heading.current?.focus();
      },
      (err: unknown) => show({ text: t('checksDeleteFailed', errorText(err)), error: true }),
    );
  };

  if (load.status === 'loading') return <p role="status">{t('checksLoading')}</p>;
  if (load.status === 'error') return <p role="alert">{t('checksLoadFailed', load.error)}</p>;

  const ctx = { labels, reviewer, types: load.status === 'ready' ? load.types : undefined };
  const signed = reviewerIsSet(reviewer);
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section class="ck" aria-labelledby="ck-h">
      <h2 id="ck-h" tabIndex={-1} ref={heading}>
        {t('checksTitle')}
      </h2>
      <ChecksFilters filter={filter} sites={sites} actors={actors} onChange={setFilter} />
      <div class="ck-actions">
        <span class="ck-count" role="status" aria-live="polite">
          {shown.length === rows.length ? plural('checksCount', rows.length) : plural('checksCountOf', rows.length, [shown.length, rows.length])}
        </span>
        <button type="button" disabled={shown.length === 0} onClick={() => downloadText(`onrecord-checks-${stamp}.csv`, checksToCsv(shown, ctx), 'text/csv')}>
          {t('checksExportCsv')}
        </button>
        <button
          type="button"
          disabled={shown.length === 0 || !signed}
          aria-describedby={signed ? undefined : 'ck-reviewer-missing'}
          onClick={() => downloadText(`onrecord-claimreview-${stamp}.json`, checksToClaimReviewJson(shown, ctx), 'application/ld+json')}
        >
          {t('checksExportClaimReview')}
        </button>
      </div>
      {signed ? (
        <p class="ck-muted ck-signed">{t('checksSignedBy', [reviewer.name, reviewer.organisation].filter(Boolean).join(', '))}</p>
      ) : (
        <p class="ck-reviewer-missing" id="ck-reviewer-missing" data-empty="reviewer">
          {t('checksReviewerMissing')}{' '}
          <button type="button" onClick={() => client.openOptions()}>
            {t('checksOpenOptions')}
          </button>
        </p>
      )}
      {rows.length === 0 ? (
        <p class="ck-empty">{t('checksEmpty')}</p>
      ) : shown.length === 0 ? (
        <p class="ck-empty">{t('checksNoMatch')}</p>
      ) : (
        <ul class="ck-list">
          {shown.map((r) => (
            <CheckItem key={r.id} row={r} labels={labels} positions={positions} locale={locale} onSave={(edit) => saveEdit(r, edit)} onDelete={() => remove(r)} />
          ))}
        </ul>
      )}
      <Toast toast={toast} onDismiss={() => setToast(null)} />
    </section>
  );
}
