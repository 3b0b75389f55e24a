/**
 * What the finder needs from the record, compiled once: the name matcher,
 * a second matcher over role phrases (each role of each entity, with its
 * dates), and which entities are news outlets.
 */
import type { Entity, EntityType, Role } from '../corpus/schema.ts';
import { compileMatcher, type Matcher } from '../match/index.ts';
import { foldString } from '../text/fold.ts';
import { lexiconIndex } from './lexicon-index.ts';
import { MEDIA_DESCRIPTION } from './lexicon/media.ts';

/** What the finder is given: the record's entities and, when already compiled, their matcher. */
export interface StatementRecord {
  entities: readonly Entity[];
  /** The compiled matcher of `entities` (compiled here when absent). */
  matcher?: Matcher;
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

  constructor(record: StatementRecord) {
    for (const e of record.entities) this.entities.set(e.id, e);
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
    // One synthetic entity per role; aliases in order, so a mention's aliasIndex finds its phrase.
    const synthetic: Entity[] = [];
    const byPhrase = new Map<string, RoleHolder[]>();
    const aliasPhrases: string[] = [];
    for (const e of record.entities) {
      e.roles?.forEach((role, k) => {
        synthetic.push({ id: `${e.id}#${k}`, type: 'topic', label: role.label, aliases: role.aliases, context: [] });
        for (const a of role.aliases) {
          const key = foldString(a.text);
          aliasPhrases.push(key);
          const list = byPhrase.get(key) ?? [];
          if (!list.some((h) => h.entityId === e.id && h.role === role)) list.push({ entityId: e.id, role });
          byPhrase.set(key, list);
        }
      });
    }
    this.roleMatcher = synthetic.length > 0 ? compileMatcher(synthetic) : null;
    for (const key of aliasPhrases) {
      this.roleHolders.push(byPhrase.get(key)!);
      this.roleFolded.push(key);
    }
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
    const holders = this.roleHolders[aliasIndex];
    if (!holders || holders.length === 0) return undefined;
    if (date !== undefined) {
      const held = holders.filter((h) => (h.role.from === undefined || h.role.from <= date) && (h.role.to === undefined || date <= h.role.to));
      if (held.length > 0) return held[0];
    }
    return [...holders].sort((a, b) => (b.role.to ?? '9999') .localeCompare(a.role.to ?? '9999'))[0];
  }
}
