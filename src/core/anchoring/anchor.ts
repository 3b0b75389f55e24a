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
/** Minimum weighted score for an approximate match, so a near-quote in an unrelated context stays an orphan. */
export const MIN_FUZZY_SCORE = 0.6;
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

function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  return Math.max(0, 1 - editDistance(expected, actual) / expected.length);
}

/** The weighted score of the candidate span [start, end) whose quote differs by `quoteErrors` edits. */
export function scoreCandidate(text: string, selectors: Selectors, start: number, end: number, quoteErrors: number): number {
  const { quote, position } = selectors;
  const quoteSim = Math.max(0, 1 - quoteErrors / Math.max(1, quote.exact.length));
  const prefixSim = similarity(quote.prefix, text.slice(Math.max(0, start - quote.prefix.length), start));
  const suffixSim = similarity(quote.suffix, text.slice(end, end + quote.suffix.length));
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
    return approxSearch(text, exact, Math.floor(exact.length * MAX_ERROR_RATE), MAX_FUZZY_CANDIDATES);
  }
  // Long quote: search head and tail; keep pairs whose distance matches the quote's length.
  const part = MAX_FUZZY_QUOTE / 2;
  const budget = Math.floor(part * MAX_ERROR_RATE);
  const heads = approxSearch(text, exact.slice(0, part), budget, MAX_FUZZY_CANDIDATES);
  const tails = approxSearch(text, exact.slice(-part), budget, MAX_FUZZY_CANDIDATES);
  const slack = Math.floor(exact.length * MAX_ERROR_RATE);
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

/** Where the selectors point in `text` today, or null when the highlight cannot be placed (an orphan). */
export function anchorSelectors(text: string, selectors: Selectors): Anchor | null {
  if (selectors.quote.exact.length === 0) return null;
  return byPosition(text, selectors) ?? byQuote(text, selectors) ?? byFuzzy(text, selectors);
}
