import { describe, expect, it } from 'vitest';
import { publicationDate, relativeDate } from './metadata.ts';

describe('relativeDate', () => {
  it('counts a weekday back from the publication date, in each language', () => {
    expect(relativeDate('Peskov said on Tuesday that talks were possible.', '2022-11-17', 'en')?.day).toBe('2022-11-15');
    expect(relativeDate('Песков во вторник заявил, что переговоры возможны.', '2022-11-17', 'ru')?.day).toBe('2022-11-15');
    expect(relativeDate('Peskow sagte am Dienstag, Gespräche seien möglich.', '2022-11-17', 'de')?.day).toBe('2022-11-15');
  });

  it('finds no day in words that only look like one (German "so", "Fr…", "sun-drenched")', () => {
    expect(relativeDate('Wer verhandeln wolle, so der Diplomat, beschieße keine Wohnviertel.', '2022-11-17', 'de')).toBeNull();
    expect(relativeDate('Sie verwies darauf, dass die Ukraine mit früheren Abkommen schlechte Erfahrungen gemacht habe.', '2022-11-17', 'de')).toBeNull();
    expect(relativeDate('Its sun-drenched Mediterranean coast', '2022-11-17', 'en')).toBeNull();
  });
});

describe('publicationDate from the text', () => {
  const ref = new Date('2026-12-01T12:00:00Z');
  it('takes the first date written in full, not a relative word before it', () => {
    const text = 'Сьогодні в Києві. Заява від 16 листопада 2022 року: переговори неможливі.';
    expect(publicationDate({}, text, 'uk', ref)?.from).toBe('2022-11-16');
    expect(publicationDate({}, 'A week ago the talks stalled. Posted 16 November 2017.', 'en', ref)?.from).toBe('2017-11-16');
  });

  it('gives no date when the text writes none in full', () => {
    expect(publicationDate({}, 'Сьогодні в Києві заявили, що переговори неможливі.', 'uk', ref)).toBeNull();
  });
});
