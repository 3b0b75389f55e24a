/**
 * The suggested verdict and the evidence that decides it. The moderator
 * decides; this says what the record supports and why:
 * - consistent: a position of the named speaker matches the content;
 * - contradicts: the speaker's matching positions say the opposite on the same
 *   concept (opposite polarity), or state a condition the claim drops;
 * - misattributed: the content matches another actor and nothing close of the
 *   named speaker exists (never when the speaker has a matching position);
 * - not-in-record: nothing in the record is about it (a shared place name or a
 *   common word is not enough: a match needs a shared concept or close words).
 */
import type { Position } from '../corpus/schema.ts';
import type { ConceptLexicon } from '../concepts/index.ts';
import type { Verdict } from './check-record.ts';
import type { TextFeatures } from './judge.ts';

export const VERDICT_THRESHOLDS = {
  /** Content similarity at which a position says what the claim says. */
  close: 0.34,
  /** At or above: about the same thing; below it a position is no evidence at all. */
  related: 0.22,
  /** The speaker's best match must reach this for consistent / contradicts. */
  ownClose: 0.26,
  /** Misattributed only when the speaker's best match stays below this … */
  ownAbsent: 0.2,
  /** … and another actor's beats it by this much. */
  margin: 0.12,
  /** Own positions this close to the speaker's best are weighed together (one agreeing is enough). */
  ownBand: 0.1,
} as const;

export type EvidenceReason = 'speaker-match' | 'opposite-polarity' | 'condition-dropped' | 'other-actor' | 'match-without-speaker' | 'nothing-matches' | 'speaker-unrelated';

export interface PolarityEvidence {
  /** The concept (axis) on which claim and record differ or agree. */
  conceptId: string;
  claim: 1 | -1;
  record: 1 | -1;
}

export interface Evidence {
  reason: EvidenceReason;
  /** The positions the suggestion rests on, strongest first. */
  positionIds: string[];
  /** Concepts the claim shares with them. */
  concepts: string[];
  polarity: PolarityEvidence | null;
  speakerId: string | null;
  /** For misattributed: the actor the record has saying it. */
  otherActorId: string | null;
  droppedCondition: boolean;
}

export interface Suggestion {
  verdict: Verdict;
  evidence: Evidence;
}

export interface Candidate {
  position: Position;
  similarity: number;
  conceptCoverage: number;
  features: TextFeatures;
  /** 1: the speaker's own; 0.5: relayed by them or of their collective; 0: someone else's. */
  relation: number;
}

export interface SuggestInput {
  speakerId: string | null;
  claim: TextFeatures;
  candidates: readonly Candidate[];
  lexicon: ConceptLexicon;
}

const T = VERDICT_THRESHOLDS;

function sharedConcepts(claim: TextFeatures, c: Candidate, lexicon: ConceptLexicon): string[] {
  const out: string[] = [];
  for (const id of claim.concepts) {
    const axis = lexicon.info.get(id)!.axis;
    if (c.features.weights.has(`c:${axis}`)) out.push(id);
  }
  return out;
}

/** The first concept axis on which the claim and the position take opposite polarity. */
export function polarityConflict(claim: TextFeatures, c: Candidate, lexicon: ConceptLexicon): PolarityEvidence | null {
  for (const id of claim.concepts) {
    const axis = lexicon.info.get(id)!.axis;
    const a = claim.signs.get(axis);
    const b = c.features.signs.get(axis);
    if (a !== undefined && b !== undefined && a !== b) return { conceptId: axis, claim: a, record: b };
  }
  return null;
}

/** The position states a condition for a stance the claim states without one. */
function conditionDropped(claim: TextFeatures, c: Candidate, lexicon: ConceptLexicon): boolean {
  if (!c.features.conditional || claim.conditional) return false;
  return claim.concepts.some((id) => {
    const info = lexicon.info.get(id)!;
    return info.kind === 'stance' && c.features.signs.has(info.axis);
  });
}

const meaningful = (c: Candidate): boolean => c.similarity >= T.related && (c.conceptCoverage > 0 || c.similarity >= T.close);

export function suggestVerdict(input: SuggestInput): Suggestion {
  const { speakerId, claim, lexicon } = input;
  const evidence = (reason: EvidenceReason, cs: readonly Candidate[], extra: Partial<Evidence> = {}): Evidence => ({
    reason,
    positionIds: cs.map((c) => c.position.id),
    concepts: cs[0] ? sharedConcepts(claim, cs[0], lexicon) : [],
    polarity: null,
    speakerId,
    otherActorId: null,
    droppedCondition: false,
    ...extra,
  });
  const candidates = input.candidates.filter(meaningful).sort((a, b) => b.similarity - a.similarity);
  if (candidates.length === 0) return { verdict: 'not-in-record', evidence: evidence('nothing-matches', []) };

  /** Among positions that say the same thing: one that agrees makes it consistent, else the first conflict decides. */
  const judgeAgainst = (group: Candidate[], agreeReason: EvidenceReason): Suggestion => {
    const agreeing = group.filter((c) => !polarityConflict(claim, c, lexicon) && !conditionDropped(claim, c, lexicon));
    if (agreeing.length > 0) return { verdict: 'consistent', evidence: evidence(agreeReason, agreeing.slice(0, 3)) };
    const first = group[0]!;
    const polarity = polarityConflict(claim, first, lexicon);
    return {
      verdict: 'contradicts',
      evidence: evidence(polarity ? 'opposite-polarity' : 'condition-dropped', group.slice(0, 3), { polarity, droppedCondition: polarity === null }),
    };
  };

  if (speakerId === null) {
    const best = candidates[0]!;
    if (best.similarity < T.close) return { verdict: 'not-in-record', evidence: evidence('nothing-matches', []) };
    return judgeAgainst(candidates.filter((c) => c.similarity >= best.similarity - T.ownBand), 'match-without-speaker');
  }

  const own = candidates.filter((c) => c.relation > 0).sort((a, b) => b.similarity * (0.8 + 0.2 * b.relation) - a.similarity * (0.8 + 0.2 * a.relation));
  const others = candidates.filter((c) => c.relation === 0);
  const bestOwn = own[0]?.similarity ?? 0;
  const bestOther = others[0];
  if (own.length > 0 && bestOwn >= T.ownClose) {
    return judgeAgainst(own.filter((c) => c.similarity >= bestOwn - T.ownBand), 'speaker-match');
  }
  if (bestOther && bestOther.similarity >= T.close && bestOwn < T.ownAbsent && bestOther.similarity - bestOwn >= T.margin) {
    return { verdict: 'misattributed', evidence: evidence('other-actor', others.slice(0, 3), { otherActorId: bestOther.position.actor }) };
  }
  if (own.length > 0) return judgeAgainst(own.slice(0, 3), 'speaker-match');
  return { verdict: 'not-in-record', evidence: evidence(bestOther ? 'speaker-unrelated' : 'nothing-matches', bestOther ? others.slice(0, 3) : []) };
}
