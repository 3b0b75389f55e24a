/**
 * Corpus management for the options page: list, export, import (validated
 * by the same loader as the CLI, installed in one transaction), remove an
 * imported corpus, switch one on or off. Every change forgets the cached
 * record; the caller then tells the tabs.
 */
import type { Corpus } from '../core/corpus/schema.ts';
import { MAX_CORPUS_BYTES, loadCorpusText, tooLargeProblem } from '../core/corpus/load.ts';
import { formatProblem, validateCorpus } from '../core/corpus/validate.ts';
import { explainProblem } from '../core/corpus/problem-words.ts';
import { choicesFor, computeEdits, diffCorpus, findRepeat, layOnto, mergeOnto, withoutRepeated, type ImportChoice, type ImportPlan } from '../core/corpus/import-plan.ts';

export type { ImportChoice, ImportPlan };
import type { BundledCorpus } from './bundled-corpus.ts';
import { BUNDLED_EDITS_KEY, editedBundle, readEditsValue as readEdits, saveBundledEdits } from './bundled-edits.ts';
import { borrowNamed, deleteCorpusRows, writeCorpusRows } from './corpus-store.ts';
import type { CorpusRow, CorpusSummary, OnRecordDb } from '../storage/db.ts';
import type { InstallProgress } from './install-progress.ts';

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
  // Self-contained: what its positions name from other corpora (a corpus the review queue built) goes with it.
  const others = (await db.corpora.toArray()).filter((c) => c.id !== id).sort((a, b) => Number(b.enabled) - Number(a.enabled) || a.id.localeCompare(b.id));
  const own = { sides: sides.map(strip), entities: entities.map(strip), positions: positions.map(strip) };
  const borrowed = await borrowNamed(db, own, others.map((c) => c.id));
  return {
    formatVersion: row.formatVersion,
    id: row.id,
    title: row.title,
    ...(row.description !== undefined ? { description: row.description } : {}),
    version: row.version,
    sides: [...own.sides, ...borrowed.sides],
    // An exported file carries its texts: it has no folder of text files beside it.
    sources: sources.map((s) => {
      const { file: _file, ...rest } = strip(s);
      return rest;
    }),
    entities: [...own.entities, ...borrowed.entities],
    positions: own.positions,
  };
}

interface Worked {
  plan: ImportPlan;
  corpus?: Corpus;
  /** The file laid over (a copy) or merged into (an overlap) the repeated corpus, for "update" and "merge". */
  laid?: Corpus;
  /** An overlap: the file without the positions already installed, for "new-only". */
  newOnly?: Corpus;
}

/** Every refusal the file would meet, in sentences, before anything is written. */
async function work(db: OnRecordDb, text: string, fileName: string, bundled: BundledCorpus): Promise<Worked> {
  const empty: ImportPlan = { fileName, id: '', title: fileName, version: '', warnings: [], refusals: [], diff: diffCorpus(undefined, EMPTY) };
  if (text.length > MAX_CORPUS_BYTES) return { plan: { ...empty, refusals: [formatProblem(tooLargeProblem(fileName, text.length))] } };
  const { corpus, problems } = loadCorpusText(text, { fileName });
  if (!corpus) return { plan: { ...empty, refusals: problems.filter((p) => p.severity === 'error').map(explainProblem) } };
  const refusals: string[] = [];
  const missing = corpus.sources.filter((s) => s.text === undefined);
  if (missing.length > 0) {
    refusals.push(
      `${fileName}: ${missing.length === 1 ? `the source “${missing[0]!.title}” names a text file` : `${missing.length} sources (“${missing[0]!.title}”, …) name text files`} instead of carrying its text; an imported corpus must carry its texts (export it from OnRecord, or run “onrecord corpus merge”)`,
    );
  }
  const rows = await db.corpora.toArray();
  const installed = (await Promise.all(rows.map(async (r) => ({ row: r, corpus: await exportCorpus(db, r.id) })))).flatMap((x) => (x.corpus ? [{ row: x.row, corpus: x.corpus }] : []));
  const same = installed.find((x) => x.row.id === corpus.id);
  const plan: ImportPlan = {
    fileName,
    id: corpus.id,
    title: corpus.title,
    version: corpus.version,
    warnings: problems.filter((p) => p.severity === 'warning').map(formatProblem),
    refusals,
    ...(same ? { updates: { id: same.row.id, title: same.row.title, version: same.row.version, origin: same.row.origin } } : {}),
    diff: diffCorpus(same?.corpus, corpus),
  };
  if (corpus.id === bundled.id && !same) refusals.push(`${fileName}: “${corpus.id}” is the bundled record's id, and the bundled record is not installed yet; try again in a moment`);
  const repeat = findRepeat(corpus, installed.map((x) => ({ corpus: x.corpus, origin: x.row.origin })));
  if (!repeat) return { plan, corpus };
  const target = installed.find((x) => x.row.id === repeat.id)!;
  // A copy is laid over the corpus it repeats ("update"); an overlap is added to it ("merge"), keeping its other rows.
  const onto = repeat.full ? layOnto(corpus, target.corpus) : mergeOnto(corpus, target.corpus);
  // The bundled record keeps its title and version: only its rows take the user's edits.
  const { description: _d, ...ontoRows } = onto;
  const laid: Corpus = target.row.origin === 'bundled' ? { ...ontoRows, title: target.corpus.title, version: target.corpus.version, ...(target.corpus.description !== undefined ? { description: target.corpus.description } : {}) } : onto;
  const check = validateCorpus(laid, { fileName });
  let updateRefusal: string | undefined;
  if (!check.corpus) updateRefusal = check.problems.filter((p) => p.severity === 'error').slice(0, 1).map(explainProblem)[0];
  else if (target.row.origin === 'bundled') {
    const fitted = editedBundle(bundled, computeEdits(bundled.load(), check.corpus, bundled.textOf));
    if (fitted.problem) updateRefusal = fitted.problem;
  }
  let newOnly: Corpus | undefined;
  let newOnlyPlan: { positions: number; refusal?: string } | undefined;
  if (!repeat.full) {
    const reduced = withoutRepeated(corpus, installed.map((x) => x.corpus));
    const checked = validateCorpus(reduced, { fileName });
    newOnly = checked.corpus;
    const refusal = checked.corpus ? undefined : checked.problems.filter((p) => p.severity === 'error').slice(0, 1).map(explainProblem)[0];
    newOnlyPlan = { positions: reduced.positions.length, ...(refusal ? { refusal } : {}) };
  }
  plan.repeat = { ...repeat, updateDiff: diffCorpus(target.corpus, check.corpus ?? laid), ...(updateRefusal ? { updateRefusal } : {}), ...(newOnlyPlan ? { newOnly: newOnlyPlan } : {}) };
  return { plan, corpus, ...(check.corpus ? { laid: check.corpus } : {}), ...(newOnly ? { newOnly } : {}) };
}

