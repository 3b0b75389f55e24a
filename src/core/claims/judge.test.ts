import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../concepts/index.ts';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { buildFeatureIndex, FEATURE_WEIGHT, featureKind } from './judge.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const index = buildFeatureIndex(corpus, createConceptLexicon(BUNDLED_CONCEPTS), compileMatcher(corpus.entities));

describe('the feature index keeps postings, not every position’s features', () => {
  it('holds each position under exactly the features it has, with their weights, and its mass summed from them', () => {
    const fromPostings = corpus.positions.map(() => new Map<string, number>());
    for (const [key, { ids, weights }] of index.postings) {
      expect([...ids]).toEqual([...ids].sort((a, b) => a - b));
      ids.forEach((i, j) => fromPostings[i]!.set(key, weights[j]!));
    }
    corpus.positions.forEach((_, i) => {
      const own = index.featuresOf(i).weights;
      expect(new Map([...fromPostings[i]!].sort())).toEqual(new Map([...own].sort()));
      let mass = 0;
      for (const [k, w] of own) mass += w * index.idf(k) * FEATURE_WEIGHT[featureKind(k)];
      expect(index.mass[i]).toBe(mass);
    });
    expect(index.postings.size).toBeGreaterThan(100);
  });

  it('computes a position’s features again on demand, the same each time', () => {
    const a = index.featuresOf(3);
    expect(index.featuresOf(3)).toBe(a);
    expect(a.weights.size).toBeGreaterThan(0);
  });
});
