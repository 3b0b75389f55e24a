/**
 * A moderator's verdict on a claim, as stored (background `checks` table) and
 * as exported. Plain JSON: it crosses the message channel as is.
 */
import * as v from 'valibot';
import { httpUrl } from '../schema/http-url.ts';
import { normalizePageUrl } from '../anchoring/page-url.ts';
import { siteOf } from '../site.ts';
import { MAX_TITLE_CHARS, MAX_URL_CHARS } from '../limits.ts';
import { DateRange } from '../corpus/schema.ts';

export const VERDICTS = ['consistent', 'contradicts', 'misattributed', 'not-in-record'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  consistent: 'Consistent with the record',
  contradicts: 'Contradicts the record',
  misattributed: 'Misattributed',
  'not-in-record': 'Not in the record',
};

/** Where the claim sits on its page: the anchoring module's selector shape, so claims re-anchor like highlights. */
export const ClaimSelectors = v.object({
  quote: v.object({ exact: v.pipe(v.string(), v.maxLength(10_000)), prefix: v.pipe(v.string(), v.maxLength(200)), suffix: v.pipe(v.string(), v.maxLength(200)) }),
  position: v.optional(v.object({ start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
});
export type ClaimSelectors = v.InferOutput<typeof ClaimSelectors>;

const ShortId = v.pipe(v.string(), v.maxLength(200));

/** The verdict the checker suggested and why, stored beside the moderator's own (which may differ). */
export const StoredSuggestion = v.object({
  verdict: v.picklist(VERDICTS),
  reason: v.picklist(['speaker-match', 'opposite-polarity', 'condition-dropped', 'details-differ', 'roles-reversed', 'other-actor', 'match-without-speaker', 'nothing-matches', 'speaker-unrelated', 'same-page-only']),
  positionIds: v.pipe(v.array(ShortId), v.maxLength(20)),
  concepts: v.pipe(v.array(ShortId), v.maxLength(50)),
  polarity: v.nullable(v.object({ conceptId: ShortId, claim: v.picklist([1, -1]), record: v.picklist([1, -1]) })),
  speakerId: v.nullable(ShortId),
  otherActorId: v.nullable(ShortId),
  droppedCondition: v.boolean(),
  /** For details-differ: the year or figure the claim names and the record's. */
  details: v.optional(v.object({ kind: v.picklist(['year', 'number']), claim: v.pipe(v.string(), v.maxLength(20)), record: v.pipe(v.string(), v.maxLength(20)) })),
  /** For roles-reversed: the concept, and the actor doing it in the claim and in the record. */
  roles: v.optional(v.object({ conceptId: ShortId, claim: ShortId, record: ShortId })),
});
export type StoredSuggestion = v.InferOutput<typeof StoredSuggestion>;

/** What the side panel sends to save a verdict. */
export const CheckDraft = v.object({
  /** Set when editing a saved check. */
  id: v.optional(v.pipe(v.string(), v.maxLength(100))),
  claim: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(10_000)),
  pageUrl: v.pipe(httpUrl(), v.maxLength(MAX_URL_CHARS)),
  pageTitle: v.pipe(v.string(), v.maxLength(MAX_TITLE_CHARS)),
  selectors: v.optional(ClaimSelectors),
  verdict: v.picklist(VERDICTS),
  note: v.pipe(v.string(), v.maxLength(10_000)),
  positionIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(200)),
  actorIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(200)),
  topicIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(200)),
  speakerId: v.optional(v.pipe(v.string(), v.maxLength(200))),
  /** What the checker suggested when the verdict was saved, with its evidence. */
  suggestion: v.optional(StoredSuggestion),
});
export type CheckDraft = v.InferOutput<typeof CheckDraft>;

/** Longest run of a position's words shown beside a verdict; longer ones end with "…" at a word boundary. */
export const SNIPPET_CHARS = 240;

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/**
 * A position told the way a moderator reads it (speaker label, words, outlet, date): what the Checks tab and a
 * claim mark's card show, and what a saved check keeps of each position it rests on (its `evidence`), so the
 * words a verdict rested on stay readable after the position leaves the record (a user position undone or deleted).
 */
export const PositionSummarySchema = v.object({
  id: Text(200),
  speaker: Text(1000),
  words: Text(SNIPPET_CHARS + 1),
  kind: v.picklist(['quote', 'paraphrase']),
  date: DateRange,
  outlet: Text(1000),
  sourceId: Text(200),
  /** The source's address, when the record has one: a position from the check's own page is marked (audit A30). */
  sourceUrl: v.optional(Text(2048)),
  /** Set by the background for a claim mark's card instead of the address: taken from the page the claim is on. */
  samePage: v.optional(v.literal(true)),
});

/** A stored check, as the database and backup files hold it. */
export const CheckRowSchema = v.object({
  ...v.omit(CheckDraft, ['id']).entries,
  /**
   * What each position in positionIds (and the suggestion's) said when the check was saved; written by the
   * background from the record, never by the page. Absent on checks saved before session 10 (they show a gone
   * position as missing, as before).
   */
  evidence: v.optional(v.pipe(v.array(PositionSummarySchema), v.maxLength(220))),
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  /** Host name of the page, for the site filter. */
  site: v.string(),
  createdAt: v.number(),
  updatedAt: v.number(),
});
export type CheckRow = v.InferOutput<typeof CheckRowSchema>;

/** The page address a check is filed under: the same key as highlights (no fragment, no click trackers). */
export function pageKey(url: string): string {
  return normalizePageUrl(url);
}

export function toCheckRow(draft: CheckDraft, now: number, id: string, createdAt = now): CheckRow {
  const { id: _ignored, ...rest } = draft;
  return { ...rest, pageUrl: pageKey(draft.pageUrl), id, site: siteOf(draft.pageUrl) ?? new URL(draft.pageUrl).hostname, createdAt, updatedAt: now };
}
