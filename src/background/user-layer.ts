/**
 * The user layer: aliases and positions a person added by hand, kept apart
 * from every corpus (one row in the `settings` table) and merged over the
 * enabled corpora each time the active record is read. A corpus install
 * only rewrites the corpus tables, so an update never erases these edits;
 * an edit whose entity is gone (its corpus removed or switched off) waits,
 * unapplied, until the entity returns.
 */
import * as v from 'valibot';
import { httpUrl } from '../core/schema/http-url.ts';
import { ownRecord } from '../core/schema/own-record.ts';
import { Alias, DateRange, Entity, Position, Source, type Corpus } from '../core/corpus/schema.ts';
import type { Selectors } from '../core/anchoring/types.ts';
import { AnchorSelectors, RecordDraft } from '../core/recording/draft.ts';
import { USER_POSITION_PREFIX } from '../core/recording/types.ts';
import { foldString } from '../core/text/fold.ts';
import { formatProblem, validateCorpus } from '../core/corpus/validate.ts';
import type { OnRecordDb } from '../storage/db.ts';

export const USER_LAYER_KEY = 'user-layer';
/** Prefix of ids the user layer mints, so they never collide with a corpus's ids. */
export const USER_ID_PREFIX = USER_POSITION_PREFIX;

const Text = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(5000));
const Short = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300));
const EntityId = v.pipe(v.string(), v.maxLength(120));

/** A position typed in by hand, with the source it comes from. */
export const UserPositionInput = v.object({
  actor: EntityId,
  topics: v.optional(v.array(EntityId), []),
  stance: Text,
  quote: v.optional(Text),
  paraphrase: v.optional(Text),
  date: DateRange,
  source: v.object({
    title: Short,
    outlet: Short,
    url: v.optional(httpUrl()),
    language: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)),
  }),
});
export type UserPositionInput = v.InferInput<typeof UserPositionInput>;

// Stored rows are read with the corpus schemas themselves: a layer (or a restored backup) whose
// positions lack a field the record needs is refused, not handed to the matcher and every tab.
// A source recorded from a page also keeps the selectors that find its passage there again.
const StoredSource = v.object({ ...Source.entries, text: v.string(), anchor: v.optional(AnchorSelectors) });
const StoredPosition = Position;
/** Speakers the record lacked, added with a statement of theirs. */
const StoredEntity = Entity;

export const UserLayer = v.pipe(
  v.object({
    aliases: v.optional(ownRecord(v.array(Alias)), {}),
    sources: v.optional(v.array(StoredSource), []),
    positions: v.optional(v.array(StoredPosition), []),
    entities: v.optional(v.array(StoredEntity), []),
  }),
  v.check(
    (layer) => layer.positions.every((p) => layer.sources.some((s) => s.id === p.source && p.passage.end <= s.text.length)),
    'a position of yours names a source (or a passage) that is not there',
  ),
);

/** Why a stored or restored layer does not read, in words; undefined when it reads. */
export function userLayerProblem(value: unknown): string | undefined {
  const read = parseLayer(value);
  return 'problem' in read ? read.problem : undefined;
}

export interface UserLayer {
  /** Extra aliases per entity id. */
  aliases: Record<string, Corpus['entities'][number]['aliases']>;
  /**
   * Sources of hand-added positions, each carrying its text (the quoted words,
   * or the passage with its context for a statement recorded from a page) and,
   * for a page, the selectors that find the passage there again.
   */
  sources: UserSource[];
  positions: Position[];
  /** Speakers the record lacked, added with a statement of theirs (ids start with USER_ID_PREFIX). */
  entities: Entity[];
}

export type UserSource = Source & { text: string; anchor?: Selectors };

export const EMPTY_USER_LAYER: UserLayer = { aliases: {}, sources: [], positions: [], entities: [] };

/**
 * Where a user layer that failed to read is kept, exactly as it was stored,
 * so that no later edit writes over it; the options page tells the user and
 * offers it as a file.
 */
export const DAMAGED_USER_LAYER_KEY = 'user-layer-damaged';

export interface DamagedUserLayer {
  /** The stored value, untouched. */
  value: unknown;
  /** When it was found damaged (ISO). */
  foundAt: string;
  /** What the reader could not accept, in words. */
  problem: string;
}

