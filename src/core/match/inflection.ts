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
  // Genitive: Putins, Selenskyjs, des Abzuges; dative plural of a noun in -e: den besetzten Gebieten.
  de: [{ suffix: 's' }, { suffix: 'es' }, { suffix: 'n', after: 'e' }],
  ru: RU_CASE,
  uk: UK_CASE,
};

/**
 * A person's surname takes only masculine endings (the record's persons are men): the feminine forms are his
 * wife's or daughter's name ("Олена Зеленська", "Зеленская сказала", "Песковой"). By the surname's ending:
 * `keep` lists the only endings an adjectival surname takes (Зеленский → Зеленского, Зеленскому, Зеленским,
 * Зеленском; never Зеленская, Зеленской); `drop` the feminine-only endings of a nominal one (Песков → Пескова,
 * Пескову, Песковым are his, Песковой is hers). Folded before use.
 */
export const PERSON_SUFFIX_RULES: Readonly<Record<string, readonly { after: readonly string[]; keep?: string; drop?: string }[]>> = {
  ru: [
    { after: ['ский', 'цкий', 'ской', 'цкой'], keep: 'ого ому им ом' },
    { after: ['ов', 'ев', 'ёв', 'ин', 'ын'], drop: 'ой ою' },
  ],
  uk: [
    { after: ['ський', 'цький'], keep: 'ого ому им ім' },
    { after: ['ов', 'ев', 'єв', 'ін', 'ин'], drop: 'ої ій ою' },
  ],
};

/** Word-formation endings for aliases marked `stem: true` (annex → annexation). */
export const STEM_SUFFIXES: Readonly<Record<string, readonly SuffixRule[]>> = {
  en: plain('s es ed d ing ation ations al als ment ments er ers or ors ist ists ive n'),
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
    // Plural forms too: coordinated names share one plural noun ("Донецкая и Луганская народные республики").
    ['ая', 'ая ой ую ою ые ых ым ыми'],
    ['яя', 'яя ей юю ею'],
    ['ый', 'ый ого ому ым ом ые ых'],
    // Noun forms too: a given name in -ий declines as a noun (Дмитрий → Дмитрия Пескова).
    ['ий', 'ий его ого ему ому им ем ом ие их ия ию ием ии'],
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
    // Plural heads: after a hard stem -ам/-ами/-ах ("поставках вооружений"), after a soft one -ям/-ями/-ях.
    ['и', 'и ей ам ями ях ов ами ах'],
    ['', '= а у ом е ы ов ам ами ах'],
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
    // The plural of a head noun too ("обмінах полоненими", "обміни полоненими").
    ['', '= а у ом і ові е и ів ам ами ах'],
  ],
  // German: an adjective before the noun takes the strong or weak ending of its case ("das ukrainische
  // Außenministerium", "des ukrainischen Außenministeriums", "ein russischer Angriffskrieg", "dem Weißen Haus"); a
  // noun that opens the phrase takes the genitive ("des Außenministeriums der Ukraine").
  de: [
    ['en', 'e en er es em'],
    ['er', 'e en er es em'],
    ['es', 'e en er es em'],
    ['em', 'e en er es em'],
    ['e', 'e en er es em'],
    ['', '= s es'],
  ],
};

/**
 * Languages whose INNER_WORD_FORMS apply only to aliases tagged with them: an untagged Latin alias is read as
 * English and German, and English words before the last one do not decline ("peace talks", "Office of the
 * President").
 */
export const INNER_FORMS_TAGGED_ONLY: readonly string[] = ['de'];

/**
 * Languages in which a person's given names decline before the surname (Сергія Лаврова, Сергея Лаврова);
 * German and English given names do not (Wladimir Putins).
 */
export const DECLINED_GIVEN_NAME_LANGUAGES: readonly string[] = ['ru', 'uk'];

/**
 * Languages in which coordinated adjectives share one noun and are joined by COORDINATORS (rules.ts): "Херсонской
 * и Запорожской областей". German and English place names follow or precede their noun (docs/matching.md).
 */
export const COORDINATED_ADJECTIVE_LANGUAGES: readonly string[] = ['ru', 'uk', 'de'];

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
  // German nouns end so too (Gespräche, Diener): their forms cost a trie branch, as above.
  de: ['e', 'en', 'er', 'es', 'em'],
};

