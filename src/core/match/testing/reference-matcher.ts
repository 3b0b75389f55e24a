/**
 * The reference matcher of the property tests: a slow, literal reading of
 * docs/matching.md, written apart from the matcher it checks. It shares no
 * code with the folding (src/core/text), the boundaries (boundary.ts), the
 * ambiguity and given-name rules (context.ts), the inflection (inflection.ts)
 * or the form rules (rules.ts): only their data — suffix and ending tables,
 * guard words, the context window — which is the specification itself.
 *
 * How it reads a text: split it into items (a letter with its marks, a run
 * of whitespace, nothing for an invisible unit), fold each item on its own,
 * then at every item that starts a word try every spelling of every alias by
 * comparing folded items, and keep the longest candidate that passes the
 * rules. Regular expressions over plain slices of the text stand for word
 * boundaries; nothing is cached, nothing is clever.
 *
 * It answers only for what the property tests generate: persons whose
 * aliases use text, lang, ambiguous, inflect, stem and compound, and texts of
 * Latin, Cyrillic, digits, ASCII punctuation, typographic apostrophes and
 * dashes, whitespace, invisible units and combining marks. Anything else
 * throws, rather than being answered for. The generators leave out what the
 * namesake rule reads (docs/matching.md, "Namesakes"): no initial (a capital
 * letter alone before a full stop) and no capitalised given name of
 * NAMESAKE_GIVEN_NAMES, so that rule has no model here (its own tests are in
 * session7.test.ts and session8.test.ts); nor bylines ("By …"), which their
 * alphabet cannot spell.
 */
import type { Alias, Entity } from '../../corpus/schema.ts';
import { AMBIGUITY_GUARDS, CONTEXT_WINDOW_CHARS, TITLE_CASE_MAX_CHARS, TITLE_CASE_MINOR_WORDS, TITLE_CASE_MIN_WORDS, type DocumentContext } from '../context.ts';
import {
  CYRILLIC_VOWELS,
  DECLINED_GIVEN_NAME_LANGUAGES,
  INNER_WORD_FORMS,
  MAX_INNER_VARIANTS,
  MIN_DECLINING_WORD,
  MIN_STEM_UNITS,
  NAME_SUFFIXES,
  PERSON_SUFFIX_RULES,
  REPLACED_ENDINGS,
  STEM_ALTERNATIONS,
  STEM_SUFFIXES,
} from '../inflection.ts';
import type { Mention } from '../scanner.ts';

/** The areas of the IANA time-zone database, as docs/matching.md lists them ("Addresses and code"). */
const TIME_ZONE_AREAS = 'Africa America Antarctica Arctic Asia Atlantic Australia Europe Indian Pacific Etc';

/* ---------- Folding (docs/matching.md, "Folding") ---------- */

/** Invisible units that may sit inside a word: dropped, and looked through at word edges. */
const INVISIBLE = '[\\u00ad\\u200b-\\u200d\\u2060\\ufeff]';
const INVISIBLE_RE = new RegExp(INVISIBLE, 'u');
const SPACE_RE = /\s/u;
const MARK_RE = /\p{M}/u;
/** Letters, marks and digits make words; everything else is a boundary. */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u;