function parseLayer(value: unknown): { layer: UserLayer } | { problem: string } {
  const parsed = v.safeParse(UserLayer, value ?? {});
  if (parsed.success) return { layer: parsed.output as unknown as UserLayer };
  const issue = parsed.issues[0];
  const where = issue ? v.getDotPath(issue) : null;
  return { problem: `${where ? `${where}: ` : ''}${issue?.message ?? 'unreadable'}` };
}

/**
 * The user layer. A stored layer that does not read is not applied (the
 * record works without it) and is never overwritten: this read leaves it
 * where it is, and the next edit first moves it aside (see editUserLayer).
 */
export async function readUserLayer(db: OnRecordDb): Promise<UserLayer> {
  const row = await db.settings.get(USER_LAYER_KEY);
  const read = parseLayer(row?.value);
  if ('layer' in read) return read.layer;
  console.error('OnRecord: the user layer is damaged and was not applied:', read.problem);
  return EMPTY_USER_LAYER;
}

/**
 * A damaged layer, whether still in place (no edit since it broke) or kept
 * aside: what the options page tells the user and offers as a file.
 */
export async function readDamagedUserLayer(db: OnRecordDb): Promise<DamagedUserLayer | undefined> {
  const aside = await db.settings.get(DAMAGED_USER_LAYER_KEY);
  if (aside) return aside.value as DamagedUserLayer;
  const row = await db.settings.get(USER_LAYER_KEY);
  const read = parseLayer(row?.value);
  return 'problem' in read ? { value: row?.value, foundAt: new Date().toISOString(), problem: read.problem } : undefined;
}

/** A damaged key no row uses yet: the first copy gets the plain key, later ones a suffix (never one already taken). */
export function freeDamagedKey(taken: ReadonlySet<string>, now: Date): string {
  if (!taken.has(DAMAGED_USER_LAYER_KEY)) return DAMAGED_USER_LAYER_KEY;
  let stamp = now.getTime();
  while (taken.has(`${DAMAGED_USER_LAYER_KEY}-${stamp}`)) stamp++;
  return `${DAMAGED_USER_LAYER_KEY}-${stamp}`;
}

/**
 * Settings rows with a user layer that does not read moved aside under a
 * free damaged key, as an edit would move it: a backup carries it as a
 * value a restore does not parse, and a restore keeps it aside again.
 * Returns the rows unchanged (and `movedAside` false) when the layer reads.
 */
export function setDamagedLayerAside<Row extends { key: string; value: unknown }>(
  rows: readonly Row[],
  now = new Date(),
): { rows: { key: string; value: unknown }[]; movedAside: boolean } {
  const layer = rows.find((r) => r.key === USER_LAYER_KEY);
  const read = layer ? parseLayer(layer.value) : undefined;
  if (!layer || !read || 'layer' in read) return { rows: [...rows], movedAside: false };
  const aside: DamagedUserLayer = { value: layer.value, foundAt: now.toISOString(), problem: read.problem };
  const key = freeDamagedKey(new Set(rows.map((r) => r.key)), now);
  return { rows: [...rows.filter((r) => r !== layer), { key, value: aside }], movedAside: true };
}

/** Whether a settings key holds a damaged copy kept aside (the first or a later one). */
export function isDamagedLayerKey(key: string): boolean {
  return key === DAMAGED_USER_LAYER_KEY || key.startsWith(`${DAMAGED_USER_LAYER_KEY}-`);
}

/** The user's aliases of one entity (an own property only: an id such as "constructor" is an id like any other). */
export function userAliasesOf(layer: UserLayer, entityId: string): Corpus['entities'][number]['aliases'] {
  return Object.hasOwn(layer.aliases, entityId) ? layer.aliases[entityId]! : [];
}

/** One unreadable copy of the user layer, as the options page and the popup list it. */
export interface DamagedCopy {
  /** Its settings key: USER_LAYER_KEY while still in place (no edit since it broke), else a damaged key. */
  key: string;
  foundAt: string;
  /** What the reader could not accept (shown behind "Details", never as the message). */
  problem: string;
  /** Still where the layer lives (no edit since it broke); the next edit moves it aside. */
  inPlace: boolean;
}