/**
 * Adverbs that open a fixed ru/uk term before its adjectives ("тимчасово окуповані території", the legal term;
 * "временно оккупированные территории"): they stay as written and do not end the declining words, so the
 * adjective and the head noun after them decline. Folded on use.
 */
export const INVARIABLE_ADVERBS: Readonly<Record<string, readonly string[]>> = {
  ru: ['временно', 'незаконно', 'частично', 'полностью'],
  uk: ['тимчасово', 'незаконно', 'частково', 'повністю'],
};

/** Most word forms compiled for the words before the last one of one alias (their cross product). */
export const MAX_INNER_VARIANTS = 64;

/** A word shorter than this (folded units) never declines and ends the declining words (в, до, на, з). */
export const MIN_DECLINING_WORD = 3;

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
export const CYRILLIC_VOWELS = 'аеєиіїоуюяыэё';

/** A stem shorter than this (in folded units) is not compiled: it would match too much. */
export const MIN_STEM_UNITS = 3;

const CYRILLIC_RE = /\p{Script=Cyrillic}/u;
const LATIN_RE = /\p{Script=Latin}/u;

/** The languages of an alias and what compiling needs of them, made once per language list. */
interface Languages {
  readonly codes: readonly string[];
  /** The codes whose INNER_WORD_FORMS apply (INNER_FORMS_TAGGED_ONLY: only when the alias is tagged). */
  readonly innerCodes: readonly string[];
  /** innerCodes is not empty. */
  readonly innerForms: boolean;
  /** Suffix sets by (names, stem) and last folded unit: shared by all lists with the same suffixSet key. */
  readonly suffixSets: readonly Map<number, string[]>[];
  /** Folded suffix rules by (names, stem), made on first use. */
  readonly suffixRules: (FoldedSuffixRules | undefined)[];
  /** Per language: folded REPLACED_ENDINGS and STEM_ALTERNATIONS (filled on first use: folding needs the tables). */
  stemRules: StemRules[] | undefined;
}

interface StemRules {
  /** Folded REPLACED_ENDINGS, in order (longest first). */
  readonly endings: readonly string[];
  /** The same by their last unit, in order; undefined when one is '' (it ends every word): then `endings` is searched. */
  readonly endingsByLastUnit: ReadonlyMap<number, readonly string[]> | undefined;
  readonly alternations: readonly Alternation[];
}

/** A folded STEM_ALTERNATIONS rule; `fromUnit` -1 when `from` is not one unit (then it never applies). */
interface Alternation {
  readonly fromUnit: number;
  readonly to: string;
}

/** Suffix-set caches by the language part of the old string key (codes joined by ','), so equal keys share one set as before. */
const suffixSetsByKey = new Map<string, Map<number, string[]>[]>();

function makeLanguages(codes: readonly string[], tagged: boolean): Languages {
  const key = codes.join(',');
  let suffixSets = suffixSetsByKey.get(key);
  if (suffixSets === undefined) suffixSetsByKey.set(key, (suffixSets = [new Map(), new Map(), new Map(), new Map()]));
  const innerCodes = codes.filter((lang) => INNER_WORD_FORMS[lang] !== undefined && (tagged || !INNER_FORMS_TAGGED_ONLY.includes(lang)));
  return { codes, innerCodes, innerForms: innerCodes.length > 0, suffixSets, suffixRules: [undefined, undefined, undefined, undefined], stemRules: undefined };
}

const CYRILLIC_LANGUAGES = makeLanguages(['ru', 'uk'], false);
const LATIN_LANGUAGES = makeLanguages(['en', 'de'], false);
const NO_LANGUAGES = makeLanguages([], false);
/** By `lang` tag as written. */
const languagesByTag = new Map<string, Languages>();
/** By language code, so that one code has one entry. */
const languagesByCode = new Map<string, Languages>();

