/**
 * The record views the popover renders. Everything here is plain data
 * (strings, numbers, arrays, objects) so a record can cross the extension
 * message channel by structured clone.
 */
import type { DatePrecision, DateRange, Entity, EntityType, LinkType, Side, Span } from '../corpus/schema.ts';

export interface ActorRef {
  id: string;
  label: string;
  type: EntityType;
  side?: SideRef;
}

export interface SideRef {
  id: string;
  label: string;
}

export interface SourceRef {
  id: string;
  title: string;
  outlet: string;
  file?: string;
  url?: string;
}

export interface TopicRef {
  id: string;
  label: string;
}

export type LinkDirection = 'outgoing' | 'incoming';

/** A link between two positions, seen from one end. */
export interface LinkView {
  type: LinkType;
  direction: LinkDirection;
  note?: string;
  target: {
    id: string;
    actorId: string;
    actorLabel: string;
    stance: string;
    date: DateRange;
  };
}

export interface PositionView {
  id: string;
  stance: string;
  /** Misspellings in the quote or paraphrase that the source printed (the record's aliases noted as typos): shown with [sic]. */
  sic?: string[];
  quote?: string;
  paraphrase?: string;
  medium?: string;
  date: DateRange;
  passage: Span;
  actor: ActorRef;
  /** Who relayed it, for second-hand statements. */
  reportedBy?: { id: string; label: string };
  source: SourceRef;
  topics: TopicRef[];
  links: LinkView[];
}

export interface TopicCount extends TopicRef {
  count: number;
}

export interface TimelineMark {
  positionId: string;
  from: string;
  to: string;
  precision: DatePrecision;
}

/**
 * Where a card's positions come from when the entity has none of its own (no empty cards): positions about it
 * ("about"), those of its people (entities whose `affiliation` names it: "members"), those of the government it stands for when it speaks ("government": the Kremlin, Moscow, Kyiv), or those on the topics and events named after it ("named").
 */
export type RecordVia =
  | { kind: 'about' }
  | { kind: 'members' }
  | { kind: 'government'; id: string; label: string }
  /** The positions about the entities whose names contain this one's ("NATO membership" for NATO, "Antalya talks" for Antalya). */
  | { kind: 'named'; labels: string[] };

/** For a person, organization or collective. */
export interface ActorRecord {
  kind: 'actor';
  entity: Entity;
  via?: RecordVia;
  side?: Side;
  /** Total of the actor's own positions. */
  count: number;
  /** The actor's positions, newest first. */
  positions: PositionView[];
  /** Topics of those positions, most frequent first: the filter chips. */
  topics: TopicCount[];
  /** Positions on the same topics by actors of an opposing side, newest first, capped. */
  otherSide: PositionView[];
  /** How many opposing positions there were before the cap. */
  otherSideCount: number;
  /** Positions of others that this entity relayed ("reported by"), newest first. */
  relayed: PositionView[];
  /** One mark per own position, oldest first. */
  timeline: TimelineMark[];
}

export interface SideGroup {
  /** null groups the actors that belong to no side. */
  side: Side | null;
  /** Set when the group is one speaker's (a government's card: the Russian government, Peskov, Putin), not a side's. */
  speaker?: { id: string; label: string };
  count: number;
  positions: PositionView[];
}

/** For a topic, an event or a place: who said what about it. */
export interface TopicRecord {
  kind: 'topic';
  entity: Entity;
  via?: RecordVia;
  count: number;
  groups: SideGroup[];
}

export type EntityRecord = ActorRecord | TopicRecord;
