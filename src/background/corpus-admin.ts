/**
 * Corpus management for the options page: list, export, import (validated
 * by the same loader as the CLI, installed in one transaction), remove an
 * imported corpus, switch one on or off. Every change forgets the cached
 * record; the caller then tells the tabs.
 */
import type { Corpus } from '../core/corpus/schema.ts';
import { loadCorpusText } from '../core/corpus/load.ts';
import { formatProblem } from '../core/corpus/validate.ts';
import { deleteCorpusRows, installCorpus } from './corpus-store.ts';
import type { CorpusRow, CorpusSummary, OnRecordDb } from '../storage/db.ts';

export async function listCorpora(db: OnRecordDb): Promise<CorpusSummary[]> {
  const rows = await db.corpora.toArray();
  return Promise.all(
    rows
      .sort((a, b) => (a.origin === b.origin ? a.id.localeCompare(b.id) : a.origin === 'bundled' ? -1 : 1))
      .map(async (row) => ({
        ...row,
        counts: {
          sources: await db.sources.where('corpusId').equals(row.id).count(),
          entities: await db.entities.where('corpusId').equals(row.id).count(),
          positions: await db.positions.where('corpusId').equals(row.id).count(),
        },
      })),
  );
}

/** The installed corpus as a self-contained file (source texts embedded); undefined when not installed. */
export async function exportCorpus(db: OnRecordDb, id: string): Promise<Corpus | undefined> {
  const row = await db.corpora.get(id);
  if (!row) return undefined;
  const strip = <T extends { corpusId: string }>({ corpusId: _c, ...rest }: T) => rest;
  const [sides, sources, entities, positions] = await Promise.all([
    db.sides.where('corpusId').equals(id).toArray(),
    db.sources.where('corpusId').equals(id).toArray(),
    db.entities.where('corpusId').equals(id).toArray(),
    db.positions.where('corpusId').equals(id).toArray(),
  ]);
  return {
    formatVersion: row.formatVersion,
    id: row.id,
    title: row.title,
    ...(row.description !== undefined ? { description: row.description } : {}),
    version: row.version,
    sides: sides.map(strip),
    // An exported file carries its texts: it has no folder of text files beside it.
    sources: sources.map((s) => {
      const { file: _file, ...rest } = strip(s);
      return rest;
    }),
    entities: entities.map(strip),
    positions: positions.map(strip),
  };
}

/**
 * Validates and installs an imported corpus. The background checks again
 * what the page already checked: a page is trusted to be ours, not to be right.
 */
export async function importCorpus(db: OnRecordDb, text: string, fileName: string, bundledId: string): Promise<CorpusRow> {
  const { corpus, problems } = loadCorpusText(text, { fileName });
  if (!corpus) throw new Error(problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n'));
  if (corpus.id === bundledId) throw new Error(`"${bundledId}" is the id of the bundled corpus; give your corpus its own id`);
  await installCorpus(db, corpus, 'imported', () => undefined);
  const row = await db.corpora.get(corpus.id);
  if (!row) throw new Error(`corpus "${corpus.id}" was not installed`);
  return row;
}

export async function removeCorpus(db: OnRecordDb, id: string): Promise<void> {
  await db.transaction('rw', db.corpusTables, async () => {
    const row = await db.corpora.get(id);
    if (!row) throw new Error(`corpus "${id}" is not installed`);
    if (row.origin === 'bundled') throw new Error('the bundled corpus cannot be removed; switch it off instead');
    await deleteCorpusRows(db, id);
    await db.corpora.delete(id);
    await db.matchers.clear();
  });
}

export async function setCorpusEnabled(db: OnRecordDb, id: string, enabled: boolean): Promise<void> {
  const changed = await db.corpora.update(id, { enabled });
  if (changed === 0 && !(await db.corpora.get(id))) throw new Error(`corpus "${id}" is not installed`);
}
