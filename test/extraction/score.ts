/**
 * Scoring the statement finder against hand-annotated gold (issue 12), in
 * the manner of BBC's citron: statements found (content overlap and right
 * speaker), and each span type (speaker, cue, content) by exact and by
 * overlap match.
 *
 * A predicted statement matches a gold one when their content spans overlap
 * by at least half of EACH span (so neither a tiny span inside a long one
 * nor a long span around a short one counts) and the speaker is the same
 * entity, or — for a speaker the record does not have — the same name
 * (folded; one name containing the other, "Obama" ~ "Barack Obama").
 */
import { foldString } from '../../src/core/text/fold.ts';

export interface SpanLike {
  start: number;
  end: number;
}

export interface PredStatement {
  speakerId: string | null;
  speakerName: string;
  speakerStart: number | null;
  speakerEnd: number | null;
  cueStart: number | null;
  cueEnd: number | null;
  start: number;
  end: number;
  kind: 'direct' | 'indirect' | 'mixed';
}

export type GoldLike = PredStatement;

export interface Counts {
  tp: number;
  /** Predictions (precision denominator). */
  pred: number;
  /** Gold statements (recall denominator). */
  gold: number;
  /** Gold statements matched (recall numerator; may differ from tp when one side has duplicates). */
  found: number;
}

export const emptyCounts = (): Counts => ({ tp: 0, pred: 0, gold: 0, found: 0 });

export function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, pred: a.pred + b.pred, gold: a.gold + b.gold, found: a.found + b.found };
}

export const precision = (c: Counts) => (c.pred === 0 ? 1 : c.tp / c.pred);
export const recall = (c: Counts) => (c.gold === 0 ? 1 : c.found / c.gold);

function overlap(a: SpanLike, b: SpanLike): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** At least half of each span lies in the other. */
export function halfOverlap(a: SpanLike, b: SpanLike): boolean {
  const o = overlap(a, b);
  return o > 0 && o * 2 >= a.end - a.start && o * 2 >= b.end - b.start;
}

const norm = (s: string) => foldString(s).replace(/[^\p{L}\p{N} ]/gu, '').trim();

export function sameSpeaker(p: PredStatement, g: GoldLike): boolean {
  if (g.speakerId !== null) return p.speakerId === g.speakerId;
  if (p.speakerId !== null) return false;
  const a = norm(p.speakerName);
  const b = norm(g.speakerName);
  return a !== '' && b !== '' && (a === b || a.includes(b) || b.includes(a));
}

/**
 * The annotators' disagreement on "“A,” he said. “B.”" (test/extraction-set/README.md, Scoring): the guidelines call it a
 * statement plus a continuation, the first annotator labelled some such pairs as one statement with the cue inside.
 * Both gold and system output go through `splitAtCue` before matching, so both conventions score the same, and a
 * continuation the other side missed costs recall (or precision) like any statement.
 *
 * A statement is cut in two when all hold:
 * - its cue (and the speaker, when it stands there) lies inside its content, after some of the words;
 * - the cue's sentence ends inside the content: after the cue come only attribution words (no quote marks, no line
 *   break), then . ! ? or …, then the further words;
 * Then the statement keeps the words before its speaker and cue (without the closing marks and the comma or dash), and
 * a continuation — no cue, the statement's own speaker span — takes the words after the cue's sentence (past spaces and
 * opening marks). "“A,” he said, “B.”" (one sentence) and "A, he said, B." stay one statement.
 */
const QUOTE_MARKS = '"\'«»“”„‟‘’‚‛‹›「」『』';
/** A month written short ("Feb. 24"): its full stop ends no sentence. */
const MONTHS_SHORT = String.raw`(?<!\p{L})(?:Jan|Feb|Febr|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Okt|Dez|янв|февр|апр|авг|сент|окт|нояб|дек|січ|лют|берез|квіт|черв|лип|серп|верес|жовт|листоп|груд)\.`;
/** A title written short ("Mr. Peskov"): its full stop ends no sentence. */
const TITLES_SHORT = String.raw`\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Prof|St|Lt|Col|Maj|Capt|Sgt|Jr|Sr|U\.S|U\.K|U\.N)\.`;
/** A German ordinal before a month ("am 24. Februar", "24. Feb."): its full stop ends no sentence. */
const ORDINAL_DE = String.raw`\b\d{1,2}\.(?=\s+(?:Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez))`;
/** Attribution words after the cue up to the full stop that ends its sentence, then spaces, dashes and opening marks. */
const CUE_SENTENCE_REST = new RegExp(String.raw`^(?:${TITLES_SHORT}|${MONTHS_SHORT}|${ORDINAL_DE}|[^.!?…\n${QUOTE_MARKS}])*[.!?…]+[\s—–\-${QUOTE_MARKS}]*`, 'iu');
/** The attribution's words before its speaker or cue ("”, Mr. ", ", Kremlin spokesman "), with the marks that close the words before them. */
const BEFORE_ATTRIBUTION = new RegExp(String.raw`\s*[,;:—–${QUOTE_MARKS}][\s,;:—–${QUOTE_MARKS}]*[^,;:—–${QUOTE_MARKS}]*$|\s+$`, 'u');

