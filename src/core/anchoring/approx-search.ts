/**
 * Approximate string search: every place where `pattern` occurs in `text`
 * with at most `maxErrors` edits (insertions, deletions, substitutions).
 *
 * Myers' bit-parallel algorithm (J. ACM 1999) tracks one column of the edit
 * distance table as bit vectors of vertical +1/-1 deltas, 32 rows per word,
 * so a text of n characters costs n × ⌈m/32⌉ word steps whatever the error
 * budget. Patterns longer than 32 characters use one word per 32 rows, and
 * each word hands its bottom row's horizontal delta to the next ("blocks").
 */

import { editDistance } from '../text/edit-distance.ts';

export { editDistance };
export interface ApproxMatch {
  /** Half-open span of `text` that matches with `errors` edits. */
  readonly start: number;
  readonly end: number;
  readonly errors: number;
}

const WORD = 32;

/** Per pattern character, its bit in each block; characters absent from the pattern match nowhere. */
function patternMasks(pattern: string, blocks: number): Map<number, Int32Array> {
  const masks = new Map<number, Int32Array>();
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    let mask = masks.get(code);
    if (!mask) masks.set(code, (mask = new Int32Array(blocks)));
    const block = (i / WORD) | 0;
    mask[block] = (mask[block] ?? 0) | (1 << (i % WORD));
  }
  return masks;
}

/**
 * For each end position, the fewest edits with which the pattern matches a
 * substring of `text` ending there; returns the ends (exclusive) whose cost is
 * at most `maxErrors` and lower than or equal to both neighbours.
 */
export function matchEnds(text: string, pattern: string, maxErrors: number): Array<{ end: number; errors: number }> {
  const m = pattern.length;
  if (m === 0) return [];
  const blocks = Math.ceil(m / WORD);
  const masks = patternMasks(pattern, blocks);
  const zero = new Int32Array(blocks);
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  const lastBit = 1 << ((m - 1) % WORD);
  let score = m;
  const scores = new Int32Array(text.length);
  for (let j = 0; j < text.length; j++) {
    const eqs = masks.get(text.charCodeAt(j)) ?? zero;
    // Search mode: the top row is all zeros, so no horizontal delta enters the first block.
    let carry = 0;
    for (let b = 0; b < blocks; b++) {
      let eq = eqs[b]!;
      const pvb = pv[b]!;
      const mvb = mv[b]!;
      const xv = eq | mvb;
      if (carry < 0) eq |= 1;
      const xh = (((eq & pvb) + pvb) ^ pvb) | eq;
      let ph = mvb | ~(xh | pvb);
      let mh = pvb & xh;
      const high = b === blocks - 1 ? lastBit : 1 << 31;
      const out = ph & high ? 1 : mh & high ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      carry = out;
    }
    score += carry;
    scores[j] = score;
  }
  const ends: Array<{ end: number; errors: number }> = [];
  for (let j = 0; j < text.length; j++) {
    const s = scores[j]!;
    if (s > maxErrors) continue;
    const before = j > 0 ? scores[j - 1]! : Infinity;
    const after = j + 1 < text.length ? scores[j + 1]! : Infinity;
    if (s <= before && s <= after) ends.push({ end: j + 1, errors: s });
  }
  return ends;
}

/**
 * Where the best alignment of `pattern` ending exactly at `end` starts: a
 * small edit-distance table over the window the match can occupy, read
 * backwards from `end`. Ties go to the length closest to the pattern's.
 */
export function matchStart(text: string, pattern: string, end: number, maxErrors: number): { start: number; errors: number } {
  const m = pattern.length;
  const width = Math.min(end, m + maxErrors);
  // row[j]: edits to align the last i pattern characters with the last j window characters.
  let prev = new Int32Array(width + 1);
  let row = new Int32Array(width + 1);
  for (let j = 0; j <= width; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    row[0] = i;
    const pc = pattern.charCodeAt(m - i);
    for (let j = 1; j <= width; j++) {
      const sub = prev[j - 1]! + (text.charCodeAt(end - j) === pc ? 0 : 1);
      row[j] = Math.min(sub, prev[j]! + 1, row[j - 1]! + 1);
    }
    [prev, row] = [row, prev];
  }
  let best = 0;
  for (let j = 1; j <= width; j++) {
    const better = prev[j]! < prev[best]! || (prev[j] === prev[best] && Math.abs(j - m) < Math.abs(best - m));
    if (better) best = j;
  }
  return { start: end - best, errors: prev[best]! };
}

/**
 * Approximate occurrences, best (fewest errors) first, at most `limit` of
 * them. Ends closer than half the pattern to a better one are the same
 * occurrence seen with a character more or less, and are skipped.
 */
export function approxSearch(text: string, pattern: string, maxErrors: number, limit = 10): ApproxMatch[] {
  const ends = matchEnds(text, pattern, maxErrors);
  ends.sort((a, b) => a.errors - b.errors || a.end - b.end);
  const picked: number[] = [];
  const near = Math.max(1, pattern.length >> 1);
  for (const { end } of ends) {
    if (picked.length >= limit) break;
    if (!picked.some((p) => Math.abs(p - end) < near)) picked.push(end);
  }
  const out: ApproxMatch[] = [];
  for (const end of picked) {
    const { start, errors } = matchStart(text, pattern, end, maxErrors);
    out.push({ start, end, errors });
  }
  return out;
}
