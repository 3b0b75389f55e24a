import type { NodeSlice, PageText, RangeBoundaries, TextPosition, TextSegment } from './types.ts';

/**
 * Which way an offset that falls on a separator (or a node edge) snaps:
 * 'forward' to the next text (for the start of a span), 'backward' to the
 * previous text (for its end), so a span never begins or ends on a separator.
 */
export type Bias = 'forward' | 'backward';

/** The page text's spans as objects, one per text node (for tests and callers off the hot path). */
export function segmentsOf(pageText: PageText): TextSegment[] {
  const { nodes, starts, ends } = pageText;
  return nodes.map((node, i) => ({ start: starts[i]!, end: ends[i]!, node }));
}

/** Page text of nothing. */
export function emptyPageText(): PageText {
  return { text: '', nodes: [], starts: [], ends: [] };
}

/** Index of the first span ending after `offset`, or the number of spans. */
function firstEndingAfter(ends: readonly number[], offset: number): number {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ends[mid]! > offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Index of the last span starting before `offset`, or -1. */
function lastStartingBefore(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (starts[mid]! < offset) low = mid + 1;
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
  const { nodes, starts, ends } = pageText;
  if (bias === 'forward') {
    const i = firstEndingAfter(ends, offset);
    if (i >= nodes.length) return null;
    return { node: nodes[i]!, offset: Math.max(0, offset - starts[i]!) };
  }
  const i = lastStartingBefore(starts, offset);
  if (i < 0) return null;
  return { node: nodes[i]!, offset: Math.min(offset, ends[i]!) - starts[i]! };
}

/** The pieces of text nodes that span [start, end) covers, in document order; separators are left out. */
export function toNodeSlices(pageText: PageText, start: number, end: number): NodeSlice[] {
  const { nodes, starts, ends } = pageText;
  const slices: NodeSlice[] = [];
  for (let i = firstEndingAfter(ends, start); i < nodes.length; i++) {
    const from = starts[i]!;
    if (from >= end) break;
    slices.push({ node: nodes[i]!, start: Math.max(start, from) - from, end: Math.min(end, ends[i]!) - from });
  }
  return slices;
}

/** The text nodes that span [start, end) touches, in document order (toNodeSlices' nodes, without the slices). */
export function nodesOf(pageText: PageText, start: number, end: number): Text[] {
  const { nodes, starts, ends } = pageText;
  const out: Text[] = [];
  for (let i = firstEndingAfter(ends, start); i < nodes.length && starts[i]! < end; i++) out.push(nodes[i]!);
  return out;
}

/**
 * One range from the first to the last text character of [start, end), even
 * across several text nodes and separators. Null when the span holds no text.
 */
export function toBoundaries(pageText: PageText, start: number, end: number): RangeBoundaries | null {
  const { nodes, starts, ends } = pageText;
  const first = firstEndingAfter(ends, start);
  const last = lastStartingBefore(starts, end);
  // No text at all, or the span holds only a separator (the two snapped past each other).
  if (start >= end || first >= nodes.length || last < 0 || starts[first]! >= end) return null;
  return {
    startContainer: nodes[first]!,
    startOffset: Math.max(0, start - starts[first]!),
    endContainer: nodes[last]!,
    endOffset: Math.min(end, ends[last]!) - starts[last]!,
  };
}

/**
 * True when [start, end) includes a synthetic separator, i.e. crosses a block
 * or table-cell boundary. Inline markup (`Dmitry <b>Peskov</b>`) does not
 * count. Matchers can use it to refuse names split across paragraphs.
 */
export function crossesSeparator(pageText: PageText, start: number, end: number): boolean {
  const { starts, ends } = pageText;
  let position = start;
  for (let i = firstEndingAfter(ends, start); position < end; i++) {
    if (i >= starts.length || starts[i]! > position) return true;
    position = ends[i]!;
  }
  return false;
}
