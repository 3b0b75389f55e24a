/**
 * Reads a corpus file from disk: refuses oversized files before reading
 * them, and resolves each source's `file` against the corpus file's folder
 * plus its `textDir`.
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCorpusBytes, MAX_CORPUS_BYTES, parseCorpusJson, tooLargeProblem } from '../core/corpus/load.ts';
import type { Problem } from '../core/corpus/problem.ts';
import type { Corpus, Source } from '../core/corpus/schema.ts';
import { validateCorpus, type ValidationResult } from '../core/corpus/validate.ts';
import { cacheGet, cacheKey, cachePut } from './build-cache.ts';
import { CliError, type CliIo } from './command.ts';
import { formatProblem } from '../core/corpus/problem.ts';
import { fsMessage } from './fs-message.ts';

const CORPUS_DIRECTORY_HINT = 'give the corpus .json file';

/** The corpus shipped with OnRecord, found from this file rather than from the working directory. */
export const BUNDLED_CORPUS = fileURLToPath(new URL('../../corpus/seed.json', import.meta.url));

export interface ReadResult extends ValidationResult {
  /** The name used in problems: the path as given, or relative to the cwd for the bundled corpus. */
  name: string;
}

export async function readCorpusFile(path: string | undefined, io: Pick<CliIo, 'cwd'>): Promise<ReadResult> {
  const full = path === undefined ? BUNDLED_CORPUS : resolve(io.cwd, path);
  const name = path ?? displayPath(full, io.cwd);
  const fail = (message: string): ReadResult => ({ name, problems: [{ severity: 'error', file: name, path: '', message }] });

  let size: number;
  try {
    const info = await stat(full);
    if (info.isDirectory()) return fail('is a directory; give the corpus .json file');
    size = info.size;
  } catch (e) {
    return fail(fsMessage(e, CORPUS_DIRECTORY_HINT));
  }
  if (size > MAX_CORPUS_BYTES) return { name, problems: [tooLargeProblem(name, size)] };

  let bytes: Uint8Array;
  try {
    bytes = await readFile(full);
  } catch (e) {
    return fail(fsMessage(e, CORPUS_DIRECTORY_HINT));
  }
  const decoded = decodeCorpusBytes(bytes, name);
  if (decoded.text === undefined) return { name, problems: decoded.problems };
  const parsed = parseCorpusJson(decoded.text, name);
  if (parsed.problems.length > 0) return { name, problems: parsed.problems };

  const raw = parsed.value as { textDir?: unknown; sources?: unknown } | null;
  const textDir = typeof raw === 'object' && raw !== null && typeof raw.textDir === 'string' ? raw.textDir : '';
  const base = resolve(dirname(full), textDir);
  // Validating is most of a small command's start (and seconds for a large record): the result is
  // kept in the build's cache, keyed by the corpus's bytes, its name and its source texts' sizes and times.
  const key = cacheKey((h) => {
    h.update(`${name}\n`).update(bytes);
    for (const file of sourceFiles(raw?.sources)) h.update(`\n${file}\n${fileStamp(resolve(base, file))}`);
  });
  const cached = cacheGet('corpora', key) as ValidationResult | undefined;
  if (cached !== undefined) return { name, ...cached };
  const result = validateCorpus(parsed.value, { fileName: name, texts: (src) => readSourceText(base, src) });
  cachePut('corpora', key, result);
  return { name, ...result };
}

function sourceFiles(sources: unknown): string[] {
  if (!Array.isArray(sources)) return [];
  return sources.flatMap((s: unknown) => (typeof s === 'object' && s !== null && typeof (s as Source).file === 'string' ? [(s as Source).file!] : []));
}

function fileStamp(full: string): string {
  try {
    const info = statSync(full);
    return `${info.size} ${info.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** Reads a corpus for a command that needs a valid one: warnings go to stderr, errors end the command. */
export async function requireCorpus(path: string | undefined, io: CliIo): Promise<{ corpus: Corpus; name: string; problems: Problem[] }> {
  const result = await readCorpusFile(path, io);
  for (const p of result.problems) io.err(`${formatProblem(p)}\n`);
  // The problems above already say what is wrong; fail without another line.
  if (!result.corpus) throw new CliError('');
  return { corpus: result.corpus, name: result.name, problems: result.problems };
}

/** UTF-8, with a leading byte-order mark dropped (as TextDecoder and fetch().text() do), nothing else changed. */
function readSourceText(base: string, src: Source): string | undefined {
  if (src.file === undefined) return undefined;
  try {
    const full = resolve(base, src.file);
    if (statSync(full).size > MAX_CORPUS_BYTES) return undefined;
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(full));
  } catch {
    return undefined;
  }
}

function displayPath(full: string, cwd: string): string {
  const rel = relative(cwd, full);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? full : rel;
}
