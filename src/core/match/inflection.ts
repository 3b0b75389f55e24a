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
const RU_CASE = plain('а я у ю й ом ем ём ым им е и ы ой ей ою ею ого его ому ему ах ях ам ям ами ями ов ев ую юю ая яя ое ее ые ие ых их ыми ими');
/** Case endings of Ukrainian nouns and surnames (Зеленського, Києва, Києві, Подоляком). */
const UK_CASE = plain('а я у ю й ом ем єм им ім е і и ї ой ей ою ею єю ої ого його ому йому ах ях ам ям ами ями ів їв ові еві єві ий ій ої');

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
  // annekt → annektiert, annektierte, annektieren, Annektierung.
  de: plain('en e n s es er ern ung ungen iert ierte ierten ierter iertes ieren ierung ierungen'),
  ru: plain('я и ю ей ям ями ях ия ии ию ией ировать ировал ировала ировали ирован ированы ированный ированных ированной'),
  uk: plain('я ї ю єю ям ями ях ія ії ію ією увати ував ували ований ованих'),
};

/**
 * Endings that an inflected form replaces rather than extends (Москва →
 * Москвы, Зеленский → Зеленского, Кремль → Кремля, переговори → переговорів),
 * longest first. The stem without the ending is also compiled, and then needs
 * a suffix. Nouns in -ия/-ія lose only the я (Россия → Росси + и/ю/ей,
 * Росія → Росі + ї/єю), so the case tables need no -ии/-ії rows.
 */
export const REPLACED_ENDINGS: Readonly<Record<string, readonly string[]>> = {
  ru: ['ий', 'ый', 'ой', 'а', 'я', 'о', 'е', 'ь', 'й', 'ы', 'и'],
  uk: ['ий', 'ій', 'а', 'я', 'о', 'е', 'ь', 'й', 'и', 'і', 'ї'],
};

/**
 * Multi-word Cyrillic aliases: forms of a word that is not the last one, by
 * the word's ending (longest first; '' is any other ending, i.e. a
 * consonant). The ending is replaced by each form, so "Киевская" gives
 * киевская/киевской/киевскую/киевскою. Noun and adjective forms of one ending
 * are merged (uk -а is both "Верховна" and "Рада"): a form that does not exist
 * costs nothing but a trie branch.
 */
export const INNER_WORD_FORMS: Readonly<Record<string, ReadonlyArray<readonly [ending: string, forms: string]>>> = {
  ru: [
    ['ая', 'ая ой ую ою'],
    ['яя', 'яя ей юю ею'],
    ['ый', 'ый ого ому ым ом ые ых'],
    ['ий', 'ий его ого ему ому им ем ом ие их'],
    ['ой', 'ой ого ому ым ом'],
    ['ое', 'ое ого ому ым ом'],
    ['ее', 'ее его ему им ем'],
    ['ые', 'ые ых ым ыми'],
    ['ие', 'ие их им ими ия ию ием ии'],
    ['ия', 'ия ии ию ией'],
    ['а', 'а ы и е у ой ою'],
    ['я', 'я и е ю ей ею'],
    ['й', 'й я ю ем е'],
    ['ь', 'ь я ю ем е и ью'],
    ['о', 'о а у ом е'],
    ['ы', 'ы ов ам ами ах'],
    ['и', 'и ей ам ями ях ов'],
    ['', '= а у ом е ы ов'],
  ],
  uk: [
    ['ий', 'ий ого ому им ім і их'],
    ['ій', 'ій ія ію ієм ії ього ьому ім'],
    ['ія', 'ія ії ію ією'],
    ['а', 'а и і у ою ої ій'],
    ['я', 'я і ї ю ею єю ям ях'],
    ['е', 'е ого ому им ім і'],
    ['і', 'і их им ими'],
    ['о', 'о а у ом і'],
    ['и', 'и ів ам ами ах'],
    ['ь', 'ь я ю ем і'],
    ['й', 'й я ю єм ї'],
    ['', '= а у ом і ові е'],
  ],
};

/**
 * Endings of adjectives before the head noun ("Киевская область", "мирні
 * переговори"). In a multi-word alias that does not name a person, the words
 * up to the first word without one of these endings (the head noun) decline;
 * the words after the head are a complement in a fixed case ("Офис
 * президента", "вывод войск", "Ассамблея ООН") and stay as written. If every
 * word looks like an adjective, the last one is the head ("Верховна Рада").
 * In a person's name every word declines (Сергія Лаврова).
 */
