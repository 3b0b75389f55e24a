/**
 * Issue 12, review finding F14: a person's ambiguous surname is confirmed by context words in every language the
 * record writes them. A context word that names another entity of the record counts in all of that entity's aliases
 * (a Cyrillic one by its stem, so its case forms count), and the person's own role phrases count as context. Places
 * and topics keep their context words as written (their two senses are weighed by them).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../corpus/schema.ts';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher, createDocumentContext } from './index.ts';

const entities: Entity[] = [
  {
    id: 'ivan-kovalenko',
    type: 'person',
    label: 'Ivan Kovalenko',
    aliases: [
      { text: 'Ivan Kovalenko' },
      { text: 'Kovalenko', ambiguous: true },
      { text: 'Коваленко', lang: 'ru', ambiguous: true },
      { text: 'Коваленко', lang: 'uk', ambiguous: true },
      { text: 'Kowalenko', lang: 'de', ambiguous: true },
    ],
    context: ['Kyiv', 'defence ministry'],
    roles: [{ label: 'Head of the defence agency', aliases: [{ text: 'глава оборонного ведомства', lang: 'ru' }, { text: 'Leiter der Verteidigungsbehörde', lang: 'de' }] }],
  },
  {
    id: 'kyiv',
    type: 'place',
    label: 'Kyiv',
    aliases: [{ text: 'Kyiv' }, { text: 'Киева', lang: 'ru' }, { text: 'Киев', lang: 'ru' }, { text: 'Київ', lang: 'uk' }, { text: 'Kiew', lang: 'de' }],
    context: [],
  },
  {
    id: 'brest',
    type: 'place',
    label: 'Brest',
    aliases: [{ text: 'Brest', ambiguous: true }, { text: 'Брест', lang: 'ru', ambiguous: true }],
    context: ['Kyiv'],
  },
] as Entity[];

const matcher = compileMatcher(entities);
const ids = (text: string): string[] => matcher.scan(text, createDocumentContext({ relevance: false })).map((m) => `${text.slice(m.start, m.end)}=${m.entityId}`);

describe('context words of a person count in every language (F14)', () => {
  it('confirms a bare surname through the other aliases of an entity named by a context word', () => {
    expect(ids('Kovalenko said Kyiv was ready.')).toContain('Kovalenko=ivan-kovalenko');
    expect(ids('Коваленко заявил, что Киев готов к переговорам.')).toContain('Коваленко=ivan-kovalenko');
    // A case form of the Cyrillic alias counts (its stem starts the word).
    expect(ids('Коваленко заявил, что переговоры пройдут без Киеву.')).toContain('Коваленко=ivan-kovalenko');
    expect(ids('Коваленко заявив, що Київ готовий до переговорів.')).toContain('Коваленко=ivan-kovalenko');
    expect(ids('Kowalenko sagte, Kiew sei zu Gesprächen bereit.')).toContain('Kowalenko=ivan-kovalenko');
  });

  it('confirms a bare surname through the person’s own role phrases in any language', () => {
    expect(ids('Коваленко, глава оборонного ведомства, заявил, что готов.')).toContain('Коваленко=ivan-kovalenko');
    expect(ids('Kowalenko, Leiter der Verteidigungsbehörde, sagte, er sei bereit.')).toContain('Kowalenko=ivan-kovalenko');
  });

  it('still leaves a bare surname alone with no context word in any language', () => {
    for (const text of ['Kovalenko said the weather was fine.', 'Коваленко заявил, что погода хорошая.', 'Коваленко заявив, що погода гарна.', 'Kowalenko sagte, das Wetter sei schön.']) {
      expect(ids(text).filter((m) => m.endsWith('=ivan-kovalenko'))).toEqual([]);
    }
  });

  it('keeps a place’s context words as written', () => {
    expect(ids('Brest is close to Kyiv by train.')).toContain('Brest=brest');
    expect(ids('Брест недалеко от Киева.').filter((m) => m.endsWith('=brest'))).toEqual([]);
  });
});

describe('the record’s Alexei Polishchuk in Russian and Ukrainian texts (F14)', () => {
  const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
  const seed = compileMatcher(corpus.entities, corpus.sides);
  const polishchuk = (text: string) => seed.scan(text, createDocumentContext({ relevance: false })).filter((m) => m.entityId === 'alexei-polishchuk').map((m) => text.slice(m.start, m.end));
  it('is found where only a Russian or Ukrainian word of his context stands near', () => {
    expect(polishchuk('Полищук заявил, что посредники должны убедить Москву вывести войска.')).toEqual(['Полищук']);
    expect(polishchuk('Поліщук заявив, що посередники мають переконати Москву вивести війська.')).toEqual(['Поліщук']);
    expect(polishchuk('Полищук заявил: «Мы готовы».')).toEqual([]);
  });
});
