/**
 * Writes and restores the backup file (format in core/backup). A restore
 * replaces the user tables and the imported corpora in one transaction, so
 * a file that fails halfway changes nothing.
 */
import { validateCorpus, formatProblem } from '../core/corpus/validate.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, validateBackup, type Backup } from '../core/backup/format.ts';
import { exportCorpus } from './corpus-admin.ts';
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
    settings: await db.settings.toArray(),
    highlights: await db.highlights.toArray(),
    checks: await db.checks.toArray(),
  };
}

/** Restores a backup; throws with the problems and changes nothing when the file does not pass. */
export async function restoreBackup(db: OnRecordDb, input: unknown): Promise<{ highlights: number; checks: number; corpora: number }> {
  const { backup, problems } = validateBackup(input);
  if (!backup) throw new Error(`not a valid OnRecord backup:\n${problems.join('\n')}`);
  for (const corpus of backup.corpora) {
    const check = validateCorpus(corpus, { fileName: `backup: corpus "${corpus.id}"` });
    if (!check.corpus) throw new Error(check.problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n'));
  }
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
    await db.settings.clear();
    await db.settings.bulkPut(backup.settings);
    await db.highlights.clear();
    // Rows are the highlight and check features' own formats, written back as they were backed up.
    await db.highlights.bulkPut(backup.highlights);
    await db.checks.clear();
    await db.checks.bulkPut(backup.checks);
  });
  return { highlights: backup.highlights.length, checks: backup.checks.length, corpora: backup.corpora.length };
}
