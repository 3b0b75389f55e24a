/**
 * An entity's name in the interface language (audit 10 A19). The record has one label, in English; its aliases
 * carry the forms the press writes in each language. The label shown in Ukrainian or Russian is chosen from the
 * entity's aliases of that language by this rule (docs/corpus-format.md, "Labels in other languages"):
 *
 * 1. only aliases that are a name of the entity: not a `stem`, a `common` noun or a `sentence` word ("вторжение" is
 *    no name of the invasion), not an inflected form kept as written (`inflect: false`), not a phrase opened by a
 *    preposition ("по словам дипломатов" is how a source is cited, not a name);
 * 2. of those, an unambiguous one before an `ambiguous` or `partOfNames` one (matching rules, but "Донецк" is the
 *    city, "Донецкая область" the oblast), and then the one whose number of words is closest to the English
 *    label's ("Дмитрий Песков" for "Dmitry Peskov", not "Песков"; "Совет Безопасности ООН" for "UN Security
 *    Council"), the first listed on a tie;
 * 3. its first letter in capitals, as labels are written ("мирные переговоры" → "Мирные переговоры"), unless the
 *    alias is lowercase by rule (`case: "lower"`).
 *
 * With no such alias (or in English, German or any other language) the English label is shown.
 */
import type { Alias } from '../corpus/schema.ts';

/** The languages labels are chosen from aliases for: the interface's, besides English. */
export const ALIAS_LABEL_LANGUAGES = ['uk', 'ru'] as const;

const OPENING_PREPOSITION = /^(по|за|в|у|во|на|от|від|з|із|зі|с|со|для|при|після|после|до|из)\s/iu;

const words = (s: string): number => s.trim().split(/\s+/u).length;

export function entityLabel(entity: { label: string; aliases: readonly Alias[] }, locale: string): string {
  const lang = locale.replace('_', '-').split('-')[0]!.toLowerCase();
  if (!(ALIAS_LABEL_LANGUAGES as readonly string[]).includes(lang)) return entity.label;
  const target = words(entity.label);
  let best: Alias | undefined;
  let bestGap = Infinity;
  for (const a of entity.aliases) {
    if (a.lang !== lang) continue;
    if (a.stem || a.common || a.sentence || a.inflect === false) continue;
    if (OPENING_PREPOSITION.test(a.text.trim())) continue;
    // Ambiguous forms rank after every unambiguous one (a gap larger than any word count).
    const gap = Math.abs(words(a.text) - target) + (a.ambiguous || a.partOfNames ? 1000 : 0);
    if (gap < bestGap) {
      best = a;
      bestGap = gap;
    }
  }
  if (!best) return entity.label;
  const text = best.text.trim();
  return best.case === 'lower' ? text : text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}
