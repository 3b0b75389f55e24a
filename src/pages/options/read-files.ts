/**
 * Reading a chosen file on the options page, sizes first: a file too large
 * for OnRecord is refused from `file.size` before a byte of it is read, so a
 * 100 MB backup gets a sentence instead of a frozen page or Chromium's
 * "Message exceeded maximum allowed size". The rest of each check happens in
 * the service worker.
 */
import { MAX_BACKUP_BYTES, type BackupRefusal } from '../../core/backup/check.ts';
import { MAX_CORPUS_BYTES, decodeCorpusBytes } from '../../core/corpus/load.ts';
import { formatProblem } from '../../core/corpus/problem.ts';
import { t } from '../../core/i18n.ts';
import { encodedTextBytes, fitsOneMessage, MAX_MESSAGE_BYTES } from '../../shared/message-size.ts';
import { readSizedText, tooLargeText } from '../file-size.ts';

/** What a file picker gives: only what these checks use. */
export interface ChosenFile {
  name: string;
  size: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A backup refusal in the user's language: what the file is, and that nothing changed. */
export function refusalText(r: BackupRefusal, fileName: string): string {
  switch (r.kind) {
    case 'too-large':
      return tooLargeText({ name: fileName, size: r.bytes }, MAX_BACKUP_BYTES, 'optRestoreTooLarge')!;
    case 'not-json':
      return t('optRestoreNotJson', [fileName]);
    case 'too-deep':
      return t('optRestoreTooDeep', [fileName]);
    case 'highlights-export':
      return t('optRestoreHighlightsExport', [fileName]);
    case 'corpus-file':
      return t('optRestoreCorpusFile', [fileName]);
    case 'not-backup':
      return t('optRestoreNotBackup', [fileName]);
    case 'newer-version':
      return t('optRestoreNewer', [fileName]);
    case 'damaged':
      return t('optRestoreDamaged', [fileName]);
  }
}

/** A backup file's text, or the sentence refusing it (by size, before reading). */
export async function readBackupFile(file: ChosenFile): Promise<{ text: string } | { refused: string }> {
  return readSizedText(file, MAX_BACKUP_BYTES, 'optRestoreTooLarge');
}

/** A corpus file's text, or the sentences refusing it: size before reading, then encoding, then one message's limit. */
export async function readCorpusFile(file: ChosenFile): Promise<{ text: string } | { refused: string[] }> {
  const tooLarge = tooLargeText(file, MAX_CORPUS_BYTES, 'optImportTooLarge');
  if (tooLarge) return { refused: [tooLarge] };
  const decoded = decodeCorpusBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  if (decoded.text === undefined) return { refused: decoded.problems.map(formatProblem) };
  if (!fitsOneMessage(decoded.text)) {
    return { refused: [t('optImportTooLargeForMessage', [file.name, String(Math.ceil(encodedTextBytes(decoded.text) / 1048576)), String(MAX_MESSAGE_BYTES / 1048576)])] };
  }
  return { text: decoded.text };
}
