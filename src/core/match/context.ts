/**
 * The ambiguity rule (docs/matching.md): an alias marked `ambiguous` counts
 * only when (a) an unambiguous alias of the same entity was matched earlier
 * in the document, or (b) one of the entity's context words starts a word
 * within CONTEXT_WINDOW_CHARS before or after it.
 */
import { CLASS, EXPANDS, FOLD, MARK, SKIP, SPACE, WORD } from '../text/fold-table.ts';
import { foldString } from '../text/fold.ts';
import type { Alias } from '../corpus/schema.ts';
import { boundaryBefore, wordEnd } from './boundary.ts';
import { givenNamePrefixes } from './inflection.ts';
import { MATCH_RULES } from './rule-words.ts';

/**
 * Characters searched on each side of an ambiguous alias for context words:
 * about 15 English words, i.e. the same sentence or the next one. Wider
 * windows confirmed "Istanbul" from unrelated paragraphs in travel stories.
 */
export const CONTEXT_WINDOW_CHARS = 100;

/** What one document has shown so far; pass the same object for every chunk of a page. */
export interface DocumentContext {
  /**
   * Ids of the entities that have an ambiguous alias, matched by an unambiguous alias so far (rule (a); other entities
   * are not recorded), and rules.ts NAMESAKE_MARK + the id of a place named as another country's town ("Moscow, Idaho").
   */
  readonly seen: Set<string>;
  /** The last CONTEXT_WINDOW_CHARS of the previous chunk, for context words across chunks. */
  tail: string;
  /** Whether topics and common nouns are gated by relevance (a page: yes; a lone claim or quote: no). */
  readonly relevance: boolean;
  /** Ids of the anchor entities (rules.ts) found in the document so far. */
  readonly anchors: Set<string>;
  /**
   * Gated mentions (topics, common nouns) dropped so far because the page was not yet about the record. A page
   * read in chunks compares it before and after a chunk: a chunk that withheld some is scanned again once the
   * page becomes relevant (pageIsRelevant), or its headline's "talks" would never be drawn.
   */
  withheld: number;
}

export function createDocumentContext(options: { relevance?: boolean } = {}): DocumentContext {
  return { seen: new Set(), tail: '', relevance: options.relevance ?? true, anchors: new Set(), withheld: 0 };
}

/** Remember the end of a scanned chunk for the next one. */
export function rememberTail(ctx: DocumentContext, text: string): void {
  const joined = text.length >= CONTEXT_WINDOW_CHARS ? text : ctx.tail + ' ' + text;
  ctx.tail = joined.slice(-CONTEXT_WINDOW_CHARS);
}

/** Whether a folded context word starts a word in the folded `window`. */
function startsWordIn(window: string, word: string): boolean {
  for (let at = window.indexOf(word); at >= 0; at = window.indexOf(word, at + 1)) {
    if (at === 0 || CLASS[window.charCodeAt(at - 1)] !== WORD) return true;
  }
  return false;
}

/**
 * Rule (b): a context word near text[start..end). A context word written with a leading ">" counts only as the word
 * right after the name: a word too common to confirm from anywhere near ("draft", "treaty") names the event when
 * it follows the city ("the Istanbul draft", "Istanbul Treaty"), not in "a draft of the hotel's plans".
 */
export function hasContextWord(words: readonly string[], text: string, start: number, end: number, tail: string): boolean {
  if (words.length === 0) return false;
  const fromText = text.slice(Math.max(0, start - CONTEXT_WINDOW_CHARS), start);
  const before = start < CONTEXT_WINDOW_CHARS ? tail.slice(-(CONTEXT_WINDOW_CHARS - start)) + ' ' + fromText : fromText;
  const after = foldString(text.slice(end, end + CONTEXT_WINDOW_CHARS));
  const window = foldString(before) + ' | ' + after;
  return words.some((w) => (w.charCodeAt(0) === 0x3e ? nextWordIs(after, w.slice(1)) : startsWordIn(window, w)));
}

/**
 * How far from text[start..end) the nearest of `words` (context words as hasContextWord reads them) starts a word, in
 * folded units within CONTEXT_WINDOW_CHARS on each side; Infinity when none is there. Two senses of one name, each
 * with its words, are told apart by the nearer (rules of `otherSenseWords` for gated aliases).
 */
