import { describe, expect, it } from 'vitest';
import { formatDate } from './format-date.ts';

describe('formatDate', () => {
  it('writes a day as day, short month, year', () => {
    expect(formatDate({ from: '2022-09-30', to: '2022-09-30', precision: 'day' })).toBe('30 Sep 2022');
  });

  it('writes a month without a day, even when the range spans the whole month', () => {
    expect(formatDate({ from: '2022-10-01', to: '2022-10-31', precision: 'month' })).toBe('Oct 2022');
  });

  it('writes a year alone', () => {
    expect(formatDate({ from: '2023-01-01', to: '2023-12-31', precision: 'year' })).toBe('2023');
  });

  it('collapses the shared parts of a range', () => {
    expect(formatDate({ from: '2022-10-01', to: '2022-11-30', precision: 'month' })).toBe('Oct–Nov 2022');
    expect(formatDate({ from: '2022-12-01', to: '2023-01-31', precision: 'month' })).toBe('Dec 2022 – Jan 2023');
    expect(formatDate({ from: '2022-10-03', to: '2022-10-05', precision: 'day' })).toBe('3–5 Oct 2022');
    expect(formatDate({ from: '2022-09-30', to: '2022-10-02', precision: 'day' })).toBe('30 Sep – 2 Oct 2022');
    expect(formatDate({ from: '2022-12-30', to: '2023-01-02', precision: 'day' })).toBe('30 Dec 2022 – 2 Jan 2023');
    expect(formatDate({ from: '2022-01-01', to: '2023-12-31', precision: 'year' })).toBe('2022–2023');
  });

  it('uses the locale for other languages', () => {
    const de = formatDate({ from: '2022-10-01', to: '2022-10-31', precision: 'month' }, 'de');
    expect(de).toMatch(/Okt/);
    expect(de).toMatch(/2022/);
    expect(formatDate({ from: '2022-01-01', to: '2023-12-31', precision: 'year' }, 'uk')).toMatch(/2022.*2023/);
  });
});
