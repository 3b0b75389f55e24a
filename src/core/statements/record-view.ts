/**
 * What the finder needs from the record, compiled once: the name matcher,
 * a second matcher over role phrases (each role of each entity, with its
 * dates), and which entities are news outlets.
 */
import type { Entity, EntityType, Role } from '../corpus/schema.ts';
import { compileMatcher, type Matcher } from '../match/index.ts';
import { foldString } from '../text/fold.ts';
import { lexiconIndex, roleNounAt, roleSuffixOf } from './lexicon-index.ts';
import type { RoleKind } from './lexicon/types.ts';
import { tokenize } from './text.ts';
import { MEDIA_DESCRIPTION } from './lexicon/media.ts';
import { LEXICONS } from './lexicon/index.ts';

/** What the finder is given: the record's entities and, when already compiled, their matcher. */
export interface StatementRecord {
  entities: readonly Entity[];
  /** The compiled matcher of `entities` (compiled here when absent). */
  matcher?: Matcher;
  /**
   * The compiled matcher of `roleEntities(entities)`, null when they are none (compiled here when absent): a process
   * that starts often (the CLI) keeps it in a cache.
   */
  roleMatcher?: Matcher | null;
  /** What a RecordView of these entities derived from their roles (RecordView.roleData), taken instead of deriving it again. */
  roles?: RoleData;
}

/**
 * The role tables a RecordView derives from the entities' roles (scanning each role phrase), as plain data: an
 * entity's role is [entity id, index in its `roles`]. Valid only for the same entities and the same code.
 */
export interface RoleData {
  composed: [key: string, holders: [entityId: string, role: number][]][];
  kinds: [entityId: string, kinds: RoleKind[]][];
}

/** One synthetic entity per role of each entity (id "<entity>#<k>", the role's aliases in order): what the role matcher is compiled from. */
export function roleEntities(entities: readonly Entity[]): Entity[] {
  const synthetic: Entity[] = [];
  for (const e of entities) {
    e.roles?.forEach((role, k) => {
      synthetic.push({ id: `${e.id}#${k}`, type: 'topic', label: role.label, aliases: role.aliases, context: [] });
    });
  }
  return synthetic;
}

export interface RoleHolder {
  entityId: string;
  role: Role;
}

const SPEAKER_TYPES: ReadonlySet<EntityType> = new Set(['person', 'organization', 'collective']);

export class RecordView {
  readonly entities = new Map<string, Entity>();
  readonly matcher: Matcher;
  readonly roleMatcher: Matcher | null;
  /** Name matcher alias index → the alias folded, and its language (to tell a nominative mention from an inflected one). */
  readonly aliasFolded: string[] = [];
  readonly aliasLang: (string | undefined)[] = [];
  /** Role matcher alias index → the folded phrase. */
  readonly roleFolded: string[] = [];
  /** Role matcher alias index → the holders of that phrase (one per entity and role that lists it). */
  private readonly roleHolders: RoleHolder[][] = [];
  private readonly media = new Set<string>();
  /** Lower-cased aliases of the outlets of the record → their entity (for "laut dpa", where the matcher wants context). */
  readonly mediaAliases = new Map<string, string>();
  /**
   * "<kind>|<entity>" → holders of a role one of whose phrases pairs a head noun of that kind with that entity:
   * "Kremlin spokesman" gives spokesperson|kremlin → Peskov, "советник главы Офиса президента" gives
   * adviser|office-of-the-president… → Podolyak. What "the Kremlin's press secretary" is resolved through.
   */
  private readonly composedRoles = new Map<string, RoleHolder[]>();
  /** Entity → the kinds of role it fits (the head nouns of its role phrases, and its description): what "the diplomat" may refer to. */
  private readonly roleKinds = new Map<string, Set<RoleKind>>();

