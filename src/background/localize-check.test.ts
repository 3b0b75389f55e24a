/** Audit 10 A17/A19: what the side panel shows of a claim check is named in the interface language. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClaimCheck } from '../core/claims/check-claim.ts';
import { BUNDLED_CONCEPTS } from '../core/concepts/bundled.ts';
import { parseCorpusShape } from '../core/corpus/schema.ts';
import { buildEntityRecord } from '../core/record/entity-record.ts';
import { labeller, localizeCheck, localizeRecord } from './localize-check.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../corpus/seed.json', import.meta.url), 'utf8')));

const check = {
  claim: '«Мы по-прежнему готовы к переговорам», — заявил Песков',
  actors: [{ id: 'dmitry-peskov', label: 'Dmitry Peskov', type: 'person' }],
  topics: [{ id: 'peace-talks', label: 'Peace talks', type: 'topic' }],
  concepts: [{ id: 'still', label: 'Still, continued stance' }, { id: 'readiness-to-negotiate', label: 'Readiness to negotiate' }],
  results: [{ positionId: 'p', score: 1, similarity: 1, reasons: [], position: { actor: { id: 'dmitry-peskov', label: 'Dmitry Peskov', type: 'person', side: { id: 'russia', label: 'Russia' } } } }],
  otherSide: [],
  // "peace-talks" is an entity and a concept: the checker's label says which one it named.
  labels: { 'dmitry-peskov': 'Dmitry Peskov', still: 'Still, continued stance', 'readiness-to-negotiate': 'Readiness to negotiate', 'peace-talks': 'Peace talks', 'kremlin': 'Kremlin', unknown: 'Unknown' },
} as unknown as ClaimCheck;

describe('localizeCheck', () => {
  it('names concepts and entities in Ukrainian', () => {
    const out = localizeCheck(check, labeller(BUNDLED_CONCEPTS.concepts, corpus, 'uk'));
    expect(out.concepts.map((c) => c.label)).toEqual(['Досі, та сама позиція', 'Готовність до переговорів']);
    expect(out.actors[0]!.label).toBe('Дмитро Пєсков');
    expect(out.topics[0]!.label).toBe('Мирні переговори');
    expect(out.results[0]!.position.actor.label).toBe('Дмитро Пєсков');
    expect(out.results[0]!.position.actor.side).toEqual({ id: 'russia', label: 'Росія' });
    expect(out.labels).toEqual({
      'dmitry-peskov': 'Дмитро Пєсков', still: 'Досі, та сама позиція', 'readiness-to-negotiate': 'Готовність до переговорів',
      'peace-talks': 'Мирні переговори', kremlin: 'Кремль', unknown: 'Unknown',
    });
  });

  it('leaves an English check as the checker wrote it', () => {
    const out = localizeCheck(check, labeller(BUNDLED_CONCEPTS.concepts, corpus, 'en'));
    expect(out.labels).toEqual(check.labels);
    expect(out.concepts).toEqual(check.concepts);
  });
});

describe('localizeRecord', () => {
  it('names the popover record\'s entity, speakers, topics and sides in Russian; leaves English as built', () => {
    const built = buildEntityRecord(corpus, 'dmitry-peskov');
    const ru = localizeRecord(built, labeller([], corpus, 'ru'));
    const text = JSON.stringify(ru);
    expect((ru as { entity: { label: string } }).entity.label).toBe('Дмитрий Песков');
    expect(text).toContain('"label":"Россия"');
    expect(text).not.toMatch(/"label":"(Dmitry Peskov|Russia|Peace talks)"/);
    // Words of the record (stances, quotes) are data and stay as recorded.
    expect(text).toContain('negotiat');
    expect(localizeRecord(built, labeller([], corpus, 'en'))).toEqual(built);
  });
});
