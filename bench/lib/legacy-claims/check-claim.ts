/** The claim checker as it was before the concept layer (MiniSearch ranking, attribution by word overlap), kept for bench:claims to run side by side. */
/**
 * One claim, checked against the record: the entities it names (the
 * matcher), the ranked positions, the other side's positions apart, and the
 * attribution check when the claim quotes someone. DOM-free and JSON-safe,
 * so the background computes it and the side panel renders it.
 */
import type { Corpus, EntityType } from '../../../src/core/corpus/schema.ts';
import type { Matcher, Mention } from '../../../src/core/match/index.ts';
import { indexCorpus } from '../../../src/core/record/corpus-index.ts';
import { toPositionView } from '../../../src/core/record/position-view.ts';
import type { PositionView } from '../../../src/core/record/types.ts';
import { findAttribution } from '../../../src/core/claims/attribution-pattern.ts';
import { checkAttribution, type AttributionCheck } from './attribution.ts';
import { claimDate } from '../../../src/core/claims/claim-date.ts';
import { rankPositions, type RankedPosition } from './rank.ts';
import { buildSearchIndex } from './search-index.ts';

/** Longest claim checked: a long paragraph. A bigger selection is cut here rather than refused. */
export const MAX_CLAIM_CHARS = 4000;
/** Results shown in the main list. */
export const MAX_RESULTS = 10;
/** The other side's positions shown apart. */
export const MAX_OTHER_SIDE = 5;

const ACTOR_TYPES: ReadonlySet<EntityType> = new Set(['person', 'organization', 'collective']);

export interface EntityRef {
  id: string;
  label: string;
  type: EntityType;
}

export interface CheckedPosition extends RankedPosition {
  position: PositionView;
}

/** Why a check has nothing to show: nothing selected, no words, or no position close enough. */
export type EmptyReason = 'empty' | 'no-words' | 'no-match';

export interface ClaimCheck {
  claim: string;
  truncated: boolean;
  empty: EmptyReason | null;
  actors: EntityRef[];
  topics: EntityRef[];
  date: string | null;
  results: CheckedPosition[];
  otherSide: CheckedPosition[];
  /** The side whose opponents are shown apart, when one could be told. */
  sideId: string | null;
  attribution: AttributionCheck | null;
  /** Labels of every entity id the check refers to (actors, topics, attribution), for display. */
  labels: Record<string, string>;
}

export interface ClaimChecker {
  check(text: string): ClaimCheck;
}

export function createClaimChecker(corpus: Corpus, matcher: Matcher): ClaimChecker {
  const search = buildSearchIndex(corpus.positions);
  const index = indexCorpus(corpus);
  const sideOf = (actorId: string): string | null => index.entities.get(actorId)?.side ?? null;
  const opponentsOf = (sideId: string): Set<string> => {
    const out = new Set(index.sides.get(sideId)?.opposes ?? []);
    for (const s of index.sides.values()) if (s.opposes?.includes(sideId)) out.add(s.id);
    return out;
  };
  const ref = (id: string): EntityRef => {
    const e = index.entities.get(id);
    return { id, label: e?.label ?? id, type: e?.type ?? 'topic' };
  };

  return {
    check(input) {
      const truncated = input.length > MAX_CLAIM_CHARS;
      const claim = input.slice(0, MAX_CLAIM_CHARS).replace(/\s+/gu, ' ').trim();
      const base: ClaimCheck = { claim, truncated, empty: null, actors: [], topics: [], date: null, results: [], otherSide: [], sideId: null, attribution: null, labels: {} };
      if (claim.length === 0) return { ...base, empty: 'empty' };
      const mentions = matcher.scan(claim);
      const entityIds = [...new Set(mentions.map((m) => m.entityId))];
      const actorIds = entityIds.filter((id) => ACTOR_TYPES.has(ref(id).type));
      const queryTerms = search.terms(claim);
      if (queryTerms.length === 0 && entityIds.length === 0) return { ...base, empty: 'no-words' };
      const date = claimDate(claim);
      const actorMentions = mentions.filter((m: Mention) => actorIds.includes(m.entityId));
      const attributed = findAttribution(claim, actorMentions);
      const attribution = attributed ? checkAttribution(corpus, attributed) : null;
      // The subject first: the attributed speaker, else the first actor named.
      const subjectFirst = attributed ? [attributed.speakerId, ...actorIds.filter((id) => id !== attributed.speakerId)] : actorIds;
      const ranked = rankPositions(corpus, { hits: search.search(claim), queryTerms, actorIds: subjectFirst, entityIds: new Set(entityIds), date });
      // Whose side the claim is on: the speaker's, else the best match's (objects named in passing do not decide it).
      const topSide = ranked[0] ? sideOf(index.positions.get(ranked[0].positionId)!.actor) : null;
      const sideId = (attributed ? sideOf(attributed.speakerId) : null) ?? topSide;
      const opponents = sideId ? opponentsOf(sideId) : new Set<string>();
      const view = (r: RankedPosition): CheckedPosition => ({ ...r, position: toPositionView(index, index.positions.get(r.positionId)!) });
      const main: CheckedPosition[] = [];
      const apart: CheckedPosition[] = [];
      for (const r of ranked) {
        const side = sideOf(index.positions.get(r.positionId)!.actor);
        const list = side !== null && opponents.has(side) ? apart : main;
        list.push(view(r));
      }
      const results = main.slice(0, MAX_RESULTS);
      const otherSide = apart.slice(0, MAX_OTHER_SIDE);
      const labelIds = new Set([...entityIds, ...(attribution ? [attribution.speakerId, ...attribution.others.map((o) => o.actorId), ...attribution.flagged.map((f) => f.actorId)] : [])]);
      if (attribution?.closest) labelIds.add(attribution.closest.actorId);
      const labels = Object.fromEntries([...labelIds].map((id) => [id, ref(id).label]));
      return {
        ...base,
        empty: results.length === 0 && otherSide.length === 0 ? 'no-match' : null,
        actors: actorIds.map(ref),
        topics: entityIds.filter((id) => !actorIds.includes(id)).map(ref),
        date,
        results,
        otherSide,
        sideId,
        attribution,
        labels,
      };
    },
  };
}
