/**
 * Search quality on the seed corpus: claims written like news copy
 * (claims.json), each with the positions that should come back. Reports
 * recall@5 and MRR over the main result list and fails below the floors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpusShape } from '../../src/core/corpus/schema.ts';
import { compileMatcher } from '../../src/core/match/index.ts';
import { createClaimChecker } from '../../src/core/claims/index.ts';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../../src/core/concepts/index.ts';

/** Floors from the moderators' issue: most expected positions in the first five, the first one usually on top. */
const MIN_RECALL_AT_5 = 0.9;
const MIN_MRR = 0.7;
const CUTOFF = 5;

interface RelevanceClaim {
  id: string;
  claim: string;
  expected: string[];
}

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../corpus/seed.json', import.meta.url), 'utf8')));
const { claims } = JSON.parse(readFileSync(new URL('./claims.json', import.meta.url), 'utf8')) as { claims: RelevanceClaim[] };

describe('relevance set', () => {
  it('has at least 25 claims whose expected positions exist', () => {
    const ids = new Set(corpus.positions.map((p) => p.id));
    expect(claims.length).toBeGreaterThanOrEqual(25);
    for (const c of claims) {
      expect(c.expected.length, c.id).toBeGreaterThan(0);
      for (const id of c.expected) expect(ids.has(id), `${c.id}: ${id}`).toBe(true);
    }
  });

  it('does not copy the record: no claim repeats a quote or paraphrase of six words or more', () => {
    const wordsOf = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
    const shingles = new Set<string>();
    for (const p of corpus.positions) {
      for (const text of [p.quote, p.paraphrase]) {
        const w = wordsOf(text ?? '');
        for (let i = 0; i + 6 <= w.length; i++) shingles.add(w.slice(i, i + 6).join(' '));
      }
    }
    for (const c of claims) {
      const w = wordsOf(c.claim);
      for (let i = 0; i + 6 <= w.length; i++) expect(shingles.has(w.slice(i, i + 6).join(' ')), `${c.id} copies "${w.slice(i, i + 6).join(' ')}"`).toBe(false);
    }
  });

  it(`reaches recall@${CUTOFF} >= ${MIN_RECALL_AT_5} and MRR >= ${MIN_MRR}`, () => {
    const checker = createClaimChecker(corpus, compileMatcher(corpus.entities), createConceptLexicon(BUNDLED_CONCEPTS));
    let recallSum = 0;
    let rrSum = 0;
    const misses: string[] = [];
    for (const c of claims) {
      const ranked = checker.check(c.claim).results.map((r) => r.positionId);
      const top = ranked.slice(0, CUTOFF);
      const found = c.expected.filter((id) => top.includes(id)).length;
      recallSum += found / c.expected.length;
      const first = ranked.findIndex((id) => c.expected.includes(id));
      rrSum += first === -1 ? 0 : 1 / (first + 1);
      if (found < c.expected.length || first !== 0) misses.push(`${c.id}: expected ${c.expected.join(',')} got ${top.join(',')}`);
    }
    const recall = recallSum / claims.length;
    const mrr = rrSum / claims.length;
    console.log(`relevance: ${claims.length} claims, recall@${CUTOFF} = ${recall.toFixed(3)}, MRR = ${mrr.toFixed(3)}${misses.length ? `\n  not perfect:\n  ${misses.join('\n  ')}` : ''}`);
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL_AT_5);
    expect(mrr).toBeGreaterThanOrEqual(MIN_MRR);
  });
});