/** Every unreadable copy: the one still in place, if any, and every one kept aside, oldest first. */
export async function listDamagedUserLayers(db: OnRecordDb): Promise<DamagedCopy[]> {
  const rows = await db.settings.toArray();
  const out: DamagedCopy[] = [];
  for (const row of rows) {
    if (!isDamagedLayerKey(row.key)) continue;
    const d = row.value as Partial<DamagedUserLayer> | null;
    out.push({ key: row.key, foundAt: typeof d?.foundAt === 'string' ? d.foundAt : '', problem: typeof d?.problem === 'string' ? d.problem : 'unreadable', inPlace: false });
  }
  out.sort((a, b) => a.foundAt.localeCompare(b.foundAt));
  const layer = rows.find((r) => r.key === USER_LAYER_KEY);
  const read = layer ? parseLayer(layer.value) : undefined;
  if (layer && read && 'problem' in read) out.push({ key: USER_LAYER_KEY, foundAt: new Date().toISOString(), problem: read.problem, inPlace: true });
  return out;
}

/** One unreadable copy by its key (to save it as a file); undefined when the key holds none. */
export async function readDamagedCopy(db: OnRecordDb, key: string): Promise<DamagedUserLayer | undefined> {
  if (key === USER_LAYER_KEY) {
    const row = await db.settings.get(USER_LAYER_KEY);
    const read = parseLayer(row?.value);
    return 'problem' in read ? { value: row?.value, foundAt: new Date().toISOString(), problem: read.problem } : undefined;
  }
  if (!isDamagedLayerKey(key)) return undefined;
  return (await db.settings.get(key))?.value as DamagedUserLayer | undefined;
}

/**
 * The user has saved one damaged copy (or given it up): it is removed. The one still in place is removed only
 * while it still does not read (a layer that reads is never forgotten from here).
 */
export async function dismissDamagedUserLayer(db: OnRecordDb, key: string = DAMAGED_USER_LAYER_KEY): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    if (key === USER_LAYER_KEY) {
      if ('problem' in parseLayer((await db.settings.get(USER_LAYER_KEY))?.value)) await db.settings.delete(USER_LAYER_KEY);
    } else if (isDamagedLayerKey(key)) await db.settings.delete(key);
  });
}

/**
 * Reads, changes and writes the layer in one transaction. A stored layer
 * that does not read is first copied aside as it was (an earlier damaged
 * copy is never replaced: a second one gets its own key), then the edit
 * starts from an empty layer.
 */
async function editUserLayer(db: OnRecordDb, change: (layer: UserLayer) => UserLayer | undefined): Promise<{ keptAside: boolean }> {
  let keptAside = false;
  await db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(USER_LAYER_KEY);
    const read = parseLayer(row?.value);
    let layer: UserLayer;
    if ('layer' in read) layer = read.layer;
    else {
      const aside: DamagedUserLayer = { value: row?.value, foundAt: new Date().toISOString(), problem: read.problem };
      const taken = new Set((await db.settings.toCollection().primaryKeys()).map(String));
      await db.settings.add({ key: freeDamagedKey(taken, new Date()), value: aside });
      layer = EMPTY_USER_LAYER;
      keptAside = true;
    }
    const next = change(layer);
    if (next) await db.settings.put({ key: USER_LAYER_KEY, value: next });
  });
  // The caller tells the user: this edit started a fresh layer, the unreadable one is kept aside.
  return { keptAside };
}

/** A short tag that changes with the layer's content, appended to the matcher fingerprint. */
export function userLayerTag(layer: UserLayer): string {
  if (Object.keys(layer.aliases).length === 0 && layer.positions.length === 0 && layer.entities.length === 0) return '';
  const json = JSON.stringify(layer);
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193);
  return `+u${(h >>> 0).toString(36)}`;
}

/** The corpus with the layer merged in; `texts` gains the user sources' texts. Inputs are not mutated. */
export function applyUserLayer(corpus: Corpus, texts: Map<string, string>, layer: UserLayer): Corpus {
  const known = new Set(corpus.entities.map((e) => e.id));
  const newEntities = layer.entities.filter((e) => !known.has(e.id));
  const entityIds = new Set([...known, ...newEntities.map((e) => e.id)]);
  const entities = [...corpus.entities, ...newEntities].map((e) => {
    const extra = userAliasesOf(layer, e.id);
    if (!extra.length) return e;
    const have = new Set(e.aliases.map((a) => `${a.lang ?? ''}\u0000${a.text}`));
    const added = extra.filter((a) => !have.has(`${a.lang ?? ''}\u0000${a.text}`));
    return added.length ? { ...e, aliases: [...e.aliases, ...added] } : e;
  });
  const positions = layer.positions.filter(
    (p) => entityIds.has(p.actor) && p.topics.every((t) => entityIds.has(t)) && layer.sources.some((s) => s.id === p.source),
  );
  const used = new Set(positions.map((p) => p.source));
  const sources = layer.sources.filter((s) => used.has(s.id));
  for (const s of sources) texts.set(s.id, s.text);
  return {
    ...corpus,
    entities,
    sources: [...corpus.sources, ...sources.map(({ text: _text, anchor: _anchor, ...s }) => s)],
    positions: [...corpus.positions, ...positions],
  };
}

