/**
 * The claim checker on the claims evaluation set (test/claims-set, written
 * before tuning by another engineer): both splits printed on every run.
 * Thresholds and concepts were tuned on the dev split only. The floors here
 * guard against regressions at the figures reached (docs/claims.md); issue
 * 11's targets on the test split are checked by `npm run eval:claims`
 * (targets.eval.ts), which does not pass yet.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClaimChecker } from '../../src/core/claims/index.ts';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../../src/core/concepts/index.ts';
import { parseCorpusShape } from '../../src/core/corpus/schema.ts';
import { compileMatcher } from '../../src/core/match/index.ts';
import { loadClaims } from '../claims-set/load.ts';
import { groupSummaries, summary } from './score.ts';

/**
 * Regression floors, a little under the figures reached: dev, the test split of c001–c220 (as scored before session
 * 5), and the whole test split (with the claims appended in session 5, written before tuning).
 */
const FLOORS = {
  'dev c001–c332': { recallAt5: 0.95, mrr: 0.94, verdictRight: 0.93, crossLanguageRecallAt5: 0.94 },
  'test c001–c220': { recallAt5: 0.94, mrr: 0.88, verdictRight: 0.81, crossLanguageRecallAt5: 0.9 },
  'test c001–c268': { recallAt5: 0.92, mrr: 0.88, verdictRight: 0.78, crossLanguageRecallAt5: 0.87 },
  'test c001–c332': { recallAt5: 0.92, mrr: 0.88, verdictRight: 0.78, crossLanguageRecallAt5: 0.87 },
  // Session 9's contradicts set (c333–c380): dev half 13/36 before the session's changes, 31/36 after; its untuned test
  // quarter 4/12 before, 5/12 after (measured once, held as a floor).
  'dev c333–380': { recallAt5: 0.95, mrr: 0.88, verdictRight: 0.83, crossLanguageRecallAt5: 0.95 },
  'test c333–380': { recallAt5: 0.8, mrr: 0.8, verdictRight: 0.4, crossLanguageRecallAt5: 0.85 },
  // Session 10's blind set (c381–c428, written by a separate writer who read neither the checker's design nor its code):
  // scored by the lead only, before the session's changes and at its end — the same figures both times (dev 29/36, test
  // 9/12). Held as floors. Session 11 tunes on its dev half (now tuning material; its test half stays untouched): b7a4edf
  // made c394 right (contradicts) but ranks p-003-03 above its relevant p-003-01, so dev MRR went 0.983 -> 0.967 while
  // dev verdicts went up (measured by the lead; the MRR floor follows, 0.98 -> 0.96).
  'dev c381–428': { recallAt5: 0.96, mrr: 0.96, verdictRight: 0.8, crossLanguageRecallAt5: 0.95 },
  'test c381–428': { recallAt5: 0.9, mrr: 0.9, verdictRight: 0.75, crossLanguageRecallAt5: 0.875 },
  // Session 11's blind set (c429–c476, written by a separate writer who read neither the checker's design nor its code):
  // scored by the lead only, at 4119b48 before the session's changes and at 3107b89 with everything merged — the same
  // figures both times (dev 30/36, test 9/12; wrong 'misattributed' 0/28). Held as floors.
  'dev c429–476': { recallAt5: 0.93, mrr: 0.94, verdictRight: 0.83, crossLanguageRecallAt5: 0.92 },
  'test c429–476': { recallAt5: 0.95, mrr: 0.95, verdictRight: 0.75, crossLanguageRecallAt5: 0.92 },
} as const;

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../corpus/seed.json', import.meta.url), 'utf8')));
const checker = createClaimChecker(corpus, compileMatcher(corpus.entities), createConceptLexicon(BUNDLED_CONCEPTS));
const claims = loadClaims();

describe('claims evaluation set', () => {
  it('reports both splits and stays at or above the figures reached', () => {
    const groups = groupSummaries(checker, claims);
    console.log(`claims set\n${groups.map((g) => `  ${summary(g.scores, g.name)}`).join('\n')}`);
    for (const [name, f] of Object.entries(FLOORS)) {
      const s = groups.find((g) => g.name === name)!.scores;
      expect(s.recallAt5, `${name} recall@5`).toBeGreaterThanOrEqual(f.recallAt5);
      expect(s.mrr, `${name} MRR`).toBeGreaterThanOrEqual(f.mrr);
      expect(s.verdictRight, `${name} verdict right`).toBeGreaterThanOrEqual(f.verdictRight);
      expect(s.crossLanguageRecallAt5, `${name} cross-language recall@5`).toBeGreaterThanOrEqual(f.crossLanguageRecallAt5);
    }
  });
});
