/**
 * What a revoking predicate and a negative quantifier reach (concepts/lexicon.ts revocations, withoutExceptedNegatives),
 * judged on whole claims against the seed record in en, ru, uk, de. The first three blocks are reviewer 7's findings
 * 3–5; the last two are probes written with the fix: consistent claims that must stay consistent, and true revocations and
 * denials that must still contradict.
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
const verdict = (text: string) => checker.check(text).suggestion.verdict;
/** The offer ("proposal") of a text, as the lexicon reads it: negated or not. */
const offerNegated = (text: string, lang: string) => lexicon.find(text, lang).filter((h) => h.conceptId === 'proposal').map((h) => h.negated);

describe('a revoking predicate unmakes only the act it governs (finding 3)', () => {
  it.each([
    // A revoking predicate of another subject, past a clause break.
    'Lavrov said Putin offered negotiations with Ukraine after the sanctions were dropped.',
    'Lavrov said Putin offered negotiations, and the use of force is off the table.',
    'Lavrov said Putin offered negotiations, and the old plan is dead.',
    'Лавров заявил, что Путин предложил переговоры, а старый план утратил силу.',
    'Lawrow sagte, Putin habe Verhandlungen angeboten, nachdem die Sanktionen aufgehoben wurden.',
    'Lawrow sagte, Putin biete Gespräche an, die alten Forderungen seien hinfällig.',
    // A bare "declared" revokes nothing.
    'Lavrov said Russia declared a ceasefire and offered negotiations with Ukraine.',
  ])('%s stays consistent', (text) => expect(verdict(text)).toBe('consistent'));
});

describe('a negated revocation is no revocation (finding 4)', () => {
  it.each([
    'Лавров заявил, что предложение Путина о переговорах не отозвано.',
    'Лавров заявив, що пропозицію Путіна про переговори не відкликано.',
    'Lawrow sagte, Putins Angebot von Verhandlungen sei nicht zurückgezogen worden.',
    'Lavrov said Putin had not withdrawn his offer of negotiations with Ukraine.',
  ])('%s stays consistent', (text) => expect(verdict(text)).toBe('consistent'));
});

describe('a negative quantifier with an exception or a comparison does not deny its clause (finding 5)', () => {
  it.each([
    'Peskov said no other country has done as much as Russia to offer negotiations to Ukraine.',
    'Peskow sagte, niemand anders als Putin habe der Ukraine Verhandlungen angeboten.',
  ])('%s stays consistent', (text) => expect(verdict(text)).toBe('consistent'));

  it('"no country but Turkey has offered to mediate" is said of Turkey, not denied: misattributed to Lavrov, not a contradiction', () => {
    expect(verdict('Lavrov said no country but Turkey has offered to mediate between Moscow and Kyiv.')).toBe('misattributed');
  });
});

describe('probes: consistent claims stay consistent', () => {
  it.each([
    'Лавров заявив, що Путін запропонував переговори, а старий план втратив чинність.',
    'Lavrov said Putin has not formally withdrawn his offer of negotiations with Ukraine.',
    'Lavrov said Putin’s offer of negotiations with Ukraine is not off the table.',
    'Lawrow sagte, Putin habe sein Angebot von Verhandlungen mit der Ukraine nicht zurückgezogen.',
    'Lawrow sagte, Putin zog sein Angebot nicht zurück, mit der Ukraine zu verhandeln.',
    'Лавров заявил, что предложение Путина о переговорах с Украиной никогда не было отозвано.',
    'Лавров заявив, що пропозицію Путіна про переговори з Україною не скасовано.',
    'Лавров заявил, что никто, кроме Путина, не предлагал Украине переговоры.',
    'Лавров заявив, що ніхто, крім Путіна, не пропонував Україні переговори.',
    'Peskov said no country except Russia has offered negotiations to Ukraine.',
    'Peskow sagte, kein Land außer Russland biete der Ukraine Verhandlungen an.',
    'Peskow sagte, kein Land sei so bereit zu Verhandlungen wie Russland.',
    'Lavrov said Putin offered negotiations with Ukraine while Kyiv abandoned the talks.',
  ])('%s', (text) => expect(verdict(text)).toBe('consistent'));
});

describe('probes: true revocations and denials still contradict', () => {
  it.each([
    'Lawrow sagte, Putin zog sein Angebot von Verhandlungen mit der Ukraine zurück.',
    'Lavrov said Putin’s offer of negotiations with Ukraine is off the table.',
    'Lavrov said Russia withdrew its offer of negotiations with Ukraine after the talks in Istanbul.',
    'Lawrow sagte, Russland habe das Angebot von Verhandlungen an die Ukraine zurückgezogen.',
    'Лавров заявил, что Путин отозвал предложение о переговорах с Украиной.',
    'Лавров заявив, що Путін відкликав пропозицію про переговори з Україною.',
    'Polishchuk said no country has offered to mediate between Moscow and Kyiv, but Turkey is considering it.',
    'Полищук заявил, что ни одна страна не предложила посредничество между Москвой и Киевом.',
    'Поліщук заявив, що жодна країна не запропонувала посередництво між Москвою і Києвом.',
    'Polischtschuk sagte, kein Land habe angeboten, zwischen Moskau und Kiew zu vermitteln.',
    // Review 8: idioms with "as … as" and a concessive "сколько бы" compare nothing; the denial stands.
    'Polishchuk said no country has offered to mediate between Moscow and Kyiv as far as he knows.',
    'Полищук заявил, что ни одна страна не предложила посредничество между Москвой и Киевом, сколько бы ни говорили.',
  ])('%s', (text) => {
    const r = checker.check(text);
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.polarity?.conceptId).toBe('proposal');
  });

  it('reads "declared the offer void" as a revocation, a split German negation as none', () => {
    expect(offerNegated('Putin declared his offer of negotiations void.', 'en')).toEqual([true]);
    expect(offerNegated('Russia declared a ceasefire and offered negotiations.', 'en')).toEqual([false]);
    expect(offerNegated('Putin zog sein Angebot nie zurück.', 'de')).toEqual([false]);
    expect(offerNegated('Putin zog sein Angebot von Verhandlungen mit der Ukraine zurück.', 'de')).toEqual([true]);
  });
});
