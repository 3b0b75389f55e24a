/**
 * From a statement on a page (or a saved highlight, or a reviewed candidate)
 * to what the user layer stores: a position, its source and, for a speaker
 * the record lacks, a new entity. The source keeps the passage with some
 * context (not the whole page) and the selectors that find the passage on
 * the live page again, as a highlight's do.
 */
import * as v from 'valibot';
import { describeSpan } from '../anchoring/describe.ts';
import type { Selectors } from '../anchoring/types.ts';
import { DateRange, EntityType, type DateRange as DateRangeT } from '../corpus/schema.ts';
import type { PageSource, PageStatement, StatementEdits } from './types.ts';
import { MAX_URL_CHARS } from '../limits.ts';

/** Context kept either side of a passage in the stored source text, at most, cut at a paragraph break when there is one. */
export const PASSAGE_CONTEXT_CHARS = 600;

const EntityId = v.pipe(v.string(), v.minLength(1), v.maxLength(120));
const Text = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(5000));
const Short = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(1000));
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));

const QuoteSelector = v.object({ exact: v.pipe(v.string(), v.minLength(1), v.maxLength(50_000)), prefix: v.pipe(v.string(), v.maxLength(1000)), suffix: v.pipe(v.string(), v.maxLength(1000)) });
export const AnchorSelectors = v.object({
  quote: QuoteSelector,
  position: v.object({ start: Offset, end: Offset }),
});

/** A position ready for the user layer (or a named corpus), before ids are minted. */
export const RecordDraft = v.pipe(
  v.object({
    actor: v.union([v.object({ id: EntityId }), v.object({ name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300)), type: EntityType })]),
    topics: v.pipe(v.array(EntityId), v.maxLength(50)),
    stance: Text,
    quote: v.optional(Text),
    paraphrase: v.optional(Text),
    date: DateRange,
    source: v.object({
      url: v.optional(v.pipe(v.string(), v.url(), v.maxLength(MAX_URL_CHARS))),
      title: Short,
      outlet: Short,
      language: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)),
      published: DateRange,
      text: v.pipe(v.string(), v.minLength(1), v.maxLength(200_000)),
      /** Where the passage is on the live page (page-text selectors), to find it there again. */
      anchor: v.optional(AnchorSelectors),
    }),
    passage: v.object({ start: Offset, end: Offset }),
    /** Where it came from: the page's statement finder, a saved highlight, a reviewed candidates file. */
    origin: v.optional(v.picklist(['page', 'highlight', 'review'])),
  }),
  v.check((d) => d.passage.start < d.passage.end && d.passage.end <= d.source.text.length, 'the passage lies outside its text'),
  v.check((d) => d.quote !== undefined || d.paraphrase !== undefined, 'a position needs a quote or a paraphrase'),
);
export type RecordDraft = v.InferOutput<typeof RecordDraft>;

/** [start, end) widened to its paragraph(s), at most PASSAGE_CONTEXT_CHARS either side. */
export function passageWindow(text: string, start: number, end: number, context = PASSAGE_CONTEXT_CHARS): { from: number; to: number } {
  let from = Math.max(0, start - context);
  const breakBefore = text.lastIndexOf('\n', start - 1);
  if (breakBefore >= from) from = breakBefore + 1;
  let to = Math.min(text.length, end + context);
  const breakAfter = text.indexOf('\n', end);
  if (breakAfter !== -1 && breakAfter <= to) to = breakAfter;
  return { from, to };
}

/** The day a statement is dated by when neither it nor its page tells: today, at day precision, with that said. */
export function todayRange(now: Date, reasoning: string): DateRangeT {
  const day = now.toISOString().slice(0, 10);
  return { from: day, to: day, precision: 'day', reasoning };
}

/**
 * The longest part of a (possibly interrupted) quote that occurs verbatim in
 * `passage`: a quote split by "he said" is stored by its parts' longest one,
 * since a recorded quote must be verbatim.
 */
export function verbatimQuote(quote: string | null | undefined, passage: string): string | undefined {
  if (!quote) return undefined;
  const q = quote.trim();
  if (q && passage.includes(q)) return q;
  const parts = q.split(/\s*(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*|\n+/u).map((p) => p.trim()).filter((p) => p.length >= 8 && passage.includes(p));
  return parts.sort((a, b) => b.length - a.length)[0];
}

/** A statement on a page, with the person's edits, as a draft for the user layer. */
export function draftFromStatement(pageText: string, page: PageSource, statement: Pick<PageStatement, 'start' | 'end' | 'quote'>, edits: StatementEdits): RecordDraft {
  const { start, end } = statement;
  const { from, to } = passageWindow(pageText, start, end);
  const text = pageText.slice(from, to);
  const passage = { start: start - from, end: end - from };
  const quote = edits.keepQuote ? verbatimQuote(statement.quote, text.slice(passage.start, passage.end)) : undefined;
  const anchor: Selectors = describeSpan(pageText, start, end);
  return {
    actor: edits.speakerId ? { id: edits.speakerId } : { name: edits.speakerName as string, type: edits.speakerType ?? 'person' },
    topics: edits.topics,
    stance: edits.stance,
    ...(quote ? { quote } : {}),
    ...(edits.paraphrase ? { paraphrase: edits.paraphrase } : quote ? {} : { paraphrase: pageText.slice(start, end).trim().slice(0, 5000) }),
    date: edits.date,
    source: {
      ...(page.url ? { url: page.url } : {}),
      title: page.title,
      outlet: page.outlet,
      language: page.language,
      published: page.published ?? edits.date,
      text,
      anchor: { quote: anchor.quote, position: anchor.position },
    },
    passage,
    origin: 'page',
  };
}
