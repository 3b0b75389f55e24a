/**
 * Issue 15: unknownListEnds folds only windows around the places where a list head's last stem occurs, not the
 * whole chunk (a 20 MB document was copied twice). Its answer must be the one a search of the whole folded text
 * gives: this test holds it to that search (written out here as the definition) on random ru/uk text built from
 * the seed corpus's list names, heads in every case and spelling, words that hold a head's stem, odd spacing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpusShape } from '../corpus/schema.ts';
import { EXPANDS, FOLD, CLASS, WORD } from '../text/fold-table.ts';
import { foldString } from '../text/fold.ts';
import { compileMatcher, serializeMatcher } from './index.ts';
import { decodeCoordinable, LIST_ADJECTIVE_ENDINGS, listHeads, unknownListEnds, type Coordinable } from './rules.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const data = serializeMatcher(compileMatcher(corpus.entities, corpus.sides));
const coordinable: Coordinable = decodeCoordinable(data.header.coordinable, (alias) => data.aliasEntity[alias]!);

/** The search over the whole text folded unit for unit: what unknownListEnds did before windows. */
function wholeTextListEnds(text: string): [Map<string, number>, number][] {
  const heads = listHeads(coordinable);
  if (heads.forms.length === 0 || !/[\u0400-\u04ff]/u.test(text)) return [];
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const f = FOLD[text.charCodeAt(i)]!;
    folded += String.fromCharCode(f === EXPANDS ? text.charCodeAt(i) : f);
  }
  const starts: [Map<string, number>, number][] = [];
  const pattern = new RegExp(heads.pattern.source, heads.pattern.flags);
  for (let m = pattern.exec(folded); m !== null; m = pattern.exec(folded)) {
    if (m.index > 0 && /[\p{L}\p{M}]/u.test(folded[m.index - 1]!)) continue;
    let group = 1;
    while (m[group] === undefined) group++;
    const forms = heads.forms[group - 1]!;
    let k = m.index;
    while (k > 0 && /\s/u.test(text[k - 1]!)) k--;
    if (k === m.index) continue;
    let s = k;
    while (s > 0 && CLASS[text.charCodeAt(s - 1)] === WORD) s--;
    const word = foldString(text.slice(s, k));
    if (s === k || !/\p{Lu}/u.test(text[s]!) || forms.has(word) || !LIST_ADJECTIVE_ENDINGS.test(word)) continue;
    starts.push([forms, s]);
  }
  return starts;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const names = corpus.entities.flatMap((e) => e.aliases.map((a) => a.text)).filter((t) => /[\u0400-\u04ff]/u.test(t));
const WORDS = names.flatMap((t) => t.split(/\s+/u));
/** Heads in many forms and spellings, words that hold a head's stem, and unknown capitalised adjectives. */
const OFTEN = [
  'областях', 'областей', 'області', 'областями', 'Области', 'ОБЛАСТЕЙ', 'облastях', 'народних', 'народных', 'республік', 'республик', 'республiк',
  'РЕСПУБЛІК', 'МИД', 'мидии', 'пирамида', 'МЗС', 'армии', 'армії', 'армiї', 'армиям', 'подобласти', 'Херсонской', 'Николаевской', 'Одеської',
  'Дніпропетровської', 'Черниговской', 'Сумской', 'Вінницької', 'Мирной', 'Строгой', 'новой', 'ї', 'й', 'ß', 'Straße', 'in', 'the', '2022', 'X',
];
const GLUE = [' ', ' ', ' ', '  ', '\u00a0', ', ', ' и ', ' та ', ' і ', ' й ', ' или ', '\n', '-', '.', '', '\u00ad', '«', '» ', ' \u0301'];

function randomText(next: () => number, words: number): string {
  let text = '';
  for (let i = 0; i < words; i++) {
    const from = next() < 0.4 ? OFTEN : WORDS;
    let w = from[Math.floor(next() * from.length)]!;
    const r = next();
    if (r < 0.1) w = w.toUpperCase();
    else if (r < 0.25) w = w.toLowerCase();
    else if (r < 0.35) w = w[0]!.toUpperCase() + w.slice(1);
    if (next() < 0.1) w = w.replaceAll('и', 'і');
    text += w + GLUE[Math.floor(next() * GLUE.length)]!;
  }
  return text;
}

const at = (ends: [Map<string, number>, number][]) => ends.map(([forms, s]) => [listHeads(coordinable).forms.indexOf(forms), s]);

describe('lists that end in an unknown name: windows around each head', () => {
  it('finds what a search of the whole folded text finds', () => {
    const next = random(15);
    let found = 0;
    for (let t = 0; t < 400; t++) {
      const text = randomText(next, 5 + Math.floor(next() * 60));
      const expected = at(wholeTextListEnds(text));
      expect(at(unknownListEnds(text, coordinable)), text).toEqual(expected);
      found += expected.length;
    }
    // The texts do hold such lists, so the comparison is not between two empty answers.
    expect(found).toBeGreaterThan(50);
  });

  it('finds the same in one long text, and at the very start and end of a text', () => {
    const next = random(16);
    const long = Array.from({ length: 200 }, () => randomText(next, 40)).join('\n');
    expect(at(unknownListEnds(long, coordinable))).toEqual(at(wholeTextListEnds(long)));
    for (const text of ['Херсонской и Николаевской областях', 'Луганської та Одеської народних республік', 'областях', 'Одеської областi']) {
      expect(at(unknownListEnds(text, coordinable)), text).toEqual(at(wholeTextListEnds(text)));
    }
    expect(unknownListEnds('Херсонской и Николаевской областях', coordinable).map(([, s]) => s)).toEqual([13]);
  });
});
