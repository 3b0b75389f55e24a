/**
 * The content script under the user's control (issue 7): it starts only
 * where the settings let it, stops at once (every highlight gone) when the
 * site is switched off or OnRecord is paused, and starts again when switched
 * back on. It also answers the toolbar popup (mentions on this page, jump to
 * the next mention of one entity) and reports the mention count for the badge.
 */
import { cardReleased } from './card-hold.ts';
import browser, { respondWith, type MessageSender } from './runtime.ts';
import type { EntityType } from '../core/corpus/schema.ts';
import type { TabSettings } from '../core/settings.ts';
import { siteOf } from '../core/site.ts';
import type { SavedStatus } from './saved-layer.ts';
import { ask, readReply } from './ask.ts';
import { readControlMessage, readEmptyReply, readSettingsReply } from './guards.ts';
import { activity, setTrackedTimeout, track } from './activity.ts';
import { withRetry } from '../core/retry.ts';
import { clearFailure, showFailure } from './page-notice.ts';

/** The badge follows the page at most this often: annotation settles in bursts while a page loads. */
export const COUNT_REPORT_MS = 500;
/** How many times a mention count the worker did not take is sent again before it is given up (and logged). */
const MAX_COUNT_RETRIES = 3;

/** What a running session exposes to the popup (content/page-bundle.ts makes it). */
export interface Session {
  /** The names on this page with something to show, and how its saved highlights fared. */
  mentions(): { mentions: MentionCount[]; saved?: SavedStatus };
  /** Moves the keyboard focus to the next mention of `entityId`. */
  focusNextOf(entityId: string): Promise<unknown>;
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


/** The tab's settings; `pending`: the answer to a request already sent (index.js sends the first at document_start). */
async function fetchTabSettings(pending?: Promise<unknown>): Promise<{ settings: TabSettings; fingerprint: string }> {
  if (!pending) return ask({ type: 'cs-bg-get-settings' }, readSettingsReply);
  return readReply('cs-bg-get-settings', await track(pending), readSettingsReply);
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
  #settingsRetry: AbortController | undefined;

  /** `recordChanged`: the record (corpus, user layer) changed, so what the page cached of it is stale. */
  constructor(
    private readonly starter: Starter,
    private readonly recordChanged: () => void = () => undefined,
  ) {
    browser.runtime.onMessage.addListener(this.#onMessage);
  }

  /**
   * Reads the settings and starts, stops or restarts to match them. Counted as work in progress (activity.ts)
   * until the new settings are applied and the first pass over the page is done: the popup waits for that.
   */
  sync(pending?: Promise<unknown>): Promise<void> {
    return track(this.#sync(pending));
  }

  async #sync(pending?: Promise<unknown>): Promise<void> {
    // Two settings changes in a row send two requests: a reply that arrives after a newer request was sent is stale.
    const mine = ++this.#syncs;
    const next = await fetchTabSettings(pending);
    if (mine !== this.#syncs) return;
    const prev = this.#applied;
    if (prev && prev.fingerprint === next.fingerprint && sameSettings(prev.settings, next.settings)) return;
    // Only the record changed while a card that added to it is open (A22): the page refreshes once it closes.
    if (prev && sameSettings(prev.settings, next.settings)) {
      await cardReleased();
      if (mine !== this.#syncs) return;
    }
    this.#applied = next;
    // A new fingerprint means the record changed (corpus, user layer): records cached by this page are stale.
    if (prev && prev.fingerprint !== next.fingerprint) this.recordChanged();
    this.#stop();
    if (next.settings.on) this.#start(next.settings);
  }

  #start(settings: TabSettings): void {
    const controller = new AbortController();
    this.#controller = controller;
    const signal = controller.signal;
    const started = this.starter(signal, settings, (s) => {
      if (!signal.aborted) this.#session = s;
    }, (n) => {
      if (!signal.aborted) this.#reportCount(n);
    });
    started.catch((err: unknown) => console.error('OnRecord could not start on this page:', err));
    // In progress until the first pass is done, or until this session is stopped (a stopped pass may never finish).
    void track(new Promise<void>((done) => {
      started.then(() => done(), () => done());
      signal.addEventListener('abort', () => done(), { once: true });
    }));
  }

  /**
   * New settings from the options page or popup: tried again a few times (the worker may be restarting), then the
   * reader is told, with "Try again". A newer change stops the retries of an older one (and its notice).
   */
  #applyNewSettings(): void {
    this.#settingsRetry?.abort();
    const controller = new AbortController();
    this.#settingsRetry = controller;
    const { signal } = controller;
    withRetry(() => this.sync(), { signal, onRetry: (err) => console.warn('OnRecord: could not apply the new settings; trying again', err) }).then(
      () => clearFailure('settings'),
      (err: unknown) => {
        if (signal.aborted) return;
        console.error('OnRecord: could not apply the new settings', err);
        showFailure('settings', () => this.#applyNewSettings(), signal);
      },
    );
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
      ask({ type: 'cs-bg-mention-count', count }, readEmptyReply).then(
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
    const site = siteOf(location.href);
    const session = this.#session;
    if (!session) return { site, on: this.#applied?.settings.on ?? false, mentions: [] };
    const { mentions, saved } = session.mentions();
    return { site, on: true, mentions, ...(saved ? { saved } : {}) };
  }

  /** Answers a message that index.js held open (it arrived before this control existed) through `respond`. */
  answer(message: unknown, sender: MessageSender, respond: (reply: unknown) => void): void {
    const answer = this.#onMessage(message, sender);
    if (answer) respondWith(answer, respond);
    else respond(undefined);
  }

  /** Only the extension itself (background, popup) may drive this; never the page or another extension. */
  readonly #onMessage = (message: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const msg = readControlMessage(message);
    if (!msg) return undefined;
    if (msg.type === 'bg-cs-settings-changed') {
      this.#applyNewSettings();
      return undefined;
    }
    if (msg.type === 'popup-cs-get-mentions') return Promise.resolve(this.mentions());
    if (msg.type === 'bg-cs-activity') return Promise.resolve({ href: location.href, ...activity() });
    if (msg.type === 'popup-cs-focus-entity') {
      const session = this.#session;
      return session ? session.focusNextOf(msg.entityId).then(() => ({ ok: true })) : Promise.resolve({ ok: false });
    }
    return undefined;
  };
}
