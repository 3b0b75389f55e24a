/**
 * Derived data kept on disk beside the CLI build (dist/cli/cache/<kind>/):
 * validated corpora and compiled matchers, keyed by a hash of what they were
 * derived from. A command's cold start spends most of its time deriving them
 * (the engine has optimised nothing yet); reading them back takes a few ms.
 * The folder is wiped with every build, so nothing outlives the code that
 * made it. A cache that cannot be read or written is ignored.
 */
import type { Hash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// node:crypto and node:v8 are loaded on first use: with the stream modules they bring, loading them is several ms
// of a command's start, and annotate's start snapshot needs neither (corpus-snapshot.ts, plain-codec.ts).
const load = createRequire(import.meta.url);
const crypto = (): typeof import('node:crypto') => load('node:crypto') as typeof import('node:crypto');
const v8 = (): typeof import('node:v8') => load('node:v8') as typeof import('node:v8');

/** How a kind's values are written to and read from their files. */
export interface CacheCodec {
  encode(value: unknown): Uint8Array;
  decode(bytes: Uint8Array): unknown;
}

/** Structured clone through node:v8 (the default). */
const V8_CODEC: CacheCodec = {
  encode: (value) => v8().serialize(value),
  decode: (bytes) => v8().deserialize(bytes),
};

/** At most this many entries per kind (a few corpora in use); the least recently written go first. */
const KEEP = 4;

/** Only a build (dist/cli/) caches; the TypeScript sources (imported by tests) always derive afresh. */
function cacheRoot(): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return /[\\/]dist[\\/]cli[\\/]$/.test(here) ? join(here, 'cache') : undefined;
}

export function cacheKey(update: (hash: Hash) => void): string {
  const hash = crypto().createHash('sha256');
  update(hash);
  return hash.digest('hex').slice(0, 32);
}

/**
 * The key of what is derived from a corpus file: its name as typed (problems quote it), its full path (its source
 * texts are found from its folder: the same name and bytes in another folder are another corpus) and its bytes.
 */
export function corpusKey(name: string, full: string, bytes: Uint8Array): string {
  return cacheKey((h) => h.update(`${name}\n${full}\n`).update(bytes));
}

/** A file's size and modification time, or 'missing': compared to tell whether a corpus's source text changed. */
export function fileStamp(full: string): string {
  try {
    const info = statSync(full);
    return `${info.size} ${info.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** [full path, fileStamp] of the files a cached value was derived from. */
export type FileStamps = [full: string, stamp: string][];

export function stampsHold(stamps: FileStamps): boolean {
  return stamps.every(([full, stamp]) => fileStamp(full) === stamp);
}

/** The stored value (structured clone), or undefined. */
export function cacheGet(kind: string, key: string, codec: CacheCodec = V8_CODEC): unknown {
  const root = cacheRoot();
  if (root === undefined) return undefined;
  try {
    return codec.decode(readFileSync(join(root, kind, `${key}.v8`)));
  } catch {
    return undefined;
  }
}

export function cachePut(kind: string, key: string, value: unknown, codec: CacheCodec = V8_CODEC): void {
  const root = cacheRoot();
  if (root === undefined) return;
  try {
    const dir = join(root, kind);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${key}.v8`);
    // Per writer: the workers of `extract` may write the same entry at once. (No threadId: node:worker_threads
    // costs a command's start a few ms to load.)
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, codec.encode(value));
    renameSync(tmp, file);
    const entries = readdirSync(dir)
      .filter((f) => f.endsWith('.v8'))
      .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of entries.slice(KEEP)) rmSync(join(dir, f), { force: true });
  } catch {
    // A read-only install: no cache, same results.
  }
}
