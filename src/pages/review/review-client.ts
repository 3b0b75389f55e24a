/** The review page's requests: the queue lives in the background (progress survives closing the page). */
import type { EntitySummary } from '../../shared/entity-summary.ts';
import type { StatementEditsInput } from '../../core/recording/types.ts';
import type { EntityOption } from '../../ui/statements/statement-form.tsx';
import { ask } from '../ask-background.ts';
import type { ReviewState } from '../../core/recording/review-types.ts';

export interface ReviewClient {
  state(): Promise<ReviewState>;
  import(text: string, fileName: string): Promise<ReviewState>;
  decide(ids: string[], decision: 'accept' | 'reject', edits?: StatementEditsInput): Promise<ReviewState>;
  undo(): Promise<ReviewState>;
  clear(): Promise<ReviewState>;
  entities(): Promise<EntityOption[]>;
}

const state = async (p: Promise<{ state: ReviewState }>) => (await p).state;

export const reviewClient: ReviewClient = {
  state: () => state(ask({ type: 'page-bg-review-state' })),
  import: (text, fileName) => state(ask({ type: 'page-bg-review-import', text, fileName })),
  decide: (ids, decision, edits) => state(ask({ type: 'page-bg-review-decide', ids, decision, ...(edits ? { edits } : {}) })),
  undo: () => state(ask({ type: 'page-bg-review-undo' })),
  clear: () => state(ask({ type: 'page-bg-review-clear' })),
  entities: async () => {
    const { list } = await ask<{ list: EntitySummary[] }>({ type: 'page-bg-list-entities' });
    return list.map(({ id, label, type }) => ({ id, label, type })).sort((a, b) => a.label.localeCompare(b.label));
  },
};
