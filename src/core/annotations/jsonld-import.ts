/**
 * Reads Web Annotation JSON-LD back into highlights, all or nothing: every
 * annotation is validated before anything is returned, and every problem is
 * reported in words, with the file, which highlight (its number and the
 * start of its quote) and what is wrong, e.g.
 * `notes.jsonld: highlight 4 (“Talks are stalled…”): it has no quoted text, so the highlighted passage is unknown.`
 * (the JSON path is kept on the problem, for tools, but not shown).
 *
 * Accepted shapes: an AnnotationCollection (our export), an AnnotationPage,
 * a JSON array of annotations, or one annotation. Files from other tools are
 * read when they carry a TextQuoteSelector; a missing TextPositionSelector
 * becomes the span [0, quote length), which re-anchoring treats as a hint only.
 */
import * as v from 'valibot';
import { tryNormalizePageUrl } from '../anchoring/page-url.ts';
import { ENTITY_URN_PREFIX, EXTENSION_TERMS, UUID_URN_PREFIX } from './jsonld-export.ts';
import {
  cleanTags,
  DEFAULT_COLOR,
  HIGHLIGHT_COLORS,
  SavedHighlightSchema,
  MAX_CONTEXT_CHARS,
  MAX_QUOTE_CHARS,
  type SavedHighlight,
  type HighlightColor,
} from './model.ts';

/**
 * The largest highlights file imported: a backup carries every highlight and
 * is itself limited to 32 MB (MAX_BACKUP_BYTES), so a highlights file past
 * that could never be backed up again; the page refuses it before reading.
 */
export const MAX_HIGHLIGHTS_FILE_BYTES = 32 * 1024 * 1024;

/** Problems listed in one error: enough to fix a file, few enough to read. */
export const MAX_REPORTED_PROBLEMS = 20;

export interface ImportProblem {
  /** Where, as a JSON path (`$.first.items[3].target.selector`): for tools and tests, not shown. */
  readonly path: string;
  /** What is wrong, as a sentence a person reads (it names the highlight). */
  readonly problem: string;
}

export class ImportError extends Error {
  constructor(readonly file: string, readonly problems: readonly ImportProblem[], readonly total = problems.length) {
    const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).map((p) => `${file}: ${p.problem}`);
    const more = total > shown.length ? [`… and ${total - shown.length} more problems`] : [];
    super([...shown, ...more].join('\n'));
    this.name = 'ImportError';
  }
}

// Messages are predicates: "<the field, in words> <message>" reads as a sentence.
const Str = v.string('is not text');
const DateText = v.pipe(Str, v.check((s) => !Number.isNaN(Date.parse(s)), 'is not a date (such as 2024-05-01T12:00:00Z)'));
const Offset = v.pipe(v.number('is not a number'), v.integer('is not a whole number'), v.minValue(0, 'is below 0'));

const QuoteSelector = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(Str, v.minLength(1, 'is empty'), v.maxLength(MAX_QUOTE_CHARS, `is longer than ${MAX_QUOTE_CHARS} characters`)),
  prefix: v.optional(v.pipe(Str, v.maxLength(MAX_CONTEXT_CHARS, `is longer than ${MAX_CONTEXT_CHARS} characters`))),
  suffix: v.optional(v.pipe(Str, v.maxLength(MAX_CONTEXT_CHARS, `is longer than ${MAX_CONTEXT_CHARS} characters`))),
});
const PositionSelector = v.object({ type: v.literal('TextPositionSelector'), start: Offset, end: Offset });
const AnySelector = v.looseObject({ type: Str });

const Body = v.looseObject({
  type: v.optional(Str),
  purpose: v.optional(Str),
  value: v.optional(Str),
  source: v.optional(Str),
});

const AnnotationSchema = v.looseObject({
  id: v.pipe(Str, v.minLength(1, 'is empty'), v.maxLength(200 + UUID_URN_PREFIX.length, 'is too long')),
  type: v.union([v.literal('Annotation'), v.array(Str)], 'is not "Annotation"'),
  motivation: v.optional(v.union([v.array(Str), Str])),
  created: v.optional(DateText),
  modified: v.optional(DateText),
  body: v.optional(v.union([v.array(Body), Body])),
  target: v.looseObject(
    {
      source: v.pipe(Str, v.url('is not a web address')),
      selector: v.union([v.array(AnySelector), AnySelector], 'is missing'),
      [EXTENSION_TERMS.title]: v.optional(Str),
      [EXTENSION_TERMS.canonical]: v.optional(v.pipe(Str, v.url('is not a web address'))),
    },
    'is missing (the page and the quoted text)',
  ),
  [EXTENSION_TERMS.color]: v.optional(v.picklist(HIGHLIGHT_COLORS, `is not one of ${HIGHLIGHT_COLORS.join(', ')}`)),
});

