/**
 * Issue 15, command start: the package's bin (bin/onrecord.cjs) runs `onrecord annotate` without the dispatcher
 * (main.mjs) and writes to a file or /dev/null with writeSync instead of `process.stdout`. It must behave as the
 * dispatcher does: the same help, usage errors and exit statuses, the same bytes whatever stdout is, and a write
 * that fails is one line on stderr and exit 1, as a failing stdout stream is.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/command.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/onrecord.cjs');

const tmp = mkdtempSync(join(tmpdir(), 'onrecord-launcher-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const text = join(tmp, 'one-line.txt');
writeFileSync(text, 'Dmitry Peskov said the talks in Istanbul were over.\nДмитрий Песков заявил.\n');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bin with stdout a pipe (`out` undefined) or the given file descriptor. */
function bin(args: string[], out?: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: tmp, stdio: ['ignore', out ?? 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The same command through the dispatcher (the sources, in this process). */
async function dispatcher(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { out: (t) => (stdout += t), err: (t) => (stderr += t), cwd: tmp };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('bin/onrecord.cjs annotate', () => {
  it('prints the same help, usage errors and exit statuses as the dispatcher', async () => {
    for (const args of [['annotate', '--help'], ['annotate'], ['annotate', '--format', 'xml', text], ['annotate', '--colour', text], ['annotate', 'missing.txt']]) {
      expect(await bin(args), args.join(' ')).toEqual(await dispatcher(args));
    }
  });

  it('writes the same bytes to a pipe, to a file (appending after what it holds) and nothing to /dev/null', async () => {
    for (const format of ['jsonl', 'csv']) {
      const piped = await bin(['annotate', '--format', format, text]);
      expect(piped).toMatchObject({ code: 0, stderr: '' });
      expect(piped.stdout.split('\n').length).toBeGreaterThan(3);
      const file = join(tmp, `out.${format}`);
      writeFileSync(file, 'before\n');
      const fd = openSync(file, 'a');
      try {
        expect(await bin(['annotate', '--format', format, text], fd)).toEqual({ code: 0, stdout: '', stderr: '' });
      } finally {
        closeSync(fd);
      }
      expect(readFileSync(file, 'utf8')).toBe(`before\n${piped.stdout}`);
      const devNull = openSync('/dev/null', 'w');
      try {
        expect(await bin(['annotate', '--format', format, text], devNull)).toEqual({ code: 0, stdout: '', stderr: '' });
      } finally {
        closeSync(devNull);
      }
    }
  });

  it('reports a stdout it cannot write to in one line and exits 1', async () => {
    const file = join(tmp, 'read-only-fd.txt');
    writeFileSync(file, '');
    const fd = openSync(file, 'r');
    try {
      const r = await bin(['annotate', text], fd);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^onrecord: cannot write output: EBADF[^\n]*\n$/);
    } finally {
      closeSync(fd);
    }
  });
});

/** Issue 15: check and extract are built each as one file too, and bin/onrecord.cjs runs them without the dispatcher. */
describe('bin/onrecord.cjs check and extract', () => {
  const claims = join(tmp, 'claims.txt');
  writeFileSync(claims, 'Peskov said the talks in Istanbul were over.\n{"claim": 3}\nПодоляк заявил, что переговоры в Стамбуле продолжатся.\n');

  it('print the same help, usage errors, exit statuses and rows as the dispatcher', async () => {
    for (const args of [
      ['check', '--help'],
      ['check', '--format', 'csv', claims],
      ['check', claims, claims],
      ['check', 'missing.txt'],
      ['check', claims],
      ['extract', '--help'],
      ['extract'],
      ['extract', '--jobs', '0', text],
      ['extract', '--format', 'xml', text],
      ['extract', text],
      ['extract', '--format', 'csv', text, 'missing.txt'],
    ]) {
      expect(await bin(args), args.join(' ')).toEqual(await dispatcher(args));
    }
  });

  it('load their own build, not the dispatcher', () => {
    for (const name of ['check', 'extract']) {
      expect(readFileSync(join(ROOT, `dist/cli/${name}-loader.cjs`), 'utf8')).toContain(`${name}.cjs`);
    }
    expect(readFileSync(BIN, 'utf8')).toMatch(/args\[0\] === 'check' \|\| args\[0\] === 'extract'/u);
  });
});
