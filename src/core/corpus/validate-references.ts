/**
 * The checks a schema cannot express: unique ids, resolvable references,
 * passages inside their source text, verbatim quotes, shared aliases.
 * Works on the entries that passed their own schema; ids are collected from
 * the raw input so that a malformed entry does not make every reference to
 * it look dangling.
 */
import type { Entity, EntityType, Position, Side, Source } from './schema.ts';
import { jsonPath, type Problem } from './problem.ts';
import type { ValidateOptions } from './validate.ts';

export interface Indexed<T> {
  value: T;
  /** Position in the corpus array, for the JSON path. */
  index: number;
}

export interface Sections {
  sides: Indexed<Side>[];
  sources: Indexed<Source>[];
  entities: Indexed<Entity>[];
  positions: Indexed<Position>[];
}

/** Entity types that can hold a position; the rest are what positions are about. */
const SPEAKER_TYPES: ReadonlySet<EntityType> = new Set(['person', 'organization', 'collective']);

export function checkReferences(raw: Record<string, unknown>, s: Sections, opts: ValidateOptions): Problem[] {
  const problems: Problem[] = [];
  const err = (path: (string | number)[], message: string) =>
    problems.push({ severity: 'error', file: opts.fileName, path: jsonPath(path), message });
  const warn = (path: (string | number)[], message: string) =>
    problems.push({ severity: 'warning', file: opts.fileName, path: jsonPath(path), message });

  const sideIds = collectIds(raw, 'sides', err);
  const sourceIds = collectIds(raw, 'sources', err);
  const entityIds = collectIds(raw, 'entities', err);
  const positionIds = collectIds(raw, 'positions', err);

  for (const { value: side, index } of s.sides) {
    side.opposes.forEach((other, k) => {
      if (other === side.id) err(['sides', index, 'opposes', k], `side "${other}" cannot oppose itself`);
      else if (unknown(sideIds, other)) err(['sides', index, 'opposes', k], `unknown side "${other}"`);
    });
  }

  for (const { value: entity, index } of s.entities) {
    if (entity.side !== undefined && unknown(sideIds, entity.side)) err(['entities', index, 'side'], `unknown side "${entity.side}"`);
    if (entity.aliases.length === 0) err(['entities', index, 'aliases'], `entity "${entity.id}" has no alias; add at least one form the press writes`);
    if (entity.speaksAs !== undefined && unknown(entityIds, entity.speaksAs)) err(['entities', index, 'speaksAs'], `unknown entity "${entity.speaksAs}"`);
    entity.roles?.forEach((role, k) => {
      if (role.aliases.length === 0) err(['entities', index, 'roles', k, 'aliases'], `role "${role.label}" has no alias; add the phrases the press writes for it`);
    });
  }
  checkAliases(s.entities, warn);

  const entityTypes = new Map(s.entities.map(({ value }) => [value.id, value.type]));
  const sources = new Map(s.sources.map((src) => [src.value.id, src]));
  const texts = new TextResolver(opts, err);

  for (const { value: p, index } of s.positions) {
    const at = (...rest: (string | number)[]) => ['positions', index, ...rest];
    for (const role of ['actor', 'reportedBy'] as const) {
      const id = p[role];
      if (id === undefined) continue;
      if (unknown(entityIds, id)) err(at(role), `unknown entity "${id}"`);
      const type = entityTypes.get(id);
      if (type !== undefined && !SPEAKER_TYPES.has(type)) {
        warn(at(role), `"${id}" is a ${type}; a speaker is a person, organization or collective`);
      }
    }
    p.topics.forEach((t, k) => {
      if (unknown(entityIds, t)) err(at('topics', k), `unknown topic "${t}"`);
    });
    if (unknown(sourceIds, p.source)) err(at('source'), `unknown source "${p.source}"`);
    p.links.forEach((link, k) => {
      if (link.target === p.id) err(at('links', k, 'target'), `position "${p.id}" links to itself`);
      else if (unknown(positionIds, link.target)) err(at('links', k, 'target'), `unknown position "${link.target}"`);
    });

    // Unreviewed and rejected positions never reach the record: only they may lack a date.
    const status = (p as { status?: string }).status;
    const candidate = status === 'candidate' || status === 'rejected';
    if (p.date.unknown === true && !candidate) {
      err(at('date'), `no date was found for position "${p.id}" ("unknown": true): set its "date" (and drop "unknown") before accepting it`);
    }
    const src = sources.get(p.source);
    if (!src) continue;
    if (src.value.published.unknown === true && !candidate) {
      err(at('source'), `source "${src.value.id}" has no known publication date ("unknown": true): set its "published" date (and drop "unknown") before accepting its positions`);
    }
    if (p.date.unknown === true || src.value.published.unknown === true) {
      // An unknown date has no bounds to compare.
    } else if (p.date.from > src.value.published.to) {
      warn(at('date'), `dated from ${p.date.from}, after its source "${src.value.id}" was published (by ${src.value.published.to})`);
    }
    if (opts.checkOffsets === false) continue;
    const text = texts.get(src);
    if (text !== undefined) checkPassage(p, text, at, err, warn);
  }
  return problems;
}

