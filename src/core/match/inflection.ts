/**
 * Inflection as data: per-language suffix sets and stem rules, applied to
 * folded aliases at compile time. The scanner only knows "an alias may be
 * followed by one of the suffixes of its profile, then a word boundary".
 * See docs/matching.md for what each table is for.
 */
import type { Alias } from '../corpus/schema.ts';
import { foldString } from '../text/fold.ts';

/** A suffix, optionally only after aliases whose folded text ends with one of `after`. */
export interface SuffixRule {
  readonly suffix: string;
  readonly after?: string;
}

const plain = (list: string): SuffixRule[] => list.split(' ').map((suffix) => ({ suffix }));

/** Case endings of Russian nouns and surnames (Пескова, Путиным, Москвы, Зеленского). */
const RU_CASE = plain('а я у ю ом ем ём ым им е и ы ой ей ою ею ого его ому ему ах ях ам ям ами ями ов ев ую юю ая яя ое ее ые ие ых их ыми ими');
/** Case endings of Ukrainian nouns and surnames (Зеленського, Києва, Києві, Подоляком). */
const UK_CASE = plain('а я у ю ом ем єм им ім е і и ї ой ей ою ею ої ого його ому йому ах ях ам ям ами ями ів їв ові еві єві ий ій ий ої');

/** Suffixes for names, by language. */
export const NAME_SUFFIXES: Readonly<Record<string, readonly SuffixRule[]>> = {
  // Possessive: Putin's, Putin’s, the Zelenskys' (s'), Jones' (' after s).
  en: [{ suffix: "'s" }, { suffix: "s'" }, { suffix: "'", after: 's' }],
  // Genitive: Putins, Selenskyjs.
  de: [{ suffix: 's' }],
  ru: RU_CASE,
  uk: UK_CASE,
};

/** Word-formation endings for aliases marked `stem: true` (annex → annexation). */
export const STEM_SUFFIXES: Readonly<Record<string, readonly SuffixRule[]>> = {
  en: plain('s es ed d ing ation ations al als ment ments er ers ist ists ive n'),
  de: plain('en e n s es er ern ung ungen'),
  ru: plain('я и ю ей ям ями ях ия ии ию ией ировать ировал ировала ировали ирован ированы ированный ированных ированной'),
  uk: plain('я ї ю єю ям ями ях ія ії ію ією увати ував ували ований ованих'),
};

/**
 * Endings that an inflected form replaces rather than extends (Москва →
 * Москвы, Зеленский → Зеленского, Кремль → Кремля), longest first. The stem
 * without the ending is also compiled, and then needs a suffix.
 */
export const REPLACED_ENDINGS: Readonly<Record<string, readonly string[]>> = {
  ru: ['ий', 'ый', 'ой', 'ия', 'а', 'я', 'о', 'е', 'ь', 'й', 'ы'],
  uk: ['ий', 'ій', 'ія', 'а', 'я', 'о', 'е', 'ь', 'й'],
};

/**
 * Vowel alternations in the last closed syllable (Ukrainian: Київ → Києва,
 * Львів → Львова, Харків → Харкова). The altered stem needs a suffix.
 */
export const STEM_ALTERNATIONS: Readonly<Record<string, readonly { from: string; to: string }[]>> = {
  uk: [
    { from: 'ї', to: 'є' },
    { from: 'і', to: 'о' },
    { from: 'і', to: 'е' },
  ],
};

/** Vowels, to find the last syllable for STEM_ALTERNATIONS. */
const CYRILLIC_VOWELS = 'аеєиіїоуюяыэё';

/** A stem shorter than this (in folded units) is not compiled: it would match too much. */
const MIN_STEM_UNITS = 3;

const CYRILLIC_RE = /\p{Script=Cyrillic}/u;
const LATIN_RE = /\p{Script=Latin}/u;

