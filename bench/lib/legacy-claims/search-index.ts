/**
 * Full-text search over what the record holds for each position: the quote,
 * the paraphrase and the neutral stance. MiniSearch scores with BM25+; our
 * tokenizer and stemmer (tokenize.ts) replace its defaults so Cyrillic words,
 * folded diacritics and stems behave the same in the index and in the query.
 */
import MiniSearch from 'minisearch';
import type { Position } from '../../../src/core/corpus/schema.ts';
import { splitWords, termKey } from '../../../src/core/claims/tokenize.ts';

/**
 * Field boosts. The quote is the actor's own words and the thing a claim most
 * often echoes; the paraphrase is near-verbatim; the stance is our neutral
 * summary, useful for recall but written in our words, not theirs.
 */
export const FIELD_BOOST = { quote: 2, paraphrase: 1.5, stance: 1 } as const;
/** Terms this long or longer also match words they begin (withdraw → withdrawn). Shorter prefixes match too much. */
export const PREFIX_MIN_LENGTH = 4;
/** Terms this long or longer match with typos: up to FUZZY_RATIO of their length in edits (Zelenskiy/Zelensky). */
export const FUZZY_MIN_LENGTH = 5;
export const FUZZY_RATIO = 0.2;
/** Prefix and fuzzy hits count for less than exact ones, so a precise word outranks a near one. */
export const PREFIX_WEIGHT = 0.5;
export const FUZZY_WEIGHT = 0.35;

interface Doc {
  id: string;
  quote: string;
  paraphrase: string;
  stance: string;
}

export interface TextHit {
  positionId: string;
  /** BM25 score from MiniSearch (unbounded, comparable only within one query). */
  score: number;
  /** The query's content terms that matched this position. */
  matchedTerms: string[];
}

export interface ClaimSearchIndex {
  search(text: string): TextHit[];
  /** The query's content terms, as the index sees them (stems, stopwords dropped). */
  terms(text: string): string[];
}

export function buildSearchIndex(positions: readonly Position[]): ClaimSearchIndex {
  const mini = new MiniSearch<Doc>({
    fields: ['quote', 'paraphrase', 'stance'],
    tokenize: splitWords,
    processTerm: termKey,
    searchOptions: {
      boost: { ...FIELD_BOOST },
      prefix: (term) => term.length >= PREFIX_MIN_LENGTH,
      fuzzy: (term) => (term.length >= FUZZY_MIN_LENGTH ? FUZZY_RATIO : false),
      weights: { prefix: PREFIX_WEIGHT, fuzzy: FUZZY_WEIGHT },
      combineWith: 'OR',
    },
  });
  mini.addAll(positions.map((p) => ({ id: p.id, quote: p.quote ?? '', paraphrase: p.paraphrase ?? '', stance: p.stance })));
  const terms = (text: string): string[] => [...new Set(splitWords(text).flatMap((w) => termKey(w) ?? []))];
  return {
    terms,
    search(text) {
      if (terms(text).length === 0) return [];
      return mini.search(text).map((r) => ({
        positionId: String(r.id),
        score: r.score,
        matchedTerms: [...new Set(r.queryTerms)],
      }));
    },
  };
}