const EMPTY: Corpus = { formatVersion: 1, id: '', title: '', version: '', sides: [], sources: [], entities: [], positions: [] };

/** What importing the file would do, and every refusal, without writing anything. */
export async function previewImport(db: OnRecordDb, text: string, fileName: string, bundled: BundledCorpus): Promise<ImportPlan> {
  return (await work(db, text, fileName, bundled)).plan;
}

/** Writes a corpus under its id: the bundled record's id keeps it as the user's edits of the bundled record. */
async function writeAs(db: OnRecordDb, corpus: Corpus, bundled: BundledCorpus, before?: () => Promise<void>, progress?: InstallProgress): Promise<void> {
  progress?.phase('writing');
  if (corpus.id === bundled.id) {
    const edits = computeEdits(bundled.load(), corpus, bundled.textOf);
    await db.transaction('rw', [...db.corpusTables, db.settings], async () => {
      await before?.();
      await saveBundledEdits(db, bundled, edits);
    });
    return;
  }
  await db.transaction('rw', db.corpusTables, async () => {
    await before?.();
    const previous = await db.corpora.get(corpus.id);
    await writeCorpusRows(db, corpus, { origin: 'imported', enabled: previous?.enabled ?? true }, () => undefined, (f) => progress?.phase('writing', f));
  });
}

/**
 * Validates and installs an imported corpus, after the same checks as the
 * preview (a page is trusted to be ours, not to be right). A file that
 * repeats another corpus needs the user's choice (ImportPlan.repeat): a copy
 * "update"s that corpus (keeping its ids) or "replace"s it (the bundled one
 * is switched off); an overlap is "merge"d into it, imported "new-only", or
 * imported "both" beside it. Whatever an import changes or removes of an
 * installed corpus is kept aside first, for Undo (undoLastImport).
 */
