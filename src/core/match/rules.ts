/**
 * Form and relevance rules applied to a candidate mention after the trie
 * found it (docs/matching.md, "Case and form", "Relevance", "Coordinated
 * names"). They run once per candidate, never per unit of text, so they
 * cost the scan nothing measurable.
 */
import type { Alias, Entity, Side } from '../corpus/schema.ts';
import { CLASS, EXPANDS, FOLD, MARK, SKIP, SPACE, SURROGATE, WORD } from '../text/fold-table.ts';
import { foldString } from '../text/fold.ts';
import { boundaryBefore, wordEnd } from './boundary.ts';
import { inTitleCaseLine, TITLE_CASE_MAX_CHARS, TITLE_CASE_MINOR_WORDS } from './context.ts';
import { coordinatedForms } from './inflection.ts';
import { MATCH_RULES, ruleWordRegExp, ruleWordSet } from './rule-words.ts';

/*
 * Character tests by code unit for the rules' loops, each exactly the one-character RegExp test named beside it
 * (rules.test.ts checks all 65,536 units): a RegExp test of text[k] per unit, with a one-unit string made for each,
 * was a large part of the scan's time on long texts (issue 15, docs/benchmarks.md).
 */
/** /\s/u (white space and line terminators). */
export function isSpaceUnit(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || (c >= 0x2000 && (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff)) || c === 0x1680;
}
/** /[ \t\u00a0]/u */
export function isLineSpaceUnit(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0;
}
/** /[.!?…\n]/u (SENTENCE_END_RE) */
export function isSentenceEndUnit(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x0a;
}
/** /[,;:.!?…()\[\]"«»“”„—–\n]/u (CLAUSE_BREAK_RE) */
export function isClauseBreakUnit(c: number): boolean {
  switch (c) {
    case 0x2c: case 0x3b: case 0x3a: case 0x2e: case 0x21: case 0x3f: case 0x2026: case 0x28: case 0x29: case 0x5b: case 0x5d:
    case 0x22: case 0xab: case 0xbb: case 0x201c: case 0x201d: case 0x201e: case 0x2014: case 0x2013: case 0x0a:
      return true;
    default:
      return false;
  }
}

/* Per-alias rule bits (AutomatonData.aliasRules). */
export const CASE_MASK = 3;
export const CASE_ANY = 0;
/** At least one capital letter in the written form: a lowercase-only form never stands for a name. */
export const CASE_CAPITAL = 1;
/** Every letter of the written form (a possessive or case suffix after an apostrophe aside) in capitals: US, UK, UN, РФ. */
export const CASE_CAPS = 2;
/** No capital letter in the written form: "dpa" (the agency's own spelling; "DPA" is a data-protection authority). */
export const CASE_LOWER = 3;
/** Drawn only when the page or its block is about the record's subject (topics, common nouns). */
export const GATED = 4;
/** A common word in some other language (header.falseFriends): the language guard applies. */
export const FALSE_FRIEND = 8;
/** A ru/uk place or organization name "adjective + noun…" (Херсонская область, Луганская народная республика): coordinated adjectives before it are names too. */
export const COORDINABLE = 16;
/** A place name: not a mention as the first word of a publication's name ("The Moscow Times", "USA Today", "Kyiv Post"). */
export const PLACE = 32;
/** `partOfNames`: not a mention as the last word of another proper name ("Mozilla Europe", "Breitbart Jerusalem"). */
export const IN_NAMES = 64;
/** `otherSenseIn`, `otherSenseWords` (header.otherSenses): not a mention among words of a language in which it names something else, or near a word of its other sense. */
export const OTHER_SENSE = 128;
/** A person's alias: not a mention as the whole content of quotation marks (a restaurant «Лавров», a title). */
export const PERSON = 256;
/** A place's or an organization's alias: not a mention as the first word of a publication's, competition's or brand's name ("Kremlin Cup", "US Open"). */
export const NAMED_THING = 512;
/** A gated alias of several words ("grain deal", "peace talks", "вступ до НАТО"): a term, not a common word. */
export const TERM = 1024;
/** The alias is drawn only with an anchor in its own sentence (alias field `sentence`; keepRelevant). */
export const SENTENCE = 2048;

const hasCapital = (s: string): boolean => s !== s.toLowerCase();

/* Readings of an ambiguous alias with no confirmation (AutomatonData.header.ambiguousReadings). */
/** `lowercaseSense`: capitalised inside a sentence, the name (capitalisedInSentence). */
export const READ_CAPITALISED = 1;
/** `confirmedByPage`: on a page or in a block about the record, the name (drawn like a gated word). */
export const READ_ON_PAGE = 2;

/** The READ_ bits of an alias (0 for most). */
export function ambiguousReading(alias: Alias): number {
  if (alias.ambiguous !== true) return 0;
  return (alias.lowercaseSense === true ? READ_CAPITALISED : 0) | (alias.confirmedByPage === true ? READ_ON_PAGE : 0);
}

/**
 * Prepositions of place, per language: right before a capitalised alias whose other sense is a lowercase common
 * noun, they make it the place ("a club in Turkey", "flights from Turkey"), where the noun would be written in
 * lowercase. Not "to", "of", "for", "with", "by": those also stand before a person, and "Turkey" is a nickname
 * in fiction ("said Turkey", "as regards Turkey", "transferred to Turkey", Melville's Bartleby). Folded.
 */
export const PLACE_PREPOSITIONS = 'in from into across throughout within inside outside visit visited visiting';

let placePrepositionSet: Set<string> | undefined;

/**
 * Whether text[start..end), written with a capital, is read as a place by its capital (`lowercaseSense`): not
 * next to a word in capitals, not in a line in title case, and right after a PLACE_PREPOSITIONS word on the same
 * line: "clubs in Turkey and Spain"; not "Turkey should rest for an hour", "How To Roast A Turkey", "said Turkey".
 */
