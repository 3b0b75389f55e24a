/**
 * The off-topic precision set (README.md here): every mention the matcher
 * finds on the 130 real pages of test/fixtures/realpages/ must carry a hand
 * label in labels.tsv, and the share labelled right must reach
 * MIN_PRECISION. Pages are split by name: every fourth page (sorted) is the
 * untuned test split; both splits are reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/core/match/index.ts';
import { createAnnotator, documentText, type Annotation } from '../../src/cli/annotate.ts';
import { parseCorpusShape } from '../../src/core/corpus/schema.ts';

const MIN_PRECISION = 0.98;
const PAGES_DIR = fileURLToPath(new URL('../fixtures/realpages/', import.meta.url));
const LABELS = fileURLToPath(new URL('labels.tsv', import.meta.url));
/** Lowercase words that must never be a mention: pronouns and articles that fold to an alias. */
const NEVER = new Set(['us', 'un', 'uk', 'de', 'eu', 'we', 'a', 'an', 'the']);

interface Label {
  verdict: 'right' | 'wrong';
  note: string;
}

const key = (file: string, start: number, end: number, entityId: string): string => `${file}\t${start}\t${end}\t${entityId}`;

function readLabels(): Map<string, Label> {
  const labels = new Map<string, Label>();
  for (const line of readFileSync(LABELS, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [file, start, end, , entityId, verdict, , note] = line.split('\t') as string[];
    if (verdict !== 'right' && verdict !== 'wrong') throw new Error(`labels.tsv: bad verdict in ${line}`);
    labels.set(key(file!, Number(start), Number(end), entityId!), { verdict, note: note ?? '' });
  }
  return labels;
}

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../corpus/seed.json', import.meta.url), 'utf8')));
const annotate = createAnnotator(corpus.entities, compileMatcher(corpus.entities, corpus.sides));
const pages = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html')).sort();
const labels = readLabels();

interface Found extends Annotation {
  file: string;
  context: string;
  before: string;
  after: string;
}
const found: Found[] = [];
for (const file of pages) {
  const text = documentText(file, readFileSync(join(PAGES_DIR, file)));
  for (const a of annotate(text)) {
    found.push({ ...a, file, before: text.slice(Math.max(0, a.start - 40), a.start), after: text.slice(a.end, a.end + 40), context: '' });
  }
}
const split = (file: string): 'tuning' | 'test' => (pages.indexOf(file) % 4 === 3 ? 'test' : 'tuning');

function precisionOf(list: readonly Found[]): { right: number; wrong: number; precision: number } {
  let right = 0;
  let wrong = 0;
  for (const f of list) {
    const l = labels.get(key(f.file, f.start, f.end, f.entityId));
    if (l?.verdict === 'right') right++;
    else if (l?.verdict === 'wrong') wrong++;
  }
  return { right, wrong, precision: right + wrong === 0 ? 1 : right / (right + wrong) };
}

describe('off-topic precision on 130 real pages', () => {
  const show = (f: Found): string => `${f.file} [${f.start},${f.end}) ${f.entityId} ${JSON.stringify(f.before)}⟦${f.text}⟧${JSON.stringify(f.after)}`;
  const all = precisionOf(found);
  const bySplit = (['tuning', 'test'] as const).map((s) => ({ s, ...precisionOf(found.filter((f) => split(f.file) === s)) }));
  console.log(
    `\nOff-topic precision (${pages.length} pages, ${found.length} mentions): ${all.right} right, ${all.wrong} wrong, precision ${all.precision.toFixed(3)}\n` +
      bySplit.map((b) => `  ${b.s} split: ${b.right} right, ${b.wrong} wrong, precision ${b.precision.toFixed(3)}`).join('\n') +
      `\nwrong:\n${found.filter((f) => labels.get(key(f.file, f.start, f.end, f.entityId))?.verdict === 'wrong').map(show).join('\n')}\n`,
  );

  it('has all 130 pages', () => {
    expect(pages.length).toBe(130);
  });

  it('labels every mention by hand (a new mention must be judged and added to labels.tsv)', () => {
    const missing = found.filter((f) => !labels.has(key(f.file, f.start, f.end, f.entityId)));
    expect(missing.map(show), 'unlabelled mentions').toEqual([]);
  });

  it('reports, apart, the labels of mentions no longer found (labels are never removed: README)', () => {
    const now = new Set(found.map((f) => key(f.file, f.start, f.end, f.entityId)));
    const gone = [...labels].filter(([k]) => !now.has(k));
    console.log(`Labels of mentions no longer found: ${gone.length} (${gone.filter(([, l]) => l.verdict === 'right').length} right, ${gone.filter(([, l]) => l.verdict === 'wrong').length} wrong)\n${gone.map(([k, l]) => `${k.replaceAll('\t', ' ')} ${l.verdict}`).join('\n')}`);
    // Each still names a page of the set and a span inside it.
    for (const [k] of gone) expect(pages, k).toContain(k.split('\t')[0]);
  });

  it(`has precision ≥ ${MIN_PRECISION}`, () => {
    expect(all.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
  });

  it('never takes a lowercase pronoun or article, or a part of a domain name, URL or e-mail address, for a mention', () => {
    const bad = found.filter((f) => NEVER.has(f.text) || /[.@/_]$/u.test(f.before) || /^[.@_][a-z0-9]/u.test(f.after) || /^\/[a-z0-9]/u.test(f.after));
    expect(bad.map(show)).toEqual([]);
  });
});
