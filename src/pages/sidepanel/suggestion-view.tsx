/**
 * Who the claim says said it, and the suggested verdict with the evidence
 * that decides it: which positions, which concepts, which polarity. The
 * moderator decides; "Use this suggestion" fills the form with it.
 */
import type { CheckedPosition, ClaimCheck } from '../../core/claims/check-claim.ts';
import type { ComparisonRow } from '../../core/claims/comparison.ts';
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
    case 'same-page-only':
      return t('sidepanelEvidenceSamePage');
  }
}

const sign = (s: 1 | -1) => t(s === 1 ? 'sidepanelPolarityAffirms' : 'sidepanelPolarityDenies');

const ASPECT_LABEL = {
  polarity: 'sidepanelAspectPolarity',
  modality: 'sidepanelAspectModality',
  condition: 'sidepanelAspectCondition',
  roles: 'sidepanelAspectRoles',
} as const;

/** One side of a comparison row, in words: "affirms", "denies", the actor doing it, or "not stated". */
function cell(row: ComparisonRow, side: 'claim' | 'record', labels: ReadonlyMap<string, string>): string {
  if (row.aspect === 'roles') {
    const actor = side === 'claim' ? row.claimActor : row.recordActor;
    return actor === undefined ? t('sidepanelCompareNotStated') : label(labels, actor);
  }
  const s = row[side];
  return s === null ? t('sidepanelCompareNotStated') : sign(s);
}

/**
 * The claim against the position the suggestion rests on, every aspect at once (polarity, modality, condition, roles):
 * a table with a caption and header cells, so a screen reader names each cell by its row and column.
 */
export function ComparisonTable({ rows, labels }: { rows: readonly ComparisonRow[]; labels: ReadonlyMap<string, string> }) {
  if (rows.length === 0) return null;
  return (
    <table class="sp-compare">
      <caption>{t('sidepanelCompareCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sidepanelCompareAspect')}</th>
          <th scope="col">{t('sidepanelCompareClaim')}</th>
          <th scope="col">{t('sidepanelCompareRecord')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const claim = cell(row, 'claim', labels);
          const record = cell(row, 'record', labels);
          const differs = row.aspect === 'roles' ? row.claimActor !== undefined && row.claimActor !== row.recordActor : row.claim !== null && row.record !== null && row.claim !== row.record;
          return (
            <tr key={row.aspect} data-aspect={row.aspect} data-differs={differs ? 'true' : 'false'}>
              <th scope="row">
                {t(ASPECT_LABEL[row.aspect])}
                {row.conceptId !== null ? <span class="sp-muted"> · {label(labels, row.conceptId)}</span> : null}
              </th>
              <td>{claim}</td>
              <td>
                {record}
                {differs ? <strong class="sp-compare-differs"> ({t('sidepanelCompareDiffers')})</strong> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

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
      {check.comparison && check.comparison.length > 0 ? <ComparisonTable rows={check.comparison} labels={labels} /> : null}
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
