/**
 * Attribution check: when a claim puts words in an actor's mouth, is there a
 * recorded wording of that actor close to them, and is a closer one on record
 * for somebody else? Similarity is over content words (stems, stopwords out):
 * how much of the claim the wording covers, blended with Dice overlap so a
 * long passage that happens to contain the words does not win on coverage.
 */
import type { Corpus, Position } from '../../../src/core/corpus/schema.ts';
import type { AttributedWords } from '../../../src/core/claims/attribution-pattern.ts';
import { contentKeys } from '../../../src/core/claims/tokenize.ts';
import { diffWords, type WordDiff } from '../../../src/core/claims/word-diff.ts';

/** Share of the similarity given to coverage of the claim's words; the rest is Dice overlap. */
export const COVERAGE_SHARE = 0.6;
/** At or above: the record has the actor saying something close. */
export const CLOSE_SIMILARITY = 0.45;
/** At or above: related wording, worth showing, not close enough to confirm. */
export const RELATED_SIMILARITY = 0.2;
/** Another actor's wording must beat the speaker's by this much to call the claim misattributed. */
export const MISATTRIBUTION_MARGIN = 0.1;
/** Other actors' wordings shown beside the speaker's closest. */
export const OTHER_WORDINGS_SHOWN = 3;

export type WordingField = 'quote' | 'paraphrase';
export type AttributionStatus = 'close' | 'related' | 'someone-else' | 'not-found';

export interface Wording {
  positionId: string;
  actorId: string;
  field: WordingField;
  text: string;
  similarity: number;
  diff: WordDiff;
}

export interface FlaggedWord {
  text: string;
  /** The other actor whose recorded wording has this word where the speaker's does not. */
  actorId: string;
  positionId: string;
}

export interface AttributionCheck {
  speakerId: string;
  speakerText: string;
  claimed: string;
  status: AttributionStatus;
  /** The speaker's closest recorded wording (own or relayed). */
  closest: Wording | null;
  /** Closer or comparable wordings by other actors, best first. */
  others: Wording[];
  flagged: FlaggedWord[];
}

export function similarity(claimKeys: readonly string[], recordKeys: readonly string[]): number {
  const a = new Set(claimKeys);
  const b = new Set(recordKeys);
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const k of a) if (b.has(k)) shared++;
  const coverage = shared / a.size;
  const dice = (2 * shared) / (a.size + b.size);
  return COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * dice;
}

interface Scored {
  position: Position;
  field: WordingField;
  text: string;
  similarity: number;
}

function scoreWordings(corpus: Corpus, claimKeys: readonly string[]): Scored[] {
  const out: Scored[] = [];
  for (const p of corpus.positions) {
    for (const field of ['quote', 'paraphrase'] as const) {
      const text = p[field];
      if (!text) continue;
      out.push({ position: p, field, text, similarity: similarity(claimKeys, contentKeys(text)) });
    }
  }
  return out.sort((a, b) => b.similarity - a.similarity);
}

function toWording(s: Scored, claimed: string): Wording {
  return { positionId: s.position.id, actorId: s.position.actor, field: s.field, text: s.text, similarity: s.similarity, diff: diffWords(claimed, s.text) };
}

function isSpeakers(p: Position, speakerId: string): boolean {
  return p.actor === speakerId || p.reportedBy === speakerId;
}

export function checkAttribution(corpus: Corpus, attributed: AttributedWords): AttributionCheck {
  const { speakerId, speakerText, words: claimed } = attributed;
  const scored = scoreWordings(corpus, contentKeys(claimed));
  const own = scored.find((s) => isSpeakers(s.position, speakerId));
  const ownSim = own?.similarity ?? 0;
  const seenActors = new Set<string>();
  const others = scored
    .filter((s) => !isSpeakers(s.position, speakerId) && s.similarity >= RELATED_SIMILARITY && s.similarity > ownSim)
    .filter((s) => !seenActors.has(s.position.actor) && seenActors.add(s.position.actor))
    .slice(0, OTHER_WORDINGS_SHOWN)
    .map((s) => toWording(s, claimed));
  const bestOther = others[0]?.similarity ?? 0;
  let status: AttributionStatus;
  if (bestOther >= CLOSE_SIMILARITY && bestOther >= ownSim + MISATTRIBUTION_MARGIN) status = 'someone-else';
  else if (ownSim >= CLOSE_SIMILARITY) status = 'close';
  else if (ownSim >= RELATED_SIMILARITY) status = 'related';
  else status = 'not-found';
  const closest = own && own.similarity >= RELATED_SIMILARITY ? toWording(own, claimed) : null;
  return { speakerId, speakerText, claimed, status, closest, others, flagged: flagWords(closest, others) };
}

/** Claim words missing from the speaker's closest wording that another actor's wording has. */
function flagWords(closest: Wording | null, others: readonly Wording[]): FlaggedWord[] {
  const flagged: FlaggedWord[] = [];
  const seen = new Set<string>();
  const claimWords = (closest ?? others[0])?.diff.claim ?? [];
  claimWords.forEach((w, i) => {
    if (closest && closest.diff.claim[i]?.same) return;
    const key = w.text.toLowerCase();
    if (seen.has(key)) return;
    const other = others.find((o) => o.diff.claim[i]?.same);
    if (!other || contentKeys(w.text).length === 0) return;
    seen.add(key);
    flagged.push({ text: w.text, actorId: other.actorId, positionId: other.positionId });
  });
  return flagged;
}
