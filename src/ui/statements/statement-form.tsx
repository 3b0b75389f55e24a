/**
 * "Add to my record": what a statement (or a highlight) will be recorded as,
 * with the speaker, topics, date, paraphrase and stance editable before it
 * is saved. The quote is shown, never edited: it stays verbatim.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DateRange, EntityType } from '../../core/corpus/schema.ts';
import { t } from '../../core/i18n.ts';
import type { StatementEditsInput } from '../../core/recording/types.ts';
import { DraftBack, savedIsCurrent, type DraftShelf } from '../draft-shelf.tsx';

export interface EntityOption {
  id: string;
  label: string;
  type: EntityType;
}

export interface FormSeed {
  speakerId: string | null;
  speakerName: string;
  topics: string[];
  date: DateRange | null;
  quote: string | null;
  text: string;
}

interface Props {
  seed: FormSeed;
  entities: readonly EntityOption[];
  /** id prefix, so two forms on one page keep their labels apart. */
  idPrefix: string;
  /**
   * Where what is typed is kept until it is saved (src/ui/draft-shelf.tsx): a form that goes away unsaved (another
   * statement's form opened, the popup closed) finds it there when it opens again, says so, and offers Discard.
   */
  shelf?: DraftShelf<StatementDraft>;
  /** False when the form opens by itself (a draft brought back as the popup opens): focus stays where it is. */
  focusOnOpen?: boolean;
  onSave(edits: StatementEditsInput): Promise<void>;
  onCancel(): void;
}

const NEW = '';
const SPEAKER_TYPES: EntityType[] = ['person', 'organization', 'collective'];
type SpeakerType = 'person' | 'organization' | 'collective';

/** What the form holds: kept as a draft (`shelf`) while it differs from what the form opened with. */
export interface StatementDraft {
  speakerId: string;
  speakerName: string;
  speakerType: SpeakerType;
  topics: string[];
  date: string;
  paraphrase: string;
  stance: string;
  keepQuote: boolean;
}

/** The form as it opens on `seed`: the finder's reading; no date when the page gives none (never today's, unasked). */
export function seedFields(seed: FormSeed): StatementDraft {
  return {
    speakerId: seed.speakerId ?? NEW,
    speakerName: seed.speakerName,
    speakerType: 'person',
    topics: seed.topics.filter((id) => id !== seed.speakerId),
    date: seed.date?.from ?? '',
    paraphrase: seed.quote ? '' : seed.text,
    stance: seed.text,
    keepQuote: seed.quote !== null,
  };
}

/** A kept draft read back (extension storage, still checked): every field of the right type, or the seed's. */
function keptFields(kept: unknown, base: StatementDraft): StatementDraft | null {
  if (!kept || typeof kept !== 'object') return null;
  const k = kept as Record<string, unknown>;
  const str = (key: keyof StatementDraft) => (typeof k[key] === 'string' ? (k[key] as string).slice(0, 5000) : (base[key] as string));
  const draft: StatementDraft = {
    speakerId: str('speakerId'),
    speakerName: str('speakerName'),
    speakerType: SPEAKER_TYPES.includes(k.speakerType as EntityType) ? (k.speakerType as SpeakerType) : base.speakerType,
    topics: Array.isArray(k.topics) && k.topics.every((x) => typeof x === 'string') ? (k.topics as string[]).slice(0, 50) : base.topics,
    date: /^\d{4}-\d{2}-\d{2}$/.test(String(k.date)) ? String(k.date) : base.date,
    paraphrase: str('paraphrase'),
    stance: str('stance'),
    keepQuote: typeof k.keepQuote === 'boolean' ? k.keepQuote : base.keepQuote,
  };
  return sameFields(draft, base) ? null : draft;
}

const sameFields = (a: StatementDraft, b: StatementDraft) => JSON.stringify(a) === JSON.stringify(b);

