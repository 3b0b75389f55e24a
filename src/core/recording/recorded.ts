/**
 * Which statements of a page the record already holds, so they are shown as
 * such and not offered twice: a position whose source is this page and whose
 * passage, found again on today's text by its selectors, overlaps the
 * statement by half; or a position of the same speaker whose quote the
 * statement repeats (the seed articles, a corpus built from the same story).
 */
import { anchorSelectors } from '../anchoring/anchor.ts';
import { tryNormalizePageUrl } from '../anchoring/page-url.ts';
import type { Selectors } from '../anchoring/types.ts';
import type { Position, Source } from '../corpus/schema.ts';
import { foldString } from '../text/fold.ts';

export interface RecordedSource extends Pick<Source, 'id' | 'url'> {
  anchor?: Selectors;
}

export interface StatementSpan {
  start: number;
  end: number;
  speakerId: string | null;
  quote: string | null;
}

/** The shorter span's share covered by the other. */
export function overlapShare(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (shared <= 0) return 0;
  return shared / Math.min(a.end - a.start, b.end - b.start);
}

/** Quotes shorter than this (after folding) say too little to call two statements the same. */
const MIN_QUOTE_CHARS = 16;

function squash(s: string): string {
  return foldString(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The record prepared for the "already in your record" test: its sources by
 * page address (each address normalised once), its positions by source, its
 * quotes by speaker (each squashed once). Built once for a request (a list of
 * page statements, a review queue's state or decision), then looked up for
 * every page or article of it: the work no longer grows with the record times
 * the number of pages asked about.
 */
export interface RecordedIndex {
  readonly pages: Map<string, RecordedSource[]>;
  readonly bySource: Map<string, { order: number; position: Position }[]>;
  readonly bySpeaker: Map<string, { id: string; quote: string }[]>;
  /** Statements recorded after the index was built (a bulk acceptance): page address → spans in that page's text. */
  readonly noted: Map<string, { start: number; end: number; actor: string; id: string }[]>;
  /**
   * An index this one is laid over (review 10B RB3): the record's corpora, indexed once and kept while they stay
   * the same, under a small index of the user layer built per request. Lookups read both, the base first.
   */
  readonly base?: RecordedIndex;
}

function addQuote(index: RecordedIndex, actor: string, id: string, quote: string | undefined | null): void {
  if (!quote) return;
  const q = squash(quote);
  if (q.length < MIN_QUOTE_CHARS) return;
  const list = index.bySpeaker.get(actor) ?? [];
  list.push({ id, quote: q });
  index.bySpeaker.set(actor, list);
}

/**
 * `over`: an index these positions are laid over (their order counts after all of its positions, as when both
 * were one list). The base is read, never changed: statements noted later go to the index returned.
 */
export function indexRecorded(positions: readonly Position[], sources: readonly RecordedSource[], over?: { base: RecordedIndex; basePositions: number }): RecordedIndex {
  const index: RecordedIndex = { pages: new Map(), bySource: new Map(), bySpeaker: new Map(), noted: new Map(), ...(over ? { base: over.base } : {}) };
  const first = over?.basePositions ?? 0;
  const withUrl = new Set<string>();
  for (const s of sources) {
    if (!s.url) continue;
    const page = tryNormalizePageUrl(s.url);
    if (!page) continue;
    const list = index.pages.get(page) ?? [];
    list.push(s);
    index.pages.set(page, list);
    withUrl.add(s.id);
  }
  positions.forEach((p, n) => {
    // A position of this index whose source the base holds (a corpus the review queue wrote into) is listed too.
    if (withUrl.has(p.source) || over?.base.bySource.has(p.source)) {
      const list = index.bySource.get(p.source) ?? [];
      list.push({ order: first + n, position: p });
      index.bySource.set(p.source, list);
    }
    addQuote(index, p.actor, p.id, p.quote);
  });
  return index;
}

/**
 * Adds a statement recorded since the index was built: its span in the text of the page at `pageUrl` (the
 * text it is looked up in later), its speaker and quote. Later statements of the same request are compared
 * with it as with the record.
 */
export function noteRecorded(index: RecordedIndex, pageUrl: string, span: { start: number; end: number }, actor: string, id: string, quote?: string | null): void {
  const page = tryNormalizePageUrl(pageUrl);
  if (page) {
    const list = index.noted.get(page) ?? [];
    list.push({ start: span.start, end: span.end, actor, id });
    index.noted.set(page, list);
  }
  addQuote(index, actor, id, quote);
}

/**
 * For each statement, the position recording it (or null). `mine` tells
 * positions of the user layer (ids minted with `userPrefix`).
 */
export function findRecordedIn(
  index: RecordedIndex,
  pageUrl: string,
  pageText: string,
  statements: readonly StatementSpan[],
  userPrefix: string,
): ({ positionId: string; mine: boolean } | null)[] {
  const page = tryNormalizePageUrl(pageUrl);
  const layers = index.base ? [index.base, index] : [index];
  const onPage: { order: number; actor: string; id: string; span: { start: number; end: number } }[] = [];
  const seen = new Set<string>();
  for (const layer of layers) {
    for (const s of (page && layer.pages.get(page)) || []) {
      if (!s.anchor) continue;
      const span = anchorSelectors(pageText, s.anchor);
      if (!span) continue;
      // A source's positions may sit in either layer (a source the base holds, a position recorded into it since).
      for (const held of layers) {
        for (const { order, position } of held.bySource.get(s.id) ?? []) {
          if (seen.has(position.id)) continue;
          seen.add(position.id);
          onPage.push({ order, actor: position.actor, id: position.id, span });
        }
      }
    }
  }
  onPage.sort((a, b) => a.order - b.order);
  for (const layer of layers) for (const n of (page && layer.noted.get(page)) || []) onPage.push({ order: Infinity, actor: n.actor, id: n.id, span: n });
  const mark = (id: string) => ({ positionId: id, mine: id.startsWith(userPrefix) });
  return statements.map((st) => {
    for (const p of onPage) {
      if (overlapShare(p.span, st) >= 0.5 && (st.speakerId === null || st.speakerId === p.actor || p.actor.startsWith(userPrefix))) return mark(p.id);
    }
    if (st.speakerId && st.quote) {
      const q = squash(st.quote);
      if (q.length >= MIN_QUOTE_CHARS) {
        for (const layer of layers) for (const p of layer.bySpeaker.get(st.speakerId) ?? []) if (p.quote.includes(q) || q.includes(p.quote)) return mark(p.id);
      }
    }
    return null;
  });
}

/** findRecordedIn for one request: indexes `positions` and `sources` and looks the statements up. */
export function findRecorded(
  pageUrl: string,
  pageText: string,
  statements: readonly StatementSpan[],
  positions: readonly Position[],
  sources: readonly RecordedSource[],
  userPrefix: string,
): ({ positionId: string; mine: boolean } | null)[] {
  return findRecordedIn(indexRecorded(positions, sources), pageUrl, pageText, statements, userPrefix);
}
