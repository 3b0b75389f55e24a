import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Corpus, EntityType } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { findAttribution } from './attribution-pattern.ts';
import { parseCorpusShape } from '../corpus/schema.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const matcher = compileMatcher(corpus.entities);
const ACTORS: ReadonlySet<EntityType> = new Set(['person', 'organization', 'collective']);
const types = new Map(corpus.entities.map((e) => [e.id, e.type]));

function attribute(text: string) {
  return findAttribution(text, matcher.scan(text).filter((m) => ACTORS.has(types.get(m.entityId)!)));
}

describe('findAttribution', () => {
  it.each([
    ['Peskov said Kyiv must withdraw before any talks', 'dmitry-peskov', 'verb', 'Kyiv must withdraw before any talks'],
    ['Kremlin spokesman Dmitry Peskov said on Tuesday that Moscow is ready to talk.', 'dmitry-peskov', 'verb', 'Moscow is ready to talk'],
    ['“We are ready for dialogue,” Zelensky told reporters.', 'volodymyr-zelensky', 'verb', 'We are ready for dialogue'],
    ['“Talks are pointless,” said Podolyak.', 'mykhailo-podolyak', 'inverted-verb', 'Talks are pointless'],
    ['According to Lavrov, the offer still stands.', 'sergey-lavrov', 'according-to', 'the offer still stands'],
    ['Zelensky: “No talks with Putin”', 'volodymyr-zelensky', 'colon', 'No talks with Putin'],
    ['Peskow sagte, Moskau sei zu Gesprächen bereit.', 'dmitry-peskov', 'verb', 'Moskau sei zu Gesprächen bereit'],
    ['Selenskyj zufolge sind Gespräche unmöglich.', 'volodymyr-zelensky', 'according-to', 'sind Gespräche unmöglich'],
    ['Песков заявил, что Россия готова к переговорам.', 'dmitry-peskov', 'verb', 'Россия готова к переговорам'],
    ['По словам Лаврова, предложение остается в силе.', 'sergey-lavrov', 'according-to', 'предложение остается в силе'],
    ['Зеленський заявив, що переговори неможливі.', 'volodymyr-zelensky', 'verb', 'переговори неможливі'],
  ])('%s', (text, speaker, cue, words) => {
    const found = attribute(text);
    expect(found).toMatchObject({ speakerId: speaker, cue, words });
    expect(text.slice(found!.start, found!.end)).toBe(words);
  });

  it('gives the verb to the nearest name, not to an organization named before it', () => {
    expect(attribute('The Kremlin spokesman Dmitry Peskov said talks were possible')?.speakerId).toBe('dmitry-peskov');
  });

  it('finds nothing without a speech cue or without a known actor', () => {
    expect(attribute('Peace talks between Russia and Ukraine resumed in Istanbul')).toBeNull();
    expect(attribute('A local farmer said the harvest was poor')).toBeNull();
  });
});
