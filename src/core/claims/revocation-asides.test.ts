/**
 * Review 8, M2: a revocation is found past an aside about the act (a relative clause, a comma-bounded participle or
 * zu-infinitive, a parenthetical "Kyiv said"), in en, ru, uk and de; and a German compound headed by an act noun
 * ("Gesprächsangebot") is that act, so declaring it void unmakes the offer. The negative probes keep clause breaks,
 * negations and relative clauses whose own verb is the predicate from reaching the act.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../concepts/index.ts';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { createClaimChecker } from './check-claim.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const lexicon = createConceptLexicon(BUNDLED_CONCEPTS);
const checker = createClaimChecker(corpus, compileMatcher(corpus.entities), lexicon);
const offers = (text: string, lang: string) => lexicon.find(text, lang).filter((h) => h.conceptId === 'proposal').map((h) => h.sign);

describe('a revocation past an aside about the act contradicts the offer on record', () => {
  it.each([
    'Lavrov said the offer of negotiations that Putin made was withdrawn.',
    'Lavrov said Putin’s offer of negotiations, made in March, was withdrawn.',
    'Lavrov said Putin’s offer of negotiations, Kyiv said, was withdrawn.',
    'Лавров заявил, что предложение Путина о переговорах, сделанное в марте, отозвано.',
    'Лавров заявил, что предложение о переговорах, которое Путин сделал в марте, было отозвано.',
    'Лавров заявив, що пропозицію Путіна про переговори, яку він зробив у березні, відкликано.',
    'Lawrow sagte, Putin habe sein Angebot, mit der Ukraine zu verhandeln, zurückgezogen.',
    'Lawrow sagte, Putin zog sein Angebot, mit der Ukraine zu verhandeln, zurück.',
    'Lawrow sagte, das Angebot, das Putin im März gemacht habe, sei zurückgezogen worden.',
    'Lawrow erklärte Putins Gesprächsangebot an die Ukraine für hinfällig.',
  ])('%s', (text) => {
    const r = checker.check(text);
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.polarity?.conceptId).toBe('proposal');
  });
});

describe('an aside carries no revocation across a clause break or a negation', () => {
  it.each([
    'Lavrov said Putin offered negotiations, which the West ignored, after the sanctions were dropped.',
    'Lavrov said Putin made an offer of negotiations that would stand until the sanctions were dropped.',
    'Lavrov said Putin offered negotiations, Kyiv refused, and the old plan was dropped.',
    'Лавров заявил, что Путин предложил переговоры, а старый план, принятый в марте, утратил силу.',
    'Лавров заявив, що Путін запропонував переговори, а старий план, ухвалений у березні, втратив чинність.',
    'Lawrow sagte, Putin habe Verhandlungen angeboten, nachdem die Sanktionen, die im März verhängt wurden, aufgehoben wurden.',
    'Lawrow sagte, Putin habe sein Angebot, mit der Ukraine zu verhandeln, nicht zurückgezogen.',
    'Lavrov said Putin’s offer of negotiations, made in March, was not withdrawn.',
    'Лавров заявил, что предложение Путина о переговорах, сделанное в марте, не отозвано.',
    'Lawrow sagte, Russland zog, nachdem es Verhandlungen angeboten hatte, die Truppen zurück.',
    'Lawrow bestätigte das Gesprächsangebot, das Putin der Ukraine gemacht hatte.',
  ])('%s stays consistent', (text) => expect(checker.check(text).suggestion.verdict).toBe('consistent'));

  it('leaves the offer standing when the relative clause’s own verb revokes, or the act is a verb', () => {
    expect(offers('Putin’s offer of negotiations that Kyiv has abandoned still stands.', 'en')).toEqual([1]);
    expect(offers('Putin offered negotiations that Kyiv has abandoned.', 'en')).toEqual([1]);
    expect(offers('Putin proposed talks that the West had dropped.', 'en')).toEqual([1]);
  });

  it('reads a German compound headed by an act noun as that act, negated with it', () => {
    expect(offers('Putin bekräftigte sein Gesprächsangebot.', 'de')).toEqual([1]);
    expect(offers('Putin erklärte sein Verhandlungsangebot für hinfällig.', 'de')).toEqual([-1]);
    expect(offers('Putin ist gesprächsbereit.', 'de')).toEqual([]);
  });
});
