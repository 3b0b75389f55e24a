/**
 * `onrecord annotate` as a user runs it: `node bin/onrecord.mjs annotate …`
 * on temporary files, checking offsets against the text they index, the
 * output formats, the directory walk and what happens to files it cannot read.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/onrecord.mjs');
const STACK_LINE = '    at ';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface Record {
  file: string;
  start: number;
  end: number;
  text: string;
  entityId: string;
  label: string;
  type: string;
}

const tmp = mkdtempSync(join(tmpdir(), 'onrecord-annotate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function annotate(args: string[], cwd = tmp): Promise<Run> {
  const run = await new Promise<Run>((done) => {
    execFile(process.execPath, [BIN, 'annotate', ...args], { cwd, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
  expect(run.stderr).not.toContain(STACK_LINE);
  return run;
}

function write(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return name;
}

const jsonl = (stdout: string): Record[] => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record);

describe('onrecord annotate on .txt', () => {
  // An astral emoji (two UTF-16 units, one code point) before the mentions: offsets must be UTF-16.
  const text = 'Rocket 🚀 launch. Dmitry Peskov said Putin’s envoy would go to the Istanbul talks.\nПесков не уточнил.';

  it('writes one JSON line per mention whose offsets slice the file text back exactly', async () => {
    const file = write('news.txt', text);
    const r = await annotate([file]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const records = jsonl(r.stdout);
    expect(records.map((x) => `${x.text}→${x.entityId}`)).toEqual([
      'Dmitry Peskov→dmitry-peskov',
      'Putin’s→vladimir-putin',
      'Istanbul talks→istanbul-talks',
      'Песков→dmitry-peskov',
    ]);
    for (const x of records) {
      expect(text.slice(x.start, x.end)).toBe(x.text);
      expect(x.file).toBe('news.txt');
    }
    expect(records[0]).toEqual({ file: 'news.txt', start: 18, end: 31, text: 'Dmitry Peskov', entityId: 'dmitry-peskov', label: 'Dmitry Peskov', type: 'person' });
    // In code points the mention would start one earlier.
    expect([...text].indexOf('D')).toBe(17);
  });

  it('drops a UTF-8 byte-order mark and counts offsets from after it', async () => {
    const file = write('bom.txt', '\uFEFFPeskov');
    const [x] = jsonl((await annotate([file])).stdout);
    expect(x).toMatchObject({ start: 0, end: 6, text: 'Peskov' });
  });

  it('--print-text prints a .txt file exactly', async () => {
    const file = write('print.txt', text);
    const r = await annotate(['--print-text', file]);
    expect(r).toMatchObject({ code: 0, stdout: text, stderr: '' });
  });

  it('reads a file named explicitly with an unknown extension as text', async () => {
    const file = write('notes.md', 'Lavrov spoke.');
    expect(jsonl((await annotate([file])).stdout).map((x) => x.entityId)).toEqual(['sergey-lavrov']);
  });
});

describe('onrecord annotate on .html', () => {
  const html = `<!doctype html><html><head><title>Peskov in the title</title>
<script>var speaker = "Peskov";</script><style>.Peskov { color: red }</style></head>
<body><h1>Kremlin briefing</h1><p>Spokesman Dmitry <b>Peskov</b> said that Pes<span>kov</span> had nothing to add.</p></body></html>`;

  it('matches names split by inline markup, skips script, style and title, and indexes the extracted text', async () => {
    const file = write('page.html', html);
    const r = await annotate([file]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const records = jsonl(r.stdout);
    expect(records.map((x) => `${x.text}→${x.entityId}`)).toEqual(['Kremlin→kremlin', 'Dmitry Peskov→dmitry-peskov', 'Peskov→dmitry-peskov']);

    const printed = await annotate(['--print-text', file]);
    expect(printed.stdout).toBe('Kremlin briefing\nSpokesman Dmitry Peskov said that Peskov had nothing to add.');
    for (const x of records) expect(printed.stdout.slice(x.start, x.end)).toBe(x.text);
  });
});

describe('onrecord annotate --format csv', () => {
  it('writes a header and quotes fields holding commas and quotes', async () => {
    const file = write('csv dir/a "quoted", name.txt', 'Boris Johnson, then Kyiv.');
    const r = await annotate(['--format', 'csv', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'file,start,end,text,entityId,label,type\r\n' +
        '"csv dir/a ""quoted"", name.txt",0,13,Boris Johnson,boris-johnson,Boris Johnson,person\r\n' +
        '"csv dir/a ""quoted"", name.txt",20,24,Kyiv,kyiv,Kyiv,place\r\n',
    );
  });

  it('refuses an unknown format with a usage error', async () => {
    const r = await annotate(['--format', 'xml', write('f.txt', 'Kyiv')]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('--format must be "jsonl" or "csv", not "xml"');
  });
});

describe('onrecord annotate on directories and unreadable files', () => {
  it('walks directories recursively in sorted order, reading only .txt/.html/.htm', async () => {
    write('walk/b.txt', 'Moscow');
    write('walk/a/z.htm', '<p>Kyiv</p>');
    write('walk/a/y.HTML', '<p>Crimea</p>');
    write('walk/c.json', '{"x": "Lavrov"}');
    write('walk/d.md', 'Lavrov');
    const r = await annotate(['walk']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(jsonl(r.stdout).map((x) => `${x.file}:${x.text}`)).toEqual(['walk/a/y.HTML:Crimea', 'walk/a/z.htm:Kyiv', 'walk/b.txt:Moscow']);
  });

  it('reports binary and missing files on stderr, annotates the others, and exits 1', async () => {
    const good = write('mixed/good.txt', 'Sergey Lavrov');
    const nul = write('mixed/nul.txt', new Uint8Array([0x50, 0x65, 0x00, 0x73]));
    const badUtf8 = write('mixed/latin1.txt', new Uint8Array([0x4b, 0x69, 0x65, 0x77, 0xe4, 0x20]));
    const r = await annotate([nul, 'mixed/missing.txt', badUtf8, good]);
    expect(r.code).toBe(1);
    expect(jsonl(r.stdout).map((x) => `${x.file}:${x.entityId}`)).toEqual(['mixed/good.txt:sergey-lavrov']);
    expect(r.stderr.split('\n').filter((l) => l !== '').sort()).toEqual([
      'onrecord annotate: mixed/latin1.txt: not a text file (binary)',
      'onrecord annotate: mixed/missing.txt: no such file or directory',
      'onrecord annotate: mixed/nul.txt: not a text file (binary)',
    ]);
  });

  it('exits 2 without paths', async () => {
    const r = await annotate([]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('give at least one file or directory');
  });
});

describe('onrecord annotate --corpus', () => {
  it('matches against the given corpus', async () => {
    const corpus = write(
      'tiny.json',
      JSON.stringify({
        formatVersion: 1,
        id: 'tiny',
        title: 'One entity',
        version: '1.0.0',
        sources: [],
        sides: [],
        entities: [{ id: 'rasputin', type: 'person', label: 'Grigori Rasputin', aliases: [{ text: 'Rasputin' }] }],
        positions: [],
      }),
    );
    const r = await annotate(['--corpus', corpus, write('r.txt', 'Rasputin met Peskov.')]);
    expect(r.stderr).toBe('');
    expect(jsonl(r.stdout).map((x) => `${x.text}→${x.entityId}:${x.label}`)).toEqual(['Rasputin→rasputin:Grigori Rasputin']);
  });

  it('reads an edited corpus afresh (the build keeps validated corpora and compiled matchers, keyed by content)', async () => {
    const corpus = (aliases: string[], label: string) =>
      JSON.stringify({
        formatVersion: 1, id: 'edited', title: 'Edited', version: '1.0.0', sources: [], sides: [],
        entities: [{ id: 'e', type: 'person', label, aliases: aliases.map((text) => ({ text })) }],
        positions: [],
      });
    const text = write('edited.txt', 'Rasputin met Yusupov.');
    const found = async () => jsonl((await annotate(['--corpus', 'edited.json', text])).stdout).map((x) => `${x.text}:${x.label}`);
    write('edited.json', corpus(['Rasputin'], 'Grigori Rasputin'));
    expect(await found()).toEqual(['Rasputin:Grigori Rasputin']);
    expect(await found()).toEqual(['Rasputin:Grigori Rasputin']);
    write('edited.json', corpus(['Yusupov'], 'Felix Yusupov'));
    expect(await found()).toEqual(['Yusupov:Felix Yusupov']);
    // An edit that keeps the file's size: the cached entry is found by name, path and size, then compared byte for byte.
    write('edited.json', corpus(['Yusupov'], 'Felix Jusupov'));
    expect(await found()).toEqual(['Yusupov:Felix Jusupov']);
    write('edited.json', corpus(['Yusupov'], 'Felix Yusupov'));
    expect(await found()).toEqual(['Yusupov:Felix Yusupov']);
    write('edited.json', '{"formatVersion": 1');
    const broken = await annotate(['--corpus', 'edited.json', text]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
  });

  it('reads a corpus afresh when a source text it was validated with changes (the build keeps what annotate derives from a corpus)', async () => {
    const source = { id: 's', title: 'S', outlet: 'O', file: 'source-s.txt', language: 'en', published: { from: '2022-01-01', to: '2022-01-01', precision: 'day' } };
    const corpus = write('sourced.json', JSON.stringify({
      formatVersion: 1, id: 'sourced', title: 'Sourced', version: '1.0.0', sources: [source], sides: [],
      entities: [{ id: 'r', type: 'person', label: 'Grigori Rasputin', aliases: [{ text: 'Rasputin' }] }],
      // Its passage is checked against the source text, so validation reads the file.
      positions: [{ id: 'p', actor: 'r', topics: [], stance: 'Spoke.', paraphrase: 'He spoke.', date: source.published, source: 's', passage: { start: 0, end: 6 } }],
    }));
    const text = write('sourced.txt', 'Rasputin met Yusupov.');
    const run = () => annotate(['--corpus', corpus, text]);
    const missing = await run();
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read the text file "source-s.txt"');
    write('source-s.txt', 'A source text.');
    for (let i = 0; i < 2; i++) expect(await run()).toMatchObject({ code: 0, stderr: '', stdout: expect.stringContaining('"entityId":"r"') });
    rmSync(join(tmp, 'source-s.txt'));
    expect((await run()).code).toBe(1);
  });

  it('keeps apart two corpora of the same name and bytes in two folders (their source texts are found from each folder)', async () => {
    const source = { id: 's', title: 'S', outlet: 'O', file: 'source-s.txt', language: 'en', published: { from: '2022-01-01', to: '2022-01-01', precision: 'day' } };
    const corpus = JSON.stringify({
      formatVersion: 1, id: 'twin', title: 'Twin', version: '1.0.0', sources: [source], sides: [],
      entities: [{ id: 'r', type: 'person', label: 'Grigori Rasputin', aliases: [{ text: 'Rasputin' }] }],
      positions: [{ id: 'p', actor: 'r', topics: [], stance: 'Spoke.', paraphrase: 'He spoke.', date: source.published, source: 's', passage: { start: 0, end: 6 } }],
    });
    for (const folder of ['twin-a', 'twin-b']) {
      write(`${folder}/twin.json`, corpus);
      write(`${folder}/news.txt`, 'Rasputin met Yusupov.');
    }
    write('twin-a/source-s.txt', 'A source text.');
    const inFolder = (folder: string) => annotate(['--corpus', 'twin.json', 'news.txt'], join(tmp, folder));
    // Either order: the folder with its source text passes, the one without fails, whichever ran first.
    expect(await inFolder('twin-a')).toMatchObject({ code: 0, stdout: expect.stringContaining('"entityId":"r"') });
    const without = await inFolder('twin-b');
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('cannot read the text file "source-s.txt"');
    expect((await inFolder('twin-a')).code).toBe(0);
  });

  it('refuses an invalid corpus with the validator messages', async () => {
    const corpus = write('bad.json', JSON.stringify({ formatVersion: 1, id: 'bad', title: 'Bad', version: '1.0.0', sources: [], sides: [], entities: [{ id: 'x', type: 'person', label: 'X', aliases: [] }], positions: [] }));
    const r = await annotate(['--corpus', corpus, write('s.txt', 'Peskov')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^bad\.json: entities\[0\]\.aliases: .*no alias/m);
  });
});
