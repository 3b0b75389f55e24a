/**
 * Lookup tables over one corpus, built once and kept per corpus object so the
 * per-hover record builders cost a few map reads, not a scan of the corpus.
 */
import type { Corpus, Entity, Position, PositionLink, Side, Source } from '../corpus/schema.ts';

export interface IncomingLink {
  from: Position;
  link: PositionLink;
}

export interface CorpusIndex {
  corpus: Corpus;
  entities: Map<string, Entity>;
  sources: Map<string, Source>;
  sides: Map<string, Side>;
  positions: Map<string, Position>;
  byActor: Map<string, Position[]>;
  byTopic: Map<string, Position[]>;
  byReporter: Map<string, Position[]>;
  /** Links that point at a position, keyed by the target position id. */
  incoming: Map<string, IncomingLink[]>;
}

const cache = new WeakMap<Corpus, CorpusIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function build(corpus: Corpus): CorpusIndex {
  const index: CorpusIndex = {
    corpus,
    entities: new Map(corpus.entities.map((e) => [e.id, e])),
    sources: new Map(corpus.sources.map((s) => [s.id, s])),
    sides: new Map(corpus.sides.map((s) => [s.id, s])),
    positions: new Map(corpus.positions.map((p) => [p.id, p])),
    byActor: new Map(),
    byTopic: new Map(),
    byReporter: new Map(),
    incoming: new Map(),
  };
  for (const p of corpus.positions) {
    push(index.byActor, p.actor, p);
    for (const t of new Set(p.topics)) push(index.byTopic, t, p);
    if (p.reportedBy) push(index.byReporter, p.reportedBy, p);
    for (const link of p.links) push(index.incoming, link.target, { from: p, link });
  }
  return index;
}

/** The index of `corpus`, built on first use. Treat a corpus as immutable once indexed. */
export function indexCorpus(corpus: Corpus): CorpusIndex {
  let index = cache.get(corpus);
  if (!index) {
    index = build(corpus);
    cache.set(corpus, index);
  }
  return index;
}

/** Side ids on the other side of `sideId`: the ones it opposes and the ones opposing it. */
export function opposingSides(index: CorpusIndex, sideId: string): Set<string> {
  const out = new Set(index.sides.get(sideId)?.opposes ?? []);
  for (const s of index.sides.values()) if (s.opposes?.includes(sideId)) out.add(s.id);
  out.delete(sideId);
  return out;
}
