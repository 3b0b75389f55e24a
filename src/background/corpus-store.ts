/**
 * Installs corpora into the database and reads the active record back.
 * A corpus replacement is one transaction over the corpus tables only: user
 * data lives in other tables and is never touched here.
 */
import type { Corpus } from '../core/corpus/schema.ts';
import { MATCHER_FORMAT, compileMatcher, serializeMatcher, type SerializedMatcher } from '../core/match/index.ts';
import type { CorpusRow, OnRecordDb, SourceRow } from '../storage/db.ts';
import { applyUserLayer, readUserLayer, userLayerTag } from './user-layer.ts';

type TextOf = (source: Corpus['sources'][number]) => string | undefined;

/** Every source with its text; throws, before anything is written, when one has none. */
function sourceRows(corpus: Corpus, textOf: TextOf): SourceRow[] {
  return corpus.sources.map((s) => {
    const text = s.text ?? textOf(s);
    if (text === undefined) throw new Error(`corpus "${corpus.id}": source "${s.id}" has no text`);
    return { ...s, text, corpusId: corpus.id };
  });
}

/** Removes a corpus's rows from the corpus tables. Call inside a transaction over them. */
export async function deleteCorpusRows(db: OnRecordDb, corpusId: string): Promise<void> {
  for (const table of db.corpusRowTables) {
    await table.where('corpusId').equals(corpusId).delete();
  }
}

/** Rows written per request, so that a big record's install can report how far it has come. */
const ROWS_PER_WRITE = 5_000;

/**
 * Writes a corpus (replacing rows of the same id) into the corpus tables and
 * drops the stored matcher. Call inside a transaction over those tables.
 * `written`: the fraction of the rows written so far, after each piece.
 */
export async function writeCorpusRows(
  db: OnRecordDb,
  corpus: Corpus,
  row: Pick<CorpusRow, 'origin' | 'enabled' | 'fingerprint' | 'edits'>,
  textOf: TextOf,
  written?: (fraction: number) => void,
): Promise<void> {
  const sources = sourceRows(corpus, textOf);
  const scoped = <T>(rows: T[]) => rows.map((r) => ({ ...r, corpusId: corpus.id }));
  await deleteCorpusRows(db, corpus.id);
  await db.corpora.put({
    id: corpus.id,
    title: corpus.title,
    ...(corpus.description !== undefined ? { description: corpus.description } : {}),
    version: corpus.version,
    formatVersion: corpus.formatVersion,
    ...row,
    installedAt: Date.now(),
  });
  const total = corpus.sides.length + sources.length + corpus.entities.length + corpus.positions.length;
  let done = 0;
  const put = async <T>(table: { bulkPut(rows: T[]): Promise<unknown> }, rows: T[]) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_WRITE) {
      const piece = rows.slice(i, i + ROWS_PER_WRITE);
      await table.bulkPut(piece);
      done += piece.length;
      written?.(done / total);
    }
  };
  await put(db.sides, scoped(corpus.sides));
  await put(db.sources, sources);
  await put(db.entities, scoped(corpus.entities));
  await put(db.positions, scoped(corpus.positions));
  await db.matchers.clear();
}

export async function installCorpus(
  db: OnRecordDb,
  corpus: Corpus,
  origin: CorpusRow['origin'],
  textOf: TextOf,
  fingerprint?: string,
): Promise<void> {
  sourceRows(corpus, textOf); // refuse a corpus with a missing text before opening the transaction
  await db.transaction('rw', db.corpusTables, async () => {
    const previous = await db.corpora.get(corpus.id);
    await writeCorpusRows(db, corpus, { origin, enabled: previous?.enabled ?? true, ...(fingerprint ? { fingerprint } : {}) }, textOf);
  });
}

/**
 * Positions as the worker keeps them: the ids and dates repeated across rows (actor, source, topics, the date's
 * strings) share one string each. Rows read from IndexedDB each carry their own copies: at 100,000 positions
 * sharing them saves about 24 MB of the worker's memory (issue 15, `npm run bench:record`).
 */
export function sharePositionStrings<T extends Corpus['positions'][number]>(positions: T[]): T[] {
  const pool = new Map<string, string>();
  const one = (s: string): string => {
    const kept = pool.get(s);
    if (kept !== undefined) return kept;
    pool.set(s, s);
    return s;
  };
  return positions.map((p) => ({
    ...p,
    actor: one(p.actor),
    source: one(p.source),
    topics: p.topics.map(one),
    date: { ...p.date, from: one(p.date.from), to: one(p.date.to) },
    ...(p.reportedBy !== undefined ? { reportedBy: one(p.reportedBy) } : {}),
  }));
}

/**
 * The enabled corpora, merged into one record (ids are unique across corpora by convention). Source texts are not
 * kept with it (14 MB at 100,000 positions): `textOf` reads one from the database when asked.
 */
