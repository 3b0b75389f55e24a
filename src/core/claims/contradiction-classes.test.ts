/**
 * Session 9: general classes of contradiction found on a new dev set of contradicts claims (test/claims-set
 * c333–c380, dev half): conditions added where the record has none, readiness "at any moment" against "only after",
 * time shifts ("no longer"), revoked readiness, refusal words, no-part frames, scope and quantity. Probe sentences
 * written for the purpose (none is a claim of the set), in en, ru, uk and de, each class with a consistent probe
 * that must stay consistent.
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

describe('"at any moment" is readiness without conditions; "only if" / "not until" adds one', () => {
  it.each([
    // Review 9A, F9: the earlier probes here restated test claim c368 (and the shape of c380); these put a condition of
    // no claim of the set (new elections) on Peskov's readiness.
    'Peskov said Moscow would agree to a settlement with Kyiv only after new elections in Ukraine.',
    'Песков сказал, что Москва будет готова к переговорам с Киевом только после новых выборов на Украине.',
    'Пєсков сказав, що Москва буде готова до переговорів з Києвом лише після нових виборів в Україні.',
    'Peskow sagte, Moskau sei nur dann zu Gesprächen mit Kiew bereit, wenn die Ukraine neu wähle.',
  ])('%s contradicts his "ready at any moment"', (text) => {
    const r = checker.check(text);
    expect(r.attribution?.speakerId).toBe('dmitry-peskov');
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.polarity?.conceptId).toBe('preconditions');
    expect(r.suggestion.evidence.positionIds).toContain('p-003-01');
  });

  it.each([
    'Peskov said Moscow stands ready at any time for a diplomatic settlement with Kyiv.',
    'Песков сказал, что Москва в любое время готова к дипломатическому урегулированию с Киевом.',
    'Пєсков сказав, що Москва будь-коли готова до дипломатичного врегулювання з Києвом.',
    'Peskow sagte, Moskau sei jederzeit zu einer diplomatischen Lösung mit Kiew bereit.',
  ])('%s stays consistent', (text) => expect(verdict(text)).toBe('consistent'));

  it('"at any moment" is its own concept, implying no preconditions; "immediately" is not', () => {
    for (const [text, lang] of [['ready at any moment', 'en'], ['готова в любой момент', 'ru'], ['готова будь-коли', 'uk'], ['jederzeit bereit', 'de']] as const) {
      expect(lexicon.find(text, lang).map((h) => h.conceptId), text).toContain('at-any-time');
    }
    expect(lexicon.info.get('at-any-time')!.ancestors).toContain('without-preconditions');
    expect(lexicon.find('withdraw immediately', 'en').map((h) => h.conceptId)).toEqual(['withdrawal', 'immediacy']);
  });
});

describe('a condition added to a positive stance the record states without one', () => {
  it.each([
    'Zelensky said Ukraine would accept Bennett as a mediator only once Israel joined the sanctions.',
    'Зеленский сказал, что Украина примет посредничество Беннета лишь после того, как Израиль введёт санкции.',
    'Зеленський сказав, що Україна прийме посередництво Беннета лише якщо Ізраїль запровадить санкції.',
    'Selenskyj sagte, die Ukraine nehme Bennetts Vermittlung erst an, wenn Israel Sanktionen verhänge.',
  ])('%s contradicts his unconditional welcome', (text) => {
    const r = checker.check(text);
    expect(r.attribution?.speakerId).toBe('volodymyr-zelensky');
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.polarity).toEqual({ conceptId: 'preconditions', claim: 1, record: -1 });
  });

  it.each([
    'Zelensky said Ukraine welcomes Bennett as a mediator.',
    'Зеленский сказал, что Украина приветствует посредничество Беннета.',
    'Зеленський сказав, що Україна вітає посередництво Беннета.',
    'Selenskyj sagte, die Ukraine begrüße Bennetts Vermittlung.',
  ])('%s stays consistent', (text) => expect(verdict(text)).toBe('consistent'));

  it('a condition the record states too is no added condition', () => {
    expect(verdict('Kyiv said it would only negotiate once all Russian troops had withdrawn.')).not.toBe('contradicts');
  });
});

describe('no-part frames: "is unrelated to", "не связано с", "не має нічого спільного з", "steht in keinem Zusammenhang mit"', () => {
  const defeat = (text: string, lang: string) => lexicon.find(text, lang).filter((h) => h.conceptId === 'defeat').map((h) => h.sign);
  it.each([
    ['Moscow’s offer is unrelated to its defeats on the battlefield.', 'en'],
    ['Предложение Москвы никак не связано с её поражениями на поле боя.', 'ru'],
    ['Пропозиція Москви не має нічого спільного з її поразками на полі бою.', 'uk'],
    ['Das Angebot Moskaus steht in keinem Zusammenhang mit seinen Niederlagen auf dem Schlachtfeld.', 'de'],
  ])('%s denies the defeats', (text, lang) => expect(defeat(text, lang)).toEqual([-1]));

  it.each([
    ['Moscow’s offer is related to its defeats on the battlefield.', 'en'],
    ['Предложение Москвы связано с её поражениями на поле боя.', 'ru'],
    ['Пропозиція Москви пов’язана з її поразками на полі бою.', 'uk'],
    ['Das Angebot Moskaus steht im Zusammenhang mit seinen Niederlagen auf dem Schlachtfeld.', 'de'],
  ])('%s affirms them', (text, lang) => expect(defeat(text, lang)).toEqual([1]));

  it('a Ukrainian official who denies the link contradicts the officials’ record', () => {
    const r = checker.check('Ukrainian officials said Moscow’s sudden readiness to talk has nothing in common with its defeats at the front.');
    expect(r.suggestion.verdict).toBe('contradicts');
  });
});

describe('revoked readiness: "withdrew its readiness", "отозвала готовность", "відкликала згоду", "nahm … zurück"', () => {
  const READY = ['readiness', 'readiness-to-negotiate'];
  const readiness = (text: string, lang: string) => lexicon.find(text, lang).filter((h) => READY.includes(h.conceptId)).map((h) => h.sign);
  it.each([
    ['Peskov said Russia had withdrawn its readiness for negotiations.', 'en'],
    ['Песков сказал, что Россия отозвала свою готовность к переговорам.', 'ru'],
    ['Пєсков сказав, що Росія відкликала свою готовність до переговорів.', 'uk'],
    ['Peskow sagte, Russland habe seine Bereitschaft zu Verhandlungen zurückgenommen.', 'de'],
  ])('%s contradicts his readiness', (text, lang) => {
    expect(readiness(text, lang)).toEqual([-1]);
    const r = checker.check(text);
    expect(r.attribution?.speakerId).toBe('dmitry-peskov');
    expect(r.suggestion.verdict).toBe('contradicts');
  });

  it.each([
    ['Peskov said Russia had not withdrawn its readiness for negotiations.', 'en'],
    ['Песков сказал, что Россия не отзывала своей готовности к переговорам.', 'ru'],
    ['Peskow sagte, Russland habe seine Bereitschaft zu Verhandlungen nicht zurückgenommen.', 'de'],
  ])('%s: a negated revocation leaves it standing', (text, lang) => expect(readiness(text, lang)).toEqual([1]));

  it('the revoking verb is no troop withdrawal, and a negated revocation stays consistent', () => {
    expect(lexicon.find('Russia had withdrawn its readiness for negotiations.', 'en').map((h) => h.conceptId)).not.toContain('withdrawal');
    expect(lexicon.find('Russia has withdrawn its troops.', 'en').map((h) => h.conceptId)).toContain('withdrawal');
    expect(verdict('Peskov said Russia had not withdrawn its readiness for negotiations.')).toBe('consistent');
  });

  it('being ready to withdraw troops is readiness, not a revoked one', () => {
    expect(readiness('Russia is ready to withdraw its troops.', 'en')).toEqual([1]);
    expect(readiness('Russland ist bereit, seine Truppen zurückzuziehen.', 'de')).toEqual([1]);
  });

  it('consent is acceptance in every language', () => {
    for (const [text, lang] of [['gave its consent', 'en'], ['дала согласие', 'ru'], ['дала згоду', 'uk'], ['gab seine Zustimmung', 'de']] as const) {
      expect(lexicon.find(text, lang).map((h) => h.conceptId), text).toContain('acceptance');
    }
  });
});

describe('scope: "partial", "частичный", "частковий", "teilweise" against what the record names whole', () => {
  it.each([
    'Nikolenko said a partial withdrawal of Russian troops from some regions would be enough for Kyiv.',
    'Николенко заявил, что Киеву достаточно частичного вывода российских войск из отдельных районов.',
    'Ніколенко заявив, що Києву вистачить часткового виведення російських військ з окремих районів.',
    'Nikolenko sagte, Kiew genüge ein teilweiser Abzug der russischen Truppen aus einzelnen Gebieten.',
  ])('%s contradicts his call for the withdrawal of Russian forces', (text) => {
    const r = checker.check(text);
    expect(r.attribution?.speakerId).toBe('oleh-nikolenko');
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.polarity?.conceptId).toBe('completeness');
    expect(r.suggestion.evidence.positionIds).toContain('p-002-04');
  });

  it.each([
    'Nikolenko said the only realistic proposal is the full withdrawal of Russian troops from Ukraine.',
    'Николенко заявил, что единственное реалистичное предложение — полный вывод российских войск из Украины.',
    'Ніколенко заявив, що єдина реалістична пропозиція — повне виведення російських військ з України.',
    'Nikolenko sagte, der einzige realistische Vorschlag sei der vollständige Abzug der russischen Truppen aus der Ukraine.',
  ])('%s stays consistent', (text) => expect(verdict(text)).toBe('consistent'));

  it.each([
    ['Zelensky said Ukraine bears part of the responsibility.', 'en'],
    ['Зеленский сказал, что Украина несёт часть ответственности.', 'ru'],
    ['Зеленський сказав, що Україна несе частину відповідальності.', 'uk'],
    ['Selenskyj sagte, die Ukraine trage einen Teil der Verantwortung.', 'de'],
  ])('%s: "part" against "entirely" is an opposite scope', (text, lang) => {
    expect(lexicon.find(text, lang).filter((h) => h.conceptId === 'partiality').map((h) => h.sign)).toEqual([-1]);
    expect(verdict(text)).toBe('contradicts');
  });
});

describe('scope words that narrow nothing the record names whole', () => {
  it.each([
    'Peskov said some of the talks had been useful and Russia is still ready for negotiations.',
    'Песков сказал, что некоторые раунды переговоров были полезны и Россия по-прежнему готова к переговорам.',
    'Пєсков сказав, що деякі раунди переговорів були корисними і Росія досі готова до переговорів.',
    'Peskow sagte, einige Gesprächsrunden seien nützlich gewesen und Russland sei weiterhin zu Verhandlungen bereit.',
  ])('%s stays consistent', (text) => expect(verdict(text)).toBe('consistent'));
});

describe('contrasts without a comma: "in Kyiv and not in Washington", "in Kiew und nicht in Washington"', () => {
  it.each([
    'Peskov said the final say lies in Kyiv and not in Washington.',
    'Peskow sagte, das letzte Wort liege in Kiew und nicht in Washington.',
  ])('%s contradicts "the deciding voice is in Washington"', (text) => {
    const r = checker.check(text);
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.positionIds).toContain('p-002-15');
  });

  it.each([
    'Peskov said the final say lies in Washington and not only in Kyiv.',
    'Peskow sagte, das letzte Wort liege in Washington und nicht nur in Kiew.',
  ])('%s: "and not only" sets nothing aside', (text) => expect(verdict(text)).toBe('consistent'));

  it('a word German shares with English ("Washington", "Bennett") is found in a German text', () => {
    expect(lexicon.find('Die Entscheidung fällt in Washington.', 'de').map((h) => h.conceptId)).toContain('us-role');
    expect(lexicon.find('Bennett vermittelt.', 'de').map((h) => h.conceptId)).toContain('israel-mediation');
    // An English word that is not German stays foreign: German "war" is no war.
    expect(lexicon.find('Es war ein Angebot.', 'de').map((h) => h.conceptId)).not.toContain('war');
  });
});

describe('negative determiners and refusal phrases completed per language', () => {
  const progress = (text: string, lang: string) => lexicon.find(text, lang).filter((h) => h.conceptId === 'progress-in-talks').map((h) => h.sign);
  it.each([
    ['The negotiators reported no positive developments.', 'en'],
    ['Переговорщики не доложили ни о каких позитивных сдвигах.', 'ru'],
    ['Переговорники не доповіли про жодні позитивні зрушення.', 'uk'],
    ['Die Unterhändler meldeten keinerlei positive Entwicklungen.', 'de'],
  ])('%s negates the progress', (text, lang) => expect(progress(text, lang)).toEqual([-1]));

  it.each([
    'Putin said his negotiators had reported no positive developments at all.',
    'Путин сказал, что переговорщики не сообщили ему ни о каких позитивных сдвигах.',
    'Путін сказав, що переговорники не повідомили йому про жодні позитивні зрушення.',
    'Putin sagte, seine Unterhändler hätten ihm keinerlei positive Entwicklungen gemeldet.',
  ])('%s contradicts Putin’s "certain positive developments"', (text) => expect(verdict(text)).toBe('contradicts'));

  it.each([
    ['Zelensky said Ukraine has no use for mediation.', 'en'],
    ['Зеленский сказал, что Украина потеряла интерес к посредничеству.', 'ru'],
    ['Зеленський сказав, що Україна втратила інтерес до посередництва.', 'uk'],
    ['Selenskyj sagte, die Ukraine habe kein Interesse mehr an Vermittlung.', 'de'],
  ])('%s is a refusal, contradicting his welcome of mediation', (text, lang) => {
    expect(lexicon.find(text, lang).map((h) => h.conceptId)).toContain('refusal');
    expect(verdict(text)).toBe('contradicts');
  });

  it('"interest in" alone is still readiness', () => {
    expect(lexicon.find('Ukraine has an interest in mediation.', 'en').map((h) => h.conceptId)).toContain('readiness');
  });
});

describe('time shifts: "no longer", "перестала", "більше не", "nicht mehr" reach the stance after them', () => {
  const possible = (text: string, lang: string) => lexicon.find(text, lang).filter((h) => h.axis === lexicon.info.get('possibility')!.axis).map((h) => h.sign);
  it.each([
    ['Moscow no longer regards negotiations with Kyiv as possible.', 'en'],
    ['Москва перестала считать переговоры с Киевом возможными.', 'ru'],
    ['Москва більше не вважає переговори з Києвом можливими.', 'uk'],
    ['Moskau hält Verhandlungen mit Kiew längst nicht mehr für möglich.', 'de'],
  ])('%s: the possibility is negated', (text, lang) => expect(possible(text, lang)).toEqual([-1]));

  it.each([
    ['Moscow is no longer ready.', 'en', 'readiness'],
    ['Москва больше не готова.', 'ru', 'readiness'],
    ['Москва вже не готова.', 'uk', 'readiness'],
    ['Moskau ist nicht mehr bereit.', 'de', 'readiness'],
  ])('%s: negated once, not twice', (text, lang, id) => expect(lexicon.find(text, lang).filter((h) => h.conceptId === id).map((h) => h.sign)).toEqual([-1]));

  it.each([
    'Vershinin said Moscow no longer regards negotiations with Kyiv as possible.',
    'Вершинин сказал, что Москва перестала считать переговоры с Киевом возможными.',
    'Вершинін сказав, що Москва більше не вважає переговори з Києвом можливими.',
    'Werschinin sagte, Moskau halte Verhandlungen mit Kiew nicht mehr für möglich.',
  ])('%s contradicts his willingness to talk, and is not misattributed to Zelensky', (text) => {
    const r = checker.check(text);
    expect(r.attribution?.speakerId).toBe('sergei-vershinin');
    expect(r.suggestion.verdict).toBe('contradicts');
  });

  it('a claim with a topical stance the speaker never took is still misattributed', () => {
    expect(verdict('Ukrainian presidential adviser Mykhailo Podolyak said only the strong reach out for peace.')).toBe('misattributed');
  });
});

describe('quantity: "only one", "лишь одна", "лише одна", "nur ein" against "many"', () => {
  it.each([
    'Polishchuk said only one country had offered to mediate between Russia and Ukraine.',
    'Полищук сказал, что посредничество между Россией и Украиной предложила лишь одна страна.',
    'Поліщук сказав, що посередництво між Росією та Україною запропонувала лише одна країна.',
    'Polischtschuk sagte, nur ein Land habe eine Vermittlung zwischen Russland und der Ukraine angeboten.',
  ])('%s contradicts "many countries are offering mediation"', (text) => {
    const r = checker.check(text);
    expect(r.attribution?.speakerId).toBe('alexei-polishchuk');
    expect(r.suggestion.verdict).toBe('contradicts');
    expect(r.suggestion.evidence.positionIds).toContain('p-000-02');
  });

  it.each([
    'Polishchuk said many countries are offering to mediate between Russia and Ukraine.',
    'Полищук сказал, что многие страны предлагают посредничество между Россией и Украиной.',
    'Поліщук сказав, що багато країн пропонують посередництво між Росією та Україною.',
    'Polischtschuk sagte, viele Länder böten eine Vermittlung zwischen Russland und der Ukraine an.',
  ])('%s stays consistent', (text) => expect(verdict(text)).toBe('consistent'));
});
