import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCorpusBytes, loadCorpusBytes, loadCorpusText, MAX_CORPUS_BYTES } from './load.ts';
import { formatProblem } from './problem.ts';
import { FORMAT_VERSION } from './schema.ts';

const VALID_PATH = new URL('../../../test/corpora/valid/corpus.json', import.meta.url);
const VALID = readFileSync(VALID_PATH, 'utf8');
const TALKS = readFileSync(new URL('../../../test/corpora/valid/texts/talks.txt', import.meta.url), 'utf8');
const opts = { fileName: 'c.json', texts: () => TALKS };
const encode = (s: string) => new TextEncoder().encode(s);
const lines = (r: { problems: Parameters<typeof formatProblem>[0][] }) => r.problems.map(formatProblem);

describe('loading corpus text and bytes', () => {
  it('loads the valid test corpus', () => {
    const r = loadCorpusText(VALID, opts);
    expect(lines(r)).toEqual([]);
    expect(r.corpus?.id).toBe('test-valid');
  });

  it('reports truncated JSON at the end of the file', () => {
    const cut = VALID.slice(0, Math.floor(VALID.length / 2));
    const lastLine = cut.split('\n').length;
    const r = loadCorpusText(cut, opts);
    expect(r.corpus).toBeUndefined();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'error', line: lastLine, path: '' });
    expect(formatProblem(r.problems[0]!)).toMatch(new RegExp(`^c\\.json:${lastLine}:\\d+: not valid JSON: the file ends too early \\(truncated\\?\\)`));
  });

  it('gives line and column for text that is not JSON at all', () => {
    const r = loadCorpusText('title: My corpus\nformatVersion: 1\n', opts);
    expect(lines(r)).toEqual([
      'c.json:1:1: not valid JSON: expected a value (an object, array, string, number, true, false or null), found "t" (this does not look like JSON at all: a corpus starts with "{")',
    ]);
  });

  it('gives line and column for a syntax error inside a corpus', () => {
    const broken = VALID.replace('"id": "test-valid",', '"id": "test-valid"');
    const line = VALID.split('\n').findIndex((l) => l.includes('"test-valid"')) + 2;
    expect(lines(loadCorpusText(broken, opts))).toEqual([`c.json:${line}:3: not valid JSON: expected "," or "}", found "\\""`]);
  });

  it('reports wrong types by JSON path', () => {
    const wrong = JSON.parse(VALID) as Record<string, unknown>;
    wrong['formatVersion'] = '1';
    wrong['entities'] = { podolyak: {} };
    expect(lines(loadCorpusText(JSON.stringify(wrong), opts))).toEqual([
      'c.json: formatVersion: expected a number, got "1"',
      'c.json: entities: expected an array, got an object',
    ]);
  });

  it('refuses a newer formatVersion', () => {
    const newer = VALID.replace('"formatVersion": 1', `"formatVersion": ${FORMAT_VERSION + 1}`);
    expect(lines(loadCorpusText(newer, opts))).toEqual([
      `c.json: formatVersion: formatVersion ${FORMAT_VERSION + 1} is newer than this OnRecord understands (${FORMAT_VERSION}); update OnRecord`,
    ]);
  });

  it('refuses bytes over MAX_CORPUS_BYTES without decoding them', () => {
    const big = new Uint8Array(MAX_CORPUS_BYTES + 1).fill(0x20);
    big[0] = 0x7b;
    expect(lines(loadCorpusBytes(big, opts))).toEqual([
      'c.json: the file is 64 MB, over the 64 MB limit for a corpus (MAX_CORPUS_BYTES); it was not read',
    ]);
  });

  it('recognises a binary file', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(lines(loadCorpusBytes(png, opts))).toEqual(['c.json: this is a binary file, not a corpus (a corpus is a UTF-8 JSON text file)']);
  });

  it('recognises text that is not UTF-8', () => {
    const latin1 = Uint8Array.from([...encode('{"title": "Kiew'), 0xe4, ...encode('"}')]);
    expect(lines(loadCorpusBytes(latin1, opts))).toEqual(['c.json: the file is not valid UTF-8 text; a corpus is a UTF-8 JSON text file']);
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]);
    expect(lines(loadCorpusBytes(utf16, opts))).toEqual(['c.json: the file is UTF-16 text; a corpus must be saved as UTF-8']);
  });

  it('reports an empty file plainly', () => {
    expect(lines(loadCorpusText(' \n', opts))).toEqual(['c.json: the file is empty; a corpus is a JSON object']);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const r = loadCorpusBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...encode(VALID)]), opts);
    expect(lines(r)).toEqual([]);
    expect(decodeCorpusBytes(encode('\uFEFF{}'), 'x').text).toBe('{}');
  });
});
