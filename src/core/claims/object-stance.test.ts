/**
 * Review 10A, RA6/RA7: an acceptance or readiness stance is compared per object. "Ready for a dialogue, but not for
 * surrender" agrees with a refusal of capitulation; "endorsed the ban on talks" agrees with a refusal of talks. A
 * contradiction needs the same object with the opposite stance. Sentences written for this fix (none from the claims
 * set, none a position's words; the reviewer's probes are in /work/coord, not here).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../concepts/index.ts';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { createClaimChecker } from './check-claim.ts';
import { placesOf, textFeatures } from './judge.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const lexicon = createConceptLexicon(BUNDLED_CONCEPTS);
const matcher = compileMatcher(corpus.entities);
const checker = createClaimChecker(corpus, matcher, lexicon);
const objects = (text: string, lang: string) => Object.fromEntries(textFeatures([text], { lexicon, matcher, places: placesOf(corpus), lang }).objects ?? []);

describe('what an acceptance or readiness stance is taken towards', () => {
  it('gives the object the sign of its governing words, a negator counted once', () => {
    expect(objects('we are ready for a dialogue, but we will not be ready for a surrender', 'en')).toMatchObject({ negotiations: 1, surrender: -1 });
    expect(objects('на капитуляцию страна никогда не согласится', 'ru')).toMatchObject({ surrender: -1 });
    expect(objects('до капітуляції країна не готова', 'uk')).toMatchObject({ surrender: -1 });
    expect(objects('auf eine Kapitulation werde man sich nie einlassen', 'de')).toMatchObject({ surrender: -1 });
  });
  it('reads a ban or a rejected offer as a refusal of what it bans or offers', () => {
    expect(objects('he backed the council decision to outlaw all talks with the Kremlin', 'en')).toMatchObject({ negotiations: -1 });
    expect(objects('Kyiv rejected the offer of talks', 'en')).toMatchObject({ negotiations: -1 });
    expect(objects('Москва наотрез отвергает переговоры', 'ru')).toMatchObject({ negotiations: -1 });
  });
  it('leaves a preposition-like stance word and an evaluative pair alone ("peace against neutrality", "a smokescreen")', () => {
    expect(objects('Moskau bot der Ukraine Frieden gegen Neutralität an', 'de')).toMatchObject({ peace: 1, neutrality: 1 });
    expect(objects('he was not ready to accept any talks', 'en')).toMatchObject({ negotiations: -1 });
    expect(objects('they dismissed the proposal as a smokescreen', 'en')).not.toHaveProperty('genuine-offer');
  });
});

describe('verdicts: the same object with the opposite stance, and only that, contradicts', () => {
  it.each([
    'Zelensky insisted that Kyiv will never accept a capitulation.',
    'Зеленский подчеркнул, что Украина не примет капитуляцию.',
    'Зеленський наголосив, що Україна не прийме капітуляції.',
    'Selenskyj betonte, einer Kapitulation werde die Ukraine niemals zustimmen.',
    'Zelensky refused to hold talks with Putin.',
    'Зеленский отказался от любых переговоров с Путиным.',
    'Зеленський відмовився від будь-яких переговорів з Путіним.',
    'Selenskyj lehnte Verhandlungen mit Putin ab.',
  ])('a refusal that the record shares is no contradiction: %s', (claim) => {
    expect(checker.check(claim).suggestion.verdict).toBe('consistent');
  });
  it.each([
    'Zelensky said Ukraine was ready to accept capitulation.',
    'Зеленский заявил, что Украина готова к капитуляции.',
    'Зеленський заявив, що Україна готова до капітуляції.',
    'Selenskyj sagte, er sei zur Kapitulation bereit.',
  ])('accepting what the speaker refused still contradicts: %s', (claim) => {
    const r = checker.check(claim);
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.polarity?.conceptId).toBe('surrender');
  });
});
