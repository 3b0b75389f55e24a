/**
 * The library's "Your record" tab: the positions you added (from pages, from
 * highlights, from the review queue), newest first, with their source and a
 * way to remove one. Read from the database directly, like the highlights.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Position, Source } from '../../../core/corpus/schema.ts';
import { t } from '../../../core/i18n.ts';
import { safeHref } from '../../../core/schema/http-url.ts';
import { formatDate } from '../../../core/record/format-date.ts';
import { interfaceLocale } from '../../../ui/dates.ts';
import { ask } from '../../ask-background.ts';

interface MyRecord {
  positions: Position[];
  sources: Source[];
  labels: Record<string, string>;
}

type Load = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; record: MyRecord };

export function MyRecordView() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [notice, setNotice] = useState<string>();
  const refresh = async () => {
    try {
      setLoad({ status: 'ready', record: await ask<MyRecord>({ type: 'page-bg-my-record' }) });
    } catch (err) {
      setLoad({ status: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  };
  useEffect(() => {
    void refresh();
  }, []);

  if (load.status === 'loading') return <p class="st-note">{t('loading')}</p>;
  if (load.status === 'error') return <p class="st-error" role="alert">{load.error}</p>;
  const { positions, labels: labelOf } = load.record;
  const labels = new Map(Object.entries(labelOf));
  const sources = new Map(load.record.sources.map((s) => [s.id, s]));
  const locale = interfaceLocale();
  const remove = async (id: string, label: string) => {
    if (!confirm(t('myRecordRemoveConfirm', label))) return;
    try {
      await ask<object>({ type: 'page-bg-unrecord', positionId: id });
      setNotice(t('statementsUndone'));
      await refresh();
    } catch (err) {
      setNotice(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div class="rec-list">
      <p>
        <a href="../review/index.html">{t('myRecordReview')}</a>
      </p>
      <p class="st-live" role="status">{notice}</p>
      {positions.length === 0 ? (
        <div class="lib-empty">
          <p>{t('myRecordEmpty')}</p>
          <p class="st-note">{t('myRecordEmptyHint')}</p>
        </div>
      ) : (
        <ul>
          {positions.map((p) => {
            const s = sources.get(p.source);
            const speaker = labels.get(p.actor) ?? p.actor;
            return (
              <li key={p.id} class="rec-item" data-position-id={p.id}>
                <p class="rec-speaker">{speaker}</p>
                {p.quote ? <blockquote class="hl-quote">{p.quote}</blockquote> : <p class="hl-quote">{p.paraphrase}</p>}
                <p class="rec-stance">{p.stance}</p>
                <p class="hl-meta">
                  <time dateTime={p.date.from}>{formatDate(p.date, locale)}</time>
                  {s && (
                    <span>
                      {' · '}
                      {safeHref(s.url) ? (
                        <a href={safeHref(s.url)} target="_blank" rel="noopener noreferrer">{s.title}</a>
                      ) : (
                        s.title
                      )}
                      {' · '}
                      {s.outlet}
                    </span>
                  )}
                  {p.topics.length > 0 && <span>{' · '}{p.topics.map((id) => labels.get(id) ?? id).join(', ')}</span>}
                  <span class="hl-actions">
                    <button type="button" class="hl-danger" aria-label={t('myRecordRemoveLabel', speaker)} onClick={() => void remove(p.id, speaker)}>
                      {t('myRecordRemove')}
                    </button>
                  </span>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
