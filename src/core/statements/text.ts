/**
 * Paragraphs, sentences and words for the statement finder: plain scans, no
 * Intl.Segmenter (quadratic on long strings in Node 20), so the cost is
 * linear in the text. Offsets are UTF-16 indices into the original text.
 */
import type { Lang } from './types.ts';

export interface Range {
  start: number;
  end: number;
}

export interface Token extends Range {
  /** Lower case, ё→е, typographic apostrophes as "'". */
  low: string;
  /** First letter is upper case. */
  cap: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼ\u2010\u2011-][\p{L}\p{M}\p{N}]+)*/gu;

/** Letters that normalizeWord rewrites after lower-casing: most words have none, so one test spares three replaces. */
const REWRITTEN = /[ё’ʼ\u2010\u2011]/;

export function normalizeWord(w: string): string {
  const low = w.toLowerCase();
  return REWRITTEN.test(low) ? low.replace(/ё/g, 'е').replace(/[’ʼ]/g, "'").replace(/[\u2010\u2011]/g, '-') : low;
}

/** Upper case at `i`: ASCII and Cyrillic by code range, anything else through toLowerCase. */
function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c >= 65 && c <= 90;
  if (c >= 0x400 && c <= 0x42f) return true; // Ѐ–Я: Ё, Є, І, Ї among them (Ґ goes the slow way)
  if (c >= 0x430 && c <= 0x45f) return false;
  const ch = text.charAt(i);
  return ch !== ch.toLowerCase();
}

export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = start;
  for (;;) {
    const m = WORD.exec(text);
    if (!m || m.index >= end) break;
    const e = Math.min(m.index + m[0].length, end);
    out.push({ start: m.index, end: e, low: normalizeWord(e === m.index + m[0].length ? m[0] : text.slice(m.index, e)), cap: isUpperAt(text, m.index) });
  }
  return out;
}

const SPACE = /\s/;
/** White space at `i` (the common ASCII cases without a regex). */
export function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 128) return false;
  return SPACE.test(text.charAt(i));
}

/** Index of the first item starting at or after `pos` (items sorted by start: tokens, mentions, candidates). */
export function firstAtOrAfter(items: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A line that ends a sentence, a heading or a quote: the next line starts a paragraph of its own. */
const LINE_CLOSED = /[.!?…:;"”»“’)\]]\s*$/u;
/** Shortest line (characters) that is taken as hard-wrapped running text when the next line opens with a capital. */
const WRAPPED_LINE = 50;

/**
 * Paragraphs: runs of text between line breaks, trimmed of spaces. A hard-wrapped line (saved pages keep the
 * source's line breaks: "said that in addition to the slain⏎      foreigners …") is joined to the next: a line
 * that does not end a sentence continues when the next opens in lower case, or, for a long line, when the next
 * line is indented.
 */
export function paragraphs(text: string): Range[] {
  const out: Range[] = [];
  const re = /[^\n\r\u2028\u2029]+/g;
  let prevLineEnd = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && isSpaceAt(text, s)) s++;
    while (e > s && isSpaceAt(text, e - 1)) e--;
    if (e <= s) {
      prevLineEnd = -1;
      continue;
    }
    const last = out[out.length - 1];
    if (last && prevLineEnd === last.end && continuesLine(text, last, m.index, s)) last.end = e;
    else out.push({ start: s, end: e });
    prevLineEnd = e;
  }
  return out;
}

/** The line starting at `s` (its indentation from `lineStart`) continues the paragraph `last`, which it directly follows. */
function continuesLine(text: string, last: Range, lineStart: number, s: number): boolean {
  // Only a single line break between them (a blank line ends the paragraph).
  const gap = text.slice(last.end, lineStart);
  if ((gap.match(/[\n\r\u2028\u2029]/g) ?? []).length !== 1 && gap !== '\r\n') return false;
  const tail = text.slice(Math.max(last.start, last.end - 3), last.end);
  if (LINE_CLOSED.test(tail)) return false;
  const c = text.charAt(s);
  if (c !== c.toUpperCase() && c === c.toLowerCase() && /\p{L}/u.test(c)) return true;
  const lineLen = last.end - Math.max(last.start, text.lastIndexOf('\n', last.end - 1) + 1);
  return lineLen >= WRAPPED_LINE && s - lineStart >= 4 && /[\p{Ll},]$/u.test(tail);
}

