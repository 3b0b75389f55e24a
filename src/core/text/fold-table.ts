/**
 * Per-code-unit folding tables.
 *
 * FOLD[u] is the folded UTF-16 unit for the raw unit u, so folding can run
 * inside a scan loop without copying the text. CLASS[u] says how the unit
 * takes part in words. See docs/matching.md for the rules and their reasons.
 *
 * Building them asks the engine about all 65,536 units (30–85 ms), too long
 * for a tab at document_start. So the arrays exist from module load but are
 * filled only on demand: `installFoldTables` fills them from the compact form
 * that a serialised matcher carries (encodeFoldTables, ~9 KB; well under 1 ms
 * to decode), and `ensureFoldTables` builds them when nothing was installed
 * (Node, CLI, the service worker). Folding functions and the matcher call
 * ensureFoldTables themselves; code that reads FOLD/CLASS directly must run
 * after one of them.
 */

/* How a raw code unit takes part in the text (values of CLASS). Plain numbers, not an enum, for the hot loop. */
/** Punctuation, symbols, quotes, dashes: a word boundary. */
export const OTHER = 0;
/** A letter or digit (\p{L}, \p{N}). */
export const WORD = 1;
/** Whitespace of any kind; a run of them folds to one space. */
export const SPACE = 2;
/** Invisible inside words (soft hyphen, zero-width characters): skipped. */
export const SKIP = 3;
/** A combining mark (\p{M}): part of the letter before it, dropped after NFC. */
export const MARK = 4;
/** Half of a surrogate pair: classified by code point, on the slow path. */
export const SURROGATE = 5;

/** FOLD value meaning "this unit folds to more than one unit": see EXPANSIONS. */
export const EXPANDS = 0xffff;

/**
 * Latin letters with diacritics, by the base letter they fold to. Written out
 * (not derived from NFD) so that nothing outside Latin is stripped: Cyrillic
 * й/и and ї/і must stay distinct. Upper case is folded first by toLowerCase.
 */
const LATIN_DIACRITICS: Readonly<Record<string, string>> = {
  a: 'àáâãäåāăąǎǟǡǻȁȃȧạảấầẩẫậắằẳẵặ',
  c: 'çćĉċč',
  d: 'ďđð',
  e: 'èéêëēĕėęěȅȇȩẹẻẽếềểễệ',
  g: 'ĝğġģǧǵ',
  h: 'ĥħ',
  i: 'ìíîïĩīĭįıǐȉȋịỉ',
  j: 'ĵǰ',
  k: 'ķǩ',
  l: 'ĺļľŀł',
  n: 'ñńņňŉǹ',
  o: 'òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱọỏốồổỗộớờởỡợ',
  r: 'ŕŗřȑȓ',
  s: 'śŝşšșſ',
  t: 'ţťŧț',
  u: 'ùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữự',
  w: 'ŵẁẃẅ',
  y: 'ýÿŷỳỵỷỹȳ',
  z: 'źżžƶ',
};

/** Letters that fold to two units (German ß ↔ ss, ligatures), by lower-case unit. */
const LOWER_EXPANSIONS: ReadonlyMap<number, string> = new Map([
  [0xdf, 'ss'], // ß
  [0x1e9e, 'ss'], // ẞ
  [0xe6, 'ae'], // æ
  [0x153, 'oe'], // œ
  [0xfe, 'th'], // þ
  [0x133, 'ij'], // ĳ
]);

/**
 * Other single-unit folds. Cyrillic ё → е (Russian writes both). Cyrillic і →
 * Latin i: Ukrainian text is often typed with a Latin i (older keyboard
 * layouts), so "Київ" typed with a Latin i still matches; ї, й, є, ґ stay.
 */
const SINGLE_FOLDS: ReadonlyArray<readonly [string, string]> = [
  ['ё', 'е'],
  ['і', 'i'],
  ['ς', 'σ'],
  ...[...'’\'ʼ‘`´ʻ′‛'].map((q) => [q, "'"] as const),
  ...[...'“”„«»″‟'].map((q) => [q, '"'] as const),
  ...[...'‐‑‒–—―−⁃'].map((d) => [d, '-'] as const),
];

/** Invisible characters that may sit inside a word: soft hyphen, ZWSP, ZWNJ, ZWJ, word joiner, BOM. */
const SKIPPED = '\u00ad\u200b\u200c\u200d\u2060\ufeff';

const WORD_RE = /[\p{L}\p{N}]/u;
const MARK_RE = /\p{M}/u;
const SPACE_RE = /\s/u;

/** The three tables, as built or decoded. */
export interface FoldTables {
  fold: Uint16Array;
  cls: Uint8Array;
  expansions: Map<number, string>;
}

/**
 * The tables in compact form, structured-clonable: the units that do not fold
 * to themselves (about 1,400 of 65,536), CLASS as runs, the expansions.
 */
export interface EncodedFoldTables {
  /** unit, folded unit, unit, folded unit, … for every unit with FOLD[u] !== u, ascending. */
  foldPairs: Uint16Array;
  /** First unit of each run of equal CLASS values, ascending, starting at 0. */
  classRunStarts: Uint16Array;
  /** CLASS value of each run. */
  classRunValues: Uint8Array;
  /** [unit, folded units] for every unit whose FOLD is EXPANDS. */
  expansions: [number, string][];
}

