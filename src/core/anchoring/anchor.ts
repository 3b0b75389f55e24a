/**
 * Finds a saved highlight again in today's page text, by a chain of ever more
 * tolerant steps: the saved offsets (the page is unchanged), then the exact
 * quote with its context (text moved), then an approximate search (the quote
 * or its surroundings were edited). None of the steps mutates anything; a
 * null result means "orphan", never "delete".
 */
import { approxSearch, editDistance } from './approx-search.ts';
import type { Anchor, Selectors } from './types.ts';

/*
 * Scoring weights. A candidate's score is the weighted mean of four
 * similarities in 0..1. The quote dominates: it is what the reader marked.
 * Prefix and suffix each weigh less than half of it, enough to choose between
 * repeats of a phrase (recall on pages that repeat headlines) without letting
 * a perfect context drag a wrong quote in (precision). Position only breaks
 * ties between otherwise equal candidates: pages grow and shrink above the
 * highlight, so offsets drift, and a large weight would punish that drift.
 */
/** The marked text itself. */
export const QUOTE_WEIGHT = 50;
/** The context just before the quote. */
export const PREFIX_WEIGHT = 20;
/** The context just after the quote. */
export const SUFFIX_WEIGHT = 20;
/** Closeness to the saved offset: a tie-breaker only. */
export const POSITION_WEIGHT = 2;

/**
 * Edits tolerated in the quote, as a share of its length. A quarter lets a
 * sentence survive a corrected typo, a changed word or a rewritten date,
 * while a paragraph that was removed cannot be "found" in a different one.
 */
export const MAX_ERROR_RATE = 0.25;
/**
 * Minimum weighted score for an approximate match. A quote edited in place
 * keeps its context and scores above 0.9; one edited with one side of its
 * context still scores about 0.85. Templated sentences ("X is currently
 * streaming on Hulu") reach a similar quote in the wrong place, but their
 * context disagrees and they land near 0.75: those stay orphans.
 */
export const MIN_FUZZY_SCORE = 0.8;
/** Similarity credited to a context that is only whitespace (the start of a block): no evidence either way. */
export const BLANK_CONTEXT_SIMILARITY = 0.5;
/** Exact occurrences examined: repeated boilerplate ("Read more") can occur hundreds of times. */
export const MAX_CANDIDATES = 50;
/** Distinct approximate occurrences examined: each costs a small edit-distance table. */
export const MAX_FUZZY_CANDIDATES = 10;
/**
 * Longest quote searched approximately. Past this, the head and the tail of
 * the quote are searched instead and must agree; the search cost grows with
 * the quote length and long selections rarely survive edits intact anyway.
 */
export const MAX_FUZZY_QUOTE = 1_000;

const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

const collapse = (s: string) => s.replace(/\s+/g, ' ');

/** How alike two contexts are, 0..1, with whitespace runs counted as one space (layout, not content). */
function contextSimilarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  const e = collapse(expected);
  if (e.trim() === '') return BLANK_CONTEXT_SIMILARITY;
  return Math.max(0, 1 - editDistance(e, collapse(actual)) / e.length);
}

/**
 * The characters of a quote that carry meaning. Errors are counted against
 * these, not the whole length: whitespace is layout (indentation in the HTML
 * source, line breaks between blocks), and a quote that is mostly spaces
 * would otherwise "match" any other stretch of spaces on the page.
 */
export function significantLength(s: string): number {
  let n = 0;
  for (const ch of s) if (!/\s/.test(ch)) n++;
  return Math.max(1, n);
}

