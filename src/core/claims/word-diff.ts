/**
 * A word-level diff between a claim's wording and a recorded wording, by
 * longest common subsequence over comparison keys (folded, stemmed), so
 * "negotiations"/"negotiate" and "Kiev"/"kiev" count as the same word while
 * the display keeps each side's own spelling. Stopwords take part: "must" vs
 * "should" is exactly the kind of difference a moderator needs to see.
 */
import { stem } from './stem.ts';
import { words, type Word } from './tokenize.ts';

/** Longest wording compared word by word; beyond it the DP table (n×m) would cost more than a check is worth. */
export const MAX_DIFF_WORDS = 400;

export interface DiffWord {
  text: string;
  /** What follows the word up to the next one (spaces, punctuation), for display. */
  after: string;
  /** Whether the other side has this word at the matching place. */
  same: boolean;
}

export interface WordDiff {
  claim: DiffWord[];
  record: DiffWord[];
  /** Words in common, as a share of the longer side (0..1). */
  overlap: number;
}

function keyOf(w: { folded: string }): string {
  return stem(w.folded);
}

/** Length table of the LCS of a and b, filled from the end: table[i][j] = LCS(a[i..], b[j..]). */
function lcsTable(a: readonly string[], b: readonly string[]): Uint16Array[] {
  const rows: Uint16Array[] = [];
  for (let i = 0; i <= a.length; i++) rows.push(new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    const next = rows[i + 1]!;
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? next[j + 1]! + 1 : Math.max(next[j]!, row[j + 1]!);
    }
  }
  return rows;
}

/** Marks, for each word of a and of b, whether it belongs to one longest common subsequence. */
export function lcsMarks(a: readonly string[], b: readonly string[]): { inA: boolean[]; inB: boolean[]; length: number } {
  const table = lcsTable(a, b);
  const inA = a.map(() => false);
  const inB = b.map(() => false);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inA[i] = true;
      inB[j] = true;
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) {
      i++;
    } else {
      j++;
    }
  }
  return { inA, inB, length: table[0]![0]! };
}

function gapAfter(text: string, list: readonly Word[], i: number): string {
  const next = list[i + 1];
  return text.slice(list[i]!.end, next ? next.start : text.length);
}

export function diffWords(claim: string, record: string): WordDiff {
  const a = words(claim).slice(0, MAX_DIFF_WORDS);
  const b = words(record).slice(0, MAX_DIFF_WORDS);
  const { inA, inB, length } = lcsMarks(a.map(keyOf), b.map(keyOf));
  const longer = Math.max(a.length, b.length);
  return {
    claim: a.map((w, i) => ({ text: w.text, after: gapAfter(claim, a, i), same: inA[i]! })),
    record: b.map((w, i) => ({ text: w.text, after: gapAfter(record, b, i), same: inB[i]! })),
    overlap: longer === 0 ? 0 : length / longer,
  };
}
