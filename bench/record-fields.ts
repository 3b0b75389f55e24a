/**
 * `node --expose-gc --max-old-space-size=4096 --import tsx bench/record-fields.ts` — where the worker's copy of a
 * large record goes: the synthetic record (50,000 entities, 100,000 positions) installed as bench:record installs it
 * (validated, cloned as IndexedDB reads it back, source texts dropped, position strings shared) in a function of its
 * own, then the memory that each part frees when dropped (heapUsed + arrayBuffers after GC): the serialized matcher,
 * each field of the positions (objects rebuilt without it, one field after another), the entities, the sources.
 * Sizes, not times.
 */
import { syntheticRecord } from './lib/synthetic-record.ts';
import { validateCorpus } from '../src/core/corpus/validate.ts';
import { sharePositionStrings } from '../src/background/corpus-store.ts';
import type { Corpus } from '../src/core/corpus/schema.ts';
import { compileMatcher, serializeMatcher } from '../src/core/match/index.ts';

const mb = () => {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
};
const before = mb();
/** As bench:record installs it, in a function of its own (its locals are garbage once it returns). */
function install(): { stored: Corpus; serialized: unknown } {
  const json = JSON.stringify(syntheticRecord({ entities: 50_000, positions: 100_000 }));
  const validated = validateCorpus(JSON.parse(json), { fileName: 'synthetic.json' });
  const stored = structuredClone(validated.corpus as Corpus);
  stored.sources = stored.sources.map(({ text: _text, ...s }) => s);
  stored.positions = sharePositionStrings(stored.positions);
  const serialized = serializeMatcher(compileMatcher((validated.corpus as Corpus).entities));
  return { stored, serialized };
}
const installed: { stored: Corpus; serialized: unknown } = install();
let corpus = installed.stored;
{
  const at = mb();
  installed.serialized = null;
  console.log(`the serialized matcher (and what it holds): ${(at - mb()).toFixed(1)} MB`);
}
const whole = mb() - before;
console.log(`record as the worker keeps it: ${whole.toFixed(1)} MB (${corpus.positions.length} positions, ${corpus.entities.length} entities, ${corpus.sources.length} sources)`);
const fields = new Map<string, number>();
for (const p of corpus.positions) for (const k of Object.keys(p)) fields.set(k, (fields.get(k) ?? 0) + 1);
console.log('position fields (how many have each):', [...fields].map(([k, n]) => `${k} ${n}`).join(', '));
for (const k of [...fields.keys()]) {
  const at = mb();
  // New objects without the field (a delete would turn each into a slower, larger dictionary object).
  corpus.positions = corpus.positions.map((p) => {
    const { [k]: _dropped, ...rest } = p as unknown as Record<string, unknown>;
    return rest as unknown as (typeof corpus.positions)[number];
  });
  console.log(`positions' ${k}: ${(at - mb()).toFixed(1)} MB`);
}
let at = mb();
corpus.positions = [];
console.log(`the position objects themselves: ${(at - mb()).toFixed(1)} MB`);
at = mb();
corpus.entities = [];
console.log(`entities: ${(at - mb()).toFixed(1)} MB`);
at = mb();
corpus.sources = [];
console.log(`sources: ${(at - mb()).toFixed(1)} MB`);
console.log(`left: ${(mb() - before).toFixed(1)} MB`);
