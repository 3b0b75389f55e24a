/**
 * What importing a corpus file would do, worked out before anything is
 * written (DOM-free: the service worker runs it for the preview and again for
 * Apply, so the two cannot disagree):
 *
 * - the true difference against the installed corpus, per table, in names
 *   (an entity's label, a position's speaker and words, a source's title);
 * - which installed corpus, under another id, it repeats: positions with the
 *   same speaker and the same words (quote or source passage), which a
 *   second copy would show twice;
 * - how a repeating file is laid over the corpus it repeats ("update"): its
 *   entities, sources and positions take the installed ids, so checks and
 *   links that name them keep working;
 * - the user's edits of the bundled record, kept as a delta (rows put,
 *   rows removed) and laid again over each new bundled version.
 */
import type { Corpus, Entity, Position, Side, Source } from './schema.ts';
import { foldString } from '../text/fold.ts';

export interface NamedItem {
  id: string;
  /** What a person recognises it by: a label, "speaker: “words”", a source's title and outlet. */
  name: string;
}

export interface SectionDiff {
  added: NamedItem[];
  changed: NamedItem[];
  removed: NamedItem[];
}

export interface CorpusDiff {
  entities: SectionDiff;
  positions: SectionDiff;
  sources: SectionDiff;
  sides: SectionDiff;
  /** Title, version or description differ. */
  details: boolean;
}

