import { describe, expect, it } from 'vitest';
import { formatMoment, interfaceLocale, localDay } from './dates.ts';

describe('dates in the interface language', () => {
  it('picks the interface language the extension has messages in, else English', () => {
    expect(interfaceLocale('uk')).toBe('uk');
    expect(interfaceLocale('ru_RU')).toBe('ru-RU');
    expect(interfaceLocale('de')).toBe('en');
  });

  it('writes a moment as the record writes a day, with the local time', () => {
    const at = new Date(2026, 11, 6, 20, 5).getTime();
    expect(localDay(at)).toBe('2026-12-06');
    expect(formatMoment(at, 'en')).toBe('6 Dec 2026, 20:05');
    expect(formatMoment(at, 'uk')).toMatch(/^6 груд\S* 2026( р\.)?, 20:05$/u);
    expect(formatMoment(at, 'ru')).toMatch(/^6 дек\S* 2026( г\.)?, 20:05$/u);
  });

  it('the day is the local day, not the UTC one, just before and after midnight', () => {
    expect(localDay(new Date(2026, 0, 1, 0, 10).getTime())).toBe('2026-01-01');
    expect(localDay(new Date(2025, 11, 31, 23, 50).getTime())).toBe('2025-12-31');
  });
});