export async function addAlias(db: OnRecordDb, entityId: string, alias: unknown): Promise<void> {
  const parsed = v.parse(Alias, alias);
  await editUserLayer(db, (layer) => {
    const list = userAliasesOf(layer, entityId).filter((a) => a.text !== parsed.text || a.lang !== parsed.lang);
    return { ...layer, aliases: { ...layer.aliases, [entityId]: [...list, parsed] } };
  });
}

export async function removeAlias(db: OnRecordDb, entityId: string, text: string): Promise<void> {
  await editUserLayer(db, (layer) => {
    const aliases = { ...layer.aliases };
    const rest = userAliasesOf({ ...layer, aliases }, entityId).filter((a) => a.text !== text);
    if (rest.length) aliases[entityId] = rest;
    else delete aliases[entityId];
    return { ...layer, aliases };
  });
}

/** The entity ids `ids` name, with the entities those refer to (a place's `speaksAs`), so a validation corpus is whole. */
function withReferences(entities: readonly Entity[], ids: readonly string[]): Set<string> {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const wanted = new Set<string>();
  const queue = [...ids];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (wanted.has(id)) continue;
    wanted.add(id);
    const ref = (byId.get(id) as { speaksAs?: string } | undefined)?.speaksAs;
    if (ref) queue.push(ref);
  }
  return wanted;
}

/**
 * Validates one new position with its source and the entities it names (and those they refer to) as a corpus of
 * its own, the way an import is validated; throws the validator's errors in words.
 */
