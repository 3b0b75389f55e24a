/** The review page's requests: the queue lives in the background (progress survives closing the page). */
import type { EntitySummary } from '../../shared/entity-summary.ts';
import type { StatementEditsInput } from '../../core/recording/types.ts';
import type { EntityOption } from '../../ui/statements/statement-form.tsx';
import { ask } from '../ask-background.ts';
import type { ReviewImportQuestion, ReviewState } from '../../core/recording/review-types.ts';

/** Where accepted candidates go, as the page asks for it: the user layer, an existing corpus (id) or a new one (title only). */
export type ReviewTargetChoice = { kind: 'layer' } | { kind: 'corpus'; id?: string; title: string };

export interface ReviewClient {
  state(): Promise<ReviewState>;
  /** Without `replace`, an import that would put away undecided candidates answers the question to ask instead. */
  import(text: string, fileName: string, replace?: boolean): Promise<{ state: ReviewState } | { confirm: ReviewImportQuestion }>;
  decide(ids: string[], decision: 'accept' | 'reject', edits?: StatementEditsInput): Promise<ReviewState>;
  undo(): Promise<ReviewState>;
  clear(): Promise<ReviewState>;
  reopen(): Promise<ReviewState>;
  setTarget(target: ReviewTargetChoice): Promise<ReviewState>;
  entities(): Promise<EntityOption[]>;
}

const state = async (p: Promise<{ state: ReviewState }>) => (await p).state;

export const reviewClient: ReviewClient = {
  state: () => state(ask({ type: 'page-bg-review-state' })),
  import: (text, fileName, replace) => ask({ type: 'page-bg-review-import', text, fileName, ...(replace ? { replace: true } : {}) }),
  decide: (ids, decision, edits) => state(ask({ type: 'page-bg-review-decide', ids, decision, ...(edits ? { edits } : {}) })),
  undo: () => state(ask({ type: 'page-bg-review-undo' })),
  clear: () => state(ask({ type: 'page-bg-review-clear' })),
  reopen: () => state(ask({ type: 'page-bg-review-reopen' })),
  setTarget: (target) => state(ask({ type: 'page-bg-review-target', target })),
  entities: async () => {
    const { list } = await ask<{ list: EntitySummary[] }>({ type: 'page-bg-list-entities' });
    return list.map(({ id, label, type }) => ({ id, label, type })).sort((a, b) => a.label.localeCompare(b.label));
  },
};
