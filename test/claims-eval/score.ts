/**
 * Scores the claim checker on the claims evaluation set (test/claims-set):
 * ranking (recall@5, MRR over the whole ranking: main list and other side
 * merged by score, as the batch output ranks them), the suggested verdict
 * (overall, per verdict, and "misattributed" wrongly suggested when the
 * claim's speaker is right), and cross-language recall. One split at a time.
 */
import type { ClaimCheck, ClaimChecker } from '../../src/core/claims/index.ts';
import type { ClaimCase, ClaimSplit, ClaimVerdict } from '../claims-set/load.ts';

export const CUTOFF = 5;

export interface Outcome {
  c: ClaimCase;
  check: ClaimCheck;
  ranked: string[];
  recall: number | null;
  rr: number | null;
}

export interface Scores {
  split: ClaimSplit;
  n: number;
  recallAt5: number;
  mrr: number;
  verdictRight: number;
  byVerdict: Record<ClaimVerdict, { n: number; right: number }>;
  /** Claims whose speaker is right (gold consistent or contradicts) that got "misattributed". */
  wrongMisattributed: { n: number; wrong: number };
  crossLanguageRecallAt5: number;
  crossLanguageN: number;
  speakerRight: number;
  outcomes: Outcome[];
}

export function rankedIds(check: ClaimCheck): string[] {
  return [...check.results, ...check.otherSide].sort((a, b) => b.score - a.score || a.positionId.localeCompare(b.positionId)).map((r) => r.positionId);
}

export function score(checker: ClaimChecker, claims: readonly ClaimCase[], split: ClaimSplit): Scores {
  const set = claims.filter((c) => c.split === split);
  const outcomes: Outcome[] = set.map((c) => {
    const check = checker.check(c.claim);
    const ranked = rankedIds(check);
    if (c.relevant.length === 0) return { c, check, ranked, recall: null, rr: null };
    const top = ranked.slice(0, CUTOFF);
    const recall = c.relevant.filter((id) => top.includes(id)).length / c.relevant.length;
    const first = ranked.findIndex((id) => c.relevant.includes(id));
    return { c, check, ranked, recall, rr: first === -1 ? 0 : 1 / (first + 1) };
  });
  const ranking = outcomes.filter((o) => o.recall !== null);
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const byVerdict = { consistent: { n: 0, right: 0 }, contradicts: { n: 0, right: 0 }, misattributed: { n: 0, right: 0 }, 'not-in-record': { n: 0, right: 0 } } as Scores['byVerdict'];
  for (const o of outcomes) {
    byVerdict[o.c.verdict].n++;
    if (o.check.suggestion.verdict === o.c.verdict) byVerdict[o.c.verdict].right++;
  }
  const speakerRightClaims = outcomes.filter((o) => o.c.verdict === 'consistent' || o.c.verdict === 'contradicts');
  const cross = ranking.filter((o) => o.c.lang !== 'en' || o.c.tags.includes('cross-language'));
  const withSpeaker = outcomes.filter((o) => o.c.speaker !== null);
  return {
    split,
    n: set.length,
    recallAt5: mean(ranking.map((o) => o.recall!)),
    mrr: mean(ranking.map((o) => o.rr!)),
    verdictRight: outcomes.filter((o) => o.check.suggestion.verdict === o.c.verdict).length / Math.max(1, outcomes.length),
    byVerdict,
    wrongMisattributed: { n: speakerRightClaims.length, wrong: speakerRightClaims.filter((o) => o.check.suggestion.verdict === 'misattributed').length },
    crossLanguageRecallAt5: mean(cross.map((o) => o.recall!)),
    crossLanguageN: cross.length,
    speakerRight: withSpeaker.filter((o) => o.check.attribution?.speakerId === o.c.speaker).length / Math.max(1, withSpeaker.length),
    outcomes,
  };
}

const idNumber = (c: ClaimCase) => Number(c.id.slice(1));
/** Claims c001–c220: the set as scored in sessions 1–4 (c221– were appended in session 5). */
export const FIRST_BATCHES = (c: ClaimCase) => idNumber(c) <= 220;
/** Claims c001–c268: the set as scored in session 5 (c269– were appended in session 6, written blind). */
export const UP_TO_SESSION_5 = (c: ClaimCase) => idNumber(c) <= 268;
/** Claims appended in session 6 (c269–c332), written blind by an engineer who read neither the checker's design nor its code. */
export const SESSION_6 = (c: ClaimCase) => idNumber(c) > 268 && idNumber(c) <= 332;
/** Claims c001–c332: the set as scored in sessions 6–8 (c333– were appended in session 9). */
export const UP_TO_SESSION_8 = (c: ClaimCase) => idNumber(c) <= 332;
/** Claims appended in session 9 (c333–c380): contradictions only, written before any code change of that session. */
export const SESSION_9 = (c: ClaimCase) => idNumber(c) > 332 && idNumber(c) <= 380;
/** Claims appended in session 10 (c381–c428), written blind by a separate writer; scored by the lead only. */
export const SESSION_10 = (c: ClaimCase) => idNumber(c) > 380 && idNumber(c) <= 428;
/** Claims appended in session 11 (c429–c476), written blind by a separate writer; scored by the lead only. */
export const SESSION_11 = (c: ClaimCase) => idNumber(c) > 428;

/**
 * Every group the eval prints, in order: both splits whole, the test split of each earlier state of the set (the
 * figures earlier sessions reported), and the claims appended in sessions 6, 9, 10 and 11 on their own (both splits), when present.
 */
export function groupSummaries(checker: ClaimChecker, claims: readonly ClaimCase[]): { name: string; scores: Scores }[] {
  const out = [
    { name: 'dev', scores: score(checker, claims, 'dev') },
    { name: 'dev c001–c332', scores: score(checker, claims.filter(UP_TO_SESSION_8), 'dev') },
    { name: 'test', scores: score(checker, claims, 'test') },
    { name: 'test c001–c332', scores: score(checker, claims.filter(UP_TO_SESSION_8), 'test') },
    { name: 'test c001–c268', scores: score(checker, claims.filter(UP_TO_SESSION_5), 'test') },
    { name: 'test c001–c220', scores: score(checker, claims.filter(FIRST_BATCHES), 'test') },
  ];
  for (const [first, batch] of [['269', SESSION_6], ['333', SESSION_9], ['381', SESSION_10], ['429', SESSION_11]] as const) {
    const fresh = claims.filter(batch);
    if (fresh.length === 0) continue;
    const last = fresh[fresh.length - 1]!.id.slice(1);
    out.push({ name: `dev c${first}–${last}`, scores: score(checker, fresh, 'dev') }, { name: `test c${first}–${last}`, scores: score(checker, fresh, 'test') });
  }
  return out;
}

export function summary(s: Scores, label: string = s.split): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const v = (k: ClaimVerdict) => `${k} ${s.byVerdict[k].right}/${s.byVerdict[k].n}`;
  return (
    `${label}: ${s.n} claims · recall@${CUTOFF} ${s.recallAt5.toFixed(3)} · MRR ${s.mrr.toFixed(3)} · verdict right ${pct(s.verdictRight)} ` +
    `(${v('consistent')}, ${v('contradicts')}, ${v('misattributed')}, ${v('not-in-record')}) · misattributed wrongly ${s.wrongMisattributed.wrong}/${s.wrongMisattributed.n} · ` +
    `cross-language recall@${CUTOFF} ${s.crossLanguageRecallAt5.toFixed(3)} (${s.crossLanguageN}) · speaker right ${pct(s.speakerRight)}`
  );
}
