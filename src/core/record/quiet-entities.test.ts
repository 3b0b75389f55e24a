import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpusShape } from '../corpus/schema.ts';
import type { Corpus } from '../corpus/schema.ts';
import { buildEntityRecord, entitiesWithNothingToShow, entitiesWithNothingToShowByCards, recordHasContent } from './entity-record.ts';

const seed = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));

/** The seed with only every `keep`-th position (offset `at`): actors lose their own positions, so the fallbacks decide. */
function thinned(keep: number, at: number): Corpus {
  return { ...seed, positions: seed.positions.filter((_p, i) => i % keep === at) };
}

describe('entitiesWithNothingToShow (audit 11 A8: without building every card)', () => {
  it('names exactly the entities whose card is empty, on the seed and on thinned seeds', () => {
    const variants = [seed, thinned(3, 0), thinned(7, 2), thinned(20, 5), { ...seed, positions: [] }];
    for (const corpus of variants) {
      const fast = entitiesWithNothingToShow(corpus);
      expect(fast).toEqual(entitiesWithNothingToShowByCards(corpus));
      for (const id of fast) expect(recordHasContent(buildEntityRecord(corpus, id))).toBe(false);
    }
  });

  it('is not trivially all or nothing on a thinned seed', () => {
    const quiet = entitiesWithNothingToShow(thinned(20, 5));
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.length).toBeLessThan(seed.entities.length);
  });
});
