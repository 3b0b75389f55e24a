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
import type { ReviewImportQuestion, ReviewItem, ReviewState } from '../../core/recording/review-types.ts';
import type { StatementEditsInput } from '../../core/recording/types.ts';
import { StatementForm, type EntityOption, type StatementDraft } from '../../ui/statements/statement-form.tsx';
import { keptDrafts, localDraftShelf } from '../../ui/draft-shelf.tsx';
import type { ReviewClient } from './review-client.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { TargetPicker } from './target-picker.tsx';
import { plural } from '../../ui/plural.ts';
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

/** Still to decide: neither decided nor already in the record. */
const undecided = (i: ReviewItem) => i.decision === 'pending' && !i.held;

/**
 * The edit form's draft of a candidate (the shelf every editor uses, src/ui/draft-shelf.tsx): what is typed
 * survives Escape, a reload and a closed tab, and comes back (with Discard) when the form opens again.
 */
const draftPrefix = (fileName: string) => `${fileName}\u0000`;
const draftShelf = (fileName: string, id: string) => localDraftShelf<StatementDraft>('review', `${draftPrefix(fileName)}${id}`);
const draftedIds = (fileName: string) => new Set(keptDrafts('review', draftPrefix(fileName)).map((d) => d.id.slice(draftPrefix(fileName).length)));

/** A question before work is put away: what it says, what the button that goes ahead says, and what it does. */
interface Question {
  title: string;
  body: string;
  go: string;
  then(): void;
}

