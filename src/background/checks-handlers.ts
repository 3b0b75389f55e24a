/**
 * The background's answers for claim checks (issue 6): each request is one
 * call into ChecksService; a saved or deleted verdict is announced to the
 * page's tabs (to draw it) and to open extension pages (to refresh lists).
 */
import browser from 'webextension-polyfill';
import { ChecksContentRequests, ChecksPageRequests, type ChecksContentRequest, type ChecksPageRequest } from '../shared/messages.ts';
import type { ChecksService } from './checks-service.ts';
import { GesturePanels } from './checks-side-panel.ts';
import type { Sender } from './router.ts';
import { sourcePagePath } from '../shared/source-page-path.ts';
import { announceToAllTabs, announceToPages } from './announce.ts';
import { BgCsCheckedClaimsChanged, BgPageChecksChanged, messageType } from '../shared/messages.ts';
import { evidenceFor } from '../core/claims/position-summary.ts';
import { samePage } from '../core/claims/same-page.ts';

const CONTENT_TYPES: ReadonlySet<string> = new Set(ChecksContentRequests.map((s) => s.entries.type.literal));
const PAGE_TYPES: ReadonlySet<string> = new Set(ChecksPageRequests.map((s) => s.entries.type.literal));

export function isChecksContentRequest(req: { type: string }): req is ChecksContentRequest {
  return CONTENT_TYPES.has(req.type);
}

export function isChecksPageRequest(req: { type: string }): req is ChecksPageRequest {
  return PAGE_TYPES.has(req.type);
}

/** Sent to extension pages (side panel, library) when the pending claim or the saved checks change. */
export const CHECKS_CHANGED = messageType(BgPageChecksChanged);
/** Sent to a tab's content script when the checks on its page change, so it redraws them. */
export const CLAIMS_CHANGED_CS = messageType(BgCsCheckedClaimsChanged);

async function announce(pageUrl?: string): Promise<void> {
  // No listener (no extension page open) is not an error.
  await announceToPages({ type: CHECKS_CHANGED });
  if (!pageUrl) return;
  await announceToAllTabs({ type: CLAIMS_CHANGED_CS });
}

export class ChecksHandlers {
  constructor(
    private readonly checks: ChecksService,
    /** The panel each tab's claim opens in (a command or menu click opens it in the user's gesture). */
    readonly panels: GesturePanels = new GesturePanels(),
  ) {}

  /** Must stay synchronous up to openClaimPanel: the side panel needs the user's gesture. */
  handleContent(req: ChecksContentRequest, sender: Sender): Promise<object> {
    switch (req.type) {
      case 'cs-bg-check-claim': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return Promise.reject(new Error('a claim check needs a tab'));
        const opened = this.panels.openFor(tabId, sender.tab?.index);
        // The page is the sender's, never what the message says (a compromised page could claim any URL).
        if (!sender.url) return Promise.reject(new Error('a claim check needs the page it was made on'));
        this.checks.setPending(tabId, { ...req, pageUrl: sender.url });
        void announce();
        return opened.then((panel) => ({ panel }));
      }
      case 'cs-bg-get-checked-claims':
        // Where to draw, no more: the verdict, note and evidence come one check at a time, when its mark is opened.
        return this.checks.forPage(sender.url ?? '').then((rows) => ({ checks: rows.map((r) => ({ id: r.id, selectors: r.selectors })) }));
      case 'cs-bg-get-check-detail':
        return this.#detail(req.id, sender.url ?? '');
    }
  }

  async #detail(id: string, url: string): Promise<object> {
    const row = await this.checks.onPage(id, url);
    if (!row) return { check: null };
    const speakerId = row.speakerId ?? row.suggestion?.speakerId ?? undefined;
    const [positions, labels] = await Promise.all([this.checks.positions(row.positionIds), this.checks.labels(speakerId ? [speakerId] : [])]);
    return {
      check: {
        id: row.id,
        claim: row.claim,
        verdict: row.verdict,
        note: row.note,
        updatedAt: row.updatedAt,
        speaker: speakerId ? (labels[speakerId] ?? speakerId) : null,
        suggested: row.suggestion?.verdict ?? null,
        // The card is drawn in the page: it is told that a position comes from this page (audit A30), not the addresses.
        positions: row.positionIds.map((pid) => {
          const found = evidenceFor(pid, positions[pid], row.evidence);
          if (!found) return { id: pid, missing: true };
          const { sourceUrl, ...rest } = found;
          return samePage(sourceUrl, url) ? { ...rest, samePage: true as const } : rest;
        }),
      },
    };
  }

  async handlePage(req: ChecksPageRequest, sender: Sender): Promise<object> {
    switch (req.type) {
      case 'page-bg-get-pending-claim': {
        const tabId = req.tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
        return { pending: tabId === undefined ? null : this.checks.pending(tabId) };
      }
      case 'page-bg-check-claim':
        return { check: await this.checks.check(req.text, undefined, req.pageUrl) };
      case 'page-bg-save-check': {
        const row = await this.checks.save(req.draft);
        await announce(row.pageUrl);
        return { check: row };
      }
      case 'page-bg-list-checks': {
        const checks = await this.checks.list();
        const [labels, positions, types] = await Promise.all([
          this.checks.labels(checks.flatMap((c) => [...c.actorIds, ...(c.speakerId ? [c.speakerId] : [])])),
          this.checks.positions(checks.flatMap((c) => c.positionIds)),
          this.checks.types(checks.flatMap((c) => (c.speakerId ? [c.speakerId] : []))),
        ]);
        return { checks, labels, positions, types };
      }
      case 'page-bg-checks-for-page':
        return { checks: await this.checks.forPage(req.pageUrl) };
      case 'page-bg-restore-check': {
        const row = await this.checks.restore(req.row);
        await announce(row.pageUrl);
        return { check: row };
      }
      case 'page-bg-delete-check':
        await this.checks.remove(req.id);
        await announce('*');
        return {};
      case 'page-bg-open-source':
        await browser.tabs.create({
          url: browser.runtime.getURL(sourcePagePath(req.sourceId, req.positionId)),
          ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}),
        });
        return {};
    }
  }
}
