/**
 * Who the claim says said it, and the suggested verdict with the evidence
 * that decides it: which positions, which concepts, which polarity. The
 * moderator decides; "Use this suggestion" fills the form with it.
 */
import type { CheckedPosition, ClaimCheck } from '../../core/claims/check-claim.ts';
import type { Evidence } from '../../core/claims/suggest.ts';
import { t } from '../../core/i18n.ts';
import { verdictLabel } from './verdict-label.ts';

interface Props {
  check: ClaimCheck;
  labels: ReadonlyMap<string, string>;
  onUse(): void;
}

function label(labels: ReadonlyMap<string, string>, id: string | null): string {
  return id === null ? '' : (labels.get(id) ?? id);
}

function evidenceText(e: Evidence, labels: ReadonlyMap<string, string>, speakerText: string): string {
  const speaker = e.speakerId ? label(labels, e.speakerId) : speakerText;
  switch (e.reason) {
    case 'speaker-match':
      return t('sidepanelEvidenceSpeakerMatch', speaker);
    case 'opposite-polarity':
      return t('sidepanelEvidenceOpposite', [speaker, label(labels, e.polarity?.conceptId ?? null)]);
    case 'condition-dropped':
      return t('sidepanelEvidenceCondition', speaker);
    case 'details-differ':
      return t('sidepanelEvidenceDetails', [speaker, e.details?.record ?? '', e.details?.claim ?? '']);
    case 'roles-reversed':
      return t('sidepanelEvidenceRoles', [speaker, label(labels, e.roles?.conceptId ?? null), label(labels, e.roles?.record ?? null), label(labels, e.roles?.claim ?? null)]);
    case 'other-actor':
      return t('sidepanelEvidenceOtherActor', [label(labels, e.otherActorId), speaker]);
    case 'match-without-speaker':
      return t('sidepanelEvidenceNoSpeaker');
    case 'speaker-unrelated':
      return t('sidepanelEvidenceUnrelated', speaker);
    case 'nothing-matches':
      return t('sidepanelEvidenceNothing');
  }
}

const sign = (s: 1 | -1) => t(s === 1 ? 'sidepanelPolarityAffirms' : 'sidepanelPolarityDenies');

export function SuggestionView({ check, labels, onUse }: Props) {
  const { suggestion, attribution } = check;
  const e = suggestion.evidence;
  const byId = new Map<string, CheckedPosition>([...check.results, ...check.otherSide].map((r) => [r.positionId, r]));
  return (
    <section class="sp-section sp-suggestion" aria-labelledby="sp-suggest-h" data-verdict={suggestion.verdict}>
      {attribution ? (
        <p class="sp-speaker" data-speaker-id={attribution.speakerId}>
          <strong>{t('sidepanelSaidBy', label(labels, attribution.speakerId) || attribution.speakerText)}</strong>
          {attribution.sourceId ? <span class="sp-muted"> · {t('sidepanelReportedBy', label(labels, attribution.sourceId))}</span> : null}
          {attribution.content ? (
            <>
              <br />
              <span class="sp-muted">{t('sidepanelClaimedContent')}</span> “{attribution.content}”
            </>
          ) : null}
        </p>
      ) : null}
      <h2 id="sp-suggest-h">{t('sidepanelSuggestion')}</h2>
      <p class={`sp-suggested sp-suggested-${suggestion.verdict}`}>
        <strong>{verdictLabel(suggestion.verdict)}</strong> — {evidenceText(e, labels, attribution?.speakerText ?? '')}
      </p>
      {e.polarity ? <p class="sp-muted">{t('sidepanelEvidencePolarity', [label(labels, e.polarity.conceptId), sign(e.polarity.claim), sign(e.polarity.record)])}</p> : null}
      {e.concepts.length > 0 ? <p class="sp-muted">{t('sidepanelEvidenceConcepts', e.concepts.map((c) => label(labels, c)).join(', '))}</p> : null}
      {e.positionIds.length > 0 ? (
        <div class="sp-evidence">
          <p class="sp-muted">{t('sidepanelEvidenceRestsOn')}</p>
          <ul>
            {e.positionIds.map((id) => {
              const r = byId.get(id);
              return (
                <li key={id} data-position-id={id}>
                  {r ? (
                    <>
                      <strong>{r.position.actor.label}</strong>: {r.position.quote ? `“${r.position.quote}”` : (r.position.paraphrase ?? r.position.stance)}
                    </>
                  ) : (
                    id
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <button type="button" class="sp-secondary" onClick={onUse}>
        {t('sidepanelUseSuggestion')}
      </button>
    </section>
  );
}
