/** Public types of the statement finder (see index.ts for the API). Plain data: structured-clonable. */
import type { EntityType } from '../corpus/schema.ts';

export type Lang = 'en' | 'ru' | 'uk' | 'de';

/** UTF-16 offsets into the text given to the finder, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** How the speaker was found. */
export type SpeakerVia = 'name' | 'role' | 'collective' | 'pronoun' | 'headline' | 'candidate';

export interface StatementSpeaker extends TextSpan {
  /** Entity of the record, or null for a new candidate (then `name` is the name as written). */
  entityId: string | null;
  /** The entity's label, or the name as written for a candidate, or the pronoun if unresolved. */
  name: string;
  /** The entity's type, or a guess for a candidate ("person" unless the words say organization). */
  type: EntityType;
  via: SpeakerVia;
  /** For a pronoun or role: the span of the antecedent / role phrase that led to the entity. */
  resolvedFrom?: TextSpan;
}

export interface StatementCue extends TextSpan {
  lemma: string;
  lang: Lang;
}

/** The outlet that reported the words ("according to TASS"): never the speaker. */
export interface ReportingSource extends TextSpan {
  entityId: string | null;
  name: string;
}

export interface Condition extends TextSpan {
  /** The marker as written: "only if", "лишь после", "erst wenn". */
  marker: string;
}

export interface Modality {
  /** Negation words in the content (not, не, ні, nicht, kein …). */
  negations: TextSpan[];
  conditions: Condition[];
  /** "ready"/"готов"/"bereit" (negated: refusal), "refuse"/"отказ"/"ablehnen". */
  stance: 'ready' | 'refuses' | null;
}

export type StatementKind = 'direct' | 'indirect' | 'mixed';

/** One decision and the sieve that made it (CoreNLP-style reasons). */
export interface Reason {
  step: 'quote' | 'cue' | 'speaker' | 'content' | 'source' | 'resolve';
  sieve: string;
}

export interface Statement {
  speaker: StatementSpeaker;
  /** null for a headline "Peskov: …" or a quote continuing the previous speaker. */
  cue: StatementCue | null;
  /** The words attributed: the quote(s) without their marks, or the reported clause. */
  content: TextSpan;
  /** The direct quote pieces, verbatim, without their marks (several when split by "he said"). */
  quotes: TextSpan[];
  /** The pieces joined by one space (verbatim when there is one piece); "" for indirect speech. */
  quote: string;
  kind: StatementKind;
  source: ReportingSource | null;
  polarity: 'positive' | 'negative';
  modality: Modality;
  /** Entities named in the content by the matcher: actors (people, organizations, collectives) and topics (topics, events, places). */
  actors: string[];
  topics: string[];
  /** The sentence(s) the statement was found in: the passage for a position. */
  passage: { start: number; end: number };
  lang: Lang;
  reasons: Reason[];
}