export function ReviewPage({ client }: { client: ReviewClient }) {
  const [state, setState] = useState<ReviewState | null>(null);
  const [current, setCurrent] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [entities, setEntities] = useState<EntityOption[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [question, setQuestion] = useState<Question | null>(null);
  /** The queue was just closed: focus goes to "Open it again" (the Close button is gone). */
  const [justClosed, setJustClosed] = useState(false);
  const rows = useRef<Map<string, HTMLLIElement>>(new Map());

  useEffect(() => {
    Promise.all([client.state(), client.entities()])
      .then(([s, list]) => {
        setEntities(list);
        setState(s);
        // An edit left unsaved (the tab was closed or reloaded): its form opens again, with the draft.
        const newest = s.fileName ? keptDrafts('review', draftPrefix(s.fileName))[0] : undefined;
        const drafted = newest ? s.items.findIndex((i) => `${draftPrefix(s.fileName as string)}${i.id}` === newest.id && undecided(i)) : -1;
        const first = s.items.findIndex(undecided);
        setCurrent(drafted !== -1 ? drafted : first === -1 ? 0 : first);
        if (drafted !== -1) setEditing((s.items[drafted] as ReviewItem).id);
      })
      .catch((err: unknown) => setError(message(err)));
  }, []);

  useEffect(() => {
    if (!justClosed) return;
    setJustClosed(false);
    document.getElementById('rv-reopen')?.focus();
  }, [justClosed]);

  // "Open it again" goes when the ten minutes are up (the background no longer keeps the queue then).
  const closedUntil = state?.closed?.until;
  useEffect(() => {
    if (closedUntil === undefined) return;
    const timer = setTimeout(() => void client.state().then(setState, () => undefined), Math.max(0, closedUntil - Date.now()) + 250);
    return () => clearTimeout(timer);
  }, [closedUntil]);

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
    const below = s.items.findIndex((i, n) => n > current && undecided(i));
    const any = s.items.findIndex(undecided);
    setCurrent(below !== -1 ? below : any !== -1 ? any : current);
  };

  const decide = (it: ReviewItem, decision: 'accept' | 'reject', edits?: StatementEditsInput) =>
    run(t('reviewWorking'), () => client.decide([it.id], decision, edits), (s) => {
      setNotice(t(decision === 'accept' ? 'reviewAccepted' : 'reviewRejected', it.actorLabel));
      setEditing(null);
      advance(s);
    });

  /** Accepting a candidate with no date found opens its edit form: the reviewer gives the day it was said. */
  const accept = (it: ReviewItem) => {
    if (it.held) return setNotice(t('reviewAlreadyHeld'));
    if (it.dateUnknown && it.decision !== 'accepted') {
      setNotice(t('reviewGiveDate'));
      return setEditing(it.id);
    }
    void decide(it, 'accept');
  };

  const acceptSpeaker = (it: ReviewItem) => {
    const mine = items.filter((x) => x.actorId === it.actorId && undecided(x));
    // Candidates with no date found are left to decide: each needs the day it was said (E).
    const ids = mine.filter((x) => !x.dateUnknown).map((x) => x.id);
    const left = mine.length - ids.length;
    if (ids.length === 0) {
      if (left > 0) setNotice(t('reviewUndatedLeft'));
      return;
    }
    void run(plural('reviewAcceptingCount', ids.length), () => client.decide(ids, 'accept'), (s) => {
      setNotice(`${plural('reviewAcceptedCount', ids.length, [ids.length, it.actorLabel])}${left > 0 ? ` ${t('reviewUndatedLeft')}` : ''}`);
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
    // Letters by the key, case aside (Caps Lock makes a plain "a" read "A"); Shift alone makes a bulk acceptance.
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const handled = () => e.preventDefault();
    if (key === 'j' || key === 'ArrowDown') {
      handled();
      setCurrent(Math.min(items.length - 1, current + 1));
    } else if (key === 'k' || key === 'ArrowUp') {
      handled();
      setCurrent(Math.max(0, current - 1));
    } else if (key === 'a' && e.shiftKey) {
      handled();
      acceptSpeaker(item);
    } else if (key === 'a') {
      handled();
      accept(item);
    } else if (key === 'r') {
      handled();
      void decide(item, 'reject');
    } else if (key === 'e') {
      handled();
      if (item.held) setNotice(t('reviewAlreadyHeld'));
      else setEditing(item.id);
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
    const name = file.name.slice(0, 200);
    const load = (replace: boolean) =>
      run(t('reviewImporting', file.name), async () => {
        const answer = await client.import(text, name, replace);
        if ('state' in answer) return answer.state;
        // The import would put away undecided candidates of this queue: ask first, change nothing yet.
        askReplace(answer.confirm, file.name, () => void load(true));
        return state as ReviewState;
      }, (s) => {
        if (s === state) return;
        const first = s.items.findIndex(undecided);
        setCurrent(first === -1 ? 0 : first);
        setNotice(plural('reviewImported', s.items.length, [s.items.length, file.name]));
      });
    await load(false);
  };

  const askReplace = (q: ReviewImportQuestion, incoming: string, then: () => void) =>
    setQuestion({
      title: t('reviewReplaceTitle'),
      body: plural('reviewReplaceBody', q.undecided, [q.undecided, q.replacing, incoming]),
      go: t('reviewReplaceGo'),
      then,
    });

  const close = () => {
    const left = items.filter(undecided).length;
    const doClose = () =>
      void run(t('reviewWorking'), () => client.clear(), () => {
        setEditing(null);
        setNotice(t('reviewClosed'));
        setJustClosed(true);
      });
    if (left === 0) return doClose();
    setQuestion({ title: t('reviewCloseTitle'), body: plural('reviewCloseBody', left, [left, state?.fileName ?? '']), go: t('reviewCloseGo'), then: doClose });
  };

  const reopen = () =>
    run(t('reviewWorking'), () => client.reopen(), (s) => {
      const first = s.items.findIndex(undecided);
      setCurrent(first === -1 ? 0 : first);
      setNotice(t('reviewReopened', s.fileName ?? ''));
    });

  if (!state) return <main class="rv">{error ? <p role="alert" class="st-error">{error}</p> : <p class="st-note">{t('loading')}</p>}</main>;
  const done = items.filter((i) => !undecided(i)).length;
  const drafted = state.fileName ? draftedIds(state.fileName) : new Set<string>();
  const accepted = items.filter((i) => i.decision === 'accepted').length;

  return (
    // data-drafts: how many kept drafts this render read from the shelf (a signal for tests: the shelf was read).
    <main class="rv" onKeyDown={onKeyDown} data-drafts={drafted.size}>
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
      {error && (
        <p role="alert" class="st-error" style={{ whiteSpace: 'pre-line' }}>
          {error}
        </p>
      )}
      <p class="st-live" role="status">{busy ?? notice}</p>
      {question && (
        <ConfirmDialog
          title={question.title}
          body={question.body}
          go={question.go}
          keep={t('reviewKeepReviewing')}
          onGo={() => {
            setQuestion(null);
            question.then();
          }}
          onKeep={() => setQuestion(null)}
          fallback={() => document.getElementById('rv-reopen') ?? document.querySelector<HTMLElement>('.rv-file input')}
        />
      )}
      {state.closed && (
        <p class="rv-closed">
          {plural('reviewClosedLine', state.closed.undecided, [state.closed.undecided, state.closed.fileName])}{' '}
          <button type="button" id="rv-reopen" onClick={() => void reopen()} disabled={busy !== null}>{t('reviewReopen')}</button>
        </p>
      )}
      <TargetPicker target={state.target} corpora={state.corpora} disabled={busy !== null} onChoose={(choice) => void run(t('reviewWorking'), () => client.setTarget(choice), (s) => setNotice(s.target.kind === 'layer' ? t('reviewTargetLayerSet') : t('reviewTargetCorpusSet', s.target.title)))} />
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
                aria-label={t('reviewItemLabel', [it.actorLabel, stateLabel(it)])}
                onFocus={() => setCurrent(n)}
              >
                <p class="rv-speaker">
                  <strong>{it.actorLabel}</strong>
                  {it.newActor && <span class="st-badge">{t('statementsNotInRecord')}</span>}
                  <span class={`rv-state rv-state-${it.held ? 'held' : it.decision}`}>{stateLabel(it)}</span>
                </p>
                <p class="rv-context">
                  <span class="rv-around">{it.context[0]}</span>
                  <mark>{it.context[1]}</mark>
                  <span class="rv-around">{it.context[2]}</span>
                </p>
                <p class="rv-stance">{it.stance}</p>
                <p class="st-meta">
                  {it.dateUnknown ? (
                    <span class="rv-undated">{t('reviewDateUnknown')}</span>
                  ) : (
                    <time dateTime={it.date.from}>{formatDate(it.date, interfaceLocale())}</time>
                  )}
                  <span>{it.source.title}</span>
                  <span>{it.source.outlet}</span>
                  {it.topics.length > 0 && <span>{it.topics.map((x) => x.label).join(', ')}</span>}
                </p>
                {it.evidence && <p class="rv-evidence">{it.evidence}</p>}
                {editing !== it.id && drafted.has(it.id) && undecided(it) && <p class="st-note rv-draft">{t('statementsDraftKept')}</p>}
                {editing === it.id ? (
                  <StatementForm
                    idPrefix={`rv-${n}`}
                    seed={{
                      speakerId: it.newActor ? null : it.actorId,
                      speakerName: it.actorLabel,
                      topics: it.topics.map((x) => x.id),
                      // No date found: the form opens with none (never the day it was read) and asks for one.
                      date: it.dateUnknown ? null : it.date,
                      quote: it.quote ?? null,
                      text: it.stance,
                    }}
                    entities={entities}
                    shelf={draftShelf(state.fileName as string, it.id)}
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
                    <button type="button" onClick={() => accept(it)} disabled={busy !== null || it.held !== undefined}>{t('reviewAccept')}</button>
                    <button type="button" onClick={() => setEditing(it.id)} disabled={busy !== null || it.held !== undefined}>{t('reviewEdit')}</button>
                    <button type="button" onClick={() => void decide(it, 'reject')} disabled={busy !== null}>{t('reviewReject')}</button>
                    <button type="button" onClick={() => acceptSpeaker(it)} disabled={busy !== null}>{t('reviewAcceptSpeaker', it.actorLabel)}</button>
                  </div>
                )}
              </li>
            ))}
          </ol>
          {done === items.length && <p class="rv-done">{t('reviewAllDone', String(accepted))}</p>}
          <p>
            <button type="button" class="st-link" onClick={close} disabled={busy !== null}>{t('reviewClose')}</button>
          </p>
        </>
      )}
    </main>
  );
}

function stateLabel(it: ReviewItem): string {
  if (it.held) return t(it.held === 'mine' ? 'statementsInYourRecord' : 'statementsInRecord');
  return t(it.decision === 'accepted' ? 'reviewStateAccepted' : it.decision === 'rejected' ? 'reviewStateRejected' : 'reviewStatePending');
}
