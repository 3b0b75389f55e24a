import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import conceptRules from '../../../corpus/concept-rules.json';
import matchRules from '../../../corpus/match-rules.json';
import { ConceptRules } from '../concepts/rules.ts';
import { MatchRules } from '../match/rule-words.ts';
import { RuleWords, RuleWordsPerLanguage } from './word-lists.ts';

describe('the shared word-list schema', () => {
  it('takes lower-case words, phrases and stems marked at their end', () => {
    expect(v.safeParse(RuleWords, ['переговор-', 'ready to', 'offer- to', 'нейтральність']).success).toBe(true);
  });
  it('refuses capitals, empty words and a dash that opens a word', () => {
    expect(v.safeParse(RuleWords, ['Talks']).success).toBe(false);
    expect(v.safeParse(RuleWords, ['']).success).toBe(false);
    expect(v.safeParse(RuleWords, ['-ing']).success).toBe(false);
    expect(v.safeParse(RuleWords, ['ready -to']).success).toBe(false);
  });
  it('needs every language', () => {
    expect(v.safeParse(RuleWordsPerLanguage, { en: [], ru: [], uk: [] }).success).toBe(false);
    expect(v.safeParse(RuleWordsPerLanguage, { en: [], ru: [], uk: [], de: [] }).success).toBe(true);
  });
  it('is the schema both bundled files are read with', () => {
    expect(v.safeParse(MatchRules, matchRules).success).toBe(true);
    expect(v.safeParse(ConceptRules, conceptRules).success).toBe(true);
    const broken = { ...matchRules, meetingNouns: { ...matchRules.meetingNouns, en: ['Talks'] } };
    expect(v.safeParse(MatchRules, broken).success).toBe(false);
    const brokenConcepts = { ...conceptRules, negators: { ...conceptRules.negators, de: ['-nicht'] } };
    expect(v.safeParse(ConceptRules, brokenConcepts).success).toBe(false);
  });
});
