/**
 * A synthetic record of any size for benchmarks: the seed corpus's entities,
 * sides and sources, plus synthetic actors, and positions made by
 * recombining the seed positions' texts (stance, quote, paraphrase) with
 * other actors, dates and a few swapped words, so the text, concept and
 * entity statistics stay those of real news statements. Deterministic.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCorpusShape, type Corpus, type Entity, type Position } from '../../src/core/corpus/schema.ts';
import { seededRandom } from './synthetic-news.ts';

const SEED_PATH = resolve(import.meta.dirname, '../../corpus/seed.json');
const FILLER = 'again today firmly publicly repeatedly cautiously openly briefly formally reportedly'.split(' ');

export function seedCorpus(): Corpus {
  return parseCorpusShape(JSON.parse(readFileSync(SEED_PATH, 'utf8')));
}

/** The seed corpus grown to `positions` positions (and one synthetic actor per 50 positions). */
export function syntheticRecord(positions: number, seed = 1): Corpus {
  const base = seedCorpus();
  const rand = seededRandom(seed);
  const actors: Entity[] = [];
  const sides = (base.sides ?? []).map((s) => s.id);
  for (let i = 0; i < Math.ceil(positions / 50); i++) {
    actors.push({ id: `synthetic-actor-${i}`, type: 'person', label: `Synthetic Actor ${i}`, side: sides[i % sides.length], aliases: [{ text: `Actor${i} Synthov` }], context: [] });
  }
  const templates = base.positions;
  const out: Position[] = [];
  for (let i = 0; i < positions; i++) {
    const t = templates[Math.floor(rand() * templates.length)]!;
    const actor = rand() < 0.3 ? t.actor : actors[Math.floor(rand() * actors.length)]!.id;
    const word = FILLER[Math.floor(rand() * FILLER.length)]!;
    const year = 2020 + Math.floor(rand() * 5);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    out.push({
      ...t,
      id: `syn-${i}`,
      actor,
      stance: `${t.stance.replace(/\.$/u, '')}, ${word}.`,
      date: { from: `${year}-${month}-01`, to: `${year}-${month}-28`, precision: 'month' },
      links: [],
      reportedBy: undefined,
    });
  }
  return { ...base, entities: [...base.entities, ...actors], positions: [...base.positions, ...out] };
}
