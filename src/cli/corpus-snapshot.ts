/**
 * A value a command derives from a valid corpus (annotate: its entities' row
 * fields and a matcher snapshot), kept in the build's cache and found again
 * without decoding, parsing or validating the corpus, nor loading the code
 * that does: the key is the corpus file's name, full path and bytes (build-cache.ts,
 * corpusKey), and the entry holds the stamps of the source texts validation
 * read, which must still hold, and the problems (warnings) to print again.
 * On a miss the corpus is read as every command reads it (read-corpus.ts,
 * imported only then) and the value is derived and stored.
 */
import { readFileSync, statSync } from 'node:fs';
import { formatProblem, type Problem } from '../core/corpus/problem.ts';
import type { Corpus } from '../core/corpus/schema.ts';
import { MAX_CORPUS_BYTES } from '../core/corpus/size-limit.ts';
import { cacheGet, cachePut, corpusKey, stampsHold, type FileStamps } from './build-cache.ts';
import type { CliIo } from './command.ts';
import { corpusFile } from './corpus-file.ts';

interface Entry<T> {
  stamps: FileStamps;
  problems: Problem[];
  value: T;
}

/**
 * `derive(corpus)` for the corpus at `path` (the bundled one when undefined), from the cache when it holds it.
 * `kind` names the value (and must change when `derive` does; the cache is wiped with every build anyway).
 * Like requireCorpus: warnings go to stderr, an invalid corpus ends the command with its problems.
 */
export async function requireDerived<T>(path: string | undefined, io: CliIo, kind: string, derive: (corpus: Corpus) => T): Promise<T> {
  const { full, name } = corpusFile(path, io.cwd);
  const bytes = readSmallFile(full);
  const key = bytes && corpusKey(name, full, bytes);
  if (key !== undefined) {
    const hit = cacheGet(kind, key) as Entry<T> | undefined;
    if (hit !== undefined && stampsHold(hit.stamps)) {
      for (const p of hit.problems) io.err(`${formatProblem(p)}\n`);
      return hit.value;
    }
  }
  const { requireCorpus } = await import('./read-corpus.ts');
  const { corpus, problems, stamps } = await requireCorpus(path, io);
  const value = derive(corpus);
  // Only when the bytes validated are those hashed (the file did not change in between).
  if (key !== undefined) {
    const again = readSmallFile(full);
    if (again !== undefined && corpusKey(name, full, again) === key) cachePut(kind, key, { stamps, problems, value } satisfies Entry<T>);
  }
  return value;
}

/**
 * The file's bytes, or undefined when it cannot be read or is over the corpus limit (requireCorpus then says why).
 * Read at once (nothing else could run meanwhile): no round trip through Node's thread pool, which a loaded machine
 * makes slow.
 */
function readSmallFile(full: string): Uint8Array | undefined {
  try {
    const info = statSync(full);
    if (!info.isFile() || info.size > MAX_CORPUS_BYTES) return undefined;
    return readFileSync(full);
  } catch {
    return undefined;
  }
}