/** Canonical JSON (sorted keys; undefined members dropped), so field order and absent-vs-undefined are not changes. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const MAX_NAME = 90;
function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_NAME ? `${flat.slice(0, MAX_NAME - 1)}…` : flat;
}

/** Names of a corpus's rows, looked up by id (own properties only). */
export class Namer {
  readonly #labels = new Map<string, string>();
  constructor(...corpora: readonly (Corpus | undefined)[]) {
    for (const c of corpora) for (const e of c?.entities ?? []) if (!this.#labels.has(e.id)) this.#labels.set(e.id, e.label);
  }
  entity(e: Entity): string {
    return e.label;
  }
  position(p: Position): string {
    return `${this.#labels.get(p.actor) ?? p.actor}: “${cut(p.quote ?? p.paraphrase ?? p.stance)}”`;
  }
  source(s: Source): string {
    return cut(`${s.title} (${s.outlet})`);
  }
  side(s: Side): string {
    return s.label;
  }
}

function diffSection<T extends { id: string }>(before: readonly T[], after: readonly T[], name: (x: T) => string, comparable: (x: T) => unknown = (x) => x): SectionDiff {
  const old = new Map(before.map((x) => [x.id, canonical(comparable(x))]));
  const now = new Set(after.map((x) => x.id));
  const added: NamedItem[] = [];
  const changed: NamedItem[] = [];
  for (const x of after) {
    const was = old.get(x.id);
    if (was === undefined) added.push({ id: x.id, name: name(x) });
    else if (was !== canonical(comparable(x))) changed.push({ id: x.id, name: name(x) });
  }
  const removed = before.filter((x) => !now.has(x.id)).map((x) => ({ id: x.id, name: name(x) }));
  return { added, changed, removed };
}

/** A source as compared: where its text came from (inline or a file) is not a change; the text itself is. */
function comparableSource(s: Source): unknown {
  const { file: _file, ...rest } = s;
  return rest;
}

/**
 * The difference an import makes, by id, against the installed corpus of
 * the same id (none installed: everything is added). Sources must carry
 * their texts on both sides for a changed text to show.
 */
export function diffCorpus(installed: Corpus | undefined, incoming: Corpus): CorpusDiff {
  const names = new Namer(incoming, installed);
  const before = installed ?? { ...incoming, sides: [], sources: [], entities: [], positions: [] };
  return {
    entities: diffSection(before.entities, incoming.entities, (e) => names.entity(e)),
    positions: diffSection(before.positions, incoming.positions, (p) => names.position(p)),
    sources: diffSection(before.sources, incoming.sources, (s) => names.source(s), comparableSource),
    sides: diffSection(before.sides, incoming.sides, (s) => names.side(s)),
    details:
      installed !== undefined &&
      (installed.title !== incoming.title || installed.version !== incoming.version || (installed.description ?? '') !== (incoming.description ?? '')),
  };
}

export function isNoChange(d: CorpusDiff): boolean {
  return !d.details && [d.entities, d.positions, d.sources, d.sides].every((s) => s.added.length + s.changed.length + s.removed.length === 0);
}

// ---- Repeats: the same speaker saying the same words, under another corpus's ids.

const words = (text: string) => foldString(text).replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();

/**
 * The keys a position is recognised by across corpora: its speaker's name
 * with its quote, and with the words of its source passage. Ids are not
 * used: a copy under another id renames them freely.
 */
function positionKeys(p: Position, labels: ReadonlyMap<string, string>, texts: ReadonlyMap<string, string>): string[] {
  const speaker = words(labels.get(p.actor) ?? p.actor);
  const keys: string[] = [];
  if (p.quote) keys.push(`${speaker}\u0000q\u0000${words(p.quote)}`);
  const text = texts.get(p.source);
  if (text !== undefined && p.passage.end <= text.length) {
    const passage = words(text.slice(p.passage.start, p.passage.end));
    if (passage) keys.push(`${speaker}\u0000p\u0000${passage}`);
  }
  if (keys.length === 0 && p.paraphrase) keys.push(`${speaker}\u0000r\u0000${words(p.paraphrase)}`);
  return keys;
}

function indexCorpus(corpus: Corpus): { labels: Map<string, string>; texts: Map<string, string> } {
  return {
    labels: new Map(corpus.entities.map((e) => [e.id, e.label])),
    texts: new Map(corpus.sources.flatMap((s) => (s.text === undefined ? [] : [[s.id, s.text] as const]))),
  };
}

/** For each position of `incoming`, the id of the position of `other` it repeats (same speaker, same words). */
export function repeatedPositions(incoming: Corpus, other: Corpus): Map<string, string> {
  const o = indexCorpus(other);
  const byKey = new Map<string, string[]>();
  for (const p of other.positions) {
    for (const k of positionKeys(p, o.labels, o.texts)) {
      const list = byKey.get(k);
      if (list) list.push(p.id);
      else byKey.set(k, [p.id]);
    }
  }
  const i = indexCorpus(incoming);
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const keysOf = new Map(incoming.positions.map((p) => [p.id, positionKeys(p, i.labels, i.texts)]));
  // First, a position that repeats the one of the same id is that one (several of a speaker's positions can share a
  // passage: the id decides between them, so an export re-imported keeps every id).
  for (const p of incoming.positions) {
    if (keysOf.get(p.id)!.some((k) => byKey.get(k)?.includes(p.id))) {
      out.set(p.id, p.id);
      taken.add(p.id);
    }
  }
  for (const p of incoming.positions) {
    if (out.has(p.id)) continue;
    // The first of its keys (the quote before the passage) with a position not yet matched.
    for (const k of keysOf.get(p.id)!) {
      const hit = byKey.get(k)?.find((id) => !taken.has(id));
      if (hit !== undefined) {
        out.set(p.id, hit);
        taken.add(hit);
        break;
      }
    }
  }
  return out;
}

/** How many of the file's positions one installed corpus already holds. */
export interface Overlap {
  id: string;
  title: string;
  origin: 'bundled' | 'imported';
  /** How many of the file's positions it already holds, of how many. */
  repeated: number;
  of: number;
}

export interface Repeat extends Overlap {
  /** A few of them, named. */
  examples: string[];
  /**
   * Every one of the file's positions is already there: a copy (update, replace or cancel). Otherwise the file
   * overlaps: it is not treated as a copy (add its new positions to this corpus, import only its new positions,
   * keep both, or cancel).
   */
  full: boolean;
  /** Every installed corpus (other ids) holding some of the file's positions, most first; this one first. */
  overlaps: Overlap[];
}

/** The installed corpus (another id than the file's) whose positions the file repeats most; undefined when none. */
export function findRepeat(incoming: Corpus, installed: readonly { corpus: Corpus; origin: 'bundled' | 'imported' }[]): Repeat | undefined {
  const overlaps: (Overlap & { hits: Map<string, string> })[] = [];
  for (const { corpus, origin } of installed) {
    if (corpus.id === incoming.id) continue;
    const hits = repeatedPositions(incoming, corpus);
    if (hits.size > 0) overlaps.push({ id: corpus.id, title: corpus.title, origin, repeated: hits.size, of: incoming.positions.length, hits });
  }
  if (overlaps.length === 0) return undefined;
  overlaps.sort((a, b) => b.repeated - a.repeated);
  const best = overlaps[0]!;
  const names = new Namer(incoming);
  const examples = incoming.positions.filter((p) => best.hits.has(p.id)).slice(0, 3).map((p) => names.position(p));
  const strip = ({ hits: _h, ...o }: Overlap & { hits: unknown }): Overlap => o;
  return { ...strip(best), examples, full: best.repeated === best.of, overlaps: overlaps.map(strip) };
}

/**
 * The file without the positions some installed corpus (other ids) already
 * holds: "import only the new positions". Links to a position left out are
 * dropped with it; nothing else changes.
 */
export function withoutRepeated(incoming: Corpus, installed: readonly Corpus[]): Corpus {
  const repeated = new Set<string>();
  for (const other of installed) {
    if (other.id === incoming.id) continue;
    for (const id of repeatedPositions(incoming, other).keys()) repeated.add(id);
  }
  const positions = incoming.positions.filter((p) => !repeated.has(p.id));
  const kept = new Set(positions.map((p) => p.id));
  return { ...incoming, positions: positions.map((p) => ({ ...p, links: p.links.filter((l) => kept.has(l.target)) })) };
}

/**
 * The file added to the corpus it overlaps: "add the new positions and update
 * the ones it holds". Laid onto the target (layOnto: matching rows take its
 * ids), then every row of the target the file does not have is kept. The
 * target keeps its id, title, version and description.
 */
export function mergeOnto(incoming: Corpus, target: Corpus): Corpus {
  const laid = layOnto(incoming, target);
  const union = <T extends { id: string }>(theirs: readonly T[], mine: readonly T[]): T[] => {
    const ids = new Set(mine.map((x) => x.id));
    return [...theirs.filter((x) => !ids.has(x.id)), ...mine];
  };
  return {
    ...target,
    sides: union(target.sides, laid.sides),
    sources: union(target.sources, laid.sources),
    entities: union(target.entities, laid.entities),
    positions: union(target.positions, laid.positions),
  };
}

/**
 * The file laid over the corpus it repeats: the target's id, title and
 * version stay the file's own except the id; entities (same id, or same type
 * and name), sources (same id, or same title, outlet and date) and repeated
 * positions take the target's ids, and every reference follows. An entity's
 * or source's id is taken only when no other row of the file already uses it.
 * A position is the target's only when it repeats one (same speaker, same
 * words); any other is new, and takes a fresh id if the target uses its id.
 */
export function layOnto(incoming: Corpus, target: Corpus): Corpus {
  const entityIds = mapIds(incoming.entities, target.entities, (e) => `${e.type}\u0000${words(e.label)}`);
  const sourceIds = mapIds(incoming.sources, target.sources, (s) => `${words(s.title)}\u0000${words(s.outlet)}\u0000${s.published.from}`);
  const positionIds = positionIdsOnto(incoming, target);
  const ent = (id: string) => entityIds.get(id) ?? id;
  const pos = (id: string) => positionIds.get(id) ?? id;
  return {
    ...incoming,
    id: target.id,
    sources: incoming.sources.map((s) => ({ ...s, id: sourceIds.get(s.id) ?? s.id })),
    entities: incoming.entities.map((e) => ({ ...e, id: ent(e.id), ...(e.speaksAs !== undefined ? { speaksAs: ent(e.speaksAs) } : {}) })),
    positions: incoming.positions.map((p) => ({
      ...p,
      id: pos(p.id),
      actor: ent(p.actor),
      ...(p.reportedBy !== undefined ? { reportedBy: ent(p.reportedBy) } : {}),
      topics: p.topics.map(ent),
      source: sourceIds.get(p.source) ?? p.source,
      links: p.links.map((l) => ({ ...l, target: pos(l.target) })),
    })),
  };
}

/**
 * The ids a file's positions take when laid onto `target`. Identity is the
 * speaker and the words (repeatedPositions), never the id: a position the
 * target holds takes the target's id, and every other position is new. A new
 * position whose id the target already uses (for other words, or taken by a
 * repeated position) gets a fresh id, `<id>.imported` (then `-2`, `-3`, …),
 * so it is added beside the target's rows and never written over one.
 */
function positionIdsOnto(incoming: Corpus, target: Corpus): Map<string, string> {
  const repeated = repeatedPositions(incoming, target);
  const targetIds = new Set(target.positions.map((p) => p.id));
  const taken = new Set([...targetIds, ...incoming.positions.map((p) => p.id)]);
  const out = new Map<string, string>();
  for (const p of incoming.positions) {
    const to = repeated.get(p.id);
    if (to !== undefined) {
      if (to !== p.id) out.set(p.id, to);
    } else if (targetIds.has(p.id)) {
      const fresh = freshId(p.id, taken);
      taken.add(fresh);
      out.set(p.id, fresh);
    }
  }
  return out;
}

const MAX_ID = 120;
/** `<id>.imported`, or `<id>.imported-<n>` from 2 on: the first that no row in `taken` uses (within the id's length limit). */
export function freshId(id: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const tail = n === 1 ? '.imported' : `.imported-${n}`;
    const candidate = `${id.slice(0, MAX_ID - tail.length)}${tail}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function mapIds<T extends { id: string }>(mine: readonly T[], theirs: readonly T[], key: (x: T) => string | undefined): Map<string, string> {
  const theirIds = new Set(theirs.map((x) => x.id));
  const byKey = new Map<string, string>();
  for (const x of theirs) {
    const k = key(x);
    if (k !== undefined && !byKey.has(k)) byKey.set(k, x.id);
  }
  const myIds = new Set(mine.map((x) => x.id));
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const x of mine) if (theirIds.has(x.id)) used.add(x.id);
  for (const x of mine) {
    if (theirIds.has(x.id)) continue;
    const k = key(x);
    const to = k === undefined ? undefined : byKey.get(k);
    if (to === undefined || used.has(to) || myIds.has(to)) continue;
    used.add(to);
    out.set(x.id, to);
  }
  return out;
}

// ---- The user's edits of the bundled record.

export interface SectionEdits<T> {
  /** Rows added or changed by the user (whole rows; sources carry their text). */
  put: T[];
  /** Ids of the bundled rows the user removed. */
  removed: string[];
}

export interface CorpusEdits {
  sides: SectionEdits<Side>;
  sources: SectionEdits<Source & { text: string }>;
  entities: SectionEdits<Entity>;
  positions: SectionEdits<Position>;
}

export const NO_EDITS: CorpusEdits = {
  sides: { put: [], removed: [] },
  sources: { put: [], removed: [] },
  entities: { put: [], removed: [] },
  positions: { put: [], removed: [] },
};

function sectionEdits<T extends { id: string }>(base: readonly T[], edited: readonly T[], comparable: (x: T) => unknown = (x) => x): SectionEdits<T> {
  const was = new Map(base.map((x) => [x.id, canonical(comparable(x))]));
  const now = new Set(edited.map((x) => x.id));
  return {
    put: edited.filter((x) => was.get(x.id) !== canonical(comparable(x))),
    removed: base.filter((x) => !now.has(x.id)).map((x) => x.id),
  };
}

/** Texts inline, `file` dropped: how a bundled source is compared with and stored as an edit. */
function withText(s: Source, textOf: (s: Source) => string | undefined): Source & { text: string } {
  const { file: _file, ...rest } = s;
  return { ...rest, text: s.text ?? textOf(s) ?? '' };
}

/** What the user changed in `edited` against the bundled `base` (whose texts `textOf` supplies). */
export function computeEdits(base: Corpus, edited: Corpus, textOf: (s: Source) => string | undefined): CorpusEdits {
  return {
    sides: sectionEdits(base.sides, edited.sides),
    sources: sectionEdits(base.sources.map((s) => withText(s, textOf)), edited.sources.map((s) => withText(s, () => undefined))),
    entities: sectionEdits(base.entities, edited.entities),
    positions: sectionEdits(base.positions, edited.positions),
  };
}

export function editCount(e: CorpusEdits): number {
  return [e.sides, e.sources, e.entities, e.positions].reduce((n, s) => n + s.put.length + s.removed.length, 0);
}

function applySection<T extends { id: string }>(base: readonly T[], edits: SectionEdits<T>): T[] {
  const gone = new Set(edits.removed);
  const put = new Map(edits.put.map((x) => [x.id, x]));
  const out = base.filter((x) => !gone.has(x.id)).map((x) => put.get(x.id) ?? x);
  const have = new Set(base.map((x) => x.id));
  return [...out, ...edits.put.filter((x) => !have.has(x.id))];
}

/**
 * The bundled record with the user's edits laid over it: rows the user
 * changed or added replace or join the bundle's (a newer bundle changes only
 * the rows the user did not touch); rows the user removed stay removed.
 */
export function applyEdits(base: Corpus, edits: CorpusEdits): Corpus {
  return {
    ...base,
    sides: applySection(base.sides, edits.sides),
    sources: applySection<Source>(base.sources, edits.sources),
    entities: applySection(base.entities, edits.entities),
    positions: applySection(base.positions, edits.positions),
  };
}

// ---- The plan of an import, as the service worker works it out and the options page shows it.

/** What the options page shows before Apply: worked out by previewImport, and again by importCorpus. */
export interface ImportPlan {
  fileName: string;
  id: string;
  title: string;
  version: string;
  /** Warnings of the validator (the file imports with them). */
  warnings: string[];
  /** Why the file cannot be imported; Apply is not offered when there is any. */
  refusals: string[];
  /** The installed corpus of the same id, which the file updates (the bundled record: kept as your edits). */
  updates?: { id: string; title: string; version: string; origin: 'bundled' | 'imported' };
  /** Against the installed corpus of the same id (or everything added). */
  diff: CorpusDiff;
  /**
   * Another installed corpus whose positions the file repeats. A full copy: the user chooses update, replace or
   * cancel. A partial overlap: merge (add the new positions to it, update the ones it holds), new-only (import the
   * file without the positions already installed), both (import the whole file beside it), or cancel.
   */
  repeat?: Repeat & {
    /** What "update" (a copy) or "merge" (an overlap) changes in it. */
    updateDiff: CorpusDiff;
    /** Why that is not possible, when it is not. */
    updateRefusal?: string;
    /** An overlap: how many positions "new-only" imports, and why it cannot, when it cannot. */
    newOnly?: { positions: number; refusal?: string };
  };
}

/** The choices for a file that repeats another corpus: see ImportPlan.repeat. */
export const IMPORT_CHOICES = ['update', 'replace', 'merge', 'new-only', 'both'] as const;
export type ImportChoice = (typeof IMPORT_CHOICES)[number];
/** Which choices a repeat offers: a full copy, or an overlap. */
export function choicesFor(repeat: Pick<Repeat, 'full'>): readonly ImportChoice[] {
  return repeat.full ? ['update', 'replace'] : ['merge', 'new-only', 'both'];
}
