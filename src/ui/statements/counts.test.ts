/**
 * Counts of issue 12's lists through plural forms (audit 10, A4): no "1 statements by 1 speakers", "1 candidates
 * loaded", "Accepted 1 statements" in English; Russian and Ukrainian agree with the number too.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { setFallbackCatalogue, t, type Catalogue } from '../../core/i18n.ts';
import { plural } from '../plural.ts';

const catalogue = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Catalogue;
const summary = (statements: number, speakers: number, lang: string) => {
  setFallbackCatalogue(catalogue(lang));
  return t('statementsCount', [plural('statementsCountStatements', statements, [statements], lang), plural('statementsCountSpeakers', speakers, [speakers], lang)]);
};

afterEach(() => setFallbackCatalogue(catalogue('en')));

describe('counted messages of statements and the review queue', () => {
  it('"Statements on this page" says one statement by one speaker, and agrees in Russian and Ukrainian', () => {
    expect(summary(1, 1, 'en')).toBe('1 statement by 1 speaker');
    expect(summary(4, 3, 'en')).toBe('4 statements by 3 speakers');
    expect(summary(1, 1, 'ru')).toBe('1 заявление от 1 говорящего');
    expect(summary(3, 2, 'ru')).toBe('3 заявления от 2 говорящих');
    expect(summary(5, 5, 'ru')).toBe('5 заявлений от 5 говорящих');
    expect(summary(21, 1, 'uk')).toBe('21 заява від 1 мовця');
    expect(summary(2, 5, 'uk')).toBe('2 заяви від 5 мовців');
  });

  it('the review queue counts candidates and accepted statements in the singular for one', () => {
    expect(plural('reviewImported', 1, [1, 'c.json'], 'en')).toBe('1 candidate loaded from c.json.');
    expect(plural('reviewImported', 4, [4, 'c.json'], 'en')).toBe('4 candidates loaded from c.json.');
    expect(plural('reviewAcceptingCount', 1, [1], 'en')).toBe('Accepting 1 candidate…');
    expect(plural('reviewAcceptedCount', 1, [1, 'Dmitry Peskov'], 'en')).toBe('Accepted 1 statement by Dmitry Peskov.');
    expect(plural('reviewAcceptedCount', 2, [2, 'Dmitry Peskov'], 'en')).toBe('Accepted 2 statements by Dmitry Peskov.');
  });
});
