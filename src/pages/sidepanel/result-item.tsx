/** One recorded position: quote (or paraphrase), stance, actor, date, outlet, a link to the passage, and a checkbox for the verdict. */
import type { CheckedPosition } from '../../core/claims/check-claim.ts';
import { t } from '../../core/i18n.ts';
import { formatDate } from '../../core/record/format-date.ts';
import { interfaceLocale } from '../../ui/dates.ts';

interface Props {
  result: CheckedPosition;
  /** Concept and entity labels of the check. */
  labels: ReadonlyMap<string, string>;
  selected: boolean;
  onToggle(positionId: string): void;
  onOpenSource(sourceId: string, positionId: string): void;
}

function reasonText(r: CheckedPosition, labels: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  const concepts = r.reasons.find((x) => x.kind === 'concepts');
  if (concepts?.kind === 'concepts') parts.push(t('sidepanelReasonConcepts', concepts.conceptIds.map((id) => labels.get(id) ?? id).join(', ')));
  const words = r.reasons.find((x) => x.kind === 'words');
  if (words?.kind === 'words' && words.terms.length) parts.push(t('sidepanelReasonWords', words.terms.join(', ')));
  if (r.reasons.some((x) => x.kind === 'speaker')) parts.push(t('sidepanelReasonSpeaker'));
  if (r.reasons.some((x) => x.kind === 'actor')) parts.push(t('sidepanelReasonActor'));
  if (r.reasons.some((x) => x.kind === 'topics')) parts.push(t('sidepanelReasonTopics'));
  return parts.join(' · ');
}

export function ResultItem({ result, labels, selected, onToggle, onOpenSource }: Props) {
  const p = result.position;
  const checkboxId = `use-${p.id}`;
  return (
    <li class="sp-result" data-position-id={p.id}>
      <div class="sp-result-head">
        <span class="sp-actor">{p.actor.label}</span>
        <span class="sp-muted">
          {formatDate(p.date, interfaceLocale())} · {p.source.outlet === 'unknown' ? t('sidepanelOutletUnknown') : p.source.outlet}
        </span>
        {result.samePage ? (
          <span class="sp-same-page" title={t('sidepanelFromThisPageTitle')}>
            {t('sidepanelFromThisPage')}
          </span>
        ) : null}
      </div>
      {p.quote ? <blockquote class="sp-quote">“{p.quote}”</blockquote> : p.paraphrase ? <p class="sp-paraphrase">{p.paraphrase}</p> : null}
      <p class="sp-stance">{p.stance}</p>
      <div class="sp-result-foot">
        <label class="sp-use" for={checkboxId}>
          <input id={checkboxId} type="checkbox" checked={selected} onChange={() => onToggle(p.id)} /> {t('sidepanelRestsOnThis')}
        </label>
        <button type="button" class="sp-link" onClick={() => onOpenSource(p.source.id, p.id)}>
          {t('sidepanelOpenSource')}
        </button>
        <span class="sp-why sp-muted" title={t('sidepanelScore', result.score.toFixed(2))}>
          {reasonText(result, labels)}
        </span>
      </div>
    </li>
  );
}
