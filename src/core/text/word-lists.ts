/**
 * The one schema of the per-language word lists kept as data beside the code: the matcher's context rules
 * (corpus/match-rules.json, src/core/match/rule-words.ts) and the concept lexicon's (corpus/concept-rules.json,
 * src/core/concepts/rules.ts). Per language, lower case, never empty; a word ending in "-" is a stem, so a dash
 * never opens a word.
 */
import * as v from 'valibot';

/** One word or phrase of a list: lower case; a stem is marked at its end ("переговор-"), never at its start. */
export const RuleWord = v.pipe(
  v.string(),
  v.minLength(1),
  v.check((w) => w === w.toLowerCase(), 'rule words are lower case'),
  v.check((w) => !/(?:^|\s)-/u.test(w), 'a stem is marked at its end'),
);
export const RuleWords = v.array(RuleWord);
/** A list in each of the four languages the record and the matcher read. */
export const RuleWordsPerLanguage = v.object({ en: RuleWords, ru: RuleWords, uk: RuleWords, de: RuleWords });
