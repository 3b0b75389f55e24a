/** "Statements on this page" as the popup and the side panel ask for them: one tab's page, through the background. */
import type { EntitySummary } from '../shared/entity-summary.ts';
import type { PageStatements } from '../core/recording/types.ts';
import type { StatementsClient } from '../ui/statements/page-statements.tsx';
import { ask } from './ask-background.ts';

export function statementsClient(tab: Promise<number | undefined>): StatementsClient {
  const tabId = async () => {
    const id = await tab;
    if (id === undefined) throw new Error('no tab');
    return id;
  };
  return {
    load: async () => ask<PageStatements>({ type: 'page-bg-page-statements', tabId: await tabId() }),
    entities: async () => {
      const { list } = await ask<{ list: EntitySummary[] }>({ type: 'page-bg-list-entities' });
      return list.map(({ id, label, type }) => ({ id, label, type })).sort((a, b) => a.label.localeCompare(b.label));
    },
    record: async (start, end, edits, text) =>
      ask<{ positionId: string; keptAside?: true; already?: true }>({ type: 'page-bg-record-statement', tabId: await tabId(), start, end, edits, text }),
    unrecord: async (positionId) => {
      await ask<object>({ type: 'page-bg-unrecord', positionId });
    },
  };
}
