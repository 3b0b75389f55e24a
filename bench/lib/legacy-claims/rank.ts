/**
 * Ranks recorded positions for a claim. Each signal is scaled to 0..1 and
 * weighted; the weights are named here with their reasons, and every result
 * carries the reasons it scored, so a moderator can see why it came back.
 */
import type { Corpus, Position } from '../../../src/core/corpus/schema.ts';
import { daysBetween } from '../../../src/core/claims/claim-date.ts';
import type { TextHit } from './search-index.ts';

export const RANK_WEIGHTS = {
  /** The words: the strongest signal that a position is about what the claim says. */
  text: 0.55,
  /** The claim names this position's actor: a claim about Peskov is first about Peskov's record. */
  actor: 0.25,
  /** Shared topics (and places, events, people talked about): keeps the right subject when wording differs. */
  topic: 0.15,
  /** Closeness in time to a date the claim names: a tie-breaker between restatements over the years. */
  date: 0.05,
} as const;

/**
 * An actor named after the claim's subject is usually its object ("… banned
 * talks with Putin"): its positions get this share of the actor weight. The
 * subject is the attributed speaker, else the first actor named.
 */
export const OBJECT_ACTOR_SHARE = 0.4;
/** A position relayed by the named actor (Peskov reporting Putin) counts this share of an own position. */
export const RELAYED_ACTOR_SHARE = 0.5;
/** Date proximity halves every this many days. */
export const DATE_HALF_LIFE_DAYS = 180;
/** A result needs this share of the claim's words, or a named actor or topic, to be shown at all (keeps gibberish empty). */
export const MIN_TERM_COVERAGE = 0.34;
/** Below this combined score a result is noise. */
export const MIN_SCORE = 0.12;

export type RankReason =
  | { kind: 'words'; terms: string[] }
  | { kind: 'actor'; actorId: string; relayed: boolean }
  | { kind: 'topics'; topicIds: string[] }
  | { kind: 'date'; days: number };

export interface RankedPosition {
  positionId: string;
  score: number;
  /** Each signal's contribution after weighting. */
  parts: { text: number; actor: number; topic: number; date: number };
  reasons: RankReason[];
}

export interface RankInput {
  hits: readonly TextHit[];
  /** The claim's content terms (for coverage). */
  queryTerms: readonly string[];
  /** Actors the claim names (people, organizations, collectives), the subject first. */
  actorIds: readonly string[];
  /** Every entity the claim names. */
  entityIds: ReadonlySet<string>;
  /** A date the claim names, YYYY-MM-DD. */
  date: string | null;
}

function midpoint(p: Position): string {
  const from = Date.parse(`${p.date.from}T00:00:00Z`);
  const to = Date.parse(`${p.date.to}T00:00:00Z`);
  return new Date((from + to) / 2).toISOString().slice(0, 10);
}

export function rankPositions(corpus: Corpus, input: RankInput): RankedPosition[] {
  const hits = new Map(input.hits.map((h) => [h.positionId, h]));
  const maxText = Math.max(0, ...input.hits.map((h) => h.score));
  const out: RankedPosition[] = [];
  for (const p of corpus.positions) {
    const hit = hits.get(p.id);
    const coverage = hit && input.queryTerms.length > 0 ? hit.matchedTerms.length / input.queryTerms.length : 0;
    const ownActor = input.actorIds.includes(p.actor);
    const relayed = !ownActor && p.reportedBy !== undefined && input.actorIds.includes(p.reportedBy);
    const topicIds = p.topics.filter((t) => input.entityIds.has(t) && t !== p.actor);
    if (coverage < MIN_TERM_COVERAGE && !ownActor && !relayed && topicIds.length === 0) continue;
    const reasons: RankReason[] = [];
    const parts = { text: 0, actor: 0, topic: 0, date: 0 };
    if (hit && maxText > 0) {
      parts.text = RANK_WEIGHTS.text * (hit.score / maxText);
      reasons.push({ kind: 'words', terms: hit.matchedTerms });
    }
    if (ownActor || relayed) {
      const actorId = ownActor ? p.actor : p.reportedBy!;
      const role = input.actorIds[0] === actorId ? 1 : OBJECT_ACTOR_SHARE;
      parts.actor = RANK_WEIGHTS.actor * role * (ownActor ? 1 : RELAYED_ACTOR_SHARE);
      reasons.push({ kind: 'actor', actorId, relayed });
    }
    const claimTopics = [...input.entityIds].filter((id) => !input.actorIds.includes(id) || p.topics.includes(id));
    if (topicIds.length > 0 && claimTopics.length > 0) {
      parts.topic = RANK_WEIGHTS.topic * Math.min(1, topicIds.length / claimTopics.length);
      reasons.push({ kind: 'topics', topicIds });
    }
    if (input.date) {
      const days = daysBetween(input.date, midpoint(p));
      parts.date = RANK_WEIGHTS.date * 0.5 ** (days / DATE_HALF_LIFE_DAYS);
      reasons.push({ kind: 'date', days: Math.round(days) });
    }
    const score = parts.text + parts.actor + parts.topic + parts.date;
    if (score < MIN_SCORE) continue;
    out.push({ positionId: p.id, score, parts, reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.positionId.localeCompare(b.positionId));
}
