/**
 * Regressions a review found in session 7 (review7-findings 1, 2, 8): a phrase of time before "that", an inverted
 * speaker followed by an adverb or a prepositional phrase, and an adjective + role noun referring back to a person of
 * the record named earlier in the paragraph. Each case failed on main f97ca50.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/schema.ts';
import { createStatementFinder } from './index.ts';

const corpus = JSON.parse(readFileSync(fileURLToPath(new URL('../../../corpus/seed.json', import.meta.url)), 'utf8')) as Corpus;
const finder = createStatementFinder({ entities: corpus.entities });
const pairs = (t: string, lang: 'en' | 'ru' | 'uk' | 'de' = 'en') => finder.find(t, { lang }).map((s) => [s.speaker.entityId ?? s.speaker.name, s.content.text]);

describe('"said the next day that …": a phrase of time is no clause opening with an article', () => {
  it.each([
    ['Peskov said the next day that talks were possible.', 'dmitry-peskov', 'talks were possible'],
    ['Peskov said the same day that Russia was ready for negotiations.', 'dmitry-peskov', 'Russia was ready for negotiations'],
    ['Lavrov said the following week that the offer still stood.', 'sergey-lavrov', 'the offer still stood'],
    ['Podolyak said the day before that Kyiv would not sign.', 'mykhailo-podolyak', 'Kyiv would not sign'],
    ['Peskov said the next morning that talks were possible.', 'dmitry-peskov', 'talks were possible'],
  ])('%s', (t, who, words) => expect(pairs(t)).toEqual([[who, words]]));

  it('a clause opening with an article still keeps its own "that"', () => {
    expect(pairs('Peskov said the talks showed that Russia was ready.')).toEqual([['dmitry-peskov', 'the talks showed that Russia was ready']]);
  });
});

describe('an inverted speaker followed by an adverb or a prepositional phrase still closes the clause', () => {
  it.each([
    ['“No,” said Peskov simply.', 'dmitry-peskov', 'No,'],
    ['“We are ready,” said Peskov tersely.', 'dmitry-peskov', 'We are ready,'],
    ['“Talks are off,” said Podolyak by phone.', 'mykhailo-podolyak', 'Talks are off,'],
    ['“Talks are off,” said Podolyak via Telegram.', 'mykhailo-podolyak', 'Talks are off,'],
    ['“We are ready,” said Peskov quietly on Monday.', 'dmitry-peskov', 'We are ready,'],
  ])('%s', (t, who, words) => expect(pairs(t)).toEqual([[who, words]]));

  it('a verb after the name (with or without an adverb) still opens the reported clause', () => {
    expect(pairs('“We are ready,” said Moscow clearly wanted talks.')).toEqual([]);
  });
});

describe('an adjective and a role noun refer back to a fitting person of the record named earlier in the paragraph', () => {
  it.each([
    ['Сергей Лавров прилетел в Анкару. Российский дипломат заявил, что Москва готова к переговорам.', 'ru', 'Москва готова к переговорам'],
    ['Сергей Лавров прилетел в Анкару. Главный российский дипломат заявил, что Москва готова к переговорам.', 'ru', 'Москва готова к переговорам'],
    ['Сергій Лавров прилетів до Анкари. Російський дипломат заявив, що Москва готова до переговорів.', 'uk', 'Москва готова до переговорів'],
    ['Сергій Лавров прилетів до Анкари. Головний російський дипломат заявив, що Москва готова до переговорів.', 'uk', 'Москва готова до переговорів'],
  ] as const)('%s', (t, lang, words) => expect(pairs(t, lang)).toEqual([['sergey-lavrov', words]]));

  it.each([
    // Another side, another place, or a word that introduces someone else: a new unnamed speaker as written.
    ['Сергей Лавров прилетел в Анкару. Западный дипломат заявил, что Москва готова к переговорам.', 'ru', 'Западный дипломат'],
    ['Сергей Лавров прилетел в Анкару. Украинский дипломат заявил, что Москва готова к переговорам.', 'ru', 'Украинский дипломат'],
    ['Сергей Лавров прилетел в Анкару. Высокопоставленный российский дипломат заявил, что Москва готова к переговорам.', 'ru', 'Высокопоставленный российский дипломат'],
    ['Сергій Лавров прилетів до Анкари. Західний дипломат заявив, що Москва готова до переговорів.', 'uk', 'Західний дипломат'],
    // Nobody fitting "diplomat" named before (Peskov is a spokesman).
    ['Дмитрий Песков прилетел в Анкару. Российский дипломат заявил, что Москва готова к переговорам.', 'ru', 'Российский дипломат'],
    // Review 8: a role phrase that says it is anonymous is never the person named before.
    ['Сергей Лавров прилетел в Анкару. Российский дипломат, пожелавший остаться неназванным, заявил, что Москва готова к переговорам.', 'ru', 'Российский дипломат'],
    ['Сергей Лавров прилетел в Анкару. Российский дипломат на условиях анонимности заявил, что Москва готова к переговорам.', 'ru', 'Российский дипломат'],
    ['Сергій Лавров прилетів до Анкари. Російський дипломат, який побажав залишитися неназваним, заявив, що Москва готова до переговорів.', 'uk', 'Російський дипломат'],
  ] as const)('stays unnamed: %s', (t, lang, name) => expect(pairs(t, lang).map((p) => p[0])).toEqual([name]));
});