export function contextWordDistance(words: readonly string[], text: string, start: number, end: number): number {
  if (words.length === 0) return Infinity;
  const before = foldString(text.slice(Math.max(0, start - CONTEXT_WINDOW_CHARS), start));
  const after = foldString(text.slice(end, end + CONTEXT_WINDOW_CHARS));
  let best = Infinity;
  for (const w of words) {
    if (w.charCodeAt(0) === 0x3e) {
      if (nextWordIs(after, w.slice(1))) return 0;
      continue;
    }
    for (let at = after.indexOf(w); at >= 0 && at < best; at = after.indexOf(w, at + 1)) {
      if (at === 0 || CLASS[after.charCodeAt(at - 1)] !== WORD) best = Math.min(best, at);
    }
    for (let at = before.lastIndexOf(w); at >= 0; at = at > 0 ? before.lastIndexOf(w, at - 1) : -1) {
      if (at === 0 || CLASS[before.charCodeAt(at - 1)] !== WORD) {
        best = Math.min(best, before.length - at - w.length);
        break;
      }
    }
  }
  return best;
}

/** Whether the folded text after a name (`after`; folding may drop its leading space) opens with `word`. */
function nextWordIs(after: string, word: string): boolean {
  const at = after.indexOf(word);
  return at >= 0 && /^[ \t\u00a0]*$/u.test(after.slice(0, at));
}

/**
 * Guards that keep a bare ambiguous name from being someone else's, whatever
 * the document said before (docs/matching.md, "Ambiguous aliases"). Folded
 * words; compared with the folded text.
 */
export const AMBIGUITY_GUARDS = {
  /**
   * Capitalised words that may stand right before a bare surname or place
   * without making it part of a longer name: titles, and words that open a
   * sentence. Any other capitalised word there is read as another given name
   * (Tony Bennett, Dwayne Johnson, Alan Bennett), so the alias is not confirmed.
   */
  notGivenNames: [
    'mr mrs ms dr sir lord lady president prime minister premier chancellor secretary foreign former ex minister mp',
    'the a an in at on from to for with after before but and or then yesterday today later when while if as by since until meanwhile also so now both said says why how what where who that this',
    // Determiners: '"No Rada will ever vote…"', "Every Kremlin statement".
    'no every each any some another',
    'herr frau präsident premierminister premier kanzler bundeskanzler außenminister regierungschef ministerpräsident expremier',
    // Nouns that name a place's kind before or after its name (German nouns are capitalised): "die Gebiete Donezk und Luhansk", "Kherson Region".
    'gebiet gebiete gebieten gebiets region regionen oblast oblaste provinz stadt city province',
    'der die das den dem des ein eine im am vom zum zur nach vor mit auch und aber heute gestern als wie wenn dass',
    'господин президент премьер министр глава экс в во на с со из по у до для и но а о об при после',
    'пан президент прем’єр міністр голова екс в у на з із зі до для і й та але а про після від',
  ],
  /** Words joining two names into one firm's name: "Johnson & Johnson", "Johnson and Johnson". */
  conjunctions: ['& + and und et и і та'],
} as const;

let guardSets: { notGivenNames: Set<string>; conjunctions: Set<string> } | undefined;

/** The guard words, folded (on first use: folding needs the tables). */
function guards(): { notGivenNames: Set<string>; conjunctions: Set<string> } {
  const folded = (lines: readonly string[]): Set<string> => new Set(lines.join(' ').split(' ').map(foldString));
  return (guardSets ??= { notGivenNames: folded(AMBIGUITY_GUARDS.notGivenNames), conjunctions: folded(AMBIGUITY_GUARDS.conjunctions) });
}

/** A word or a single punctuation unit of the text, found next to a position across whitespace only. */
interface Token {
  start: number;
  end: number;
}

const isSpace = (c: number): boolean => CLASS[c] === SPACE || CLASS[c] === SKIP;
const isCapital = (text: string, k: number): boolean => {
  const ch = text[k]!;
  return ch !== ch.toLowerCase() && ch.toUpperCase() === ch;
};

/** The token after `end`, separated from it by whitespace only (at least one unit), or undefined. */
function tokenAfter(text: string, end: number): Token | undefined {
  let k = end;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (k === end || k >= text.length) return undefined;
  const e = wordEnd(text, k);
  return { start: k, end: e > k ? e : k + 1 };
}

/** Where the token before `start` ends: after the whitespace before `start` (at least one unit), or -1. */
function tokenEndBefore(text: string, start: number): number {
  let k = start;
  while (k > 0 && isSpace(text.charCodeAt(k - 1))) k--;
  return k === start || k === 0 ? -1 : k;
}

/** Where the token ending at `end` (from tokenEndBefore) starts. */
function tokenStartBefore(text: string, end: number): number {
  let s = end - 1;
  if (CLASS[text.charCodeAt(s)] === WORD || !boundaryBefore(text, end)) {
    // Plain letters first (no boundary before a unit that follows a letter), then the general rule.
    while (s > 0 && CLASS[text.charCodeAt(s - 1)] === WORD) s--;
    while (s > 0 && !boundaryBefore(text, s)) s--;
  }
  return s;
}

