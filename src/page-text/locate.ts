import type { NodeSlice, PageText, RangeBoundaries, TextPosition, TextSegment } from './types.ts';

/**
 * Which way an offset that falls on a separator (or a node edge) snaps:
 * 'forward' to the next text (for the start of a span), 'backward' to the
 * previous text (for its end), so a span never begins or ends on a separator.
 */
export type Bias = 'forward' | 'backward';

/** Index of the first segment ending after `offset`, or segments.length. */
function firstEndingAfter(segments: readonly TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((segments[mid] as TextSegment).end > offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Index of the last segment starting before `offset`, or -1. */
function lastStartingBefore(segments: readonly TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((segments[mid] as TextSegment).start < offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/**
 * The DOM position of a string offset, by binary search. With 'forward' it is
 * the character at `offset` (or the next text after a separator); with
 * 'backward' it is the point just after the character at `offset - 1`.
 * Null when no text lies in that direction.
 */
export function locate(pageText: PageText, offset: number, bias: Bias = 'forward'): TextPosition | null {
  const { segments } = pageText;
  if (bias === 'forward') {
    const segment = segments[firstEndingAfter(segments, offset)];
    if (segment === undefined) return null;
    return { node: segment.node, offset: Math.max(0, offset - segment.start) };
  }
  const segment = segments[lastStartingBefore(segments, offset)];
  if (segment === undefined) return null;
  return { node: segment.node, offset: Math.min(offset, segment.end) - segment.start };
}

/** The pieces of text nodes that span [start, end) covers, in document order; separators are left out. */
export function toNodeSlices(pageText: PageText, start: number, end: number): NodeSlice[] {
  const { segments } = pageText;
  const slices: NodeSlice[] = [];
  for (let i = firstEndingAfter(segments, start); i < segments.length; i++) {
    const segment = segments[i] as TextSegment;
    if (segment.start >= end) break;
    slices.push({
      node: segment.node,
      start: Math.max(start, segment.start) - segment.start,
      end: Math.min(end, segment.end) - segment.start,
    });
  }
  return slices;
}

/**
 * One range from the first to the last text character of [start, end), even
 * across several text nodes and separators. Null when the span holds no text.
 */
export function toBoundaries(pageText: PageText, start: number, end: number): RangeBoundaries | null {
  const { segments } = pageText;
  const first = segments[firstEndingAfter(segments, start)];
  const last = segments[lastStartingBefore(segments, end)];
  // No text at all, or the span holds only a separator (the two snapped past each other).
  if (start >= end || first === undefined || last === undefined || first.start >= end) return null;
  return {
    startContainer: first.node,
    startOffset: Math.max(0, start - first.start),
    endContainer: last.node,
    endOffset: Math.min(end, last.end) - last.start,
  };
}

/**
 * True when [start, end) includes a synthetic separator, i.e. crosses a block
 * or table-cell boundary. Inline markup (`Dmitry <b>Peskov</b>`) does not
 * count. Matchers can use it to refuse names split across paragraphs.
 */
export function crossesSeparator(pageText: PageText, start: number, end: number): boolean {
  const { segments } = pageText;
  let position = start;
  for (let i = firstEndingAfter(segments, start); position < end; i++) {
    const segment = segments[i];
    if (segment === undefined || segment.start > position) return true;
    position = segment.end;
  }
  return false;
}