/** The weighted score of the candidate span [start, end) whose quote differs by `quoteErrors` edits. */
export function scoreCandidate(text: string, selectors: Selectors, start: number, end: number, quoteErrors: number): number {
  const { quote, position } = selectors;
  const quoteSim = Math.max(0, 1 - quoteErrors / significantLength(quote.exact));
  const prefixSim = contextSimilarity(quote.prefix, text.slice(Math.max(0, start - quote.prefix.length), start));
  const suffixSim = contextSimilarity(quote.suffix, text.slice(end, end + quote.suffix.length));
  const positionSim = text.length === 0 ? 1 : 1 - Math.min(1, Math.abs(start - position.start) / text.length);
  return (QUOTE_WEIGHT * quoteSim + PREFIX_WEIGHT * prefixSim + SUFFIX_WEIGHT * suffixSim + POSITION_WEIGHT * positionSim) / TOTAL_WEIGHT;
}

function byPosition(text: string, s: Selectors): Anchor | null {
  const { start, end } = s.position;
  if (end > text.length || text.slice(start, end) !== s.quote.exact) return null;
  return { start, end, method: 'position', score: scoreCandidate(text, s, start, end, 0) };
}

function byQuote(text: string, s: Selectors): Anchor | null {
  const { exact } = s.quote;
  let best: Anchor | null = null;
  let seen = 0;
  for (let at = text.indexOf(exact); at >= 0 && seen < MAX_CANDIDATES; at = text.indexOf(exact, at + 1), seen++) {
    const score = scoreCandidate(text, s, at, at + exact.length, 0);
    if (!best || score > best.score) best = { start: at, end: at + exact.length, method: 'quote', score };
  }
  return best;
}

function fuzzyCandidates(text: string, exact: string): Array<{ start: number; end: number; errors: number }> {
  if (exact.length <= MAX_FUZZY_QUOTE) {
    return approxSearch(text, exact, Math.floor(significantLength(exact) * MAX_ERROR_RATE), MAX_FUZZY_CANDIDATES);
  }
  // Long quote: search head and tail; keep pairs whose distance matches the quote's length.
  const part = MAX_FUZZY_QUOTE / 2;
  const head = exact.slice(0, part);
  const tail = exact.slice(-part);
  const heads = approxSearch(text, head, Math.floor(significantLength(head) * MAX_ERROR_RATE), MAX_FUZZY_CANDIDATES);
  const tails = approxSearch(text, tail, Math.floor(significantLength(tail) * MAX_ERROR_RATE), MAX_FUZZY_CANDIDATES);
  const slack = Math.floor(significantLength(exact) * MAX_ERROR_RATE);
  const out: Array<{ start: number; end: number; errors: number }> = [];
  for (const h of heads) {
    for (const t of tails) {
      const length = t.end - h.start;
      if (t.start < h.end || Math.abs(length - exact.length) > slack) continue;
      // The middle is not compared; count the length difference as its edits.
      out.push({ start: h.start, end: t.end, errors: h.errors + t.errors + Math.abs(length - exact.length) });
    }
  }
  return out;
}

function byFuzzy(text: string, s: Selectors): Anchor | null {
  let best: Anchor | null = null;
  for (const c of fuzzyCandidates(text, s.quote.exact)) {
    const score = scoreCandidate(text, s, c.start, c.end, c.errors);
    if (score >= MIN_FUZZY_SCORE && (!best || score > best.score)) best = { start: c.start, end: c.end, method: 'fuzzy', score };
  }
  return best;
}

/**
 * An exact quote whose context agrees this well is taken without looking
 * further. Below it, the quote may be a copy elsewhere on the page (a
 * repeated caption, a pull quote) while the marked passage itself was
 * edited, so the approximate search runs too and the better score wins.
 */
export const SURE_QUOTE_SCORE = 0.999;

/** Where the selectors point in `text` today, or null when the highlight cannot be placed (an orphan). */
export function anchorSelectors(text: string, selectors: Selectors): Anchor | null {
  if (selectors.quote.exact.length === 0) return null;
  const placed = byPosition(text, selectors);
  if (placed) return placed;
  const exact = byQuote(text, selectors);
  if (exact && exact.score >= SURE_QUOTE_SCORE) return exact;
  const fuzzy = byFuzzy(text, selectors);
  if (!exact) return fuzzy;
  return fuzzy && fuzzy.score > exact.score ? fuzzy : exact;
}
