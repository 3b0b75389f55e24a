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
 * For each statement, the position recording it (or null). `mine` tells
 * positions of the user layer (ids minted with `userPrefix`).
 */
export function findRecorded(
  pageUrl: string,
  pageText: string,
  statements: readonly StatementSpan[],
  positions: readonly Position[],
  sources: readonly RecordedSource[],
  userPrefix: string,
): ({ positionId: string; mine: boolean } | null)[] {
  const page = tryNormalizePageUrl(pageUrl);
  const here = new Set(sources.filter((s) => s.url && tryNormalizePageUrl(s.url) === page).map((s) => s.id));
  const anchors = new Map<string, { start: number; end: number } | null>();
  for (const s of sources) {
    if (!here.has(s.id) || !s.anchor) continue;
    anchors.set(s.id, anchorSelectors(pageText, s.anchor));
  }
  const onPage = positions.filter((p) => anchors.get(p.source));
  const bySpeaker = new Map<string, { id: string; quote: string }[]>();
  for (const p of positions) {
    if (!p.quote) continue;
    const q = squash(p.quote);
    if (q.length < MIN_QUOTE_CHARS) continue;
    const list = bySpeaker.get(p.actor) ?? [];
    list.push({ id: p.id, quote: q });
    bySpeaker.set(p.actor, list);
  }
  const mark = (id: string) => ({ positionId: id, mine: id.startsWith(userPrefix) });
  return statements.map((st) => {
    for (const p of onPage) {
      const span = anchors.get(p.source);
      if (span && overlapShare(span, st) >= 0.5 && (st.speakerId === null || st.speakerId === p.actor || p.actor.startsWith(userPrefix))) return mark(p.id);
    }
    if (st.speakerId && st.quote) {
      const q = squash(st.quote);
      if (q.length >= MIN_QUOTE_CHARS) {
        for (const p of bySpeaker.get(st.speakerId) ?? []) if (p.quote.includes(q) || q.includes(p.quote)) return mark(p.id);
      }
    }
    return null;
  });
}
