/**
 * The one size check for a file a person picks (a backup, a corpus, a
 * highlights export, a review file): measured from `file.size` before a byte
 * of it is read, so a huge file gets a sentence in the user's language
 * instead of a frozen page or Chromium's "Message exceeded maximum allowed
 * size". Each caller names its limit and its sentence; the check is this one.
 */
import { t } from '../core/i18n.ts';

/** What a file picker gives, as far as the size check needs it. */
export interface SizedFile {
  name: string;
  size: number;
}

/** Messages that take the file's name, its size and the limit (both in MB). */
export type TooLargeKey = 'optRestoreTooLarge' | 'optImportTooLarge' | 'libraryImportTooLarge' | 'reviewFileTooBig';

const MB = 1024 * 1024;

/** The sentence refusing `file` when it is over `maxBytes`; undefined when it may be read. */
export function tooLargeText(file: SizedFile, maxBytes: number, key: TooLargeKey): string | undefined {
  if (file.size <= maxBytes) return undefined;
  // The file's size rounded up, the limit down: "33 MB, over 32 MB", never "32 MB, over 32 MB".
  return t(key, [file.name, String(Math.max(1, Math.ceil(file.size / MB))), String(Math.max(1, Math.floor(maxBytes / MB)))]);
}

/** A picked file's text, or the sentence refusing it by its size (then not a byte of it is read). */
export async function readSizedText(file: SizedFile & { text(): Promise<string> }, maxBytes: number, key: TooLargeKey): Promise<{ text: string } | { refused: string }> {
  const refused = tooLargeText(file, maxBytes, key);
  return refused === undefined ? { text: await file.text() } : { refused };
}
