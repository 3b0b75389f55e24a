/** The side panel's requests to the background (extension contexts only: imports the browser API). */
import browser from 'webextension-polyfill';
import type { ClaimCheck } from '../../core/claims/check-claim.ts';
import type { CheckDraft, CheckRow } from '../../core/claims/check-record.ts';
import { ask } from '../ask-background.ts';
import { BgPageChecksChanged, messageType } from '../../shared/messages.ts';

export interface PendingClaim {
  tabId: number;
  text: string;
  pageUrl: string;
  pageTitle: string;
  selectors?: CheckDraft['selectors'];
  at: number;
}

export interface PanelClient {
  pending(tabId: number | undefined): Promise<PendingClaim | null>;
  /** `pageUrl`: the page the claim was read on; positions taken from it are marked and never decide (audit A30). */
  check(text: string, pageUrl?: string): Promise<ClaimCheck>;
  checksForPage(pageUrl: string): Promise<CheckRow[]>;
  save(draft: CheckDraft): Promise<CheckRow>;
  openSource(sourceId: string, positionId: string): Promise<void>;
  /** Calls back when the background announces a new claim or saved checks; returns the unsubscribe. */
  onChange(callback: () => void): () => void;
}

export const panelClient: PanelClient = {
  pending: async (tabId) => (await ask<{ pending: PendingClaim | null }>({ type: 'page-bg-get-pending-claim', ...(tabId !== undefined ? { tabId } : {}) })).pending,
  check: async (text, pageUrl) => (await ask<{ check: ClaimCheck }>({ type: 'page-bg-check-claim', text, ...(pageUrl !== undefined ? { pageUrl } : {}) })).check,
  checksForPage: async (pageUrl) => (await ask<{ checks: CheckRow[] }>({ type: 'page-bg-checks-for-page', pageUrl })).checks,
  save: async (draft) => (await ask<{ check: CheckRow }>({ type: 'page-bg-save-check', draft })).check,
  openSource: async (sourceId, positionId) => {
    await ask<object>({ type: 'page-bg-open-source', sourceId, positionId });
  },
  onChange(callback) {
    const listener = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === messageType(BgPageChecksChanged)) callback();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
};
