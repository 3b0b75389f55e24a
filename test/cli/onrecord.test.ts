/**
 * The CLI as a user runs it: `node bin/onrecord.mjs …` in a child process,
 * checking exit status, stdout and stderr. No run may print a stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/onrecord.mjs');
const VALID = 'test/corpora/valid/corpus.json';
const BROKEN = 'test/corpora/broken/corpus.json';
const STACK_LINE = '    at ';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function onrecord(args: string[], cwd = ROOT): Promise<Run> {
  const run = await new Promise<Run>((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
  expect(run.stderr).not.toContain(STACK_LINE);
  return run;
}

const tmp = mkdtempSync(join(tmpdir(), 'onrecord-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tmpFile(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe('onrecord usage', () => {
  it('prints help on --help and exits 0', async () => {
    const r = await onrecord(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: onrecord <command>/);
    expect(r.stdout).toMatch(/^ {2}corpus +validate, count and export corpus files$/m);
  });

  it('prints usage on stderr and exits 2 without a command', async () => {
    const r = await onrecord([]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^Usage: onrecord <command>/);
  });

  it('rejects an unknown command with usage on stderr', async () => {
    const r = await onrecord(['frobnicate']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^onrecord: unknown command "frobnicate"\n\nUsage: onrecord/);
  });

  it('lists the corpus subcommands, and rejects an unknown one', async () => {
    const help = await onrecord(['corpus', '--help']);
    expect(help.code).toBe(0);
    for (const cmd of ['validate', 'stats', 'positions', 'entities']) expect(help.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
    const bad = await onrecord(['corpus', 'lint']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^onrecord corpus: unknown command "lint"/);
  });

  it('prints a subcommand help on stdout', async () => {
    const r = await onrecord(['corpus', 'validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: onrecord corpus validate FILE…/);
  });

  it('reports bad options in one line and exits 2', async () => {
    const format = await onrecord(['corpus', 'positions', '--corpus', VALID, '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toBe('onrecord corpus positions: --format must be "jsonl" or "csv", not "xml"\nRun "onrecord corpus positions --help" for usage.\n');
    const unknown = await onrecord(['corpus', 'entities', '--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe("onrecord corpus entities: Unknown option '--colour'");
    const none = await onrecord(['corpus', 'validate']);
    expect(none.code).toBe(2);
    expect(none.stderr.split('\n')[0]).toBe('onrecord corpus validate: give at least one corpus file');
  });
});

describe('onrecord corpus validate', () => {
  it('exits 0 for a valid corpus', async () => {
    const r = await onrecord(['corpus', 'validate', VALID]);
    expect(r).toEqual({ code: 0, stdout: `${VALID}: valid: 2 sources, 6 entities, 3 positions\n`, stderr: '' });
  });

  it('lists every problem, one per line, and exits 1', async () => {
    const r = await onrecord(['corpus', 'validate', BROKEN]);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').sort()).toEqual(
      [
        `${BROKEN}: entities[5].aliases: entity "troop-withdrawal" has no alias; add at least one form the press writes`,
        `${BROKEN}: entities[4].aliases[2].text: warning: alias "PODOLYAK" is also an alias of "mykhailo-podolyak" (entities[0].aliases[1]); mark both "ambiguous" if both are meant`,
        `${BROKEN}: positions[0].source: unknown source "doc-9"`,
        `${BROKEN}: positions[1].passage.end: offset 999 is past the end of source "talks" (184 UTF-16 code units)`,
        `${BROKEN}: positions[2].links[0].target: position "lavrov-never-refused" links to itself`,
      ].sort(),
    );
  });

  it('checks several files and fails if any fails', async () => {
    const r = await onrecord(['corpus', 'validate', VALID, BROKEN]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${VALID}: valid`);
    expect(r.stdout).toContain(`${BROKEN}: positions[0].source: unknown source "doc-9"`);
  });

  it('resolves source texts relative to the corpus file, not the working directory', async () => {
    const r = await onrecord(['corpus', 'validate', join(ROOT, VALID)], tmp);
    expect(r.code).toBe(0);
  });

  const valid = readFileSync(join(ROOT, VALID), 'utf8');
  const badInputs: [string, () => string, RegExp][] = [
    ['a missing file', () => join(tmp, 'nope.json'), /nope\.json: no such file or directory$/],
    ['a directory', () => tmp, /: is a directory; give the corpus \.json file$/],
    ['truncated JSON', () => tmpFile('truncated.json', valid.slice(0, 900)), /truncated\.json:\d+:\d+: not valid JSON: the file ends too early \(truncated\?\)/],
    ['text that is not JSON', () => tmpFile('notes.json', 'Podolyak: no ceasefire\n'), /notes\.json:1:1: not valid JSON: expected a value .*found "P" \(this does not look like JSON at all/],
    ['wrong types', () => tmpFile('types.json', JSON.stringify({ ...JSON.parse(valid), sources: 'talks', version: 2 })), /types\.json: version: expected a string, got 2\n.*types\.json: sources: expected an array, got "talks"$/s],
    ['a binary file', () => tmpFile('image.json', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), /image\.json: this is a binary file, not a corpus/],
    ['a newer formatVersion', () => tmpFile('future.json', valid.replace('"formatVersion": 1', '"formatVersion": 2')), /future\.json: formatVersion: formatVersion 2 is newer than this OnRecord understands \(1\); update OnRecord$/],
    ['a 70 MB file', () => tmpFile('huge.json', Buffer.alloc(70 * 1024 * 1024, 0x20).fill('{', 0, 1)), /huge\.json: the file is 70 MB, over the 64 MB limit for a corpus \(MAX_CORPUS_BYTES\); it was not read$/],
  ];

  it.each(badInputs)('explains %s in one line and exits 1', async (_name, make, message) => {
    const r = await onrecord(['corpus', 'validate', make()]);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd()).toMatch(message);
  });

  it('fails the export commands the same way, on stderr', async () => {
    const r = await onrecord(['corpus', 'positions', '--corpus', tmpFile('bad.json', '{"formatVersion": 1,')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^.*bad\.json:1:21: not valid JSON: the file ends too early \(truncated\?\): expected a property name in double quotes\n$/);
  });
});

describe('onrecord corpus stats', () => {
  it('counts by entity type, side, source, topic and link type', async () => {
    const r = await onrecord(['corpus', 'stats', VALID]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 sources, 6 entities, 3 positions, 2 links, 2 sides');
    expect(r.stdout).toContain('Entities by type:\n  person        3\n  topic         2\n  organization  1\n');
    expect(r.stdout).toContain('By side:\n  (no side)  2 entities, 0 positions\n  russia     3 entities, 2 positions\n  ukraine    1 entities, 1 positions\n');
    expect(r.stdout).toContain('Positions by source:\n  talks   2\n  inline  1\n');
    expect(r.stdout).toContain('Positions by topic:\n  peace-talks       3\n  troop-withdrawal  1\n');
    expect(r.stdout).toContain('Links by type:\n  contradicts  1\n  responds-to  1\n');
  });

  it('writes the same counts as JSON', async () => {
    const r = await onrecord(['corpus', 'stats', VALID, '--format', 'json']);
    const stats = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(stats['entitiesByType']).toEqual({ person: 3, topic: 2, organization: 1 });
    expect(stats['positionsByTopic']).toEqual({ 'peace-talks': 3, 'troop-withdrawal': 1 });
  });

  it('reads the bundled corpus from the package, whatever the working directory', async () => {
    const bundled = join(ROOT, 'corpus/seed.json');
    const seed = JSON.parse(readFileSync(bundled, 'utf8')) as { sources: unknown[]; entities: unknown[]; positions: unknown[]; sides?: unknown[] };
    const r = await onrecord(['corpus', 'stats'], tmp);
    // The bundled corpus is read and counted: it must exist, validate and give its own numbers.
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`${bundled}: `)).toBe(true);
    expect(r.stdout).toContain(`${seed.sources.length} sources, ${seed.entities.length} entities, ${seed.positions.length} positions`);
    expect(r.stdout).toContain(`, ${seed.sides?.length ?? 0} sides`);
  });
});

describe('onrecord corpus positions and entities', () => {
  it('writes positions as JSON Lines', async () => {
    const r = await onrecord(['corpus', 'positions', '--corpus', VALID]);
    expect(r.code).toBe(0);
    const records = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((p) => p['id'])).toEqual(['podolyak-no-ceasefire', 'kremlin-standstill', 'lavrov-never-refused']);
    expect(records[1]).toMatchObject({
      actor: 'kremlin', actorLabel: 'Kremlin', side: 'russia', reportedBy: 'dmitry-peskov', topics: ['peace-talks'],
      dateFrom: '2022-05-03', dateTo: '2022-05-03', datePrecision: 'day', source: 'talks', sourceFile: 'talks.txt',
      start: 109, end: 183, quote: 'at a standstill', paraphrase: 'talks were at a standstill',
      links: ['responds-to:podolyak-no-ceasefire'],
    });
    expect(records[0]).toMatchObject({ reportedBy: null, paraphrase: null });
  });

  it('writes positions as RFC 4180 CSV', async () => {
    const r = await onrecord(['corpus', 'positions', '--corpus', VALID, '--format', 'csv']);
    const rows = r.stdout.split('\r\n');
    expect(rows[0]).toBe('id,actor,actorLabel,side,reportedBy,topics,dateFrom,dateTo,datePrecision,source,sourceFile,start,end,quote,paraphrase,stance,medium,links');
    expect(rows[1]).toContain(',peace-talks; troop-withdrawal,');
    expect(rows[2]).toContain(',"Talks with Ukraine have stalled, the Kremlin says.",');
    expect(rows[3]).toContain(',"Moscow ""never"" refused",');
    expect(rows).toHaveLength(5);
    expect(rows[4]).toBe('');
  });

  it('writes entities as JSON Lines and CSV', async () => {
    const jsonl = await onrecord(['corpus', 'entities', '--corpus', VALID]);
    const first = JSON.parse(jsonl.stdout.split('\n')[0]!) as unknown;
    expect(first).toEqual({ id: 'mykhailo-podolyak', type: 'person', label: 'Mykhailo Podolyak', side: 'ukraine', description: null, aliases: ['Mykhailo Podolyak', 'Podolyak'] });
    const csv = await onrecord(['corpus', 'entities', '--corpus', VALID, '--format', 'csv']);
    expect(csv.stdout.split('\r\n').slice(0, 3)).toEqual([
      'id,type,label,side,description,aliases',
      'mykhailo-podolyak,person,Mykhailo Podolyak,ukraine,,Mykhailo Podolyak; Podolyak',
      'dmitry-peskov,person,Dmitry Peskov,russia,Kremlin spokesman,Dmitry Peskov; Peskov',
    ]);
  });
});
