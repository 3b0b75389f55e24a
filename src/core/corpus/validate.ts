/**
 * Checks a parsed corpus: its shape (the valibot schema), then what a schema
 * cannot say — unique ids, references that resolve, passages inside their
 * source text, quotes found verbatim, aliases claimed twice. Every problem is
 * collected, so one run shows the author everything to fix.
 */
import * as v from 'valibot';
import { Corpus, Entity, FORMAT_VERSION, Position, Side, Source } from './schema.ts';
import { jsonPath, hasErrors, type Problem } from './problem.ts';
import { checkReferences, type Indexed, type Sections } from './validate-references.ts';
import { editDistance } from '../text/edit-distance.ts';

export { formatProblem, type Problem } from './problem.ts';

export interface ValidateOptions {
  /** The name shown in problems, e.g. "seed.json". */
  fileName: string;
  /** Supplies the text of a source that names a `file` instead of carrying `text`. */
  texts?: (source: Source) => string | undefined;
  /** Check passages and quotes against the source texts (default true). */
  checkOffsets?: boolean;
}

export interface ValidationResult {
  /** Present only when there are no errors (warnings allowed). */
  corpus?: Corpus;
  problems: Problem[];
}

/** Keys allowed at the top level besides the schema's, so editors can find docs/corpus.schema.json. */
const EDITOR_KEYS = new Set(['$schema']);
/** Long received values (a whole text put where an id belongs) are cut to this in messages. */
const MAX_SHOWN_VALUE = 60;

export function validateCorpus(input: unknown, opts: ValidateOptions): ValidationResult {
  const file = opts.fileName;
  if (!isRecord(input)) {
    const what = input === null ? 'null' : Array.isArray(input) ? 'an array' : `a ${typeof input}`;
    return { problems: [error(file, '', `a corpus is a JSON object with "formatVersion", "sources", "entities" and "positions"; this is ${what}`)] };
  }
  const version = input['formatVersion'];
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    return {
      problems: [error(file, 'formatVersion', `formatVersion ${version} is newer than this OnRecord understands (${FORMAT_VERSION}); update OnRecord`)],
    };
  }

  const problems: Problem[] = [];
  const parsed = v.safeParse(Corpus, input);
  for (const issue of parsed.issues ?? []) {
    problems.push(error(file, jsonPath(issue.path?.map((p) => p.key as string | number) ?? []), issueMessage(issue)));
  }
  problems.push(...unknownFields(Corpus, input, [], file));

  const sections: Sections = parsed.success
    ? {
        sides: parsed.output.sides.map(indexed),
        sources: parsed.output.sources.map(indexed),
        entities: parsed.output.entities.map(indexed),
        positions: parsed.output.positions.map(indexed),
      }
    : {
        sides: validItems(input['sides'], Side),
        sources: validItems(input['sources'], Source),
        entities: validItems(input['entities'], Entity),
        positions: validItems(input['positions'], Position),
      };
  problems.push(...checkReferences(input, sections, opts));

  return parsed.success && !hasErrors(problems) ? { corpus: parsed.output, problems } : { problems };
}

function indexed<T>(value: T, index: number): Indexed<T> {
  return { value, index };
}

/** The elements of a section that pass their own schema, so one bad entry does not hide the others' problems. */
function validItems<S extends v.GenericSchema>(raw: unknown, schema: S): Indexed<v.InferOutput<S>>[] {
  if (!Array.isArray(raw)) return [];
  const out: Indexed<v.InferOutput<S>>[] = [];
  raw.forEach((item, index) => {
    const r = v.safeParse(schema, item);
    if (r.success) out.push({ value: r.output, index });
  });
  return out;
}

function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema') {
    if (issue.type === 'object' && issue.received === 'undefined' && issue.expected?.startsWith('"')) {
      return `missing required field ${issue.expected}`;
    }
    return `expected ${expectedWords(issue)}, got ${receivedWords(issue.received)}`;
  }
  switch (issue.type) {
    case 'integer':
      return `must be a whole number, got ${issue.received}`;
    case 'min_value':
      return `must be at least ${String(issue.requirement)}, got ${issue.received}`;
    case 'max_length':
      return `must be at most ${String(issue.requirement)} characters long`;
    default:
      return issue.message;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

function expectedWords(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'picklist' && issue.expected) {
    return `one of ${issue.expected.replace(/^\(|\)$/g, '').split(' | ').join(', ')}`;
  }
  return TYPE_WORDS[issue.type] ?? issue.expected ?? issue.type;
}

function receivedWords(received: string): string {
  const words: Record<string, string> = { Object: 'an object', Array: 'an array' };
  const shown = words[received] ?? received;
  return shown.length > MAX_SHOWN_VALUE ? `${shown.slice(0, MAX_SHOWN_VALUE)}…` : shown;
}

interface SchemaShape {
  type: string;
  entries?: Record<string, v.GenericSchema>;
  item?: v.GenericSchema;
  wrapped?: v.GenericSchema;
}

/** Valibot objects drop unknown keys silently; a misspelt optional field ("paraphase") deserves a warning. */
function unknownFields(schema: v.GenericSchema, value: unknown, path: (string | number)[], file: string): Problem[] {
  const s = schema as unknown as SchemaShape;
  if (s.type === 'optional' && s.wrapped) return value === undefined ? [] : unknownFields(s.wrapped, value, path, file);
  if (s.type === 'array' && s.item && Array.isArray(value)) {
    const item = s.item;
    return value.flatMap((x, i) => unknownFields(item, x, [...path, i], file));
  }
  if (s.type !== 'object' || !s.entries || !isRecord(value)) return [];
  const entries = s.entries;
  const out: Problem[] = [];
  for (const key of Object.keys(value)) {
    const child = entries[key];
    if (child) out.push(...unknownFields(child, value[key], [...path, key], file));
    else if (!(path.length === 0 && EDITOR_KEYS.has(key))) {
      const near = Object.keys(entries).find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
      const hint = near ? `; did you mean "${near}"?` : '';
      out.push({ severity: 'warning', file, path: jsonPath([...path, key]), message: `unknown field "${key}" is ignored${hint}` });
    }
  }
  return out;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function error(file: string, path: string, message: string): Problem {
  return { severity: 'error', file, path, message };
}