/** The token before `start`, separated from it by whitespace only (at least one unit), or undefined. */
function tokenBefore(text: string, start: number): Token | undefined {
  const end = tokenEndBefore(text, start);
  return end < 0 ? undefined : { start: tokenStartBefore(text, end), end };
}

/** AMBIGUITY_GUARDS.notGivenNames, folded: titles and sentence openers. */
export const notGivenNameWords = (): ReadonlySet<string> => guards().notGivenNames;

const foldedToken = (text: string, t: Token): string => foldString(text.slice(t.start, t.end));
const isWordToken = (text: string, t: Token): boolean => CLASS[text.charCodeAt(t.start)] === WORD;

/**
 * Lowercase words that a headline in title case leaves in lowercase ("Istanbul Draft Resurfaces a Year On").
 * Any other lowercase word in the line means it is not in title case.
 */
export const TITLE_CASE_MINOR_WORDS = 'a an the and but or nor for so yet at by in of on to up as per via vs v with from into onto off out over than';
/** A line needs this many capitalised words to be read as a headline in title case: "Johnson Controls" alone is a firm's name. */
export const TITLE_CASE_MIN_WORDS = 4;
/** A headline is a short line: a longer one is prose, whatever its capitals. */
export const TITLE_CASE_MAX_CHARS = 200;

let minorWords: Set<string> | undefined;

/**
 * Whether text[start..end) stands in a line written in title case (a
 * headline, a teaser link): a line (between line breaks or the text's
 * edges) of at most TITLE_CASE_MAX_CHARS characters whose words (letters,
 * with inner apostrophes and hyphens) all start with a capital, except
 * TITLE_CASE_MINOR_WORDS, with at least TITLE_CASE_MIN_WORDS capitalised.
 * There a capital next to a name says nothing about a longer name ("Kremlin
 * Says Istanbul Deal Is Dead"), so the capital guards of partOfLongerName
 * are not applied; the document and context rules still are.
 */
