/** The Checks view's requests to the background. */
import browser from 'webextension-polyfill';
import type { CheckDraft, CheckRow } from '../../../core/claims/check-record.ts';
import type { PositionSummary } from '../../../core/claims/position-summary.ts';
import type { Reviewer, Settings } from '../../../core/settings.ts';
import { ask } from '../../ask-background.ts';
import { BgPageChecksChanged, messageType } from '../../../shared/messages.ts';

export interface ChecksList {
  checks: CheckRow[];
  labels: Record<string, string>;
  /** What each check's positions say and who said it (positions the record no longer has are absent). */
  positions: Record<string, PositionSummary>;
  /** Entity type of each check's speaker, for the ClaimReview author's @type. */
  types?: Record<string, string>;
}

export interface ChecksClient {
  list(): Promise<ChecksList>;
  /** Saves an edit of a saved check (the draft carries its id). */
  save(draft: CheckDraft): Promise<CheckRow>;
  remove(id: string): Promise<void>;
  /** Undo: puts a check back exactly as it was. */
  restore(row: CheckRow): Promise<void>;
  /** Who signs ClaimReview exports (options page). */
  reviewer(): Promise<Reviewer>;
  openOptions(): void;
  onChange(callback: () => void): () => void;
}

export const checksClient: ChecksClient = {
  list: () => ask<ChecksList>({ type: 'page-bg-list-checks' }),
  save: async (draft) => (await ask<{ check: CheckRow }>({ type: 'page-bg-save-check', draft })).check,
  remove: async (id) => {
    await ask<object>({ type: 'page-bg-delete-check', id });
  },
  restore: async (row) => {
    await ask<object>({ type: 'page-bg-restore-check', row });
  },
  reviewer: async () => (await ask<{ settings: Settings }>({ type: 'page-bg-get-settings' })).settings.reviewer,
  openOptions: () => void browser.runtime.openOptionsPage(),
  onChange(callback) {
    const listener = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === messageType(BgPageChecksChanged)) callback();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
};
