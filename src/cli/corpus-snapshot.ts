/**
 * A value a command derives from a valid corpus (annotate: its entities' row
 * fields and a matcher snapshot), kept in the build's cache and found again
 * without decoding, parsing or validating the corpus, nor loading the code
 * that does. The entry is found by the corpus file's name as typed, full path
 * and size, and holds those and the file's bytes, which must equal the file's
 * now (compared whole: no hash, so node:crypto is not loaded), the stamps of
 * the source texts validation read, which must still hold, and the problems
 * (warnings) to print again. It is stored in plain-codec.ts's format (no
 * node:v8). On a miss the corpus is read as every command reads it
 * (read-corpus.ts, imported only then) and the value is derived and stored.
 */
import { Buffer } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { formatProblem, type Problem } from '../core/corpus/problem.ts';
import type { Corpus } from '../core/corpus/schema.ts';
import { MAX_CORPUS_BYTES } from '../core/corpus/size-limit.ts';
import { cacheGet, cachePut, stampsHold, type CacheCodec, type FileStamps } from './build-cache.ts';
import type { CliIo } from './command.ts';
import { corpusFile } from './corpus-file.ts';
import { decodePlain, encodePlain } from './plain-codec.ts';

interface Entry<T> {
  /** The corpus file the value was derived from: its name as typed (problems quote it), full path and bytes. */
  source: { name: string; full: string; bytes: Uint8Array };
  stamps: FileStamps;
  problems: Problem[];
  value: T;
}

const PLAIN: CacheCodec = { encode: encodePlain, decode: decodePlain };

/**
 * `derive(corpus)` for the corpus at `path` (the bundled one when undefined), from the cache when it holds it.
 * `kind` names the value (and must change when `derive` does; the cache is wiped with every build anyway).
 * Like requireCorpus: warnings go to stderr, an invalid corpus ends the command with its problems.
 */
export async function requireDerived<T>(path: string | undefined, io: CliIo, kind: string, derive: (corpus: Corpus) => T): Promise<T> {
  const { full, name } = corpusFile(path, io.cwd);
  const bytes = readSmallFile(full);
  const key = bytes && entryKey(name, full, bytes);
  if (bytes !== undefined && key !== undefined) {
    const hit = cacheGet(kind, key, PLAIN) as Entry<T> | undefined;
    if (hit !== undefined && sameSource(hit.source, name, full, bytes) && stampsHold(hit.stamps)) {
      for (const p of hit.problems) io.err(`${formatProblem(p)}\n`);
      return hit.value;
    }
  }
  const { requireCorpus } = await import('./read-corpus.ts');
  const { corpus, problems, stamps } = await requireCorpus(path, io);
  const value = derive(corpus);
  // Only when the bytes validated are those read first (the file did not change in between).
  if (bytes !== undefined && key !== undefined) {
    const again = readSmallFile(full);
    if (again !== undefined && Buffer.compare(again, bytes) === 0) cachePut(kind, key, { source: { name, full, bytes }, stamps, problems, value } satisfies Entry<T>, PLAIN);
  }
  return value;
}

/**
 * The entry's file name: a hash of the corpus file's name, full path and size (FNV-1a over their UTF-16 units, as
 * two 32-bit lanes). It only spreads entries; what decides a hit is sameSource.
 */
function entryKey(name: string, full: string, bytes: Uint8Array): string {
  const s = `${name}\n${full}\n${bytes.length}`;
  let a = 0x811c9dc5;
  let b = 0x2b1b2e6d;
  for (let i = 0; i < s.length; i++) {
    a = Math.imul(a ^ s.charCodeAt(i), 0x01000193);
    b = Math.imul(b ^ s.charCodeAt(i), 0x01000193) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

function sameSource(source: Entry<unknown>['source'] | undefined, name: string, full: string, bytes: Uint8Array): boolean {
  return source !== undefined && source.name === name && source.full === full && source.bytes instanceof Uint8Array && Buffer.compare(source.bytes, bytes) === 0;
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