export function StatementForm({ seed, entities, idPrefix, shelf, focusOnOpen = true, onSave, onCancel }: Props) {
  const speakers = entities.filter((e) => SPEAKER_TYPES.includes(e.type));
  const base = seedFields(seed);
  const [fields, setFields] = useState<StatementDraft>(() => {
    const kept = keptFields(shelf?.get(), base);
    if (!kept) shelf?.put(null);
    return kept ?? base;
  });
  // A draft left by this form when it went away unsaved (another statement opened, the popup closed) is back.
  const [restored, setRestored] = useState(() => !sameFields(fields, base));
  const { speakerId, speakerName, speakerType, topics, date, paraphrase, stance, keepQuote } = fields;
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  /** Set at once on submit (state is not): a second Enter while the first save is on its way is ignored. */
  const inFlight = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  // Opened from the keyboard (a button, the review queue's E): typing goes to the form at once.
  useEffect(() => {
    if (focusOnOpen) form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  const id = (s: string) => `${idPrefix}-${s}`;
  const label = (eid: string) => entities.find((e) => e.id === eid)?.label ?? eid;
  const addable = entities.filter((e) => !topics.includes(e.id) && e.id !== speakerId);
  /** Every change goes on the shelf at once; a form back at what it opened with leaves nothing there. */
  const live = useRef(fields);
  const edit = (change: Partial<StatementDraft>) => {
    const next = { ...live.current, ...change };
    live.current = next;
    setFields(next);
    shelf?.put(sameFields(next, base) ? null : next);
  };
  const discard = () => {
    shelf?.put(null);
    live.current = base;
    setFields(base);
    setRestored(false);
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  };

  const submit = (e: Event) => {
    e.preventDefault();
    if (inFlight.current) return;
    if (!date) return setError(t('statementsDateNeeded'));
    const sameDay = seed.date && seed.date.from === date ? seed.date : null;
    const edits: StatementEditsInput = {
      ...(speakerId !== NEW ? { speakerId } : { speakerName: speakerName.trim(), speakerType }),
      topics,
      stance: stance.trim(),
      ...(paraphrase.trim() ? { paraphrase: paraphrase.trim() } : {}),
      keepQuote,
      date: sameDay ?? { from: date, to: date, precision: 'day', reasoning: t('statementsDateByYou') },
    };
    if (!edits.stance) return setError(t('statementsStanceNeeded'));
    if (speakerId === NEW && !speakerName.trim()) return setError(t('statementsSpeakerNeeded'));
    if (!keepQuote && !edits.paraphrase) return setError(t('statementsWordsNeeded'));
    inFlight.current = true;
    setSaving(true);
    setError(undefined);
    // What this save sends: if the reader types on while it is on its way, the newer draft stays on the shelf (review 11B RB4).
    const sent = live.current;
    onSave(edits).then(
      () => {
        inFlight.current = false;
        savedIsCurrent(sent, live.current, () => shelf?.put(null));
      },
      (err: unknown) => {
        inFlight.current = false;
        setSaving(false);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  return (
    <form ref={form} class="st-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}>
      {restored && (
<DraftBack class="st-note st-draft" said={t('statementsDraftBack')} onDiscard={discard} />
      )}
      {seed.quote !== null && (
        <label class="st-check">
          <input type="checkbox" checked={keepQuote} onChange={(e) => edit({ keepQuote: e.currentTarget.checked })} />
          <span>{t('statementsKeepQuote')}</span>
        </label>
      )}
      <label for={id('speaker')}>{t('statementsSpeaker')}</label>
      <select id={id('speaker')} value={speakerId} onChange={(e) => edit({ speakerId: e.currentTarget.value })}>
        <option value={NEW}>{t('statementsNewSpeaker')}</option>
        {speakers.map((e) => (
          <option key={e.id} value={e.id}>{e.label}</option>
        ))}
      </select>
      {speakerId === NEW && (
        <div class="st-row">
          <input id={id('name')} aria-label={t('statementsNewSpeakerName')} value={speakerName} onInput={(e) => edit({ speakerName: e.currentTarget.value })} />
          <select aria-label={t('statementsNewSpeakerType')} value={speakerType} onChange={(e) => edit({ speakerType: e.currentTarget.value as SpeakerType })}>
            <option value="person">{t('typePerson')}</option>
            <option value="organization">{t('typeOrganization')}</option>
            <option value="collective">{t('typeCollective')}</option>
          </select>
        </div>
      )}
      <fieldset class="st-topics">
        <legend>{t('statementsTopics')}</legend>
        {topics.length === 0 && <p class="st-note">{t('statementsNoTopics')}</p>}
        <ul>
          {topics.map((tid) => (
            <li key={tid}>
              <span>{label(tid)}</span>
              <button type="button" class="st-remove" aria-label={t('statementsRemoveTopic', label(tid))} onClick={() => edit({ topics: topics.filter((x) => x !== tid) })}>×</button>
            </li>
          ))}
        </ul>
        <select
          aria-label={t('statementsAddTopic')}
          value=""
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (v) edit({ topics: [...topics, v] });
          }}
        >
          <option value="">{t('statementsAddTopic')}</option>
          {addable.map((e) => (
            <option key={e.id} value={e.id}>{e.label}</option>
          ))}
        </select>
      </fieldset>
      <label for={id('date')}>{t('statementsDate')}</label>
      <input
        id={id('date')}
        type="date"
        required
        value={date}
        {...(seed.date ? {} : { 'aria-describedby': id('date-note') })}
        onInput={(e) => edit({ date: e.currentTarget.value })}
      />
      {!seed.date && (
        <p id={id('date-note')} class="st-note">
          {t('statementsNoDateFound')}
        </p>
      )}
      <label for={id('paraphrase')}>{t('statementsParaphrase')}</label>
      <textarea id={id('paraphrase')} rows={3} value={paraphrase} onInput={(e) => edit({ paraphrase: e.currentTarget.value })} />
      <label for={id('stance')}>{t('statementsStance')}</label>
      <textarea id={id('stance')} rows={3} required value={stance} onInput={(e) => edit({ stance: e.currentTarget.value })} />
      {error && <p role="alert" class="st-error">{error}</p>}
      <div class="st-actions">
        <button type="submit" class="st-primary" disabled={saving}>{saving ? t('statementsSaving') : t('statementsSave')}</button>
        <button type="button" onClick={onCancel}>{t('statementsCancel')}</button>
      </div>
    </form>
  );
}