function languagesOf(alias: Alias): Languages {
  const tag = alias.lang;
  if (tag !== undefined) {
    let languages = languagesByTag.get(tag);
    if (languages === undefined) {
      const code = tag.split('-')[0]!.toLowerCase();
      languages = languagesByCode.get(code);
      if (languages === undefined) languagesByCode.set(code, (languages = makeLanguages([code], true)));
      languagesByTag.set(tag, languages);
    }
    return languages;
  }
  const text = alias.text;
  // Cheap answers for the usual texts; the script regexps otherwise.
  let ascii = true;
  let asciiLetter = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) asciiLetter = true;
    } else if (c >= 0x400 && c <= 0x4ff && (c < 0x483 || c > 0x489)) {
      // Basic Cyrillic letters (U+0483–U+0489 are combining marks, not all of the Cyrillic script).
      return CYRILLIC_LANGUAGES;
    } else {
      ascii = false;
    }
  }
  if (ascii) return asciiLetter ? LATIN_LANGUAGES : NO_LANGUAGES;
  if (CYRILLIC_RE.test(text)) return CYRILLIC_LANGUAGES;
  if (LATIN_RE.test(text)) return LATIN_LANGUAGES;
  return NO_LANGUAGES;
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

/** Receives the variants of an alias one by one (see aliasVariants). */
export interface VariantSink {
  variant(folded: string, suffixes: string[], requireSuffix: boolean): void;
}

const foldedCache = new Map<string, string>();
const foldCached = (s: string): string => {
  let f = foldedCache.get(s);
  if (f === undefined) foldedCache.set(s, (f = foldString(s)));
  return f;
};

/**
 * Suffix sets by (languages, names, stem, last folded unit): few distinct
 * keys, so compiling 50,000 aliases stays fast. One array per key: the
 * automaton tells suffix sets apart by identity.
 */
function suffixSet(languages: Languages, names: boolean, stem: boolean, folded: string): string[] {
  const flags = (names ? 2 : 0) + (stem ? 1 : 0);
  const cache = languages.suffixSets[flags]!;
  const last = folded.charCodeAt(folded.length - 1);
  let list = cache.get(last);
  if (list !== undefined) return list;
  const rules = (languages.suffixRules[flags] ??= foldedSuffixRules(languages.codes, names, stem));
  if (rules.unconditional !== undefined) {
    list = rules.unconditional.slice();
  } else {
    const set = new Set<string>();
    for (const rule of rules.rules) if (rule.after === undefined || rule.after.some((a) => folded.endsWith(a))) set.add(rule.suffix);
    list = [...set].sort();
  }
  cache.set(last, list);
  return list;
}

/** Person suffix sets by languages, stem flag and the rule that applies (PERSON_SUFFIX_RULES): shared arrays, as above. */
const personSuffixSets = new Map<string, string[]>();
let foldedPersonRules: Map<string, { after: string[]; keep: Set<string> | undefined; drop: Set<string> | undefined }[]> | undefined;

/** suffixSet for a person's alias: without the feminine endings of its surname (PERSON_SUFFIX_RULES). */
function personSuffixSet(languages: Languages, stem: boolean, folded: string): string[] {
  const base = suffixSet(languages, true, stem, folded);
  foldedPersonRules ??= new Map(
    Object.entries(PERSON_SUFFIX_RULES).map(([lang, rules]) => [
      lang,
      rules.map((r) => ({ after: r.after.map(foldCached), keep: r.keep === undefined ? undefined : new Set(r.keep.split(' ').map(foldCached)), drop: r.drop === undefined ? undefined : new Set(r.drop.split(' ').map(foldCached)) })),
    ]),
  );
  const applying: string[] = [];
  const rules: { keep: Set<string> | undefined; drop: Set<string> | undefined }[] = [];
  for (const lang of languages.codes) {
    const list = foldedPersonRules.get(lang) ?? [];
    const k = list.findIndex((r) => r.after.some((a) => folded.endsWith(a)));
    if (k >= 0) {
      applying.push(`${lang}${k}`);
      rules.push(list[k]!);
    }
  }
  if (rules.length === 0) return base;
  const key = `${languages.codes.join(',')}|${stem ? 1 : 0}|${folded.charCodeAt(folded.length - 1)}|${applying.join(',')}`;
  let list = personSuffixSets.get(key);
  if (list === undefined) {
    // A suffix stays when some applying language allows it (the suffix sets of ru and uk are merged the same way).
    list = base.filter((sfx) => rules.some((r) => (r.keep === undefined || r.keep.has(sfx)) && (r.drop === undefined || !r.drop.has(sfx))));
    personSuffixSets.set(key, list);
  }
  return list;
}