function assertValidPosition(position: Position, source: Source & { text: string }, entities: readonly Entity[], sides: Corpus['sides']): void {
  const wanted = withReferences(entities, [position.actor, ...position.topics]);
  const check = validateCorpus(
    {
      formatVersion: 1,
      id: 'user-layer',
      title: 'Your additions',
      version: '1',
      sides,
      sources: [source],
      entities: entities.filter((e) => wanted.has(e.id)),
      positions: [position],
    },
    { fileName: 'your position' },
  );
  if (!check.corpus) throw new Error(check.problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n'));
}

let idCounter = 0;
function mintId(kind: 'p' | 's' | 'e'): string {
  return `${USER_ID_PREFIX}${kind}-${Date.now().toString(36)}-${(idCounter++).toString(36)}`;
}

/**
 * Adds a hand-typed position. Its source text is the quote (or paraphrase),
 * so the passage is the whole text; the result goes through the same
 * validator as any corpus before it is stored. Throws with the validator's
 * messages when it does not pass.
 */
export async function addPosition(db: OnRecordDb, active: Corpus, raw: unknown): Promise<Position> {
  const input = v.parse(UserPositionInput, raw);
  const text = input.quote ?? input.paraphrase;
  if (!text) throw new Error('a position needs a quote or a paraphrase');
  const source: Source & { text: string } = {
    id: mintId('s'),
    title: input.source.title,
    outlet: input.source.outlet,
    ...(input.source.url ? { url: input.source.url } : {}),
    language: input.source.language,
    published: input.date,
    framing: [],
    text,
  };
  const position: Position = {
    id: mintId('p'),
    actor: input.actor,
    topics: input.topics,
    stance: input.stance,
    ...(input.quote ? { quote: input.quote } : {}),
    ...(input.paraphrase ? { paraphrase: input.paraphrase } : {}),
    date: input.date,
    source: source.id,
    passage: { start: 0, end: text.length },
    links: [],
  };
  assertValidPosition(position, source, active.entities, active.sides);
  await editUserLayer(db, (layer) => ({ ...layer, sources: [...layer.sources, source], positions: [...layer.positions, position] }));
  return position;
}

export async function removePosition(db: OnRecordDb, positionId: string): Promise<void> {
  await editUserLayer(db, (layer) => {
    const gone = layer.positions.find((p) => p.id === positionId);
    if (!gone) return undefined;
    const positions = layer.positions.filter((p) => p.id !== positionId);
    // A speaker the layer added with this position goes with its last position (undo leaves nothing behind).
    const used = new Set(positions.flatMap((p) => [p.actor, ...p.topics]));
    return {
      ...layer,
      positions,
      sources: layer.sources.filter((s) => s.id !== gone.source),
      entities: layer.entities.filter((e) => used.has(e.id) || e.id !== gone.actor),
    };
  });
}

/** What one drafted position becomes: its position, its source (with text and selectors) and, for a speaker given by name that `known` lacks, a new entity. */
export interface DraftRows {
  position: Position;
  source: UserSource;
  entity?: Entity;
}

/**
 * A drafted position as rows, after the same validator as any corpus (throws with its messages). A speaker
 * given by name is one of `known` of that name and type when there is one, else a new entity. `prefix` starts
 * every minted id (the user layer's, or a named corpus's own).
 */
export function draftRows(raw: unknown, active: Corpus, known: readonly Entity[], prefix: string = USER_ID_PREFIX): DraftRows {
  const draft = v.parse(RecordDraft, raw);
  const mint = (kind: 'p' | 's' | 'e') => `${prefix}${mintId(kind).slice(USER_ID_PREFIX.length)}`;
  let entity: Entity | undefined;
  let actor: string;
  if ('id' in draft.actor) {
    actor = draft.actor.id;
  } else {
    const { name, type } = draft.actor;
    const key = foldString(name);
    const same = [...active.entities, ...known].find((e) => e.type === type && (foldString(e.label) === key || e.aliases.some((a) => foldString(a.text) === key)));
    if (same) actor = same.id;
    else {
      const slug = foldString(name).normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
      entity = { id: `${mint('e')}${slug ? `-${slug}` : ''}`, type, label: name, aliases: [{ text: name }], context: [] };
      actor = entity.id;
    }
  }
  const source: UserSource = {
    id: mint('s'),
    title: draft.source.title,
    outlet: draft.source.outlet,
    ...(draft.source.url ? { url: draft.source.url } : {}),
    language: draft.source.language,
    published: draft.source.published,
    framing: [],
    text: draft.source.text,
    ...(draft.source.anchor ? { anchor: draft.source.anchor } : {}),
  };
  const position: Position = {
    id: mint('p'),
    actor,
    topics: [...new Set(draft.topics)].filter((t) => t !== actor),
    stance: draft.stance,
    ...(draft.quote ? { quote: draft.quote } : {}),
    ...(draft.paraphrase ? { paraphrase: draft.paraphrase } : {}),
    date: draft.date,
    source: source.id,
    passage: draft.passage,
    links: [],
  };
  const { anchor: _anchor, ...corpusSource } = source;
  // The active record already holds the layer's entities: one of each id.
  const entities = [...new Map([...active.entities, ...known, ...(entity ? [entity] : [])].map((e) => [e.id, e])).values()];
  assertValidPosition(position, corpusSource, entities, active.sides);
  return entity ? { position, source, entity } : { position, source };
}

/**
 * Records a drafted position (a statement found on a page, a saved highlight,
 * a reviewed candidate) in the user layer: one transaction, after the same
 * validator as any corpus. A speaker given by name becomes a new entity of
 * the layer, unless the layer already has one of that name and type.
 * Throws with the validator's messages when the draft does not pass.
 */
export async function recordDraft(db: OnRecordDb, active: Corpus, raw: unknown): Promise<{ position: Position; entity?: Entity; keptAside: boolean }> {
  let result: { position: Position; entity?: Entity } | undefined;
  const { keptAside } = await editUserLayer(db, (layer) => {
    const { position, source, entity } = draftRows(raw, active, layer.entities);
    result = entity ? { position, entity } : { position };
    return {
      ...layer,
      sources: [...layer.sources, source],
      positions: [...layer.positions, position],
      entities: entity ? [...layer.entities, entity] : layer.entities,
    };
  });
  if (!result) throw new Error('the position was not recorded');
  return { ...result, keptAside };
}
