/**
 * Reading a backup file before anything is written: size, JSON, nesting,
 * what kind of file it is, then every table against the schema its feature
 * imports with. A refusal is one sentence a person can act on (its kind, so
 * the page words it in the user's language, and one detail), never a list
 * of validator paths.
 */
import * as v from 'valibot';
import { Settings } from '../settings.ts';
import { Backup, BACKUP_FORMAT } from './format.ts';

/**
 * The largest backup restored. The file travels to the service worker as
 * one message (Chrome refuses messages over 64 MiB, and JSON escaping can
 * grow a text by a third), so a file over this is refused before it is read.
 */
export const MAX_BACKUP_BYTES = 32 * 1024 * 1024;
/** No backup nests deeper than this (a highlight's selectors are about six levels down). */
export const MAX_BACKUP_DEPTH = 64;

export type BackupRefusal =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'not-json'; detail: string }
  | { kind: 'too-deep' }
  | { kind: 'highlights-export' }
  | { kind: 'corpus-file' }
  | { kind: 'not-backup' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'damaged'; detail: string };

export interface RestoreCounts {
  highlights: number;
  checks: number;
  /** Imported corpora (the bundled one is never in a backup). */
  corpora: number;
  /** The user layer: aliases and hand-added positions. */
  aliases: number;
  positions: number;
}

export interface RestorePreview {
  createdAt: string;
  /** What is in the database now and will be replaced. */
  current: RestoreCounts;
  /** What the backup puts in its place. */
  incoming: RestoreCounts;
  /** The backup's own aliases and positions do not read: they are restored aside, as a copy to save, not applied. */
  damagedInBackup: boolean;
  /** Damaged copies kept aside here now: a restore keeps them. */
  damagedHere: number;
}

export type BackupCheck = { backup: Backup; refusal?: undefined } | { backup?: undefined; refusal: BackupRefusal };

/** Nesting depth, walked without recursion and given up on as soon as it passes `limit`. */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

const SECTION_WORD: Record<string, string> = { corpora: 'corpus', settings: 'setting', highlights: 'highlight', checks: 'check' };

/** "highlight 3: its selectors are wrong (Invalid type …)" from a valibot issue path. */
function inWords(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((p) => p.key as string | number);
  const [section, index, ...rest] = keys;
  const field = rest.filter((k) => typeof k === 'string').join(' › ');
  const where =
    typeof section === 'string' && typeof index === 'number' && Object.hasOwn(SECTION_WORD, section)
      ? `${SECTION_WORD[section]} ${index + 1}${field ? `, field “${field}”` : ''}`
      : typeof section === 'string'
        ? `“${[section, ...(index === undefined ? [] : [index]), ...rest].join(' › ')}”`
        : 'the file';
  return `${where}: ${issue.message}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a JSON value that is not a backup most likely is, so the refusal can say so. */
function wrongKind(value: unknown): BackupRefusal | undefined {
  if (!isObject(value)) return { kind: 'not-backup' };
  if (value['format'] === BACKUP_FORMAT) return undefined;
  const type = value['type'];
  if ('@context' in value || type === 'AnnotationCollection' || type === 'Annotation') return { kind: 'highlights-export' };
  if ('formatVersion' in value && 'entities' in value) return { kind: 'corpus-file' };
  return { kind: 'not-backup' };
}

/** Checks an already parsed value (the service worker parses the text it was sent). */
export function checkBackupValue(value: unknown): BackupCheck {
  if (exceedsDepth(value, MAX_BACKUP_DEPTH)) return { refusal: { kind: 'too-deep' } };
  const wrong = wrongKind(value);
  if (wrong) return { refusal: wrong };
  const version = (value as Record<string, unknown>)['version'];
  if (typeof version === 'number' && version > 1) return { refusal: { kind: 'newer-version', version } };
  const parsed = v.safeParse(Backup, value);
  if (!parsed.success) return { refusal: { kind: 'damaged', detail: inWords(parsed.issues[0]) } };
  for (const [i, row] of parsed.output.settings.entries()) {
    if (row.key !== 'settings') continue;
    const settings = v.safeParse(Settings, row.value);
    if (!settings.success) return { refusal: { kind: 'damaged', detail: `setting ${i + 1} (your preferences): ${inWords(settings.issues[0])}` } };
  }
  return { backup: parsed.output };
}

/** Parses and checks the text of a backup file. */
export function checkBackupText(text: string): BackupCheck {
  if (text.length > MAX_BACKUP_BYTES) return { refusal: { kind: 'too-large', bytes: text.length } };
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    if (err instanceof RangeError) return { refusal: { kind: 'too-deep' } };
    return { refusal: { kind: 'not-json', detail: err instanceof Error ? err.message : String(err) } };
  }
  return checkBackupValue(value);
}

/** The refusal in English, for the CLI, logs and errors crossing to a page that words it itself. */
export function refusalSentence(r: BackupRefusal): string {
  switch (r.kind) {
    case 'too-large':
      return `This file is ${(r.bytes / 1048576).toFixed(0)} MB, larger than any backup OnRecord can restore (${MAX_BACKUP_BYTES / 1048576} MB). Nothing was changed.`;
    case 'not-json':
      return `This file is not JSON, so it is not an OnRecord backup (${r.detail}). Nothing was changed.`;
    case 'too-deep':
      return `This file nests values deeper than any OnRecord backup does, so it was not read. Nothing was changed.`;
    case 'highlights-export':
      return 'This is a highlights export, not a backup: import it in the library (All highlights). Nothing was changed.';
    case 'corpus-file':
      return 'This is a corpus file, not a backup: import it under Corpora. Nothing was changed.';
    case 'not-backup':
      return 'This is not an OnRecord backup (a backup is the file “Back up to a file” saves). Nothing was changed.';
    case 'newer-version':
      return 'This backup was made by a newer OnRecord; update OnRecord, then restore it. Nothing was changed.';
    case 'damaged':
      return `This backup is damaged and cannot be restored: ${r.detail}. Nothing was changed.`;
  }
}
