/**
 * Reads a corpus file from disk: refuses oversized files before reading
 * them, and resolves each source's `file` against the corpus file's folder
 * plus its `textDir`.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { decodeCorpusBytes, MAX_CORPUS_BYTES, parseCorpusJson, tooLargeProblem } from '../core/corpus/load.ts';
import type { Problem } from '../core/corpus/problem.ts';
import type { Corpus, Source } from '../core/corpus/schema.ts';
import { validateCorpus, type ValidationResult } from '../core/corpus/validate.ts';
import { cacheGet, cachePut, corpusKey, fileStamp, stampsHold, type FileStamps } from './build-cache.ts';
import { CliError, type CliIo } from './command.ts';
import { formatProblem } from '../core/corpus/problem.ts';
import { fsMessage } from './fs-message.ts';
import { corpusFile } from './corpus-file.ts';

export { BUNDLED_CORPUS } from './corpus-file.ts';

const CORPUS_DIRECTORY_HINT = 'give the corpus .json file';

export interface ReadResult extends ValidationResult {
  /** The name used in problems: the path as given, or relative to the cwd for the bundled corpus. */
  name: string;
  /** The source texts read by validation, stamped (for a value derived from this corpus and cached: see corpus-snapshot.ts). */
  stamps?: FileStamps;
}

export async function readCorpusFile(path: string | undefined, io: Pick<CliIo, 'cwd'>): Promise<ReadResult> {
  const { full, name } = corpusFile(path, io.cwd);
  const fail = (message: string): ReadResult => ({ name, problems: [{ severity: 'error', file: name, path: '', message }] });

  let size: number;
  try {
    // Synchronous reads: nothing else runs meanwhile, and annotate's bundle must not load node:fs/promises to start.
    const info = statSync(full);
    if (info.isDirectory()) return fail('is a directory; give the corpus .json file');
    size = info.size;
  } catch (e) {
    return fail(fsMessage(e, CORPUS_DIRECTORY_HINT));
  }
  if (size > MAX_CORPUS_BYTES) return { name, problems: [tooLargeProblem(name, size)] };

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(full);
  } catch (e) {
    return fail(fsMessage(e, CORPUS_DIRECTORY_HINT));
  }
  // Validating is most of a small command's start (and seconds for a large record): the result is kept in the
  // build's cache, keyed by the corpus's bytes, name and full path, with its source texts' sizes and times to compare.
  const key = corpusKey(name, full, bytes);
  const cached = cacheGet('corpora', key) as { stamps: FileStamps; result: ValidationResult } | undefined;
  if (cached !== undefined && stampsHold(cached.stamps)) return { name, ...cached.result, stamps: cached.stamps };

  const decoded = decodeCorpusBytes(bytes, name);
  if (decoded.text === undefined) return { name, problems: decoded.problems };
  const parsed = parseCorpusJson(decoded.text, name);
  if (parsed.problems.length > 0) return { name, problems: parsed.problems };

  const raw = parsed.value as { textDir?: unknown; sources?: unknown } | null;
  const textDir = typeof raw === 'object' && raw !== null && typeof raw.textDir === 'string' ? raw.textDir : '';
  const base = resolve(dirname(full), textDir);
  const stamps: FileStamps = sourceFiles(raw?.sources).map((file) => {
    const at = resolve(base, file);
    return [at, fileStamp(at)];
  });
  const result = validateCorpus(parsed.value, { fileName: name, texts: (src) => readSourceText(base, src) });
  cachePut('corpora', key, { stamps, result });
  return { name, ...result, stamps };
}

function sourceFiles(sources: unknown): string[] {
  if (!Array.isArray(sources)) return [];
  return sources.flatMap((s: unknown) => (typeof s === 'object' && s !== null && typeof (s as Source).file === 'string' ? [(s as Source).file!] : []));
}

/** Reads a corpus for a command that needs a valid one: warnings go to stderr, errors end the command. */
export async function requireCorpus(path: string | undefined, io: CliIo): Promise<{ corpus: Corpus; name: string; problems: Problem[]; stamps: FileStamps }> {
  const result = await readCorpusFile(path, io);
  for (const p of result.problems) io.err(`${formatProblem(p)}\n`);
  // The problems above already say what is wrong; fail without another line.
  if (!result.corpus) throw new CliError('');
  return { corpus: result.corpus, name: result.name, problems: result.problems, stamps: result.stamps ?? [] };
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
