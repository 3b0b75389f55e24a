/**
 * What the popup talks to: the background (settings, entity labels) and the
 * content script of the tab it was opened for (mentions, jumps). The tab is
 * the active one, or `?tab=ID` when the popup is opened as a page (tests,
 * or a person who keeps it in a tab of its own).
 */
import browser from 'webextension-polyfill';
import type { EntityType } from '../../core/corpus/schema.ts';
import { type Settings } from '../../core/settings.ts';
import type { EntitySummary } from '../../shared/entity-summary.ts';
import { ask } from '../ask-background.ts';
import { openLibrary } from '../library-page.ts';
import * as v from 'valibot';
import { ACTIVITY_MESSAGE, ActivityReply, FocusEntityReply, PageMentionsReply, PopupCsFocusEntity, PopupCsGetMentions, messageType } from '../../shared/messages.ts';
import { t } from '../../core/i18n.ts';
import { statementsClient } from '../statements-client.ts';
import type { StatementsClient } from '../../ui/statements/page-statements.tsx';
import { watchInstallProgress, type WatchInstallProgress } from '../install-progress.tsx';

export interface PageMentions {
  site: string | undefined;
  on: boolean;
  mentions: { entityId: string; type: EntityType; count: number }[];
  /** This page's saved highlights that could not be placed, and whether the library could not be told. */
  saved?: { unplaced: number; unreported: boolean };
}

export interface PopupClient {
  settings(): Promise<Settings>;
  labels(): Promise<Map<string, { label: string; type: EntityType }>>;
  /** undefined when the tab has no content script (a browser page, a file, the web store). */
  mentions(): Promise<PageMentions | undefined>;
  focus(entityId: string): Promise<void>;
  /** Resolves once the tab reports it has no work left (a change applied, the page annotated), or after a bound. */
  settled(): Promise<void>;
  setSite(site: string, on: boolean): Promise<Settings>;
  setPaused(paused: boolean): Promise<Settings>;
  openOptions(): void;
  openLibrary(): void;
  /** Issue 12: the statements found on the tab's page. */
  statements: StatementsClient;
  /** Whether some copy of the user's own layer did not read (kept aside; Options lists each). */
  damagedLayer?(): Promise<boolean>;
  /** Issue 15: the install of a record, while one runs. */
  installProgress?: WatchInstallProgress;
}

/** How often the popup asks the tab whether it is done, and for how long at most (then it reads what is there). */
const SETTLE_POLL_MS = 50;
const SETTLE_LIMIT_MS = 5_000;

/** Asks the tab until its content script reports idle; a tab that cannot answer or answers nonsense counts as done. */
export async function waitTabIdle(ask: () => Promise<unknown>, pollMs = SETTLE_POLL_MS, limitMs = SETTLE_LIMIT_MS): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    let reply: unknown;
    try {
      reply = await ask();
    } catch {
      return;
    }
    const parsed = v.safeParse(ActivityReply, reply);
    if (!parsed.success || parsed.output.idle || Date.now() >= deadline) return;
    await new Promise((ok) => setTimeout(ok, pollMs));
  }
}

async function targetTab(params: URLSearchParams): Promise<number | undefined> {
  const given = Number(params.get('tab'));
  if (Number.isInteger(given) && given > 0) return given;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function connectPopup(params: URLSearchParams): PopupClient {
  const tab = targetTab(params);
  return {
    settings: async () => (await ask<{ settings: Settings }>({ type: 'page-bg-get-settings' })).settings,
    damagedLayer: async () => (await ask<{ damaged: unknown }>({ type: 'page-bg-damaged-user-layer' })).damaged !== null,
    labels: async () => {
      const { list } = await ask<{ list: EntitySummary[] }>({ type: 'page-bg-list-entities' });
      return new Map(list.map((e) => [e.id, { label: e.label, type: e.type }]));
    },
    mentions: async () => {
      const id = await tab;
      if (id === undefined) return undefined;
      try {
        // The tab's answer is input like any other: a page that subverted its renderer could send anything.
        const reply: unknown = await browser.tabs.sendMessage(id, { type: messageType(PopupCsGetMentions) });
        const parsed = v.safeParse(PageMentionsReply, reply);
        return parsed.success ? (parsed.output as PageMentions) : undefined;
      } catch {
        return undefined;
      }
    },
    settled: async () => {
      const id = await tab;
      if (id !== undefined) await waitTabIdle(() => browser.tabs.sendMessage(id, { type: ACTIVITY_MESSAGE }));
    },
    focus: async (entityId) => {
      const id = await tab;
      if (id === undefined) return;
      // The tab's answer is read like any input; a tab that could not move to the name says so.
      const reply = v.safeParse(FocusEntityReply, await browser.tabs.sendMessage(id, { type: messageType(PopupCsFocusEntity), entityId }));
      if (!reply.success || !reply.output.ok) throw new Error(t('popupFocusFailed'));
    },
    // In either mode a site is switched by the stored list the content script obeys (ADR 003): no browser prompt.
    setSite: async (site, on) => (await ask<{ settings: Settings }>({ type: 'page-bg-set-site', site, on })).settings,
    setPaused: async (paused) => (await ask<{ settings: Settings }>({ type: 'page-bg-update-settings', patch: { paused } })).settings,
    openOptions: () => void browser.runtime.openOptionsPage(),
    openLibrary,
    statements: statementsClient(tab),
    installProgress: watchInstallProgress,
  };
}
