/** The Checks view's requests to the background. */
import browser from 'webextension-polyfill';
import type { CheckRow } from '../../../core/claims/check-record.ts';
import { t } from '../../../core/i18n.ts';
import type { PageRequest, Reply } from '../../../shared/messages.ts';

async function ask<T extends object>(request: PageRequest): Promise<T> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new Error(t('checksNoAnswer', request.type));
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}

export interface ChecksClient {
  list(): Promise<{ checks: CheckRow[]; labels: Record<string, string> }>;
  remove(id: string): Promise<void>;
  onChange(callback: () => void): () => void;
}

export const checksClient: ChecksClient = {
  list: () => ask<{ checks: CheckRow[]; labels: Record<string, string> }>({ type: 'page-bg-list-checks' }),
  remove: async (id) => {
    await ask<object>({ type: 'page-bg-delete-check', id });
  },
  onChange(callback) {
    const listener = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === 'bg-page-checks-changed') callback();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
};