export const ADJECTIVE_ENDINGS: Readonly<Record<string, readonly string[]>> = {
  ru: ['ая', 'яя', 'ый', 'ий', 'ой', 'ое', 'ее', 'ые', 'ие'],
  uk: ['ий', 'ій', 'а', 'е', 'і'],
};

/** Most word forms compiled for the words before the last one of one alias (their cross product). */
export const MAX_INNER_VARIANTS = 64;

/** A word shorter than this (folded units) never declines and ends the declining words (в, до, на, з). */
const MIN_DECLINING_WORD = 3;

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
  const key = (langs.length === 1 ? langs[0]! : langs.join(',')) + (names ? '|1' : '|0') + (stem ? '|1|' : '|0|') + folded.slice(-1);
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

/** The strings to compile for one alias, with their suffix sets. `person`: every word of a multi-word Cyrillic name declines. */
export function aliasVariants(alias: Alias, person = false): PatternVariant[] {
  const folded = foldString(alias.text);
  if (folded === '') return [];
  const langs = aliasLanguages(alias);
  const inflect = alias.inflect !== false;
  const suffixes = suffixSet(langs, inflect, alias.stem === true, folded);
  const space = folded.lastIndexOf(' ');
  // A person's given names are not compiled in every case (that would multiply the automaton by
  // the forms of each first name): see givenNamePrefixes, which extends a surname mention instead.
  const inner = inflect && space > 0 && !person ? innerForms(alias.text, folded, langs, false) : undefined;
  if (inner === undefined) return lastWordVariants(folded, langs, inflect, suffixes, [folded.slice(0, space + 1)], space + 1);
  const lastWord = folded.slice(space + 1);
  if (!inner.lastDeclines) return inner.prefixes.map((p) => ({ folded: p + lastWord, suffixes: [], requireSuffix: false }));
  return lastWordVariants(folded, langs, inflect, suffixes, inner.prefixes, space + 1);
}

/**
 * For a multi-word Cyrillic person alias ("Сергій Лавров"): every declined
 * spelling of the words before the last one, folded, with a trailing space
 * ("сергія ", "сергієм ", …). A mention of the same person right after one of
 * them is extended to cover it (Сергія Лаврова); [] when no rule applies.
 */
export function givenNamePrefixes(alias: Alias): string[] {
  if (!hasGivenNames(alias)) return [];
  return innerForms(alias.text, foldString(alias.text), aliasLanguages(alias), true)?.prefixes ?? [];
}

/** Whether givenNamePrefixes can give anything for this alias (cheap: no folding). */
export function hasGivenNames(alias: Alias): boolean {
  return alias.inflect !== false && /\S\s+\S/u.test(alias.text) && aliasLanguages(alias).some((lang) => INNER_WORD_FORMS[lang] !== undefined);
}

/** The alias (each prefix + its last word) and the stems of its last word. */
function lastWordVariants(folded: string, langs: readonly string[], inflect: boolean, suffixes: string[], prefixes: readonly string[], lastStart: number): PatternVariant[] {
  const last = folded.slice(lastStart);
  // With the alias's own words as the only prefix, p + last is `folded` itself (and p + a stem's tail the stem): no concatenation to flatten later.
  const own = prefixes.length === 1 && prefixes[0]!.length === lastStart && folded.startsWith(prefixes[0]!);
  const variants: PatternVariant[] = own ? [{ folded, suffixes, requireSuffix: false }] : prefixes.map((p) => ({ folded: p + last, suffixes, requireSuffix: false }));
  if (!inflect || suffixes.length === 0) return variants;
  let stems: string[] | undefined;
  for (const lang of langs) {
    const ending = foldedEndings(lang).find((e) => folded.endsWith(e));
    const bases = [folded];
    if (ending !== undefined) bases.push(folded.slice(0, folded.length - ending.length));
    (stems ??= []).push(...bases.slice(1));
    // The alternation also applies after a replaced ending: цілісність → цілісност + і.
    for (const [from, to] of foldedAlternations(lang)) {
      for (const base of bases) {
        const altered = alternate(base, from, to);
        if (altered !== undefined) stems.push(altered);
      }
    }
  }
  for (const stem of new Set(stems)) {
    if (stem.length < MIN_STEM_UNITS || stem === folded || stem.length <= lastStart) continue;
    if (own && stem.startsWith(prefixes[0]!)) variants.push({ folded: stem, suffixes, requireSuffix: true });
    else for (const p of prefixes) variants.push({ folded: p + stem.slice(lastStart), suffixes, requireSuffix: true });
  }
  return variants;
}