/** Where a statement with its cue inside its content is cut: the end of the words before and the start of the continuation. */
export function cutAtCue(s: GoldLike, text: string): { end: number; start: number } | undefined {
  if (s.cueStart === null || s.cueEnd === null || !(s.start < s.cueStart && s.cueEnd < s.end)) return undefined;
  const speakerInside = s.speakerStart !== null && s.speakerStart > s.start && s.speakerStart < s.cueStart;
  const attribution = speakerInside ? s.speakerStart! : s.cueStart;
  const before = text.slice(s.start, attribution);
  const end = s.start + before.replace(BEFORE_ATTRIBUTION, '').length;
  const rest = CUE_SENTENCE_REST.exec(text.slice(s.cueEnd, s.end));
  if (!rest) return undefined;
  const start = s.cueEnd + rest[0].length;
  if (end <= s.start || start >= s.end || !/\p{L}/u.test(text.slice(start, s.end))) return undefined;
  return { end, start };
}

/** Cuts each statement with its cue's sentence inside its content into the statement and its continuation; `origin` maps each unit to its input index. */
export function splitAtCue<T extends GoldLike>(xs: readonly T[], text: string): { units: T[]; origin: number[] } {
  const units: T[] = [];
  const origin: number[] = [];
  xs.forEach((s, i) => {
    const cut = cutAtCue(s, text);
    if (!cut) {
      units.push(s);
      origin.push(i);
      return;
    }
    units.push({ ...s, end: cut.end }, { ...s, cueStart: null, cueEnd: null, start: cut.start });
    origin.push(i, i);
  });
  return { units, origin };
}

/** One-to-one matching, best content overlap first. Returns, per prediction, the gold index it matched or -1. */
export function matchStatements(preds: readonly PredStatement[], gold: readonly GoldLike[]): number[] {
  const pairs: { p: number; g: number; o: number }[] = [];
  preds.forEach((p, pi) =>
    gold.forEach((g, gi) => {
      if (halfOverlap(p, g) && sameSpeaker(p, g)) pairs.push({ p: pi, g: gi, o: overlap(p, g) });
    }),
  );
  pairs.sort((a, b) => b.o - a.o);
  const out = preds.map(() => -1);
  const used = new Set<number>();
  for (const { p, g } of pairs) {
    if (out[p] !== -1 || used.has(g)) continue;
    out[p] = g;
    used.add(g);
  }
  return out;
}

export interface SpanScores {
  exact: Counts;
  overlap: Counts;
}

/** Span-level scores for one span type: every distinct predicted span against every distinct gold span. */
export function spanScores(pred: readonly (SpanLike | null)[], gold: readonly (SpanLike | null)[], overlapTest: (a: SpanLike, b: SpanLike) => boolean): SpanScores {
  const dedupe = (xs: readonly (SpanLike | null)[]) => {
    const seen = new Map<string, SpanLike>();
    for (const x of xs) if (x) seen.set(`${x.start}:${x.end}`, x);
    return [...seen.values()];
  };
  const P = dedupe(pred);
  const G = dedupe(gold);
  const score = (test: (a: SpanLike, b: SpanLike) => boolean): Counts => ({
    tp: P.filter((p) => G.some((g) => test(p, g))).length,
    pred: P.length,
    gold: G.length,
    found: G.filter((g) => P.some((p) => test(p, g))).length,
  });
  return { exact: score((a, b) => a.start === b.start && a.end === b.end), overlap: score(overlapTest) };
}

const anyOverlap = (a: SpanLike, b: SpanLike) => overlap(a, b) > 0;

export interface DocScore {
  all: Counts;
  direct: Counts;
  speaker: SpanScores;
  cue: SpanScores;
  content: SpanScores;
  matches: number[];
}

export function scoreDocument(preds: readonly PredStatement[], gold: readonly GoldLike[]): DocScore {
  const matches = matchStatements(preds, gold);
  const matchedGold = new Set(matches.filter((g) => g >= 0));
  const all: Counts = { tp: matches.filter((g) => g >= 0).length, pred: preds.length, gold: gold.length, found: matchedGold.size };
  const direct: Counts = {
    tp: preds.filter((p, i) => p.kind === 'direct' && matches[i]! >= 0).length,
    pred: preds.filter((p) => p.kind === 'direct').length,
    gold: gold.filter((g) => g.kind === 'direct').length,
    found: gold.filter((g, i) => g.kind === 'direct' && matchedGold.has(i)).length,
  };
  const sp = (s: PredStatement) => (s.speakerStart === null || s.speakerEnd === null ? null : { start: s.speakerStart, end: s.speakerEnd });
  const cu = (s: PredStatement) => (s.cueStart === null || s.cueEnd === null ? null : { start: s.cueStart, end: s.cueEnd });
  return {
    all,
    direct,
    speaker: spanScores(preds.map(sp), gold.map(sp), anyOverlap),
    cue: spanScores(preds.map(cu), gold.map(cu), anyOverlap),
    content: spanScores(preds, gold, halfOverlap),
    matches,
  };
}
