/**
 * Review 10A, RA12: "misattributed" is never suggested when a position of the named speaker takes the claim's stance
 * towards the same object, however much closer another actor's words are (Lavrov's own record is that he confirmed
 * Putin's offer of negotiations). Sentences written for this fix, not from the claims set or the reviewer's probes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../concepts/index.ts';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { createClaimChecker } from './check-claim.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const checker = createClaimChecker(corpus, compileMatcher(corpus.entities), createConceptLexicon(BUNDLED_CONCEPTS));

describe('a speaker with a stance of their own on the same object is never misattributed', () => {
  it.each([
    'Lavrov said Moscow remained open to negotiations with Kyiv.',
    'Лавров заявил, что Москва готова вести переговоры с Киевом.',
    'Лавров наголосив, що Москва й надалі відкрита до переговорів з Києвом.',
    'Lawrow sagte, Moskau sei offen für Verhandlungen mit Kiew.',
  ])('%s', (claim) => {
    const r = checker.check(claim);
    expect(r.attribution?.speakerId).toBe('sergey-lavrov');
    expect(r.suggestion.verdict).not.toBe('misattributed');
    expect(r.suggestion.evidence.positionIds).toContain('p-002-05');
  });
  it.each([
    // Controls: the speaker has no stance of their own on it, the words are another actor's.
    ['Lavrov said Ukraine had outlawed any talks with Putin.', 'misattributed'],
    ['Lavrov said Moscow would never negotiate with Kyiv.', 'misattributed'],
  ])('control: %s', (claim, verdict) => {
    expect(checker.check(claim).suggestion.verdict).toBe(verdict);
  });
  it('a claim that only names an offer takes no stance on its object ("the proposal of talks was a ruse")', () => {
    expect(checker.check('Lavrov said the Kremlin offer of talks was only a ruse to regroup its army.').suggestion.verdict).not.toBe('consistent');
  });
});
