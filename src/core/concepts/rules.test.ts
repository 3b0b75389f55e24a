/**
 * The concept lexicon's word lists kept as data (corpus/concept-rules.json, review 9A F10), and the session-10 rules
 * that read them, in en, ru, uk and de. Probe sentences written for the purpose; none is a claim of test/claims-set.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, CONCEPT_LANGUAGES, createConceptLexicon } from './index.ts';
import { BUNDLED_RULES, phraseRegExp } from './rules.ts';

const lexicon = createConceptLexicon(BUNDLED_CONCEPTS);
const signOf = (text: string, lang: string, id: string) => lexicon.find(text, lang).find((h) => h.conceptId === id)?.sign;

describe('rules data', () => {
  it('has every list in every language it is read for, lower case and without duplicates', () => {
    for (const list of ['negators', 'topicModifiers', 'noLonger'] as const) {
      for (const lang of CONCEPT_LANGUAGES) {
        const words = BUNDLED_RULES[list][lang];
        expect(words.length, `${list}.${lang}`).toBeGreaterThan(0);
        expect(new Set(words).size, `${list}.${lang} duplicates`).toBe(words.length);
      }
    }
    expect(BUNDLED_RULES.prepositions.ru).toContain('на');
    expect(BUNDLED_RULES.prepositions.uk).toContain('на');
  });

  it('no modifier is a negator (it would negate by itself)', () => {
    const negators = new Set(CONCEPT_LANGUAGES.flatMap((l) => BUNDLED_RULES.negators[l]));
    for (const lang of CONCEPT_LANGUAGES) for (const w of BUNDLED_RULES.topicModifiers[lang]) expect(negators.has(w), w).toBe(false);
  });

  it('a phrase list matches whole words only, across any spaces', () => {
    const re = phraseRegExp(['no longer', 'больше не']);
    expect('is no  longer ready'.match(re)).toEqual(['no  longer']);
    expect('is snow longer'.match(re)).toBeNull();
    expect('больше не готова'.match(re)).toEqual(['больше не']);
    expect('большенет'.match(re)).toBeNull();
  });
});

describe('a negator reaches its topic across determiners and adjectives (topicModifiers)', () => {
  it.each([
    ['Russia is ready for talks without any preconditions.', 'en'],
    ['Россия готова к переговорам без каких-либо предварительных условий.', 'ru'],
    ['Росія готова до переговорів без жодних попередніх умов.', 'uk'],
    ['Russland sei ohne jegliche Vorbedingungen zu Gesprächen bereit.', 'de'],
  ])('%s: no preconditions', (text, lang) => {
    const pre = lexicon.find(text, lang).filter((h) => lexicon.info.get(h.conceptId)!.axis === lexicon.info.get('preconditions')!.axis);
    expect(pre.length).toBeGreaterThan(0);
    expect(pre.every((h) => h.sign === -1)).toBe(true);
  });

  it.each([
    ['Russia set new preconditions for talks.', 'en'],
    ['Россия выдвинула новые условия для переговоров.', 'ru'],
    ['Росія висунула нові умови для переговорів.', 'uk'],
    ['Russland stellte neue Bedingungen für Gespräche.', 'de'],
  ])('%s: a modifier without a negator negates nothing', (text, lang) => {
    expect(signOf(text, lang, 'preconditions')).toBe(1);
  });
});

describe('a negated existential after its subject (ru, uk) negates the subject, not a prepositional phrase', () => {
  it.each([
    ['Настоящего прорыва на переговорах не было.', 'ru'],
    ['Справжнього прориву на переговорах не було.', 'uk'],
  ])('%s', (text, lang) => {
    expect(signOf(text, lang, 'progress-in-talks')).toBe(-1);
    expect(signOf(text, lang, 'negotiations')).toBe(1);
  });

  it.each([
    ['Переговоров с Россией не было.', 'ru'],
    ['Переговорів з Росією не було.', 'uk'],
  ])('%s: the subject itself is still negated', (text, lang) => {
    expect(signOf(text, lang, 'negotiations')).toBe(-1);
  });
});

describe('time shifts as rules data: "stopped being" as "no longer"', () => {
  it.each([
    ['Russia has stopped being ready to talk.', 'en'],
    ['Россия перестала быть готовой к переговорам.', 'ru'],
    ['Росія перестала бути готовою до переговорів.', 'uk'],
    ['Russland sei nicht mehr zu Gesprächen bereit.', 'de'],
  ])('%s: readiness ended', (text, lang) => {
    const ready = lexicon.find(text, lang).filter((h) => h.conceptId === 'readiness' || h.conceptId === 'readiness-to-negotiate');
    expect(ready.length).toBeGreaterThan(0);
    expect(ready.every((h) => h.sign === -1)).toBe(true);
  });

  it('without a time shift the same readiness stands', () => {
    expect(signOf('Russia has been ready to talk.', 'en', 'readiness')).toBe(1);
  });

  it('"stopped" before a noun is still cessation, with no stance to shift', () => {
    expect(signOf('Russia has stopped the shelling.', 'en', 'cessation')).toBe(-1);
  });
});
