/**
 * Word lists the concept lexicon reads beside the concepts (corpus/concept-rules.json), kept as data rather than as
 * inline lists in code (review 9A, F10). Per language, lower case; see the file's description for each list.
 */
import * as v from 'valibot';
import rules from '../../../corpus/concept-rules.json';
import { CONCEPT_LANGUAGES } from './schema.ts';
import { RuleWords as Words, RuleWordsPerLanguage as PerLanguage } from '../text/word-lists.ts';

export const ConceptRules = v.object({
  description: v.optional(v.string()),
  negators: PerLanguage,
  topicModifiers: PerLanguage,
  prepositions: v.object({ ru: Words, uk: Words }),
  noLonger: PerLanguage,
  holderVerbs: PerLanguage,
  holderPrepositions: PerLanguage,
  speechVerbs: PerLanguage,
  prepositionalStances: PerLanguage,
  desireVerbs: PerLanguage,
  desireLinks: PerLanguage,
  blameVerbs: PerLanguage,
  opinionVerbs: PerLanguage,
});
export type ConceptRules = v.InferOutput<typeof ConceptRules>;

/** The bundled rules, checked once at load (a broken file fails loudly, not silently). */
export const BUNDLED_RULES: ConceptRules = v.parse(ConceptRules, rules);

/** Every language's words of one list, as one set (the lexicon reads a text's negators whatever its language). */
export function allWords(list: Partial<Record<(typeof CONCEPT_LANGUAGES)[number], readonly string[]>>): Set<string> {
  return new Set(CONCEPT_LANGUAGES.flatMap((l) => list[l] ?? []));
}

/** A phrase list as one regular expression: whole words, any run of spaces between them. */
export function phraseRegExp(phrases: readonly string[]): RegExp {
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map((p) => p.split(/\s+/u).map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}
