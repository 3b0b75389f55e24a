/**
 * Issue 11's targets on the untuned test split of the claims evaluation set
 * (test/claims-set). Run with `npm run eval:claims`. It FAILS today (see
 * docs/claims.md for the figures): it is kept out of `npm test` so CI stays
 * green while the gap is open, and the regression floors in
 * claims-eval.test.ts run in `npm test` instead.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClaimChecker } from '../../src/core/claims/index.ts';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../../src/core/concepts/index.ts';
import { parseCorpusShape } from '../../src/core/corpus/schema.ts';
import { compileMatcher } from '../../src/core/match/index.ts';
import { loadClaims } from '../claims-set/load.ts';
import { groupSummaries, summary } from './score.ts';

/** Issue 11's targets on the untuned split. */
export const TARGETS = {
  recallAt5: 0.92,
  mrr: 0.8,
  verdictRight: 0.85,
  contradicts: 0.8,
  misattributed: 0.8,
  wrongMisattributed: 0.02,
  crossLanguageRecallAt5: 0.85,
} as const;

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../corpus/seed.json', import.meta.url), 'utf8')));
const checker = createClaimChecker(corpus, compileMatcher(corpus.entities), createConceptLexicon(BUNDLED_CONCEPTS));
const claims = loadClaims();

describe('claims evaluation set', () => {
  it('reports the dev split (tuned on) and meets the targets on the test split (never tuned on)', () => {
    const groups = groupSummaries(checker, claims);
    console.log(`claims set\n${groups.map((g) => `  ${summary(g.scores, g.name)}`).join('\n')}`);
    const test = groups.find((g) => g.name === 'test')!.scores;
    expect(test.n).toBeGreaterThan(0);
    const rate = (v: 'contradicts' | 'misattributed') => test.byVerdict[v].right / Math.max(1, test.byVerdict[v].n);
    const failures: string[] = [];
    const need = (name: string, value: number, ok: boolean, target: number) => {
      if (!ok) failures.push(`${name} ${value.toFixed(3)} (target ${target})`);
    };
    need('recall@5', test.recallAt5, test.recallAt5 >= TARGETS.recallAt5, TARGETS.recallAt5);
    need('MRR', test.mrr, test.mrr >= TARGETS.mrr, TARGETS.mrr);
    need('verdict right', test.verdictRight, test.verdictRight >= TARGETS.verdictRight, TARGETS.verdictRight);
    need('contradicts right', rate('contradicts'), rate('contradicts') >= TARGETS.contradicts, TARGETS.contradicts);
    need('misattributed right', rate('misattributed'), rate('misattributed') >= TARGETS.misattributed, TARGETS.misattributed);
    const wrong = test.wrongMisattributed.wrong / Math.max(1, test.wrongMisattributed.n);
    need('misattributed wrongly', wrong, wrong <= TARGETS.wrongMisattributed, TARGETS.wrongMisattributed);
    need('cross-language recall@5', test.crossLanguageRecallAt5, test.crossLanguageRecallAt5 >= TARGETS.crossLanguageRecallAt5, TARGETS.crossLanguageRecallAt5);
    expect(failures, `test split below issue 11's targets: ${failures.join('; ')}`).toEqual([]);
  });
});
