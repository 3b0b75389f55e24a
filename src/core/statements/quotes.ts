/**
 * Quote spans in a paragraph, in every style the four languages print:
 * "…", “…”, «…», „…“, „…”, ‚…‘, ‘…’, ‹…›, '…' (typewriter single quotes: opening
 * before a letter and after none, closing after a letter or punctuation and
 * before none). Only top-level quotes are
 * returned (a quote inside «…» stays inside it). An apostrophe between
 * letters (Putin’s) is never a quote mark.
 */
import type { Range } from './text.ts';

export interface QuoteSpan {
  /** Offsets of the opening and closing marks (closing end exclusive). */
  start: number;
  end: number;
  /** The words between the marks. */
  inner: Range;
  /** The opening mark had no closing mark in the paragraph: the quote runs to its end. */
  open: boolean;
}

const CLOSE_FOR: Readonly<Record<string, string>> = {
  '“': '”',
  '«': '»',
  '„': '“”',
  '‚': '‘’',
  '‘': '’',
  '‹': '›',
  '"': '"',
  "'": "'",
};

const MARKS = '“”«»„‚‘’‹›"\'';
/** What stands before a quote mark that opens a sentence: its end punctuation, perhaps a closing mark, a space. */
const OPENS_SENTENCE = /[.!?…:]["”»“’]?\s+$/u;

const isLetter = (c: string) => c !== '' && /[\p{L}\p{N}]/u.test(c);

export function findQuotes(text: string, start: number, end: number): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const stack: { mark: string; at: number }[] = [];
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    // Every mark is '"' or in U+00AB–U+203A: most units are skipped by two comparisons.
    if (code !== 34 && code !== 39 && (code < 0xab || code > 0x203a || !MARKS.includes(text.charAt(i)))) continue;
    const c = text.charAt(i);
    const before = i > start ? text.charAt(i - 1) : '';
    const after = i + 1 < end ? text.charAt(i + 1) : '';
    let top = stack[stack.length - 1];
    // A typewriter single quote left open inside another quote ("the 'hawks"): the outer quote's closer closes both.
    if (top?.mark === "'" && c !== "'" && stack.length > 1 && CLOSE_FOR[stack[stack.length - 2]!.mark]!.includes(c) && !(isLetter(before) && isLetter(after))) {
      stack.pop();
      top = stack[stack.length - 1];
    }
    // Closing the innermost open quote?
    if (top && CLOSE_FOR[top.mark]!.includes(c)) {
      if ((c === '’' || c === '‘' || c === '"' || c === "'") && isLetter(before) && isLetter(after)) continue; // apostrophe
      // A typewriter single quote closes after a letter or punctuation, before a space, punctuation or the end.
      if (c === "'" && (isLetter(after) || !(isLetter(before) || /[.,!?…]/u.test(before)))) continue;
      // A plural possessive inside the quote ("'The Ukrainians' position has not changed,' X said"): after an "s",
      // before a lower-case word, with a closer still to come in the paragraph (review 10A, RA10).
      if (c === "'" && (before === 's' || before === 'S') && /^\s\p{Ll}/u.test(text.slice(i + 1, i + 3)) && typewriterCloserAfter(text, i + 1, end)) continue;
      if (c === '"' && !(isLetter(before) || /[.,!?…:;)\]-]/u.test(before) || /[\s.,!?…:;)\]—–-]/u.test(after) || after === '')) continue;
      stack.pop();
      if (stack.length === 0) out.push({ start: top.at, end: i + 1, inner: { start: top.at + 1, end: i }, open: false });
      continue;
    }
    // Opening one?
    if (c === '’' || c === '»' || c === '”' || c === '›') continue; // stray closers and apostrophes
    if ((c === '‘' || c === "'") && (isLetter(before) || !isLetter(after))) continue;
    if (c === '‚' && !isLetter(after)) continue;
    if (c === '"' && isLetter(before)) continue;
    if (c === '“' && top?.mark === '“') continue; // a second “ inside “ (typo): ignore
    stack.push({ mark: c, at: i });
  }
  // An unclosed quote that opens the paragraph, or a sentence of it, runs to its end (multi-paragraph quotes:
  // "“…,” she said. “Most of us …⏎“DNP is …”").
  const first = stack[0];
  if (first && (first.at === start || OPENS_SENTENCE.test(text.slice(Math.max(start, first.at - 4), first.at))) && first.mark !== '‘' && first.mark !== '‚' && first.mark !== "'") {
    out.push({ start: first.at, end, inner: { start: first.at + 1, end }, open: true });
  }
  return out;
}

/** A typewriter single quote that can close a quote (after a letter or punctuation, before no letter) in [from, end). */
function typewriterCloserAfter(text: string, from: number, end: number): boolean {
  for (let k = text.indexOf("'", from); k >= 0 && k < end; k = text.indexOf("'", k + 1)) {
    const b = text.charAt(k - 1);
    const a = k + 1 < end ? text.charAt(k + 1) : '';
    if (!isLetter(a) && (isLetter(b) || /[.,!?…]/u.test(b))) return true;
  }
  return false;
}

/** The words of a quote without surrounding spaces. */
export function trimRange(text: string, r: Range): Range {
  let s = r.start;
  let e = r.end;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}
