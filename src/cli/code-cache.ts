/**
 * Loads a CommonJS file of the build through V8's code cache (issue 15, command start). Node 20 has no
 * `module.enableCompileCache` (22.1+), but `vm.Script` takes and makes V8 code caches: the first run after a
 * build compiles the file, and at exit stores the bytecode of every function that run compiled (not only the
 * top level), so later runs deserialise instead of parsing and compiling. The cache lives in the build's cache
 * folder (dist/cli/cache/, wiped by every build); V8 refuses a cache made from other source or by another
 * engine version (cachedDataRejected), and the file is then compiled as usual and the cache written again. A
 * cache that cannot be read or written changes nothing but the time.
 *
 * Measured (one-line annotate, 11 interleaved processes, load 15-16): CPU over `node -e 0` 61 ms for the ES
 * module, 53 ms as CommonJS, 44 ms as CommonJS from the code cache (docs/benchmarks.md).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** CommonJS's wrapper, as Node writes it: the file's code as the body of a function of these five. */
const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const WRAP_TAIL = '\n});';

/** The exports of the CommonJS file `file`, compiled from (and, at exit, into) the code cache `cacheFile`. */
export function loadWithCodeCache(file: string, cacheFile: string): Record<string, unknown> {
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
        mkdirSync(dirname(cacheFile), { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
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