/** The suffix rules of some languages, folded, in order; with the resulting set when no rule depends on the alias. */
interface FoldedSuffixRules {
  readonly rules: readonly { readonly suffix: string; readonly after: readonly string[] | undefined }[];
  /** Sorted and unique, when no rule has `after`. */
  readonly unconditional: readonly string[] | undefined;
}

function foldedSuffixRules(codes: readonly string[], names: boolean, stem: boolean): FoldedSuffixRules {
  const rules: { suffix: string; after: string[] | undefined }[] = [];
  const add = (list: readonly SuffixRule[] | undefined): void => {
    for (const rule of list ?? []) rules.push({ suffix: foldCached(rule.suffix), after: rule.after?.split('').map(foldCached) });
  };
  for (const lang of codes) {
    if (names) add(NAME_SUFFIXES[lang]);
    if (stem) add(STEM_SUFFIXES[lang]);
  }
  const unconditional = rules.every((r) => r.after === undefined) ? [...new Set(rules.map((r) => r.suffix))].sort() : undefined;
  return { rules, unconditional };
}

function stemRulesOf(languages: Languages): StemRules[] {
  return (languages.stemRules ??= languages.codes.map((lang) => {
    const endings = (REPLACED_ENDINGS[lang] ?? []).map(foldCached);
    let endingsByLastUnit: Map<number, string[]> | undefined = new Map();
    for (const ending of endings) {
      if (ending === '') {
        endingsByLastUnit = undefined;
        break;
      }
      const last = ending.charCodeAt(ending.length - 1);
      let list = endingsByLastUnit.get(last);
      if (list === undefined) endingsByLastUnit.set(last, (list = []));
      list.push(ending);
    }
    const alternations = (STEM_ALTERNATIONS[lang] ?? []).map(({ from, to }) => {
      const f = foldCached(from);
      return { fromUnit: f.length === 1 ? f.charCodeAt(0) : -1, to: foldCached(to) };
    });
    return { endings, endingsByLastUnit, alternations };
  }));
}

/** The first of the language's REPLACED_ENDINGS that `folded` (not empty) ends with, or undefined. */
function replacedEnding(rules: StemRules, folded: string): string | undefined {
  const candidates = rules.endingsByLastUnit === undefined ? rules.endings : rules.endingsByLastUnit.get(folded.charCodeAt(folded.length - 1));
  if (candidates !== undefined) for (const e of candidates) if (folded.endsWith(e)) return e;
  return undefined;
}

/** The strings to compile for one alias, with their suffix sets. `person`: every word of a multi-word Cyrillic name declines. */
export function aliasVariants(alias: Alias, person = false): PatternVariant[] {
  const variants: PatternVariant[] = [];
  forEachAliasVariant(alias, person, {
    variant: (folded, suffixes, requireSuffix) => variants.push({ folded, suffixes: suffixes === NO_SUFFIXES ? [] : suffixes, requireSuffix }),
  });
  return variants;
}

/** Shared empty suffix list of forEachAliasVariant (aliasVariants hands out fresh ones). */
const NO_SUFFIXES: string[] = [];

/** folded.lastIndexOf(' '), without the engine's call. */
function lastSpace(folded: string): number {
  let k = folded.length - 1;
  while (k >= 0 && folded.charCodeAt(k) !== 0x20) k--;
  return k;
}

/** aliasVariants without the objects: `sink` gets each variant, in the same order. */
export function forEachAliasVariant(alias: Alias, person: boolean, sink: VariantSink): void {
  spellingVariants(alias, person, sink);
  // Ukrainian writes the preposition в as у, and back, by the sounds around it (euphony): "переговори в
  // Стамбулі", "переговорів у Стамбулі". The record writes one; the other is the same name.
  if (alias.lang === 'uk' && UK_EUPHONY_RE.test(alias.text)) spellingVariants({ ...alias, text: alias.text.replace(UK_EUPHONY_RE, (p) => (p === 'в' ? 'у' : 'в')) }, person, sink);
}

/** The Ukrainian preposition в or у alone between two words of an alias (forEachAliasVariant). */
const UK_EUPHONY_RE = /(?<=\s)[ву](?=\s)/gu;

