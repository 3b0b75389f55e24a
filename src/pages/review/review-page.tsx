/**
 * The review queue: a candidates file from `onrecord extract --out`, one
 * candidate after another. Keyboard first (keys listed on the page): J/K or
 * ↓/↑ move, A accepts, R rejects, E edits then accepts, Shift+A accepts every
 * pending candidate of the speaker, U undoes the last decision. Progress is
 * kept by the background, so closing the page loses nothing.
 */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../core/i18n.ts';
import { formatDate } from '../../core/record/format-date.ts';
import { interfaceLocale } from '../../ui/dates.ts';
import type { ReviewItem, ReviewState } from '../../core/recording/review-types.ts';
import type { StatementEditsInput } from '../../core/recording/types.ts';
import { StatementForm, type EntityOption } from '../../ui/statements/statement-form.tsx';
import type { ReviewClient } from './review-client.ts';
import { readSizedText } from '../file-size.ts';

const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** A command line, not prose: the same in every language. */
const EXTRACT_COMMAND = 'onrecord extract --out candidates.json articles/';
/** The keys the page answers (see onKeyDown), as the page documents them; key names are not translated. */
const KEYS: { keys: string[]; chord?: boolean; label: MessageKey }[] = [
  { keys: ['J', '↓'], label: 'reviewKeyNext' },
  { keys: ['K', '↑'], label: 'reviewKeyPrev' },
  { keys: ['A'], label: 'reviewKeyAccept' },
  { keys: ['Shift', 'A'], chord: true, label: 'reviewKeyAcceptSpeaker' },
  { keys: ['R'], label: 'reviewKeyReject' },
  { keys: ['E'], label: 'reviewKeyEdit' },
  { keys: ['U'], label: 'reviewKeyUndo' },
];

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function ReviewPage({ client }: { client: ReviewClient }) {
  const [state, setState] = useState<ReviewState | null>(null);
  const [current, setCurrent] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [entities, setEntities] = useState<EntityOption[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const rows = useRef<Map<string, HTMLLIElement>>(new Map());

  useEffect(() => {
    Promise.all([client.state(), client.entities()])
      .then(([s, list]) => {
        setEntities(list);
        setState(s);
        const first = s.items.findIndex((i) => i.decision === 'pending');
        setCurrent(first === -1 ? 0 : first);
      })
      .catch((err: unknown) => setError(message(err)));
  }, []);

  const items = state?.items ?? [];
  const item = items[current];
  useEffect(() => {
    if (item && editing === null) rows.current.get(item.id)?.focus();
  }, [current, item?.id, editing, state]);

  const run = async (label: string, work: () => Promise<ReviewState>, after?: (s: ReviewState) => void) => {
    if (busy) return;
    setBusy(label);
    setError(undefined);
    try {
      const next = await work();
      setState(next);
      after?.(next);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(null);
    }
  };

  /** After a decision: the next pending candidate below, else the first pending one, else stay. */
  const advance = (s: ReviewState) => {
    const below = s.items.findIndex((i, n) => n > current && i.decision === 'pending');
    const any = s.items.findIndex((i) => i.decision === 'pending');
    setCurrent(below !== -1 ? below : any !== -1 ? any : current);
  };

  const decide = (it: ReviewItem, decision: 'accept' | 'reject', edits?: StatementEditsInput) =>
    run(t('reviewWorking'), () => client.decide([it.id], decision, edits), (s) => {
      setNotice(t(decision === 'accept' ? 'reviewAccepted' : 'reviewRejected', it.actorLabel));
      setEditing(null);
      advance(s);
    });

  const acceptSpeaker = (it: ReviewItem) => {
    const ids = items.filter((x) => x.actorId === it.actorId && x.decision === 'pending').map((x) => x.id);
    if (ids.length === 0) return;
    void run(t('reviewAcceptingMany', String(ids.length)), () => client.decide(ids, 'accept'), (s) => {
      setNotice(t('reviewAcceptedMany', [String(ids.length), it.actorLabel]));
      advance(s);
    });
  };

  const undo = () =>
    run(t('reviewWorking'), () => client.undo(), () => {
      setNotice(t('reviewUndone'));
    });

  const onKeyDown = (e: KeyboardEvent) => {
    if (editing !== null || !item || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select, button')) return;
    const key = e.key;
    const handled = () => e.preventDefault();
    if (key === 'j' || key === 'ArrowDown') {
      handled();
      setCurrent(Math.min(items.length - 1, current + 1));
    } else if (key === 'k' || key === 'ArrowUp') {
      handled();
      setCurrent(Math.max(0, current - 1));
    } else if (key === 'a') {
      handled();
      void decide(item, 'accept');
    } else if (key === 'A') {
      handled();
      acceptSpeaker(item);
    } else if (key === 'r') {
      handled();
      void decide(item, 'reject');
    } else if (key === 'e') {
      handled();
      setEditing(item.id);
    } else if (key === 'u') {
      handled();
      void undo();
    }
  };

  const importFile = async (file: File) => {
    const read = await readSizedText(file, MAX_FILE_BYTES, 'reviewFileTooBig');
    if ('refused' in read) {
      setError(read.refused);
      return;
    }
    const { text } = read;
    await run(t('reviewImporting', file.name), () => client.import(text, file.name.slice(0, 200)), (s) => {
      setCurrent(0);
      setNotice(t('reviewImported', [String(s.items.length), file.name]));
    });
  };

  if (!state) return <main class="rv">{error ? <p role="alert" class="st-error">{error}</p> : <p class="st-note">{t('loading')}</p>}</main>;
  const done = items.filter((i) => i.decision !== 'pending').length;
  const accepted = items.filter((i) => i.decision === 'accepted').length;

  return (
    <main class="rv" onKeyDown={onKeyDown}>
      <header class="rv-header">
        <h1>{t('reviewTitle')}</h1>
        <label class="rv-file">
          <span>{state.fileName ? t('reviewImportAnother') : t('reviewImport')}</span>
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f) void importFile(f);
            }}
          />
        </label>
        {state.fileName && (
          <button type="button" disabled={!state.canUndo || busy !== null} onClick={() => void undo()}>
            {t('reviewUndo')}
          </button>
        )}
      </header>
      {error && <p role="alert" class="st-error">{error}</p>}
      <p class="st-live" role="status">{busy ?? notice}</p>
      {!state.fileName ? (
        <section class="rv-empty">
          <h2>{t('reviewEmptyTitle')}</h2>
          <p>{t('reviewEmptyHint')}</p>
          <pre>{EXTRACT_COMMAND}</pre>
        </section>
      ) : (
        <>
          <div class="rv-progress">
            <progress max={items.length} value={done} aria-label={t('reviewProgressLabel')} />
            <span>{t('reviewProgress', [String(done), String(items.length), String(accepted)])}</span>
            <span class="rv-filename">{state.fileName}</span>
          </div>
          <details class="rv-keys" open>
            <summary>{t('reviewKeysTitle')}</summary>
            <dl>
              {KEYS.map((k) => (
                <Fragment key={k.label}>
                  <dt>
                    {k.keys.map((key, i) => (
                      <Fragment key={key}>
                        {i > 0 && (k.chord ? '+' : ' ')}
                        <kbd>{key}</kbd>
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{t(k.label)}</dd>
                </Fragment>
              ))}
            </dl>
          </details>
          <ol class="rv-list" aria-label={t('reviewListLabel')}>
            {items.map((it, n) => (
              <li
                key={it.id}
                ref={(el) => {
                  if (el) rows.current.set(it.id, el);
                  else rows.current.delete(it.id);
                }}
                tabIndex={n === current ? 0 : -1}
                class={`rv-item rv-${it.decision}${n === current ? ' rv-current' : ''}`}
                data-candidate={it.id}
                aria-current={n === current ? 'true' : undefined}
                aria-label={t('reviewItemLabel', [it.actorLabel, t(it.decision === 'accepted' ? 'reviewStateAccepted' : it.decision === 'rejected' ? 'reviewStateRejected' : 'reviewStatePending')])}
                onFocus={() => setCurrent(n)}
              >
                <p class="rv-speaker">
                  <strong>{it.actorLabel}</strong>
                  {it.newActor && <span class="st-badge">{t('statementsNotInRecord')}</span>}
                  <span class={`rv-state rv-state-${it.decision}`}>
                    {t(it.decision === 'accepted' ? 'reviewStateAccepted' : it.decision === 'rejected' ? 'reviewStateRejected' : 'reviewStatePending')}
                  </span>
                </p>
                <p class="rv-context">
                  <span class="rv-around">{it.context[0]}</span>
                  <mark>{it.context[1]}</mark>
                  <span class="rv-around">{it.context[2]}</span>
                </p>
                <p class="rv-stance">{it.stance}</p>
                <p class="st-meta">
                  <time dateTime={it.date.from}>{formatDate(it.date, interfaceLocale())}</time>
                  <span>{it.source.title}</span>
                  <span>{it.source.outlet}</span>
                  {it.topics.length > 0 && <span>{it.topics.map((x) => x.label).join(', ')}</span>}
                </p>
                {it.evidence && <p class="rv-evidence">{it.evidence}</p>}
                {editing === it.id ? (
                  <StatementForm
                    idPrefix={`rv-${n}`}
                    seed={{
                      speakerId: it.newActor ? null : it.actorId,
                      speakerName: it.actorLabel,
                      topics: it.topics.map((x) => x.id),
                      date: it.date,
                      quote: it.quote ?? null,
                      text: it.stance,
                    }}
                    entities={entities}
                    onSave={async (edits) => {
                      await client.decide([it.id], 'accept', edits).then((s) => {
                        setState(s);
                        setEditing(null);
                        setNotice(t('reviewAccepted', it.actorLabel));
                        advance(s);
                      });
                    }}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <div class="rv-actions">
                    <button type="button" onClick={() => void decide(it, 'accept')} disabled={busy !== null}>{t('reviewAccept')}</button>
                    <button type="button" onClick={() => setEditing(it.id)} disabled={busy !== null}>{t('reviewEdit')}</button>
                    <button type="button" onClick={() => void decide(it, 'reject')} disabled={busy !== null}>{t('reviewReject')}</button>
                    <button type="button" onClick={() => acceptSpeaker(it)} disabled={busy !== null}>{t('reviewAcceptSpeaker', it.actorLabel)}</button>
                  </div>
                )}
              </li>
            ))}
          </ol>
          {done === items.length && <p class="rv-done">{t('reviewAllDone', String(accepted))}</p>}
          <p>
            <button type="button" class="st-link" onClick={() => void run(t('reviewWorking'), () => client.clear())}>{t('reviewClose')}</button>
          </p>
        </>
      )}
    </main>
  );
}