type Report = (path: (string | number)[], message: string) => void;

/** The ids of one section; `undefined` when the section is malformed and nothing can be said. */
type Ids = ReadonlySet<string> | undefined;

function unknown(ids: Ids, id: string): boolean {
  return ids !== undefined && !ids.has(id);
}

/**
 * Reports duplicate ids in one section and returns every id written there.
 * A section that is not an array (already a schema error) yields a set that
 * is unknown (`undefined`), so references into it are not reported as dangling.
 */
function collectIds(raw: Record<string, unknown>, section: string, err: Report): Ids {
  const first = new Map<string, number>();
  const items = raw[section];
  if (items === undefined && section === 'sides') return new Set();
  if (!Array.isArray(items)) return undefined;
  items.forEach((item: unknown, index) => {
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    const seen = first.get(id);
    if (seen === undefined) first.set(id, index);
    else err([section, index, 'id'], `duplicate id "${id}" (already used by ${section}[${seen}])`);
  });
  return new Set(first.keys());
}

/** The comparison the spec asks for: NFC, lower case, whitespace collapsed. */
export function foldAlias(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * One surface form naming two entities is usually a mistake. It is allowed
 * silently when every claimant marks it `ambiguous`, since context words are
 * then what choose between them. Within one entity the same form may repeat
 * with another `lang` (which selects the inflection rules), not with the same.
 */
function checkAliases(entities: Indexed<Entity>[], warn: Report): void {
  const owners = new Map<string, { entity: Indexed<Entity>; alias: number }>();
  for (const e of entities) {
    const own = new Map<string, number>();
    e.value.aliases.forEach((alias, k) => {
      const key = foldAlias(alias.text);
      const path = ['entities', e.index, 'aliases', k, 'text'];
      const sameLang = `${key}\u0000${alias.lang ?? ''}`;
      const repeated = own.get(sameLang);
      if (repeated !== undefined) {
        warn(path, `alias "${alias.text}" repeats aliases[${repeated}] of the same entity`);
        return;
      }
      own.set(sameLang, k);
      const prior = owners.get(key);
      if (!prior) {
        owners.set(key, { entity: e, alias: k });
        return;
      }
      if (prior.entity === e) return;
      const priorAlias = prior.entity.value.aliases[prior.alias];
      if (alias.ambiguous && priorAlias?.ambiguous) return;
      warn(
        path,
        `alias "${alias.text}" is also an alias of "${prior.entity.value.id}" (entities[${prior.entity.index}].aliases[${prior.alias}]); ` +
          'mark both "ambiguous" if both are meant',
      );
    });
  }
}

/** Resolves each source's text once and reports, once, a source whose text cannot be had. */
class TextResolver {
  private readonly cache = new Map<string, string | undefined>();
  constructor(
    private readonly opts: ValidateOptions,
    private readonly err: Report,
  ) {}

  get({ value: src, index }: Indexed<Source>): string | undefined {
    if (this.cache.has(src.id)) return this.cache.get(src.id);
    let text = src.text;
    if (text === undefined) {
      if (src.file === undefined) {
        this.err(['sources', index], `source "${src.id}" has neither "text" nor "file", so its passages cannot be checked`);
      } else {
        text = this.opts.texts?.(src);
        if (text === undefined) this.err(['sources', index, 'file'], `cannot read the text file "${src.file}" of source "${src.id}"`);
      }
    }
    this.cache.set(src.id, text);
    return text;
  }
}

function checkPassage(p: Position, text: string, at: (...rest: (string | number)[]) => (string | number)[], err: Report, warn: Report): void {
  const { start, end } = p.passage;
  let inside = true;
  for (const [key, offset] of [['start', start], ['end', end]] as const) {
    if (offset > text.length) {
      err(at('passage', key), `offset ${offset} is past the end of source "${p.source}" (${text.length} UTF-16 code units)`);
      inside = false;
    } else if (splitsPair(text, offset)) {
      warn(at('passage', key), `offset ${offset} falls inside a surrogate pair; offsets count UTF-16 code units`);
    }
  }
  if (!inside || p.quote === undefined) return;
  if (text.slice(start, end).includes(p.quote)) return;
  const found = text.indexOf(p.quote);
  const hint = found === -1 ? 'it does not occur verbatim anywhere in the source' : `it occurs at ${found}–${found + p.quote.length}`;
  err(at('quote'), `quote not found verbatim in the passage ${start}–${end} of source "${p.source}"; ${hint}`);
}

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
