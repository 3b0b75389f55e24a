/**
 * `onrecord extract` and `onrecord corpus merge` as a user runs them:
 * `node bin/onrecord.mjs …` on temporary files.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/onrecord.mjs');
const SEED = join(ROOT, 'corpus/seed.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface Row {
  file: string;
  speakerId: string | null;
  speakerName: string;
  speakerStart: number;
  speakerEnd: number;
  cueStart: number | null;
  cueEnd: number | null;
  start: number;
  end: number;
  kind: string;
  quote: string | null;
  date: string | null;
  topics: string[];
}

const tmp = mkdtempSync(join(tmpdir(), 'onrecord-extract-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function onrecord(args: string[]): Promise<Run> {
  return new Promise<Run>((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: tmp, maxBuffer: 32 << 20 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

function write(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return name;
}

const rows = (stdout: string): Row[] => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Row);

const EN = 'Rocket 🚀 news.\n\n"We are still ready for negotiations," Kremlin spokesman Dmitry Peskov said, according to TASS.\n\nThe weather in Kyiv was sunny.';
const RU = 'Пресс-секретарь Кремля заявил, что Москва готова к переговорам лишь после признания новых реалий, сообщает РИА Новости.';

describe('onrecord extract', () => {
  it('writes one JSON line per statement with offsets into the file text', async () => {
    const file = write('en.txt', EN);
    const r = await onrecord(['extract', file]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const [row, ...rest] = rows(r.stdout);
    expect(rest).toEqual([]);
    expect(Object.keys(row!)).toEqual(['file', 'speakerId', 'speakerName', 'speakerStart', 'speakerEnd', 'cueStart', 'cueEnd', 'start', 'end', 'kind', 'quote', 'date', 'topics']);
    expect(row).toMatchObject({ file: 'en.txt', speakerId: 'dmitry-peskov', speakerName: 'Dmitry Peskov', kind: 'direct', quote: 'We are still ready for negotiations' });
    expect(EN.slice(row!.speakerStart, row!.speakerEnd)).toBe('Dmitry Peskov');
    expect(EN.slice(row!.cueStart!, row!.cueEnd!)).toBe('said');
    expect(EN.slice(row!.start, row!.end)).toBe('We are still ready for negotiations,');
  });

  it('writes CSV with a header', async () => {
    const file = write('ru.txt', RU);
    const r = await onrecord(['extract', '--format', 'csv', file]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\r\n').length > 1 ? r.stdout.trim().split('\r\n') : r.stdout.trim().split('\n');
    expect(lines[0]).toBe('file,speakerId,speakerName,speakerStart,speakerEnd,cueStart,cueEnd,start,end,kind,quote,date,topics');
    expect(lines[1]).toContain('ru.txt,dmitry-peskov,Dmitry Peskov,');
    expect(lines[1]).toContain(',indirect,');
  });

  it('reads HTML through the page-text layer, dates the article from its metadata and resolves "on Tuesday" against it', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Talks</title>
      <meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2022-11-17T09:00:00Z">
      <link rel="canonical" href="https://news.example/talks"></head>
      <body><script>var x = "Peskov said nothing";</script><article><h1>Talks</h1>
      <p>Kremlin spokesman Dmitry Peskov said on Tuesday that Russia is still ready for negotiations with Ukraine.</p></article></body></html>`;
    const file = write('page.html', html);
    const text = (await onrecord(['annotate', '--print-text', file])).stdout;
    const r = await onrecord(['extract', file]);
    expect(r.code).toBe(0);
    const [row] = rows(r.stdout);
    expect(row).toMatchObject({ speakerId: 'dmitry-peskov', kind: 'indirect', date: '2022-11-15', quote: null });
    expect(text.slice(row!.start, row!.end)).toBe('Russia is still ready for negotiations with Ukraine');
    expect(row!.topics).toEqual(expect.arrayContaining(['peace-talks']));
  });

  it('reads a folder with worker threads in file order, reports an unreadable file and exits 1', async () => {
    const names: string[] = [];
    for (let i = 0; i < 10; i++) names.push(write(`folder/doc-${String(i).padStart(2, '0')}.txt`, i % 2 ? EN : RU));
    write('folder/broken.txt', new Uint8Array([0x50, 0x00, 0x01, 0xff]));
    const r = await onrecord(['extract', '--jobs', '2', 'folder']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('folder/broken.txt: not a text file (binary)');
    expect(r.stderr).toMatch(/11\/11 files/); // progress (a plain line: stderr is not a terminal here)
    const got = rows(r.stdout);
    expect(got.map((x) => x.file)).toEqual(names.map((n) => n));
    expect(new Set(got.map((x) => x.speakerId))).toEqual(new Set(['dmitry-peskov']));
  });

  it('uses the corpus given with --corpus', async () => {
    const corpus = JSON.parse(readFileSync(SEED, 'utf8'));
    corpus.entities.push({ id: 'dmytro-kuleba', type: 'person', label: 'Dmytro Kuleba', aliases: [{ text: 'Dmytro Kuleba' }, { text: 'Kuleba' }] });
    corpus.textDir = join(ROOT, 'corpus', corpus.textDir);
    write('mine.json', JSON.stringify(corpus));
    const file = write('kuleba.txt', 'Foreign Minister Dmytro Kuleba said Ukraine would not cede territory.');
    const withSeed = rows((await onrecord(['extract', file])).stdout);
    expect(withSeed[0]).toMatchObject({ speakerId: null, speakerName: 'Dmytro Kuleba' });
    const r = await onrecord(['extract', '--corpus', 'mine.json', file]);
    expect(r.code).toBe(0);
    expect(rows(r.stdout)[0]).toMatchObject({ speakerId: 'dmytro-kuleba' });
  });

  it('--out writes a candidates corpus that validates, and corpus merge adds the accepted ones once', async () => {
    write('cands/en.txt', EN);
    write('cands/kuleba.txt', 'Foreign Minister Dmytro Kuleba said Ukraine would not cede territory.');
    const r = await onrecord(['extract', '--out', 'candidates.json', 'cands']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote candidates.json: 2 candidate positions from 2 sources, 1 new speakers');
    const v = await onrecord(['corpus', 'validate', 'candidates.json']);
    expect(v.code).toBe(0);
    const cands = JSON.parse(readFileSync(join(tmp, 'candidates.json'), 'utf8'));
    expect(cands.positions.every((p: { status: string; evidence: string }) => p.status === 'candidate' && p.evidence.includes('sieves:'))).toBe(true);
    expect(cands.entities.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(['dmitry-peskov', 'cand-dmytro-kuleba']));

    // Nothing reviewed: nothing merged.
    const none = await onrecord(['corpus', 'merge', SEED, 'candidates.json', '--out', 'grown0.json']);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('merged 0 positions');
    expect(none.stdout).toContain('left out 2 unreviewed candidates');

    // These texts carry no date: "unknown" until the reviewer dates the position and its source (audit 10 A2).
    expect(cands.positions[0].date.unknown).toBe(true);
    const day = { from: '2022-03-01', to: '2022-03-01', precision: 'day' };
    cands.positions[0].status = 'accepted';
    cands.positions[0].date = day;
    cands.sources.find((s: { id: string }) => s.id === cands.positions[0].source).published = day;
    cands.positions[1].status = 'rejected';
    write('reviewed.json', JSON.stringify(cands));
    const m = await onrecord(['corpus', 'merge', SEED, 'reviewed.json', '--out', 'grown.json']);
    expect(m.code).toBe(0);
    expect(m.stdout).toContain('merged 1 positions');
    expect(m.stdout).toContain('dropped 1 rejected positions');
    expect((await onrecord(['corpus', 'validate', 'grown.json'])).code).toBe(0);
    const grown = JSON.parse(readFileSync(join(tmp, 'grown.json'), 'utf8'));
    const seed = JSON.parse(readFileSync(SEED, 'utf8'));
    expect(grown.positions).toHaveLength(seed.positions.length + 1);
    expect(grown.positions.at(-1).status).toBeUndefined();

    // The same candidates again: refused as duplicates.
    const again = await onrecord(['corpus', 'merge', 'grown.json', 'reviewed.json', '--out', 'grown2.json']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/refused .*: duplicate of /);
    expect(again.stdout).toContain('merged 0 positions');
  });

  it('refuses to merge an invalid file and writes nothing', async () => {
    write('bad.json', '{"formatVersion": 1}');
    const r = await onrecord(['corpus', 'merge', SEED, 'bad.json', '--out', 'never.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing written');
    expect(() => readFileSync(join(tmp, 'never.json'))).toThrow();
  });
});
