import { toBoundaries, toNodeSlices } from './locate.ts';
import type { PageText, TextSpan } from './types.ts';

/** What building live ranges needs from a document (linkedom's Range lacks setStart/setEnd). */
export interface RangeFactory {
  createRange(): Range;
}

/** One live Range over [start, end), from its first to its last text character; null when it holds no text. */
export function toRange(pageText: PageText, start: number, end: number, doc: RangeFactory): Range | null {
  const boundaries = toBoundaries(pageText, start, end);
  if (boundaries === null) return null;
  const range = doc.createRange();
  range.setStart(boundaries.startContainer, boundaries.startOffset);
  range.setEnd(boundaries.endContainer, boundaries.endOffset);
  return range;
}

/**
 * One Range per text node that [start, end) touches, for painters that need
 * node-local pieces (wrapping in <mark>, or one CSS highlight range each).
 */
export function toRanges(pageText: PageText, start: number, end: number, doc: RangeFactory): Range[] {
  return toNodeSlices(pageText, start, end).map((slice) => {
    const range = doc.createRange();
    range.setStart(slice.node, slice.start);
    range.setEnd(slice.node, slice.end);
    return range;
  });
}

/** A Range for each mention that covers text, paired with its mention; mentions over separators only are dropped. */
export function rangesForMentions<M extends TextSpan>(
  pageText: PageText,
  mentions: readonly M[],
  doc: RangeFactory,
): Array<{ mention: M; range: Range }> {
  const found: Array<{ mention: M; range: Range }> = [];
  for (const mention of mentions) {
    const range = toRange(pageText, mention.start, mention.end, doc);
    if (range !== null) found.push({ mention, range });
  }
  return found;
}
