/**
 * Issue 15, command start: annotate (dist/cli/annotate.cjs) is loaded through V8's code cache
 * (src/cli/code-cache.ts), kept in the build's cache folder. A run leaves the cache behind; a cache V8 refuses
 * (damaged, or made from other code) changes nothing but the time: the run compiles as usual, prints the same
 * mentions, and writes a good cache in its place.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/onrecord.mjs');
const CODE_CACHE = join(ROOT, 'dist/cli/cache/code/annotate.cjs.v8');

const tmp = mkdtempSync(join(tmpdir(), 'onrecord-code-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const text = join(tmp, 'one-line.txt');
writeFileSync(text, 'Dmitry Peskov said the talks in Istanbul were over.\n');
const EXPECTED = [
  { file: text, start: 0, end: 13, text: 'Dmitry Peskov', entityId: 'dmitry-peskov', label: 'Dmitry Peskov', type: 'person' },
  { file: text, start: 23, end: 40, text: 'talks in Istanbul', entityId: 'istanbul-talks', label: 'Istanbul talks', type: 'event' },
];

function annotate(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'annotate', text], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
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
});
