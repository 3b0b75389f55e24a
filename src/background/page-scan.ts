/**
 * ADR 017: the service worker scans each tab's text with the record's matcher, so no tab ever receives the
 * dictionary (ADR 002 sent the compiled matcher to every tab: 12 MB and about a second per tab at 100,000
 * positions). A tab sends its chunks in document order; the worker keeps one document context per tab and
 * document (the names an ambiguous alias may be confirmed by), as the tab's own matcher used to.
 */
import { createDocumentContext, pageIsRelevant, type DocumentContext, type SerializedMatcher } from '../core/match/index.ts';
import type { EntityType } from '../core/corpus/schema.ts';
import { liveMatcher } from './record-cache.ts';
import { encodeFound, MAX_CONTEXT_IDS, MAX_CONTEXT_TAIL, MAX_HELD_CHARS, MAX_HELD_TEXTS, type FoundMention, type HeldAnswer, type ScanReply, type WireContext } from '../shared/page-scan.ts';


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

/**
 * The characters held texts may take in all, every tab and document together (review 11B RB8): MAX_HELD_CHARS bounds
 * one document, this the worker — thirty tabs that never become about the record keep at most this much (≈8 MB as
 * UTF-16), the oldest held text of any tab let go first (its tab sends it again, as past MAX_HELD_CHARS).
 */
export const MAX_HELD_CHARS_ALL = 4_000_000;

interface DocEntry {
  fingerprint: string;
  ctx: DocumentContext;
  /** Texts that withheld topic words while the page was not yet about the record, by number (ScanReply.held). */
  held?: Map<number, string>;
  heldChars?: number;
  lastHeld?: number;
  /** Names this entry's texts in the worker's ledger of held texts (PageScans.#ledger). */
  uid: number;
}

/** A part of a scan request (messages.ts CsBgScan). */
export interface ScanPart {
  text: string;
  late?: boolean | undefined;
}

export class PageScans {
  /** Per tab (and frame), its documents' contexts, oldest first; a context belongs to one record. */
  readonly #tabs = new Map<string, Map<string, DocEntry>>();
  #quiet: { of: readonly string[]; set: ReadonlySet<string> } | undefined;
  /** Every held text of every tab, oldest first (`uid:id`), and their characters in all: one budget, MAX_HELD_CHARS_ALL. */
  readonly #ledger = new Map<string, { entry: DocEntry; id: number }>();
  #heldAll = 0;
  #uids = 0;
  readonly #budget: number;

  constructor(options: { heldCharsAll?: number } = {}) {
    this.#budget = options.heldCharsAll ?? MAX_HELD_CHARS_ALL;
  }

  /** Characters held across every tab (for tests). */
  get heldChars(): number {
    return this.#heldAll;
  }

  /**
   * `late`: the tab scans again a chunk that withheld topic words, now that the page is about the record; the
   * context's tail (the text before the next chunk, for context words) is left as it was.
   */
  scan(record: ScanRecord & { fingerprint: string }, tab: { tabId: number; frameId: number }, doc: string, text: string, late = false): ScanReply {
    return this.#scanIn(this.#entry(record, tab, doc), record, text, late);
  }

  /**
   * A request's parts, in order, as if each came alone (scan); besides, a text that withheld topic words is kept
   * (ScanReply.held), and once the page is about the record the texts kept are scanned again here, after the whole
   * request, and answered with the part after which it became so (ScanReply.late): the tab need not read and send
   * them again (bench:page's 500 KB page: a quarter of the text it sent was such texts, sent twice).
   */
  scanParts(record: ScanRecord & { fingerprint: string }, tab: { tabId: number; frameId: number }, doc: string, parts: readonly ScanPart[]): ScanReply[] {
    const entry = this.#entry(record, tab, doc);
    let lateAt = -1;
    const replies = parts.map((p, i) => {
      const reply = this.#scanIn(entry, record, p.text, p.late === true);
      if (reply.withheld && !reply.relevant && !p.late) reply.held = this.#hold(entry, p.text);
      if (reply.relevant && lateAt < 0 && entry.held !== undefined && entry.held.size > 0) lateAt = i;
      return reply;
    });
    if (lateAt >= 0) {
      const late: HeldAnswer[] = [];
      for (const [held, text] of entry.held!) {
        const { found, entities } = this.#scanIn(entry, record, text, true);
        late.push({ held, found, entities });
      }
      this.#release(entry);
      replies[lateAt]!.late = late;
    }
    return replies;
  }

