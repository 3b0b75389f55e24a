/**
 * The user's edits of the bundled record: an edited copy of it imported as
 * an update is kept as a delta (rows put, rows removed; one row in the
 * `settings` table, so a backup carries it) and laid over the bundled
 * record at every install. An extension update that ships a new bundled
 * record therefore changes the rows the user did not touch and keeps the
 * ones they did. Edits that no longer fit the new record (a changed position
 * naming an entity the bundle dropped) are kept, not applied, and the
 * options page says so.
 */
import * as v from 'valibot';
import { applyEdits, editCount, NO_EDITS, type CorpusEdits } from '../core/corpus/import-plan.ts';
import { Entity, Position, Side, Source, type Corpus } from '../core/corpus/schema.ts';
import { formatProblem, validateCorpus } from '../core/corpus/validate.ts';
import { contentFingerprint, type BundledCorpus } from './bundled-corpus.ts';
import { writeCorpusRows } from './corpus-store.ts';
import type { OnRecordDb } from '../storage/db.ts';

export const BUNDLED_EDITS_KEY = 'bundled-edits';
/** Where a stored delta that does not read is kept, as it was, so that no later import writes over it. */
export const DAMAGED_BUNDLED_EDITS_KEY = 'bundled-edits-damaged';

const Ids = v.array(v.pipe(v.string(), v.maxLength(200)));
const section = <T extends v.GenericSchema>(row: T) => v.object({ put: v.array(row), removed: Ids });
export const StoredEdits = v.object({
  sides: section(Side),
  sources: section(v.object({ ...Source.entries, text: v.string() })),
  entities: section(Entity),
  positions: section(Position),
});

/** Why a stored (or restored) delta does not read, in words; undefined when it reads. */
export function bundledEditsProblem(value: unknown): string | undefined {
  const parsed = v.safeParse(StoredEdits, value);
  if (parsed.success) return undefined;
  const issue = parsed.issues[0];
  const where = issue ? v.getDotPath(issue) : null;
  return `your changes to the bundled record: ${where ? `${where}: ` : ''}${issue?.message ?? 'unreadable'}`;
}

/** A stored delta as edits; none when absent or unreadable (an unreadable one is kept aside by saveBundledEdits). */
export function readEditsValue(value: unknown): CorpusEdits {
  const parsed = v.safeParse(StoredEdits, value);
  return parsed.success ? (parsed.output as CorpusEdits) : NO_EDITS;
}

export async function readBundledEdits(db: OnRecordDb): Promise<{ edits: CorpusEdits; problem?: string }> {
  const row = await db.settings.get(BUNDLED_EDITS_KEY);
  if (!row) return { edits: NO_EDITS };
  const parsed = v.safeParse(StoredEdits, row.value);
  if (parsed.success) return { edits: parsed.output as CorpusEdits };
  return { edits: NO_EDITS, problem: bundledEditsProblem(row.value) ?? 'unreadable' };
}

/**
 * The fingerprint an installed bundled record carries: the bundle's, the edits' when there are any, and a
 * mark when the stored edits did not read (so the row is rewritten to say so, and again once they read).
 */
export function bundledFingerprint(bundled: Pick<BundledCorpus, 'fingerprint'>, edits: CorpusEdits, unreadable = false): string {
  const base = editCount(edits) === 0 ? bundled.fingerprint : `${bundled.fingerprint}+e${contentFingerprint([JSON.stringify(edits)])}`;
  return unreadable ? `${base}+unreadable` : base;
}

/** The bundled record with the edits laid over it, validated whole; the base alone (and why) when they do not fit. */
export function editedBundle(bundled: BundledCorpus, edits: CorpusEdits): { corpus: Corpus; problem?: string } {
  const base = bundled.load();
  if (editCount(edits) === 0) return { corpus: base };
  const check = validateCorpus(applyEdits(base, edits), { fileName: 'your changes to the bundled record', texts: bundled.textOf });
  if (check.corpus) return { corpus: check.corpus };
  const first = check.problems.find((p) => p.severity === 'error');
  return { corpus: base, problem: first ? formatProblem(first) : 'they do not fit the new bundled record' };
}

/**
 * Writes the bundled record (with the edits that fit) into the corpus
 * tables. Call inside a transaction over the corpus tables.
 */
export async function writeBundled(db: OnRecordDb, bundled: BundledCorpus, edits: CorpusEdits, readProblem?: string): Promise<void> {
  const { corpus, problem } = editedBundle(bundled, edits);
  const previous = await db.corpora.get(bundled.id);
  const count = editCount(edits);
  const note = readProblem ?? problem;
  await writeCorpusRows(
    db,
    corpus,
    {
      origin: 'bundled',
      enabled: previous?.enabled ?? true,
      fingerprint: bundledFingerprint(bundled, edits, readProblem !== undefined),
      ...(count > 0 || note ? { edits: { count, ...(note ? { problem: note } : {}) } } : {}),
    },
    bundled.textOf,
  );
}

/** Installs the bundled record with the stored edits, when it is missing or its content (or the edits) changed. */
export async function ensureBundled(db: OnRecordDb, bundled: BundledCorpus): Promise<boolean> {
  const { edits, problem } = await readBundledEdits(db);
  const row = await db.corpora.get(bundled.id);
  const want = bundledFingerprint(bundled, edits, problem !== undefined);
  if (row && row.origin === 'bundled' && row.fingerprint === want) return false;
  bundled.load(); // a broken bundle throws here, before the transaction
  await db.transaction('rw', db.corpusTables, () => writeBundled(db, bundled, edits, problem));
  return true;
}

/**
 * Replaces the stored edits and rewrites the bundled record with them, in
 * one transaction. A stored delta that did not read is first kept aside.
 */
export async function saveBundledEdits(db: OnRecordDb, bundled: BundledCorpus, edits: CorpusEdits): Promise<void> {
  await db.transaction('rw', [...db.corpusTables, db.settings], async () => {
    const row = await db.settings.get(BUNDLED_EDITS_KEY);
    if (row && bundledEditsProblem(row.value) !== undefined) {
      const taken = await db.settings.get(DAMAGED_BUNDLED_EDITS_KEY);
      await db.settings.add({ key: taken ? `${DAMAGED_BUNDLED_EDITS_KEY}-${Date.now()}` : DAMAGED_BUNDLED_EDITS_KEY, value: row.value });
    }
    if (editCount(edits) === 0) await db.settings.delete(BUNDLED_EDITS_KEY);
    else await db.settings.put({ key: BUNDLED_EDITS_KEY, value: edits });
    await writeBundled(db, bundled, edits);
  });
}
