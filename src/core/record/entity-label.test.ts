/** Audit 10 A19: record labels in the interface language, chosen from the entity's aliases by a documented rule. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpusShape } from '../corpus/schema.ts';
import { entityLabel } from './entity-label.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const label = (id: string, locale: string) => entityLabel(corpus.entities.find((e) => e.id === id)!, locale);

describe('entity labels per interface language', () => {
  it('names a person in full in Ukrainian and Russian, English elsewhere', () => {
    expect(label('dmitry-peskov', 'uk')).toBe('Дмитро Пєсков');
    expect(label('dmitry-peskov', 'ru-RU')).toBe('Дмитрий Песков');
    expect(label('dmitry-peskov', 'en')).toBe('Dmitry Peskov');
    expect(label('dmitry-peskov', 'de')).toBe('Dmitry Peskov');
  });

  it('takes the alias closest in length to the English label, capitalised, never a cue phrase or an ambiguous form', () => {
    expect(label('peace-talks', 'uk')).toBe('Мирні переговори');
    expect(label('kremlin', 'ru')).toBe('Кремль');
    expect(label('un-security-council', 'ru')).toBe('Совет Безопасности ООН');
    expect(label('ukrainian-armed-forces', 'uk')).toBe('Збройні сили України');
    // "по словам дипломатов" is how a source is cited, not a name: English stays.
    expect(label('diplomats', 'ru')).not.toMatch(/^По словам/);
    // Unambiguous forms first ("Донецк" is the city); an ambiguous one when there is nothing else.
    expect(label('donetsk-oblast', 'ru')).toBe('Донецкая область');
    expect(label('washington', 'ru')).toBe('Вашингтон');
    expect(label('europe', 'uk')).toBe('Європа');
  });

  it('keeps the English label where the entity has no alias in the language', () => {
    expect(label('associated-press', 'uk')).toBe('Associated Press');
    expect(entityLabel({ label: 'Jana Novak', aliases: [] }, 'uk')).toBe('Jana Novak');
  });
});
