/**
 * Words of a claim or a recorded statement, with their offsets, folded the
 * way the matcher folds (core/text: NFC, case, Latin diacritics, ё→е; Cyrillic
 * й/и and ї/і stay apart). Words are found with Unicode property RegExps, not
 * Intl.Segmenter (quadratic on long strings in Node 20), so Latin, Cyrillic
 * and Greek text all split the same way.
 */
import { foldString } from '../text/fold.ts';
import { stem } from './stem.ts';
import { STOPWORDS } from './stopwords.ts';

/** A word: a letter or digit, then letters, marks and digits, with inner apostrophes (Russia's, м'ясо). */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const APOSTROPHES = /['’ʼ]/gu;

export interface Word {
  /** The word as written. */
  text: string;
  start: number;
  end: number;
  /** Folded (case, diacritics, ё), apostrophes unified. */
  folded: string;
  /** The comparison key: the folded word's stem; null for a stopword. */
  key: string | null;
}

/** The raw words, for MiniSearch's `tokenize` option. */
export function splitWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The comparison key of one word (MiniSearch's `processTerm`): null for stopwords. */
export function termKey(word: string): string | null {
  const folded = foldString(word).replace(APOSTROPHES, "'");
  if (folded.length === 0 || STOPWORDS.has(folded)) return null;
  return stem(folded);
}

export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const folded = foldString(m[0]).replace(APOSTROPHES, "'");
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, folded, key: STOPWORDS.has(folded) ? null : stem(folded) });
  }
  return out;
}

/** The content keys of a text (stopwords dropped), in order. */
export function contentKeys(text: string): string[] {
  return words(text).flatMap((w) => (w.key === null ? [] : [w.key]));
}
