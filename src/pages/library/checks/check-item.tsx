/**
 * One saved check in the library: the claim, the verdict, who said it, when
 * it was checked, the page, the note and the positions it rests on, by
 * speaker and words. "Edit" turns it into a small form (verdict and note).
 * As in every OnRecord editor, what is typed is never thrown away: Esc or
 * Close save it (the list offers Undo) and focus comes back to "Edit"; until
 * then it is kept as a draft, offered back if the library closed first.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { VERDICTS, type CheckRow, type Verdict } from '../../../core/claims/check-record.ts';
import type { PositionSummary } from '../../../core/claims/position-summary.ts';
import { t } from '../../../core/i18n.ts';
import { safeHref } from '../../../core/schema/http-url.ts';
import { formatMoment } from '../../../ui/dates.ts';
import { DraftBack, localDraftShelf, savedIsCurrent, type DraftShelf } from '../../../ui/draft-shelf.tsx';
import { EvidenceItem } from '../../../ui/evidence-item.tsx';
import { evidenceFor } from '../../../core/claims/position-summary.ts';
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
  /** Where this check's unsaved edit is kept (the extension's own storage by default). */
  shelf?: DraftShelf<CheckEdit>;
}

/** The draft kept for `r`, if it still differs from what is saved (one that does not is dropped). */
function keptEdit(r: CheckRow, shelf: DraftShelf<CheckEdit>): CheckEdit | null {
  const kept = shelf.get();
  if (kept && (kept.verdict !== r.verdict || kept.note !== r.note)) return kept;
  if (kept) shelf.put(null);
  return null;
}

export function CheckItem({ row: r, labels, positions, locale, onSave, onDelete, shelf = localDraftShelf<CheckEdit>('check', r.id) }: Props) {
  // A draft left by a library that closed mid-edit opens the form again, with the draft and a Discard.
  const [restored, setRestored] = useState<CheckEdit | null>(() => keptEdit(r, shelf));
  const [editing, setEditing] = useState(restored !== null);
  const [verdict, setVerdict] = useState<Verdict>(restored?.verdict ?? r.verdict);
  const [note, setNote] = useState(restored?.note ?? r.note);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const restoreFocus = useRef(false);
  const focusForm = useRef(false);
  /** What the form shows now (a save's answer compares it with what was saved). */
  const shown = useRef<CheckEdit>({ verdict, note });
  shown.current = { verdict, note };

  useEffect(() => {
    if (editing && focusForm.current) {
      focusForm.current = false;
      form.current?.querySelector<HTMLInputElement>('input[type=radio]:checked')?.focus();
    } else if (!editing && restoreFocus.current) {
      restoreFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  /** Every change goes on the shelf at once: a tab closed right after the last keystroke keeps it too. */
  const edit = (next: CheckEdit) => {
    shown.current = { verdict: next.verdict, note: next.note };
    setVerdict(next.verdict);
    setNote(next.note);
    shelf.put(next.verdict !== r.verdict || next.note !== r.note ? next : null);
  };
  const start = () => {
    const kept = keptEdit(r, shelf);
    setRestored(kept);
    setVerdict(kept?.verdict ?? r.verdict);
    setNote(kept?.note ?? r.note);
    setError(null);
    focusForm.current = true;
    setEditing(true);
  };
  const stop = () => {
    restoreFocus.current = true;
    setRestored(null);
    setEditing(false);
  };
  /** Save, Close and Esc alike: what was typed is saved (Undo is offered); with nothing changed the form just closes. */
  const submit = (e: Event) => {
    e.preventDefault();
    if (saving) return;
    if (verdict === r.verdict && note === r.note) {
      shelf.put(null);
      return stop();
    }
    setSaving(true);
    setError(null);
    const sent: CheckEdit = { verdict, note };
    onSave(sent).then(
      () => {
        setSaving(false);
        // Typed on while the save was on its way: that newer draft stays on the shelf and the form stays open.
        if (savedIsCurrent(sent, shown.current, () => shelf.put(null))) stop();
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
            if (e.key === 'Escape') submit(e);
          }}
        >
          {restored ? (
            <DraftBack
              class="ck-draft-back"
              onDiscard={() => {
                setRestored(null);
                edit({ verdict: r.verdict, note: r.note });
              }}
            />
          ) : null}
          <fieldset>
            <legend>{t('checksVerdict')}</legend>
            {VERDICTS.map((v) => (
              <label key={v}>
                <input type="radio" name={`ck-verdict-${r.id}`} value={v} checked={verdict === v} onChange={() => edit({ verdict: v, note })} /> {verdictLabel(v)}
              </label>
            ))}
          </fieldset>
          <label class="ck-note-label">
            {t('checksNote')}
            <textarea rows={3} value={note} maxLength={10_000} onInput={(e) => edit({ verdict, note: e.currentTarget.value })} />
          </label>
          <div class="ck-edit-actions">
            <button type="submit" disabled={saving}>
              {t('checksSave')}
            </button>
            <button type="button" disabled={saving} onClick={submit}>
              {t('checksClose')}
            </button>
          </div>
          <p class="ck-muted ck-hint">{t('checksEditHint')}</p>
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
                  <EvidenceItem key={id} id={id} summary={evidenceFor(id, positions.get(id), r.evidence)} locale={locale} prefix="ck" pageUrl={r.pageUrl} />
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
