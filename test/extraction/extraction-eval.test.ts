/**
 * The statement finder against the hand-annotated extraction set
 * (test/extraction-set, issue 12), on both splits, as BBC's citron reports:
 * statements found (content overlap ≥ half of each span and the right
 * speaker), direct quotes, per language, and each span type by exact and
 * overlap match. Tuned on the dev split only.
 *
 * The targets (test split: P ≥ 0.90, R ≥ 0.80; direct P ≥ 0.95,
 * R ≥ 0.92; each language ≥ 0.85 / 0.70) are NOT met yet: `npm run
 * eval:extraction` prints the figures and exits 1 below them. This test
 * keeps what has been reached from slipping back: it fails when a figure
 * drops below the floor measured when it was written (docs/extraction.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/core/corpus/schema.ts';
import { createStatementFinder } from '../../src/core/statements/index.ts';
import { loadBlindBatch, loadExtractionSet } from '../extraction-set/load.ts';
import { evaluate, formatReport } from './evaluate.ts';
import { precision, recall } from './score.ts';

const corpus = JSON.parse(readFileSync(fileURLToPath(new URL('../../corpus/seed.json', import.meta.url)), 'utf8')) as Corpus;

/** Measured floors (both splits), a little under the figures in docs/extraction.md: a regression guard, not the targets. */
// Session 6: the set grew by a blind batch (12 documents, 208 statements; test 3 documents, 54 statements), measured
// blind at dev 0.827/0.745 (direct 0.884/0.818), test 0.758/0.624 (direct 0.784/0.711): the floors follow the grown set.
// Session 9: raised under the figures measured at its end (dev 0.912/0.844, direct 0.974/0.915; test 0.835/0.695,
// direct 0.932/0.813).
// Session 10: raised under the figures measured at its end (dev 0.921/0.854, direct 0.981/0.935; test 0.838/0.711,
// direct 0.933/0.833).
const FLOORS = {
  dev: { p: 0.91, r: 0.84, directP: 0.97, directR: 0.92 },
  test: { p: 0.83, r: 0.7, directP: 0.92, directR: 0.82 },
};

describe('statement extraction set', () => {
  const docs = loadExtractionSet();
  const { reports } = evaluate(createStatementFinder({ entities: corpus.entities }), docs);

  it('has both splits', () => {
    expect(reports.dev.docs).toBeGreaterThan(0);
    expect(reports.test.docs).toBeGreaterThan(0);
  });

  // Session 11's blind batch (test/extraction-set/blind11, all test, never tuned on), scored by the lead only: at 4119b48
  // and at 3107b89 the same, P 0.819 (158/193) R 0.725 (158/218), direct 0.907/0.810. Held as a floor.
  it('blind batch blind11 stays above its measured floor', () => {
    const r = evaluate(createStatementFinder({ entities: corpus.entities }), loadBlindBatch('blind11')).reports.test;
    console.log(formatReport('blind11', r));
    expect(precision(r.all)).toBeGreaterThanOrEqual(0.81);
    expect(recall(r.all)).toBeGreaterThanOrEqual(0.72);
    expect(precision(r.direct)).toBeGreaterThanOrEqual(0.9);
    expect(recall(r.direct)).toBeGreaterThanOrEqual(0.8);
  });

  for (const split of ['dev', 'test'] as const) {
    it(`${split} split stays above its measured floor`, () => {
      const r = reports[split];
      console.log(formatReport(split, r));
      const f = FLOORS[split];
      expect(precision(r.all)).toBeGreaterThanOrEqual(f.p);
      expect(recall(r.all)).toBeGreaterThanOrEqual(f.r);
      expect(precision(r.direct)).toBeGreaterThanOrEqual(f.directP);
      expect(recall(r.direct)).toBeGreaterThanOrEqual(f.directR);
    });
  }
});
