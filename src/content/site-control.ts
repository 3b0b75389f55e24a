/**
 * The content script under the user's control (issue 7): it starts only
 * where the settings let it, stops at once (every highlight gone) when the
 * site is switched off or OnRecord is paused, and starts again when switched
 * back on. It also answers the toolbar popup (mentions on this page, jump to
 * the next mention of one entity) and reports the mention count for the badge.
 */
import browser, { type MessageSender } from './runtime.ts';
import type { EntityType } from '../core/corpus/schema.ts';
import { siteOf, type HighlightStyle, type TabSettings } from '../core/settings.ts';
import { ENTITY_TYPES, HIGHLIGHT_PREFIX, UNDERLINE_COLORS } from './highlight-registry.ts';
import type { MentionStore } from './mention-store.ts';
import type { Reader } from './reader.ts';
import { askBackground } from './ask-background.ts';
import { activity, setTrackedTimeout } from './activity.ts';
import { forgetRecords } from './record-client.ts';
import * as v from 'valibot';
import { ToContentMessage } from '../shared/messages.ts';
import { savedStatus, type SavedStatus } from './saved-layer.ts';

/** The badge follows the page at most this often: annotation settles in bursts while a page loads. */
export const COUNT_REPORT_MS = 500;
/** How many times a mention count the worker did not take is sent again before it is given up (and logged). */
const MAX_COUNT_RETRIES = 3;
/** Alpha (hex) of the tinted-background style: light enough that the text stays readable. */
const BACKGROUND_ALPHA = '40';


/** What a running session exposes to the popup. */
export interface Session {
  store: MentionStore;
  reader: Reader;
}

export interface MentionCount {
  entityId: string;
  type: EntityType;
  count: number;
}

export interface MentionsReply {
  /** This page's site key (see core/settings siteOf), so the popup needs no tab URL. */
  site: string | undefined;
  on: boolean;
  mentions: MentionCount[];
  saved?: SavedStatus;
}

export type Starter = (signal: AbortSignal, settings: TabSettings, attach: (s: Session) => void, onCount: (n: number) => void) => Promise<void>;


function fetchTabSettings(): Promise<{ settings: TabSettings; fingerprint: string }> {
  return askBackground<{ settings: TabSettings; fingerprint: string }>({ type: 'cs-bg-get-settings' });
}

/** CSS for the chosen style, adopted after the registry's own sheet so it wins. */
export function highlightStyleCss(style: HighlightStyle): string {
  if (style === 'underline') return '';
  return ENTITY_TYPES.map(
    (t) => `::highlight(${HIGHLIGHT_PREFIX}${t}) { text-decoration: none; background-color: ${UNDERLINE_COLORS[t]}${BACKGROUND_ALPHA}; }`,
  ).join('\n');
}


function sameSettings(a: TabSettings, b: TabSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class SiteControl {
  #controller: AbortController | undefined;
  #session: Session | undefined;
  #applied: { settings: TabSettings; fingerprint: string } | undefined;
  #countTimer: number | undefined;
  #pendingCount: number | undefined;
  #lastSent = -1;
  #countFailures = 0;
  #syncs = 0;

  constructor(private readonly starter: Starter) {
    browser.runtime.onMessage.addListener(this.#onMessage);
  }

  /** Reads the settings and starts, stops or restarts to match them. */
  async sync(): Promise<void> {
    // Two settings changes in a row send two requests: a reply that arrives after a newer request was sent is stale.
    const mine = ++this.#syncs;
    const next = await fetchTabSettings();
    if (mine !== this.#syncs) return;
    const prev = this.#applied;
    if (prev && prev.fingerprint === next.fingerprint && sameSettings(prev.settings, next.settings)) return;
    this.#applied = next;
    // A new fingerprint means the record changed (corpus, user layer): records cached by this page are stale.
    if (prev && prev.fingerprint !== next.fingerprint) forgetRecords();
    this.#stop();
    if (next.settings.on) this.#start(next.settings);
  }

  #start(settings: TabSettings): void {
    const controller = new AbortController();
    this.#controller = controller;
    const signal = controller.signal;
    this.starter(signal, settings, (s) => {
      if (!signal.aborted) this.#session = s;
    }, (n) => {
      if (!signal.aborted) this.#reportCount(n);
    }).catch((err: unknown) => console.error('OnRecord could not start on this page:', err));
  }

  #stop(): void {
    this.#controller?.abort();
    this.#controller = undefined;
    this.#session = undefined;
    if (this.#lastSent > 0) this.#reportCount(0);
  }

  #reportCount(n: number): void {
    this.#pendingCount = n;
    if (this.#countTimer !== undefined) return;
    this.#countTimer = setTrackedTimeout(() => {
      this.#countTimer = undefined;
      const count = this.#pendingCount;
      if (count === undefined || count === this.#lastSent) return;
      this.#lastSent = count;
      askBackground<object>({ type: 'cs-bg-mention-count', count }).then(
        () => (this.#countFailures = 0),
        (err: unknown) => {
          // The worker was restarting: send the count again a little later (a few times), so the badge is not left wrong.
          if (this.#lastSent === count) this.#lastSent = -1;
          if (++this.#countFailures <= MAX_COUNT_RETRIES) this.#reportCount(this.#pendingCount ?? count);
          else console.error('OnRecord: could not set the mention count on the toolbar button', err);
        },
      );
    }, this.#lastSent < 0 && this.#countFailures === 0 ? 0 : COUNT_REPORT_MS);
  }

  mentions(): MentionsReply {
    const store = this.#session?.store;
    const site = siteOf(location.href);
    if (!store) return { site, on: this.#applied?.settings.on ?? false, mentions: [] };
    const types = new Map<string, EntityType>();
    // Only names with something to show are counted (issue 13): a quiet name opens an empty card.
    const counts = new Map<string, number>();
    for (const m of store.all()) {
      if (m.quiet) continue;
      if (!types.has(m.entityId)) types.set(m.entityId, m.type);
      counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    }
    const mentions = [...counts].map(([entityId, count]) => ({ entityId, type: types.get(entityId) ?? 'topic', count }));
    const saved = savedStatus();
    return { site, on: true, mentions, ...(saved ? { saved } : {}) };
  }

  /** Only the extension itself (background, popup) may drive this; never the page or another extension. */
  readonly #onMessage = (message: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const parsed = v.safeParse(ToContentMessage, message);
    if (!parsed.success) return undefined;
    const msg = parsed.output;
    if (msg.type === 'bg-cs-settings-changed') {
      this.sync().catch((err: unknown) => console.error('OnRecord: could not apply the new settings', err));
      return undefined;
    }
    if (msg.type === 'popup-cs-get-mentions') return Promise.resolve(this.mentions());
    if (msg.type === 'bg-cs-activity') return Promise.resolve({ href: location.href, ...activity() });
    if (msg.type === 'popup-cs-focus-entity') {
      const reader = this.#session?.reader;
      return reader ? reader.focusNextOf(msg.entityId).then(() => ({ ok: true })) : Promise.resolve({ ok: false });
    }
    return undefined;
  };
}
