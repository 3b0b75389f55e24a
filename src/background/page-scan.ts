/**
 * ADR 017: the service worker scans each tab's text with the record's matcher, so no tab ever receives the
 * dictionary (ADR 002 sent the compiled matcher to every tab: 12 MB and about a second per tab at 100,000
 * positions). A tab sends its chunks in document order; the worker keeps one document context per tab and
 * document (the names an ambiguous alias may be confirmed by), as the tab's own matcher used to.
 */
import { createDocumentContext, pageIsRelevant, type DocumentContext, type SerializedMatcher } from '../core/match/index.ts';
import type { EntityType } from '../core/corpus/schema.ts';
import { liveMatcher } from './record-cache.ts';
import { encodeFound, MAX_CONTEXT_IDS, MAX_CONTEXT_TAIL, type FoundMention, type ScanReply, type WireContext } from '../shared/page-scan.ts';


export interface ScanRecord {
  matcher: SerializedMatcher;
  wire: { types: Record<string, EntityType>; quiet: readonly string[] };
}

/** The mentions of `text`, as a tab draws them (type and quietness attached; entities without a type dropped). */
export function scanForPage(record: ScanRecord, text: string, ctx: DocumentContext, quiet: ReadonlySet<string>): FoundMention[] {
  const out: FoundMention[] = [];
  for (const m of liveMatcher(record.matcher).scan(text, ctx)) {
    const type = record.wire.types[m.entityId];
    if (type) out.push({ start: m.start, end: m.end, entityId: m.entityId, type, quiet: quiet.has(m.entityId) });
  }
  return out;
}

/** Documents remembered per tab: the current one and a few it may still be finishing (a route change). */
const DOCS_PER_TAB = 4;

export class PageScans {
  /** Per tab (and frame), its documents' contexts, oldest first; a context belongs to one record. */
  readonly #tabs = new Map<string, Map<string, { fingerprint: string; ctx: DocumentContext }>>();
  #quiet: { of: readonly string[]; set: ReadonlySet<string> } | undefined;

  /**
   * `late`: the tab scans again a chunk that withheld topic words, now that the page is about the record; the
   * context's tail (the text before the next chunk, for context words) is left as it was.
   */
  scan(record: ScanRecord & { fingerprint: string }, tab: { tabId: number; frameId: number }, doc: string, text: string, late = false): ScanReply {
    const key = `${tab.tabId}/${tab.frameId}`;
    let docs = this.#tabs.get(key);
    if (!docs) this.#tabs.set(key, (docs = new Map()));
    let entry = docs.get(doc);
    if (!entry || entry.fingerprint !== record.fingerprint) {
      docs.delete(doc);
      entry = { fingerprint: record.fingerprint, ctx: createDocumentContext() };
      docs.set(doc, entry);
      if (docs.size > DOCS_PER_TAB) docs.delete(docs.keys().next().value!);
    }
    if (this.#quiet?.of !== record.wire.quiet) this.#quiet = { of: record.wire.quiet, set: new Set(record.wire.quiet) };
    const ctx = entry.ctx;
    const withheldBefore = ctx.withheld;
    const tail = ctx.tail;
    const reply = encodeFound(scanForPage(record, text, ctx, this.#quiet.set));
    if (late) ctx.tail = tail;
    if (ctx.withheld > withheldBefore) reply.withheld = true;
    if (pageIsRelevant(ctx)) reply.relevant = true;
    return reply;
  }

  /**
   * Before a request's parts: takes up the context the tab carried (WireContext) when this worker has none for the
   * document, as after a restart (the worker is stopped after 30 s idle). Its own memory wins; a context of another
   * record is not taken.
   */
  resume(record: { fingerprint: string }, tab: { tabId: number; frameId: number }, doc: string, carried: WireContext | undefined): void {
    if (!carried || carried.fingerprint !== record.fingerprint) return;
    const key = `${tab.tabId}/${tab.frameId}`;
    let docs = this.#tabs.get(key);
    if (docs?.get(doc)?.fingerprint === record.fingerprint) return;
    if (!docs) this.#tabs.set(key, (docs = new Map()));
    const ctx = createDocumentContext();
    for (const id of carried.seen) ctx.seen.add(id);
    for (const id of carried.anchors) ctx.anchors.add(id);
    ctx.tail = carried.tail;
    ctx.withheld = carried.withheld;
    docs.delete(doc);
    docs.set(doc, { fingerprint: record.fingerprint, ctx });
    if (docs.size > DOCS_PER_TAB) docs.delete(docs.keys().next().value!);
  }

  /** The document's context for the tab to carry (see resume), or undefined when there is none. */
  context(tab: { tabId: number; frameId: number }, doc: string): WireContext | undefined {
    const entry = this.#tabs.get(`${tab.tabId}/${tab.frameId}`)?.get(doc);
    if (!entry) return undefined;
    const { ctx } = entry;
    // Within the message's bounds: a page naming more than MAX_CONTEXT_IDS entities carries the first ones.
    return {
      fingerprint: entry.fingerprint,
      seen: [...ctx.seen].slice(0, MAX_CONTEXT_IDS),
      anchors: [...ctx.anchors].slice(0, MAX_CONTEXT_IDS),
      tail: ctx.tail.slice(-MAX_CONTEXT_TAIL),
      withheld: ctx.withheld,
    };
  }

  forgetTab(tabId: number): void {
    for (const key of this.#tabs.keys()) if (key.startsWith(`${tabId}/`)) this.#tabs.delete(key);
  }

  /** How many documents are remembered (for tests). */
  get size(): number {
    let n = 0;
    for (const docs of this.#tabs.values()) n += docs.size;
    return n;
  }
}
