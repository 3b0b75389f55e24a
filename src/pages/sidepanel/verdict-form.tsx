/** The moderator's verdict: one of four, a note, and the positions it rests on (checked in the result list). */
import type { ComponentChildren } from 'preact';
import { VERDICTS, type CheckRow, type Verdict } from '../../core/claims/check-record.ts';
import { t } from '../../core/i18n.ts';
import { plural } from '../../ui/plural.ts';
import { formatMoment } from '../../ui/dates.ts';
import { verdictLabel } from './verdict-label.ts';

interface Props {
  verdict: Verdict | null;
  note: string;
  positionCount: number;
  saving: boolean;
  saved: CheckRow | null;
  error: string | null;
  onVerdict(v: Verdict): void;
  onNote(note: string): void;
  onSave(): void;
  /** "Your unsaved note is back · Discard", when the form opened with a kept draft. */
  draftBack?: ComponentChildren;
}

export function VerdictForm({ verdict, note, positionCount, saving, saved, error, onVerdict, onNote, onSave, draftBack }: Props) {
  return (
    <form
      class="sp-section sp-verdict"
      aria-labelledby="sp-verdict-h"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <h2 id="sp-verdict-h">{t('sidepanelVerdict')}</h2>
      {draftBack}
      <fieldset>
        <legend class="sp-muted">{t('sidepanelClaimIs')}</legend>
        {VERDICTS.map((v) => (
          <label key={v} class="sp-radio">
            <input type="radio" name="verdict" value={v} checked={verdict === v} onChange={() => onVerdict(v)} /> {verdictLabel(v)}
          </label>
        ))}
      </fieldset>
      <label class="sp-note-label" for="sp-note">
        {t('sidepanelNote')}
      </label>
      <textarea id="sp-note" rows={3} value={note} aria-describedby="sp-note-kept" onInput={(e) => onNote(e.currentTarget.value)} />
      <p id="sp-note-kept" class="sp-muted">
        {t('sidepanelNoteKept')}
      </p>
      <p class="sp-muted">{plural('sidepanelRestsOn', positionCount)}</p>
      <button type="submit" class="sp-primary" disabled={verdict === null || saving}>
        {saved ? t('sidepanelUpdateVerdict') : t('sidepanelSaveVerdict')}
      </button>
      <p class="sp-saved" role="status" aria-live="polite">
        {saved ? t('sidepanelSaved', [verdictLabel(saved.verdict), formatMoment(saved.updatedAt)]) : ''}
      </p>
      {error ? (
        <p class="sp-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
