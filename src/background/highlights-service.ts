/**
 * The background side of the researchers' highlights. A content script only
 * ever reaches the highlights of the page it runs in: the page is the
 * sender's URL (normalised), plus the page's canonical URL when it is on the
 * same origin, so a page cannot ask for, change or delete another site's
 * highlights by naming it.
 */
import browser from 'webextension-polyfill';
import { normalizePageUrl, tryNormalizePageUrl } from '../core/anchoring/page-url.ts';
import { cleanTags, DEFAULT_COLOR, SavedHighlightSchema, type SavedHighlight } from '../core/annotations/model.ts';
import { createDocumentContext } from '../core/match/index.ts';
import { liveMatcher } from './record-cache.ts';
import { HighlightsContentRequests, type ContentRequest, type HighlightsContentRequest } from '../shared/messages.ts';
import type { OnRecordDb } from '../storage/db.ts';
import {
  getHighlight,
  highlightsForUrls,
  putHighlight,
  recordAnchoring,
} from '../storage/highlights-store.ts';
import type { RecordService } from './record-service.ts';
import type { Sender } from './router.ts';
import type { NoteEditors } from './note-editor.ts';
import * as v from 'valibot';


const CONTENT_TYPES: ReadonlySet<string> = new Set(HighlightsContentRequests.map((s) => s.entries.type.literal));

export function isHighlightsContentRequest(req: ContentRequest): req is HighlightsContentRequest & ContentRequest {
  return CONTENT_TYPES.has(req.type);
}

/** The keys a sender's page is filed under: its own URL and a same-origin canonical URL. */
export function pageKeys(senderUrl: string | undefined, canonicalRaw: string | undefined): { own: string; keys: string[]; canonical?: string } {
  if (!senderUrl) throw new Error('the sender has no page URL');
  const own = normalizePageUrl(senderUrl);
  const canonical = tryNormalizePageUrl(canonicalRaw);
  const sameOrigin = canonical !== undefined && new URL(canonical).origin === new URL(own).origin;
  return sameOrigin && canonical !== own ? { own, keys: [own, canonical], canonical } : { own, keys: [own] };
}

function belongsTo(h: SavedHighlight, keys: readonly string[]): boolean {
  return keys.includes(h.pageUrl) || (h.canonicalUrl !== undefined && keys.includes(h.canonicalUrl));
}

export class HighlightsService {
  /** Tab id → the highlight the library asked to scroll to, consumed when that tab asks for its highlights. */
  readonly #focusByTab = new Map<number, string>();

  constructor(
    private readonly db: OnRecordDb,
    private readonly records: Pick<RecordService, 'active'>,
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly notes?: NoteEditors,
  ) {}

  async handleContent(req: HighlightsContentRequest, sender: Sender): Promise<object> {
    const page = pageKeys(sender.url, req.canonicalUrl);
    switch (req.type) {
      case 'cs-bg-highlight-save':
        return { highlight: await this.save(req, page) };
      case 'cs-bg-highlights-for-page': {
        const highlights = await highlightsForUrls(this.db, page.keys);
        const tabId = sender.tab?.id;
        const focusId = tabId !== undefined ? this.#focusByTab.get(tabId) : undefined;
        if (tabId !== undefined && focusId && highlights.some((h) => h.id === focusId)) this.#focusByTab.delete(tabId);
        return { highlights, ...(focusId ? { focusId } : {}) };
      }
      case 'cs-bg-highlights-anchored': {
        const mine = new Set((await highlightsForUrls(this.db, page.keys)).map((h) => h.id));
        await recordAnchoring(this.db, req.placed.filter((id) => mine.has(id)), req.orphaned.filter((id) => mine.has(id)));
        return {};
      }
      case 'cs-bg-note-editor-open':
        await this.#owned(req.id, page.keys);
        if (!this.notes) throw new Error('the note editor is not available here');
        return this.notes.open(req.id, req.fresh, sender.tab, req.at);
    }
  }

  async save(
    req: Extract<HighlightsContentRequest, { type: 'cs-bg-highlight-save' }>,
    page: { own: string; canonical?: string },
    now = Date.now(),
  ): Promise<SavedHighlight> {
    // Idempotent: the content script names the save. A retry whose first attempt was stored (the worker
    // stopped before it replied) gets that highlight back, as it is now, instead of a second copy.
    const id = req.key ? `k-${req.key}` : this.newId();
    if (req.key) {
      const earlier = await getHighlight(this.db, id);
      if (earlier) {
        if (earlier.pageUrl !== page.own || earlier.selectors.quote.exact !== req.selectors.quote.exact) {
          throw new Error('this save key was used for another passage');
        }
        return earlier;
      }
    }
    const highlight = v.parse(SavedHighlightSchema, {
      id,
      pageUrl: page.own,
      ...(page.canonical ? { canonicalUrl: page.canonical } : {}),
      pageTitle: req.pageTitle.trim(),
      createdAt: now,
      updatedAt: now,
      selectors: req.selectors,
      entityIds: await this.#entitiesIn(req.selectors.quote.exact),
      note: req.note ?? '',
      tags: cleanTags(req.tags ?? []),
      color: req.color ?? DEFAULT_COLOR,
    });
    await putHighlight(this.db, highlight);
    return highlight;
  }

  /** The library's "open": a new tab on the page, which will scroll to the highlight once anchored. */
  async open(id: string): Promise<object> {
    const h = await getHighlight(this.db, id);
    if (!h) throw new Error('this highlight no longer exists');
    const tab = await browser.tabs.create({ url: h.pageUrl });
    if (tab.id !== undefined) this.#focusByTab.set(tab.id, id);
    return {};
  }

  /** A closed tab will not ask for the highlight it was opened to show. */
  forgetTab(tabId: number): void {
    this.#focusByTab.delete(tabId);
  }


  async #owned(id: string, keys: readonly string[]): Promise<SavedHighlight> {
    const h = await getHighlight(this.db, id);
    if (!h || !belongsTo(h, keys)) throw new Error('no such highlight on this page');
    return h;
  }

  /** Corpus entities the quote mentions, by the same matcher that underlines the page. */
  async #entitiesIn(text: string): Promise<string[]> {
    const active = await this.records.active();
    const found = liveMatcher(active.matcher).scan(text, createDocumentContext());
    return [...new Set(found.map((m) => m.entityId))];
  }
}
