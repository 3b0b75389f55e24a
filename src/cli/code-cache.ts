/**
 * Loads a CommonJS file of the build through V8's code cache (issue 15, command start). Node 20 has no
 * `module.enableCompileCache` (22.1+), but `vm.Script` takes and makes V8 code caches: the first run after a
 * build compiles the file, and at exit stores the bytecode of every function that run compiled (not only the
 * top level), so later runs deserialise instead of parsing and compiling. A cache that cannot be read or written
 * changes nothing but the time.
 *
 * The cache is keyed to the build: its name carries the sha-256 of the file's code, which the build computes and
 * writes into the loader (scripts/build-cli.mjs). V8 alone does not protect against stale code: it refuses a cache
 * made by another engine version or with other flags, or whose data is damaged (cachedDataRejected), but of the
 * source it checks only the length. On Node 20 a cache made from different source of the same length is accepted
 * and its old bytecode runs (test/cli/code-cache.test.ts). Wiping dist/cli at build time is not enough either: a
 * process started before a rebuild writes its cache at exit into the new build's folder. Under the key, such a
 * process writes only under its own build's hash, which no loader of the new build reads; a run that writes its
 * cache removes the caches of other builds.
 *
 * Measured (one-line annotate, 11 interleaved processes, load 15-16): CPU over `node -e 0` 61 ms for the ES
 * module, 53 ms as CommonJS, 44 ms as CommonJS from the code cache (docs/benchmarks.md).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** CommonJS's wrapper, as Node writes it: the file's code as the body of a function of these five (exported for the tests). */
export const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
export const WRAP_TAIL = '\n});';

/**
 * The exports of the CommonJS file `file` (NAME.cjs), compiled from (and, at exit, into) the code cache
 * `cacheDir`/NAME.`key`.cjs.v8, where `key` is the sha-256 of the file's code, computed at build time.
 */
export function loadWithCodeCache(file: string, cacheDir: string, key: string): Record<string, unknown> {
  const name = basename(file, '.cjs');
  const own = `${name}.${key}.cjs.v8`;
  const cacheFile = join(cacheDir, own);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(WRAP_HEAD + readFileSync(file, 'utf8') + WRAP_TAIL, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (cachedData === undefined || script.cachedDataRejected === true) {
    // At exit, so the cache holds the functions this run compiled lazily (the scan, the rows), not only the top level.
    process.once('exit', () => {
      try {
        mkdirSync(cacheDir, { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
        // Other builds' caches (and the unkeyed NAME.cjs.v8 of earlier builds): never read by this build.
        for (const other of readdirSync(cacheDir)) {
          if (other !== own && other.startsWith(`${name}.`) && other.endsWith('.cjs.v8')) rmSync(join(cacheDir, other), { force: true });
        }
      } catch {
        // No cache: the next run compiles again.
      }
    });
  }
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}
