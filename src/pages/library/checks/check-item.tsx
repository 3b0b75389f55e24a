/**
 * One saved check in the library: the claim, the verdict, who said it, when
 * it was checked, the page, the note and the positions it rests on, by
 * speaker and words. "Edit" turns it into a small form (verdict and note);
 * Esc or Cancel leaves it unchanged, and focus comes back to "Edit".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { VERDICTS, type CheckRow, type Verdict } from '../../../core/claims/check-record.ts';
import type { PositionSummary } from '../../../core/claims/position-summary.ts';
import { t } from '../../../core/i18n.ts';
import { safeHref } from '../../../core/schema/http-url.ts';
import { formatMoment } from '../../../ui/dates.ts';
import { EvidenceItem } from '../../../ui/evidence-item.tsx';
import { verdictLabel } from '../../sidepanel/verdict-label.ts';

export interface CheckEdit {
  verdict: Verdict;
  note: string;
}

interface Props {
  row: CheckRow;
  labels: ReadonlyMap<string, string>;
  positions: ReadonlyMap<string, PositionSummary>;
  locale: string;
  onSave(edit: CheckEdit): Promise<void>;
  onDelete(): void;
}

export function CheckItem({ row: r, labels, positions, locale, onSave, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const [verdict, setVerdict] = useState<Verdict>(r.verdict);
  const [note, setNote] = useState(r.note);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const restoreFocus = useRef(false);

  useEffect(() => {
    if (editing) form.current?.querySelector<HTMLInputElement>('input[type=radio]:checked')?.focus();
    else if (restoreFocus.current) {
      restoreFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const start = () => {
    setVerdict(r.verdict);
    setNote(r.note);
    setError(null);
    setEditing(true);
  };
  const stop = () => {
    restoreFocus.current = true;
    setEditing(false);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (saving) return;
    if (verdict === r.verdict && note === r.note) return stop();
    setSaving(true);
    setError(null);
    onSave({ verdict, note }).then(
      () => {
        setSaving(false);
        stop();
      },
      // The form stays open with what was typed: nothing is lost on a failed save.
      (err: unknown) => {
        setSaving(false);
        setError(t('checksSaveFailed', err instanceof Error ? err.message : String(err)));
      },
    );
  };

  const speaker = r.speakerId ? (labels.get(r.speakerId) ?? r.speakerId) : null;
  return (
    <li class="ck-item" data-verdict={r.verdict} data-check-id={r.id}>
      <p class="ck-claim">“{r.claim}”</p>
      <p>
        <strong class={`ck-verdict ck-${r.verdict}`}>{verdictLabel(r.verdict)}</strong>
        {speaker ? ` · ${t('checksSaidBy', speaker)}` : ''} · <time dateTime={new Date(r.createdAt).toISOString()}>{formatMoment(r.createdAt, locale)}</time> ·{' '}
        <a href={safeHref(r.pageUrl)} target="_blank" rel="noreferrer">
          {r.pageTitle || r.site}
        </a>
      </p>
      {editing ? (
        <form
          ref={form}
          class="ck-edit"
          aria-label={t('checksEditLabel', r.claim.slice(0, 60))}
          onSubmit={submit}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              stop();
            }
          }}
        >
          <fieldset>
            <legend>{t('checksVerdict')}</legend>
            {VERDICTS.map((v) => (
              <label key={v}>
                <input type="radio" name={`ck-verdict-${r.id}`} value={v} checked={verdict === v} onChange={() => setVerdict(v)} /> {verdictLabel(v)}
              </label>
            ))}
          </fieldset>
          <label class="ck-note-label">
            {t('checksNote')}
            <textarea rows={3} value={note} maxLength={10_000} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <div class="ck-edit-actions">
            <button type="submit" disabled={saving}>
              {t('checksSave')}
            </button>
            <button type="button" onClick={stop}>
              {t('checksCancel')}
            </button>
          </div>
          {error ? (
            <p role="alert" class="ck-error">
              {error}
            </p>
          ) : null}
        </form>
      ) : (
        <>
          {r.note ? <p class="ck-note">{r.note}</p> : null}
          {r.positionIds.length > 0 ? (
            <div class="ck-rests">
              <p class="ck-muted">{t('checksRestsOnHeading')}</p>
              <ul class="ck-evidence">
                {r.positionIds.map((id) => (
                  <EvidenceItem key={id} id={id} summary={positions.get(id)} locale={locale} prefix="ck" />
                ))}
              </ul>
            </div>
          ) : (
            <p class="ck-muted">{t('checksRestsOnNothing')}</p>
          )}
          <div class="ck-item-actions">
            <button type="button" ref={editButton} onClick={start} aria-label={t('checksEditLabel', r.claim.slice(0, 60))}>
              {t('checksEdit')}
            </button>
            <button type="button" class="ck-delete" onClick={onDelete} aria-label={t('checksDeleteLabel', r.claim.slice(0, 60))}>
              {t('checksDelete')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