/** Languages whose rules apply to an alias: its `lang`, else those of its script. */
export function aliasLanguages(alias: Alias): string[] {
  if (alias.lang !== undefined) return [alias.lang.split('-')[0]!.toLowerCase()];
  if (CYRILLIC_RE.test(alias.text)) return ['ru', 'uk'];
  if (LATIN_RE.test(alias.text)) return ['en', 'de'];
  return [];
}

/** One string for the automaton: an alias or a stem of it. */
export interface PatternVariant {
  /** Folded text. */
  folded: string;
  /** Folded suffixes allowed after it (sorted, unique). */
  suffixes: string[];
  /** A stem that only matches with one of its suffixes. */
  requireSuffix: boolean;
}

const foldedCache = new Map<string, string>();
const foldCached = (s: string): string => {
  let f = foldedCache.get(s);
  if (f === undefined) foldedCache.set(s, (f = foldString(s)));
  return f;
};

/** Suffix sets by (languages, stem, last folded unit): few distinct keys, so compiling 50,000 aliases stays fast. */
const suffixCache = new Map<string, string[]>();

function suffixSet(langs: readonly string[], names: boolean, stem: boolean, folded: string): string[] {
  const key = `${langs.join(',')}|${names ? 1 : 0}|${stem ? 1 : 0}|${folded.slice(-1)}`;
  let list = suffixCache.get(key);
  if (list !== undefined) return list;
  const set = new Set<string>();
  const add = (rules: readonly SuffixRule[] | undefined): void => {
    for (const rule of rules ?? []) {
      if (rule.after !== undefined && !rule.after.split('').some((a) => folded.endsWith(foldCached(a)))) continue;
      set.add(foldCached(rule.suffix));
    }
  };
  for (const lang of langs) {
    if (names) add(NAME_SUFFIXES[lang]);
    if (stem) add(STEM_SUFFIXES[lang]);
  }
  list = [...set].sort();
  suffixCache.set(key, list);
  return list;
}

const endingsCache = new Map<string, string[]>();
function foldedEndings(lang: string): string[] {
  let list = endingsCache.get(lang);
  if (list === undefined) endingsCache.set(lang, (list = (REPLACED_ENDINGS[lang] ?? []).map(foldCached)));
  return list;
}

/** The strings to compile for one alias, with their suffix sets. */
export function aliasVariants(alias: Alias): PatternVariant[] {
  const folded = foldString(alias.text);
  if (folded === '') return [];
  const langs = aliasLanguages(alias);
  const inflect = alias.inflect !== false;
  const suffixes = suffixSet(langs, inflect, alias.stem === true, folded);
  const variants: PatternVariant[] = [{ folded, suffixes, requireSuffix: false }];
  if (!inflect || suffixes.length === 0) return variants;
  let stems: string[] | undefined;
  for (const lang of langs) {
    const ending = foldedEndings(lang).find((e) => folded.endsWith(e));
    if (ending !== undefined) (stems ??= []).push(folded.slice(0, folded.length - ending.length));
    for (const { from, to } of STEM_ALTERNATIONS[lang] ?? []) {
      const altered = alternate(folded, foldCached(from), foldCached(to));
      if (altered !== undefined) (stems ??= []).push(altered);
    }
  }
  for (const stem of new Set(stems)) {
    if (stem.length >= MIN_STEM_UNITS && stem !== folded) variants.push({ folded: stem, suffixes, requireSuffix: true });
  }
  return variants;
}

/** Replace `from` by `to` when it is the vowel of the last syllable and a consonant follows. */
function alternate(folded: string, from: string, to: string): string | undefined {
  const vowels = foldCached(CYRILLIC_VOWELS);
  let k = folded.length - 1;
  if (k >= 0 && folded[k] === foldCached('ь')) k--;
  const lastConsonant = k;
  while (k >= 0 && !vowels.includes(folded[k]!) && folded[k] !== ' ') k--;
  if (k < 0 || k === lastConsonant || folded[k] !== from) return undefined;
  return folded.slice(0, k) + to + folded.slice(k + 1);
}