export function capitalisedInSentence(text: string, start: number, end: number): boolean {
  const written = text.slice(start, end);
  if (!/^\p{Lu}/u.test(written) || isCapsWord(written.replace(/['’].*$/u, '')) || isCapsWord(wordAfter(text, end))) return false;
  const gap = sameLineSpaceBefore(text, start);
  if (gap < 0) return false;
  const w = wordEndingAt(text, gap);
  if (w === undefined) return false;
  placePrepositionSet ??= new Set(PLACE_PREPOSITIONS.split(' '));
  const before = text.slice(w[0], w[1]);
  if (!placePrepositionSet.has(foldString(before)) || isCapsWord(before)) return false;
  return !inTitleCaseLine(text, start, end);
}

/** The case rule of an alias, from its `case` field or, by default, from how it is written. */
export function caseRule(alias: Alias): number {
  const rule = alias.case ?? (hasCapital(alias.text) ? 'capital' : 'any');
  return rule === 'caps' ? CASE_CAPS : rule === 'capital' ? CASE_CAPITAL : rule === 'lower' ? CASE_LOWER : CASE_ANY;
}

/** The rule bits of one alias of `entity`. */
export function aliasRuleBits(entity: Entity, alias: Alias): number {
  let bits = caseRule(alias);
  if (entity.type === 'topic' || alias.common === true) bits |= /\S\s+\S/u.test(alias.text) ? GATED | TERM : GATED;
  if (alias.sentence === true) bits |= GATED | SENTENCE;
  if (alias.commonWordIn !== undefined && alias.commonWordIn.length > 0) bits |= FALSE_FRIEND;
  if (entity.type === 'place') bits |= PLACE;
  if (entity.type === 'person') bits |= PERSON;
  if (entity.type === 'event') bits |= EVENT;
  if (entity.type === 'place' || entity.type === 'organization') bits |= NAMED_THING;
  if ((entity.type === 'place' || entity.type === 'organization') && coordinatedForms(alias).length > 0) bits |= COORDINABLE;
  if (alias.partOfNames === true) bits |= IN_NAMES;
  if ((alias.otherSenseIn?.length ?? 0) > 0 || (alias.otherSenseWords?.length ?? 0) > 0) bits |= OTHER_SENSE;
  if ((alias.objectWords?.length ?? 0) > 0) bits |= NEEDS_OBJECT;
  return bits;
}

/**
 * Whether the written form text[start..end) obeys the alias's case rule.
 * CASE_CAPS: the letters before an apostrophe (UK’s) must all be capitals.
 */
export function caseAllows(rule: number, text: string, start: number, end: number): boolean {
  if (rule === CASE_ANY) return true;
  if (rule === CASE_CAPITAL) {
    // Most names start with their capital: settled by the first unit, without a copy of the text (Latin and
    // Cyrillic capitals by range, others asked).
    const c = text.charCodeAt(start);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x42f)) return true;
    return hasCapital(text.slice(start, end));
  }
  const written = text.slice(start, end);
  if (rule === CASE_LOWER) return !hasCapital(written);
  const stem = written.split(/['’ʼ‘`´]/u)[0]!;
  return hasCapital(stem) && stem === stem.toUpperCase();
}

/**
 * Capitalised words that, right after a place name, make it part of a
 * publication's name: "The Moscow Times", "USA Today", "US Weekly", "Kyiv
 * Post", "Kyiv Independent". Folded.
 */
export const PUBLICATION_WORDS = 'times today weekly post independent herald tribune journal gazette chronicle telegraph daily magazine review';

/**
 * Capitalised words that, right after a place name, make it part of the name
 * of a competition or a brand: "US Open", "Kyiv Marathon", "Ukraine Cup",
 * "Russian Grand Prix" is an adjective but "Azerbaijan Grand Prix" is not,
 * "Ukraine International Airlines" (Airlines after International), "US
 * Masters", "Moscow Derby". Issue 13 labels a place inside such a name as
 * nothing. Folded. "grand" counts only before "Prix"; "open" not before
 * OPEN_NOT_NAME_WORDS ("US Open To Talks" is a verb phrase in a headline).
 * In a line in title case every word is capitalised, so only COMPETITION_NOUNS count there, and the words that
 * are also verbs or adjectives need more (competitionInTitleCase).
 */
export const COMPETITION_AND_BRAND_WORDS = 'open masters marathon cup championship championships olympics olympiad derby classic airlines airways grand exchange mule arena';

/**
 * The COMPETITION_AND_BRAND_WORDS that are nouns only, never a verb or an adjective, so that a place or an
 * organization before them opens their name even in a headline in title case ("Kremlin Cup Final Postponed"), where
 * "Russia, Ukraine Exchange Prisoners", "Kremlin Open About Its Aims" are sentences. Folded.
 */
export const COMPETITION_NOUNS = 'masters marathon cup championship championships olympics olympiad derby airlines airways mule arena';

/** In a line in title case, the words after "Open" that make it a tournament (besides nothing more on the line): "US Open Tennis". */
export const OPEN_TOURNAMENT_WORDS = 'tennis championship championships golf';

/**
 * Nouns that end an institution's or a firm's name two words after a place ("Moscow Art Theatre", "Ukraine
 * International Airlines", "Kyiv National University", "Moscow Stock Exchange"): a place followed by a
 * capitalised word and one of these, outside a line in title case (where "Kyiv Says Theatre Must Close" is a
 * sentence). Folded.
 */
export const INSTITUTION_WORDS = 'theatre theater ballet opera philharmonic conservatory university institute academy airlines airways exchange museum orchestra choir';
/** After "Open", words that make it a verb or an adjective, not a tournament: "US Open To Talks", "Kyiv Open For Business". */
export const OPEN_NOT_NAME_WORDS = 'to for up';

let publicationSet: Set<string> | undefined;
let competitionSet: Set<string> | undefined;
let competitionNounSet: Set<string> | undefined;
let openTournamentSet: Set<string> | undefined;
let institutionSet: Set<string> | undefined;
let openNotNameSet: Set<string> | undefined;

/** Whether no word follows on the line after `end` (the line ends, or punctuation does: "… Win The US Open", "Moscow Exchange:"). */
function lineEndsAfter(text: string, end: number): boolean {
  let k = end;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k++;
  return k >= text.length || CLASS[text.charCodeAt(k)] !== WORD;
}

/**
 * Whether a place name (`place`) or an organization's name ending at `end` opens a publication's (places only:
 * PUBLICATION_WORDS, "The Moscow Times", "Kyiv Post"), a competition's or a brand's name
 * (COMPETITION_AND_BRAND_WORDS, capitalised, after whitespace, on the same line), or an institution's
 * (INSTITUTION_WORDS two words on, outside a line in title case). In a line in title case a competition word
 * counts only when it is a noun (COMPETITION_NOUNS), "Exchange" or "Classic" only at the end of the line, "Open"
 * only then or before OPEN_TOURNAMENT_WORDS, "Grand" before "Prix": "Russia, Ukraine Exchange Prisoners Of War",
 * "Kremlin Open About Its Aims", "Kremlin Today Rejects Ceasefire Proposal" keep their names.
 */
export function opensPublicationName(text: string, start: number, end: number, place = true): boolean {
  const next = wordAfter(text, end);
  if (next === '' || !/^\p{Lu}/u.test(next)) return false;
  publicationSet ??= new Set(PUBLICATION_WORDS.split(' '));
  competitionSet ??= new Set(COMPETITION_AND_BRAND_WORDS.split(' '));
  const folded = foldString(next);
  let k = end;
  while (k < text.length && isSpaceUnit(text.charCodeAt(k))) k++;
  const nextEnd = k + next.length;
  const after = wordAfter(text, nextEnd);
  const third = foldString(after);
  if (place && publicationSet.has(folded)) return true;
  if (!competitionSet.has(folded)) {
    institutionSet ??= new Set(INSTITUTION_WORDS.split(' '));
    return /^\p{Lu}/u.test(after) && institutionSet.has(third) && !inTitleCaseLine(text, start, end);
  }
  if (folded === 'grand') return third === 'prix';
  if (!inTitleCaseLine(text, start, end)) {
    if (folded !== 'open') return true;
    openNotNameSet ??= new Set(OPEN_NOT_NAME_WORDS.split(' '));
    return !openNotNameSet.has(third);
  }
  competitionNounSet ??= new Set(COMPETITION_NOUNS.split(' '));
  if (competitionNounSet.has(folded)) return true;
  if (lineEndsAfter(text, nextEnd)) return true;
  openTournamentSet ??= new Set(OPEN_TOURNAMENT_WORDS.split(' '));
  return folded === 'open' && openTournamentSet.has(third);
}

/**
 * Capitalised words that, right before a place name (whitespace only between
 * them), make it the last word of a sports club's or a dish's name: "Dynamo
 * Kyiv", "Spartak Moscow", "Shakhtar Donetsk", "Динамо Киев", "Chicken Kiev".
 * The clubs of the record's cities, in the spellings of the English, German,
 * Russian and Ukrainian press. Folded.
 */
export const NAME_HEAD_WORDS =
  'dynamo dinamo spartak cska lokomotiv lokomotive torpedo shakhtar shakhtyor schachtar zorya sorja metalist metalurh metallurg arsenal obolon olimpik krystal ' +
  'динамо спартак цска локомотив торпедо шахтар шахтер зоря металіст металист металург арсенал оболонь олімпік олимпик кристал ' +
  // A cup named after its country: "Кубка України", "Кубок России" (the competition, not the place).
  'кубок кубка кубку кубке кубком кубкові';

/**
 * Words that, right before a place name, make it the last word of a dish's name, in any case: a recipe writes
 * "chicken Kiev" as often as "Chicken Kiev" ("poulet Kiev", "Hähnchen Kiew", "Chicken-Kiew"). Folded.
 */
export const DISH_HEAD_WORDS = 'chicken poulet pollo hähnchen hühnchen huhn';

/** Words that, right after a place name and in any case, make it a dish's or a cake's name: "Kyiv cake", "Kiewer Torte". Folded. */
export const DISH_TAIL_WORDS = 'cake cakes torte';

/**
 * Words that, right after a person's surname (capitalised), make it a street's or a square's name ("Lavrov Street"),
 * and words that do so right before it in Russian, Ukrainian and German ("проспект Зеленского", "вулиця Путіна").
 * Folded.
 */
export const STREET_WORDS_AFTER = 'street avenue square boulevard lane road straße strasse platz allee';
export const STREET_WORDS_BEFORE = 'улица улицы улице улицу проспект проспекта проспекте площадь площади бульвар бульвара переулок вулиця вулиці вулицю проспекту площа площі бульвару провулок';

let dishTailSet: Set<string> | undefined;
/** The first letters of DISH_TAIL_WORDS, in both cases. */
const DISH_TAIL_FIRST = 'cCtT';
let streetAfterSet: Set<string> | undefined;
let streetBeforeSet: Set<string> | undefined;

/** Whether a place name ending at `end` opens a dish's or cake's name (DISH_TAIL_WORDS, any case): "Kyiv cake". */
export function opensDishName(text: string, end: number): boolean {
  // Runs for every place candidate: most are followed by no word of the list, settled by the next unit alone.
  let k = end;
  while (k < text.length && (text[k] === ' ' || text[k] === '\u00a0')) k++;
  if (k === end || k >= text.length || !DISH_TAIL_FIRST.includes(text[k]!)) return false;
  dishTailSet ??= new Set(DISH_TAIL_WORDS.split(' '));
  return dishTailSet.has(foldString(wordAfter(text, end)));
}

/** Whether a person's name at text[start..end) names a street or a square after them ("Lavrov Street", "проспект Зеленского"). */
export function namesAStreet(text: string, start: number, end: number): boolean {
  streetAfterSet ??= new Set(STREET_WORDS_AFTER.split(' ').map(foldString));
  streetBeforeSet ??= new Set(STREET_WORDS_BEFORE.split(' ').map(foldString));
  const after = wordAfter(text, end);
  if (/^\p{Lu}/u.test(after) && streetAfterSet.has(foldString(after))) return true;
  return streetBeforeSet.has(wordBefore(text, start));
}

let nameHeadSet: Set<string> | undefined;
let dishHeadSet: Set<string> | undefined;

/**
 * Whether a place name at `start` closes a club's or a dish's name: a NAME_HEAD_WORDS word, capitalised, maybe in
 * quotes, or a DISH_HEAD_WORDS word in any case, right before it on the line (a hyphen joins a dish too).
 */
export function closesClubOrDishName(text: string, start: number): boolean {
  dishHeadSet ??= new Set(DISH_HEAD_WORDS.split(' ').map(foldString));
  if (start > 1 && text[start - 1] === '-') {
    const d = wordEndingAt(text, start - 1);
    return d !== undefined && dishHeadSet.has(foldString(text.slice(d[0], d[1])));
  }
  let gap = sameLineSpaceBefore(text, start);
  if (gap < 0) return false;
  // A club's name in quotes: «Динамо» Київ.
  const quoted = gap > 0 && /[»"”’]/u.test(text[gap - 1]!);
  if (quoted) gap--;
  const w = wordEndingAt(text, gap);
  if (w === undefined) return false;
  const word = foldString(text.slice(w[0], w[1]));
  if (!quoted && dishHeadSet.has(word)) return true;
  if (!/^\p{Lu}/u.test(text[w[0]]!)) return false;
  nameHeadSet ??= new Set(NAME_HEAD_WORDS.split(' ').map(foldString));
  return nameHeadSet.has(word);
}

/**
 * Whether text[start..end) is an agency's credit in a dateline: alone in parentheses followed by a dash ("KYIV,
 * Ukraine (AP) —", "MOSKAU (dpa) -") or between slashes ("МОСКВА, 5 мая. /ТАСС/."). An acronym in parentheses
 * without the dash is a definition ("Advanced Placement (AP) courses"), not a credit.
 */
export function datelineCredit(text: string, start: number, end: number): boolean {
  if (start === 0 || end >= text.length) return false;
  if (text[start - 1] === '/' && text[end] === '/') return true;
  if (text[start - 1] !== '(' || text[end] !== ')') return false;
  let k = end + 1;
  while (k < text.length && (text[k] === ' ' || text[k] === '\u00a0')) k++;
  return k < text.length && /[-–—]/u.test(text[k]!);
}

/**
 * Words that say the name after them is a city's ("the city of Kherson", "місто Херсон", "in der Stadt Cherson"), or
 * after it ("Kherson city"). Folded.
 */
export const CITY_WORDS_BEFORE: string = Object.values(MATCH_RULES.cityWordsBefore).flat().join(' ');
export const CITY_WORDS_AFTER = 'city';

let cityBeforeSet: Set<string> | undefined;

/**
 * Whether a bare region's name at text[start..end) is written as its city's: "the city of Kherson", "town of
 * Zaporizhzhia", "місто Херсон", "у місті Херсоні", "die Stadt Cherson", "Kherson city". The record names the
 * oblasts, not their cities (docs/accuracy.md: "Zaporizhzhia the city is not the oblast").
 */
export function namesACity(text: string, start: number, end: number): boolean {
  cityBeforeSet ??= new Set(CITY_WORDS_BEFORE.split(' ').map(foldString));
  if (cityHeadBefore(text, start) || cityListBefore(text, start) || cityThingOfName(text, start, end)) return true;
  return wordAfter(text, end).toLowerCase() === CITY_WORDS_AFTER || cityAndItsRegion(text, end);
}

/** A CITY_WORDS_BEFORE word, "city" or "town" (before "of"), a plural of one (cityPluralWords: cities, Städte, города, міста), or a German compound of Stadt (Gebietshauptstädte). */
function isCityWord(folded: string): boolean {
  cityPluralWords ??= ruleWordSet(MATCH_RULES.cityPluralWords);
  return cityBeforeSet!.has(folded) || folded === 'city' || folded === 'town' || cityPluralWords.has(folded) || /(?:stadt|stadte|stadten|städte|städten)$/u.test(folded);
}
let cityPluralWords: Set<string> | undefined;
let cityListCoordinators: Set<string> | undefined;

/**
 * Whether a bare region's name ends a list of cities (cityListCoordinators in corpus/match-rules.json, at most
 * CITY_LIST_MAX_NAMES capitalised names back to a city word): "die Gebietshauptstädte Saporischschja und Cherson",
 * "the cities of Kherson and Zaporizhzhia", "міста Херсон та Запоріжжя". The first name is namesACity's by its city
 * word; the others follow it.
 */
export function cityListBefore(text: string, start: number): boolean {
  cityListCoordinators ??= ruleWordSet(MATCH_RULES.cityListCoordinators);
  let at = start;
  for (let names = 0; names < CITY_LIST_MAX_NAMES; names++) {
    // the joining word, or a comma
    let k = at;
    while (k > 0 && isLineSpaceUnit(text.charCodeAt(k - 1))) k--;
    if (text[k - 1] === ',') k--;
    else {
      const joint = wordEndingAt(text, k);
      if (joint === undefined || !cityListCoordinators.has(foldString(text.slice(joint[0], joint[1])))) return false;
      k = joint[0];
    }
    while (k > 0 && isLineSpaceUnit(text.charCodeAt(k - 1))) k--;
    const name = wordEndingAt(text, k);
    if (name === undefined || !/^\p{Lu}/u.test(text.slice(name[0], name[1]))) return false;
    if (cityHeadBefore(text, name[0])) return true;
    at = name[0];
  }
  return false;
}
/** How many names a list of cities goes back over ("the cities of Kherson, Mykolaiv and Zaporizhzhia"). */
export const CITY_LIST_MAX_NAMES = 3;

/** Whether a city word stands right before the name at `start`, or before "of" right before it ("the city of", "the cities of"). */
function cityHeadBefore(text: string, start: number): boolean {
  const w = wordBefore(text, start);
  if (isCityWord(w)) return true;
  if (w !== 'of') return false;
  const gap = sameLineSpaceBefore(text, start);
  const of = gap < 0 ? undefined : wordEndingAt(text, gap);
  return of !== undefined && isCityWord(wordBefore(text, of[0]));
}

/**
 * How far after the name a city word says that the name was the city's ("Херсон: у місті", "Kherson — in the city"):
 * only punctuation, a preposition and an article may stand between (CITY_WORD_AFTER_GAP_WORDS), and the city word
 * must not head another name ("Kherson; the city of Mykolaiv", "Херсон, город Николаев").
 */
export const CITY_WORD_AFTER_CHARS = 20;
/** The words that may stand between a name and the city word after it (a preposition, an article). Folded. */
const CITY_WORD_AFTER_GAP_WORDS = new Set(['in', 'im', 'the', 'der', 'die', 'dem', 'в', 'во', 'у', 'і']);
let cityThingWords: Set<string> | undefined;
let cityThingStems: string[] | undefined;

/** Whether `w` (folded) is one of cityThings (corpus/match-rules.json): a mayor, a tram, a city council. */
function isCityThing(w: string): boolean {
  if (cityThingWords === undefined) {
    const all = Object.values(MATCH_RULES.cityThings).flat().map((x) => foldString(x));
    cityThingWords = new Set(all.filter((x) => !x.endsWith('-')));
    cityThingStems = all.filter((x) => x.endsWith('-')).map((x) => x.slice(0, -1));
  }
  return w !== '' && (cityThingWords.has(w) || cityThingStems!.some((s) => w.startsWith(s)));
}

/** How far on each side of the name, in its clause, a cityThings word not governed by another name counts (about 10 words). */
export const CITY_THING_WINDOW_CHARS = 80;
/** What ends a clause for cityThingInClause: punctuation between the name and the word puts the word in another clause. */
export const CLAUSE_BREAK_RE = /[,;:.!?…()\[\]"«»“”„—–\n]/u;
/** Words before a cityThings word that govern nothing (articles, determiners), even capitalised at a sentence's start. Folded. */
const CITY_THING_DETERMINERS = new Set(['the', 'a', 'its', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'keine', 'kein', 'sein', 'seine', 'ihr', 'ihre']);

/**
 * Whether a cityThings word stands in the clause of the name at text[start..end) (no punctuation between, within
 * CITY_THING_WINDOW_CHARS) and is governed by no other name: not after a capitalised word other than a determiner
 * ("Kyiv mayor", "Kiews Bürgermeister", "the Mykolaiv mayor") and not before one, nor before "of"/"von" and one
 * ("мер Києва", "mayor of Kyiv"). "In Saporischschja fuhr keine Straßenbahn mehr", "В Запорожье мэр призвал жителей".
 */
function cityThingInClause(text: string, start: number, end: number): boolean {
  const lo = Math.max(0, start - CITY_THING_WINDOW_CHARS);
  const hi = Math.min(text.length, end + CITY_THING_WINDOW_CHARS);
  let a = start;
  while (a > lo && !isClauseBreakUnit(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < hi && !isClauseBreakUnit(text.charCodeAt(b))) b++;
  const words = [...text.slice(a, b).matchAll(/[\p{L}\p{M}'’-]+/gu)].map((m) => ({ w: m[0], at: a + m.index }));
  for (let i = 0; i < words.length; i++) {
    const { w, at } = words[i]!;
    if (at >= start && at < end) continue;
    if (!isCityThing(foldString(w))) continue;
    const prev = words[i - 1];
    if (prev !== undefined && !(prev.at >= start && prev.at < end) && /^\p{Lu}/u.test(prev.w) && !CITY_THING_DETERMINERS.has(foldString(prev.w))) continue;
    let next = words[i + 1];
    if (next !== undefined && (foldString(next.w) === 'of' || foldString(next.w) === 'von')) next = words[i + 2];
    if (next !== undefined && !(next.at >= start && next.at < end) && /^\p{Lu}/u.test(next.w)) continue;
    return true;
  }
  return false;
}

/**
 * Whether what only a city has (cityThings: a mayor, trams, a city council; the oblast has a governor and a regional
 * administration) is governed by the name at text[start..end) (review 10A, RA4), not merely near it: right before it,
 * or before "of"/"von" right before it ("мэр Херсона", "mayor of Kherson", "Bürgermeister von Cherson"), or right
 * after it, past a possessive or a hyphen ("Kherson mayor", "Kherson's mayor", "Kherson's deputy mayor",
 * "Cherson-Bürgermeister"); or a city word right after the name with only punctuation, a preposition or an article
 * between ("сам Херсон: у місті пошкоджено…"). "Kyiv mayor Vitali Klitschko said" in the sentence of "Kherson" is
 * Kyiv's; "временная мера" is a measure (the Russian mayor is мэр).
 */
export function cityThingOfName(text: string, start: number, end: number): boolean {
  // Before: "мэр Херсона", "mayor of Kherson".
  const before = wordBefore(text, start);
  if (isCityThing(before)) return true;
  if (before === 'of' || before === 'von') {
    const gap = sameLineSpaceBefore(text, start);
    const of = gap < 0 ? undefined : wordEndingAt(text, gap);
    if (of !== undefined && isCityThing(wordBefore(text, of[0]))) return true;
  }
  // After: "Kherson mayor", "Kherson's (deputy) mayor", "Cherson-Bürgermeister".
  const m = /^(?:['’]s?|-|s(?=[ \t\u00a0]))?[ \t\u00a0]*([\p{L}\p{M}'’-]+)(?:[ \t\u00a0]+([\p{L}\p{M}'’-]+))?/u.exec(text.slice(end, end + 40));
  if (m !== null) {
    const possessive = /^['’]/u.test(m[0]);
    const first = m[1]!;
    if (isCityThing(foldString(first))) return true;
    if (possessive && m[2] !== undefined && /^\p{Ll}/u.test(first) && isCityThing(foldString(m[2]))) return true;
  }
  if (cityThingInClause(text, start, end)) return true;
  // A city word after the name, across punctuation, a preposition or an article: "Херсон: у місті…".
  const [, hi] = sentenceAround(text, start, end);
  const tail = text.slice(end, Math.min(hi, end + CITY_WORD_AFTER_CHARS + 24));
  const tokens = [...tail.matchAll(/[\p{L}\p{M}]+/gu)];
  for (let i = 0; i < tokens.length && tokens[i]!.index < CITY_WORD_AFTER_CHARS; i++) {
    const w = foldString(tokens[i]![0]);
    if (w === 'city' || cityBeforeSet!.has(w)) {
      // The city word of another name: "the city of Mykolaiv", "город Николаев".
      const next = tokens[i + 1];
      if (next === undefined) return true;
      const between = tail.slice(tokens[i]!.index + tokens[i]![0].length, next.index);
      return !(foldString(next[0]) === 'of' || (/^[ \t\u00a0]+$/u.test(between) && /^\p{Lu}/u.test(next[0])));
    }
    if (!CITY_WORD_AFTER_GAP_WORDS.has(w)) return false;
  }
  return false
}

/**
 * Words that, after a bare region's name and a coordinator, name the region around it: "Запоріжжя та область",
 * "Запорожье и область", "Zaporizhzhia and the region", "Saporischschja und Umgebung". The name before them is the
 * city (the oblast is the second half of the phrase). Folded.
 */
export const REGION_AROUND_WORDS = 'область області областю регион региона регіон регіону oblast region umgebung umland gebiet';
/** The coordinator after a city's name ("та", "and"), then at most one article or possessive ("the", "its", "das"). Folded. */
const CITY_AND_REGION_COORDINATORS = 'та і й и and und';
const CITY_AND_REGION_ARTICLES = 'the its das die der ее її';

let regionAroundSet: Set<string> | undefined;
let cityRegionCoordinatorSet: Set<string> | undefined;
let cityRegionArticleSet: Set<string> | undefined;

/**
 * Whether a bare region's name is the city in "city and its region": "Запоріжжя та область", "Херсон і область",
 * "Запорожье и область", "Zaporizhzhia and the region": a coordinator, at most one article, then one of
 * REGION_AROUND_WORDS, with only whitespace between the words.
 */
export function cityAndItsRegion(text: string, end: number): boolean {
  regionAroundSet ??= new Set(REGION_AROUND_WORDS.split(' ').map(foldString));
  cityRegionCoordinatorSet ??= new Set(CITY_AND_REGION_COORDINATORS.split(' ').map(foldString));
  cityRegionArticleSet ??= new Set(CITY_AND_REGION_ARTICLES.split(' ').map(foldString));
  const words: string[] = [];
  let k = end;
  while (words.length < 3) {
    let at = k;
    while (at < text.length && /[ \t\u00a0\n]/u.test(text[at]!)) at++;
    if (at === k || at >= text.length || CLASS[text.charCodeAt(at)] !== WORD) break;
    k = wordEnd(text, at);
    words.push(foldString(text.slice(at, k)));
  }
  if (words.length < 2 || !cityRegionCoordinatorSet.has(words[0]!)) return false;
  if (regionAroundSet.has(words[1]!)) return regionClosesPhrase(text, wordEndAfter(text, end, 2));
  return words.length === 3 && cityRegionArticleSet.has(words[1]!) && regionAroundSet.has(words[2]!) && regionClosesPhrase(text, k);
}

/** The end of the `n`-th word after `from` (words separated by whitespace only, as cityAndItsRegion reads them). */
function wordEndAfter(text: string, from: number, n: number): number {
  let k = from;
  for (let i = 0; i < n; i++) {
    while (k < text.length && /[ \t\u00a0\n]/u.test(text[k]!)) k++;
    k = wordEnd(text, k);
  }
  return k;
}

/**
 * Words that, after the region word, make it another place's region: "the region of Kherson", "das Gebiet um
 * Cherson", "області навколо Херсона", "области вокруг Херсона". Folded.
 */
export const REGION_OF_WORDS = 'of around um von навколо довкола біля вокруг около';

let regionOfSet: Set<string> | undefined;

/**
 * Whether the region word ending at `end` closes the phrase, so that the region is the city's own ("Запоріжжя та
 * область", "Zaporizhzhia and the region on Monday"): not followed by REGION_OF_WORDS or by a capitalised word (a
 * name in the genitive: "та області Херсона"). At the end of a list of oblasts, "Donetsk, Luhansk, Zaporizhzhia and
 * the region of Kherson" names a fourth oblast, and Zaporizhzhia is the oblast of the list.
 */
function regionClosesPhrase(text: string, end: number): boolean {
  regionOfSet ??= new Set(REGION_OF_WORDS.split(' ').map(foldString));
  let at = end;
  while (at < text.length && isLineSpaceUnit(text.charCodeAt(at))) at++;
  if (at >= text.length || at === end || CLASS[text.charCodeAt(at)] !== WORD) return true;
  const next = text.slice(at, wordEnd(text, at));
  return !regionOfSet.has(foldString(next)) && !/^\p{Lu}/u.test(next);
}

/**
 * States and provinces of other countries whose towns share the record's place names (Moscow, Idaho; Odessa,
 * Texas; Moscow, Pennsylvania): a place followed by one of them, after a comma or in parentheses, is the namesake.
 * US states, Canadian provinces, Australian states. Georgia is left out (also the country, next to Russia and
 * Ukraine), so is D.C. (Washington, D.C. is the record's), so is Victoria (a given name: "In Kyiv, Victoria Nuland
 * said"). Folded.
 */
export const NAMESAKE_STATES =
  'alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming ' +
  'ontario quebec manitoba saskatchewan alberta queensland tasmania ' +
  'айдахо техас огайо пенсильвания пенсільванія иллинойс іллінойс айова теннесси теннессі индиана індіана ' +
  'new_york new_jersey new_mexico new_hampshire north_carolina south_carolina north_dakota south_dakota rhode_island west_virginia british_columbia nova_scotia new_south_wales';
/** The AP abbreviations of US states, counted only with their full stop ("Moscow, Pa.", "Odessa, Tex."). Folded. */
export const NAMESAKE_STATE_ABBREVIATIONS = 'ala ariz ark calif colo conn del fla ill ind kan ky md mass mich minn miss mo mont neb nev okla ore pa tenn tex vt va wis wyo';
/** Words that say "the state of" before a state's name: "Москва, штат Айдахо", "Moskau im US-Bundesstaat Idaho". Folded. */
export const STATE_WORDS = 'штат штата штаті штате bundesstaat us-bundesstaat state';

/**
 * DocumentContext.seen holds entity ids, and this prefix before the id of a place that the document named as another
 * country's namesake town (namesakeWithState): its later bare mentions are that town's on a page not about the record.
 */
export const NAMESAKE_MARK = 'namesake:';

let namesakeStateSet: Set<string> | undefined;
let stateAbbreviationSet: Set<string> | undefined;
let stateWordSet: Set<string> | undefined;

/** Up to `max` words after `from`, each separated from the last by whitespace only (the first may follow at once): [start, end, folded]. */
function wordsAfter(text: string, from: number, max: number): [number, number, string][] {
  const out: [number, number, string][] = [];
  let k = from;
  while (out.length < max) {
    let at = k;
    while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\u00a0')) at++;
    if (at >= text.length || CLASS[text.charCodeAt(at)] !== WORD || (out.length > 0 && at === k)) break;
    k = wordEnd(text, at);
    // A hyphenated word is one: "US-Bundesstaat".
    while (text[k] === '-' && CLASS[text.charCodeAt(k + 1)] === WORD) k = wordEnd(text, k + 1);
    out.push([at, k, foldString(text.slice(at, k))]);
  }
  return out;
}

/**
 * Titles of a state's or province's own offices: after "<city>, <state>" they make the state an adjective of a person
 * ("In Kyiv, Ohio Senator Rob Portman", "Speaking in Kyiv, Alberta premier Danielle Smith"), not the city's state. A
 * town's own offices (mayor, police, sheriff) are left out: "Moscow, Idaho police said" is the namesake. Folded.
 */
export const STATE_OFFICE_WORDS =
  'senator sen rep representative congressman congresswoman congressmember lawmaker lawmakers legislator delegate delegation governor gov lt lieutenant premier attorney secretary treasurer assemblyman assemblywoman губернатор сенатор конгрессмен конгресмен';

/**
 * Capitalised words after "<city>, <state>" that are still the town's: its institutions ("Moscow, Idaho Police
 * Department"). Any other capitalised word opens the next phrase (a person's name: "In Kyiv, Virginia Pietromarchi
 * reports"), except in a line in title case, where every word is capitalised. Folded.
 */
export const TOWN_INSTITUTION_WORDS = 'police city county sheriff mayor university college school high fire council department residents man woman';

let stateOfficeSet: Set<string> | undefined;
let townInstitutionSet: Set<string> | undefined;

/**
 * Whether a state's name ending at `stateEnd`, after "<city>,", ends the place phrase, so that the city is the state's
 * town: punctuation, a number or the end of the text after it ("MOSCOW, Idaho —", "Moscow, Idaho, police said",
 * "Moscow, Idaho 83843"), a lowercase word that is no title of the state's offices ("Moscow, Idaho police said",
 * "Moscow, Idaho in 2019"), a capitalised word of the town's institutions, or any word in a title-case line. A
 * person's name or a state office after the state makes it the start of the next phrase.
 */
function stateEndsPlace(text: string, stateEnd: number): boolean {
  let at = stateEnd;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\u00a0')) at++;
  if (at >= text.length || CLASS[text.charCodeAt(at)] !== WORD || !/\p{L}/u.test(text[at]!)) return true;
  stateOfficeSet ??= new Set(STATE_OFFICE_WORDS.split(' ').map(foldString));
  townInstitutionSet ??= new Set(TOWN_INSTITUTION_WORDS.split(' ').map(foldString));
  const next = foldString(text.slice(at, wordEnd(text, at)));
  if (stateOfficeSet.has(next)) return false;
  if (!/\p{Lu}/u.test(text[at]!)) return true;
  return townInstitutionSet.has(next) || inTitleCaseLine(text, at, wordEnd(text, at));
}

/**
 * Whether the place ending at `end` is another country's namesake town, named with its state: "MOSCOW, Idaho —",
 * "Odessa, Texas", "Moscow, Pa.", "Moscow (Idaho)", "Москва, штат Айдахо", "Moskau im US-Bundesstaat Idaho"
 * (NAMESAKE_STATES, NAMESAKE_STATE_ABBREVIATIONS, STATE_WORDS). The record's places are never written so.
 */
export function namesakeWithState(text: string, end: number): boolean {
  const mark = text[end];
  if (mark !== ',' && mark !== '(' && !(mark === ' ' && (text.startsWith('im ', end + 1) || text.startsWith('in the state of ', end + 1)))) return false;
  stateWordSet ??= new Set(STATE_WORDS.split(' ').map(foldString));
  namesakeStateSet ??= new Set(NAMESAKE_STATES.split(' ').map((w) => foldString(w.replace('_', ' '))));
  stateAbbreviationSet ??= new Set(NAMESAKE_STATE_ABBREVIATIONS.split(' '));
  const words = wordsAfter(text, mark === ',' || mark === '(' ? end + 1 : end, 5);
  // The end of the state's name at words[i] (its full stop for an abbreviation), or -1.
  const stateEndAt = (i: number): number => {
    const w = words[i];
    if (w === undefined || !/\p{Lu}/u.test(text[w[0]]!)) return -1;
    if (namesakeStateSet!.has(w[2])) return w[1];
    if (words[i + 1] !== undefined && namesakeStateSet!.has(w[2] + ' ' + words[i + 1]![2])) return words[i + 1]![1];
    return stateAbbreviationSet!.has(w[2]) && text[w[1]] === '.' ? w[1] + 1 : -1;
  };
  const stateAt = (i: number): boolean => stateEndAt(i) >= 0;
  if (mark === ',') {
    if (stateWordSet.has(words[0]?.[2] ?? '') && stateAt(1)) return true;
    // "Kyiv, Virginia Pietromarchi reports", "Kyiv, Ohio Senator Rob Portman": the state opens the next phrase.
    const stateEnd = stateEndAt(0);
    return stateEnd >= 0 && stateEndsPlace(text, stateEnd);
  }
  if (mark === '(') return stateAt(0) || (stateWordSet.has(words[0]?.[2] ?? '') && stateAt(1));
  // "Moskau im US-Bundesstaat Idaho", "Moscow in the state of Idaho".
  const w0 = words[0]?.[2];
  if (w0 === 'im' && stateWordSet.has(words[1]?.[2] ?? '')) return stateAt(2);
  return w0 === 'in' && words[1]?.[2] === 'the' && words[2]?.[2] === 'state' && words[3]?.[2] === 'of' && stateAt(4);
}

/**
 * The common nouns of any talks, among an event's context words: near a word of the event's other sense they do not
 * overrule it ("the grain deal signed in Istanbul; talks on the corridor's revival stalled" is the grain deal's
 * Istanbul). Folded (scanner.ts, wordContexts).
 */
export const GENERIC_TALK_WORDS = 'talks negotiations verhandlungen gespräche переговоры переговори перемовин';
/** Stems that make talks peace talks ("peace talks", "Friedensverhandlungen", «мирные переговоры», «мирні»): they do overrule. Folded. */
export const PEACE_WORDS = 'peace friedens мирн';

/** Opening and closing quotation marks, as written (not folded). */
const OPENING_QUOTES = '"«„“‚‘\'';
const CLOSING_QUOTES = '"»“”‘’\'';

/**
 * Words after which a name quoted alone opens a reported clause, in scare quotes, not a title: "Зеленський заявив,
 * що «Росія» не виконує…", "He said that "Russia" would…". Folded.
 */
export const CLAUSE_OPENERS = 'that dass ob что чтобы що щоб';

let clauseOpenerSet: Set<string> | undefined;

/**
 * Whether text[start..end) is the whole content of a pair of quotation marks and reads as a title: a person's or a
 * place's name quoted alone is the title of a play, a book or a film, or the name of a restaurant, a ship, a hotel
 * ("Jerusalem" returns to the West End; ресторан «Лавров»; the "Russia" and "Ukraine" entries of a picker). A quote
 * that opens with the name goes on after it ("«Путин не…»"); one after a comma or a CLAUSE_OPENERS word opens
 * reported speech, the name in scare quotes ("Selenskyj sagte, „Russland“ habe…").
 */
export function quotedAlone(text: string, start: number, end: number): boolean {
  if (!(start > 0 && end < text.length && OPENING_QUOTES.includes(text[start - 1]!) && CLOSING_QUOTES.includes(text[end]!))) return false;
  let k = start - 1;
  while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\t' || text[k - 1] === '\u00a0')) k--;
  if (k > 0 && text[k - 1] === ',') return false;
  clauseOpenerSet ??= new Set(CLAUSE_OPENERS.split(' ').map(foldString));
  return !clauseOpenerSet.has(wordBefore(text, start - 1));
}

/** A quoted proper name holds at most this many words: „Kreml am Marktplatz“, «Крым и Рим», "Kremlin Cafe"; a quoted headline or sentence is longer. */
export const QUOTED_NAME_MAX_WORDS = 4;
/** How far from the name its quotation marks may stand, in UTF-16 units (a few words either side). */
const QUOTED_NAME_REACH = 60;
/**
 * Lowercase words a quoted proper name may hold between its capitalised ones: "Kreml am Marktplatz", «Крым и Рим»,
 * "Taste of Kyiv", «Київ у серці». Any other lowercase word makes the quote a phrase or a sentence. Folded.
 */
export const QUOTED_NAME_LINK_WORDS = 'of the and at on in by de la le du di von vom am im an auf der die das den dem des und zum zur bei и в во на у с со і й та з зі до';
const DOUBLE_QUOTES = '"«»„“”';
/** What stops the walks of insideQuotedName, by UTF-16 unit: a quotation mark (QUOTE), or a line break or punctuation (STOP). */
const QUOTE = 1;
const STOP = 2;
const QUOTE_WALK = (() => {
  const t = new Uint8Array(0x10000);
  for (const ch of DOUBLE_QUOTES) t[ch.charCodeAt(0)] = QUOTE;
  // Dashes and slashes join two names as a pair or a format («Путин — Зеленский», "Putin/Zelensky"): no proper name holds them.
  for (const ch of '\n\r.,;:!?…()/\u2010\u2011\u2012\u2013\u2014\u2015') t[ch.charCodeAt(0)] = STOP;
  return t;
})();
const OPENS_QUOTE = '"«„“';
const CLOSES_QUOTE = '"»“”';
let quotedNameLinkSet: Set<string> | undefined;

/**
 * Whether text[start..end) stands inside a quoted proper name of a business, a building, a ship or a show together
 * with other capitalised words: the quotation marks (double or guillemets) open and close on the same line within
 * QUOTED_NAME_REACH, the quote holds 2 to QUOTED_NAME_MAX_WORDS words and no punctuation, every word is
 * capitalised or one of QUOTED_NAME_LINK_WORDS, and one capitalised word is not the name's ("Kreml am Marktplatz":
 * the town hall's nickname; гастробар «Крым и Рим»). A quote of speech has lowercase words or punctuation
 * («Кремль не комментирует»), reported speech opens after a comma or CLAUSE_OPENERS, and a
 * possessive makes a phrase ("“Putin’s War”", "“Russia’s Kremlin”"): those stay mentions.
 */
export function insideQuotedName(text: string, start: number, end: number): boolean {
  // Runs for every name candidate: the walks stop at the first quotation mark, line break or punctuation (which no
  // quoted name holds), most of them within a word or two.
  let a = start - 1;
  while (a >= 0 && start - a <= QUOTED_NAME_REACH && QUOTE_WALK[text.charCodeAt(a)] === 0) a--;
  if (a < 0 || QUOTE_WALK[text.charCodeAt(a)] !== QUOTE || !OPENS_QUOTE.includes(text[a]!) || (text[a] === '"' && a > 0 && CLASS[text.charCodeAt(a - 1)] === WORD)) return false;
  let b = end;
  while (b < text.length && b - end <= QUOTED_NAME_REACH && QUOTE_WALK[text.charCodeAt(b)] === 0) b++;
  if (b >= text.length || QUOTE_WALK[text.charCodeAt(b)] !== QUOTE || !CLOSES_QUOTE.includes(text[b]!) || (a === start - 1 && b === end)) return false;
  const inner = text.slice(a + 1, b);
  if (/\p{L}['’]s?(?![\p{L}])/u.test(inner)) return false;
  let k = a;
  while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\u00a0')) k--;
  clauseOpenerSet ??= new Set(CLAUSE_OPENERS.split(' ').map(foldString));
  if ((k > 0 && text[k - 1] === ',') || clauseOpenerSet.has(wordBefore(text, a))) return false;
  quotedNameLinkSet ??= new Set(QUOTED_NAME_LINK_WORDS.split(' ').map(foldString));
  let words = 0;
  let otherCapital = false;
  for (const w of inner.matchAll(/[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu)) {
    if (++words > QUOTED_NAME_MAX_WORDS) return false;
    // A number is no name's word: «Moskau 1937» is an exhibition about the city.
    const capital = /^\p{Lu}/u.test(w[0]);
    if (!capital && !/^\p{N}/u.test(w[0]) && !quotedNameLinkSet.has(foldString(w[0]))) return false;
    const at = a + 1 + w.index;
    if (capital && (at + w[0].length <= start || at >= end)) otherCapital = true;
  }
  // In a headline in title case every word is capitalised: the quote's capitals prove no proper name
  // (Zelensky Warns West: "Putin Will Not Stop").
  return words >= 2 && otherCapital && !inTitleCaseLine(text, start, end);
}

/* ---------- Part of another name ---------- */

/**
 * Capitalised words that may stand right before a `partOfNames` place
 * without making it part of another name, besides the titles and sentence
 * openers of AMBIGUITY_GUARDS.notGivenNames: qualifiers of the place itself
 * ("Western Europe", "East Jerusalem") and prepositions that open a
 * sentence ("Across Europe"). Folded.
 */
export const PLACE_QUALIFIERS =
  'western eastern northern southern central east west north south continental mainland greater old new modern medieval ancient united whole ' +
  'across throughout inside outside within beyond against unlike like without under through into toward towards around between among over near about above below behind beside upon ' +
  'westeuropa osteuropa ' +
  // The Kremlin of Moscow is the record's: "the Moscow Kremlin", "der Moskauer Kreml" (not the Kazan Kremlin).
  'moscow moskauer';

/**
 * Stems of ru/uk qualifiers of a place, in any case ("Центральної Європи", "Западной Европы", "Східна Європа",
 * "всієї Європи"): the Cyrillic PLACE_QUALIFIERS, declined, so matched by their start. Folded.
 */
export const PLACE_QUALIFIER_STEMS_CYRILLIC = 'центральн західн східн північн південн западн восточн северн южн континентальн материков всієї усієї всей всю вся уся цілої целой';

/**
 * German articles and prepositions: a capitalised word after one of them is a common noun in apposition
 * ("den Standort Europa", "der Kontinent Europa"), not a firm's name.
 */
export const GERMAN_NOUN_OPENERS = 'der die das den dem des ein eine einen einem einer eines im am vom zum zur beim ins ganz für über nach';

let qualifierSet: Set<string> | undefined;
let qualifierStems: string[] | undefined;
let nounOpenerSet: Set<string> | undefined;

/** The bounds of the word that ends at `end` (letters, marks, digits, inner apostrophes and hyphens), or undefined. */
function wordEndingAt(text: string, end: number): [number, number] | undefined {
  let s = end;
  while (s > 0 && (CLASS[text.charCodeAt(s - 1)] === WORD || ((text.charCodeAt(s - 1) === 0x27 || text.charCodeAt(s - 1) === 0x2019 || text.charCodeAt(s - 1) === 0x2d) && s > 1 && CLASS[text.charCodeAt(s - 2)] === WORD))) s--;
  return s === end ? undefined : [s, end];
}

/** Where the whitespace before `start` begins, on the same line; -1 when there is none or a line break. */
function sameLineSpaceBefore(text: string, start: number): number {
  let k = start;
  while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\t' || text[k - 1] === '\u00a0')) k--;
  return k === start ? -1 : k;
}

/**
 * Whether a `partOfNames` place at text[start..end) is the last word of
 * another proper name: the word right before it, on the same line, is
 * capitalised and is none of: a title or sentence opener
 * (`notGivenNames`), a qualifier or preposition (PLACE_QUALIFIERS), a
 * possessive ("Putin's Russia"), the first word of a sentence, a German noun
 * after an article ("den Standort Europa"). "Mozilla Europe", "Airbus
 * Europe", "Radio Free Europe", "Breitbart Jerusalem", "Ліги Європи". Not
 * applied in a line in title case (every word has its capital), to a German
 * genitive in -s ("Länder Europas"), nor in a run of capitalised words that
 * goes on after the place ("World Europe Sport": a menu; "Healthline Media
 * UK Ltd").
 */
export function endsAnotherName(text: string, start: number, end: number, notGivenNames: ReadonlySet<string>): boolean {
  const gap = sameLineSpaceBefore(text, start);
  if (gap < 0) return false;
  const w = wordEndingAt(text, gap);
  if (w === undefined) return false;
  const word = text.slice(w[0], w[1]);
  if (!/^\p{Lu}/u.test(word) || /['’]s$/u.test(word)) return false;
  const folded = foldString(word);
  qualifierSet ??= new Set(PLACE_QUALIFIERS.split(' '));
  if (notGivenNames.has(folded) || qualifierSet.has(folded)) return false;
  qualifierStems ??= [...new Set(PLACE_QUALIFIER_STEMS_CYRILLIC.split(' ').map(foldString))];
  if (qualifierStems.some((q) => folded.startsWith(q))) return false;
  if (/\p{Script=Latin}s$/u.test(text.slice(end - 2, end))) return false;
  // The word before: a sentence's end makes `word` its first word; a German article makes it a noun.
  let k = w[0];
  while (k > 0 && isLineSpaceUnit(text.charCodeAt(k - 1))) k--;
  if (k > 0 && /[.!?«“„"(]/u.test(text[k - 1]!)) return false;
  const prev = wordEndingAt(text, k);
  nounOpenerSet ??= new Set(GERMAN_NOUN_OPENERS.split(' ').map(foldString));
  if (prev !== undefined && nounOpenerSet.has(foldString(text.slice(prev[0], prev[1])))) return false;
  if (inTitleCaseLine(text, start, end)) return false;
  // A run of capitals that goes on after the place, on the same line.
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t' || text[e] === '\u00a0')) e++;
  if (e > end && e < text.length && /\p{Lu}/u.test(text[e]!)) return false;
  return true;
}

/**
 * Cities with a kremlin of their own, and their adjectives, as folded word starts (en, de, ru, uk): "the Kazan
 * Kremlin", "der Kasaner Kreml", "Novgorod's Kremlin", "Псковский кремль". Moscow is not among them: its kremlin
 * is the record's.
 */
export const OTHER_KREMLIN_CITIES =
  'kazan kasan novgorod nowgorod nizhny nischni pskov pskow rostov rostow astrakhan astrachan tobolsk smolensk tula kolomna zaraysk saraisk ryazan rjasan suzdal susdal ' +
  'yaroslavl jaroslawl vologda wologda ' +
  'казан новгород нижегород псков ростов астрахан тобольск смоленск тульск коломен зарайск рязан суздал ярославл вологод';

let kremlinCities: string[] | undefined;

/**
 * Whether an organization's `partOfNames` alias at text[start..end) (the Kremlin, named after its building) names
 * another city's kremlin: right after that city's name or adjective on the same line ("the Kazan Kremlin", "der
 * Kasaner Kreml", "Novgorod's Kremlin"), or followed by "of"/"von" and such a city ("the Kremlin of Kazan"; "the Kremlin of
 * Vladimir Putin" stays the Kremlin). Unlike a place's (endsAnotherName), any other capitalised word before it leaves it the
 * Kremlin: "On Monday Kremlin spokesman", "Senior Kremlin officials", "Top Kremlin aide", "Laut Kreml".
 */
export function namesAnotherCitysKremlin(text: string, start: number, end: number): boolean {
  kremlinCities ??= OTHER_KREMLIN_CITIES.split(' ').map(foldString);
  const gap = sameLineSpaceBefore(text, start);
  const w = gap < 0 ? undefined : wordEndingAt(text, gap);
  if (w !== undefined) {
    const folded = foldString(text.slice(w[0], w[1]));
    if (kremlinCities.some((c) => folded.startsWith(c))) return true;
  }
  // "The Kremlin of Kazan" is Kazan's; "the Kremlin of Vladimir Putin" or "of Brezhnev" is still the Kremlin.
  const after = /^[ \t\u00a0]+(?:of|von)[ \t\u00a0]+(\p{Lu}[\p{L}-]*)/u.exec(text.slice(end, end + 40));
  if (after === null) return false;
  const city = foldString(after[1]!);
  return kremlinCities.some((c) => city.startsWith(c));
}

/* ---------- Another sense in another language ---------- */

/**
 * Short words frequent in running text of one language and rare in the
 * others: the words around a candidate tell its language. Folded. Words
 * shared between these languages (in, an, so, was, die, also) are left out.
 */
export const LANGUAGE_MARKERS: Readonly<Record<string, string>> = {
  en: 'the of and to is are with from that this which for on by its it be has have been were their not its',
  de: 'der das und ist nicht mit von zu den dem des ein eine einer auf für sich auch wird sind wurde nach bei über unter ganz',
};

let markerSets: Map<string, Set<string>> | undefined;

/**
 * Whether the words within CONTEXT_WINDOW_CHARS of text[start..end) read as
 * one of `langs` (at least two marker words of it, and more than of the
 * alias's own language `own`): there the spelling names something else
 * ("the first three moons of Jupiter; Io, Europa, and Ganymede").
 */
export function otherSenseAround(text: string, start: number, end: number, langs: readonly string[], own: string, windowChars: number): boolean {
  markerSets ??= new Map(Object.entries(LANGUAGE_MARKERS).map(([l, words]) => [l, new Set(words.split(' ').map(foldString))]));
  const words = foldString(text.slice(Math.max(0, start - windowChars), start) + ' ' + text.slice(end, end + windowChars)).split(/[^\p{L}\p{M}]+/u);
  const count = (lang: string): number => {
    const set = markerSets!.get(lang);
    if (set === undefined) return 0;
    let n = 0;
    for (const w of words) if (set.has(w)) n++;
    return n;
  };
  const ownCount = count(own);
  return langs.some((lang) => {
    const n = count(lang);
    return n >= 2 && n > ownCount;
  });
}

/* ---------- Addresses and code ---------- */

/** How far the address check looks for the edges of the whitespace-delimited token around a candidate. */
const TOKEN_REACH = 120;
const ADDRESS_RE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)|@|^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#:]\S*)?$/u;
const TRAILING_PUNCT_RE = /[.,;:!?)\]}"'»”’`]+$/u;
const LEADING_PUNCT_RE = /^[([{"'«“‘`]+/u;

/**
 * Whether text[start..end) lies inside a domain name, a URL, an e-mail
 * address or a code identifier: "uk" in independent.co.uk, "us" in
 * https://x.com/us/v1, "europe" in events.example.org/europe-2024,
 * desk@example.org, us_east, UN_willing. Such words are never mentions.
 */
export function insideAddressOrCode(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  const after = end < text.length ? text.charCodeAt(end) : 0;
  // Identifiers and handles: us_east, UN_willing, @kremlin, me@un.org.
  if (before === 0x5f || after === 0x5f || before === 0x40 || after === 0x40) return true;
  // A dot straight after a word before it (co.uk) or before a lowercase letter or digit after it (kremlin.ru).
  if (before === 0x2e && start >= 2 && CLASS[text.charCodeAt(start - 2)] === WORD && !boundaryBefore(text, start - 1)) return true;
  if (after === 0x2e && end + 1 < text.length && /[a-z0-9]/u.test(text[end + 1]!)) return true;
  // A language tag: en-US, de-DE.
  if (before === 0x2d && end - start === 2 && /^[a-z]{2}-$/u.test(text.slice(start - 3, start)) && (start < 4 || !/\p{L}/u.test(text[start - 4]!))) return true;
  if (before !== 0x2f && after !== 0x2f && before !== 0x2e && after !== 0x3a) return false;
  // A slash, dot or colon next to it: is the whole token an address?
  let s = start;
  while (s > 0 && start - s < TOKEN_REACH && !/\s/u.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && e - end < TOKEN_REACH && !/\s/u.test(text[e]!)) e++;
  const token = text.slice(s, e).replace(TRAILING_PUNCT_RE, '').replace(LEADING_PUNCT_RE, '');
  // A credit between slashes is no path: "МОСКВА, 5 мая. /ТАСС/." (datelineCredit).
  if (token.length === end - start + 2 && token[0] === '/' && before === 0x2f && after === 0x2f) return false;
  // A path of two slashes or more (en-US/Apps/Build), or an address.
  if ((token.match(/\//gu)?.length ?? 0) >= 2 || ADDRESS_RE.test(token.toLowerCase() === token ? token : token.replace(/^[A-Za-z]+:\/\//u, (m) => m.toLowerCase())) || token.includes('://')) return true;
  return (before === 0x2f || after === 0x2f) && codePathToken(token);
}

/**
 * The areas of the IANA time-zone database: "Europe/Kyiv", "Europe/Kiev", "America/New_York", "Asia/Tbilisi",
 * "Etc/UTC" are identifiers (tz settings, changelogs, code), not a continent and a city in prose.
 */
export const TIME_ZONE_AREAS = 'Africa America Antarctica Arctic Asia Atlantic Australia Europe Indian Pacific Etc';

let timeZoneRe: RegExp | undefined;

/**
 * Whether a whitespace-delimited token with one slash is an identifier, not two names joined by a slash
 * ("Russia/Ukraine", "Kyiv/Kiev" stay names): an `Area/City` time-zone identifier (TIME_ZONE_AREAS, after an
 * optional `key=`), or a path with a segment in lowercase ASCII (`src/Kyiv`, `locales/Ukraine`, `data/uk`).
 */
function codePathToken(token: string): boolean {
  timeZoneRe ??= new RegExp(`^(?:[\\w.-]*[=:])?(?:${TIME_ZONE_AREAS.split(' ').join('|')})/[A-Z][A-Za-z0-9_+-]*(?:/[A-Z][A-Za-z0-9_+-]*)?$`, 'u');
  if (timeZoneRe.test(token)) return true;
  const segments = token.split('/');
  slashWordSet ??= new Set([...FUNCTION_WORDS.en!.split(' '), ...GERMAN_NOUN_OPENERS.split(' '), ...SLASH_PROSE_WORDS.split(' ')]);
  return segments.length === 2 && segments.some((seg) => /^[a-z0-9_.~-]*[a-z_][a-z0-9_.~-]*$/u.test(seg) && !slashWordSet!.has(seg));
}

/**
 * Lowercase words that follow or precede a slash in prose, besides the English function words and
 * GERMAN_NOUN_OPENERS: "Russland/die Ukraine", "Russia/the West", "Kyiv/or Kiev" are names, not a code path.
 */
const SLASH_PROSE_WORDS = 'and or nor but vs versus und oder sowie mit von zu gegen bzw';
let slashWordSet: Set<string> | undefined;

/* ---------- Language guard ---------- */

/**
 * Function words by language: an alias that is a common word in a language
 * (`commonWordIn`) is not a mention right after one of these words of that
 * language ("d'un", "de un", "c'est un"). Folded; elided forms without their
 * apostrophe.
 */
export const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  fr: "d l qu c j n s m t à a au aux de des du en et est il elle on par pour sur dans avec chez sans sous vers que qui ne pas plus c'est voici voilà",
  es: 'a al de del el la los las en y o con por para sin sobre es hay un una',
  it: "a al all d de del della di e è in con per su tra fra l un una",
  pt: 'a ao de do da dos das em no na e é com por para um uma',
  en: 'the a an of to in on at for with by from and or is are was were be been let tell told give gave show showed help helped join joined of all some most many few',
};

let functionWordSets: Map<string, Set<string>> | undefined;
function functionWords(lang: string): Set<string> | undefined {
  functionWordSets ??= new Map(Object.entries(FUNCTION_WORDS).map(([l, words]) => [l, new Set(words.split(' ').map(foldString))]));
  return functionWordSets.get(lang);
}

/** The word before `start`, across whitespace or an apostrophe (d’un), folded; '' if none. */
function wordBefore(text: string, start: number): string {
  let k = start;
  while (k > 0 && (isSpaceUnit(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 0x27 || text.charCodeAt(k - 1) === 0x2019 || text.charCodeAt(k - 1) === 0x2bc)) k--;
  if (k === start) return '';
  let s = k;
  while (s > 0 && CLASS[text.charCodeAt(s - 1)] === WORD) s--;
  return foldString(text.slice(s, k));
}

/** The word after `end`, across whitespace: its written form; '' if none. */
function wordAfter(text: string, end: number): string {
  let k = end;
  while (k < text.length && isSpaceUnit(text.charCodeAt(k))) k++;
  if (k === end) return '';
  return text.slice(k, wordEnd(text, k));
}

const isCapsWord = (w: string): boolean => w.length >= 2 && hasCapital(w) && w === w.toUpperCase();

/**
 * In a run of capitals, words after which a short alias that is a common word
 * of the language is the name, not the word: the English object pronoun "us"
 * follows a verb or a preposition ("LET US PRAY", "FOLLOW US", "ALL OF US"),
 * never an article or a conjunction ("THE US", "UK AND US PLEDGE AID"). So
 * does a line's or a sentence's start ("US AND UK PLEDGE MORE AID"). Folded.
 * A language without an entry keeps the rule whole: "UN" in capitals may be
 * the French article anywhere ("UN HOMME").
 */
export const CAPS_NAME_OPENERS: Readonly<Record<string, string>> = {
  en: 'the and or',
};

let capsOpenerSets: Map<string, Set<string>> | undefined;

/** Punctuation that ends a sentence or a headline's part: the word after it opens one. */
const CLAUSE_END_RE = /[.!?:;|•—–"“”«»(]/u;

/**
 * Whether a candidate in a run of capitals, with the word text[s..k) before it
 * (`before`, '' when none), opens a name in every one of `langs`
 * (CAPS_NAME_OPENERS): after one of their opener words, or first on its line
 * or in its sentence.
 */
function opensNameInCaps(text: string, s: number, k: number, before: string, langs: readonly string[]): boolean {
  capsOpenerSets ??= new Map(Object.entries(CAPS_NAME_OPENERS).map(([l, words]) => [l, new Set(words.split(' ').map(foldString))]));
  if (!langs.every((lang) => capsOpenerSets!.has(lang))) return false;
  if (before === '') {
    // Nothing but spaces or punctuation since the line's start or the sentence's end.
    let j = k;
    while (j > 0 && text[j - 1] !== '\n' && !CLAUSE_END_RE.test(text[j - 1]!)) {
      if (CLASS[text.charCodeAt(j - 1)] === WORD) return false;
      j--;
    }
    return true;
  }
  if (s === k) return false;
  const folded = foldString(before);
  return langs.every((lang) => capsOpenerSets!.get(lang)!.has(folded));
}

/**
 * Time zones that a live page writes after an entry's time ("13.15 GMT UN monitors say…", "10:40 MSK"): in capitals,
 * but no run of capitals; the entry's first word follows them. Folded.
 */
export const TIME_STAMP_ZONES = 'gmt utc bst cet cest eet eest msk mez mesz est edt cst cdt pst pdt';
let timeStampZoneSet: Set<string> | undefined;

/** Whether the caps word text[s..) (`word`) is a time zone right after a time's digits. */
function timeStampZone(text: string, s: number, word: string): boolean {
  timeStampZoneSet ??= new Set(TIME_STAMP_ZONES.split(' '));
  if (!timeStampZoneSet.has(foldString(word))) return false;
  let j = s;
  while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\u00a0')) j--;
  return j > 0 && j < s && /\p{Nd}/u.test(text[j - 1]!);
}

/**
 * The language guard for a short alias that is a common word in other
 * languages (`commonWordIn`: UN is the French and Spanish article, US the
 * English pronoun). Fails when the candidate stands in a run of capitals (a
 * neighbouring word is in capitals too: "LET US PRAY", "UN HOMME"), where
 * the case rule tells nothing (unless it opens a name there:
 * CAPS_NAME_OPENERS), or right after a function word of one of those
 * languages other than the alias's own ("d’UN", "de UN").
 */
export function languageGuardFails(text: string, start: number, end: number, langs: readonly string[], ownLang: string): boolean {
  let k = start;
  while (k > 0 && isSpaceUnit(text.charCodeAt(k - 1))) k--;
  let s = k;
  while (s > 0 && CLASS[text.charCodeAt(s - 1)] === WORD) s--;
  const before = text.slice(s, k);
  if ((k < start && isCapsWord(before) && !timeStampZone(text, s, before)) || isCapsWord(wordAfter(text, end))) return !opensNameInCaps(text, s, k, before, langs);
  const prev = wordBefore(text, start);
  // A function word of the alias's own language too says nothing: "a UN-backed swap" is English.
  if (prev === '' || functionWords(ownLang)?.has(prev) === true) return false;
  return langs.some((lang) => lang !== ownLang && functionWords(lang)?.has(prev) === true);
}

/* ---------- Relevance ---------- */

/**
 * A gated mention (a topic, or a common-noun alias) is drawn when the page
 * so far shows at least this many distinct anchors (the record's actors and
 * events, below). Three named actors of the war on one page (Peskov, Kyiv,
 * the Kremlin) make it a page about the record; two do not: a US politics
 * page names Putin and Russia in passing, a space story Russia and Moscow.
 */
export const RELEVANCE_PAGE_ANCHORS = 3;
/**
 * …or when this many distinct anchors stand within RELEVANCE_WINDOW_CHARS of
 * it in the same block of text: a paragraph about the talks on a page about
 * something else ("Kremlin Rules Out Talks Until Kyiv Accepts Losses" in a
 * list of headlines).
 */
export const RELEVANCE_BLOCK_ANCHORS = 2;
/** About a paragraph (80–100 words) on each side: a headline and its teaser, or one news paragraph. */
export const RELEVANCE_WINDOW_CHARS = 600;

/** entityAnchor: the entity's mention makes a page about the record (anchorEntities). */
export const ANCHOR = 1;
/**
 * entityAnchor: a place of the record, no anchor of a page (a page names Russia or Washington in passing) but, in
 * its own sentence, evidence that a `sentence` word is about the record ("dass Russland jederzeit verhandeln
 * würde", "über die Gebiete Donezk und Luhansk werde nicht verhandelt"); anchors are evidence too.
 */
export const SENTENCE_EVIDENCE = 2;
/**
 * entityAnchor: SIDE_PLACE + the index of its side in the corpus's sides, for a place that speaks as a government of
 * a side that opposes another in the record (Russia, Moscow: Russia's; Ukraine, Kyiv: Ukraine's): sentence evidence
 * like SENTENCE_EVIDENCE, and a side for RELEVANCE_PAGE_SIDES.
 */
export const SIDE_PLACE = 3;

/**
 * A page that names no person or body of the record may still be about it: a report from a conference that names
 * Kyiv, Moscow, Crimea and the oblasts ("officials from Kyiv and Moscow", «Крим, Запорізька і Херсонська області»).
 * A page is about the record when it names this many distinct places of the record (SENTENCE_EVIDENCE or SIDE_PLACE,
 * outside a namesake's story) … Four: a sports story names Moscow, Antalya and Turkey (three); a travel page may name
 * Europe, Turkey, Jerusalem and Moscow, hence the second condition.
 */
export const RELEVANCE_PAGE_PLACES = 4;
/**
 * … among which places of this many opposing sides (SIDE_PLACE: Russia or Moscow, and Ukraine or Kyiv). Two: a page
 * about the war names both belligerents; a Ukrainian business story names Ukraine, Kyiv, Europe and Turkey (one side),
 * a travel or sports page Moscow, Europe, Turkey and Jerusalem (one side).
 */
export const RELEVANCE_PAGE_SIDES = 2;
/** What DocumentContext.anchors holds, besides anchors' ids, for a place of the record found on the page (+ its id). */
export const PLACE_MARK = 'place:';
/** … and for a SIDE_PLACE, in addition to PLACE_MARK: + the index of its side (one mark per side). */
export const SIDE_PLACE_MARK = 'side-place:';
/**
 * … and, once, when a sentence with a SIDE_PLACE also holds a signal of the war or the talks (placeSignalInSentence):
 * places alone, however many, do not make a page about the record (review 10A, RA5: a footballer's transfer story
 * names Kyiv, Crimea, Moscow, Russia and Istanbul).
 */
export const PLACE_SIGNAL_MARK = 'place-signal';
let relevanceSignalRe: RegExp | undefined;

/**
 * Whether the sentence of a side's place text[start..end) holds a signal that it is about the war or the talks: a
 * word of relevanceSignals (corpus/match-rules.json: war, invasion, ceasefire, Krieg, війна, обстріл…) or another
 * mention `isSignal` says is one (an anchor of the record, or a topic or event word of the record: "officials from
 * Kyiv and Moscow discussed a ceasefire", "делегації Києва та Москви на переговорах").
 */
export function placeSignalInSentence(text: string, start: number, end: number, found: readonly Located[], isSignal: (i: number) => boolean, firstIn?: (lo: number) => number): boolean {
  const [lo, hi] = sentenceAround(text, start, end);
  // firstIn(lo): an index of `found` before which no mention ends after lo (a binary search: the walk from 0 for each
  // place was quadratic on a long text); 0 without it.
  for (let j = firstIn === undefined ? 0 : firstIn(lo); j < found.length; j++) {
    const f = found[j]!;
    if (f.start >= hi) break;
    if (f.end > lo && (f.start !== start || f.end !== end) && isSignal(j)) return true;
  }
  relevanceSignalRe ??= ruleWordRegExp(MATCH_RULES.relevanceSignals);
  return relevanceSignalRe.test(foldString(text.slice(lo, hi)).replace(/\s+/gu, ' '));
}

/**
 * Entities whose mention makes a page about the record: events, and the
 * persons, organizations, collectives and places of the sides that oppose
 * each other in the record (Russia and Ukraine: each lists the other in
 * `opposes`). A side's supporters (the West), mediators and international
 * bodies, and any entity without a side, are not anchors: the United States,
 * the BBC and the UN are named every day on pages about everything else.
 * Without the corpus's sides (a matcher compiled from entities alone), every
 * entity with a side is an anchor. Places that are no anchor are SENTENCE_EVIDENCE.
 */
export function anchorEntities(corpus: { sides?: readonly Side[] | undefined }, entities: readonly Entity[]): Uint8Array {
  const sides = corpus.sides ?? [];
  const opposes = new Map(sides.map((s) => [s.id, new Set(s.opposes ?? [])]));
  const core = new Set([...opposes].filter(([id, o]) => [...o].some((other) => opposes.get(other)?.has(id) === true)).map(([id]) => id));
  const isCore = (side: string): boolean => sides.length === 0 || core.has(side);
  // A place that speaks as a body of a side that is no core side (Germany, the United States, Washington) is no
  // evidence: "Russland und Deutschland verhandeln" needs Russia, "In Deutschland verhandeln die Gewerkschaften" is
  // about wages.
  const sideOf = new Map(entities.map((e) => [e.id, e.side]));
  const ownSide = (e: Entity): boolean => {
    const side = e.speaksAs === undefined ? undefined : sideOf.get(e.speaksAs);
    return side === undefined || isCore(side);
  };
  // The side a place speaks for, when it is a core side (its index among the sides), else -1.
  const coreSideIndex = (e: Entity): number => {
    const side = e.speaksAs === undefined ? undefined : sideOf.get(e.speaksAs);
    if (side === undefined || sides.length === 0 || !isCore(side)) return -1;
    const i = sides.findIndex((s) => s.id === side);
    return i >= 0 && SIDE_PLACE + i <= 255 ? i : -1;
  };
  return Uint8Array.from(entities, (e) => {
    if (e.type !== 'topic' && (e.type === 'event' || (e.side !== undefined && isCore(e.side)))) return ANCHOR;
    if (e.type !== 'place' || !ownSide(e)) return 0;
    const i = coreSideIndex(e);
    return i < 0 ? SENTENCE_EVIDENCE : SIDE_PLACE + i;
  });
}

/**
 * Prepositions of place, in the four languages: a place behind one says where something happens ("Ein Gericht in Moskau wird den Fall
 * verhandeln", "в Москве", "у Києві"), not who acts, so it is no SENTENCE_EVIDENCE. Folded.
 */
export const WHERE_PREPOSITIONS = 'in im at from aus bei nach vor в во у на из із з зі под під';
let wherePrepositionSet: Set<string> | undefined;

/** Whether the word right before `start` is one of WHERE_PREPOSITIONS. */
export function placeBehindPreposition(text: string, start: number): boolean {
  wherePrepositionSet ??= new Set(WHERE_PREPOSITIONS.split(' ').map(foldString));
  return wherePrepositionSet.has(wordBefore(text, start));
}

interface Located {
  start: number;
  end: number;
  entityId: string;
}

/** Whether the document read so far is about the record: every gated mention in it is drawn, earlier ones included. */
export function pageIsRelevant(ctx: { readonly anchors: ReadonlySet<string> }): boolean {
  let anchors = 0;
  let places = 0;
  let sidePlaces = 0;
  let signal = false;
  for (const id of ctx.anchors) {
    if (id.startsWith(PLACE_MARK)) places++;
    else if (id.startsWith(SIDE_PLACE_MARK)) sidePlaces++;
    else if (id === PLACE_SIGNAL_MARK) signal = true;
    else anchors++;
  }
  return anchors >= RELEVANCE_PAGE_ANCHORS || (places >= RELEVANCE_PAGE_PLACES && sidePlaces >= RELEVANCE_PAGE_SIDES && signal);
}

/**
 * A word that is the record's only in a sentence about its subject (alias field `sentence`: "verhandeln",
 * "нейтральність") needs this many distinct anchors or places of the record (SENTENCE_EVIDENCE) in its own
 * sentence, besides the page or block gate: "dass Russland jederzeit verhandeln würde" is the talks, "Das Gericht
 * wird den Fall verhandeln" on the same page is not. One is enough: the sentence is short, and it must be a named
 * actor, place or event of the record, not a topic or a common noun.
 */
export const RELEVANCE_SENTENCE_ANCHORS = 1;
/** A sentence is looked for no further than this many UTF-16 units on each side: a long run without a full stop is no sentence. */
export const SENTENCE_MAX_CHARS = 300;
/** What ends a sentence: a full stop, a question or exclamation mark, an ellipsis, a line break. */
export const SENTENCE_END_RE = /[.!?…\n]/u;

/** The bounds of the sentence around text[start..end), at most SENTENCE_MAX_CHARS either side. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  let lo = start;
  while (lo > 0 && start - lo < SENTENCE_MAX_CHARS && !isSentenceEndUnit(text.charCodeAt(lo - 1))) lo--;
  let hi = end;
  while (hi < text.length && hi - end < SENTENCE_MAX_CHARS && !isSentenceEndUnit(text.charCodeAt(hi))) hi++;
  return [lo, hi];
}

/**
 * Drops the gated mentions of a scanned chunk that are not relevant: those
 * on a page with fewer than RELEVANCE_PAGE_ANCHORS distinct anchors so far
 * (`pageAnchors`, this chunk's included) and fewer than
 * RELEVANCE_BLOCK_ANCHORS distinct anchors within RELEVANCE_WINDOW_CHARS,
 * and the `sentence` ones with fewer than RELEVANCE_SENTENCE_ANCHORS anchors
 * or places (`evidence`) in their own sentence (sentenceAround). `gated[i]`,
 * `anchor[i]`, `term[i]`, `sentence[i]` and `evidence[i]` describe `found[i]`.
 */
export function keepRelevant<M extends Located>(text: string, found: M[], gated: readonly boolean[], anchor: readonly boolean[], pageAnchors: ReadonlySet<string>, term: readonly boolean[] = [], sentence: readonly boolean[] = [], evidence: readonly boolean[] = anchor, ownContextInLine: (i: number) => boolean = () => false): M[] {
  const page = pageIsRelevant({ anchors: pageAnchors });
  // found is sorted and its mentions do not overlap, so their ends ascend too: the first that ends at or after lo
  // is found by binary search, and the walk stops at the first that starts after hi (a walk over every mention,
  // for each gated one, was quadratic on a long document: 180,000 mentions in the CLI's 20 MB bench text).
  const anchorsWithin = (lo: number, hi: number, of: readonly boolean[] = anchor): number => {
    const near = new Set<string>();
    let a = 0;
    let b = found.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (found[mid]!.end < lo) a = mid + 1;
      else b = mid;
    }
    for (let j = a; j < found.length && found[j]!.start <= hi; j++) if (of[j]) near.add(found[j]!.entityId);
    return near.size;
  };
  const termInLine = (i: number): boolean => {
    const m = found[i]!;
    const lo = text.lastIndexOf('\n', m.start - 1);
    const br = text.indexOf('\n', m.end);
    const hi = br < 0 ? text.length : br;
    for (let j = i; j >= 0 && found[j]!.start > lo; j--) if (term[j]) return true;
    for (let j = i + 1; j < found.length && found[j]!.end <= hi; j++) if (term[j]) return true;
    return false;
  };
  return found.filter((m, i) => {
    if (!gated[i]) return true;
    if (sentence[i] === true) {
      const [lo, hi] = sentenceAround(text, m.start, m.end);
      if (anchorsWithin(lo, hi, evidence) < RELEVANCE_SENTENCE_ANCHORS) return false;
    }
    // A headline in a list of headlines is its own story ("Most read" on a page about the war): judged by its own
    // line, not by the page nor by the teasers next to it (HEADLINE_NEIGHBOUR_LINES).
    if (inHeadlineList(text, m.start, m.end) || inTeaserBox(text, m.start, m.end)) {
      // A term of the record in the headline ("Inside The Grain Deal That Outlived The Talks") makes it a story
      // about the record on a page about the record, its other gated words included; so does an ambiguous name
      // confirmed by its own context word in its own line ("Istanbul Draft Resurfaces a Year On").
      if (page && (termInLine(i) || ownContextInLine(i))) return true;
      const [lo, hi] = linesAround(text, m.start, m.end, HEADLINE_NEIGHBOUR_LINES);
      return anchorsWithin(lo, hi) >= (page ? RELEVANCE_HEADLINE_ANCHORS : RELEVANCE_BLOCK_ANCHORS);
    }
    if (page) return true;
    return anchorsWithin(m.start - RELEVANCE_WINDOW_CHARS, m.end + RELEVANCE_WINDOW_CHARS) >= RELEVANCE_BLOCK_ANCHORS;
  });
}

/**
 * A gated word in a headline in title case in a list of headlines (a line of a "Latest" or "Most read" box, a
 * teaser link, with another such line next to it: inHeadlineList) is drawn, on a
 * page about the record, only when this many anchors stand in its line or the HEADLINE_NEIGHBOUR_LINES lines on
 * each side of it: "The Mediator Who Ended A Six-Week Bus Strike Retires" in a "Most read" box is not about the
 * talks, whatever the page is. On a page not (yet) about the record, the block's RELEVANCE_BLOCK_ANCHORS applies,
 * within those lines.
 */
export const RELEVANCE_HEADLINE_ANCHORS = 1;
/**
 * No line above or below (session 11; 1 until then): a box's teasers are ranked by clicks, not by subject, so a
 * neighbour about the war says nothing of the next one ("The Only Turkey Brine Recipe You Need" under "Kremlin Denies
 * Plans For New Mobilization Wave"; "Why Britain's Withdrawal From The Eurovision Final…" over "Lavrov And Wang Yi
 * Discuss A Peace Plan"). A teaser about the record names an actor, a term or a name's own context word itself.
 */
export const HEADLINE_NEIGHBOUR_LINES = 0;

/**
 * Whether text[start..end) stands in a headline in title case with another one right above or below it: a list
 * of headlines (a box, a menu of teasers). A lone headline over its article's prose is the page's own.
 */
export function inHeadlineList(text: string, start: number, end: number): boolean {
  // Most gated words stand in a paragraph: its length settles it, looked for no further than a headline's length
  // on each side (a 1 MB line without a break is not rescanned for every candidate in it: review 7, A6).
  const lo = start - 1 - TITLE_CASE_MAX_CHARS;
  let from = start - 1;
  while (from >= 0 && from > lo && text.charCodeAt(from) !== 10) from--;
  if (from >= 0 && from === lo) return false;
  const hi = end + TITLE_CASE_MAX_CHARS + 1;
  let to = end;
  while (to < text.length && to < hi && text.charCodeAt(to) !== 10) to++;
  if (to < text.length && to === hi) return false;
  if (to - from - 1 > TITLE_CASE_MAX_CHARS) return false;
  if (!inTitleCaseLine(text, start, end)) return false;
  const lineEnd = text.indexOf('\n', end);
  if (lineEnd >= 0 && lineEnd + 1 < text.length && text[lineEnd + 1] !== '\n' && inTitleCaseLine(text, lineEnd + 1, lineEnd + 1) && !BYLINE_RE.test(text.slice(lineEnd + 1, lineEnd + 1 + 16))) return true;
  // Title case above only: a list's last headline, or the page's own headline under a menu of sections
  // ("Ukraine Russia Caucasus Podcasts" over "The Istanbul Draft, In The Words Of Those Who Were There", the
  // byline under it): a line of capitalised words with no minor word and no punctuation is a menu, not a headline.
  const lineBreak = text.lastIndexOf('\n', start - 1);
  if (lineBreak <= 0) return false;
  const prev = text.lastIndexOf('\n', lineBreak - 1);
  return lineBreak - prev > 1 && inTitleCaseLine(text, prev + 1, prev + 1) && !menuLine(text.slice(prev + 1, lineBreak));
}

let occupationWords: Set<string> | undefined;
let occupationStems: string[] | undefined;

/**
 * Whether the word right before text[start] (whitespace only between, on the same line) is an occupation no person of
 * the record has (corpus/match-rules.json, namesakeOccupations: farmer, coach, striker, cook, teacher…, in any case):
 * the name after it is a namesake's ("фермер Олександр Лукашенко", "the striker Rustam Lavrov", "Trainer Peskow";
 * session 11). What the record's persons were before politics (actor, journalist, businessman) is left out.
 */
export function namesakeOccupationBefore(text: string, start: number): boolean {
  if (occupationWords === undefined) {
    const all = Object.values(MATCH_RULES.namesakeOccupations).flat().map(foldString);
    occupationWords = new Set(all.filter((w) => !w.endsWith('-')));
    occupationStems = all.filter((w) => w.endsWith('-')).map((w) => w.slice(0, -1));
  }
  let k = start;
  while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\u00a0' || text[k - 1] === '\t')) k--;
  if (k === start || k === 0 || CLASS[text.charCodeAt(k - 1)] !== WORD) return false;
  const span = wordEndingAt(text, k);
  if (span === undefined) return false;
  const w = foldString(text.slice(span[0], span[1]));
  return occupationWords.has(w) || occupationStems!.some((s) => w.startsWith(s) && w.length - s.length <= 3);
}

/** How many teasers above a line its box's heading may stand (a box of teasers rarely holds more). */
export const MAX_BOX_TEASERS = 12;
/** A box's heading goes on with at most this many words after its title ("More from Opinion", "More from Alpine Post"). */
const BOX_TITLE_EXTRA_WORDS = 2;

let teaserBoxTitles: Set<string> | undefined;

/** The line around text[start..end): [lo, hi), or undefined when it is longer than a headline (TITLE_CASE_MAX_CHARS). */
function shortLineAround(text: string, start: number, end: number): [number, number] | undefined {
  let lo = start;
  while (lo > 0 && text.charCodeAt(lo - 1) !== 10) if (start - --lo > TITLE_CASE_MAX_CHARS) return undefined;
  let hi = end;
  while (hi < text.length && text.charCodeAt(hi) !== 10) if (++hi - end > TITLE_CASE_MAX_CHARS) return undefined;
  return hi - lo > TITLE_CASE_MAX_CHARS ? undefined : [lo, hi];
}

/** A teaser's line: a short line of words with no full stop at its end (a paragraph ends with one). */
const teaserLine = (line: string): boolean => /[\p{L}\p{N}]/u.test(line) && !/\.\s*$/u.test(line);

/** A box's heading: one of teaserBoxTitles, alone or followed by at most BOX_TITLE_EXTRA_WORDS words ("More from Opinion"). */
function boxTitle(line: string): boolean {
  teaserBoxTitles ??= ruleWordSet(MATCH_RULES.teaserBoxTitles);
  const words = foldString(line).replace(/[:\s]+$/u, '').trim().split(/\s+/u);
  for (let n = words.length; n >= Math.max(1, words.length - BOX_TITLE_EXTRA_WORDS); n--) if (teaserBoxTitles.has(words.slice(0, n).join(' '))) return true;
  return false;
}

/**
 * Whether text[start..end) stands in a teaser of a site's box ("Most read", "Самое читаемое", "Найпопулярніше",
 * "Meistgelesen": corpus/match-rules.json, teaserBoxTitles), in any case of writing (session 11): its line and every
 * line up to the box's heading (at most MAX_BOX_TEASERS) are short lines with no final full stop. Russian, Ukrainian
 * and German teasers are written in sentence case, so inHeadlineList (title case) never saw them: «"Зенит" ведёт
 * переговоры о продлении контракта с тренером» in the "Самое читаемое" box of a page about the war is another story.
 * A paragraph (a line ending with a full stop) or a blank line between ends the box.
 */
export function inTeaserBox(text: string, start: number, end: number): boolean {
  const own = shortLineAround(text, start, end);
  if (own === undefined || !teaserLine(text.slice(own[0], own[1]))) return false;
  let lo = own[0];
  for (let n = 0; n <= MAX_BOX_TEASERS && lo > 0; n++) {
    const prev = shortLineAround(text, lo - 1, lo - 1);
    if (prev === undefined) return false;
    const line = text.slice(prev[0], prev[1]);
    if (boxTitle(line)) return true;
    if (n === MAX_BOX_TEASERS || !teaserLine(line)) return false;
    lo = prev[0];
  }
  return false;
}

/**
 * A byline or a time line under a headline ("By Rachel Stern · Updated March 21", "Von Anna Berg", "Updated 10:40
 * GMT") is in title case too, but makes no list of headlines: the headline over it is the page's own.
 */
export const BYLINE_RE = /^(?:By|Von|Updated|Published|Aktualisiert|Veröffentlicht)\s/u;

/** A line of a site's menu: capitalised words only (TITLE_CASE_MINOR_WORDS in none), no punctuation but separators. */
function menuLine(line: string): boolean {
  if (/[.,:;!?'’"“”«»()–—-]/u.test(line)) return false;
  minorSet ??= new Set(TITLE_CASE_MINOR_WORDS.split(' '));
  return !line.split(/[\s|·•/]+/u).some((w) => minorSet!.has(w.toLowerCase()));
}

let minorSet: Set<string> | undefined;

/** The bounds of the line holding text[start..end) and of `lines` lines on each side (within the text). */
function linesAround(text: string, start: number, end: number, lines: number): [number, number] {
  let lo = start;
  for (let n = 0; n <= lines && lo > 0; n++) {
    const br = text.lastIndexOf('\n', lo - 1 - (n === 0 ? 0 : 1));
    lo = br < 0 ? 0 : br + 1;
    if (br < 0) break;
  }
  let hi = end;
  for (let n = 0; n <= lines && hi < text.length; n++) {
    const br = text.indexOf('\n', hi + (n === 0 ? 0 : 1));
    hi = br < 0 ? text.length : br;
    if (br < 0) break;
  }
  return [lo, hi];
}

/* ---------- Coordinated names ---------- */

/**
 * Words that join coordinated names sharing one noun: "Херсонской и
 * Запорожской областей", "Донецької, Луганської та Херсонської областей".
 */
export const COORDINATORS = ', и й і та або или чи ни ні ані und oder sowie';

/**
 * A ru/uk adjective of a region the record may lack, in any case: the stem of a place adjective (-ськ-, -цьк-,
 * -зьк-, -ск-, -цк-) and a case ending. The walk of coordinatedBefore steps over such a capitalised word to reach
 * the record's names further left ("Київська, Житомирська та Чернігівська області": Kyiv oblast, though the record
 * has neither Zhytomyr nor Chernihiv). Folded (the Ukrainian і folds to the Latin i).
 */
const REGION_ADJECTIVE = /(?:ськ|цьк|зьк|ск|цк)(?:ая|ой|ую|ою|ие|ых|ими|им|их|ий|ого|ому|ом|а|у|[іi]|ої|[іi]й|е)$/u;
/** At most this many unknown region adjectives are stepped over in one list: a longer run is no list of the record's. */
export const MAX_UNKNOWN_LIST_MEMBERS = 3;

let coordinatorSet: Set<string> | undefined;
const coordinators = (): Set<string> => (coordinatorSet ??= new Set(COORDINATORS.split(' ').map(foldString)));

/** "aliasIndex\ttext\tlang" lines for the header: the coordinable aliases (compiled cheaply, declined lazily on load). */
export function encodeCoordinable(aliases: readonly (readonly [alias: Alias, index: number])[]): string {
  return aliases.map(([a, i]) => `${i}\t${a.lang ?? ''}\t${a.text.replace(/\s+/gu, ' ')}`).join('\n');
}

/**
 * The coordinable aliases, decoded: for each head (the folded words after the first: "область", "народная
 * республика"), the declined first-word forms of the aliases with that head → alias index; and the head of each
 * alias. A coordinated word takes the entity whose name has the same head as the mention the list ends with:
 * "Донецкая и Луганская народные республики" are two republics, "Донецкая и Луганская области" two regions.
 */
export interface Coordinable {
  byHead: Map<string, Map<string, number>>;
  headOf: Map<number, string>;
  /** Per head, how many entities are named by an adjective before it (MIN_LIST_HEAD_ENTITIES). */
  headEntities: Map<string, number>;
  /** The search for list heads (listHeads), built on first use; kept here so a snapshot of the scanner carries it. */
  listHeads?: ListHeads;
}

/** `entityOf`: the entity index of an alias index. */
export function decodeCoordinable(encoded: string, entityOf: (aliasIndex: number) => number): Coordinable {
  const byHead = new Map<string, Map<string, number>>();
  const headOf = new Map<number, string>();
  const entitiesByHead = new Map<string, Set<number>>();
  const headEntities = new Map<string, number>();
  if (encoded === '') return { byHead, headOf, headEntities };
  for (const line of encoded.split('\n')) {
    const [index, lang, text] = line.split('\t') as [string, string, string];
    const folded = foldString(text);
    const head = folded.slice(folded.indexOf(' ') + 1);
    headOf.set(Number(index), head);
    let entities = entitiesByHead.get(head);
    if (entities === undefined) entitiesByHead.set(head, (entities = new Set()));
    entities.add(entityOf(Number(index)));
    let forms = byHead.get(head);
    if (forms === undefined) byHead.set(head, (forms = new Map()));
    for (const f of coordinatedForms(lang === '' ? { text } : { text, lang })) if (!forms.has(f)) forms.set(f, Number(index));
  }
  for (const [head, entities] of entitiesByHead) headEntities.set(head, entities.size);
  return { byHead, headOf, headEntities };
}

/**
 * The coordinated names before a mention of a coordinable alias at `start`:
 * walking left over a joining word (COORDINATORS, or a comma) and a word
 * that is a declined first word of a coordinable alias. Returns them right
 * to left, as [start, end, aliasIndex].
 */
export function coordinatedBefore(text: string, start: number, forms: ReadonlyMap<string, number>, floor: number): [number, number, number][] {
  const found: [number, number, number][] = [];
  let at = start;
  let unknown = 0;
  for (;;) {
    // Whitespace, a joining word or a comma (or both: "Крым, ни Херсонскую"), whitespace.
    let k = at;
    while (k > floor && isSpaceUnit(text.charCodeAt(k - 1))) k--;
    const joinEnd = k;
    let joinStart = k;
    if (k > floor && text[k - 1] === ',') joinStart = k - 1;
    else {
      while (joinStart > floor && CLASS[text.charCodeAt(joinStart - 1)] === WORD) joinStart--;
      if (joinStart === joinEnd || !coordinators().has(foldString(text.slice(joinStart, joinEnd)))) return found;
      let c = joinStart;
      while (c > floor && isLineSpaceUnit(text.charCodeAt(c - 1))) c--;
      if (c > floor && text[c - 1] === ',') joinStart = c - 1;
    }
    k = joinStart;
    while (k > floor && isSpaceUnit(text.charCodeAt(k - 1))) k--;
    // The comma of "А, Б и В" may be followed by the word directly; a joining word needs a space before it.
    if (k === joinStart && text[joinStart] !== ',') return found;
    const wordEndAt = k;
    let s = k;
    while (s > floor && CLASS[text.charCodeAt(s - 1)] === WORD) s--;
    if (s === wordEndAt) return found;
    const word = foldString(text.slice(s, wordEndAt));
    const alias = forms.get(word);
    if (!/\p{Lu}/u.test(text[s]!)) return found;
    if (alias !== undefined) found.push([s, wordEndAt, alias]);
    else if (!REGION_ADJECTIVE.test(word) || ++unknown > MAX_UNKNOWN_LIST_MEMBERS) return found;
    at = s;
  }
}

/**
 * Endings of a ru/uk adjective in any case and number (folded): the last
 * word of a coordinated list before the shared noun ("Николаевской",
 * "Дніпропетровської", "Черниговской"). Folding writes the Ukrainian і as the Latin i, so both stand for it.
 */
export const LIST_ADJECTIVE_ENDINGS = /(?:ой|ей|ая|ую|ою|ые|ие|ых|их|ым|им|ого|ому|ий|ый|ої|[іi]й|а|у|[іi]|е)$/u;

/**
 * A head noun is searched for lists that end in an unknown name only when at
 * least this many of the record's entities are named "adjective + that
 * noun": then it is the noun of a class whose members are listed together
 * (область: five regions; народная республика: two republics). A head that
 * names one entity is an institution's own name (Верховна Рада, российский
 * МИД, Слуга народу, Соединённые Штаты), never shared by a list with names
 * the record lacks; searching for it ("рад", "мид", "штат") only cost time.
 */
export const MIN_LIST_HEAD_ENTITIES = 2;

/** A word's stem for HEAD forms: without an adjective ending or a replaced noun ending. */
const headStem = (word: string): string => word.replace(/(?:ая|яя|ый|ий|ой|ое|ее|ые|ие|на|не|ні|ий)$/u, '').replace(/[аяьйоеиіы]$/u, '');

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Any Cyrillic letter: lists of coordinated ru/uk adjectives are searched only in texts that have one. */
const CYRILLIC_RE = /[\u0400-\u04ff]/u;

/** The search for list heads, built on first use: one pattern for all heads, over folded text. */
export interface ListHeads {
  /** Per head (in the pattern's group order): its first-word forms. */
  readonly forms: readonly Map<string, number>[];
  /** The stem of each head's last word: a chunk without any of them holds no head. */
  readonly probes: readonly string[];
  /** Group k + 1 is head k: its words' stems, each with up to 4 more letters, then no letter. */
  readonly pattern: RegExp;
  /** Any probe in the raw text: each folded unit is a class of the raw units that fold to it. */
  readonly rawProbe: RegExp;
  /** Most words in a head: how far left of its last word's stem a match can begin. */
  readonly maxWords: number;
}

/** The heads searched for lists that end in an unknown name (exported for the window test). */
export function listHeads(coordinable: Coordinable): ListHeads {
  let heads = coordinable.listHeads;
  if (heads !== undefined) return heads;
  const forms: Map<string, number>[] = [];
  const probes: string[] = [];
  const groups: string[] = [];
  let maxWords = 1;
  for (const [head, headForms] of coordinable.byHead) {
    if ((coordinable.headEntities.get(head) ?? 0) < MIN_LIST_HEAD_ENTITIES) continue;
    const stems = head.split(' ').map(headStem);
    forms.push(headForms);
    probes.push(stems[stems.length - 1]!);
    groups.push(`(${stems.map((w) => escapeRe(w) + '\\p{L}{0,4}').join(' +')})`);
    maxWords = Math.max(maxWords, stems.length);
  }
  // Folded text is lowercase, so no case-blind flag is needed; the word start is checked by hand (a leading
  // lookbehind slowed the search).
  const pattern = new RegExp(`(?:${groups.join('|') || '(?!)'})(?![\\p{L}\\p{M}])`, 'gu');
  heads = { forms, probes, pattern, rawProbe: rawProbePattern(probes), maxWords };
  coordinable.listHeads = heads;
  return heads;
}

const UTF16 = new TextDecoder('utf-16le');

/** The unit FOLD gives for u in a unit-for-unit fold (a unit that expands, ß, stays as written). */
const foldedUnit = (u: number): number => {
  const f = FOLD[u]!;
  return f === EXPANDS ? u : f;
};

/** text[from, to) folded unit for unit (foldedUnit), so offsets are the text's own less `from`. */
function foldedUnits(text: string, from: number, to: number): string {
  const units = new Uint16Array(to - from);
  for (let i = from; i < to; i++) units[i - from] = foldedUnit(text.charCodeAt(i));
  return UTF16.decode(units);
}

/**
 * One pattern that finds, in raw text, every place where the folded text holds one of `probes` (folded,
 * unit for unit): each unit becomes the class of the raw units that fold to it (і, І, i, I, í… for "i").
 */
function rawProbePattern(probes: readonly string[]): RegExp {
  if (probes.length === 0) return /(?!)/g;
  const wanted = new Set<number>();
  for (const p of probes) for (let i = 0; i < p.length; i++) wanted.add(p.charCodeAt(i));
  const raw = new Map<number, number[]>();
  for (let u = 0; u < 0x10000; u++) {
    if (u >= 0xd800 && u <= 0xdfff) continue;
    const f = foldedUnit(u);
    if (wanted.has(f)) (raw.get(f) ?? raw.set(f, []).get(f)!).push(u);
  }
  const hex = (u: number): string => `\\u${u.toString(16).padStart(4, '0')}`;
  const unitClass = (f: number): string => `[${raw.get(f)!.map(hex).join('')}]`;
  return new RegExp([...new Set(probes)].map((p) => Array.from(p, (ch) => unitClass(ch.charCodeAt(0))).join('')).join('|'), 'g');
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/** A unit that may be (part of) a letter or mark once folded: the pattern's \p{L}/\p{M} can only match these. */
const letterish = (u: number): boolean => {
  const c = CLASS[u];
  return c === WORD || c === MARK || c === SURROGATE || c === SKIP;
};

/**
 * The windows of the text that can hold a head (ListHeads.pattern) with the letter before it: around each place
 * the raw text holds a probe (the stem of a head's last word), from `maxWords - 1` words (and the spaces between)
 * to its left, plus one unit, to the end of its letters plus one unit (the pattern's look-ahead); overlapping
 * windows merged. Every match of the pattern in the whole folded text lies in one window, and a search of each
 * window finds the same matches, so only these are folded: a 20 MB document is no longer copied whole.
 */
function headWindows(text: string, heads: ListHeads): [number, number][] {
  const windows: [number, number][] = [];
  const probe = heads.rawProbe;
  probe.lastIndex = 0;
  for (let m = probe.exec(text); m !== null; m = probe.exec(text)) {
    const p = m.index;
    probe.lastIndex = p + 1;
    // A head's last word follows spaces (or, for a one-word head, begins the match, which needs no letter
    // before): a probe inside a word ("пирамида") starts no match, and its letters start none that reaches past them.
    if (p > 0 && LETTER_OR_MARK.test(String.fromCharCode(foldedUnit(text.charCodeAt(p - 1))))) continue;
    let s = p;
    for (let w = 1; w < heads.maxWords; w++) {
      while (s > 0 && CLASS[text.charCodeAt(s - 1)] === SPACE) s--;
      while (s > 0 && letterish(text.charCodeAt(s - 1))) s--;
    }
    s = Math.max(0, s - 1);
    let e = p;
    while (e < text.length && letterish(text.charCodeAt(e))) e++;
    e = Math.min(text.length, e + 1);
    const last = windows[windows.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else windows.push([s, e]);
  }
  return windows;
}

/**
 * Where a coordinated list of names that ends in a name the record lacks
 * begins its walk: an unknown capitalised adjective (LIST_ADJECTIVE_ENDINGS)
 * right before a declined form of a coordinable head noun ("…Херсонской и
 * Николаевской областях", "…Херсонської та Дніпропетровської областей",
 * "…Луганської та Одеської народних республік"). Returns the head's
 * first-word forms and the adjective's start; the walk (coordinatedBefore)
 * then finds the record's names to its left. An adjective that is itself a
 * known form is left to the walk from its mention. The chunk is folded once
 * and searched once for all heads (MIN_LIST_HEAD_ENTITIES), only when it
 * holds Cyrillic and the stem of some head.
 */
export function unknownListEnds(text: string, coordinable: Coordinable): [Map<string, number>, number][] {
  const heads = listHeads(coordinable);
  if (heads.forms.length === 0 || !CYRILLIC_RE.test(text)) return [];
  const starts: [Map<string, number>, number][] = [];
  const pattern = heads.pattern;
  for (const [from, to] of headWindows(text, heads)) {
    const folded = foldedUnits(text, from, to);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded); m !== null; m = pattern.exec(folded)) {
      const at = from + m.index;
      if (at > 0 && LETTER_OR_MARK.test(m.index > 0 ? folded[m.index - 1]! : String.fromCharCode(foldedUnit(text.charCodeAt(at - 1))))) continue;
      let group = 1;
      while (m[group] === undefined) group++;
      const forms = heads.forms[group - 1]!;
      let k = at;
      while (k > 0 && isSpaceUnit(text.charCodeAt(k - 1))) k--;
      if (k === at) continue;
      let s = k;
      while (s > 0 && CLASS[text.charCodeAt(s - 1)] === WORD) s--;
      const word = foldString(text.slice(s, k));
      if (s === k || !/\p{Lu}/u.test(text[s]!) || forms.has(word) || !LIST_ADJECTIVE_ENDINGS.test(word)) continue;
      starts.push([forms, s]);
    }
  }
  return starts;
}

/* ---------- Session 10: a city as the venue of a meeting to come; "talks" the verb ---------- */

/** Alias rule bit: an alias of an event (a bare city that names it: "Istanbul" for the 2022 talks). */
export const EVENT = 4096;
/** `objectWords` (header.objectWords): the head noun of an action counts only with its object after it (objectFollows). */
export const NEEDS_OBJECT = 8192;

/**
 * How many words after the head noun its object may start (session 11): the object itself ("вывод войск"), after one
 * or two modifiers ("вывода российских войск", "вывод всех оккупационных войск"). Further words are another phrase.
 */
export const OBJECT_MAX_WORDS = 3;

/**
 * Whether one of the next OBJECT_MAX_WORDS words after `end`, in the same clause (only whitespace between the words,
 * no punctuation, no line break), is one of `words` (folded; a word ending in "-" is a stem, any ending): the object that makes "вывод" the withdrawal of
 * troops ("вывода российских войск", "вывод ВСУ из Донецкой…", "виведення окупаційних військ"); "сделать вывод",
 * "вывод с рынка", "вывод средств российских инвесторов", "виведення з полиць" have none.
 */
export function objectFollows(text: string, end: number, words: readonly string[]): boolean {
  let k = end;
  for (let n = 0; n < OBJECT_MAX_WORDS; n++) {
    const gap = k;
    while (k < text.length && (text[k] === ' ' || text[k] === '\u00a0' || text[k] === '\t')) k++;
    if (k === gap || k >= text.length || CLASS[text.charCodeAt(k)] !== WORD) return false;
    const e = wordEnd(text, k);
    const w = foldString(text.slice(k, e));
    for (const o of words) if (o.endsWith('-') ? w.startsWith(o.slice(0, -1)) : w === o) return true;
    k = e;
  }
  return false;
}

/**
 * A meeting to come is future-marked (corpus/match-rules.json, review 10A RA3): a future or modal verb, or an offer
 * of the venue, before the city in its clause ("Turkey is ready to host a new round in Istanbul", "Турция
 * предложила провести очередной раунд переговоров в Стамбуле", "готова предоставить площадку в Стамбуле"), or a time
 * to come after it ("… in Istanbul next month", "… in Istanbul auszurichten"). A noun of hosting ("the host of the
 * talks in Istanbul", "Gastgeber") or a round's adjective ("очередной раунд", "a new round") says nothing of the
 * future: the 2022 rounds were each "the next round" and Turkey their host. A year of the 2022 talks or a past verb
 * between the cue and the city, or after the city in its clause, keeps the event ("… in Istanbul прошёл 29 марта
 * 2022 года", "offered to host talks like those held in Istanbul").
 */
let nextMeetingCueRe: RegExp | undefined;
/** nextMeetingCueRe with the global flag, made once (it was made at every call). */
let nextMeetingCueAllRe: RegExp | undefined;
let nextMeetingAfterRe: RegExp | undefined;
let pastMarkerRe: RegExp | undefined;
let meetingNounRe: RegExp | undefined;
/**
 * How far before the city's preposition (UTF-16 units, in its own sentence) a cue counts: the clause that offers the
 * venue ("ready to host a new round in Istanbul"), not a sentence that recalls a new round of 2022 much earlier.
 */
export const NEXT_MEETING_WINDOW_CHARS = 60;
/** How far after the city (in its clause: up to a comma, semicolon, colon or the sentence's end) a time to come or a past marker counts. */
export const NEXT_MEETING_AFTER_CHARS = 40;
/** Prepositions of a venue before the city: "in Istanbul", "в Стамбуле", "у Стамбулі", "in Istanbul". Folded. */
let venuePrepositions: Set<string> | undefined;
/** corpus/match-rules.json venuePrepositions, folded on first use (folding at module load would build the fold tables in every tab). */
const VENUE_PREPOSITIONS = { has: (w: string): boolean => (venuePrepositions ??= ruleWordSet(MATCH_RULES.venuePrepositions)).has(w) };

/**
 * Whether a bare city that names an event, text[start..), is the venue of a meeting to come (future-marked, see
 * above, in the same sentence): not the event.
 */
export function venueOfNextMeeting(text: string, start: number): boolean {
  return VENUE_PREPOSITIONS.has(wordBefore(text, start)) && nextMeetingAround(text, start, wordEnd(text, start));
}

let eventTimeRe: RegExp | undefined;

/**
 * Whether a bare city that names an event (an ambiguous EVENT alias: "Istanbul", «Стамбул») stands right after a
 * preposition of time on its line (corpus/match-rules.json, eventTimePrepositions): a city is no moment, so "every
 * pause since Istanbul", "Four Years After Istanbul", «после Стамбула», «після Стамбула», "seit Istanbul" name the
 * event (session 11). It confirms the name as a context word would; the event city stays gated (a page about the
 * record) and its other senses still reject it ("since Istanbul the grain corridor…"). "nach Istanbul", «до
 * Стамбула» also mean "to Istanbul" and are left out.
 */
export function eventAfterTimePreposition(text: string, start: number): boolean {
  if (eventTimeRe === undefined) {
    const words = ruleWordRegExp(MATCH_RULES.eventTimePrepositions);
    eventTimeRe = new RegExp(`${words.source} $`, 'u');
  }
  let k = start;
  while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\u00a0' || text[k - 1] === '\t')) k--;
  if (k === start) return false;
  const from = Math.max(0, text.lastIndexOf('\n', k - 1) + 1, k - 24);
  return eventTimeRe.test(foldString(text.slice(from, k)).replace(/\s+/gu, ' ') + ' ');
}

/**
 * Whether an event's name of talks at a place ("talks in Istanbul", "переговоры в Стамбуле": text[start..end) holds
 * a venue preposition) is the name of a meeting to come: "talks in Istanbul will resume next month", "готова
 * принять переговоры в Стамбуле"; its head must be a meeting's noun (meetingNouns: not "the war in Ukraine"). Names
 * without a preposition ("the Istanbul communiqué") are the event's whatever precedes them.
 */
export function nextMeetingAt(text: string, start: number, end: number): boolean {
  meetingNounRe ??= ruleWordRegExp(MATCH_RULES.meetingNouns);
  const inner = foldString(text.slice(start, end)).split(/\s+/u);
  const at = inner.findIndex((w, i) => i > 0 && i < inner.length - 1 && VENUE_PREPOSITIONS.has(w));
  // The name of a meeting ("talks in Istanbul", meetingNouns), not "the war in Ukraine".
  return at > 0 && meetingNounRe.test(inner.slice(0, at).join(' ')) && nextMeetingAround(text, start, end);
}

/** Whether the clause of the venue text[start..end) is future-marked and holds no past marker between the cue and the venue or after it. */
function nextMeetingAround(text: string, start: number, end: number): boolean {
  nextMeetingCueRe ??= ruleWordRegExp(MATCH_RULES.nextMeetingCues);
  nextMeetingAfterRe ??= ruleWordRegExp(MATCH_RULES.nextMeetingCuesAfter);
  pastMarkerRe ??= ruleWordRegExp(MATCH_RULES.pastMarkers);
  const [lo, hi] = sentenceAround(text, start, end);
  const fold = (s: string): string => foldString(s).replace(/\s+/gu, ' ');
  // The clause after the venue: to its first comma, semicolon or colon.
  let stop = end;
  while (stop < hi && stop - end < NEXT_MEETING_AFTER_CHARS && text.charCodeAt(stop) !== 0x2c && text.charCodeAt(stop) !== 0x3b && text.charCodeAt(stop) !== 0x3a) stop++;
  const after = fold(text.slice(end, stop));
  if (pastMarkerRe.test(after)) return false;
  if (nextMeetingAfterRe.test(after)) return true;
  const before = fold(text.slice(Math.max(lo, start - NEXT_MEETING_WINDOW_CHARS), start));
  // The last cue before the venue; what lies between them must not be the past.
  let last = -1;
  const all = (nextMeetingCueAllRe ??= new RegExp(nextMeetingCueRe.source, 'gu'));
  all.lastIndex = 0;
  for (let m = all.exec(before); m !== null; m = all.exec(before)) last = m.index + m[0].length;
  return last >= 0 && !pastMarkerRe.test(before.slice(last));
}

let verbSenseWords: Set<string> | undefined;
let verbSubjects: Set<string> | undefined;

/**
 * Whether text[start..end) is an English topic word that is also a verb of another sense (verbSenseWords in
 * corpus/match-rules.json: "talks" the negotiations, "talks" the verb to speak) after a subject that makes it the
 * verb in the third person (verbSubjects: pronouns and indefinite pronouns, "he talks about football"). A name is no
 * such subject ("Zelensky talks" may be a headline's "holds talks"). The other languages write the noun apart from
 * the verb (Gespräche/spricht, переговоры/говорит, перемовини/говорить).
 */
export function verbAfterSubject(text: string, start: number, end: number): boolean {
  verbSenseWords ??= ruleWordSet(MATCH_RULES.verbSenseWords);
  verbSubjects ??= ruleWordSet(MATCH_RULES.verbSubjects);
  return verbSenseWords.has(foldString(text.slice(start, end))) && verbSubjects.has(wordBefore(text, start));
}

/** Indefinite articles (folded): "an invasion", "einer Invasion" is some invasion, not the record's. */
export const INDEFINITE_ARTICLES = new Set(['a', 'an', 'ein', 'eine', 'einer', 'einen', 'einem', 'eines']);
/** Words that join an event's noun to the name of where it happened: "invasion of Iraq", "Invasion in den Irak", "вторжение в Ирак". Folded. */
const EVENT_PLACE_LINKS = new Set(['of', 'in', 'into', 'on', 'von', 'im', 'в', 'во', 'на', 'у', 'до']);

let ownEventPlaceRe: RegExp | undefined;
let monthsAndDaysRe: RegExp | undefined;

/**
 * Whether the common noun of a named event at text[start..end) ("invasion", "вторжение") is another event's: after
 * an indefinite article ("an invasion", "einer Invasion": some invasion) or, written in lowercase, before a link word
 * and a capitalised name ("invasion of Iraq", "вторжение в Ирак"; "the invasion of Ukraine" is the record's own
 * longer alias, matched first) that is neither the record's own place nor a month or day (ownEventPlaces,
 * monthsAndDays in corpus/match-rules.json: "the invasion in February 2022"). A German noun has its capital: only the article applies to it.
 */
export function anotherEventsNoun(text: string, start: number, end: number): boolean {
  if (INDEFINITE_ARTICLES.has(wordBefore(text, start))) return true;
  // A name in capitals (a city that names an event: "Istanbul in March 2022") is no common noun.
  if (!/^\p{Ll}/u.test(text[start]!)) return false;
  const m = /^[ \t\u00a0]+(\S+)[ \t\u00a0]+(?:(?:the|den|die|der|dem)[ \t\u00a0]+)?(\p{Lu}[\p{L}\p{M}'’]*)/u.exec(text.slice(end, end + 40));
  if (m === null || !EVENT_PLACE_LINKS.has(foldString(m[1]!))) return false;
  // The record's own place or a time (review 10A, RA20): "the invasion in February 2022", "вторгнення в Україну".
  ownEventPlaceRe ??= ruleWordRegExp(MATCH_RULES.ownEventPlaces);
  monthsAndDaysRe ??= ruleWordRegExp(MATCH_RULES.monthsAndDays);
  const place = foldString(m[2]!);
  return !(ownEventPlaceRe.test(place) || monthsAndDaysRe.test(place));
}

/* ---------- Session 10: a German plural head before coordinated names ---------- */

/**
 * Endings of a German plural noun over its singular (Volksrepubliken → Volksrepublik, Gebiete → Gebiet, Regionen →
 * Region), longest first: the singular + a name is looked up as a name of the record ("Volksrepublik Lugansk").
 */
export const GERMAN_PLURAL_ENDINGS = ['en', 'e', 'n'];
/** Joining words of a German list after a plural head: "Volksrepubliken Donezk und Lugansk", "…, Donezk sowie Lugansk". Folded. */
export const GERMAN_LIST_JOINERS = new Set(['und', 'sowie', 'oder']);
/** How many names a German list after a plural head holds at most ("die Volksrepubliken Donezk und Lugansk": two). */
export const MAX_PLURAL_LIST_MEMBERS = 3;

/**
 * The capitalised German plural noun right before text[start] on the same line (one space between), as
 * [its start, its singular forms to try]; undefined when the word before is none (lowercase, no plural ending).
 */
export function germanPluralHeadBefore(text: string, start: number): [number, string[]] | undefined {
  const gap = sameLineSpaceBefore(text, start);
  if (gap < 0 || start - gap > 1) return undefined;
  // Every plural ending ends in "e" or "n" (GERMAN_PLURAL_ENDINGS): any other last letter has no singular to try.
  const last = text.charCodeAt(gap - 1);
  if (last !== 0x65 && last !== 0x6e) return undefined;
  const w = wordEndingAt(text, gap);
  if (w === undefined || !/^\p{Lu}\p{Ll}{3,}$/u.test(text.slice(w[0], w[1]))) return undefined;
  const word = text.slice(w[0], w[1]);
  const singulars = GERMAN_PLURAL_ENDINGS.filter((e) => word.endsWith(e) && word.length - e.length >= 4).map((e) => word.slice(0, word.length - e.length));
  return singulars.length === 0 ? undefined : [w[0], singulars];
}

/**
 * The capitalised word before a member of a German list that starts at `start` (past a comma or a
 * GERMAN_LIST_JOINERS word), as [start, end]; undefined if none.
 */
/** Whether text[..k) ends with one of GERMAN_LIST_JOINERS, in any case (only ASCII letters lower-case to theirs). */
function endsWithJoiner(text: string, k: number): boolean {
  for (const j of GERMAN_LIST_JOINERS) {
    if (k < j.length) continue;
    let same = true;
    for (let i = 0; i < j.length && same; i++) same = (text.charCodeAt(k - j.length + i) | 0x20) === j.charCodeAt(i) && /[a-z]/i.test(text[k - j.length + i]!);
    if (same) return true;
  }
  return false;
}

export function germanListPrev(text: string, start: number): [number, number] | undefined {
  // What the pattern below needs at its end, tested first: a comma or a line space before `start` and, with no comma
  // there, a joining word before the spaces (no other word is taken).
  if (start === 0) return undefined;
  const c = text.charCodeAt(start - 1);
  if (c !== 0x2c && !isLineSpaceUnit(c)) return undefined;
  let k = start;
  while (k > 0 && isLineSpaceUnit(text.charCodeAt(k - 1))) k--;
  if (k > 0 && text.charCodeAt(k - 1) !== 0x2c && !endsWithJoiner(text, k)) return undefined;
  const lo = Math.max(0, start - 48);
  const m = /(\p{Lu}\p{L}+)(?:[ \t\u00a0]*,[ \t\u00a0]*|[ \t\u00a0]+(\p{L}+)[ \t\u00a0]+)$/u.exec(text.slice(lo, start));
  if (m === null || (m[2] !== undefined && !GERMAN_LIST_JOINERS.has(m[2].toLowerCase()))) return undefined;
  const s = lo + m.index;
  return [s, s + m[1]!.length];
}
