/**
 * Who signs the ClaimReview exports (issue 11): the moderator's name and
 * organisation, the organisation's site, and where the reviews are published.
 * A form with a Save button (typing does not store half a name); each field
 * says why it cannot be saved, and nothing is stored until all can.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../core/i18n.ts';
import { MAX_REVIEWER_CHARS, reviewerIsSet, reviewerProblems, type Reviewer, type Settings, type SettingsPatch } from '../../core/settings.ts';

interface Props {
  settings: Settings;
  update: (patch: SettingsPatch) => void;
}

const FIELDS = [
  { key: 'name', label: 'optReviewerName', type: 'text', autocomplete: 'name', hint: null },
  { key: 'organisation', label: 'optReviewerOrganisation', type: 'text', autocomplete: 'organization', hint: null },
  { key: 'organisationUrl', label: 'optReviewerOrganisationUrl', type: 'url', autocomplete: 'url', hint: null },
  { key: 'reviewUrl', label: 'optReviewerReviewUrl', type: 'url', autocomplete: 'off', hint: 'optReviewerReviewUrlHint' },
] as const;

export function ReviewerSection({ settings, update }: Props) {
  const [draft, setDraft] = useState<Reviewer>(settings.reviewer);
  const [problems, setProblems] = useState<ReturnType<typeof reviewerProblems>>({});
  const [saved, setSaved] = useState(false);
  // The stored reviewer changed (saved here, or a restore): show it. Other settings changing keep what is typed.
  const stored = JSON.stringify(settings.reviewer);
  useEffect(() => setDraft(settings.reviewer), [stored]);

  const dirty = FIELDS.some(({ key }) => draft[key].trim() !== settings.reviewer[key]);
  const submit = (e: Event) => {
    e.preventDefault();
    const found = reviewerProblems(draft);
    setProblems(found);
    setSaved(false);
    if (Object.keys(found).length > 0) {
      const first = FIELDS.find(({ key }) => found[key]);
      if (first) document.getElementById(`reviewer-${first.key}`)?.focus();
      return;
    }
    const trimmed = Object.fromEntries(FIELDS.map(({ key }) => [key, draft[key].trim()])) as Reviewer;
    update({ reviewer: trimmed });
    setSaved(true);
  };

  return (
    <section aria-labelledby="reviewer-title">
      <h2 id="reviewer-title">{t('optReviewerTitle')}</h2>
      <p class="note">{t('optReviewerIntro')}</p>
      {!reviewerIsSet(settings.reviewer) && (
        <p class="note" data-empty="reviewer">
          {t('optReviewerEmpty')}
        </p>
      )}
      <form class="grid" onSubmit={submit} noValidate>
        {FIELDS.map(({ key, label, type, autocomplete, hint }) => {
          const problem = problems[key];
          const described = [hint ? `reviewer-${key}-hint` : '', problem ? `reviewer-${key}-error` : ''].filter(Boolean).join(' ');
          return (
            <div key={key} class="field">
              <label for={`reviewer-${key}`}>{t(label)}</label>
              <input
                id={`reviewer-${key}`}
                type="text"
                inputMode={type === 'url' ? 'url' : 'text'}
                spellcheck={type !== 'url'}
                autocomplete={autocomplete}
                value={draft[key]}
                maxLength={key === 'name' || key === 'organisation' ? MAX_REVIEWER_CHARS + 1 : 2000}
                aria-invalid={problem ? 'true' : undefined}
                aria-describedby={described || undefined}
                onInput={(e) => {
                  setDraft({ ...draft, [key]: e.currentTarget.value });
                  setSaved(false);
                }}
              />
              {hint && (
                <small id={`reviewer-${key}-hint`} class="note">
                  {t(hint)}
                </small>
              )}
              {problem && (
                <small id={`reviewer-${key}-error`} class="error">
                  {t(problem, MAX_REVIEWER_CHARS)}
                </small>
              )}
            </div>
          );
        })}
        <div class="actions">
          <button type="submit" disabled={!dirty}>
            {t('optReviewerSave')}
          </button>
          {saved && !dirty && (
            <span role="status" class="ok">
              {t('optReviewerSaved')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