export async function importCorpus(
  db: OnRecordDb,
  text: string,
  fileName: string,
  bundled: BundledCorpus,
  choice?: ImportChoice,
  progress?: InstallProgress,
): Promise<CorpusRow> {
  progress?.phase('reading');
  const { plan, corpus, laid, newOnly } = await work(db, text, fileName, bundled);
  if (plan.refusals.length > 0 || !corpus) throw new Error(plan.refusals.join('\n'));
  const repeat = plan.repeat;
  if (repeat && (!choice || !choicesFor(repeat).includes(choice))) {
    throw new Error(
      repeat.full
        ? `${fileName} repeats ${repeat.repeated} positions of “${repeat.title}”: choose to update it, replace it, or cancel`
        : `${fileName} shares ${repeat.repeated} of its ${repeat.of} positions with “${repeat.title}”: choose to add the new ones to it, import only the new ones, keep both, or cancel`,
    );
  }
  let id = corpus.id;
  if (!repeat || choice === 'both') {
    await keepForUndo(db, bundled, fileName, [corpus.id]);
    await writeAs(db, corpus, bundled, undefined, progress);
  } else if (choice === 'update' || choice === 'merge') {
    if (!laid || repeat.updateRefusal) throw new Error(`${fileName} cannot update “${repeat.title}”: ${repeat.updateRefusal ?? 'it does not fit'}`);
    id = laid.id;
    await keepForUndo(db, bundled, fileName, [laid.id]);
    await writeAs(db, laid, bundled, undefined, progress);
  } else if (choice === 'new-only') {
    if (!newOnly || repeat.newOnly?.refusal) throw new Error(`${fileName} cannot be imported without the positions “${repeat.title}” holds: ${repeat.newOnly?.refusal ?? 'it does not fit'}`);
    await keepForUndo(db, bundled, fileName, [newOnly.id]);
    await writeAs(db, newOnly, bundled, undefined, progress);
  } else {
    // replace
    await keepForUndo(db, bundled, fileName, [corpus.id, repeat.id]);
    await writeAs(db, corpus, bundled, async () => {
      if (repeat.origin === 'bundled') await db.corpora.update(repeat.id, { enabled: false });
      else {
        await deleteCorpusRows(db, repeat.id);
        await db.corpora.delete(repeat.id);
      }
    }, progress);
  }
  const row = await db.corpora.get(id);
  if (!row) throw new Error(`corpus "${id}" was not installed`);
  return row;
}

// ---- Undo of the last import: what it changed or removed, kept aside for a while.

/** How long the last import can be undone: long enough to look at the result in the record and the options. */
export const IMPORT_UNDO_MS = 10 * 60 * 1000;
export const IMPORT_UNDO_KEY = 'corpus-import-undo';

/** One corpus as it was before the import: absent, the bundled record (its edits and switch), or an imported corpus. */
type Before =
  | { id: string; kind: 'absent' }
  | { id: string; kind: 'bundled'; enabled: boolean; edits: unknown }
  | { id: string; kind: 'imported'; enabled: boolean; corpus: Corpus };

interface ImportUndo {
  fileName: string;
  until: number;
  before: Before[];
}

/** Keeps aside, as they are now, the corpora an import is about to write or remove (the last import only). */
async function keepForUndo(db: OnRecordDb, bundled: BundledCorpus, fileName: string, ids: readonly string[], now = Date.now()): Promise<void> {
  const before: Before[] = [];
  for (const id of new Set(ids)) {
    const row = await db.corpora.get(id);
    if (!row) before.push({ id, kind: 'absent' });
    else if (row.origin === 'bundled' || id === bundled.id) before.push({ id, kind: 'bundled', enabled: row.enabled, edits: (await db.settings.get(BUNDLED_EDITS_KEY))?.value ?? null });
    else before.push({ id, kind: 'imported', enabled: row.enabled, corpus: (await exportCorpus(db, id))! });
  }
  await db.settings.put({ key: IMPORT_UNDO_KEY, value: { fileName, until: now + IMPORT_UNDO_MS, before } satisfies ImportUndo });
}

/** The last import's undo, while it lasts: its file and until when. */
export async function importUndoOffer(db: OnRecordDb, now = Date.now()): Promise<{ fileName: string; until: number } | undefined> {
  const u = (await db.settings.get(IMPORT_UNDO_KEY))?.value as ImportUndo | undefined;
  return u && u.until > now ? { fileName: u.fileName, until: u.until } : undefined;
}

/** Puts back every corpus the last import changed or removed, as it was, in one transaction; the undo is then spent. */
export async function undoLastImport(db: OnRecordDb, bundled: BundledCorpus, now = Date.now()): Promise<{ fileName: string }> {
  const u = (await db.settings.get(IMPORT_UNDO_KEY))?.value as ImportUndo | undefined;
  if (!u || u.until <= now) throw new Error('there is no import to undo any more');
  await db.transaction('rw', [...db.corpusTables, db.settings], async () => {
    for (const b of u.before) {
      if (b.kind === 'bundled') {
        const edits = readEdits(b.edits);
        await saveBundledEdits(db, bundled, edits);
        await db.corpora.update(b.id, { enabled: b.enabled });
        continue;
      }
      if (b.id === bundled.id) continue;
      await deleteCorpusRows(db, b.id);
      await db.corpora.delete(b.id);
      if (b.kind === 'imported') await writeCorpusRows(db, b.corpus, { origin: 'imported', enabled: b.enabled }, () => undefined);
    }
    await db.settings.delete(IMPORT_UNDO_KEY);
    await db.matchers.clear();
  });
  return { fileName: u.fileName };
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
