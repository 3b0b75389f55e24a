/**
 * The seed corpus shipped inside the extension, with its source texts, so the
 * background can install it without any network request.
 */
import seed from '../../corpus/seed.json';
import type { Corpus } from '../core/corpus/schema.ts';

const texts = import.meta.glob<string>('../../corpus/seeds/*.txt', { query: '?raw', import: 'default', eager: true });

export const BUNDLED_CORPUS = seed as unknown as Corpus;

/** The full text of a bundled source, looked up by its `file` name. */
export function bundledText(file: string | undefined): string | undefined {
  if (!file) return undefined;
  return texts[`../../corpus/seeds/${file}`];
}
