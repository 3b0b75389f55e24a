/** The Checks view's requests to the background. */
import browser from 'webextension-polyfill';
import type { CheckRow } from '../../../core/claims/check-record.ts';
import { ask } from '../../ask-background.ts';
import { BgPageChecksChanged, messageType } from '../../../shared/messages.ts';

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
      if ((message as { type?: unknown } | null)?.type === messageType(BgPageChecksChanged)) callback();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
};
