/** Saving where a highlight is and finding it again: DOM-free, on the page-text string. */
export type { Anchor, AnchorMethod, Selectors, TextPositionSpan, TextQuote } from './types.ts';
export { CONTEXT_CHARS, describeSpan } from './describe.ts';
export {
  anchorSelectors,
  scoreCandidate,
  MAX_ERROR_RATE,
  MIN_FUZZY_SCORE,
  POSITION_WEIGHT,
  PREFIX_WEIGHT,
  QUOTE_WEIGHT,
  SUFFIX_WEIGHT,
} from './anchor.ts';
export { approxSearch, editDistance, matchEnds, matchStart, type ApproxMatch } from './approx-search.ts';
export { isTrackingParam, normalizePageUrl, tryNormalizePageUrl, TRACKING_PARAMS } from './page-url.ts';
