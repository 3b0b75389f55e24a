/** What the panel says when there is nothing to show: never an error for a normal situation. */
import type { EmptyReason } from '../../core/claims/check-claim.ts';

const MESSAGES: Record<EmptyReason | 'no-claim', { title: string; hint: string }> = {
  'no-claim': {
    title: 'No claim to check yet',
    hint: 'Select a sentence or a paragraph on a news page, then choose “Check claim” (toolbar, right-click menu or Alt+Shift+C). Or type a claim above.',
  },
  empty: { title: 'The selection is empty', hint: 'Select the sentence you want to check, then choose “Check claim” again.' },
  'no-words': { title: 'No words to check', hint: 'The selection has no letters or numbers. Select the sentence itself.' },
  'no-match': {
    title: 'Nothing in the record matches this claim',
    hint: 'No recorded position shares its words, actors or topics. If the claim is about someone in the record, it may be “not in the record”.',
  },
};

export function EmptyState({ reason }: { reason: EmptyReason | 'no-claim' }) {
  const m = MESSAGES[reason];
  return (
    <div class="sp-empty" role="status" data-empty={reason}>
      <p class="sp-empty-title">{m.title}</p>
      <p class="sp-muted">{m.hint}</p>
    </div>
  );
}
