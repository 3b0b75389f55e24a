import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../concepts/index.ts';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { createClaimChecker } from './check-claim.ts';
import { reversedContrast } from './contrast.ts';
import { placesOf, textFeatures } from './judge.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const matcher = compileMatcher(corpus.entities);
const lexicon = createConceptLexicon(BUNDLED_CONCEPTS);
const features = (text: string, lang: string) => textFeatures([text], { lexicon, matcher, places: placesOf(corpus), lang });

describe('contrasts', () => {
  it('finds what a text affirms and what it sets aside, in each language, either way round', () => {
    expect(features('Moscow is fighting Ukraine, not the West.', 'en').contrasts).toEqual([{ affirmed: ['p:ukraine'], denied: ['c:collective-west'] }]);
    expect(features('Russia is at war ‘not with Ukraine,’ but with the ‘collective West’', 'en').contrasts[0]!.denied).toEqual(['p:ukraine']);
    expect(features('Россия воюет не с Украиной, а с коллективным Западом.', 'ru').contrasts[0]!.denied).toEqual(['p:ukraine']);
    expect(features('Росія воює з Україною, а не з колективним Заходом.', 'uk').contrasts[0]!.affirmed).toEqual(['p:ukraine']);
    expect(features('Die Vermittler sollten nicht Kiew, sondern Moskau überzeugen.', 'de').contrasts).toEqual([{ affirmed: ['p:moscow'], denied: ['p:kyiv'] }]);
    expect(features('Mediators should convince Kyiv to withdraw.', 'en').contrasts).toEqual([]);
  });

  it('is reversed when the record affirms what the claim sets aside and not what it affirms', () => {
    const claim = features('Mediators should press Moscow, not Kyiv, to give up the territories.', 'en').contrasts;
    expect(reversedContrast(claim, features('Mediators should convince Kyiv to give up the territories.', 'en'))).toBe('p:kyiv');
    expect(reversedContrast(claim, features('Mediators should press Moscow to give up the territories.', 'en'))).toBeNull();
    expect(reversedContrast(claim, features('Mediators should press Moscow, not Kyiv.', 'en'))).toBeNull();
  });

  it('makes a reversed contrast a contradiction of the speaker’s own words', () => {
    const checker = createClaimChecker(corpus, matcher, lexicon);
    const r = checker.check('Polishchuk said would-be mediators ought to persuade Moscow, not Kyiv, to pull its troops out.');
    expect(r.attribution?.speakerId).toBe('alexei-polishchuk');
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.positionIds).toContain('p-000-04');
    const same = checker.check('Polishchuk said would-be mediators ought to persuade Kyiv to pull its troops out.');
    expect(same.suggestion.verdict).toBe('consistent');
  });
});
