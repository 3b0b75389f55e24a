import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOLD } from './fold-table.ts';
import { foldString, foldWithMap } from './fold.ts';

describe('foldString', () => {
  it('folds Latin and Cyrillic case', () => {
    expect(foldString('KYIV Kyiv')).toBe('kyiv kyiv');
    expect(foldString('ПЕСКОВ Зеленський')).toBe('песков зеленський');
  });

  it('folds German ß and ẞ to ss', () => {
    expect(foldString('Straße')).toBe(foldString('STRASSE'));
    expect(foldString('GROẞ')).toBe('gross');
  });

  it('strips Latin diacritics from an explicit table', () => {
    expect(foldString('Zürich Crème Łódź Ørsted Şahin')).toBe('zurich creme lodz orsted sahin');
  });

  it('folds ё to е but keeps й, ї, є, ґ apart from и, і, е, г', () => {
    expect(foldString('Пётр')).toBe(foldString('Петр'));
    expect(foldString('й')).not.toBe(foldString('и'));
    expect(foldString('ї')).not.toBe(foldString('і'));
    expect(foldString('є')).not.toBe(foldString('е'));
    expect(foldString('ґ')).not.toBe(foldString('г'));
  });

  it('folds Cyrillic і to Latin i so mixed-keyboard Ukrainian still matches', () => {
    expect(foldString('Харків')).toBe(foldString('Харкiв'));
  });

  it('composes NFD input before folding, so й typed as и + breve stays й', () => {
    expect(foldString('Зеленски\u0438\u0306')).toBe(foldString('Зеленский'));
    expect(foldString('\u0438\u0306')).not.toBe(foldString('\u0438'));
    expect(foldString('Zu\u0308rich')).toBe('zurich');
  });

  it('unifies apostrophes, quotes and dashes', () => {
    const apostrophes = ["Putin's", 'Putin’s', 'Putinʼs', 'Putin‘s', 'Putin`s'].map(foldString);
    expect(new Set(apostrophes).size).toBe(1);
    const dashes = ['a-b', 'a‐b', 'a‑b', 'a‒b', 'a–b', 'a—b'].map(foldString);
    expect(new Set(dashes).size).toBe(1);
  });

  it('collapses any whitespace run to one space and trims', () => {
    expect(foldString('  Vladimir \u00a0\n\t Putin \n')).toBe('vladimir putin');
  });

  it('skips soft hyphens and zero-width characters inside words', () => {
    expect(foldString('Zelen\u00adsky\u200b\u200c\u200d\u2060\ufeff')).toBe('zelensky');
  });

  it('folds the same with whitespace around (a text whose every unit folds to its lower case takes a shorter path)', () => {
    const units = [...'aZéÉßẞİΣςДЁёЇїІі0.,-’«'].concat([' ', '  ', '\t', '\u00a0', '\u00ad', '\u200b', '\u0301', '\u0483', '\ud83d\ude00', '\ud800', 'æ', 'ǅ', 'Ⓐ']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(foldString(text)).toBe(foldString(` ${text} `));
      }),
      { numRuns: 2000 },
    );
    expect(foldString('ΟΔΟΣ')).toBe('οδοσ');
    expect(foldString('Ärger İst')).toBe('arger ist');
  });

  it('is idempotent on its own output', () => {
    const s = foldString('Київ Straße ÆTHER Пётр Zürich — ’');
    expect(foldString(s)).toBe(s);
    for (let u = 0; u < 0x10000; u += 7) {
      const f = FOLD[u]!;
      if (f !== 0xffff && f < 0xd800) expect(FOLD[f]).toBe(f);
    }
  });
});

describe('foldWithMap', () => {
  it('maps every folded unit back to its original item', () => {
    const text = 'Stra\u00dfe  Ki\u00adyiv e\u0301';
    const { folded, itemStart, itemEnd } = foldWithMap(text);
    expect(folded).toBe('strasse kiyiv e');
    // Both units of ß come from the one original unit at offset 4.
    expect([itemStart[4], itemEnd[4], itemStart[5], itemEnd[5]]).toEqual([4, 5, 4, 5]);
    // The whitespace run is one item.
    expect([itemStart[7], itemEnd[7]]).toEqual([6, 8]);
    // e + combining acute is one item.
    expect(text.slice(itemStart[14]!, itemEnd[14]!)).toBe('e\u0301');
  });
});