type Segment = string | number;

function formatPath(segments: readonly Segment[]): string {
  let out = '$';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : /^[A-Za-z_@][\w@]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  return out;
}

/** Fields in words, by their key (the last key of a path that has one here names the field). */
const FIELD_WORDS: Record<string, string> = {
  id: 'its id',
  type: 'its type',
  motivation: 'its motivation',
  created: 'its creation date',
  modified: 'its modification date',
  body: 'its note or tags',
  value: 'its note or tags',
  target: 'its target',
  source: 'its page address',
  selector: 'its quoted text',
  exact: 'the quoted text',
  prefix: 'the text before the quote',
  suffix: 'the text after the quote',
  start: 'its position on the page',
  end: 'its position on the page',
  [EXTENSION_TERMS.color]: 'its colour',
  [EXTENSION_TERMS.title]: 'its page title',
  [EXTENSION_TERMS.canonical]: 'its page\'s canonical address',
  pageUrl: 'its page address',
  canonicalUrl: 'its page\'s canonical address',
  pageTitle: 'its page title',
  note: 'its note',
  tags: 'its tags',
  color: 'its colour',
  selectors: 'its quoted text',
};

function fieldWords(keys: readonly Segment[]): string {
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i];
    if (typeof k === 'string' && Object.hasOwn(FIELD_WORDS, k)) return FIELD_WORDS[k]!;
  }
  return 'it';
}

/** "highlight 4 (“Talks are stalled…”)": the number a person counts, and the start of the quote when there is one. */
function whichHighlight(index: number, item: unknown): string {
  const selectors = (item as { target?: { selector?: unknown } } | null)?.target?.selector;
  const quote = (Array.isArray(selectors) ? selectors : [selectors]).find(
    (s): s is { exact: string } => typeof (s as { exact?: unknown } | null)?.exact === 'string' && (s as { exact: string }).exact.trim() !== '',
  );
  const words = quote ? quote.exact.replace(/\s+/g, ' ').trim() : '';
  return `highlight ${index + 1}${words ? ` (“${words.length > 40 ? `${words.slice(0, 40)}…` : words}”)` : ''}`;
}

/** A validator issue as a problem: the JSON path kept, the sentence in words. */
function issueProblem(base: readonly Segment[], index: number, item: unknown, issue: v.BaseIssue<unknown>, under: readonly Segment[] = []): ImportProblem {
  const rest = [...under, ...(issue.path ?? []).map((p) => p.key as Segment)];
  return { path: formatPath([...base, ...rest]), problem: `${whichHighlight(index, item)}: ${fieldWords(rest)} ${issue.message}.` };
}

function asList<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

function localId(id: string): string {
  return id.startsWith(UUID_URN_PREFIX) ? id.slice(UUID_URN_PREFIX.length) : id;
}

/** Where the annotations are inside the file, and the path of that list. */
function locateItems(data: unknown): { items: unknown[]; base: Segment[] } | ImportProblem {
  if (Array.isArray(data)) return { items: data, base: [] };
  if (typeof data !== 'object' || data === null) return { path: '$', problem: 'this is not a highlights file (a highlights export holds a list of annotations).' };
  const o = data as Record<string, unknown>;
  if (o.type === 'AnnotationCollection') {
    const first = o.first;
    if (typeof first !== 'object' || first === null || !Array.isArray((first as { items?: unknown }).items)) {
      return { path: '$.first.items', problem: 'the file names a collection of highlights but does not hold them (its first page has no list of items).' };
    }
    return { items: (first as { items: unknown[] }).items, base: ['first', 'items'] };
  }
  if (o.type === 'AnnotationPage') {
    if (!Array.isArray(o.items)) return { path: '$.items', problem: 'the file names a page of highlights but holds no list of them.' };
    return { items: o.items, base: ['items'] };
  }
  return { items: [data], base: [] };
}

/**
 * Parses a file's text. Throws ImportError (nothing is returned, so nothing
 * is written) when the JSON is malformed or any annotation is invalid.
 * `now` stands in for missing dates.
 */
