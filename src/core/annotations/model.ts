/**
 * A researcher's saved highlight: what they marked, where, and what they
 * wrote about it. Stored in the extension's IndexedDB (storage/db.ts),
 * exchanged as W3C Web Annotations (jsonld.ts).
 */
import * as v from 'valibot';
import { httpUrl } from '../schema/http-url.ts';
import { siteOf } from '../site.ts';
import { MAX_TITLE_CHARS, MAX_URL_CHARS } from '../limits.ts';

/** Colours a highlight can have. Names only: the page sees them as CSS highlight names. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
export const DEFAULT_COLOR: HighlightColor = 'yellow';

/** A note is prose, not a document: 20,000 characters is several pages. */
export const MAX_NOTE_CHARS = 20_000;
export const MAX_TAG_CHARS = 64;
export const MAX_TAGS = 50;
/** A selection longer than this (about ten pages) is almost certainly a "select all" by mistake. */
export const MAX_QUOTE_CHARS = 50_000;
/** Context either side of a quote; generous, since imported files may carry more than we save. */
export const MAX_CONTEXT_CHARS = 1_000;

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const Time = v.pipe(v.number(), v.integer(), v.minValue(0));

export const QuoteSchema = v.object({
  exact: v.pipe(v.string(), v.minLength(1, 'the quote is empty'), v.maxLength(MAX_QUOTE_CHARS)),
  prefix: Text(MAX_CONTEXT_CHARS),
  suffix: Text(MAX_CONTEXT_CHARS),
});

export const SelectorsSchema = v.object({
  quote: QuoteSchema,
  position: v.pipe(
    v.object({ start: Offset, end: Offset }),
    v.check((p) => p.start <= p.end, 'the position ends before it starts'),
  ),
});

export const HighlightIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
export const TagSchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'a tag is empty'), v.maxLength(MAX_TAG_CHARS));
export const TagsSchema = v.pipe(v.array(TagSchema), v.maxLength(MAX_TAGS));

export const SavedHighlightSchema = v.object({
  id: HighlightIdSchema,
  /** Normalised (see core/anchoring/page-url.ts): the key highlights are looked up by. */
  pageUrl: v.pipe(httpUrl(), v.maxLength(MAX_URL_CHARS)),
  /** The page's `<link rel=canonical>`, when it had one. */
  canonicalUrl: v.optional(v.pipe(httpUrl(), v.maxLength(MAX_URL_CHARS))),
  pageTitle: Text(MAX_TITLE_CHARS),
  createdAt: Time,
  updatedAt: Time,
  selectors: SelectorsSchema,
  /** Corpus entities the quote mentions, found when it was saved. */
  entityIds: v.array(Text(200)),
  note: Text(MAX_NOTE_CHARS),
  tags: TagsSchema,
  color: v.picklist(HIGHLIGHT_COLORS),
  /** Set when the last visit could not place the highlight on the page; cleared when it could. */
  orphanedAt: v.optional(Time),
});

export type SavedHighlight = v.InferOutput<typeof SavedHighlightSchema>;
export type HighlightSelectors = v.InferOutput<typeof SelectorsSchema>;

/** What a reader can change after saving. */
export const HighlightPatchSchema = v.object({
  note: v.optional(Text(MAX_NOTE_CHARS)),
  tags: v.optional(TagsSchema),
  color: v.optional(v.picklist(HIGHLIGHT_COLORS)),
});
export type HighlightPatch = v.InferOutput<typeof HighlightPatchSchema>;

/** Trims, collapses inner spaces and drops repeats (case-insensitively, keeping the first spelling). */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_CHARS);
    const key = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out.slice(0, MAX_TAGS);
}

/** Splits what a reader typed into the tag field ("policy, ukraine  talks") into tags. */
export function parseTagInput(input: string): string[] {
  return cleanTags(input.split(/[,;\n]/));
}

/** The site a highlight is listed under (core/site.ts), empty for a page that has none. */
export function highlightSite(pageUrl: string): string {
  return siteOf(pageUrl) ?? '';
}
