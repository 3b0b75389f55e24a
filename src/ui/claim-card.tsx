/**
 * The card of a checked claim on the page: the moderator's verdict, their
 * note, who the claim is attributed to, and the positions the verdict rests
 * on by speaker and words. Rendered by preact as text nodes inside the
 * content script's closed shadow root: none of it reaches the page's DOM.
 */
import type { CheckCard } from '../core/claims/position-summary.ts';
import { t } from '../core/i18n.ts';
import { EvidenceItem } from './evidence-item.tsx';
import { formatMoment } from './dates.ts';
import { verdictLabel } from './verdict-label.ts';

export type ClaimCardState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'gone' } | { status: 'ready'; check: CheckCard };

interface Props {
  state: ClaimCardState;
  locale: string;
  /** "Claim 2 of 3" when reached from the keyboard. */
  position?: { index: number; total: number };
  onClose(): void;
}

export function ClaimCardView({ state, locale, position, onClose }: Props) {
  const title = state.status === 'ready' ? t('claimCardTitle', verdictLabel(state.check.verdict)) : t('claimCardTitleLoading');
  return (
    <div class="or-editor or-claim-card" role="dialog" aria-label={title} tabIndex={-1} data-verdict={state.status === 'ready' ? state.check.verdict : undefined}>
      <div class="or-card-head">
        <h2>{title}</h2>
        {position ? <span class="or-muted">{t('claimCardPosition', [position.index, position.total])}</span> : null}
      </div>
      {state.status === 'loading' ? <p class="or-muted" role="status">{t('claimCardLoading')}</p> : null}
      {state.status === 'error' ? <p class="or-card-error" role="alert">{t('claimCardFailed', state.error)}</p> : null}
      {state.status === 'gone' ? <p class="or-muted">{t('claimCardGone')}</p> : null}
      {state.status === 'ready' ? <CardBody check={state.check} locale={locale} /> : null}
      <div class="or-actions">
        <button type="button" onClick={onClose}>
          {t('claimCardClose')}
        </button>
      </div>
    </div>
  );
}

function CardBody({ check, locale }: { check: CheckCard; locale: string }) {
  return (
    <>
      <p class={`or-verdict or-verdict-${check.verdict}`}>
        <strong>{verdictLabel(check.verdict)}</strong>
        {check.speaker ? <span class="or-muted"> · {t('claimCardSaidBy', check.speaker)}</span> : null}
      </p>
      {check.note ? <p class="or-card-note">{check.note}</p> : <p class="or-muted">{t('claimCardNoNote')}</p>}
      {check.positions.length > 0 ? (
        <>
          <p class="or-muted">{t('claimCardRestsOn')}</p>
          <ul class="or-evidence">
            {check.positions.map((p) => (
              <EvidenceItem key={p.id} id={p.id} summary={'missing' in p ? undefined : p} locale={locale} prefix="or" />
            ))}
          </ul>
        </>
      ) : (
        <p class="or-muted">{t('claimCardRestsOnNothing')}</p>
      )}
      {check.suggested && check.suggested !== check.verdict ? <p class="or-muted">{t('claimCardSuggested', verdictLabel(check.suggested))}</p> : null}
      <p class="or-muted">{t('claimCardChecked', formatMoment(check.updatedAt, locale))}</p>
    </>
  );
}

/** Card styles added to the selection UI's sheet. */
export const CLAIM_CARD_CSS = `
.or-claim-card { width: min(380px, calc(100vw - 16px)); max-height: min(60vh, 480px); overflow: auto; }
.or-card-head { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; }
.or-claim-card p { margin: 0; }
.or-muted, .or-evidence-missing { color: var(--or-muted); font-size: 12px; }
.or-paraphrase { font-style: italic; }
.or-verdict-contradicts strong, .or-verdict-misattributed strong, .or-card-error { color: var(--or-danger); }
.or-verdict-consistent strong { color: #1a7f37; }
.or-card-note { white-space: pre-wrap; }
.or-evidence { margin: 0; padding-left: 18px; display: flex; flex-direction: column; gap: 4px; }
.or-speaker { font-weight: 600; }
.or-actions { display: flex; gap: 6px; justify-content: flex-end; }
.or-actions button { border-color: var(--or-border); }
@media (prefers-color-scheme: dark) { .or-verdict-consistent strong { color: #7ee2a8; } }
`;
