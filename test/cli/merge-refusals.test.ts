/**
 * Audit 10 A1, A25, A26 (issue 12): `onrecord corpus merge` refuses a candidate
 * that repeats a base position found again in the base's own text file, never
 * writes over BASE, and `onrecord extract` on a folder with nothing to read
 * says so. Run as a user runs them: `node bin/onrecord.mjs …` on temporary files.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/onrecord.mjs');
const SEED = join(ROOT, 'corpus/seed.json');
const SEED_TEXT = join(ROOT, 'corpus/seeds/000_bbdc91fdf906eb6d.txt');

const tmp = mkdtempSync(join(tmpdir(), 'onrecord-merge-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function onrecord(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: tmp, maxBuffer: 32 << 20 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

interface P {
  id: string;
  actor: string;
  source: string;
  status?: string;
  passage: { start: number; end: number };
}
interface C {
  sources: { id: string; file?: string; text?: string; published: object }[];
  positions: P[];
}

describe('onrecord corpus merge: duplicates of the base found in its own text', () => {
  it('refuses a candidate whose speaker already has an overlapping passage of the same seed text, and reports it', async () => {
    const x = await onrecord(['extract', '--out', 'c.json', SEED_TEXT]);
    expect(x.code).toBe(0);
    const cand = JSON.parse(readFileSync(join(tmp, 'c.json'), 'utf8')) as C;
    const seed = JSON.parse(readFileSync(SEED, 'utf8')) as C;
    const seedSource = seed.sources.find((s) => s.file === '000_bbdc91fdf906eb6d.txt')!;
    // Reviewed: accepted, and dated (the seed text has no date of its own) as the seed dates it.
    for (const s of cand.sources) s.published = seedSource.published;
    for (const p of cand.positions) Object.assign(p, { status: 'accepted', date: seedSource.published });
    writeFileSync(join(tmp, 'a.json'), JSON.stringify(cand));
    const seedPositions = seed.positions.filter((p) => p.source === seedSource.id);
    // The extract finds again at least one seed position (same speaker, overlapping passage): the test has teeth.
    const repeats = cand.positions.filter((q) => seedPositions.some((p) => p.actor === q.actor && p.passage.start < q.passage.end && q.passage.start < p.passage.end));
    expect(repeats.length).toBeGreaterThan(0);

    const m = await onrecord(['corpus', 'merge', SEED, 'a.json', '--out', 'n.json']);
    expect(m.stderr).toBe('');
    expect(m.code).toBe(0);
    for (const q of repeats) expect(m.stdout).toMatch(new RegExp(`refused ${q.id}: duplicate of \\S+ \\(same speaker, overlapping passage of the same source\\)`));
    const merged = JSON.parse(readFileSync(join(tmp, 'n.json'), 'utf8')) as C;
    // The seed text is not added again as a new source: its candidates point at the seed's source.
    expect(merged.sources.filter((s) => s.text !== undefined && s.text === readFileSync(SEED_TEXT, 'utf8'))).toEqual([]);
    const onSeed = merged.positions.filter((p) => p.source === seedSource.id);
    for (const a of onSeed)
      for (const b of onSeed) if (a !== b && a.actor === b.actor) expect(a.passage.start < b.passage.end && b.passage.start < a.passage.end, `${a.id} overlaps ${b.id}`).toBe(false);
  });
});

describe('onrecord corpus merge --out BASE', () => {
  it('refuses with exit code 2 and leaves BASE as it was', async () => {
    const base = join(tmp, 'base.json');
    writeFileSync(base, readFileSync(SEED, 'utf8').replace('"textDir": "', `"textDir": "${join(ROOT, 'corpus')}/`));
    writeFileSync(join(tmp, 'cand.json'), readFileSync(SEED, 'utf8'));
    const before = readFileSync(base, 'utf8');
    const stamp = statSync(base).mtimeMs;
    for (const out of ['base.json', './base.json', base]) {
      const r = await onrecord(['corpus', 'merge', 'base.json', 'cand.json', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is the base file; the base is never changed');
    }
    expect(readFileSync(base, 'utf8')).toBe(before);
    expect(statSync(base).mtimeMs).toBe(stamp);
  });
});

describe('onrecord extract on a folder with nothing to read', () => {
  it('says so on stderr and exits 1', async () => {
    mkdirSync(join(tmp, 'empty/sub'), { recursive: true });
    writeFileSync(join(tmp, 'empty/notes.md'), 'not read');
    const r = await onrecord(['extract', 'empty']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('empty: no .txt, .html or .htm files in this folder');
  });
});

describe('candidates with no date found (audit 10 A2)', () => {
  const UNDATED = 'Talks resumed.\n\n"We are ready to talk," Kremlin spokesman Dmitry Peskov said.\n';
  interface D {
    from: string;
    to: string;
    precision: string;
    unknown?: boolean;
  }
  interface DC {
    sources: { id: string; published: D }[];
    positions: { id: string; status?: string; date: D }[];
  }

  it('say "unknown" instead of a range passed off as a date; validate accepts them only as candidates; merge refuses them', async () => {
    writeFileSync(join(tmp, 'undated.txt'), UNDATED);
    expect((await onrecord(['extract', '--out', 'u.json', 'undated.txt'])).code).toBe(0);
    const cand = JSON.parse(readFileSync(join(tmp, 'u.json'), 'utf8')) as DC;
    expect(cand.positions.length).toBeGreaterThan(0);
    for (const p of cand.positions) {
      expect(p.date.unknown).toBe(true);
      expect(p.date.from.startsWith('1900')).toBe(false);
      expect(p.date.precision).not.toBe('year');
    }
    expect(cand.sources[0]!.published.unknown).toBe(true);
    expect((await onrecord(['corpus', 'validate', 'u.json'])).code).toBe(0);

    // Unreviewed, even with --include-unreviewed: left out and said so.
    const inc = await onrecord(['corpus', 'merge', SEED, 'u.json', '--include-unreviewed', '--out', 'u-inc.json']);
    expect(inc.code).toBe(0);
    for (const p of cand.positions) expect(inc.stdout).toContain(`refused ${p.id}: no date was found`);
    const merged = JSON.parse(readFileSync(join(tmp, 'u-inc.json'), 'utf8')) as DC;
    expect(merged.positions.some((p) => p.date.unknown)).toBe(false);
    expect(merged.sources.some((s) => s.published.unknown)).toBe(false);

    // Accepted without a date: the file is refused, with the position named; nothing written.
    for (const p of cand.positions) p.status = 'accepted';
    writeFileSync(join(tmp, 'u-acc.json'), JSON.stringify(cand));
    const acc = await onrecord(['corpus', 'merge', SEED, 'u-acc.json', '--out', 'u-never.json']);
    expect(acc.code).toBe(1);
    expect(acc.stderr).toContain(`no date was found for position "${cand.positions[0]!.id}"`);
    expect(() => statSync(join(tmp, 'u-never.json'))).toThrow();
    expect((await onrecord(['corpus', 'validate', 'u-acc.json'])).code).toBe(1);

    // Dated by the reviewer (date and source's published set, "unknown" dropped): merged.
    for (const s of cand.sources) s.published = { from: '2022-03-01', to: '2022-03-01', precision: 'day' };
    for (const p of cand.positions) p.date = { from: '2022-03-01', to: '2022-03-01', precision: 'day' };
    writeFileSync(join(tmp, 'u-dated.json'), JSON.stringify(cand));
    const ok = await onrecord(['corpus', 'merge', SEED, 'u-dated.json', '--out', 'u-ok.json']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`merged ${cand.positions.length} positions`);
  });
});

describe('new speakers in a candidates file (audit 10 A3)', () => {
  it("resolves a name the record knows (\"United Kingdom\") to the record's entity, and folds a surname into the full name of the same file", async () => {
    writeFileSync(
      join(tmp, 'speakers.txt'),
      'Peace talks resumed on Monday.\n\n"The war must end," Obama said.\n\nLater, former US president Barack Obama said the talks were a start.\n\nThe United Kingdom said it would keep sending aid to Kyiv.\n',
    );
    // The finder leaves all three speakers new (speakerId null), and names the surname alone by the full name the page
    // writes (audit 10 A29, 812bb0b): the candidates file resolves the record's name and mints one candidate person.
    const rowsOut = (await onrecord(['extract', 'speakers.txt'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { speakerId: string | null; speakerName: string });
    expect(rowsOut.map((r) => [r.speakerId, r.speakerName])).toEqual([
      [null, 'Barack Obama'],
      [null, 'Barack Obama'],
      [null, 'United Kingdom'],
    ]);
    expect((await onrecord(['extract', '--out', 'sp.json', 'speakers.txt'])).code).toBe(0);
    const c = JSON.parse(readFileSync(join(tmp, 'sp.json'), 'utf8')) as { entities: { id: string }[]; positions: { actor: string }[] };
    expect(c.positions.map((p) => p.actor)).toEqual(['cand-barack-obama', 'cand-barack-obama', 'united-kingdom']);
    expect(c.entities.map((e) => e.id).filter((id) => id.startsWith('cand-'))).toEqual(['cand-barack-obama']);
    expect((await onrecord(['corpus', 'validate', 'sp.json'])).code).toBe(0);
  });
});

describe('--out in a folder that is not there, or a folder itself (review 11B RB6)', () => {
  it('extract refuses before reading anything, in words, exit 2', async () => {
    for (const [out, said] of [
      ['no-such-dir/x.json', 'does not exist'],
      ['.', 'is a directory; give a file name'],
    ] as const) {
      const r = await onrecord(['extract', '--out', out, SEED_TEXT]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--out ${out}: `);
      expect(r.stderr).toContain(said);
      expect(r.stderr).not.toContain('internal error');
      // Refused before the work: no file was read (no progress line, no "wrote").
      expect(r.stderr).not.toMatch(/\d+\/\d+|wrote/);
    }
  });

  it('corpus merge refuses before reading BASE, in words, exit 2', async () => {
    for (const [out, said] of [
      ['no-such-dir/o.json', 'does not exist'],
      [tmp, 'is a directory; give a file name'],
    ] as const) {
      // The base does not exist: had it been read first, the message would be about the base.
      const r = await onrecord(['corpus', 'merge', 'missing-base.json', 'missing-cand.json', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(said);
      expect(r.stderr).not.toContain('missing-base.json');
      expect(r.stderr).not.toContain('internal error');
    }
  });
});
