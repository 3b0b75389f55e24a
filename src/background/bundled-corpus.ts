/**
 * The seed corpus shipped inside the extension, with its source texts, so the
 * background can install it without any network request. It goes through the
 * same validator as any imported corpus (defaults applied, references and
 * passages checked): nothing downstream patches missing fields.
 */
import seed from '../../corpus/seed.json';
import type { Corpus } from '../core/corpus/schema.ts';
import { formatProblem, validateCorpus } from '../core/corpus/validate.ts';

const texts = import.meta.glob<string>('../../corpus/seeds/*.txt', { query: '?raw', import: 'default', eager: true });

/** The bundled corpus's id, known without validating it. */
export const BUNDLED_CORPUS_ID: string = (seed as { id: string }).id;

/** The full text of a bundled source, looked up by its `file` name. */
export function bundledText(file: string | undefined): string | undefined {
  if (!file) return undefined;
  return texts[`../../corpus/seeds/${file}`];
}

/** FNV-1a over UTF-16 units, in two lanes so that a change anywhere in 160 KB shows. */
export function contentFingerprint(parts: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
    }
    a = Math.imul(a ^ 0xff, 0x01000193); // part separator
    b = Math.imul(b ^ 0xff, 0x5bd1e995);
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}-${total.toString(36)}`;
}

export interface BundledCorpus {
  id: string;
  /** Changes whenever seed.json or any bundled source text changes, whatever `version` says. */
  fingerprint: string;
  /** Validated (schema defaults applied); throws with the validator's messages if the bundle is broken. */
  load(): Corpus;
  textOf(source: Corpus['sources'][number]): string | undefined;
}

function makeBundled(raw: unknown, textOf: (file: string | undefined) => string | undefined, fileName: string): BundledCorpus {
  const fileNames = Object.keys(texts).sort();
  let loaded: Corpus | undefined;
  const id = (raw as { id?: unknown }).id;
  return {
    id: typeof id === 'string' ? id : '',
    fingerprint: contentFingerprint([JSON.stringify(raw), ...fileNames.flatMap((f) => [f, texts[f] ?? ''])]),
    load() {
      if (loaded) return loaded;
      const check = validateCorpus(raw, { fileName, texts: (s) => textOf(s.file) });
      if (!check.corpus) {
        throw new Error(check.problems.filter((p) => p.severity === 'error').slice(0, 5).map(formatProblem).join('\n'));
      }
      return (loaded = check.corpus);
    },
    textOf: (s) => textOf(s.file),
  };
}

/** A bundled corpus from any raw value (tests use this to play an older or newer bundle). */
export function bundledCorpusFrom(raw: unknown, textOf: (file: string | undefined) => string | undefined = bundledText): BundledCorpus {
  return makeBundled(raw, textOf, 'bundled corpus');
}

export const BUNDLED: BundledCorpus = makeBundled(seed, bundledText, 'corpus/seed.json (bundled)');
