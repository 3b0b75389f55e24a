/**
 * What the browser shows of the statements found on a page, and what a
 * person sends back to record one: DOM-free, shared by the background, the
 * popup, the side panel, the review queue and the popover's empty card.
 */
import * as v from 'valibot';
import { DateRange, EntityType } from '../corpus/schema.ts';

export type StatementKind = 'direct' | 'indirect' | 'mixed';

/** One attributed statement of the current page, as the lists show it. */
export interface PageStatement {
  /** The content span in the page's text (the extension's page-text string). */
  start: number;
  end: number;
  /** The speaker as an entity of the record, or null for a person or organization the record lacks. */
  speakerId: string | null;
  /** The speaker's name as the page writes it. */
  speakerName: string;
  /** For a new speaker: the type guessed from the text. */
  speakerType: EntityType;
  kind: StatementKind;
  /** The quoted words, verbatim, when the statement is (partly) direct. */
  quote: string | null;
  /** The content span's text. */
  text: string;
  /** Topics and actors named in the content (entity ids). */
  topics: string[];
  /** When it was said, as far as the page tells (its publication date, or a relative date resolved against it). */
  date: DateRange | null;
  /** The position that already records this statement, when there is one. */
  recorded: { positionId: string; mine: boolean } | null;
}

/** The page as a source: what a recorded position's source says about where it comes from. */
export interface PageSource {
  url: string;
  title: string;
  outlet: string;
  language: string;
  /** Publication date and the evidence for it, when the page tells. */
  published: DateRange | null;
}

export interface PageStatements {
  page: PageSource;
  statements: PageStatement[];
  /** Labels and types of the entities the statements name, so the lists need no second request. */
  entities: Record<string, { label: string; type: EntityType }>;
}

const EntityId = v.pipe(v.string(), v.minLength(1), v.maxLength(120));
const Text = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(5000));
const Name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300));

/**
 * What a person may change before a statement is recorded: the speaker (an
 * entity of the record, or a new one by name), topics, date, paraphrase and
 * stance. The quote is never edited: it stays verbatim.
 */
export const StatementEdits = v.pipe(
  v.object({
    speakerId: v.optional(EntityId),
    speakerName: v.optional(Name),
    speakerType: v.optional(v.picklist(['person', 'organization', 'collective'])),
    topics: v.optional(v.pipe(v.array(EntityId), v.maxLength(50)), []),
    stance: Text,
    paraphrase: v.optional(Text),
    /** False drops the quote (e.g. an indirect statement recorded as a paraphrase only). */
    keepQuote: v.optional(v.boolean(), true),
    date: DateRange,
  }),
  v.check((e) => e.speakerId !== undefined || e.speakerName !== undefined, 'a statement needs a speaker'),
);
export type StatementEdits = v.InferOutput<typeof StatementEdits>;
export type StatementEditsInput = v.InferInput<typeof StatementEdits>;

/**
 * A statement's words as the lists show and record them: without the comma that hands a quote over to its
 * attribution ("We are ready," he said). The finder's content span keeps it (punctuation inside the marks belongs
 * to the span in the extraction set's guidelines); a reader and a recorded quote do not need it.
 */
export function spokenWords(text: string): string {
  return text.replace(/[\s,]+$/u, '');
}

/** Ids the user layer mints start with this (background/user-layer.ts USER_ID_PREFIX): "yours" in every view. */
export const USER_POSITION_PREFIX = 'user-';
export function isUserPositionId(id: string): boolean {
  return id.startsWith(USER_POSITION_PREFIX);
}