export function parseJsonLd(file: string, text: string, now = Date.now()): SavedHighlight[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportError(file, [{ path: '$', problem: `the file is not JSON, so it is not a highlights export (${err instanceof Error ? err.message : String(err)}).` }]);
  }
  const located = locateItems(data);
  if (!('items' in located)) throw new ImportError(file, [located]);
  const problems: ImportProblem[] = [];
  const out: SavedHighlight[] = [];
  const ids = new Map<string, number>();
  located.items.forEach((item, i) => {
    const base = [...located.base, i];
    const parsed = v.safeParse(AnnotationSchema, item);
    if (!parsed.success) {
      for (const issue of parsed.issues) problems.push(issueProblem(base, i, item, issue));
      return;
    }
    const a = parsed.output;
    const which = whichHighlight(i, item);
    const selectors = asList(a.target.selector);
    const quoteAt = selectors.findIndex((s) => s.type === 'TextQuoteSelector');
    if (quoteAt < 0) {
      problems.push({ path: formatPath([...base, 'target', 'selector']), problem: `${which}: it has no quoted text (a TextQuoteSelector), so the highlighted passage is unknown.` });
      return;
    }
    const quote = v.safeParse(QuoteSelector, selectors[quoteAt]);
    const selectorUnder = Array.isArray(a.target.selector) ? ['target', 'selector', quoteAt] : ['target', 'selector'];
    if (!quote.success) {
      for (const issue of quote.issues) problems.push(issueProblem(base, i, item, issue, selectorUnder));
      return;
    }
    const positionAt = selectors.findIndex((s) => s.type === 'TextPositionSelector');
    let position = { start: 0, end: quote.output.exact.length };
    if (positionAt >= 0) {
      const p = v.safeParse(PositionSelector, selectors[positionAt]);
      const pUnder = Array.isArray(a.target.selector) ? ['target', 'selector', positionAt] : ['target', 'selector'];
      if (!p.success) {
        for (const issue of p.issues) problems.push(issueProblem(base, i, item, issue, pUnder));
        return;
      }
      if (p.output.end < p.output.start) {
        problems.push({ path: formatPath([...base, ...pUnder, 'end']), problem: `${which}: its position on the page ends before it starts.` });
        return;
      }
      position = { start: p.output.start, end: p.output.end };
    }
    const bodies = asList(a.body);
    const note = bodies.filter((b) => b.purpose === 'commenting' && typeof b.value === 'string').map((b) => b.value).join('\n\n');
    const tags = cleanTags(bodies.filter((b) => b.purpose === 'tagging' && typeof b.value === 'string').map((b) => b.value as string));
    const entityIds = bodies
      .filter((b) => b.purpose === 'identifying' && b.source?.startsWith(ENTITY_URN_PREFIX))
      .map((b) => (b.source as string).slice(ENTITY_URN_PREFIX.length));
    const id = localId(a.id);
    const seenAt = ids.get(id);
    if (seenAt !== undefined) {
      problems.push({ path: formatPath([...base, 'id']), problem: `${which}: it has the same id as highlight ${seenAt + 1}.` });
      return;
    }
    ids.set(id, i);
    const pageUrl = tryNormalizePageUrl(a.target.source);
    if (!pageUrl) {
      problems.push({ path: formatPath([...base, 'target', 'source']), problem: `${which}: its page is not a web page (only http and https addresses are kept).` });
      return;
    }
    const createdAt = a.created ? Date.parse(a.created) : now;
    const candidate = {
      id,
      pageUrl,
      ...(a.target[EXTENSION_TERMS.canonical] ? { canonicalUrl: a.target[EXTENSION_TERMS.canonical] } : {}),
      pageTitle: a.target[EXTENSION_TERMS.title] ?? '',
      createdAt,
      updatedAt: a.modified ? Date.parse(a.modified) : createdAt,
      selectors: { quote: { exact: quote.output.exact, prefix: quote.output.prefix ?? '', suffix: quote.output.suffix ?? '' }, position },
      entityIds,
      note,
      tags,
      color: (a[EXTENSION_TERMS.color] as HighlightColor | undefined) ?? DEFAULT_COLOR,
    };
    const checked = v.safeParse(SavedHighlightSchema, candidate);
    if (!checked.success) {
      for (const issue of checked.issues) {
        const keys = (issue.path ?? []).map((k) => k.key as Segment);
        problems.push({ path: formatPath([...base, ...keys]), problem: `${which}: ${fieldWords(keys)} cannot be kept (${issue.message}).` });
      }
      return;
    }
    out.push(checked.output);
  });
  if (problems.length > 0) throw new ImportError(file, problems.slice(0, MAX_REPORTED_PROBLEMS), problems.length);
  return out;
}
