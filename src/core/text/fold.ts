/**
 * Text folding with an exact map back to the original UTF-16 offsets.
 *
 * The text is read as a sequence of items: a letter with the combining marks
 * after it (composed with NFC, then folded; marks that do not compose are
 * dropped), a run of whitespace (one space), or a skipped invisible unit
 * (soft hyphen, zero-width characters: no output). The matcher's scan loop
 * reads items the same way without building this copy; this module is for
 * aliases, context words and the reference matcher in tests.
 */
import { CLASS as CLASS_, EXPANDS as EXPANDS_, FOLD as FOLD_, MARK as MARK_, OTHER as OTHER_, SKIP as SKIP_, SPACE as SPACE_, SURROGATE as SURROGATE_, WORD as WORD_, EXPANSIONS, ensureFoldTables } from './fold-table.ts';

// Module-local copies: some transpilers turn imported bindings into getters, too slow for the scan loop.
const CLASS = CLASS_;
const EXPANDS = EXPANDS_;
const FOLD = FOLD_;
const MARK = MARK_;
const OTHER = OTHER_;
const SKIP = SKIP_;
const SPACE = SPACE_;
const SURROGATE = SURROGATE_;
const WORD = WORD_;


export { CLASS, FOLD, ensureFoldTables, isWordCodePointAt } from './fold-table.ts';

/** A folded text: unit k of `folded` comes from the item text.slice(itemStart[k], itemEnd[k]). */
export interface FoldedText {
  folded: string;
  itemStart: Int32Array;
  itemEnd: Int32Array;
}

/** The raw unit that stands for the item text[i..end): NFC of letter + marks, first unit. */
export function composedUnit(text: string, i: number, end: number): number {
  if (end - i === 1) return text.charCodeAt(i);
  return text.slice(i, end).normalize('NFC').charCodeAt(0);
}

/** Index after the combining marks that follow position `i`. */
export function skipMarks(text: string, i: number): number {
  while (i < text.length && CLASS[text.charCodeAt(i)] === MARK) i++;
  return i;
}

/** Fold a whole text and keep, for every folded unit, the original item it came from. */
export function foldWithMap(text: string): FoldedText {
  ensureFoldTables();
  const units: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (unit: number, start: number, end: number): void => {
    units.push(unit);
    starts.push(start);
    ends.push(end);
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = CLASS[c];
    if (cls === SKIP || cls === MARK) {
      // An invisible unit, or a mark with no letter before it: nothing to match.
      i++;
      continue;
    }
    if (cls === SPACE) {
      let j = i + 1;
      while (j < n && (CLASS[text.charCodeAt(j)] === SPACE || CLASS[text.charCodeAt(j)] === SKIP)) j++;
      push(0x20, i, j);
      i = j;
      continue;
    }
    if (cls === SURROGATE) {
      const pair = c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      const end = skipMarks(text, i + (pair ? 2 : 1));
      push(c, i, end);
      if (pair) push(text.charCodeAt(i + 1), i, end);
      i = end;
      continue;
    }
    const end = skipMarks(text, i + 1);
    const raw = composedUnit(text, i, end);
    const f = FOLD[raw]!;
    if (f === EXPANDS) {
      for (const e of EXPANSIONS.get(raw) ?? '') push(e.charCodeAt(0), i, end);
    } else {
      push(f, i, end);
    }
    i = end;
  }
  return { folded: unitsToString(units), itemStart: Int32Array.from(starts), itemEnd: Int32Array.from(ends) };
}

/** Spread limit for String.fromCharCode, well below engines' argument limits. */
const FROM_CHAR_CODE_CHUNK = 8192;

function unitsToString(units: number[]): string {
  if (units.length <= FROM_CHAR_CODE_CHUNK) return String.fromCharCode.apply(null, units);
  let out = '';
  for (let i = 0; i < units.length; i += FROM_CHAR_CODE_CHUNK) {
    out += String.fromCharCode(...units.slice(i, i + FROM_CHAR_CODE_CHUNK));
  }
  return out;
}

/** A unit that can start or end a text folded by the plain path (a letter, digit or punctuation). */
const isPlainEdge = (c: number): boolean => CLASS[c] === WORD || CLASS[c] === OTHER;

/**
 * Whether foldString(text) is `lower` (text.toLowerCase(), as long): every
 * item is one unit with no mark after it whose FOLD is its lower case, and
 * every whitespace item is a single space between two such units, so the item
 * loop would give FOLD of each unit in turn. Reads each unit of `text` once.
 */
function foldsToItself(text: string, lower: string): boolean {
  const n = text.length;
  let c = text.charCodeAt(0);
  let cls: number = CLASS[c]!;
  for (let i = 0; i < n; i++) {
    const f = FOLD[c]!;
    if (f !== lower.charCodeAt(i) || f === EXPANDS) return false;
    // The next unit and its class (none after the last: no reads past the end).
    let next = 0;
    let nextCls = -1;
    if (i + 1 < n) {
      next = text.charCodeAt(i + 1);
      nextCls = CLASS[next]!;
    }
    if (cls === WORD || cls === OTHER) {
      if (nextCls === MARK) return false;
    } else if (cls !== SPACE || i === 0 || (nextCls !== WORD && nextCls !== OTHER)) {
      // Skipped units, marks, surrogates, runs of whitespace and whitespace at the ends change the length.
      return false;
    }
    c = next;
    cls = nextCls;
  }
  return true;
}

/** Fold a short string (alias, context word): whitespace runs become one space, trimmed. Same items as foldWithMap. */
export function foldString(text: string): string {
  ensureFoldTables();
  const n = text.length;
  // Most aliases and words fold unit by unit to their lower case: then that
  // (a flat string made by the engine) is the result, with no units to collect.
  if (n > 0 && isPlainEdge(text.charCodeAt(0)) && isPlainEdge(text.charCodeAt(n - 1))) {
    const lower = text.toLowerCase();
    if (lower.length === n && foldsToItself(text, lower)) return lower;
  }
  const units: number[] = [];
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = CLASS[c];
    if (cls === WORD && FOLD[c] !== EXPANDS && (i + 1 === n || CLASS[text.charCodeAt(i + 1)] !== MARK)) {
      // The usual item: one letter, no marks after it.
      units.push(FOLD[c]!);
      i++;
    } else if (cls === SKIP || cls === MARK) {
      i++;
    } else if (cls === SPACE) {
      while (i < n && (CLASS[text.charCodeAt(i)] === SPACE || CLASS[text.charCodeAt(i)] === SKIP)) i++;
      if (units.length > 0 && i < n) units.push(0x20);
    } else if (cls === SURROGATE) {
      units.push(c);
      i++;
    } else {
      const end = skipMarks(text, i + 1);
      const raw = composedUnit(text, i, end);
      const f = FOLD[raw]!;
      if (f === EXPANDS) for (const e of EXPANSIONS.get(raw) ?? '') units.push(e.charCodeAt(0));
      else units.push(f);
      i = end;
    }
  }
  return unitsToString(units);
}