/** Ask the engine about every unit: the definition of the tables. */
export function buildFoldTables(): FoldTables {
  const expansions = new Map<number, string>();
  const fold = new Uint16Array(0x10000);
  const cls = new Uint8Array(0x10000);
  const base = new Map<number, number>();
  for (const [to, froms] of Object.entries(LATIN_DIACRITICS)) {
    for (const from of froms) base.set(from.charCodeAt(0), to.charCodeAt(0));
  }
  for (const [from, to] of SINGLE_FOLDS) base.set(from.charCodeAt(0), to.charCodeAt(0));

  for (let u = 0; u < 0x10000; u++) {
    if (u >= 0xd800 && u <= 0xdfff) {
      fold[u] = u;
      cls[u] = SURROGATE;
      continue;
    }
    const ch = String.fromCharCode(u);
    const lower = ch.toLowerCase();
    // 'İ'.toLowerCase() is "i̇" (two units): keep its first unit.
    let f = lower.charCodeAt(0);
    f = base.get(f) ?? f;
    const expansion = LOWER_EXPANSIONS.get(u) ?? LOWER_EXPANSIONS.get(f);
    if (expansion !== undefined) {
      f = EXPANDS;
      expansions.set(u, expansion);
    }
    fold[u] = f;
    if (SKIPPED.includes(ch)) cls[u] = SKIP;
    else if (SPACE_RE.test(ch)) cls[u] = SPACE;
    else if (MARK_RE.test(ch)) cls[u] = MARK;
    else if (f === 0x27 || f === 0x22 || f === 0x2d) cls[u] = OTHER;
    else if (WORD_RE.test(ch)) cls[u] = WORD;
    else cls[u] = OTHER;
    if (cls[u] === SPACE) fold[u] = 0x20;
  }
  return { fold, cls, expansions };
}

/** Folded unit of each raw UTF-16 unit (EXPANDS for ß and ligatures). Filled by ensureFoldTables/installFoldTables. */
export const FOLD: Uint16Array = new Uint16Array(0x10000);
/** Class of each raw UTF-16 unit. Filled by ensureFoldTables/installFoldTables. */
export const CLASS: Uint8Array = new Uint8Array(0x10000);
const expansionsMap = new Map<number, string>();
/** The folded units of each raw unit whose FOLD is EXPANDS (ß, ẞ → "ss"; Æ, æ → "ae"; …). */
export const EXPANSIONS: ReadonlyMap<number, string> = expansionsMap;

let source: 'none' | 'built' | 'installed' = 'none';

/** How the shared tables were filled so far: not yet, built here, or installed from an encoded copy. */
export function foldTablesSource(): 'none' | 'built' | 'installed' {
  return source;
}

function fill(t: FoldTables): void {
  FOLD.set(t.fold);
  CLASS.set(t.cls);
  expansionsMap.clear();
  for (const [u, e] of t.expansions) expansionsMap.set(u, e);
}

/** Fill the shared tables by building them, unless they are filled already. */
export function ensureFoldTables(): void {
  if (source !== 'none') return;
  fill(buildFoldTables());
  source = 'built';
}

/** Fill the shared tables from an encoded copy (a serialised matcher's), unless they are filled already. */
export function installFoldTables(encoded: EncodedFoldTables): void {
  if (source !== 'none') return;
  fill(decodeFoldTables(encoded));
  source = 'installed';
}

/** The shared tables as they are (built first if need be): 192 KB, for a store that values load time over size (the CLI's cache). */
export function currentFoldTables(): FoldTables {
  ensureFoldTables();
  return { fold: FOLD, cls: CLASS, expansions: expansionsMap };
}

/** Fill the shared tables from a copy of currentFoldTables(), unless they are filled already (no decoding: a copy). */
export function installFoldTablesAsIs(t: FoldTables): void {
  if (source !== 'none') return;
  fill(t);
  source = 'installed';
}

/** The compact form of the shared tables (built first if need be). */
export function encodeFoldTables(): EncodedFoldTables {
  ensureFoldTables();
  return encodeTables({ fold: FOLD, cls: CLASS, expansions: expansionsMap });
}

export function encodeTables(t: FoldTables): EncodedFoldTables {
  const pairs: number[] = [];
  const starts: number[] = [];
  const values: number[] = [];
  for (let u = 0; u < 0x10000; u++) {
    if (t.fold[u] !== u) pairs.push(u, t.fold[u]!);
    if (u === 0 || t.cls[u] !== t.cls[u - 1]) {
      starts.push(u);
      values.push(t.cls[u]!);
    }
  }
  return {
    foldPairs: Uint16Array.from(pairs),
    classRunStarts: Uint16Array.from(starts),
    classRunValues: Uint8Array.from(values),
    expansions: [...t.expansions],
  };
}

export function decodeFoldTables(e: EncodedFoldTables): FoldTables {
  const fold = new Uint16Array(0x10000);
  for (let u = 0; u < 0x10000; u++) fold[u] = u;
  for (let k = 0; k + 1 < e.foldPairs.length; k += 2) fold[e.foldPairs[k]!] = e.foldPairs[k + 1]!;
  const cls = new Uint8Array(0x10000);
  const runs = e.classRunStarts.length;
  for (let r = 0; r < runs; r++) cls.fill(e.classRunValues[r]!, e.classRunStarts[r]!, r + 1 < runs ? e.classRunStarts[r + 1]! : 0x10000);
  return { fold, cls, expansions: new Map(e.expansions) };
}

const WORD_OR_MARK_RE = /[\p{L}\p{M}\p{N}]/u;

/** Whether the code point starting at `i` is a letter, mark or digit (slow path for surrogates). */
export function isWordCodePointAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  return cp !== undefined && WORD_OR_MARK_RE.test(String.fromCodePoint(cp));
}
