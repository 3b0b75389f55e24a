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

/**
 * Writes a corpus (replacing rows of the same id) into the corpus tables and
 * drops the stored matcher. Call inside a transaction over those tables.
 */
export async function writeCorpusRows(
  db: OnRecordDb,
  corpus: Corpus,
  row: Pick<CorpusRow, 'origin' | 'enabled' | 'fingerprint' | 'edits'>,
  textOf: TextOf,
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
  await db.sides.bulkPut(scoped(corpus.sides));
  await db.sources.bulkPut(sources);
  await db.entities.bulkPut(scoped(corpus.entities));
  await db.positions.bulkPut(scoped(corpus.positions));
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

/** The enabled corpora, merged into one record (ids are unique across corpora by convention). */
export async function readActiveCorpus(db: OnRecordDb): Promise<{ corpus: Corpus; texts: Map<string, string>; fingerprint: string }> {
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
  const texts = new Map(sources.map((s) => [s.id, s.text]));
  const merged: Corpus = {
    formatVersion: Math.max(1, ...rows.map((r) => r.formatVersion)),
    id: 'active',
    title: rows.map((r) => r.title).join(' + ') || 'Empty record',
    version: rows.map((r) => `${r.id}@${r.version}`).join(','),
    sides: sides.map(strip),
    sources: sources.map(({ text: _text, ...s }) => strip(s)),
    entities: entities.map(strip),
    positions: positions.map(strip),
  };
  // The user's own aliases and positions, over every corpus (issue 7: a corpus update never erases them).
  const layer = await readUserLayer(db);
  const corpus = applyUserLayer(merged, texts, layer);
  // installedAt too: a corpus reinstalled with new content under the same version never reuses a stale matcher.
  const installs = rows.map((r) => r.installedAt.toString(36)).join('.');
  return { corpus, texts, fingerprint: `m${MATCHER_FORMAT}:${installs}:${corpus.version}${userLayerTag(layer)}` };
}

/** The stored matcher for these corpora, compiling and storing it only when missing or stale. */
export async function ensureMatcher(db: OnRecordDb, corpus: Corpus, fingerprint: string): Promise<SerializedMatcher> {
  const stored = await db.matchers.get('active');
  if (stored && stored.fingerprint === fingerprint) return stored.data as SerializedMatcher;
  const data = serializeMatcher(compileMatcher(corpus.entities, corpus.sides));
  await db.matchers.put({ key: 'active', fingerprint, compiledAt: Date.now(), data });
  return data;
}