/** The variants of one spelling of an alias (forEachAliasVariant). */
function spellingVariants(alias: Alias, person: boolean, sink: VariantSink): void {
  const folded = foldString(alias.text);
  if (folded === '') return;
  const languages = languagesOf(alias);
  const inflect = alias.inflect !== false;
  const suffixes = person && inflect ? personSuffixSet(languages, alias.stem === true, folded) : suffixSet(languages, inflect, alias.stem === true, folded);
  const space = lastSpace(folded);
  // A person's given names are not compiled in every case (that would multiply the automaton by
  // the forms of each first name): see givenNamePrefixes, which extends a surname mention instead.
  const inner = inflect && space > 0 && !person && languages.innerForms ? innerForms(alias.text, folded, languages.innerCodes, false) : undefined;
  if (inner === undefined) {
    lastWordVariants(folded, languages, inflect, suffixes, undefined, space + 1, sink);
    return;
  }
  if (!inner.lastDeclines) {
    const lastWord = folded.slice(space + 1);
    for (const p of inner.prefixes) sink.variant(p + lastWord, NO_SUFFIXES, false);
    return;
  }
  lastWordVariants(folded, languages, inflect, suffixes, inner.prefixes, space + 1, sink);
}

/**
 * For a multi-word Cyrillic person alias ("Сергій Лавров"): every declined
 * spelling of the words before the last one, folded, with a trailing space
 * ("сергія ", "сергієм ", …). A mention of the same person right after one of
 * them is extended to cover it (Сергія Лаврова); [] when no rule applies.
 */
export function givenNamePrefixes(alias: Alias): string[] {
  if (!hasGivenNames(alias)) return [];
  return innerForms(alias.text, foldString(alias.text), givenNameCodes(languagesOf(alias)), true)?.prefixes ?? [];
}

/**
 * For a two-word ru/uk place alias "adjective + noun" (Херсонская область):
 * the folded declined forms of the adjective alone, as it stands before a
 * joining word in a coordinated list ("Херсонской и Запорожской областей").
 * [] when the alias is not such a phrase.
 */
export function coordinatedForms(alias: Alias): string[] {
  const words = alias.text.trim().split(/\s+/u);
  if (words.length < 2 || alias.inflect === false) return [];
  const codes = languagesOf(alias).innerCodes.filter((lang) => COORDINATED_ADJECTIVE_LANGUAGES.includes(lang));
  if (codes.length === 0) return [];
  const folded = foldString(alias.text);
  const first = folded.split(' ')[0]!;
  if (!codes.some((lang) => (ADJECTIVE_ENDINGS[lang] ?? []).some((e) => first.endsWith(foldString(e))))) return [];
  // The declined forms of the first word (the prefixes hold those of the words after it too, for a longer name).
  return [...new Set(innerForms(alias.text, folded, codes, false)?.prefixes.map((p) => p.slice(0, p.indexOf(' '))) ?? [])];
}

const INNER_SPACE_RE = /\S\s+\S/u;

/** Whether givenNamePrefixes can give anything for this alias (cheap: no folding). */
export function hasGivenNames(alias: Alias): boolean {
  return alias.inflect !== false && givenNameCodes(languagesOf(alias)).length > 0 && INNER_SPACE_RE.test(alias.text);
}

const givenNameCodesCache = new WeakMap<Languages, readonly string[]>();

/** The languages of an alias in which given names decline (DECLINED_GIVEN_NAME_LANGUAGES). */
function givenNameCodes(languages: Languages): readonly string[] {
  let codes = givenNameCodesCache.get(languages);
  if (codes === undefined) givenNameCodesCache.set(languages, (codes = languages.innerCodes.filter((lang) => DECLINED_GIVEN_NAME_LANGUAGES.includes(lang))));
  return codes;
}

/**
 * The alias (each prefix + its last word) and the stems of its last word.
 * `prefixes` undefined: the alias's own words before the last one, so the
 * alias and its stems are compiled as they are (nothing to concatenate).
 */
