/**
 * Writes and restores the backup file (format in core/backup). A restore
 * replaces the user tables and the imported corpora in one transaction, so
 * a file that fails halfway changes nothing.
 */
import { validateCorpus, formatProblem } from '../core/corpus/validate.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../core/backup/format.ts';
import { checkBackupText, refusalSentence, type BackupRefusal, type RestoreCounts, type RestorePreview } from '../core/backup/check.ts';
import { USER_LAYER_KEY, freeDamagedKey, isDamagedLayerKey, setDamagedLayerAside } from './user-layer.ts';
import { BUNDLED_EDITS_KEY, bundledEditsProblem } from './bundled-edits.ts';
import { exportCorpus, IMPORT_UNDO_KEY } from './corpus-admin.ts';
import { deleteCorpusRows, writeCorpusRows } from './corpus-store.ts';
import type { OnRecordDb } from '../storage/db.ts';
import { own } from '../core/schema/own-record.ts';

export async function createBackup(db: OnRecordDb, now = new Date()): Promise<Backup> {
  const rows = await db.corpora.toArray();
  const imported = rows.filter((r) => r.origin === 'imported');
  const corpora = (await Promise.all(imported.map((r) => exportCorpus(db, r.id)))).filter((c) => c !== undefined);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    enabled: Object.fromEntries(rows.map((r) => [r.id, r.enabled])),
    corpora,
    // A user layer that does not read travels aside (see setDamagedLayerAside), so the file still restores.
    // The last corpus import's undo is a moment's state of this browser, not the user's data: it does not travel.
    settings: setDamagedLayerAside((await db.settings.toArray()).filter((r) => r.key !== IMPORT_UNDO_KEY), now).rows,
    highlights: await db.highlights.toArray(),
    checks: await db.checks.toArray(),
  };
}

function layerCounts(settings: readonly { key: string; value: unknown }[]): Pick<RestoreCounts, 'aliases' | 'positions'> {
  const value = settings.find((r) => r.key === USER_LAYER_KEY)?.value as { aliases?: Record<string, unknown[]>; positions?: unknown[] } | undefined;
  return {
    aliases: Object.values(value?.aliases ?? {}).reduce((n, list) => n + list.length, 0),
    positions: value?.positions?.length ?? 0,
  };
}

/**
 * Everything a restore checks before it writes: the file as a whole, then
 * each imported corpus with the corpus validator and the user layer with
 * the user layer's own reader. Returns the backup, or the refusal.
 */
export function checkBackup(
  text: string,
): { backup: Backup; keptAside: boolean; refusal?: undefined } | { backup?: undefined; keptAside?: undefined; refusal: BackupRefusal } {
  const checked = checkBackupText(text);
  if (!checked.backup) return checked;
  const { backup } = checked;
  for (const [i, corpus] of backup.corpora.entries()) {
    const check = validateCorpus(corpus, { fileName: `corpus ${i + 1} (“${corpus.title}”)` });
    if (!check.corpus) {
      const first = check.problems.find((p) => p.severity === 'error');
      return { refusal: { kind: 'damaged', detail: first ? formatProblem(first) : `corpus ${i + 1} does not pass the validator` } };
    }
  }
  // A user layer that does not read (a backup made before it travelled aside) is kept aside, not refused: the rest restores.
  // It is set aside now (the restore's time, not the file's createdAt, which a hand-made file may not make a date of).
  const aside = setDamagedLayerAside(backup.settings, new Date());
  const edits = backup.settings.find((r) => r.key === BUNDLED_EDITS_KEY);
  const editsProblem = edits ? bundledEditsProblem(edits.value) : undefined;
  if (editsProblem) return { refusal: { kind: 'damaged', detail: editsProblem } };
  return { backup: { ...backup, settings: aside.rows }, keptAside: backup.settings.some((r) => isDamagedLayerKey(r.key)) || aside.movedAside };
}

/** What a restore of this file would replace, for the confirmation; nothing is written. */
export async function previewRestore(db: OnRecordDb, text: string): Promise<{ preview: RestorePreview } | { refusal: BackupRefusal }> {
  const { backup, refusal, keptAside } = checkBackup(text);
  if (!backup) return { refusal };
  const [corpora, highlights, checks, settings] = await Promise.all([db.corpora.toArray(), db.highlights.count(), db.checks.count(), db.settings.toArray()]);
  return {
    preview: {
      createdAt: backup.createdAt,
      current: { highlights, checks, corpora: corpora.filter((c) => c.origin === 'imported').length, ...layerCounts(settings) },
      incoming: { highlights: backup.highlights.length, checks: backup.checks.length, corpora: backup.corpora.length, ...layerCounts(backup.settings) },
      damagedInBackup: keptAside,
      damagedHere: settings.filter((r) => isDamagedLayerKey(r.key)).length,
    },
  };
}

/**
 * Restores a backup file's text: checked whole first (see checkBackup), then
 * written in one transaction, so a file that fails changes nothing. Throws
 * the refusal's sentence when it does not pass.
 */
export async function restoreBackup(db: OnRecordDb, text: string): Promise<{ highlights: number; checks: number; corpora: number }> {
  const { backup, refusal } = checkBackup(text);
  if (!backup) throw new RestoreRefused(refusal);
  await db.transaction('rw', [...db.corpusTables, ...db.userTables], async () => {
    const installed = await db.corpora.toArray();
    for (const row of installed.filter((r) => r.origin === 'imported')) {
      await deleteCorpusRows(db, row.id);
      await db.corpora.delete(row.id);
    }
    for (const corpus of backup.corpora) {
      // Backed-up corpora carry their texts inline; one without is stored with an empty text, as it was.
      await writeCorpusRows(db, corpus, { origin: 'imported', enabled: own(backup.enabled, corpus.id) ?? true }, () => '');
    }
    for (const row of installed.filter((r) => r.origin === 'bundled')) {
      const enabled = own(backup.enabled, row.id);
      if (enabled !== undefined) await db.corpora.update(row.id, { enabled });
    }
    await db.matchers.clear();
    // Damaged copies kept aside here are kept again (never lost to a restore), beside those the backup carries.
    const here = (await db.settings.toArray()).filter((r) => isDamagedLayerKey(r.key));
    const incoming = new Map(backup.settings.map((r) => [r.key, r]));
    await db.settings.clear();
    await db.settings.bulkPut(backup.settings);
    for (const row of here) {
      const same = incoming.get(row.key);
      if (same && JSON.stringify(same.value) === JSON.stringify(row.value)) continue;
      const key = incoming.has(row.key) ? freeDamagedKey(new Set([...incoming.keys(), ...here.map((r) => r.key)]), new Date()) : row.key;
      incoming.set(key, row);
      await db.settings.put({ key, value: row.value });
    }
    await db.highlights.clear();
    // Rows are the highlight and check features' own formats, written back as they were backed up.
    await db.highlights.bulkPut(backup.highlights);
    await db.checks.clear();
    await db.checks.bulkPut(backup.checks);
  });
  return { highlights: backup.highlights.length, checks: backup.checks.length, corpora: backup.corpora.length };
}

/** A restore refused before anything was written; the message is the sentence, `refusal` lets a page word it. */
export class RestoreRefused extends Error {
  constructor(readonly refusal: BackupRefusal) {
    super(refusalSentence(refusal));
  }
}
