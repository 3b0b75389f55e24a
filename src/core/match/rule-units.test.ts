/**
 * The rules' character tests by code unit (rules.ts, issue 15: mechanics only) against the RegExps they stand for,
 * over every UTF-16 unit, and the German list helpers' quick refusals against the bare patterns they front.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASS, ensureFoldTables, WORD } from '../text/fold-table.ts';
import { CLAUSE_BREAK_RE, GERMAN_LIST_JOINERS, GERMAN_PLURAL_ENDINGS, germanListPrev, germanPluralHeadBefore, isClauseBreakUnit, isLineSpaceUnit, isSentenceEndUnit, isSpaceUnit, SENTENCE_END_RE } from './rules.ts';

describe('character tests by code unit', () => {
  it('answer as their RegExps do for all 65,536 units', () => {
    const pairs: [(c: number) => boolean, RegExp][] = [
      [isSpaceUnit, /\s/u],
      [isLineSpaceUnit, /[ \t\u00a0]/u],
      [isSentenceEndUnit, SENTENCE_END_RE],
      [isClauseBreakUnit, CLAUSE_BREAK_RE],
    ];
    for (const [fn, re] of pairs) {
      const differ: number[] = [];
      for (let c = 0; c < 0x10000; c++) if (fn(c) !== re.test(String.fromCharCode(c))) differ.push(c);
      expect(differ, `${fn.name} against ${re}`).toEqual([]);
    }
  });
});

/** germanListPrev and germanPluralHeadBefore as they were before the quick refusals. */
function listPrevByPattern(text: string, start: number): [number, number] | undefined {
  const lo = Math.max(0, start - 48);
  const m = /(\p{Lu}\p{L}+)(?:[ \t\u00a0]*,[ \t\u00a0]*|[ \t\u00a0]+(\p{L}+)[ \t\u00a0]+)$/u.exec(text.slice(lo, start));
  if (m === null || (m[2] !== undefined && !GERMAN_LIST_JOINERS.has(m[2].toLowerCase()))) return undefined;
  const s = lo + m.index;
  return [s, s + m[1]!.length];
}

function pluralHeadByPattern(text: string, start: number): [number, string[]] | undefined {
  // rules.ts's sameLineSpaceBefore and wordEndingAt, as written there.
  let gap = start;
  while (gap > 0 && (text[gap - 1] === ' ' || text[gap - 1] === '\t' || text[gap - 1] === '\u00a0')) gap--;
  if (gap === start || start - gap > 1) return undefined;
  let s = gap;
  while (s > 0 && (CLASS[text.charCodeAt(s - 1)] === WORD || (/['’-]/u.test(text[s - 1]!) && s > 1 && CLASS[text.charCodeAt(s - 2)] === WORD))) s--;
  if (s === gap || !/^\p{Lu}\p{Ll}{3,}$/u.test(text.slice(s, gap))) return undefined;
  const word = text.slice(s, gap);
  const singulars = GERMAN_PLURAL_ENDINGS.filter((e) => word.endsWith(e) && word.length - e.length >= 4).map((e) => word.slice(0, word.length - e.length));
  return singulars.length === 0 ? undefined : [s, singulars];
}

describe('German list helpers: quick refusals change nothing', () => {
  // The word tests read the folding tables (built by a scanner otherwise).
  ensureFoldTables();
  it('find a list in the usual case (the checks below compare something)', () => {
    expect(germanPluralHeadBefore('die Volksrepubliken Donezk und Lugansk', 20)).toEqual([4, ['Volksrepublik', 'Volksrepublike']]);
    expect(germanListPrev('die Volksrepubliken Donezk und Lugansk', 31)).toEqual([20, 26]);
    expect(germanListPrev('Cherson, Donezk', 9)).toEqual([0, 7]);
  });
  const words = ['Donezk', 'Lugansk', 'und', 'UND', 'Und', 'sowie', 'SOWIE', 'oder', 'Oder', 'die', 'Volksrepubliken', 'Gebiete', 'Regionen', 'Städte', 'in', 'İnd', 'Kiew', 'Cherson', 'ÜBER', 'Łódź', 'мэр', 'Херсон', 'x', 'Aber'];
  const seps = [' ', '  ', ', ', ',', ' , ', '\t', '\u00a0', '\n', '-', "'", '. '];
  const pieces = fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...seps)), { maxLength: 14 });
  it('germanListPrev is the pattern alone at every offset', () => {
    fc.assert(
      fc.property(pieces, (ps) => {
        const text = ps.join('');
        for (let i = 0; i <= text.length; i++) expect(germanListPrev(text, i)).toEqual(listPrevByPattern(text, i));
      }),
      { numRuns: 400 },
    );
  });
  it('germanPluralHeadBefore is the word test alone at every offset', () => {
    fc.assert(
      fc.property(pieces, (ps) => {
        const text = ps.join('');
        for (let i = 0; i <= text.length; i++) expect(germanPluralHeadBefore(text, i)).toEqual(pluralHeadByPattern(text, i));
      }),
      { numRuns: 400 },
    );
  });
});
