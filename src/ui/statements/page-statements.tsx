/**
 * "Statements on this page" (popup and side panel): the attributed statements
 * found on the current page, grouped by speaker, each with "Add to my record"
 * (the form opens in place) or, when the record already holds it, saying so.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../core/i18n.ts';
import type { PageStatement, PageStatements, StatementEditsInput } from '../../core/recording/types.ts';
import { StatementForm, type EntityOption } from './statement-form.tsx';

export interface StatementsClient {
  load(): Promise<PageStatements>;
  entities(): Promise<EntityOption[]>;
  /** `keptAside`: the user's own layer did not read; it is kept aside and this started a fresh one (said to the user). */
  record(start: number, end: number, edits: StatementEditsInput): Promise<{ positionId: string; keptAside?: true }>;
  unrecord(positionId: string): Promise<void>;
}

type Load = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; data: PageStatements };

const keyOf = (s: Pick<PageStatement, 'start' | 'end'>) => `${s.start}-${s.end}`;

/** Speakers in order of first appearance, each with their statements in page order. */
export function groupBySpeaker(statements: readonly PageStatement[], label: (s: PageStatement) => string): { key: string; label: string; known: boolean; items: PageStatement[] }[] {
  const groups = new Map<string, { key: string; label: string; known: boolean; items: PageStatement[] }>();
  for (const s of [...statements].sort((a, b) => a.start - b.start)) {
    const key = s.speakerId ?? `new:${s.speakerName.toLocaleLowerCase()}`;
    const g = groups.get(key) ?? { key, label: label(s), known: s.speakerId !== null, items: [] };
    g.items.push(s);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export function PageStatementsView({ client }: { client: StatementsClient }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [entities, setEntities] = useState<EntityOption[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  /** Statements added in this view: key → position id, for "Added" and undo. */
  const [added, setAdded] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string>();

  const refresh = async () => {
    try {
      const [data, list] = await Promise.all([client.load(), client.entities()]);
      setEntities(list);
      setLoad({ status: 'ready', data });
    } catch (err) {
      setLoad({ status: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  };
  useEffect(() => {
    void refresh();
  }, []);

  if (load.status === 'loading') return <p class="st-note" role="status">{t('statementsFinding')}</p>;
  if (load.status === 'error') return <p class="st-error" role="alert">{load.error}</p>;
  const { data } = load;
  const label = (s: PageStatement) => (s.speakerId ? data.entities[s.speakerId]?.label ?? s.speakerName : s.speakerName);
  const groups = groupBySpeaker(data.statements, label);
  if (groups.length === 0) return <p class="st-note">{t('statementsNone')}</p>;

  const save = async (s: PageStatement, edits: StatementEditsInput) => {
    const { positionId, keptAside } = await client.record(s.start, s.end, edits);
    setAdded({ ...added, [keyOf(s)]: positionId });
    setOpen(null);
    setNotice(keptAside ? `${t('statementsAdded', label(s))} ${t('statementsAddedKeptAside')}` : t('statementsAdded', label(s)));
  };
  const undo = async (s: PageStatement, positionId: string) => {
    try {
      await client.unrecord(positionId);
      const next = { ...added };
      delete next[keyOf(s)];
      setAdded(next);
      setNotice(t('statementsUndone'));
      await refresh();
    } catch (err) {
      setNotice(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <div class="st-list">
      <p class="st-note">{t('statementsCount', [String(data.statements.length), String(groups.length)])}</p>
      <p class="st-live" role="status">{notice}</p>
      {groups.map((g) => (
        <section class="st-group" key={g.key} aria-label={g.label}>
          <h3 class="st-speaker">
            {g.label}
            {!g.known && <span class="st-badge">{t('statementsNotInRecord')}</span>}
            <span class="st-group-count">{g.items.length}</span>
          </h3>
          <ul>
            {g.items.map((s) => {
              const key = keyOf(s);
              const mine = added[key];
              return (
                <li class="st-item" key={key} data-statement={key}>
                  <blockquote class={`st-text st-${s.kind}`}>{s.text}</blockquote>
                  <p class="st-meta">
                    <span>{t(s.kind === 'direct' ? 'statementsKindDirect' : s.kind === 'indirect' ? 'statementsKindIndirect' : 'statementsKindMixed')}</span>
                    {s.topics.length > 0 && <span>{s.topics.map((id) => data.entities[id]?.label ?? id).join(', ')}</span>}
                  </p>
                  {mine ? (
                    <p class="st-status">
                      <span>{t('statementsAddedShort')}</span>{' '}
                      <button type="button" class="st-link" onClick={() => void undo(s, mine)}>{t('statementsUndo')}</button>
                    </p>
                  ) : s.recorded ? (
                    <p class="st-status">{t(s.recorded.mine ? 'statementsInYourRecord' : 'statementsInRecord')}</p>
                  ) : open === key ? (
                    <StatementForm
                      idPrefix={`st-${key}`}
                      seed={{ speakerId: s.speakerId, speakerName: s.speakerName, topics: s.topics, date: s.date ?? data.page.published, quote: s.quote, text: s.text }}
                      entities={entities}
                      onSave={(edits) => save(s, edits)}
                      onCancel={() => setOpen(null)}
                    />
                  ) : (
                    <button type="button" class="st-add" aria-label={t('statementsAddLabel', label(s))} onClick={() => setOpen(key)}>
                      {t('statementsAdd')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
