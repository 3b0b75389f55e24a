/**
 * "Statements on this page" (popup and side panel): the attributed statements
 * found on the current page, grouped by speaker, each with "Add to my record"
 * (the form opens in place) or, when the record already holds it, saying so.
 * What is typed in a form is kept as a draft of that statement on that page
 * (src/ui/draft-shelf.tsx, as the claim panel keeps a verdict): another
 * statement's form opening, the popup closing (a click on the page) lose
 * nothing; the form comes back with it, and Discard.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { pageKey } from '../../core/claims/check-record.ts';
import { t } from '../../core/i18n.ts';
import { spokenWords, type PageStatement, type PageStatements, type StatementEditsInput } from '../../core/recording/types.ts';
import { keptDrafts, localDraftShelf, type DraftShelf } from '../draft-shelf.tsx';
import { plural } from '../plural.ts';
import { StatementForm, type EntityOption, type StatementDraft } from './statement-form.tsx';

export interface StatementsClient {
  load(): Promise<PageStatements>;
  entities(): Promise<EntityOption[]>;
  /**
   * `text`: the statement as listed (the background refuses if the page no longer reads so there). `keptAside`: the
   * user's own layer did not read; it is kept aside and this started a fresh one (said to the user). `already`: the
   * record held it already (saved from another window): nothing was added, `positionId` is the one that holds it.
   */
  record(start: number, end: number, edits: StatementEditsInput, text: string): Promise<{ positionId: string; keptAside?: true; already?: true }>;
  unrecord(positionId: string): Promise<void>;
}

type Load = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; data: PageStatements };

const keyOf = (s: Pick<PageStatement, 'start' | 'end'>) => `${s.start}-${s.end}`;

/** Drafts are kept per page, then per statement (its words: offsets move when the page gains text above it). */
const pagePrefix = (pageUrl: string) => `${pageKey(pageUrl)} `;
const draftId = (pageUrl: string, s: Pick<PageStatement, 'text'>) => `${pagePrefix(pageUrl)}${s.text.replace(/\s+/gu, ' ').trim().slice(0, 400)}`;
export const statementDraftShelf = (pageUrl: string, s: Pick<PageStatement, 'text'>): DraftShelf<StatementDraft> =>
  localDraftShelf<StatementDraft>('statement', draftId(pageUrl, s));

/** Where focus goes after the list redraws: the statement's "Add to my record" (form closed) or its status (saved). */
type FocusNext = { key: string; to: 'add' | 'status' };

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
  const [open, setOpen] = useState<{ key: string; restored: boolean } | null>(null);
  /** Statements added in this view: key → position id, for "Added" and undo. */
  const [added, setAdded] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string>();
  const list = useRef<HTMLDivElement>(null);
  const focusNext = useRef<FocusNext | null>(null);

  const refresh = async (first = false) => {
    try {
      const [data, list] = await Promise.all([client.load(), client.entities()]);
      setEntities(list);
      setLoad({ status: 'ready', data });
      if (first) {
        // A form left with unsaved edits (the popup closed under it) opens again with them, the newest first.
        const kept = keptDrafts('statement', pagePrefix(data.page.url)).map((d) => d.id);
        const s = kept.map((id) => data.statements.find((x) => !x.recorded && draftId(data.page.url, x) === id)).find((x) => x !== undefined);
        if (s) setOpen({ key: keyOf(s), restored: true });
      }
    } catch (err) {
      setLoad({ status: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  };
  useEffect(() => {
    void refresh(true);
  }, []);
  useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    const item = list.current?.querySelector(`[data-statement="${next.key}"]`);
    const target = next.to === 'add' ? item?.querySelector<HTMLElement>('.st-add') : (item?.querySelector<HTMLElement>('.st-status button') ?? item?.querySelector<HTMLElement>('.st-status'));
    if (!target) return;
    focusNext.current = null;
    target.focus();
  });

  if (load.status === 'loading') return <p class="st-note" role="status">{t('statementsFinding')}</p>;
  if (load.status === 'error') return <p class="st-error" role="alert">{load.error}</p>;
  const { data } = load;
  const label = (s: PageStatement) => (s.speakerId ? data.entities[s.speakerId]?.label ?? s.speakerName : s.speakerName);
  const groups = groupBySpeaker(data.statements, label);
  if (groups.length === 0) return <p class="st-note">{t('statementsNone')}</p>;
  const drafted = new Set(keptDrafts('statement', pagePrefix(data.page.url)).map((d) => d.id));

  const save = async (s: PageStatement, edits: StatementEditsInput) => {
    const { positionId, keptAside, already } = await client.record(s.start, s.end, edits, s.text);
    focusNext.current = { key: keyOf(s), to: 'status' };
    setOpen(null);
    if (already) {
      // Saved meanwhile from another window (or a second press): not added twice; the list says where it is.
      setNotice(t('statementsAlready'));
      await refresh();
      return;
    }
    setAdded({ ...added, [keyOf(s)]: positionId });
    setNotice(keptAside ? `${t('statementsAdded', label(s))} ${t('statementsAddedKeptAside')}` : t('statementsAdded', label(s)));
  };
  const openForm = (key: string) => {
    // A focus move still waiting for its target (a status that never came) must not pull focus out of the new form.
    focusNext.current = null;
    setOpen({ key, restored: false });
  };
  const cancel = (s: PageStatement) => {
    focusNext.current = { key: keyOf(s), to: 'add' };
    setOpen(null);
  };
  const undo = async (s: PageStatement, positionId: string) => {
    try {
      await client.unrecord(positionId);
      const next = { ...added };
      delete next[keyOf(s)];
      setAdded(next);
      setNotice(t('statementsUndone'));
      focusNext.current = { key: keyOf(s), to: 'add' };
      await refresh();
    } catch (err) {
      setNotice(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    // data-drafts: how many kept drafts of this page this render read (a signal for tests: the shelf was read).
    <div class="st-list" ref={list} data-drafts={drafted.size}>
      <p class="st-note">{t('statementsCount', [plural('statementsCountStatements', data.statements.length), plural('statementsCountSpeakers', groups.length)])}</p>
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
                  <blockquote class={`st-text st-${s.kind}`}>{spokenWords(s.text)}</blockquote>
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
                    <p class="st-status" tabIndex={-1}>{t(s.recorded.mine ? 'statementsInYourRecord' : 'statementsInRecord')}</p>
                  ) : open?.key === key ? (
                    <StatementForm
                      idPrefix={`st-${key}`}
                      seed={{ speakerId: s.speakerId, speakerName: s.speakerName, topics: s.topics, date: s.date ?? data.page.published, quote: s.quote, text: spokenWords(s.text) }}
                      entities={entities}
                      shelf={statementDraftShelf(data.page.url, s)}
                      focusOnOpen={!open.restored}
                      onSave={(edits) => save(s, edits)}
                      onCancel={() => cancel(s)}
                    />
                  ) : (
                    <p class="st-actions">
                      <button type="button" class="st-add" aria-label={t('statementsAddLabel', label(s))} onClick={() => openForm(key)}>
                        {t('statementsAdd')}
                      </button>
                      {drafted.has(draftId(data.page.url, s)) && <span class="st-note">{t('statementsDraftKept')}</span>}
                    </p>
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
