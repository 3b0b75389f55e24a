/**
 * Word lists the matcher's context rules read (corpus/match-rules.json), kept as data rather than as inline lists in
 * code (review 10A, RA9), like the concept lexicon's (corpus/concept-rules.json). Per language, lower case; a word
 * ending in "-" is a stem. See the file's description for each list.
 */
import * as v from 'valibot';
import rules from '../../../corpus/match-rules.json';
import { foldString } from '../text/fold.ts';
import { RuleWords as Words, RuleWordsPerLanguage as PerLanguage } from '../text/word-lists.ts';

export const MatchRules = v.object({
  description: v.optional(v.string()),
  nextMeetingCues: PerLanguage,
  meetingNouns: PerLanguage,
  nextMeetingCuesAfter: PerLanguage,
  pastMarkers: PerLanguage,
  verbSenseWords: v.object({ en: Words }),
  verbSubjects: v.object({ en: Words }),
  cityThings: PerLanguage,
  cityPluralWords: PerLanguage,
  cityListCoordinators: PerLanguage,
  placeGivenNames: PerLanguage,
  placeGivenNamePrepositions: PerLanguage,
  ownEventPlaces: PerLanguage,
  monthsAndDays: PerLanguage,
  relevanceSignals: PerLanguage,
  teaserBoxTitles: PerLanguage,
  eventTimePrepositions: PerLanguage,
  namesakeGivenNames: PerLanguage,
  cityWordsBefore: PerLanguage,
  venuePrepositions: PerLanguage,
  namesakeOccupations: PerLanguage,
});
export type MatchRules = v.InferOutput<typeof MatchRules>;

/** The bundled lists, checked once at load (a broken file fails loudly, not silently). */
export const MATCH_RULES: MatchRules = v.parse(MatchRules, rules);

/** Every language's words of one list, folded, as one set (a page's language is not known to the rules). */
export function ruleWordSet(list: Readonly<Record<string, readonly string[]>>): Set<string> {
  return new Set(Object.values(list).flatMap((ws) => ws.map(foldString)));
}

/**
 * One list of words and phrases (stems ending in "-") as a regular expression over folded text: whole words, one
 * space between the words of a phrase (the caller collapses runs of whitespace). Folded like the text.
 */
export function ruleWordRegExp(list: Readonly<Record<string, readonly string[]>>): RegExp {
  const phrases = [...new Set(Object.values(list).flat())].map(foldString).sort((a, b) => b.length - a.length);
  const alternatives = phrases.map((p) => p.split(' ').map((w) => (w.endsWith('-') ? escape(w.slice(0, -1)) + '[\\p{L}\\p{M}]*' : escape(w))).join(' '));
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'u');
}

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
