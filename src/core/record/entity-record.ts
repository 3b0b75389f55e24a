/**
 * The record shown for one entity: an actor's own positions with the other
 * side's answers, or, for a topic, event or place, everyone's positions on it
 * grouped by side. Called by the background per hover, so it reads the
 * prebuilt index and resolves only the positions it returns.
 */
import type { Corpus, Entity, EntityType, Position, Side } from '../corpus/schema.ts';
import { indexCorpus, opposingSides, type CorpusIndex } from './corpus-index.ts';
import { toPositionView } from './position-view.ts';
import { compareNewestFirst, newestFirst } from './sort.ts';
import type { ActorRecord, EntityRecord, SideGroup, TopicCount, TopicRecord } from './types.ts';

/** Enough of the other side to answer the actor without burying its own record (the popover scrolls, the message stays small). */
export const OTHER_SIDE_LIMIT = 12;

const ACTOR_TYPES: ReadonlySet<EntityType> = new Set(['person', 'organization', 'collective']);

export class UnknownEntityError extends Error {
  constructor(readonly entityId: string) {
    super(`No entity "${entityId}" in this corpus`);
    this.name = 'UnknownEntityError';
  }
}

function countTopics(index: CorpusIndex, positions: readonly Position[]): TopicCount[] {
  const counts = new Map<string, number>();
  for (const p of positions) for (const t of new Set(p.topics)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .map(([id, count]) => ({ id, label: index.entities.get(id)?.label ?? id, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function sideOf(index: CorpusIndex, actorId: string): string | undefined {
  return index.entities.get(actorId)?.side;
}

function otherSidePositions(index: CorpusIndex, entity: Entity, topics: readonly TopicCount[]): Position[] {
  if (!entity.side) return [];
  const opposed = opposingSides(index, entity.side);
  if (opposed.size === 0) return [];
  const seen = new Set<string>();
  const out: Position[] = [];
  for (const t of topics) {
    for (const p of index.byTopic.get(t.id) ?? []) {
      const side = sideOf(index, p.actor);
      if (seen.has(p.id) || side === undefined || !opposed.has(side)) continue;
      seen.add(p.id);
      out.push(p);
    }
  }
  return out.sort(compareNewestFirst);
}

function buildActorRecord(index: CorpusIndex, entity: Entity): ActorRecord {
  const own = newestFirst(index.byActor.get(entity.id) ?? []);
  const topics = countTopics(index, own);
  const opposing = otherSidePositions(index, entity, topics);
  const relayed = newestFirst((index.byReporter.get(entity.id) ?? []).filter((p) => p.actor !== entity.id));
  const record: ActorRecord = {
    kind: 'actor',
    entity,
    count: own.length,
    positions: own.map((p) => toPositionView(index, p)),
    topics,
    otherSide: opposing.slice(0, OTHER_SIDE_LIMIT).map((p) => toPositionView(index, p)),
    otherSideCount: opposing.length,
    relayed: relayed.map((p) => toPositionView(index, p)),
    timeline: [...own].reverse().map((p) => ({ positionId: p.id, from: p.date.from, to: p.date.to, precision: p.date.precision })),
  };
  const side = entity.side ? index.sides.get(entity.side) : undefined;
  if (side) record.side = side;
  return record;
}

function buildTopicRecord(index: CorpusIndex, entity: Entity): TopicRecord {
  return buildGroupedRecord(index, entity, index.byTopic.get(entity.id) ?? []);
}

/** `list`'s positions, newest first, grouped by the speaker's side (sides in corpus order, the side-less last). */
function buildGroupedRecord(index: CorpusIndex, entity: Entity, list: readonly Position[]): TopicRecord {
  const positions = newestFirst(list);
  const bySide = new Map<string | null, Position[]>();
  for (const p of positions) {
    const sideId = sideOf(index, p.actor);
    const key = sideId !== undefined && index.sides.has(sideId) ? sideId : null;
    const list = bySide.get(key);
    if (list) list.push(p);
    else bySide.set(key, [p]);
  }
  // Sides in corpus order, the side-less last.
  const order: (Side | null)[] = [...index.sides.values(), null];
  const groups: SideGroup[] = [];
  for (const side of order) {
    const list = bySide.get(side ? side.id : null);
    if (list) groups.push({ side, count: list.length, positions: list.map((p) => toPositionView(index, p)) });
  }
  return { kind: 'topic', entity, count: positions.length, groups };
}

/** Whether a record has anything to show: positions of its own, relayed ones, or (topic view) anyone's. */
export function recordHasContent(record: EntityRecord): boolean {
  return record.count > 0 || (record.kind === 'actor' && record.relayed.length > 0);
}

function ownRecord(index: CorpusIndex, entity: Entity): EntityRecord {
  return ACTOR_TYPES.has(entity.type) ? buildActorRecord(index, entity) : buildTopicRecord(index, entity);
}

/**
 * The record of `entityId`; throws UnknownEntityError when the corpus lacks it. No empty cards: an entity that
 * stands for a government when it speaks (`speaksAs`: the Kremlin, Moscow, Kyiv) shows that government's
 * positions; an actor with no positions of its own shows the positions about it, grouped by side like a topic.
 */
export function buildEntityRecord(corpus: Corpus, entityId: string): EntityRecord {
  const index = indexCorpus(corpus);
  const entity = index.entities.get(entityId);
  if (!entity) throw new UnknownEntityError(entityId);
  const own = ownRecord(index, entity);
  const government = entity.speaksAs !== undefined ? index.entities.get(entity.speaksAs) : undefined;
  if (government) {
    // The government's positions and its people's (Peskov and Putin for the Kremlin), one group per speaker.
    const said = governmentPositions(index, government);
    if (said.length > 0) return { ...buildSpeakerGroupedRecord(index, entity, said), via: { kind: 'government', id: government.id, label: government.label } };
    if (!recordHasContent(own)) {
      // A government with no voice in the record (the US government): what others said about it, labelled as such.
      const about = buildTopicRecord(index, government);
      if (about.count > 0) return { ...about, entity, via: { kind: 'about' } };
    }
  }
  return recordHasContent(own) ? own : withFallback(index, entity, own);
}

/**
 * An actor's own record or, when it has none, the positions about it, else those of its people; for any entity
 * with nothing yet, the positions on the topics and events named after it.
 */
function withFallback(index: CorpusIndex, entity: Entity, own = ownRecord(index, entity)): EntityRecord {
  if (recordHasContent(own)) return own;
  if (own.kind === 'actor') {
    const about = buildTopicRecord(index, entity);
    if (about.count > 0) return { ...about, via: { kind: 'about' } };
    const members = buildGroupedRecord(index, entity, membersOf(index, entity).flatMap((m) => index.byActor.get(m.id) ?? []));
    if (members.count > 0) return { ...members, via: { kind: 'members' } };
  }
  const named = namedAfter(index, entity).filter((t) => (index.byTopic.get(t.id)?.length ?? 0) > 0);
  if (named.length === 0) return own;
  const seen = new Set<string>();
  const positions = named.flatMap((t) => index.byTopic.get(t.id)!).filter((p) => !seen.has(p.id) && seen.add(p.id) !== undefined);
  return { ...buildGroupedRecord(index, entity, positions), via: { kind: 'named', labels: named.map((t) => t.label) } };
}

/** Lowercase words of a name, split at anything but letters and digits. */
const nameWords = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w !== '');

/**
 * Per corpus index: every run of up to NAMED_MAX_WORDS words in the names of an entity that positions take as a topic
 * → those entities. Only such entities are indexed because namedAfter returns only them: indexing every entity's
 * names held 26 MB at 50,000 entities (bench:record), most of it for names no answer could use.
 */
const namedIndex = new WeakMap<CorpusIndex, Map<string, Set<Entity>>>();
/** Longest alias, in words, looked up inside other names ("North Atlantic Treaty Organization"). */
const NAMED_MAX_WORDS = 4;

/**
 * The entities whose names contain one of `entity`'s names as whole words: the topic "NATO membership" ("join
 * NATO") for NATO, the event "Antalya talks" for Antalya, the "UN General Assembly" for the UN. What was said about
 * them is what the record holds about a name that has no positions of its own or about it.
 */
function namedAfter(index: CorpusIndex, entity: Entity): Entity[] {
  let runs = namedIndex.get(index);
  if (runs === undefined) {
    runs = new Map();
    for (const e of index.entities.values()) {
      if ((index.byTopic.get(e.id)?.length ?? 0) === 0) continue;
      for (const name of [e.label, ...e.aliases.map((a) => a.text)]) {
        const words = nameWords(name);
        for (let i = 0; i < words.length; i++) {
          for (let n = 1; n <= NAMED_MAX_WORDS && i + n <= words.length; n++) {
            const key = words.slice(i, i + n).join(' ');
            let set = runs.get(key);
            if (set === undefined) runs.set(key, (set = new Set()));
            set.add(e);
          }
        }
      }
    }
    namedIndex.set(index, runs);
  }
  const found = new Set<Entity>();
  for (const name of [entity.label, ...entity.aliases.map((a) => a.text)]) {
    const words = nameWords(name);
    if (words.length === 0 || words.length > NAMED_MAX_WORDS || words.join('').length < 2) continue;
    for (const e of runs.get(words.join(' ')) ?? []) if (e.id !== entity.id) found.add(e);
  }
  return [...found];
}

/** The entities whose `affiliation` ("Russian Foreign Ministry; …") names `org` by its label or one of its aliases. */
function membersOf(index: CorpusIndex, org: Entity): Entity[] {
  const names = new Set([org.label, ...org.aliases.map((a) => a.text)].map((n) => n.toLowerCase()));
  return [...index.entities.values()].filter((e) => e.id !== org.id && (e.affiliation ?? '').split(';').some((part) => names.has(part.trim().toLowerCase())));
}

/**
 * What a government said: its own positions, those of the entities that speak as it (the Kremlin, Moscow, Russia)
 * and those of their people (entities whose `affiliation` names the government or one of them).
 */
function governmentPositions(index: CorpusIndex, government: Entity): Position[] {
  const voices = [government, ...[...index.entities.values()].filter((e) => e.speaksAs === government.id)];
  const names = new Set(voices.flatMap((v) => [v.label, ...v.aliases.map((a) => a.text)]).map((n) => n.toLowerCase()));
  const ids = new Set(voices.map((v) => v.id));
  for (const e of index.entities.values()) {
    if ((e.affiliation ?? '').split(';').some((part) => names.has(part.trim().toLowerCase()))) ids.add(e.id);
  }
  return [...ids].flatMap((id) => index.byActor.get(id) ?? []);
}

/** `list`'s positions grouped by speaker: the speaker with most positions first, each newest first. */
function buildSpeakerGroupedRecord(index: CorpusIndex, entity: Entity, list: readonly Position[]): TopicRecord {
  const positions = newestFirst(list);
  const bySpeaker = new Map<string, Position[]>();
  for (const p of positions) {
    const group = bySpeaker.get(p.actor);
    if (group) group.push(p);
    else bySpeaker.set(p.actor, [p]);
  }
  const groups: SideGroup[] = [...bySpeaker]
    .sort((a, b) => b[1].length - a[1].length || compareNewestFirst(a[1][0]!, b[1][0]!))
    .map(([actorId, group]) => {
      const speaker = index.entities.get(actorId);
      const sideId = speaker?.side;
      return {
        side: (sideId !== undefined ? index.sides.get(sideId) : undefined) ?? null,
        speaker: { id: actorId, label: speaker?.label ?? actorId },
        count: group.length,
        positions: group.map((p) => toPositionView(index, p)),
      };
    });
  return { kind: 'topic', entity, count: positions.length, groups };
}

/**
 * Ids of the entities whose card would have nothing to show (drawn in a quieter style, not counted by the popup).
 * Decides what `recordHasContent(buildEntityRecord(corpus, id))` decides without building any card: building
 * every card (each topic's positions as views, each member search a scan of every entity) took 178 s at
 * 40,000 entities and 80,000 positions, at every start of the worker (audit 11 A8); this takes well under a second.
 */
export function entitiesWithNothingToShow(corpus: Corpus): string[] {
  const index = indexCorpus(corpus);
  // Affiliation part (lowercased) → the entities naming it: membersOf without a scan of every entity per entity.
  const byAffiliation = new Map<string, Entity[]>();
  for (const e of index.entities.values()) {
    for (const part of (e.affiliation ?? '').split(';')) {
      const key = part.trim().toLowerCase();
      if (key === '') continue;
      const list = byAffiliation.get(key);
      if (list) list.push(e);
      else byAffiliation.set(key, [e]);
    }
  }
  const count = (map: Map<string, Position[]>, id: string) => map.get(id)?.length ?? 0;
  const ownHas = (e: Entity): boolean =>
    ACTOR_TYPES.has(e.type)
      ? count(index.byActor, e.id) > 0 || (index.byReporter.get(e.id) ?? []).some((p) => p.actor !== e.id)
      : count(index.byTopic, e.id) > 0;
  const membersHave = (org: Entity): boolean => {
    for (const name of new Set([org.label, ...org.aliases.map((a) => a.text)].map((n) => n.toLowerCase()))) {
      for (const m of byAffiliation.get(name) ?? []) if (m.id !== org.id && count(index.byActor, m.id) > 0) return true;
    }
    return false;
  };
  // withFallback's answer, as a yes or no.
  const fallbackHas = (e: Entity): boolean => {
    if (ownHas(e)) return true;
    if (ACTOR_TYPES.has(e.type) && (count(index.byTopic, e.id) > 0 || membersHave(e))) return true;
    return namedAfter(index, e).some((t) => count(index.byTopic, t.id) > 0);
  };
  const memo = new Map<string, boolean>();
  const has = (e: Entity): boolean => {
    let known = memo.get(e.id);
    if (known === undefined) memo.set(e.id, (known = fallbackHas(e)));
    return known;
  };
  // governmentPositions(index, g).length > 0, without collecting them: g, the entities speaking as g, and the people
  // whose affiliation names any of them.
  const voicesOf = new Map<string, Entity[]>();
  for (const e of index.entities.values()) {
    if (e.speaksAs === undefined) continue;
    const list = voicesOf.get(e.speaksAs);
    if (list) list.push(e);
    else voicesOf.set(e.speaksAs, [e]);
  }
  const governmentSaid = (g: Entity): boolean => {
    const voices = [g, ...(voicesOf.get(g.id) ?? [])];
    if (voices.some((v) => count(index.byActor, v.id) > 0)) return true;
    const names = new Set(voices.flatMap((v) => [v.label, ...v.aliases.map((a) => a.text)]).map((n) => n.toLowerCase()));
    for (const name of names) for (const m of byAffiliation.get(name) ?? []) if (count(index.byActor, m.id) > 0) return true;
    return false;
  };
  return corpus.entities
    .filter((e) => {
      if (has(e)) return false;
      // buildEntityRecord: a government's voice shows what the government said, else what others said about it.
      const government = e.speaksAs !== undefined ? index.entities.get(e.speaksAs) : undefined;
      return !(government && (governmentSaid(government) || count(index.byTopic, government.id) > 0));
    })
    .map((e) => e.id);
}

/** The slow definition of entitiesWithNothingToShow, kept for the test that holds the two equal. */
export function entitiesWithNothingToShowByCards(corpus: Corpus): string[] {
  return corpus.entities.filter((e) => !recordHasContent(buildEntityRecord(corpus, e.id))).map((e) => e.id);
}
