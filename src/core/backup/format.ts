/**
 * The backup file: everything a person would miss after reinstalling —
 * imported corpora (whole, texts embedded), which corpora are switched on,
 * the settings rows (settings and the user layer), highlights and checks.
 * The bundled corpus is not copied: the extension carries it.
 */
import * as v from 'valibot';
import { ownRecord } from '../schema/own-record.ts';
import { SavedHighlightSchema } from '../annotations/model.ts';
import { CheckRowSchema } from '../claims/check-record.ts';
import { Corpus } from '../corpus/schema.ts';

export const BACKUP_FORMAT = 'onrecord-backup';
export const BACKUP_VERSION = 1;

export const Backup = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(BACKUP_VERSION, 'this backup was made by a newer OnRecord; update OnRecord first')),
  /** When the backup was made: a date (shown in the restore confirmation). */
  createdAt: v.pipe(v.string(), v.check((s) => !Number.isNaN(Date.parse(s)), 'not a date')),
  /** Enabled flag per installed corpus id, bundled included. */
  enabled: ownRecord(v.boolean()),
  /** Imported corpora, each a complete corpus file. */
  corpora: v.array(Corpus),
  settings: v.array(v.object({ key: v.string(), value: v.unknown() })),
  // Rows are checked as strictly as the features that write them: a restore never stores what they could not read.
  highlights: v.array(SavedHighlightSchema),
  checks: v.array(CheckRowSchema),
});

export type Backup = v.InferOutput<typeof Backup>;

/** Checks a parsed backup file; the messages name the field, like the corpus validator's. */
export function validateBackup(input: unknown): { backup?: Backup; problems: string[] } {
  const parsed = v.safeParse(Backup, input);
  if (parsed.success) return { backup: parsed.output, problems: [] };
  return {
    problems: parsed.issues.slice(0, 20).map((i) => `${v.getDotPath(i) ?? '(file)'}: ${i.message}`),
  };
}

export function backupFileName(now: Date): string {
  return `onrecord-backup-${now.toISOString().slice(0, 10)}.json`;
}
