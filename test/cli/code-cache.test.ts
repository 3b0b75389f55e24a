/**
 * Issue 15, command start: annotate (dist/cli/annotate.cjs) is loaded through V8's code cache
 * (src/cli/code-cache.ts), kept in the build's cache folder under a name keyed to the sha-256 of annotate.cjs.
 * A run leaves the cache behind; a cache V8 refuses (damaged) changes nothing but the time: the run compiles as
 * usual, prints the same mentions, and writes a good cache in its place. A cache V8 would accept but made from
 * other code (same length) is never read: it bears its own build's name.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WRAP_HEAD, WRAP_TAIL } from '../../src/cli/code-cache.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/onrecord.mjs');
const ANNOTATE = join(ROOT, 'dist/cli/annotate.cjs');
const CODE_DIR = join(ROOT, 'dist/cli/cache/code');
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
/** The cache of this build's annotate.cjs: named after the sha-256 of its code. */
const CODE_CACHE = join(CODE_DIR, `annotate.${sha256(readFileSync(ANNOTATE, 'utf8'))}.cjs.v8`);

const tmp = mkdtempSync(join(tmpdir(), 'onrecord-code-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const text = join(tmp, 'one-line.txt');
writeFileSync(text, 'Dmitry Peskov said the talks in Istanbul were over.\n');
const EXPECTED = [
  { file: text, start: 0, end: 13, text: 'Dmitry Peskov', entityId: 'dmitry-peskov', label: 'Dmitry Peskov', type: 'person' },
  { file: text, start: 23, end: 40, text: 'talks in Istanbul', entityId: 'istanbul-talks', label: 'Istanbul talks', type: 'event' },
];

function annotate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'annotate', ...(args.length > 0 ? args : [text])], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

function writeTemp(name: string, content: string): string {
  const file = join(tmp, name);
  writeFileSync(file, content);
  return file;
}

const rows = (stdout: string): unknown[] => stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown);

describe('annotate through the code cache', () => {
  it('leaves a cache behind, and a damaged cache only costs a compile: same output, the cache written again', async () => {
    const first = await annotate();
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(rows(first.stdout)).toEqual(EXPECTED);
    expect(statSync(CODE_CACHE).size).toBeGreaterThan(10_000);

    const damaged = Buffer.alloc(4096, 0x5a);
    writeFileSync(CODE_CACHE, damaged);
    const second = await annotate();
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(rows(second.stdout)).toEqual(EXPECTED);
    // Refused by V8 (cachedDataRejected), so replaced at exit by one made from this build's code.
    expect(readFileSync(CODE_CACHE).equals(damaged)).toBe(false);
    expect(statSync(CODE_CACHE).size).toBeGreaterThan(10_000);

    const third = await annotate();
    expect(rows(third.stdout)).toEqual(EXPECTED);
  });

  it('never runs the code of another build: a same-length cache made from other source, left by a process of an older build, is not used', async () => {
    // An older build's annotate.cjs that differs from this one in one character (a string of the top-level code,
    // compiled eagerly, so stale bytecode would print it), and the code cache V8 makes from it. V8 checks a cache
    // against the source's length only: made in a plain node process, as the command's, this cache is accepted
    // for the new source (the premise, checked below), so only its name keeps it away.
    const source = readFileSync(ANNOTATE, 'utf8');
    expect(source).toContain('Usage: onrecord annotate [');
    const older = source.replace('Usage: onrecord annotate [', 'Usage: onrecord ANNOTATE [');
    expect(older.length).toBe(source.length);
    const made = join(tmp, 'older.cjs.v8');
    const accepted = execFileSync(
      process.execPath,
      [
        '-e',
        `const { Script } = require('node:vm'); const { readFileSync, writeFileSync } = require('node:fs');
const [file, older, out] = process.argv.slice(1);
const wrap = (code) => ${JSON.stringify(WRAP_HEAD)} + code + ${JSON.stringify(WRAP_TAIL)};
const data = new Script(wrap(readFileSync(older, 'utf8')), { filename: file }).createCachedData();
writeFileSync(out, data);
const current = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: data });
process.stdout.write(String(current.cachedDataRejected));`,
        ANNOTATE,
        writeTemp('older.cjs', older),
        made,
      ],
      { encoding: 'utf8' },
    );
    expect(accepted).toBe('false');
    const stale = readFileSync(made);
    // Where a process of the older build writes its cache at exit (its own name), and the name caches had before
    // they were keyed to the build.
    mkdirSync(CODE_DIR, { recursive: true });
    writeFileSync(join(CODE_DIR, `annotate.${sha256(older)}.cjs.v8`), stale);
    writeFileSync(join(CODE_DIR, 'annotate.cjs.v8'), stale);
    rmSync(CODE_CACHE, { force: true });

    for (let run = 0; run < 2; run++) {
      const help = await annotate('--help');
      expect(help).toMatchObject({ code: 0, stderr: '' });
      expect(help.stdout).toContain('Usage: onrecord annotate [');
      expect(help.stdout).not.toContain('ANNOTATE');
    }
    // This build's cache is its own, and the older build's files are gone.
    expect(readFileSync(CODE_CACHE).equals(stale)).toBe(false);
    // (check and extract keep their own caches in the same folder: only annotate's are looked at.)
    expect(readdirSync(CODE_DIR).filter((name) => name.startsWith('annotate.') && name.endsWith('.v8'))).toEqual([CODE_CACHE.slice(CODE_DIR.length + 1)]);
    const again = await annotate();
    expect(rows(again.stdout)).toEqual(EXPECTED);
  });
});
