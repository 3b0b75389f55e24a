/**
 * A light stemmer, the same on both sides of every comparison (index and
 * query, claim and record), so it only has to be consistent, not correct:
 * "negotiations", "negotiate" and "negotiated" meet at "negoti". Two passes
 * for English (inflection, then derivation); one ending stripped for Cyrillic.
 * Stems never get shorter than MIN_STEM letters, so short words stay whole.
 */
const MIN_STEM = 4;
const MIN_STEM_CYRILLIC = 3;

/** English inflection, longest first; `at` marks endings after which a trailing "at" (negotiat-ed) is derivational. */
const INFLECTION: readonly [suffix: string, replacement: string][] = [
  ["'s", ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ing', ''],
  ['ed', ''],
  ['es', ''],
  ['s', ''],
];
/** English derivation, longest first. */
const DERIVATION: readonly string[] = ['ational', 'ations', 'ation', 'itions', 'ition', 'ators', 'ator', 'ions', 'ion', 'ments', 'ment', 'ness', 'ate', 'al', 'ly', 'e'];
/** Endings after which "s" is part of the word, not a plural (crisis, status, press). */
const KEEP_S = /(?:ss|is|us)$/u;

/** Russian and Ukrainian case, number and verb endings, longest first. */
const CYRILLIC_ENDINGS: readonly string[] = [
  'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ими', 'ій', 'ої', 'ою', 'ею', 'ях', 'ах', 'ов', 'ев', 'ей', 'ой', 'ый', 'ий',
  'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ую', 'юю', 'ом', 'ем', 'ам', 'ям', 'ть', 'ся', 'сь', 'ла', 'ли', 'ло', 'а', 'я', 'ы', 'и', 'і', 'ї',
  'е', 'є', 'о', 'у', 'ю', 'ь', 'й', 'л',
];
const CYRILLIC = /\p{Script=Cyrillic}/u;

function stripCyrillic(word: string): string {
  for (const ending of CYRILLIC_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM_CYRILLIC) return word.slice(0, -ending.length);
  }
  return word;
}

function stripEnglish(word: string): string {
  let w = word;
  let inflected = false;
  for (const [suffix, replacement] of INFLECTION) {
    if (!w.endsWith(suffix) || w.length - suffix.length < MIN_STEM) continue;
    if (suffix === 's' && KEEP_S.test(w)) break;
    w = w.slice(0, -suffix.length) + replacement;
    inflected = suffix === 'ing' || suffix === 'ed' || suffix === 'es';
    break;
  }
  if (inflected && w.endsWith('at') && w.length - 2 >= MIN_STEM) return w.slice(0, -2);
  for (const suffix of DERIVATION) {
    if (w.endsWith(suffix) && w.length - suffix.length >= MIN_STEM) return w.slice(0, -suffix.length);
  }
  return w;
}

/** The stem of a folded word. Digits and short words come back unchanged. */
export function stem(folded: string): string {
  if (CYRILLIC.test(folded)) return stripCyrillic(folded);
  if (/^[a-z']+$/u.test(folded)) return stripEnglish(folded);
  return folded;
}
