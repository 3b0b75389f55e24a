/**
 * "Add to my record": what a statement (or a highlight) will be recorded as,
 * with the speaker, topics, date, paraphrase and stance editable before it
 * is saved. The quote is shown, never edited: it stays verbatim.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DateRange, EntityType } from '../../core/corpus/schema.ts';
import { t } from '../../core/i18n.ts';
import type { StatementEditsInput } from '../../core/recording/types.ts';

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
  onSave(edits: StatementEditsInput): Promise<void>;
  onCancel(): void;
}

const NEW = '';
const SPEAKER_TYPES: EntityType[] = ['person', 'organization', 'collective'];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function StatementForm({ seed, entities, idPrefix, onSave, onCancel }: Props) {
  const speakers = entities.filter((e) => SPEAKER_TYPES.includes(e.type));
  const [speakerId, setSpeakerId] = useState<string>(seed.speakerId ?? NEW);
  const [speakerName, setSpeakerName] = useState(seed.speakerName);
  const [speakerType, setSpeakerType] = useState<'person' | 'organization' | 'collective'>('person');
  const [topics, setTopics] = useState<string[]>(seed.topics.filter((id) => id !== seed.speakerId));
  const [date, setDate] = useState(seed.date?.from ?? today());
  const [paraphrase, setParaphrase] = useState(seed.quote ? '' : seed.text);
  const [stance, setStance] = useState(seed.text);
  const [keepQuote, setKeepQuote] = useState(seed.quote !== null);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Opened from the keyboard (a button, the review queue's E): typing goes to the form at once.
  useEffect(() => form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), []);
  const id = (s: string) => `${idPrefix}-${s}`;
  const label = (eid: string) => entities.find((e) => e.id === eid)?.label ?? eid;
  const addable = entities.filter((e) => !topics.includes(e.id) && e.id !== speakerId);

  const submit = (e: Event) => {
    e.preventDefault();
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
    setSaving(true);
    setError(undefined);
    onSave(edits).catch((err: unknown) => {
      setSaving(false);
      setError(err instanceof Error ? err.message : String(err));
    });
  };

  return (
    <form ref={form} class="st-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}>
      {seed.quote !== null && (
        <label class="st-check">
          <input type="checkbox" checked={keepQuote} onChange={(e) => setKeepQuote(e.currentTarget.checked)} />
          <span>{t('statementsKeepQuote')}</span>
        </label>
      )}
      <label for={id('speaker')}>{t('statementsSpeaker')}</label>
      <select id={id('speaker')} value={speakerId} onChange={(e) => setSpeakerId(e.currentTarget.value)}>
        <option value={NEW}>{t('statementsNewSpeaker')}</option>
        {speakers.map((e) => (
          <option key={e.id} value={e.id}>{e.label}</option>
        ))}
      </select>
      {speakerId === NEW && (
        <div class="st-row">
          <input id={id('name')} aria-label={t('statementsNewSpeakerName')} value={speakerName} onInput={(e) => setSpeakerName(e.currentTarget.value)} />
          <select aria-label={t('statementsNewSpeakerType')} value={speakerType} onChange={(e) => setSpeakerType(e.currentTarget.value as 'person')}>
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
              <button type="button" class="st-remove" aria-label={t('statementsRemoveTopic', label(tid))} onClick={() => setTopics(topics.filter((x) => x !== tid))}>×</button>
            </li>
          ))}
        </ul>
        <select
          aria-label={t('statementsAddTopic')}
          value=""
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (v) setTopics([...topics, v]);
          }}
        >
          <option value="">{t('statementsAddTopic')}</option>
          {addable.map((e) => (
            <option key={e.id} value={e.id}>{e.label}</option>
          ))}
        </select>
      </fieldset>
      <label for={id('date')}>{t('statementsDate')}</label>
      <input id={id('date')} type="date" required value={date} onInput={(e) => setDate(e.currentTarget.value)} />
      <label for={id('paraphrase')}>{t('statementsParaphrase')}</label>
      <textarea id={id('paraphrase')} rows={3} value={paraphrase} onInput={(e) => setParaphrase(e.currentTarget.value)} />
      <label for={id('stance')}>{t('statementsStance')}</label>
      <textarea id={id('stance')} rows={3} required value={stance} onInput={(e) => setStance(e.currentTarget.value)} />
      {error && <p role="alert" class="st-error">{error}</p>}
      <div class="st-actions">
        <button type="submit" class="st-primary" disabled={saving}>{saving ? t('statementsSaving') : t('statementsSave')}</button>
        <button type="button" onClick={onCancel}>{t('statementsCancel')}</button>
      </div>
    </form>
  );
}
