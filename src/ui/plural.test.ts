import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { englishKeys, setFallbackCatalogue, t, type Catalogue } from '../core/i18n.ts';
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

  it('counts in backup, restore and corpus messages agree in every locale: no "1 checks" (issue 14, G5)', () => {
    const catalogue = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Catalogue;
    const english = catalogue('en');
    const said = (lang: string, n: number) => {
      setFallbackCatalogue(catalogue(lang));
      try {
        return t('optRestored', [plural('countHighlights', n, [n], lang), plural('countChecks', n, [n], lang), plural('countCorpora', n, [n], lang)]);
      } finally {
        setFallbackCatalogue(english);
      }
    };
    expect(said('en', 1)).toBe('Restored 1 highlight, 1 check and 1 imported corpus.');
    expect(said('en', 2)).toBe('Restored 2 highlights, 2 checks and 2 imported corpora.');
    expect(said('ru', 1)).toBe('Восстановлено: 1 выделение, 1 проверка, 1 импортированный корпус.');
    expect(said('ru', 3)).toBe('Восстановлено: 3 выделения, 3 проверки, 3 импортированных корпуса.');
    expect(said('ru', 5)).toBe('Восстановлено: 5 выделений, 5 проверок, 5 импортированных корпусов.');
    expect(said('uk', 21)).toBe('Відновлено: 21 виділення, 21 перевірка, 21 імпортований корпус.');
    expect(said('uk', 5)).toBe('Відновлено: 5 виділень, 5 перевірок, 5 імпортованих корпусів.');
    setFallbackCatalogue(catalogue('ru'));
    try {
      expect(plural('countPositions', 1, [1], 'ru')).toBe('1 позиция');
      expect(plural('optRefusedSummary', 2, [2, 'a.json'], 'ru')).toBe('a.json нельзя импортировать: в нём найдены 2 проблемы. Ничего не изменено.');
    } finally {
      setFallbackCatalogue(english);
    }
  });
});