function lastWordVariants(folded: string, languages: Languages, inflect: boolean, suffixes: string[], prefixes: readonly string[] | undefined, lastStart: number, sink: VariantSink): void {
  // With the alias's own words as the only prefix, p + last is `folded` itself (and p + a stem's tail the stem).
  const own = prefixes === undefined || (prefixes.length === 1 && prefixes[0]!.length === lastStart && folded.startsWith(prefixes[0]!));
  if (own) sink.variant(folded, suffixes, false);
  else for (const p of prefixes) sink.variant(p + folded.slice(lastStart), suffixes, false);
  if (!inflect || suffixes.length === 0) return;
  let stems: string[] | undefined;
  for (const rules of stemRulesOf(languages)) {
    const ending = replacedEnding(rules, folded);
    const base = ending === undefined ? undefined : folded.slice(0, folded.length - ending.length);
    if (base !== undefined) (stems ??= []).push(base);
    const alternations = rules.alternations;
    if (alternations.length === 0) continue;
    // The alternation also applies after a replaced ending: цілісність → цілісност + і.
    const vowel = lastSyllableVowel(folded);
    const baseVowel = base === undefined ? -1 : lastSyllableVowel(base);
    for (const { fromUnit, to } of alternations) {
      if (vowel >= 0 && folded.charCodeAt(vowel) === fromUnit) (stems ??= []).push(folded.slice(0, vowel) + to + folded.slice(vowel + 1));
      if (baseVowel >= 0 && base!.charCodeAt(baseVowel) === fromUnit) (stems ??= []).push(base!.slice(0, baseVowel) + to + base!.slice(baseVowel + 1));
    }
  }
  if (stems === undefined) return;
  for (let i = 0; i < stems.length; i++) {
    const stem = stems[i]!;
    if (stems.indexOf(stem) < i) continue;
    if (stem.length < MIN_STEM_UNITS || stem === folded || stem.length <= lastStart) continue;
    if (prefixes === undefined) sink.variant(startsLike(stem, folded, lastStart) ? stem : folded.slice(0, lastStart) + stem.slice(lastStart), suffixes, true);
    else if (own && stem.startsWith(prefixes[0]!)) sink.variant(stem, suffixes, true);
    else for (const p of prefixes) sink.variant(p + stem.slice(lastStart), suffixes, !GENITIVE_PLURAL_PREFIX.test(p));
  }
}

/**
 * Words before the head in the genitive plural (ru/uk -ых, -их): the head noun may then have the zero ending of
 * the genitive plural, its bare stem ("народных республик", "российских войск").
 */
export const GENITIVE_PLURAL_PREFIX = /(?:ых|их) $/u;

/** Whether the first `n` units of `a` and `b` are equal (both at least `n` long). */
function startsLike(a: string, b: string, n: number): boolean {
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
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
      const forms = w < declining && !isInvariableAdverb(words[w]!, lang) ? wordForms(words[w]!, lang, table) : [words[w]!];
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
    if (!person && isInvariableAdverb(word, lang) && w < words.length - 1) continue;
    if (!person && !adjectives.some((e) => word.endsWith(e))) return w + 1;
  }
  return words.length;
}

let adverbSets: Map<string, Set<string>> | undefined;

/** Whether a folded word is one of INVARIABLE_ADVERBS of `lang`. */
function isInvariableAdverb(word: string, lang: string): boolean {
  adverbSets ??= new Map(Object.entries(INVARIABLE_ADVERBS).map(([l, words]) => [l, new Set(words.map(foldCached))]));
  return adverbSets.get(lang)?.has(word) === true;
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

/** Folded vowels (CYRILLIC_VOWELS) and the folded soft sign, as units; -1 if the sign folds to more than one. */
let vowelUnits: Uint8Array | undefined;
let softSignUnit = -1;

function vowelTable(): Uint8Array {
  if (vowelUnits !== undefined) return vowelUnits;
  const table = new Uint8Array(0x10000);
  const vowels = foldCached(CYRILLIC_VOWELS);
  for (let i = 0; i < vowels.length; i++) table[vowels.charCodeAt(i)] = 1;
  const softSign = foldCached('ь');
  softSignUnit = softSign.length === 1 ? softSign.charCodeAt(0) : -1;
  return (vowelUnits = table);
}

/**
 * Where STEM_ALTERNATIONS may replace a vowel: the vowel of the last syllable
 * when a consonant follows it (a final soft sign aside), else -1.
 */
function lastSyllableVowel(folded: string): number {
  const vowels = vowelTable();
  let k = folded.length - 1;
  if (k >= 0 && folded.charCodeAt(k) === softSignUnit) k--;
  const lastConsonant = k;
  for (; k >= 0; k--) {
    const c = folded.charCodeAt(k);
    if (vowels[c] === 1 || c === 0x20) break;
  }
  // At a space (the word has no vowel) the position is returned too: no rule replaces a space.
  return k < 0 || k === lastConsonant ? -1 : k;
}