export async function readActiveCorpus(db: OnRecordDb): Promise<{ corpus: Corpus; textOf: (sourceId: string) => Promise<string | undefined>; fingerprint: string; corporaKey: string }> {
  const rows = (await db.corpora.toArray()).filter((c) => c.enabled).sort((a, b) => a.id.localeCompare(b.id));
  const ids = rows.map((r) => r.id);
  const strip = <T extends { corpusId: string }>(r: T): Omit<T, 'corpusId'> => {
    const { corpusId: _ignored, ...rest } = r;
    return rest;
  };
  const [sides, sources, entities, positions] = await Promise.all([
    db.sides.where('corpusId').anyOf(ids).toArray(),
    db.sources.where('corpusId').anyOf(ids).toArray(),
    db.entities.where('corpusId').anyOf(ids).toArray(),
    db.positions.where('corpusId').anyOf(ids).toArray(),
  ]);
  const merged: Corpus = {
    formatVersion: Math.max(1, ...rows.map((r) => r.formatVersion)),
    id: 'active',
    title: rows.map((r) => r.title).join(' + ') || 'Empty record',
    version: rows.map((r) => `${r.id}@${r.version}`).join(','),
    sides: sides.map(strip),
    sources: sources.map(({ text: _text, ...s }) => strip(s)),
    entities: entities.map(strip),
    positions: sharePositionStrings(positions.map(strip)),
  };
  // A corpus naming entities of a corpus switched off (one the review queue built beside the bundled record)
  // takes them from there: its positions keep their speakers and topics.
  const off = (await db.corpora.toArray()).filter((c) => !c.enabled).sort((a, b) => a.id.localeCompare(b.id));
  const borrowed = off.length > 0 ? await borrowNamed(db, merged, off.map((c) => c.id)) : { entities: [], sides: [] };
  merged.entities.push(...borrowed.entities);
  merged.sides.push(...borrowed.sides);
  const borrowTag = borrowed.entities.length > 0 ? `:b${off.map((r) => `${r.id}@${r.installedAt.toString(36)}`).join('.')}` : '';
  // The user's own aliases and positions, over every corpus (issue 7: a corpus update never erases them).
  const layer = await readUserLayer(db);
  const userTexts = new Map<string, string>();
  const corpus = applyUserLayer(merged, userTexts, layer);
  // As when every text was kept in one map: a user source's text first, then the last corpus (in id order) that has it.
  const textOf = async (sourceId: string): Promise<string | undefined> => {
    const own = userTexts.get(sourceId);
    if (own !== undefined) return own;
    for (const id of [...ids].reverse()) {
      const row = await db.sources.get([id, sourceId]);
      if (row) return row.text;
    }
    return undefined;
  };
  // installedAt too: a corpus reinstalled with new content under the same version never reuses a stale matcher.
  const installs = rows.map((r) => r.installedAt.toString(36)).join('.');
  const corporaKey = `m${MATCHER_FORMAT}:${installs}:${corpus.version}${borrowTag}`;
  return { corpus, textOf, fingerprint: `${corporaKey}${userLayerTag(layer)}`, corporaKey };
}

/**
 * What a corpus names but does not hold (review 10B RB4: a corpus the review queue built names the bundled
 * record's speakers): the entities its positions (actor, topics) and entities (speaksAs) name, taken from the
 * rows of the corpora `from` (the first holding each), with the sides of their corpus when they stand on one.
 * Nothing is looked up when the corpus names only what it holds.
 */
export async function borrowNamed(
  db: OnRecordDb,
  corpus: Pick<Corpus, 'sides' | 'entities' | 'positions'>,
  from: readonly string[],
): Promise<{ entities: Corpus['entities']; sides: Corpus['sides'] }> {
  const have = new Set(corpus.entities.map((e) => e.id));
  const haveSides = new Set(corpus.sides.map((x) => x.id));
  const wanted = [
    ...corpus.positions.flatMap((p) => [p.actor, ...p.topics]),
    ...corpus.entities.flatMap((e) => (e.speaksAs ? [e.speaksAs] : [])),
  ].filter((id) => !have.has(id));
  const entities: Corpus['entities'] = [];
  const sides: Corpus['sides'] = [];
  while (wanted.length > 0) {
    const id = wanted.pop() as string;
    if (have.has(id)) continue;
    have.add(id);
    for (const c of from) {
      const row = await db.entities.get([c, id]);
      if (!row) continue;
      const { corpusId: _c, ...entity } = row;
      entities.push(entity);
      if (entity.speaksAs && !have.has(entity.speaksAs)) wanted.push(entity.speaksAs);
      if (entity.side !== undefined && !haveSides.has(entity.side)) {
        // The whole set of that corpus's sides: a side names the sides it opposes.
        for (const { corpusId: _s, ...side } of await db.sides.where('corpusId').equals(c).toArray()) {
          if (haveSides.has(side.id)) continue;
          haveSides.add(side.id);
          sides.push(side);
        }
      }
      break;
    }
  }
  return { entities, sides };
}

/** The stored matcher for these corpora, compiling and storing it only when missing or stale. */
export async function ensureMatcher(db: OnRecordDb, corpus: Corpus, fingerprint: string, compiling?: () => void): Promise<SerializedMatcher> {
  const stored = await db.matchers.get('active');
  if (stored && stored.fingerprint === fingerprint) return stored.data as SerializedMatcher;
  compiling?.();
  const data = serializeMatcher(compileMatcher(corpus.entities, corpus.sides));
  await db.matchers.put({ key: 'active', fingerprint, compiledAt: Date.now(), data });
  return data;
}
