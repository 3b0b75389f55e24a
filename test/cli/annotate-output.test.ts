/**
 * `onrecord annotate`'s output stays byte for byte what it was before its
 * speed work (issue 15), in both formats:
 *
 * - a fixture (test/fixtures/cli-annotate/: mixed languages, an emoji, a
 *   byte-order mark, CRLF lines, a file name with a comma, a walked folder
 *   with an HTML page and a skipped .md file, 120 KB of dense synthetic news,
 *   and two real pages) against the output of the build before that work
 *   (main at 1e03d4b), kept as expected.jsonl / expected.csv;
 * - about 1.5 MB of synthetic news (over 1 MB of rows, so the output is
 *   written in several pieces) against rows made the plain way in this
 *   process: the matcher's mentions, one JSON.stringify of
 *   `{ file, start, end, text, entityId, label, type }` per mention for JSON
 *   Lines, csvRow of the same fields for CSV.
 */
import { execFile, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticText } from '../../bench/lib/synthetic-news.ts';
import { loadCorpusText } from '../../src/core/corpus/load.ts';
import { csvRow } from '../../src/core/csv.ts';
import { compileMatcher, createDocumentContext } from '../../src/core/match/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/onrecord.mjs');
const FIXTURE = join(ROOT, 'test/fixtures/cli-annotate');
const INPUTS = ['input', '../realpages/bbc-1.html', '../realpages/wikipedia-2.html'];

interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

function annotate(args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, 'annotate', ...args], { cwd, encoding: 'buffer', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr: stderr.toString() });
    });
  });
}

/** Equal bytes; on a difference, the first differing line is what the failure shows. */
function expectSameBytes(actual: Buffer, expected: Buffer): void {
  if (actual.equals(expected)) return;
  const a = actual.toString('utf8').split('\n');
  const e = expected.toString('utf8').split('\n');
  const at = a.findIndex((line, i) => line !== e[i]);
  expect({ line: at + 1, actual: a[at], lines: a.length }).toEqual({ line: at + 1, actual: e[at], lines: e.length });
  expect(actual.equals(expected)).toBe(true);
}

describe('onrecord annotate output is byte-identical to the build before the speed work', () => {
  it('JSON Lines on the fixture', async () => {
    const r = await annotate(INPUTS, FIXTURE);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expectSameBytes(r.stdout, readFileSync(join(FIXTURE, 'expected.jsonl')));
  });

  it('CSV on the fixture', async () => {
    const r = await annotate(['--format', 'csv', ...INPUTS], FIXTURE);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expectSameBytes(r.stdout, readFileSync(join(FIXTURE, 'expected.csv')));
  });
});

describe('onrecord annotate output on 1.5 MB equals rows made one JSON.stringify / csvRow per mention', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'onrecord-annotate-output-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const corpus = loadCorpusText(readFileSync(join(ROOT, 'corpus/seed.json'), 'utf8'), { fileName: 'seed.json', checkOffsets: false }).corpus!;
  const text = syntheticText(1_500_000, corpus.entities, 11);
  const file = 'news.txt';
  writeFileSync(join(tmp, file), text);
  const byId = new Map(corpus.entities.map((e) => [e.id, e]));
  const mentions = compileMatcher(corpus.entities, corpus.sides).scan(text, createDocumentContext());
  const records = mentions.map((m) => {
    const e = byId.get(m.entityId)!;
    return { file, start: m.start, end: m.end, text: text.slice(m.start, m.end), entityId: e.id, label: e.label, type: e.type };
  });

  it('JSON Lines', async () => {
    const expected = Buffer.from(records.map((x) => `${JSON.stringify(x)}\n`).join(''));
    expect(expected.length).toBeGreaterThan(1 << 20);
    const r = await annotate([file], tmp);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expectSameBytes(r.stdout, expected);
  });

  it('JSON Lines into a file (stdout a file, which takes each piece at once: the buffer is reused)', async () => {
    const expected = Buffer.from(records.map((x) => `${JSON.stringify(x)}\n`).join(''));
    const outFile = join(tmp, 'out.jsonl');
    const fd = openSync(outFile, 'w');
    const code = await new Promise<number | null>((done) => {
      spawn(process.execPath, [BIN, 'annotate', file], { cwd: tmp, stdio: ['ignore', fd, 'inherit'] }).on('close', done);
    });
    closeSync(fd);
    expect(code).toBe(0);
    expectSameBytes(readFileSync(outFile), expected);
  });

  it('CSV', async () => {
    const header = csvRow(['file', 'start', 'end', 'text', 'entityId', 'label', 'type']);
    const expected = Buffer.from(header + records.map((x) => csvRow([x.file, x.start, x.end, x.text, x.entityId, x.label, x.type])).join(''));
    const r = await annotate(['--format', 'csv', file], tmp);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expectSameBytes(r.stdout, expected);
  });
});