  constructor(record: StatementRecord) {
    // One hidden class for every entity (the corpus gives each its own set of optional keys): the sieves read
    // `type`, `label`, `speaksAs` … of many entities in one place, which stays monomorphic this way.
    for (const e of record.entities) {
      this.entities.set(e.id, {
        id: e.id,
        type: e.type,
        label: e.label,
        description: e.description,
        side: e.side,
        affiliation: e.affiliation,
        aliases: e.aliases,
        context: e.context,
        roles: e.roles,
        gender: e.gender,
        speaksAs: e.speaksAs,
      });
    }
    this.matcher = record.matcher ?? compileMatcher(record.entities);
    const lex = lexiconIndex();
    for (const e of record.entities) for (const a of e.aliases) {
      this.aliasFolded.push(foldString(a.text));
      this.aliasLang.push(a.lang);
    }
    for (const e of record.entities) {
      if (e.type !== 'organization') continue;
      if ((e.description !== undefined && MEDIA_DESCRIPTION.test(e.description)) || e.aliases.some((a) => lex.media.has(a.text.toLowerCase()))) {
        this.media.add(e.id);
        for (const a of e.aliases) this.mediaAliases.set(a.text.toLowerCase(), e.id);
      }
    }
    // One synthetic entity per role (roleEntities); aliases in order, so a mention's aliasIndex finds its phrase.
    const byPhrase = new Map<string, RoleHolder[]>();
    const aliasPhrases: string[] = [];
    let roleCount = 0;
    for (const e of record.entities) {
      e.roles?.forEach((role) => {
        roleCount++;
        for (const a of role.aliases) {
          const key = foldString(a.text);
          aliasPhrases.push(key);
          const list = byPhrase.get(key) ?? [];
          if (!list.some((h) => h.entityId === e.id && h.role === role)) list.push({ entityId: e.id, role });
          byPhrase.set(key, list);
        }
      });
    }
    this.roleMatcher = record.roleMatcher !== undefined ? record.roleMatcher : roleCount > 0 ? compileMatcher(roleEntities(record.entities)) : null;
    if (record.roles !== undefined) this.takeRoleData(record.roles, record.entities);
    else this.deriveRoles(record.entities);
    for (const key of aliasPhrases) {
      this.roleHolders.push(byPhrase.get(key)!);
      this.roleFolded.push(key);
    }
  }

  /** composedRoles and roleKinds from the entities' roles and descriptions (scans each role phrase). */
  private deriveRoles(entities: readonly Entity[]): void {
    const described = Object.entries(LEXICONS.en.roleDescriptions ?? {}).map(([kind, re]) => [kind as RoleKind, new RegExp(re, 'iu')] as const);
    for (const e of entities) {
      const kinds = new Set<RoleKind>();
      for (const [kind, re] of described) if (re.test(e.description ?? '')) kinds.add(kind);
      for (const role of e.roles ?? []) {
        for (const a of [{ text: role.label }, ...role.aliases]) {
          const head = this.roleHead(a.text);
          if (head) kinds.add(head);
        }
      }
      if (kinds.size > 0) this.roleKinds.set(e.id, kinds);
      for (const role of e.roles ?? []) {
        for (const a of role.aliases) {
          for (const { kind, entityId } of this.rolePairs(a.text)) {
            if (entityId === e.id) continue;
            const key = `${kind}|${entityId}`;
            const list = this.composedRoles.get(key) ?? [];
            if (!list.some((h) => h.entityId === e.id && h.role === role)) list.push({ entityId: e.id, role });
            this.composedRoles.set(key, list);
          }
        }
      }
    }
  }

  private takeRoleData(data: RoleData, entities: readonly Entity[]): void {
    const byId = new Map(entities.map((e) => [e.id, e]));
    for (const [key, holders] of data.composed) {
      this.composedRoles.set(
        key,
        holders.map(([entityId, k]) => {
          const role = byId.get(entityId)?.roles?.[k];
          if (role === undefined) throw new Error(`role data: no role ${k} of "${entityId}"`);
          return { entityId, role };
        }),
      );
    }
    for (const [entityId, kinds] of data.kinds) this.roleKinds.set(entityId, new Set(kinds));
  }

  /** What this view derived from the roles, as plain data (StatementRecord.roles). */
  roleData(): RoleData {
    const indexOf = (h: RoleHolder): number => this.entities.get(h.entityId)!.roles!.indexOf(h.role);
    return {
      composed: [...this.composedRoles].map(([key, holders]) => [key, holders.map((h) => [h.entityId, indexOf(h)] as [string, number])]),
      kinds: [...this.roleKinds].map(([id, kinds]) => [id, [...kinds]]),
    };
  }

