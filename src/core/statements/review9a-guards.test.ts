/**
 * Guards beside the review 9A probes (test/review9a.test.ts): what the F7 and F13 fixes must keep.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpusShape } from '../corpus/schema.ts';
import { createStatementFinder } from './index.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const finder = createStatementFinder({ entities: corpus.entities });
const found = (text: string, lang: 'en' | 'ru' | 'uk' | 'de') => finder.find(text, { lang }).map((s) => [s.speaker.entityId, s.content.text]);

describe('"made clear", "machte deutlich" report before a clause, a colon or a quote only (F13)', () => {
  it.each<[string, 'en' | 'de', string]>([
    ['Lavrov made clear that Moscow was ready for talks.', 'en', 'Moscow was ready for talks'],
    ['Lavrov made it clear Moscow was ready for talks.', 'en', 'Moscow was ready for talks'],
    ['Lawrow machte deutlich, Moskau sei zu Gesprächen bereit.', 'de', 'Moskau sei zu Gesprächen bereit'],
  ])('%s speaks', (text, lang, content) => expect(found(text, lang)).toEqual([['sergey-lavrov', content]]));
  it('"machte deutlich mehr Zugeständnisse" (an adverb) says nothing', () => {
    expect(found('Lawrow machte deutlich mehr Zugeständnisse als erwartet.', 'de')).toEqual([]);
  });
});

describe('a relative clause of an antecedent in object position still runs to the end of the sentence (F7)', () => {
  it.each<[string, 'en' | 'ru']>([
    ['Podolyak criticised Lavrov, who said Moscow was ready for talks, but only on its terms.', 'en'],
    ['Подоляк раскритиковал Лаврова, который заявил, что Москва готова к переговорам, но только на своих условиях.', 'ru'],
  ])('%s', (text, lang) => {
    const lavrov = finder.find(text, { lang }).find((s) => s.speaker.entityId === 'sergey-lavrov');
    expect(lavrov?.content.text).toMatch(/(?:terms|условиях)$/u);
  });
});

describe('English "NAME on the …:" headlines attribute with a topic noun (F17)', () => {
  it.each<[string, string, string]>([
    ['Kyiv on the peace plan: no talks while troops stay', 'ukrainian-government', 'no talks while troops stay'],
    ['Moscow on the grain deal: we are ready to extend it', 'russian-government', 'we are ready to extend it'],
  ])('%s', (text, id, content) => expect(found(text, 'en')).toEqual([[id, content]]));
});