const ACRONYM_RE = /^\p{Lu}{2,}$/u;

/**
 * For a multi-word alias in a language with INNER_WORD_FORMS: every spelling
 * of the words before the last one (with their trailing space), and whether
 * the last word declines. Undefined when no rule applies (Latin aliases:
 * only the last word inflects).
 */
function innerForms(text: string, folded: string, langs: readonly string[], person: boolean): { prefixes: string[]; lastDeclines: boolean } | undefined {
  if (!langs.some((lang) => INNER_WORD_FORMS[lang] !== undefined)) return undefined;
  const words = folded.split(' ');
  const rawWords = text.trim().split(/\s+/u);
  const sameSplit = rawWords.length === words.length;
  const prefixes = new Set<string>();
  let lastDeclines = false;
  let applies = false;
  for (const lang of langs) {
    const table = INNER_WORD_FORMS[lang];
    if (table === undefined) continue;
    applies = true;
    const declining = decliningWords(words, sameSplit ? rawWords : undefined, lang, person);
    if (declining === words.length) lastDeclines = true;
    let combos = [''];
    for (let w = 0; w < words.length - 1; w++) {
      const forms = w < declining ? wordForms(words[w]!, lang, table) : [words[w]!];
      if (combos.length * forms.length > MAX_INNER_VARIANTS) {
        combos = combos.map((c) => c + words[w]! + ' ');
        continue;
      }
      combos = combos.flatMap((c) => forms.map((f) => c + f + ' '));
    }
    for (const c of combos) prefixes.add(c);
  }
  return applies ? { prefixes: [...prefixes], lastDeclines } : undefined;
}

const adjectivesCache = new Map<string, string[]>();

/** How many leading words decline (see ADJECTIVE_ENDINGS). */
function decliningWords(words: readonly string[], rawWords: readonly string[] | undefined, lang: string, person: boolean): number {
  let adjectives = adjectivesCache.get(lang);
  if (adjectives === undefined) adjectivesCache.set(lang, (adjectives = (ADJECTIVE_ENDINGS[lang] ?? []).map(foldCached)));
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (word.length < MIN_DECLINING_WORD || (rawWords !== undefined && ACRONYM_RE.test(rawWords[w]!))) return w;
    if (!person && !adjectives.some((e) => word.endsWith(e))) return w + 1;
  }
  return words.length;
}

const formsCache = new Map<string, string[]>();

/** Forms of one non-final word by its ending class. */
function wordForms(word: string, lang: string, table: ReadonlyArray<readonly [string, string]>): string[] {
  const key = `${lang}|${word}`;
  let forms = formsCache.get(key);
  if (forms !== undefined) return forms;
  forms = [word];
  for (const [ending, list] of table) {
    const e = foldCached(ending);
    if (!word.endsWith(e) || word.length - e.length < 2) continue;
    const stem = word.slice(0, word.length - e.length);
    for (const f of list.split(' ')) forms.push(stem + (f === '=' ? '' : foldCached(f)));
    break;
  }
  forms = [...new Set(forms)];
  formsCache.set(key, forms);
  return forms;
}

const alternationsCache = new Map<string, [from: string, to: string][]>();
function foldedAlternations(lang: string): [from: string, to: string][] {
  let list = alternationsCache.get(lang);
  if (list === undefined) alternationsCache.set(lang, (list = (STEM_ALTERNATIONS[lang] ?? []).map(({ from, to }) => [foldCached(from), foldCached(to)])));
  return list;
}

/** Replace `from` by `to` when it is the vowel of the last syllable and a consonant follows. */
function alternate(folded: string, from: string, to: string): string | undefined {
  const vowels = foldCached(CYRILLIC_VOWELS);
  const softSign = foldCached('ь');
  let k = folded.length - 1;
  if (k >= 0 && folded[k] === softSign) k--;
  const lastConsonant = k;
  while (k >= 0 && !vowels.includes(folded[k]!) && folded[k] !== ' ') k--;
  if (k < 0 || k === lastConsonant || folded[k] !== from) return undefined;
  return folded.slice(0, k) + to + folded.slice(k + 1);
}