/** Letters that fold to two. */
const TWO_UNIT_FOLDS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };
/** Other letters folded to another: Russian ё is written е; Ukrainian і is often typed as a Latin i. */
const LETTER_FOLDS: Readonly<Record<string, string>> = { ё: 'е', і: 'i' };
const APOSTROPHES = "'’‘";
const DASHES = '-‐‑‒–—';
const ASCII_PUNCTUATION_RE = /^[!-/:-@[-`{-~]$/u;

/** One character (a letter already composed with its marks), folded. */
function foldCharacter(ch: string): string {
  const lower = ch.toLowerCase();
  if (lower.length !== 1) throw new RangeError(`reference matcher: ${JSON.stringify(ch)} is outside its alphabet`);
  const two = TWO_UNIT_FOLDS[lower];
  if (two !== undefined) return two;
  const other = LETTER_FOLDS[lower];
  if (other !== undefined) return other;
  if (APOSTROPHES.includes(lower)) return "'";
  if (DASHES.includes(lower)) return '-';
  if (/\p{Script=Latin}/u.test(lower)) {
    // A Latin letter loses its diacritics (and only a Latin one: й ≠ и, ї ≠ і).
    const base = lower.normalize('NFD').replace(/\p{M}/gu, '');
    if (/^[a-z]$/u.test(base)) return base;
  } else if (/\p{Script=Cyrillic}/u.test(lower) || /\p{Nd}/u.test(lower) || ASCII_PUNCTUATION_RE.test(lower)) {
    return lower;
  }
  throw new RangeError(`reference matcher: ${JSON.stringify(ch)} is outside its alphabet`);
}

/** A piece of the text that folds as one: a letter with the marks after it, or a run of whitespace. */
interface Item {
  start: number;
  end: number;
  folded: string;
}

function itemsOf(text: string): Item[] {
  if (/[\ud800-\udfff]/u.test(text)) throw new RangeError('reference matcher: no surrogate pairs in its alphabet');
  const items: Item[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (INVISIBLE_RE.test(ch) || MARK_RE.test(ch)) {
      // Invisible, or a mark with no letter to sit on.
      i++;
    } else if (SPACE_RE.test(ch)) {
      let j = i + 1;
      while (j < text.length && (SPACE_RE.test(text[j]!) || INVISIBLE_RE.test(text[j]!))) j++;
      items.push({ start: i, end: j, folded: ' ' });
      i = j;
    } else {
      let j = i + 1;
      while (j < text.length && MARK_RE.test(text[j]!)) j++;
      // Marks that compose with the letter (NFC) change it; the others are dropped.
      items.push({ start: i, end: j, folded: foldCharacter(text.slice(i, j).normalize('NFC')[0]!) });
      i = j;
    }
  }
  return items;
}

/** A short string folded: whitespace runs are one space, none at the ends. */
export function referenceFold(s: string): string {
  return itemsOf(s)
    .map((item) => item.folded)
    .join('')
    .replace(/^ | $/gu, '');
}

/* ---------- Word boundaries, looking through invisible units ---------- */

const WORD_BEFORE_RE = new RegExp(`${WORD_CHAR}${INVISIBLE}*$`, 'u');
const WORD_AFTER_RE = new RegExp(`^${INVISIBLE}*${WORD_CHAR}`, 'u');
const WORD_RUN_RE = new RegExp(`^(?:${INVISIBLE}*${WORD_CHAR})*`, 'u');

const boundaryBefore = (text: string, i: number): boolean => !WORD_BEFORE_RE.test(text.slice(0, i));
const boundaryAfter = (text: string, j: number): boolean => !WORD_AFTER_RE.test(text.slice(j));
/** Where the letters, marks and digits from `j` end (invisible units inside the run included). */
const wordRunEnd = (text: string, j: number): number => j + WORD_RUN_RE.exec(text.slice(j))![0].length;

/* ---------- Tokens next to a mention, across whitespace ---------- */

interface Token {
  start: number;
  end: number;
}

const GAP_BEFORE_RE = new RegExp(`(?:\\s|${INVISIBLE})+$`, 'u');
const GAP_AFTER_RE = new RegExp(`^(?:\\s|${INVISIBLE})+`, 'u');
const WORD_ENDING_RE = new RegExp(`${WORD_CHAR}(?:${INVISIBLE}*${WORD_CHAR})*$`, 'u');

/** The word (or single other character) before `at`, with whitespace or invisible units between. */
function tokenBefore(text: string, at: number): Token | undefined {
  const gap = GAP_BEFORE_RE.exec(text.slice(0, at));
  if (gap === null || gap.index === 0) return undefined;
  const end = gap.index;
  const word = WORD_ENDING_RE.exec(text.slice(0, end));
  return word === null ? { start: end - 1, end } : { start: word.index, end };
}

/** The word (or single other character) after `at`, with whitespace or invisible units between. */
function tokenAfter(text: string, at: number): Token | undefined {
  const gap = GAP_AFTER_RE.exec(text.slice(at));
  if (gap === null || at + gap[0].length >= text.length) return undefined;
  const start = at + gap[0].length;
  return { start, end: Math.max(wordRunEnd(text, start), start + 1) };
}

const isWordToken = (text: string, t: Token): boolean => LETTER_OR_DIGIT_RE.test(text[t.start]!);
const tokenFolded = (text: string, t: Token): string => referenceFold(text.slice(t.start, t.end));
const isCapital = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/* ---------- Spellings of an alias (docs/matching.md, "Inflection") ---------- */

/** One spelling of an alias: folded, with the folded suffixes that may follow it. */
export interface ReferenceSpelling {
  folded: string;
  suffixes: ReadonlySet<string>;
  /** A stem: it needs one of the suffixes. */
  requireSuffix: boolean;
}

function languagesOf(alias: Alias): string[] {
  if (alias.lang !== undefined) return [alias.lang.split('-')[0]!.toLowerCase()];
  if (/\p{Script=Cyrillic}/u.test(alias.text)) return ['ru', 'uk'];
  if (/\p{Script=Latin}/u.test(alias.text)) return ['en', 'de'];
  return [];
}

/** The vowel of the last syllable when a consonant follows it (a final soft sign aside), or -1. */
function lastSyllableVowel(folded: string): number {
  const vowels = referenceFold(CYRILLIC_VOWELS);
  const word = folded.endsWith(referenceFold('ь')) ? folded.slice(0, -1) : folded;
  const match = new RegExp(`[${vowels}][^${vowels} ]+$`, 'u').exec(word);
  return match === null ? -1 : match.index;
}

/** The alias as written and the stems of its last word, for a person (no declined inner words: see givenNamePrefixes). */
export function referenceSpellings(alias: Alias): ReferenceSpelling[] {
  const folded = referenceFold(alias.text);
  if (folded === '') return [];
  const langs = languagesOf(alias);
  const inflect = alias.inflect !== false;
  const suffixes = new Set<string>();
  for (const lang of langs) {
    const rules = [...(inflect ? (NAME_SUFFIXES[lang] ?? []) : []), ...(alias.stem === true ? (STEM_SUFFIXES[lang] ?? []) : [])];
    for (const rule of rules) {
      if (rule.after === undefined || [...rule.after].some((ch) => folded.endsWith(referenceFold(ch)))) suffixes.add(referenceFold(rule.suffix));
    }
  }
  if (inflect) {
    // Only the masculine endings of a surname (docs/matching.md, "Inflection"): the first rule of each language
    // whose `after` ends the alias; a suffix stays when one of those rules allows it.
    const rules = langs.flatMap((lang) => {
      const rule = (PERSON_SUFFIX_RULES[lang] ?? []).find((r) => r.after.some((a) => folded.endsWith(referenceFold(a))));
      return rule === undefined ? [] : [rule];
    });
    if (rules.length > 0) {
      for (const sfx of [...suffixes]) {
        const allowed = rules.some((r) => (r.keep === undefined || r.keep.split(' ').map(referenceFold).includes(sfx)) && (r.drop === undefined || !r.drop.split(' ').map(referenceFold).includes(sfx)));
        if (!allowed) suffixes.delete(sfx);
      }
    }
  }
  const spellings: ReferenceSpelling[] = [{ folded, suffixes, requireSuffix: false }];
  if (!inflect || suffixes.size === 0) return spellings;
  const stems = new Set<string>();
  for (const lang of langs) {
    const ending = (REPLACED_ENDINGS[lang] ?? []).map(referenceFold).find((e) => folded.endsWith(e));
    const base = ending === undefined ? undefined : folded.slice(0, folded.length - ending.length);
    if (base !== undefined) stems.add(base);
    for (const { from, to } of STEM_ALTERNATIONS[lang] ?? []) {
      for (const word of [folded, base]) {
        if (word === undefined) continue;
        const v = lastSyllableVowel(word);
        if (v >= 0 && word[v] === referenceFold(from)) stems.add(word.slice(0, v) + referenceFold(to) + word.slice(v + 1));
      }
    }
  }
  const lastWordStart = folded.lastIndexOf(' ') + 1;
  for (const stem of stems) {
    if (stem.length >= MIN_STEM_UNITS && stem !== folded && stem.length > lastWordStart) spellings.push({ folded: stem, suffixes, requireSuffix: true });
  }
  return spellings;
}

/** Forms of a word before a person's last name, by its ending (INNER_WORD_FORMS), the word itself first. */
function innerWordForms(word: string, table: ReadonlyArray<readonly [string, string]>): string[] {
  for (const [ending, forms] of table) {
    const e = referenceFold(ending);
    if (!word.endsWith(e) || word.length - e.length < 2) continue;
    const stem = word.slice(0, word.length - e.length);
    return [...new Set([word, ...forms.split(' ').map((f) => stem + (f === '=' ? '' : referenceFold(f)))])];
  }
  return [word];
}

/**
 * The declined spellings of the words before a ru/uk person's last name (DECLINED_GIVEN_NAME_LANGUAGES), each
 * followed by a space ("сергія ", …): a mention of the person right after one
 * of them starts there.
 */
export function referenceGivenNamePrefixes(alias: Alias): string[] {
  if (alias.inflect === false || !/\S\s+\S/u.test(alias.text)) return [];
  const folded = referenceFold(alias.text);
  const words = folded.split(' ');
  const written = alias.text.trim().split(/\s+/u);
  const prefixes = new Set<string>();
  for (const lang of languagesOf(alias)) {
    const table = INNER_WORD_FORMS[lang];
    if (table === undefined || !DECLINED_GIVEN_NAME_LANGUAGES.includes(lang)) continue;
    // Every word of a person's name declines, up to a short word or an acronym.
    let declining = words.findIndex((w, k) => w.length < MIN_DECLINING_WORD || (written.length === words.length && /^\p{Lu}{2,}$/u.test(written[k]!)));
    if (declining < 0) declining = words.length;
    let combos = [''];
    for (let w = 0; w < words.length - 1; w++) {
      const forms = w < declining ? innerWordForms(words[w]!, table) : [words[w]!];
      combos = combos.length * forms.length > MAX_INNER_VARIANTS ? combos.map((c) => c + words[w]! + ' ') : combos.flatMap((c) => forms.map((f) => c + f + ' '));
    }
    for (const c of combos) prefixes.add(c);
  }
  return [...prefixes];
}

/* ---------- Ambiguous aliases (docs/matching.md, "Ambiguous aliases") ---------- */

const guardWords = (lines: readonly string[]): Set<string> => new Set(lines.join(' ').split(' ').map(referenceFold));

/**
 * A person's context words count in every language the record writes them: a context word that is the folded
 * text of an alias or the label of an entity (the first in the record's order) brings that entity's aliases that
 * are not ambiguous, no common word elsewhere and 4 folded units or more (a Cyrillic word of more than 4 units
 * ending in a vowel without that vowel), and the person's role phrases of 4 units or more count too.
 */
function referenceContextWords(e: Entity, entities: readonly Entity[]): string[] {
  const own = (e.context ?? []).map((w) => (w.startsWith('>') ? '>' + referenceFold(w.slice(1)) : referenceFold(w))).filter((w) => w !== '' && w !== '>');
  if (own.length === 0) return [];
  if (e.type !== 'person') return [...new Set(own)];
  const vowels = referenceFold(CYRILLIC_VOWELS);
  const out: string[] = [];
  for (const w of own) {
    out.push(w);
    const named = entities.find((x) => referenceFold(x.label) === w || x.aliases.some((a) => referenceFold(a.text) === w));
    if (named === undefined) continue;
    for (const a of named.aliases) {
      const f = referenceFold(a.text);
      if (a.ambiguous === true || a.commonWordIn !== undefined || f.length < 4) continue;
      out.push(f.length > 4 && !/\s/u.test(f) && /\p{Script=Cyrillic}/u.test(f) && vowels.includes(f.slice(-1)) ? f.slice(0, -1) : f);
    }
  }
  for (const r of e.roles ?? []) for (const a of r.aliases) if (referenceFold(a.text).length >= 4) out.push(referenceFold(a.text));
  return [...new Set(out)];
}

/** Whether a context word starts a word within the window around text[start..end) (the previous chunk's tail included). */
function contextWordNear(words: readonly string[], text: string, start: number, end: number, tail: string): boolean {
  const fromText = text.slice(Math.max(0, start - CONTEXT_WINDOW_CHARS), start);
  const before = start < CONTEXT_WINDOW_CHARS ? tail.slice(-(CONTEXT_WINDOW_CHARS - start)) + ' ' + fromText : fromText;
  const window = referenceFold(before) + ' | ' + referenceFold(text.slice(end, end + CONTEXT_WINDOW_CHARS));
  return words.some((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u').test(window));
}

/** The line around text[start..end) is a headline in title case: capitals there say nothing about longer names. */
function inTitleCase(text: string, start: number, end: number): boolean {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const to = text.indexOf('\n', end);
  const line = text.slice(from, to < 0 ? text.length : to);
  if (line.length > TITLE_CASE_MAX_CHARS) return false;
  const minor = new Set(TITLE_CASE_MINOR_WORDS.split(' '));
  const words = line.match(/[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu) ?? [];
  if (words.some((w) => !isCapital(w[0]!) && !minor.has(w))) return false;
  return words.filter((w) => isCapital(w[0]!)).length >= TITLE_CASE_MIN_WORDS;
}

/**
 * A capitalised Cyrillic word that opens the text, a line or a sentence (after . ! ? … « " „ “ — – or an opening
 * bracket, whitespace between) before a declined name, and ends in another letter than the name (no case
 * agreement), is that sentence's first word, not a given name (no given name is generated).
 */
function cyrillicSentenceOpener(text: string, t: Token, nameEnd: string): boolean {
  if (!/\p{Script=Cyrillic}/u.test(text.slice(t.start, t.end))) return false;
  if (referenceFold(text[t.end - 1]!) === referenceFold(nameEnd)) return false;
  const before = text.slice(0, t.start).replace(new RegExp(`(?:(?!\\n)\\s|${INVISIBLE})*$`, 'u'), '');
  return before === '' || '\n.!?…«"„“—–('.includes(before.slice(-1));
}

/** A capitalised stranger's word before or after it, or "X and X": the ambiguous alias is part of a longer name. */
function partOfLongerName(text: string, start: number, end: number, ownWords: ReadonlySet<string>, declined: boolean): boolean {
  const notGivenNames = guardWords(AMBIGUITY_GUARDS.notGivenNames);
  const conjunctions = guardWords(AMBIGUITY_GUARDS.conjunctions);
  const name = referenceFold(text.slice(start, Math.max(wordRunEnd(text, start), start + 1)));
  const headline = inTitleCase(text, start, end);
  const before = tokenBefore(text, start);
  if (before !== undefined) {
    const word = tokenFolded(text, before);
    if (!headline && isWordToken(text, before) && isCapital(text[before.start]!) && !ownWords.has(word) && !notGivenNames.has(word) && !/[\n\r]/u.test(text.slice(before.end, start)) && !(declined && cyrillicSentenceOpener(text, before, text[end - 1]!))) return true;
    if (conjunctions.has(word)) {
      const other = tokenBefore(text, before.start);
      if (other !== undefined && tokenFolded(text, other) === name) return true;
    }
  }
  const after = tokenAfter(text, end);
  if (after !== undefined) {
    const word = tokenFolded(text, after);
    // A possessive ends the name.
    if (!headline && isWordToken(text, after) && isCapital(text[after.start]!) && !notGivenNames.has(word) && !/[\n\r]/u.test(text.slice(end, after.start)) && !/['’]s$/u.test(text.slice(start, end))) return true;
    if (conjunctions.has(word)) {
      const other = tokenAfter(text, after.end);
      if (other !== undefined && tokenFolded(text, other) === name) return true;
    }
  }
  return false;
}

/** A line of capitalised words with no minor word and no punctuation but separators: a site's menu. */
function menuLine(line: string): boolean {
  if (/[.,:;!?'’"“”«»()–—-]/u.test(line)) return false;
  const minor = new Set(TITLE_CASE_MINOR_WORDS.split(' '));
  return !line.split(/[\s|·•/]+/u).some((w) => minor.has(w.toLowerCase()));
}

/**
 * A headline in title case with another right below it (not empty), or right above it (not a menu): a list of
 * headlines, where a person's bare surname is another story's unless its own line confirms it.
 */
function inHeadlineList(text: string, start: number, end: number): boolean {
  if (!inTitleCase(text, start, end)) return false;
  const lineEnd = text.indexOf('\n', end);
  if (lineEnd >= 0 && lineEnd + 1 < text.length && text[lineEnd + 1] !== '\n' && inTitleCase(text, lineEnd + 1, lineEnd + 1)) return true;
  const lineStart = text.lastIndexOf('\n', start - 1);
  if (lineStart <= 0) return false;
  const prev = text.lastIndexOf('\n', lineStart - 1);
  return lineStart - prev > 1 && inTitleCase(text, prev + 1, prev + 1) && !menuLine(text.slice(prev + 1, lineStart));
}

/** The line around text[start..end) only. */
function lineOf(text: string, start: number, end: number): [string, number] {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const to = text.indexOf('\n', end);
  return [text.slice(from, to < 0 ? text.length : to), from];
}

/* ---------- Case, addresses and code (docs/matching.md, "Case and form") ---------- */

const hasCapital = (s: string): boolean => s !== s.toLowerCase();

/** Lowercase words a slash joins in prose (docs/matching.md): English function words, German articles and prepositions, conjunctions. */
const SLASH_PROSE_WORDS = new Set(
  ('the a an of to in on at for with by from and or is are was were be been let tell told give gave show showed help helped join joined all some most many few ' +
    'der die das den dem des ein eine einen einem einer eines im am vom zum zur beim ins ganz für über nach nor but vs versus und oder sowie mit von zu gegen bzw').split(' '),
);

/** How far the address rule looks, on each side, for the edges of the whitespace-delimited token (docs/matching.md). */
const ADDRESS_TOKEN_REACH = 120;

/** Default case rule: an alias written with a capital needs one; an alias in lowercase matches in any case. */
function caseAllowed(alias: Alias, written: string): boolean {
  return !hasCapital(alias.text) || hasCapital(written);
}

/**
 * Inside a domain, URL, e-mail address, language tag or identifier: a dot, @
 * or _ against the word; or a slash, dot or colon beside it and the
 * whitespace-delimited token (without its enclosing punctuation) is an
 * address or a path of two slashes or more.
 */
function insideAddressOrCode(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (/[_@]/u.test(before + after)) return true;
  if (before === '.' && /[\p{L}\p{N}]/u.test(text[start - 2] ?? '')) return true;
  if (after === '.' && /[a-z0-9]/u.test(text[end + 1] ?? '')) return true;
  if (before === '-' && end - start === 2 && start >= 3 && /^[a-z]{2}-$/u.test(text.slice(start - 3, start)) && !/\p{L}/u.test(text[start - 4] ?? '')) return true;
  if (before !== '/' && before !== '.' && after !== '/' && after !== ':') return false;
  let s = start;
  while (s > 0 && start - s < ADDRESS_TOKEN_REACH && !/\s/u.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && e - end < ADDRESS_TOKEN_REACH && !/\s/u.test(text[e]!)) e++;
  const token = text.slice(s, e).replace(/[.,;:!?)\]}"'»”’`]+$/u, '').replace(/^[([{"'«“‘`]+/u, '');
  const lowerScheme = token.replace(/^[A-Za-z]+:\/\//u, (m) => m.toLowerCase());
  const parts = token.split('/');
  // One slash beside the word: a time-zone identifier (Area/City, maybe after key=) or a path with a lowercase ASCII segment.
  const areas = TIME_ZONE_AREAS.split(' ');
  const area = parts[0]!.replace(/^[A-Za-z0-9_.-]*[=:]/u, '');
  const timeZone = (parts.length === 2 || parts.length === 3) && areas.includes(area) && parts.slice(1).every((p) => /^[A-Z][A-Za-z0-9_+-]*$/u.test(p));
  const lowerPath = parts.length === 2 && parts.some((p) => /[a-z_]/u.test(p) && /^[a-z0-9_.~-]+$/u.test(p) && !SLASH_PROSE_WORDS.has(p));
  if ((before === '/' || after === '/') && (timeZone || lowerPath)) return true;
  return (
    token.split('/').length > 2 ||
    token.includes('://') ||
    token.includes('@') ||
    /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)/u.test(lowerScheme) ||
    /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#:]\S*)?$/u.test(lowerScheme)
  );
}

/* ---------- The scan ---------- */

interface Pattern extends ReferenceSpelling {
  entity: number;
  aliasIndex: number;
  alias: Alias;
}

function checkDomain(entities: readonly Entity[]): void {
  for (const e of entities) {
    if (e.type !== 'person') throw new RangeError(`reference matcher: persons only (${e.id} is a ${e.type})`);
    for (const a of e.aliases) {
      if (a.case !== undefined || a.commonWordIn !== undefined || a.common !== undefined) throw new RangeError(`reference matcher: no case, commonWordIn or common rules (${a.text})`);
    }
  }
}

/**
 * Non-overlapping mentions, left to right. At each word start every spelling
 * that reads there is a candidate, with the furthest end it may take (alone,
 * with a suffix, or as a compound's head, each followed by a word boundary);
 * the candidate that reaches furthest wins (an unambiguous alias before an
 * ambiguous one, then corpus order) if it passes the case, address and
 * ambiguity rules, else the next best. A person's mention grows over declined given names
 * right before it.
 */
export function referenceScan(entities: readonly Entity[], text: string, ctx: DocumentContext): Mention[] {
  checkDomain(entities);
  const patterns: Pattern[] = [];
  const given: { prefixes: Map<string, number>; maxWords: number }[] = [];
  let aliasIndex = 0;
  for (const ambiguousPass of [false, true]) {
    aliasIndex = 0;
    entities.forEach((e, entity) => {
      for (const alias of e.aliases) {
        if ((alias.ambiguous === true) === ambiguousPass) for (const s of referenceSpellings(alias)) patterns.push({ ...s, entity, aliasIndex, alias });
        aliasIndex++;
      }
    });
  }
  aliasIndex = 0;
  for (const e of entities) {
    const prefixes = new Map<string, number>();
    for (const alias of e.aliases) {
      for (const p of referenceGivenNamePrefixes(alias)) if (!prefixes.has(p)) prefixes.set(p, aliasIndex);
      aliasIndex++;
    }
    given.push({ prefixes, maxWords: Math.max(0, ...[...prefixes.keys()].map((p) => p.split(' ').length - 1)) });
  }
  const contexts = entities.map((e) => referenceContextWords(e, entities));
  const ownWords = entities.map((e) => new Set(e.aliases.flatMap((a) => referenceFold(a.text).split(/[^\p{L}\p{M}\p{N}]+/u)).filter((w) => w !== '')));
  // Whether a person has a given name of their own: a multi-word alias whose first word has three letters or more.
  const hasGivenName = entities.map((e) => e.type === 'person' && e.aliases.some((a) => {
    const words = referenceFold(a.text).split(/\s+/u);
    return words.length > 1 && words[0]!.length >= 3;
  }));

  const items = itemsOf(text);
  /** Whether the items from `k` fold to exactly `folded` (a spelling never ends inside an item): where they end, and the next item. */
  const endOfItems = (k: number, folded: string): { next: number; end: number } | undefined => {
    let read = '';
    let end = items[k - 1]?.end ?? 0;
    while (read.length < folded.length && k < items.length) {
      read += items[k]!.folded;
      end = items[k]!.end;
      k++;
    }
    return read === folded ? { next: k, end } : undefined;
  };
  /** A folded letter or digit: a spelling that starts (ends) with one needs a word boundary before (after) it. */
  const isWordUnit = (s: string): boolean => LETTER_OR_DIGIT_RE.test(s);

  const out: Mention[] = [];
  for (let k = 0; k < items.length; ) {
    const start = items[k]!.start;
    const candidates: { p: number; end: number }[] = [];
    patterns.forEach((pat, p) => {
      if (isWordUnit(pat.folded[0]!) && !boundaryBefore(text, start)) return;
      const body = endOfItems(k, pat.folded);
      if (body === undefined) return;
      let best = -1;
      if (!pat.requireSuffix && (!isWordUnit(pat.folded.slice(-1)) || boundaryAfter(text, body.end))) best = body.end;
      for (const suffix of pat.suffixes) {
        const withSuffix = endOfItems(body.next, suffix);
        if (withSuffix !== undefined && boundaryAfter(text, withSuffix.end)) best = Math.max(best, withSuffix.end);
      }
      // A compound's head: the rest of the word (Kreml → Kremlsprecher).
      const wordEnd = wordRunEnd(text, body.end);
      if (pat.alias.compound === true && !pat.requireSuffix && wordEnd > body.end) best = Math.max(best, wordEnd);
      if (best >= 0) candidates.push({ p, end: best });
    });
    candidates.sort((a, b) => b.end - a.end || a.p - b.p);
    // Declined given names right before it (whitespace between): the furthest that spells a prefix, unless the
    // previous mention reaches into it.
    const givenBefore = (entity: number): { start: number; alias: number } | undefined => {
      const g = given[entity]!;
      let from: { start: number; alias: number } | undefined;
      let at = start;
      let words = '';
      for (let w = 0; w < g.maxWords; w++) {
        const t = tokenBefore(text, at);
        if (t === undefined || !isWordToken(text, t)) break;
        words = tokenFolded(text, t) + ' ' + words;
        const alias = g.prefixes.get(words);
        if (alias !== undefined) from = { start: t.start, alias };
        at = t.start;
      }
      return from !== undefined && (out.length === 0 || out[out.length - 1]!.end <= from.start) ? from : undefined;
    };
    const chosen = candidates.find(({ p, end }) => {
      const pat = patterns[p]!;
      if (!caseAllowed(pat.alias, text.slice(start, end)) || insideAddressOrCode(text, start, end)) return false;
      // A person's name alone between quotation marks is a title or a brand's name, unless a comma or a word that
      // opens a reported clause stands before the quotes (scare quotes: "заявив, що «Росія» не…").
      if ('"«„“‚‘\''.includes(text[start - 1] ?? 'x') && '"»“”‘’\''.includes(text[end] ?? 'x')) {
        const before = text.slice(Math.max(0, start - 40), start - 1);
        if (!/,[ \t\u00a0]*$/u.test(before) && !/(?:^|[^\p{L}\p{M}\p{N}])(?:that|dass|ob|что|чтобы|що|щоб)['’ʼ\s]+$/iu.test(before)) return false;
      }
      // The person's own given name before an ambiguous surname makes the full name.
      if (pat.alias.ambiguous !== true || givenBefore(pat.entity) !== undefined) return true;
      // Declined: the mention reaches past the spelling (a suffix or a compound's rest).
      if (partOfLongerName(text, start, end, ownWords[pat.entity]!, referenceFold(text.slice(start, end)).length > pat.folded.length)) return false;
      // In a list of headlines each line is another story: context words count in its own line only, and a person's
      // bare surname is not confirmed by the document.
      if (inHeadlineList(text, start, end)) {
        const [line, from] = lineOf(text, start, end);
        return (ctx.seen.has(entities[pat.entity]!.id) && !hasGivenName[pat.entity]) || contextWordNear(contexts[pat.entity]!, line, start - from, end - from, '');
      }
      return ctx.seen.has(entities[pat.entity]!.id) || contextWordNear(contexts[pat.entity]!, text, start, end, ctx.tail);
    });
    if (chosen === undefined) {
      k++;
      continue;
    }
    const pat = patterns[chosen.p]!;
    const entityId = entities[pat.entity]!.id;
    const from = givenBefore(pat.entity);
    const grows = from !== undefined;
    if (pat.alias.ambiguous !== true || grows) ctx.seen.add(entityId);
    const mention: Mention = grows ? { start: from!.start, end: chosen.end, entityId, aliasIndex: from!.alias } : { start, end: chosen.end, entityId, aliasIndex: pat.aliasIndex };
    out.push(mention);
    while (k < items.length && items[k]!.start < chosen.end) k++;
  }
  const joined = text.length >= CONTEXT_WINDOW_CHARS ? text : ctx.tail + ' ' + text;
  ctx.tail = joined.slice(-CONTEXT_WINDOW_CHARS);
  return out;
}
