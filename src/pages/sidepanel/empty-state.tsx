/** What the panel says when there is nothing to show: never an error for a normal situation. */
import type { EmptyReason } from '../../core/claims/check-claim.ts';
import { t, type MessageKey } from '../../core/i18n.ts';

const MESSAGES: Readonly<Record<EmptyReason | 'no-claim', { title: MessageKey; hint: MessageKey }>> = {
  'no-claim': { title: 'sidepanelNoClaimTitle', hint: 'sidepanelNoClaimHint' },
  empty: { title: 'sidepanelEmptyTitle', hint: 'sidepanelEmptyHint' },
  'no-words': { title: 'sidepanelNoWordsTitle', hint: 'sidepanelNoWordsHint' },
  'no-match': { title: 'sidepanelNoMatchTitle', hint: 'sidepanelNoMatchHint' },
};

export function EmptyState({ reason }: { reason: EmptyReason | 'no-claim' }) {
  const m = MESSAGES[reason];
  return (
    <div class="sp-empty" role="status" data-empty={reason}>
      <p class="sp-empty-title">{t(m.title)}</p>
      <p class="sp-muted">{t(m.hint)}</p>
    </div>
  );
}
