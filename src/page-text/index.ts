/**
 * The page-text layer: a document's visible text as one string, mapped back
 * to its text nodes. DOM-API only, so the content script passes the live page
 * and the CLI passes a linkedom document (with `computeStyle: false`).
 */
export { extractChildrenUpTo, extractText, isSkippedNode, type TextPart } from './extract-text.ts';
export { locate, toNodeSlices, toBoundaries, crossesSeparator, nodesOf, segmentsOf, emptyPageText, type Bias } from './locate.ts';
export { isTextRendered } from './visibility.ts';
export { toRange, toRanges, rangesForMentions, type RangeFactory } from './ranges.ts';
export { UI_ATTRIBUTE, BLOCK_SEPARATOR, CELL_SEPARATOR, SKIPPED_TAGS } from './element-rules.ts';
export type {
  ExtractOptions,
  NodeSlice,
  PageText,
  RangeBoundaries,
  TextPosition,
  TextSegment,
  TextSpan,
} from './types.ts';