/** Candidate sentence ends: terminal punctuation, closing marks, spaces, then something that may open a sentence. */
const BOUNDARY = /[.!?…]+["”»’“)\]]*(?=\s+(?:[-–—]\s*)?["“„«‚‘(\[]?[\p{Lu}\p{N}])/gu;
const WORD_BEFORE = /([\p{L}][\p{L}.]*)$/u;

/** A German month name after an ordinal's full stop ("1. Dezember"): no sentence ends there. */
const GERMAN_MONTH_AFTER = /^\s+(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)(?![\p{L}])/u;

/** Sentences of one paragraph. A full stop after an abbreviation or an initial does not end one. */
export function sentences(text: string, para: Range, abbreviations: ReadonlySet<string>): Range[] {
  const out: Range[] = [];
  let start = para.start;
  const slice = text.slice(para.start, para.end);
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(slice); m; m = BOUNDARY.exec(slice)) {
    const at = para.start + m.index;
    if (m[0].charAt(0) === '.' && m[0].length === 1) {
      const w = WORD_BEFORE.exec(text.slice(Math.max(start, at - 20), at))?.[1];
      if (w !== undefined) {
        const low = normalizeWord(w);
        // An initial (V. Putin, В. Путин) or a listed abbreviation.
        if (w.length === 1 && w !== w.toLowerCase()) continue;
        if (abbreviations.has(low)) continue;
      }
      // A German ordinal date: "am 1. Dezember", "bis zum 24. Februar 2022".
      if (/(?<![\p{L}\p{N}])\d{1,2}$/u.test(text.slice(Math.max(start, at - 3), at)) && GERMAN_MONTH_AFTER.test(text.slice(at + 1, at + 16))) continue;
    }
    const end = at + m[0].length;
    out.push({ start, end });
    start = end;
    while (start < para.end && isSpaceAt(text, start)) start++;
  }
  if (start < para.end) out.push({ start, end: para.end });
  return out;
}

const LATIN = 1;
const CYRILLIC = 2;
const CYRILLIC_UK = 3;
const CYRILLIC_RU = 4;
/** The script class of each UTF-16 unit below U+0500 (0: neither Latin letter nor Cyrillic). */
const SCRIPT_CLASS = (() => {
  const t = new Uint8Array(0x500);
  for (let c = 65; c <= 122; c++) if (c <= 90 || c >= 97) t[c] = LATIN;
  for (let c = 0x400; c < 0x500; c++) t[c] = CYRILLIC;
  for (const ch of 'іїєґІЇЄҐ') t[ch.charCodeAt(0)] = CYRILLIC_UK;
  for (const ch of 'ыэъёЫЭЪЁ') t[ch.charCodeAt(0)] = CYRILLIC_RU;
  return t;
})();

/**
 * Counts of `sample`'s units by script class. A function of its own with one table lookup per unit: the loop is hot on
 * every file, and V8 compiles it on the stack (OSR) during the first long text; with the verdict after the loop in the
 * same function, that code met operations it had never seen run and was thrown away again on every file (20 to 390
 * deopts over the extraction set).
 */
function countScripts(sample: string, counts: Int32Array): void {
  const table = SCRIPT_CLASS;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    counts[c < 0x500 ? table[c]! : 0]!++;
  }
}

/** The language of a text from its letters and a few frequent words. */
export function guessLang(text: string): Lang {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const counts = new Int32Array(5);
  countScripts(sample, counts);
  const lat = counts[LATIN]!;
  const cyr = counts[CYRILLIC]! + counts[CYRILLIC_UK]! + counts[CYRILLIC_RU]!;
  if (cyr > lat) return counts[CYRILLIC_UK]! > counts[CYRILLIC_RU]! ? 'uk' : 'ru';
  const de = (sample.match(/\b(?:der|die|das|und|nicht|sagte|mit|für|ist|auf|dass|zu)\b|[äöüß]/giu) ?? []).length;
  const en = (sample.match(/\b(?:the|and|of|to|said|is|that|with|for|on)\b/giu) ?? []).length;
  return de > en ? 'de' : 'en';
}
