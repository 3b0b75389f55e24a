import { describe, expect, it } from 'vitest';
import { englishKeys, t } from '../core/i18n.ts';
import { plural, type PluralBase } from './plural.ts';

const FORMS = ['One', 'Few', 'Many', 'Other'];

describe('plural', () => {
  it('picks the English singular for 1 and the plural otherwise, the count as $1', () => {
    expect(plural('popoverRecordedPositions', 1)).toBe('1 recorded position');
    expect(plural('popoverRecordedPositions', 0)).toBe('0 recorded positions');
    expect(plural('popoverRecordedPositions', 3)).toBe('3 recorded positions');
  });

  it('follows the count it is given, with other substitutions', () => {
    expect(plural('checksCountOf', 1, [0, 1])).toBe('0 of 1 check');
    expect(plural('checksCountOf', 5, [2, 5])).toBe('2 of 5 checks');
  });

  it('chooses among four forms by the UI language (Ukrainian and Russian need few and many)', () => {
    // The English catalogue stands in for the translation: Few and Many repeat Other, so check the key chosen via its description.
    const few = plural('popoverPositions', 3, [3], 'uk');
    const many = plural('popoverPositions', 5, [5], 'ru');
    const one = plural('popoverPositions', 21, [21], 'uk');
    expect([one, few, many]).toEqual([t('popoverPositionsOne', 21), t('popoverPositionsFew', 3), t('popoverPositionsMany', 5)]);
    expect(one).toBe('21 position');
  });

  it('every counted message has all four forms in English', () => {
    const keys = new Set(englishKeys());
    const bases = [...keys].filter((k) => k.endsWith('Other')).map((k) => k.slice(0, -'Other'.length));
    const counted = bases.filter((b) => keys.has(`${b}One`));
    expect(counted).toEqual(expect.arrayContaining<PluralBase>(['popoverRecordedPositions', 'sidepanelRestsOn', 'checksCount']));
    for (const base of counted) expect(FORMS.filter((f) => !keys.has(`${base}${f}`))).toEqual([]);
  });
});
