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
 * The annotators' disagreement on "“A,” he said. “B.”" (test/extraction-set/README.md, Scoring): a statement and the
 * continuation that directly follows it are one unit, whichever way either side labelled them. Both gold and system
 * output go through this before matching, so neither convention is rewarded.
 *
 * Joined when all hold:
 * - the first has a cue, and the cue lies between its content and the next statement's content (the cue's sentence);
 * - the second is a continuation: no cue, and no speaker mention of its own (none, or the first's own span copied);
 * - the same speaker (entity, or the same name for a new one);
 * - between the two contents there is nothing but the rest of the cue's sentence: closing marks, one sentence with
 *   no line break ending in . ! ? or …, then only spaces and opening marks.
 */
const CLOSE_MARKS = '"\'«»“”„‟‘’‚‛‹›「」『』';
const ABBREV = String.raw`\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Prof|St|Lt|Col|Maj|Capt|Sgt|Jr|Sr|U\.S|U\.K|U\.N)\.`;
const CUE_SENTENCE = new RegExp(String.raw`^[\s,;:—–\-${CLOSE_MARKS}]*(?:${ABBREV}|[^.!?…\n])*[.!?…]+[\s—–\-${CLOSE_MARKS}]*$`, 'u');

export function isContinuationOf(s: GoldLike, c: GoldLike, text: string): boolean {
  if (s.cueStart === null || s.cueEnd === null || c.cueStart !== null) return false;
  if (c.speakerStart !== null && (c.speakerStart !== s.speakerStart || c.speakerEnd !== s.speakerEnd)) return false;
  if (!(s.end <= s.cueStart && s.cueEnd <= c.start)) return false;
  const same = s.speakerId !== null ? c.speakerId === s.speakerId : c.speakerId === null && norm(s.speakerName) === norm(c.speakerName) && norm(s.speakerName) !== '';
  return same && CUE_SENTENCE.test(text.slice(s.end, c.start));
}

/** Joins each statement with the continuation that directly follows its cue's sentence; `members` maps each unit to its input indices. */
export function joinContinuations<T extends GoldLike>(xs: readonly T[], text: string): { units: T[]; members: number[][] } {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]!.start - xs[b]!.start || xs[a]!.end - xs[b]!.end);
  const absorbed = new Set<number>();
  const units: T[] = [];
  const members: number[][] = [];
  for (const i of order) {
    if (absorbed.has(i)) continue;
    const s = xs[i]!;
    const j = order.find((k) => k !== i && !absorbed.has(k) && xs[k]!.start >= s.end && isContinuationOf(s, xs[k]!, text));
    if (j === undefined) {
      units.push(s);
      members.push([i]);
      continue;
    }
    const c = xs[j]!;
    absorbed.add(j);
    const kind = s.kind === c.kind ? s.kind : 'mixed';
    units.push({ ...s, end: c.end, kind });
    members.push([i, j]);
  }
  return { units, members };
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
