/**
 * Who does what to whom (roles.ts): a claim that has the record's concept done by the other side contradicts it, with
 * the two actors in the evidence; coordinated agents, places after a preposition, adverbs and German object-first
 * order give no reversal. Probes in en, ru, uk and de against the seed record.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../concepts/index.ts';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { createClaimChecker } from './check-claim.ts';
import { placesOf, textFeatures } from './judge.ts';
import { reversedRoles, sideLookup } from './roles.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const lexicon = createConceptLexicon(BUNDLED_CONCEPTS);
const matcher = compileMatcher(corpus.entities);
const checker = createClaimChecker(corpus, matcher, lexicon);
const places = placesOf(corpus);
const sideOf = sideLookup(corpus);
const roles = (text: string, lang: string) => {
  const f = textFeatures([text], { lexicon, matcher, places, sideOf, lang });
  return Object.fromEntries([...(f.roles ?? [])].map(([axis, sides]) => [axis, [...sides.values()]]));
};

describe('the agent of a concept', () => {
  it('is the actor right before it, a possessive, or a genitive after a noun', () => {
    expect(roles('Mediators should persuade Kyiv to withdraw its troops.', 'en')).toMatchObject({ withdrawal: ['kyiv'] });
    expect(roles('Talks depend on Moscow being willing to listen.', 'en')).toMatchObject({ acceptance: ['moscow'] });
    expect(roles('Talks need the willingness of the United States to listen.', 'en')).toMatchObject({ acceptance: ['united-states'] });
    expect(roles('Нужна готовность Москвы к переговорам.', 'ru')).toMatchObject({ acceptance: ['moscow'] });
    expect(roles('Посередники мають переконати Москву вивести війська.', 'uk')).toMatchObject({ withdrawal: ['moscow'] });
    expect(roles('Die Vermittler sollten Kiew zum Abzug seiner Truppen bewegen.', 'de')).toMatchObject({ withdrawal: ['kyiv'] });
  });

  it('is both sides when coordinated, and none behind a preposition or for an adverb or a thing', () => {
    expect(new Set(roles('Putin said Russia and Ukraine were ready to negotiate.', 'en')['readiness-to-negotiate'])).toEqual(new Set(['russia', 'ukraine']));
    expect(roles('Solange Russland in der Ukraine Verbrechen begehe, gibt es keine Gespräche.', 'de')['war-crimes']).toBeUndefined();
    expect(roles('Kiew habe Moskau stets ein Zusammenleben vorgeschlagen.', 'de').always).toBeUndefined();
    expect(roles('He spoke about the talks in Istanbul.', 'en')).toEqual({});
    // A dative after a verb is to whom, not a genitive agent.
    expect(roles('никто не предлагал Украине переговоры', 'ru').proposal).toBeUndefined();
    expect(roles('ніхто не пропонував Україні переговори', 'uk').proposal).toBeUndefined();
  });

  it('reverses only when the other agent is named on one side', () => {
    const f = (text: string) => textFeatures([text], { lexicon, matcher, places, sideOf, lang: 'en' });
    expect(reversedRoles(f('persuade Moscow to withdraw from Ukraine'), f('persuade Kyiv to withdraw, said Russia'))).toMatchObject({ conceptId: 'withdrawal', claim: 'moscow', record: 'kyiv' });
    expect(reversedRoles(f('persuade Moscow to withdraw'), f('persuade Kyiv to withdraw'))).toBeNull();
  });
});

describe('the subject of a verb of wanting or demanding is not the doer of the act it wants (review8a A1)', () => {
  it('"of X", "by X", a genitive or a nationality on the act\'s object names the doer', () => {
    const doers = (text: string, lang: string) => roles(text, lang).withdrawal ?? [];
    expect(doers('Ukraine demands withdrawal of all Russian troops.', 'en')).not.toContain('ukraine');
    expect(doers('Украина требует вывода всех российских войск.', 'ru')).not.toContain('ukraine');
    expect(doers('Україна вимагає виведення всіх російських військ.', 'uk')).not.toContain('ukraine');
    expect(doers('Die Ukraine fordert den Abzug aller russischen Truppen.', 'de')).not.toContain('ukraine');
    expect(doers('Moscow wants withdrawal of Kyiv troops from the annexed territories.', 'en')).toEqual(['kyiv']);
    expect(doers('Moscow demands the withdrawal of troops by Kyiv from the annexed territories.', 'en')).not.toContain('moscow');
    expect(doers('Ukraine demands withdrawal.', 'en')).toEqual([]);
  });
  it('but wanting an infinitive keeps the subject as the doer', () => {
    expect(roles('Moscow wants to withdraw its troops.', 'en')).toMatchObject({ withdrawal: ['moscow'] });
    expect(roles('Moscow offered to withdraw its troops.', 'en')).toMatchObject({ withdrawal: ['moscow'] });
    expect(roles('Москва хочет вывести войска.', 'ru')).toMatchObject({ withdrawal: ['moscow'] });
  });
});

describe('a claim that wants what the record has done agrees with it (review8a A1)', () => {
  it.each([
    'Polishchuk said Moscow wants withdrawal of Kyiv troops from the annexed territories.',
    'Polishchuk said Moscow demands the withdrawal of troops by Kyiv from the annexed territories.',
  ])('%s', (text) => {
    const r = checker.check(text);
    expect([r.suggestion.verdict, r.suggestion.evidence.reason]).not.toEqual(['contradicts', 'roles-reversed']);
  });
});

describe('a claim with the roles swapped contradicts the record', () => {
  it.each([
    ['Peskov said talks depend above all on Moscow being willing to hear out Washington’s position.', 'p-002-14'],
    ['Peskov said talks need above all Russia’s willingness to listen to Washington.', 'p-002-14'],
    ['Polishchuk said mediators should persuade Moscow to withdraw its troops.', 'p-000-04'],
    ['Полищук заявил, что посредники должны убедить Москву вывести войска.', 'p-000-04'],
    ['Песков заявил, что для переговоров нужна прежде всего готовность Москвы выслушать позицию Вашингтона.', 'p-002-14'],
    ['Поліщук заявив, що посередники мають переконати Москву вивести війська.', 'p-000-04'],
    ['Пєсков заявив, що для переговорів потрібна насамперед готовність Москви вислухати позицію Вашингтона.', 'p-002-14'],
    ['Polischtschuk sagte, die Vermittler sollten Moskau zum Abzug seiner Truppen bewegen.', 'p-000-04'],
  ])('%s', (text, positionId) => {
    const r = checker.check(text);
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.reason).toBe('roles-reversed');
    expect(r.suggestion.evidence.positionIds).toEqual([positionId]);
    const roles = r.suggestion.evidence.roles!;
    expect(r.labels[roles.claim]).toBeTruthy();
    expect(r.labels[roles.record]).toBeTruthy();
  });
});

describe('the same roles stay consistent', () => {
  it.each([
    'Polishchuk said mediators should persuade Kyiv to withdraw its troops.',
    'Полищук заявил, что посредники должны убедить Киев вывести войска.',
    'Поліщук заявив, що посередники мають переконати Київ вивести війська.',
    'Polischtschuk sagte, die Vermittler sollten Kiew zum Abzug seiner Truppen bewegen.',
    'Peskov said talks need above all Washington’s willingness to listen to Moscow.',
    'Песков заявил, что для переговоров нужна прежде всего готовность Вашингтона выслушать позицию Москвы.',
    'Peskow sagte, für Gespräche brauche es vor allem die Bereitschaft Washingtons, Russland zuzuhören.',
    'Putin said Russia and Ukraine were ready to negotiate.',
    'Zelensky said Ukraine cannot hold talks with Russia as long as Putin is in power.',
    'Selenskyj sagte, Kiew habe Moskau stets ein Zusammenleben zu fairen Bedingungen vorgeschlagen.',
    'Nikolenko sagte, solange Russland in der Ukraine Verbrechen begehe, werde die Antwort auf dem Schlachtfeld gegeben.',
    'Peskov said Russia is still ready for negotiations with Ukraine.',
  ])('%s', (text) => expect(checker.check(text).suggestion.verdict).toBe('consistent'));
});

describe('the holder of a stance after a holder verb (session 10; rules data holderVerbs, holderPrepositions)', () => {
  it.each([
    ['The responsibility for the deaths lies entirely with Russia.', 'en'],
    ['Zelensky blamed the deaths of thousands in Ukraine on Russia.', 'en'],
    ['Ответственность за гибель людей полностью лежит на России.', 'ru'],
    ['Відповідальність за загибель людей повністю лежить на Росії.', 'uk'],
    ['Die Verantwortung für die Toten liegt vollständig bei Russland.', 'de'],
  ])('%s: Russia holds it', (text, lang) => {
    expect(roles(text, lang)['responsibility']).toEqual(['russia']);
  });

  it('an actor after a plain preposition is no holder', () => {
    expect(roles('The responsibility for the deaths in Ukraine is shared.', 'en')['responsibility']).toBeUndefined();
  });

  it.each([
    'Zelensky said Ukraine bears full responsibility for the deaths.',
    'Зеленський сказав, що вся відповідальність за загибель людей лежить на Україні.',
    'Зеленский сказал, что вся ответственность за гибель людей лежит на Украине.',
  ])('%s: blame put on the other side of the war contradicts his "their responsibility entirely"', (text) => {
    const r = checker.check(text);
    expect(r.attribution?.speakerId).toBe('volodymyr-zelensky');
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.reason).toBe('roles-reversed');
  });
});
