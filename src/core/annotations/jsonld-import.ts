/**
 * Reads Web Annotation JSON-LD back into highlights, all or nothing: every
 * annotation is validated before anything is returned, and every problem is
 * reported with the file, the JSON path and what is wrong, e.g.
 * `notes.jsonld: $.first.items[3].target.selector: no TextQuoteSelector`.
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

/** Problems listed in one error: enough to fix a file, few enough to read. */
export const MAX_REPORTED_PROBLEMS = 20;

export interface ImportProblem {
  readonly path: string;
  readonly problem: string;
}

export class ImportError extends Error {
  constructor(readonly file: string, readonly problems: readonly ImportProblem[], readonly total = problems.length) {
    const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).map((p) => `${file}: ${p.path}: ${p.problem}`);
    const more = total > shown.length ? [`… and ${total - shown.length} more problems`] : [];
    super([...shown, ...more].join('\n'));
    this.name = 'ImportError';
  }
}

const Str = v.string('expected a string');
const DateText = v.pipe(Str, v.check((s) => !Number.isNaN(Date.parse(s)), 'not a date (expected ISO 8601, e.g. 2024-05-01T12:00:00Z)'));
const Offset = v.pipe(v.number('expected a number'), v.integer('expected a whole number'), v.minValue(0, 'expected 0 or more'));

const QuoteSelector = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(Str, v.minLength(1, 'the quote is empty'), v.maxLength(MAX_QUOTE_CHARS, `the quote is longer than ${MAX_QUOTE_CHARS} characters`)),
  prefix: v.optional(v.pipe(Str, v.maxLength(MAX_CONTEXT_CHARS))),
  suffix: v.optional(v.pipe(Str, v.maxLength(MAX_CONTEXT_CHARS))),
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
  id: v.pipe(Str, v.minLength(1, 'the id is empty'), v.maxLength(200 + UUID_URN_PREFIX.length, 'the id is too long')),
  type: v.union([v.literal('Annotation'), v.array(Str)], 'expected "Annotation"'),
  motivation: v.optional(v.union([v.array(Str), Str])),
  created: v.optional(DateText),
  modified: v.optional(DateText),
  body: v.optional(v.union([v.array(Body), Body])),
  target: v.looseObject(
    {
      source: v.pipe(Str, v.url('the target source is not a URL')),
      selector: v.union([v.array(AnySelector), AnySelector], 'expected a selector or a list of selectors'),
      [EXTENSION_TERMS.title]: v.optional(Str),
      [EXTENSION_TERMS.canonical]: v.optional(v.pipe(Str, v.url('the canonical URL is not a URL'))),
    },
    'expected a target object with a source and selectors',
  ),
  [EXTENSION_TERMS.color]: v.optional(v.picklist(HIGHLIGHT_COLORS, `expected one of ${HIGHLIGHT_COLORS.join(', ')}`)),
});

type Segment = string | number;

function formatPath(segments: readonly Segment[]): string {
  let out = '$';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : /^[A-Za-z_@][\w@]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  return out;
}

function issuePath(base: readonly Segment[], issue: v.BaseIssue<unknown>): string {
  const rest = (issue.path ?? []).map((p) => p.key as Segment);
  return formatPath([...base, ...rest]);
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
  if (typeof data !== 'object' || data === null) return { path: '$', problem: 'expected an AnnotationCollection, an AnnotationPage, an Annotation or a list of them' };
  const o = data as Record<string, unknown>;
  if (o.type === 'AnnotationCollection') {
    const first = o.first;
    if (typeof first !== 'object' || first === null || !Array.isArray((first as { items?: unknown }).items)) {
      return { path: '$.first.items', problem: 'an AnnotationCollection must embed its first page with an "items" list' };
    }
    return { items: (first as { items: unknown[] }).items, base: ['first', 'items'] };
  }
  if (o.type === 'AnnotationPage') {
    if (!Array.isArray(o.items)) return { path: '$.items', problem: 'an AnnotationPage needs an "items" list' };
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
    throw new ImportError(file, [{ path: '$', problem: `not valid JSON (${err instanceof Error ? err.message : String(err)})` }]);
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
      for (const issue of parsed.issues) problems.push({ path: issuePath(base, issue), problem: issue.message });
      return;
    }
    const a = parsed.output;
    const selectors = asList(a.target.selector);
    const quoteAt = selectors.findIndex((s) => s.type === 'TextQuoteSelector');
    if (quoteAt < 0) {
      problems.push({ path: formatPath([...base, 'target', 'selector']), problem: 'no TextQuoteSelector: the highlighted text is unknown' });
      return;
    }
    const quote = v.safeParse(QuoteSelector, selectors[quoteAt]);
    const selectorBase = Array.isArray(a.target.selector) ? [...base, 'target', 'selector', quoteAt] : [...base, 'target', 'selector'];
    if (!quote.success) {
      for (const issue of quote.issues) problems.push({ path: issuePath(selectorBase, issue), problem: issue.message });
      return;
    }
    const positionAt = selectors.findIndex((s) => s.type === 'TextPositionSelector');
    let position = { start: 0, end: quote.output.exact.length };
    if (positionAt >= 0) {
      const p = v.safeParse(PositionSelector, selectors[positionAt]);
      const pBase = Array.isArray(a.target.selector) ? [...base, 'target', 'selector', positionAt] : [...base, 'target', 'selector'];
      if (!p.success) {
        for (const issue of p.issues) problems.push({ path: issuePath(pBase, issue), problem: issue.message });
        return;
      }
      if (p.output.end < p.output.start) {
        problems.push({ path: formatPath([...pBase, 'end']), problem: 'the position ends before it starts' });
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
      problems.push({ path: formatPath([...base, 'id']), problem: `the same id as item ${seenAt}` });
      return;
    }
    ids.set(id, i);
    const pageUrl = tryNormalizePageUrl(a.target.source);
    if (!pageUrl) {
      problems.push({ path: formatPath([...base, 'target', 'source']), problem: 'the target is not a web page (expected an http or https URL)' });
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
      for (const issue of checked.issues) problems.push({ path: formatPath(base), problem: `${v.getDotPath(issue) ?? 'highlight'}: ${issue.message}` });
      return;
    }
    out.push(checked.output);
  });
  if (problems.length > 0) throw new ImportError(file, problems.slice(0, MAX_REPORTED_PROBLEMS), problems.length);
  return out;
}