  /** Keeps a text that withheld topic words; the oldest go past MAX_HELD_TEXTS texts or MAX_HELD_CHARS characters. */
  #hold(entry: DocEntry, text: string): number {
    const held = (entry.held ??= new Map());
    const id = (entry.lastHeld = (entry.lastHeld ?? 0) + 1);
    held.set(id, text);
    entry.heldChars = (entry.heldChars ?? 0) + text.length;
    this.#heldAll += text.length;
    this.#ledger.set(`${entry.uid}:${id}`, { entry, id });
    for (const oldest of [...held.keys()]) {
      if (held.size <= MAX_HELD_TEXTS && entry.heldChars <= MAX_HELD_CHARS) break;
      this.#drop(entry, oldest);
    }
    // Then the worker's budget: the oldest held text of any tab goes first.
    for (const { entry: e, id: oldest } of this.#ledger.values()) {
      if (this.#heldAll <= this.#budget) break;
      this.#drop(e, oldest);
    }
    return id;
  }

  #drop(entry: DocEntry, id: number): void {
    const t = entry.held?.get(id);
    this.#ledger.delete(`${entry.uid}:${id}`);
    if (t === undefined) return;
    entry.held!.delete(id);
    entry.heldChars = (entry.heldChars ?? 0) - t.length;
    this.#heldAll -= t.length;
  }

  /** Lets go every text `entry` holds (answered late, or the document or tab forgotten). */
  #release(entry: DocEntry | undefined): void {
    if (!entry?.held) return;
    for (const id of [...entry.held.keys()]) this.#drop(entry, id);
    delete entry.held;
    delete entry.heldChars;
  }

  /** Forgets a tab's document, and what it held. */
  #forgetDoc(docs: Map<string, DocEntry>, doc: string): void {
    this.#release(docs.get(doc));
    docs.delete(doc);
  }

  #entry(record: { fingerprint: string }, tab: { tabId: number; frameId: number }, doc: string): DocEntry {
    const key = `${tab.tabId}/${tab.frameId}`;
    let docs = this.#tabs.get(key);
    if (!docs) this.#tabs.set(key, (docs = new Map()));
    let entry = docs.get(doc);
    if (!entry || entry.fingerprint !== record.fingerprint) {
      this.#forgetDoc(docs, doc);
      entry = { fingerprint: record.fingerprint, ctx: createDocumentContext(), uid: ++this.#uids };
      docs.set(doc, entry);
      if (docs.size > DOCS_PER_TAB) this.#forgetDoc(docs, docs.keys().next().value!);
    }
    return entry;
  }

  #scanIn(entry: DocEntry, record: ScanRecord, text: string, late: boolean): ScanReply {
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
    this.#forgetDoc(docs, doc);
    docs.set(doc, { fingerprint: record.fingerprint, ctx, uid: ++this.#uids });
    if (docs.size > DOCS_PER_TAB) this.#forgetDoc(docs, docs.keys().next().value!);
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
    for (const [key, docs] of this.#tabs) {
      if (!key.startsWith(`${tabId}/`)) continue;
      for (const doc of [...docs.keys()]) this.#forgetDoc(docs, doc);
      this.#tabs.delete(key);
    }
  }

  /** How many documents are remembered (for tests). */
  get size(): number {
    let n = 0;
    for (const docs of this.#tabs.values()) n += docs.size;
    return n;
  }
}