export function inTitleCaseLine(text: string, start: number, end: number): boolean {
  let s = start;
  while (s > 0 && end - s <= TITLE_CASE_MAX_CHARS && text[s - 1] !== '\n') s--;
  let e = end;
  while (e < text.length && e - s <= TITLE_CASE_MAX_CHARS && text[e] !== '\n') e++;
  if (e - s > TITLE_CASE_MAX_CHARS) return false;
  minorWords ??= new Set(TITLE_CASE_MINOR_WORDS.split(' '));
  let capitals = 0;
  for (const w of text.slice(s, e).match(/[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu) ?? []) {
    if (/^\p{Lu}/u.test(w)) capitals++;
    else if (!minorWords.has(w)) return false;
  }
  return capitals >= TITLE_CASE_MIN_WORDS;
}

/**
 * An adjective of nationality right before an acronym names another
 * country's body ("польське МЗС", "российского МИД"): ru/uk adjective endings
 * after -ськ-/-цьк-/-зьк-/-ск-/-цк-.
 */
const NATIONAL_ADJECTIVE = /(?:ськ|цьк|зьк|ск|цк)(?:ий|ій|е|ого|ому|им|ім|а|ої|ій|у|ою|і|их|ое|ая|ой|ую|ом|ие|ых|ые)$/u;

/** A nationality adjective without its ending: "российское" → росс, "українське" → україн, "британское" → британ. */
const NATIONAL_STEM = /(?:ий|ій|и|і)?(?:ськ|цьк|зьк|ск|цк)[а-яіїєґ]*$/u;

/**
 * Whether a nationality adjective (folded) is the body's own nation's: its stem starts one of the body's alias words
 * (`ownWords`: "российское" → росс- of "россии"; "російське" → рос- of "росії"). "российское Минобороны" is Russia's.
 */
function ownNationality(word: string, ownWords: ReadonlySet<string>): boolean {
  const stem = word.replace(NATIONAL_STEM, '');
  if (stem.length < 3 || stem === word) return false;
  for (const own of ownWords) if (own !== word && own.startsWith(stem)) return true;
  return false;
}

/**
 * Whether the capitalised word `t` after a body's abbreviation qualifies it as another country's: in Cyrillic a
 * country or place in the genitive ("Минобороны Украины", "МЗС Польщі", "МИД Израиля") or an abbreviation in
 * capitals ("МИД КНР"); a surname in the nominative ("Глава Минобороны Белоусов заявил") names its head. Latin
 * script: any capitalised word.
 */
function countryQualifier(text: string, t: Token): boolean {
  const word = text.slice(t.start, t.end);
  if (!/\p{Script=Cyrillic}/u.test(word)) return true;
  if (word.length >= 2 && word === word.toUpperCase()) return true;
  if (!/[ыиаяії]$/u.test(word)) return false;
  // A woman's surname in -а followed by a verb in the feminine past is the speaker, not a country: "МИД Захарова
  // заявила" (a ministry takes the masculine or neuter: "МИД Израиля заявил", "МЗС Польщі заявило").
  const verb = tokenAfter(text, t.end);
  return !(/[ая]$/u.test(word) && verb !== undefined && !lineBreakIn(text, t.end, verb.start) && FEMININE_PAST.test(text.slice(verb.start, verb.end)));
}

/** A ru/uk verb in the feminine past, lowercase: заявила, сообщила, наголосила, відповіла (and reflexive -лась/-лася). */
const FEMININE_PAST = /^[а-яёіїєґ]+(?:ла|лась|лася)$/u;

/**
 * Whether the ambiguous alias at text[start..end) belongs to a longer proper name: a capitalised given name before it that
 * is not one of the entity's own alias words (`ownWords`) nor a title or
 * sentence opener; "&"/"and" + the same name after or before it; or a
 * capitalised word right after it (Johnson Controls, Washington Post).
 * An acronym (`acronym`: a caps-only alias such as МЗС) has no given name:
 * it belongs to another body when a nationality adjective stands before it
 * ("польське МЗС") or a capitalised qualifier after it ("МЗС Польщі"; but
 * "МЗС Олег Ніколенко", a person's two names, is not a qualifier). In a line
 * in title case (inTitleCaseLine) capitals say nothing and are not checked, and a capital on another line (a
 * heading over its paragraph) is no part of the name.
 */
export function partOfLongerName(text: string, start: number, end: number, ownWords: ReadonlySet<string>, acronym = false, declined = false): boolean {
  const { conjunctions, notGivenNames } = guards();
  const name = foldString(text.slice(start, Math.max(wordEnd(text, start), start + 1)));
  const titleCase = inTitleCaseLine(text, start, end);
  const before = tokenBefore(text, start);
  if (before !== undefined) {
    const word = foldedToken(text, before);
    if (acronym) {
      if (isWordToken(text, before) && NATIONAL_ADJECTIVE.test(word) && !ownNationality(word, ownWords)) return true;
    } else if (!titleCase && isWordToken(text, before) && isCapital(text, before.start) && !ownWords.has(word) && !notGivenNames.has(word) && !lineBreakIn(text, before.end, start) && !(declined && sentenceOpenerNoun(text, before, word, text[end - 1]!))) return true;
    if (conjunctions.has(word)) {
      const other = tokenBefore(text, before.start);
      if (other !== undefined && foldedToken(text, other) === name) return true;
    }
  }
  const after = tokenAfter(text, end);
  if (after !== undefined) {
    const word = foldedToken(text, after);
    // A line ends a name: a heading in capitals ("IN THE RADA") over a paragraph that opens with a capital.
    // A possessive ends the name: "Turkey's Tayyip Erdogan", "Russia's Sergei Lavrov".
    const capitalAfter = !titleCase && isWordToken(text, after) && isCapital(text, after.start) && !notGivenNames.has(word) && !lineBreakIn(text, end, after.start) && !POSSESSIVE_END.test(text.slice(start, end));
    if (capitalAfter && acronym) {
      const next = tokenAfter(text, after.end);
      if ((next === undefined || !isWordToken(text, next) || !isCapital(text, next.start)) && countryQualifier(text, after)) return true;
    } else if (capitalAfter) return true;
    if (conjunctions.has(word)) {
      const other = tokenAfter(text, after.end);
      if (other !== undefined && foldedToken(text, other) === name) return true;
    }
  }
  return false;
}

/** An English possessive at a mention's end. */
const POSSESSIVE_END = /['’]s$/u;

/** What may stand right before a sentence's first word: a sentence's end, a quotation mark, a dash, a bracket. */
const SENTENCE_OPENING = '.!?…«"„“—–(';

/**
 * Whether the capitalised Cyrillic word `t` (folded `word`) before a declined name is only a sentence's first word,
 * not a given name: it opens the text, a line or a sentence, is none of NAMESAKE_GIVEN_NAMES, and does not agree with
 * the name's case (its last letter is not the name's, `nameEnd`): "Представитель Вашингтона напомнил" (a noun and
 * a genitive), not "Дензела Вашингтона" (a given name declined with its surname) nor "Дензел Вашингтон" (the name
 * undeclined: the caller passes only declined names). Russian and Ukrainian capitalise no common noun inside a
 * sentence, so elsewhere a capital before a name is still read as a given name; Latin script keeps its rule.
 */
function sentenceOpenerNoun(text: string, t: Token, word: string, nameEnd: string): boolean {
  if (!/\p{Script=Cyrillic}/u.test(text.slice(t.start, t.end)) || namesakeGivenName(word)) return false;
  if (foldString(text[t.end - 1]!) === foldString(nameEnd)) return false;
  let k = t.start;
  while (k > 0 && isSpace(text.charCodeAt(k - 1)) && text[k - 1] !== '\n') k--;
  return k === 0 || text[k - 1] === '\n' || SENTENCE_OPENING.includes(text[k - 1]!);
}

/** Whether a line break stands in text[from..to) (the whitespace between two tokens). */
const lineBreakIn = (text: string, from: number, to: number): boolean => {
  for (let k = from; k < to; k++) if (text[k] === '\n' || text[k] === '\r') return true;
  return false;
};

/** The folded words of an entity's aliases: a capitalised one of them before an ambiguous alias is no stranger's given name. */
export function aliasWords(aliasTexts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const a of aliasTexts) for (const w of foldString(a).split(/[^\p{L}\p{M}\p{N}]+/u)) if (w !== '') words.add(w);
  return [...words];
}

/**
 * Where a mention of a person starting at `start` really starts: before the
 * declined given name(s) right in front of it (whitespace between), if they
 * are one of `prefixes` (folded, each ending in a space, mapped to the alias
 * they come from; at most `maxWords` words). Undefined when there is none.
 */
export function givenNameStart(text: string, start: number, prefixes: ReadonlyMap<string, number>, maxWords: number): { start: number; alias: number } | undefined {
  let found: { start: number; alias: number } | undefined;
  let at = start;
  let tail = '';
  for (let k = 0; k < maxWords; k++) {
    const t = tokenBefore(text, at);
    if (t === undefined || !isWordToken(text, t)) break;
    tail = foldedToken(text, t) + ' ' + tail;
    const alias = prefixes.get(tail);
    if (alias !== undefined) found = { start: t.start, alias };
    at = t.start;
  }
  return found;
}

/**
 * A cheap test before givenNameStart: whether the word right before `start`
 * can be the last given name of one of the prefixes, judged by its first
 * folded unit (`lastWordFirstUnits` from decodeGivenNames). False means
 * givenNameStart would find nothing.
 */
export function mayFollowGivenName(text: string, start: number, lastWordFirstUnits: ReadonlySet<number>): boolean {
  // tokenBefore and isWordToken, without the object: this runs on every mention of a person with given names.
  const end = tokenEndBefore(text, start);
  if (end < 0) return false;
  const first = tokenStartBefore(text, end);
  if (CLASS[text.charCodeAt(first)] !== WORD) return false;
  const f = FOLD[text.charCodeAt(first)]!;
  // A letter with marks or one that folds to two units: not judged here.
  if (f === EXPANDS || CLASS[text.charCodeAt(first + 1)] === MARK) return true;
  return lastWordFirstUnits.has(f);
}

/** An entity's multi-word person aliases, for the header: "alias index\tlang\ttext" lines (cheap to compile). */
export function encodeGivenNames(aliases: readonly (readonly [alias: Alias, index: number])[]): string {
  return aliases.map(([a, i]) => `${i}\t${a.lang ?? ''}\t${a.text.replace(/\s+/gu, ' ')}`).join('\n');
}

/** The declined given-name prefixes of encoded aliases (givenNamePrefixes), mapped to their alias index. */
export function decodeGivenNames(encoded: string): { prefixes: Map<string, number>; maxWords: number; lastWordFirstUnits: Set<number> } {
  const prefixes = new Map<string, number>();
  const lastWordFirstUnits = new Set<number>();
  let maxWords = 0;
  if (encoded !== '') {
    for (const line of encoded.split('\n')) {
      const [index, lang, text] = line.split('\t') as [string, string, string];
      for (const p of givenNamePrefixes(lang === '' ? { text } : { text, lang })) {
        if (!prefixes.has(p)) prefixes.set(p, Number(index));
        lastWordFirstUnits.add(p.charCodeAt(p.lastIndexOf(' ', p.length - 2) + 1));
        maxWords = Math.max(maxWords, p.split(' ').length - 1);
      }
    }
  }
  return { prefixes, maxWords, lastWordFirstUnits };
}

/* ---------- Namesakes ---------- */

/**
 * Common given names, in the Latin spellings of the English, German and French press and in Russian and
 * Ukrainian: before a bare surname of a person of the record they name another man or woman of that surname
 * ("Vassili Peskov", a Soviet writer, is not Dmitry Peskov; "Tony Bennett" is not Naftali Bennett), unless they
 * are a spelling of the person's own given name (the same skeleton: "Dmitrii Peskov"). East Slavic and Tatar names
 * for the record's Russian, Ukrainian and Belarusian persons; English and Hebrew ones for its British and Israeli.
 * Given names that are also common English words (Will, Mark, Bill, Grant, Rose, May, Hope, Guy, Ray, Frank, Jack)
 * are left out: a capitalised word at a sentence's start ("Will Johnson resign?") must not make a namesake.
 * Data since session 11: corpus/match-rules.json, namesakeGivenNames (per language; Cyrillic nominatives, whose
 * declined forms namesakeGivenName recognises by their stem), read here as one line of words per language.
 */
export const NAMESAKE_GIVEN_NAMES: readonly string[] = Object.values(MATCH_RULES.namesakeGivenNames).map((words) => words.join(' '));

/**
 * English given names that are also common words (NAMESAKE_GIVEN_NAMES leaves them out): a namesake's given name
 * only inside a sentence, after a lowercase word ("Editing by Mark Bennett", "said Grant Johnson"), where the word
 * could not open a sentence nor be a title-case headline's verb. Folded.
 */
export const COMMON_WORD_GIVEN_NAMES = new Set(['will', 'mark', 'bill', 'grant', 'rose', 'may', 'hope', 'guy', 'ray', 'frank', 'jack']);

/** Endings of a ru/uk given name after "с"/"з" that say "with her" (instrumental), not "from the city": "з Софією", "с Софией". */
const WITH_ENDINGS = /(?:ей|ею|єю|ією|ой|ою)$/u;
let prepositionSet: Set<string> | undefined;
let placeGivenNames: { latin: Set<string>; stems: Set<string> } | undefined;

/**
 * Whether the given-name token `t` (folded `word`) is a place's name after a preposition of place: the city, not a
 * person. Given names that are also places (placeGivenNames, placeGivenNamePrepositions in corpus/match-rules.json:
 * Sofia, Victoria, София): "In Sofia Lavrov met…", "В Софии Лавров…", "У Софії Лавров…", "Nach Sofia Lawrow zu
 * schicken" name the city, not a namesake Sofia Lavrova (review 10A, RA11).
 */
function placeAfterPreposition(text: string, t: Token, word: string): boolean {
  if (placeGivenNames === undefined) {
    const latin = new Set<string>();
    const stems = new Set<string>();
    for (const raw of Object.values(MATCH_RULES.placeGivenNames).flat()) {
      const w = foldString(raw);
      if (/\p{Script=Cyrillic}/u.test(w)) stems.add(w.replace(/[аяйьоиіе]$/u, ''));
      else latin.add(w);
    }
    placeGivenNames = { latin, stems };
  }
  const isPlace = placeGivenNames.latin.has(word) || CYRILLIC_NAME_ENDINGS.some((e) => word.endsWith(e) && placeGivenNames!.stems.has(word.slice(0, word.length - e.length))) || [...placeGivenNames.stems].some((st) => word === st + 'ї' || word === st + 'і');
  if (!isPlace || WITH_ENDINGS.test(word)) return false;
  prepositionSet ??= new Set(Object.values(MATCH_RULES.placeGivenNamePrepositions).flat().map(foldString));
  const p = tokenBefore(text, t.start);
  return p !== undefined && isWordToken(text, p) && !lineBreakIn(text, p.end, t.start) && prepositionSet.has(foldedToken(text, p));
}

/** Case endings a Cyrillic given name may take after its stem (the nominative's final vowel, й or ь dropped). */
const CYRILLIC_NAME_ENDINGS = ['', 'й', 'а', 'я', 'у', 'ю', 'ы', 'и', 'і', 'е', 'є', 'ой', 'ою', 'ей', 'ею', 'ом', 'ем', 'єм', 'ым', 'им', 'ім', 'ої', 'ій', 'о'];

let namesakes: { latin: Set<string>; stems: Set<string> } | undefined;

/** Whether `word` (folded) is one of NAMESAKE_GIVEN_NAMES, a Cyrillic one in any case. */
export function namesakeGivenName(word: string): boolean {
  if (namesakes === undefined) {
    const latin = new Set<string>();
    const stems = new Set<string>();
    for (const line of NAMESAKE_GIVEN_NAMES) for (const raw of line.split(' ')) {
      const w = foldString(raw);
      if (!/\p{Script=Cyrillic}/u.test(w)) latin.add(w);
      else stems.add(w.replace(/[аяйьоиіе]$/u, ''));
    }
    namesakes = { latin, stems };
  }
  if (namesakes.latin.has(word)) return true;
  for (const e of CYRILLIC_NAME_ENDINGS) if (word.endsWith(e) && namesakes.stems.has(word.slice(0, word.length - e.length))) return true;
  return false;
}

/**
 * A person's own given names for the header: the folded first word of each multi-word alias (of three letters or
 * more), space-separated. The scanner derives from them the three-letter initials of followsOtherGivenName and the
 * skeletons of ownGivenNameBefore.
 */
export function givenInitials(aliases: readonly Alias[]): string {
  const out = new Set<string>();
  for (const a of aliases) {
    const words = foldString(a.text).split(/\s+/u);
    if (words.length > 1 && words[0]!.length >= 3) out.add(words[0]!);
  }
  return [...out].join(' ');
}

/**
 * The consonants of a folded given name, as transliterations vary them: x = ks, w = v, ch = kh (de), h = g
 * (Ukrainian г: "serhiy"/"sergey", "olha"/"olga"; not in kh, sh, zh, ch), vowels,
 * y/j/й and soft and hard signs dropped, doubles collapsed. The spellings of one name share it ("dmitry",
 * "dmitrii", "dmytro", "дмитрий": dmtr; "aleksandr", "alexander", "oleksandr": lksndr; "vladimir", "wladimir",
 * "volodymyr": vldmr); another name with the same start does not ("vladislav": vldslv).
 */
export function givenNameSkeleton(word: string): string {
  return word.replace(/x/gu, 'ks').replace(/w/gu, 'v').replace(/ch/gu, 'kh').replace(/(?<![kszc])h/gu, 'g').replace(/[aeiouyjаеёиоуыэюяіїєйьъ'’-]/gu, '').replace(/(.)\1+/gu, '$1');
}

/**
 * Whether a folded given name is a spelling of one of the person's own (`ownSkeletons`: their givenNameSkeleton):
 * the same skeleton, or one that goes on with a case ending ("володимиром": влдмрм after влдмр). "Dmytro" is
 * Dmitry's; "Vladislav" (vldslv) is not Vladimir's, though both start "vla".
 */
function ownGivenSpelling(word: string, ownSkeletons: ReadonlySet<string>): boolean {
  const skeleton = givenNameSkeleton(word);
  for (const own of ownSkeletons) if (own !== '' && skeleton.startsWith(own)) return true;
  return false;
}

/** The folded first letters of the person's own given names, v and w as one (Vladimir, Wladimir). */
export function givenNameInitials(givenNames: readonly string[]): Set<string> {
  return new Set(givenNames.filter((w) => w !== '').map((w) => initialLetter(w[0]!)));
}

const initialLetter = (folded: string): string => (folded === 'w' ? 'v' : folded);

/** What may stand right before an initial's letter besides whitespace: an opening bracket, quote or dash. */
const BEFORE_INITIAL = '(["«„“‘—–';

/**
 * Whether the capital at `letter` (followed by a full stop) stands where an initial can: after whitespace, the
 * line's start or an opening mark (not after "." as in "U.S.", "D.C."), and not after a word that a sentence can end
 * with: the token before it is punctuation (a sentence's or a clause's end: "He left. T. Bennett", "Писатель,
 * В. Песков"), nothing, or a capitalised given name or title ("Tony T. Bennett"). After a lowercase word, a number
 * or another capitalised word the letter ends a sentence: "plan B. Putin", "плана Б. Зеленский", "Gruppe B. Selenskyj".
 */
function initialPosition(text: string, letter: number): boolean {
  if (letter === 0) return true;
  const prev = text[letter - 1]!;
  if (!isSpace(text.charCodeAt(letter - 1)) && !BEFORE_INITIAL.includes(prev)) return false;
  if (!isSpace(text.charCodeAt(letter - 1))) return true;
  const t = tokenBefore(text, letter);
  if (t === undefined || lineBreakIn(text, t.end, letter)) return true;
  if (!isWordToken(text, t)) return !/\p{N}/u.test(text[t.start]!);
  if (!isCapital(text, t.start)) return false;
  const word = foldedToken(text, t);
  return namesakeGivenName(word) || notGivenNameWords().has(word);
}

/**
 * Whether the token before `start` is an initial that is not the person's: one capital letter and a full stop
 * ("T. Bennett", "В. Песков"), whose letter no given name of the person starts with in that script. A script in
 * which the record spells no given name of the person decides nothing.
 */
function otherInitialBefore(text: string, start: number, ownInitials: ReadonlySet<string>): boolean {
  const dot = tokenBefore(text, start);
  if (dot === undefined || text[dot.start] !== '.' || dot.end !== dot.start + 1 || lineBreakIn(text, dot.end, start)) return false;
  const letter = dot.start - 1;
  if (letter < 0 || !isCapital(text, letter) || !initialPosition(text, letter)) return false;
  const folded = initialLetter(foldString(text[letter]!));
  const cyrillic = /\p{Script=Cyrillic}/u.test(folded);
  let sameScript = false;
  for (const own of ownInitials) {
    if (own === folded) return false;
    if (/\p{Script=Cyrillic}/u.test(own) === cyrillic) sameScript = true;
  }
  return sameScript;
}

/**
 * Whether the bare surname of a person at `start` follows another given name: the word right before it
 * (whitespace only) is capitalised, one of NAMESAKE_GIVEN_NAMES, and not a spelling of one of the person's own
 * given names (ownGivenSpelling, from their skeletons `ownSkeletons`), or it is another initial (otherInitialBefore,
 * `ownInitials`). "Vassili Peskov", "Tony Bennett", "В. Песков" are not the record's; "Dmitrii Peskov", "Д. Песков" are.
 */
export function followsOtherGivenName(text: string, start: number, end: number, ownSkeletons: ReadonlySet<string>, ownInitials: ReadonlySet<string>): boolean {
  const other = (t: Token | undefined): boolean => {
    if (t === undefined || !isWordToken(text, t) || !isCapital(text, t.start)) return false;
    const word = foldedToken(text, t);
    if (placeAfterPreposition(text, t, word)) return false;
    if (COMMON_WORD_GIVEN_NAMES.has(word)) return insideSentence(t) && !ownGivenSpelling(word, ownSkeletons);
    return namesakeGivenName(word) && !ownGivenSpelling(word, ownSkeletons);
  };
  // A given name that is also a common word counts inside a sentence, after a lowercase word on its line: "Editing
  // by Mark Bennett"; not "Will Johnson resign?", nor a title-case headline's verb after its subject ("Crowds Mark
  // Johnson's Exit"; a lowercase word before it there is a minor word: "(Reporting by …; Editing by Mark Bennett)").
  const insideSentence = (t: Token): boolean => {
    const p = tokenBefore(text, t.start);
    return p !== undefined && isWordToken(text, p) && !isCapital(text, p.start) && !lineBreakIn(text, p.end, t.start);
  };
  if (otherInitialBefore(text, start, ownInitials)) return true;
  // Before the surname ("Vassili Peskov"), or after it in the Russian and Ukrainian official order, surname first
  // ("Песков Сергей Иванович", "Песков Сергей."): then the given name is followed by a patronymic or by no
  // capitalised word ("Речник МЗС Олег Ніколенко" is a title, then another person's two names).
  if (other(tokenBefore(text, start))) return true;
  if (!/\p{Script=Cyrillic}/u.test(text[start]!)) return false;
  const given = tokenAfter(text, end);
  if (given === undefined || !other(given)) return false;
  const next = tokenAfter(text, given.end);
  // A patronymic makes the three words one person's name, in any case ("Пескову Сергею Ивановичу").
  if (next !== undefined && isWordToken(text, next) && isCapital(text, next.start) && PATRONYMIC_RE.test(foldedToken(text, next))) return true;
  // Without one, only a given name in the nominative that ends the sentence or the line or is followed by a
  // lowercase word: "Песков Сергей." "Песков Сергей заявил"; not "ответил Песков Владимиру, ведущему" (a dative:
  // whom he answered) nor "Песков Сергей, …" (a comma also follows an address or a list).
  if (!nominativeGivenName(foldedToken(text, given))) return false;
  let k = given.end;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k++;
  if (k >= text.length || text[k] === '\n' || text[k] === '\r') return true;
  if (CLASS[text.charCodeAt(k)] === WORD) return !isCapital(text, k);
  return /[.!?…]/u.test(text[k]!);
}

/**
 * Where the person's own given name, in another spelling, starts right before a surname at `start`: a capitalised
 * word (whitespace only between) that is one of NAMESAKE_GIVEN_NAMES and has the skeleton (givenNameSkeleton) of
 * one of the person's own given names as the record spells them (`ownSkeletons`). "Dmitrii Peskov", "Volodymyr
 * Zelenskiy", "Sergej Lavrov" are one mention each, like the spellings the record lists; "Vladislav Putin" is not
 * (a shared start "vla" is no shared name); -1 when there is none.
 */
export function ownGivenNameBefore(text: string, start: number, ownSkeletons: ReadonlySet<string>): number {
  const t = tokenBefore(text, start);
  if (t === undefined || !isWordToken(text, t) || !isCapital(text, t.start) || lineBreakIn(text, t.end, start)) return -1;
  const word = foldedToken(text, t);
  return ownSkeletons.has(givenNameSkeleton(word)) && namesakeGivenName(word) ? t.start : -1;
}

let nominatives: Set<string> | undefined;

/** Whether `word` (folded) is a Cyrillic NAMESAKE_GIVEN_NAMES word as listed: in the nominative. */
function nominativeGivenName(word: string): boolean {
  nominatives ??= new Set(NAMESAKE_GIVEN_NAMES.flatMap((line) => line.split(' ').map(foldString)));
  return nominatives.has(word);
}

/** A ru/uk patronymic in any case (Иванович, Ивановича, Іванівна, Сергеевной). */
const PATRONYMIC_RE = /(?:ович|евич|івич|ич|овн|евн|івн|ївн|ичн)[\p{L}]{0,3}$/u;