  /** Whether the entity fits a role of this kind ("the diplomat": Lavrov, Vershinin, Nikolenko, Polishchuk). */
  fitsRole(entityId: string, kind: RoleKind): boolean {
    return this.roleKinds.get(entityId)?.has(kind) ?? false;
  }

  private roleHead(phrase: string): RoleKind | undefined {
    return this.rolePairs(phrase, true)[0]?.kind;
  }

  /** The (head-noun kind, entity named) pairs of a role phrase; with `headOnly`, one pair with an empty entity when it has a head. */
  private rolePairs(phrase: string, headOnly = false): { kind: RoleKind; entityId: string }[] {
    const lex = lexiconIndex();
    const tokens = tokenize(phrase, 0, phrase.length);
    const ids = new Set<string>();
    // The head noun: in English the last role noun before "of"/"to"/"for" ("press secretary of the President",
    // "Kremlin spokesman"); in Russian, Ukrainian and German, which put the rest after it, the first one.
    const english = !/[\u0400-\u04ff]/u.test(phrase) && !tokens.some((t) => /^(?:des|der|von)$/u.test(t.low)) && !tokens.some((t) => roleSuffixOf(lex, t.low));
    let head: RoleKind | undefined;
    for (let i = 0; i < tokens.length; i++) {
      if (english && head !== undefined && /^(?:of|to|for)$/u.test(tokens[i]!.low)) break;
      const n = roleNounAt(lex, tokens, i);
      if (n && (english || head === undefined)) head = n.kind;
      const c = roleSuffixOf(lex, tokens[i]!.low);
      if (c) {
        if (head === undefined) head = c.kind;
        for (const m of this.matcher.scan(phrase.slice(tokens[i]!.start, tokens[i]!.start + c.at).replace(/[-s]$/u, ''))) ids.add(m.entityId);
      }
    }
    if (head === undefined) return [];
    if (headOnly) return [{ kind: head, entityId: '' }];
    for (const m of this.matcher.scan(phrase)) ids.add(m.entityId);
    return [...ids].map((entityId) => ({ kind: head, entityId }));
  }

  /** Holders of a role pairing a head noun of `kind` with `entityId`, the one holding it on `date` first (see roleHolder). */
  composedRoleHolder(kind: RoleKind, entityId: string, date?: string): RoleHolder | undefined {
    const holders = this.composedRoles.get(`${kind}|${entityId}`);
    // A pair several people hold ("minister" of Russia: Lavrov and his deputy) names none of them.
    if (!holders || new Set(holders.map((h) => h.entityId)).size > 1) return undefined;
    return pickHolder(holders, date);
  }

  isSpeakerType(id: string): boolean {
    const e = this.entities.get(id);
    return e !== undefined && SPEAKER_TYPES.has(e.type);
  }

  isMedia(id: string): boolean {
    return this.media.has(id);
  }

  /**
   * The entity holding the role phrase matched as alias `aliasIndex` on `date`
   * (YYYY-MM-DD). Without a date, or when no holder's dates contain it, the
   * holder whose role is current (no end) or ended last.
   */
  roleHolder(aliasIndex: number, date?: string): RoleHolder | undefined {
    return pickHolder(this.roleHolders[aliasIndex], date);
  }
}

/** The holder whose role's dates contain `date`; without a date or such a holder, the one whose role is current or ended last. */
function pickHolder(holders: readonly RoleHolder[] | undefined, date?: string): RoleHolder | undefined {
  if (!holders || holders.length === 0) return undefined;
  if (holders.length === 1) return holders[0];
  if (date !== undefined) {
    const held = holders.filter((h) => (h.role.from === undefined || h.role.from <= date) && (h.role.to === undefined || date <= h.role.to));
    if (held.length > 0) return held[0];
  }
  return [...holders].sort((a, b) => (b.role.to ?? '9999').localeCompare(a.role.to ?? '9999'))[0];
}
