/**
 * Compiles the aliases of a corpus into one automaton of typed arrays: a
 * breadth-first trie over folded UTF-16 units (see trie.ts), one trie of the
 * suffix sets, pattern records, and a small JSON-able header.
 */
import type { Alias, Entity, Side } from '../corpus/schema.ts';
import { CLASS as CLASS_, WORD as WORD_ } from '../text/fold-table.ts';
import { foldString } from '../text/fold.ts';
import { aliasWords, encodeGivenNames, givenInitials } from './context.ts';
import { CYRILLIC_VOWELS, forEachAliasVariant, hasGivenNames, type VariantSink } from './inflection.ts';
import { buildTrie, buildTrieOfSymbols } from './trie.ts';
import { aliasRuleBits, ambiguousReading, anchorEntities, COORDINABLE, encodeCoordinable, FALSE_FRIEND, NEEDS_OBJECT, OTHER_SENSE } from './rules.ts';

// Module-local copies: some transpilers turn imported bindings into getters.
const CLASS = CLASS_;
const WORD = WORD_;

/* Symbol ids below FIRST_SYMBOL are special codes of the per-unit symbol table. */
/** Not in the alphabet: ends a walk. */
export const SYM_NONE = 0;
/** Whitespace: the walk reads the whole run as one space. */
export const SYM_SPACE = 1;
/** Invisible unit (soft hyphen, zero-width): skipped. */
export const SYM_SKIP = 2;
/** Combining mark with no letter before it: skipped. */
export const SYM_MARK = 3;
/** Folds to two units (ß → ss). */
export const SYM_EXPANDS = 4;
export const FIRST_SYMBOL = 5;

/* Pattern flags. */
export const REQUIRE_SUFFIX = 1;
export const AMBIGUOUS = 2;
export const COMPOUND = 4;
/** The pattern ends with a letter or digit, so a word boundary must follow. */
export const RIGHT_BOUNDARY = 8;

/** Everything a matcher needs; all arrays, plus the JSON-able header. */
export interface AutomatonData {
  header: {
    entityIds: string[];
    /** Folded context words, by entity index. */
    contexts: string[][];
    /** Folded words of all aliases, by entity index; only for entities with an ambiguous alias (else empty). */
    ownWords: string[][];
    /** Multi-word Cyrillic person aliases, by entity index, encoded by encodeGivenNames ('' for none); declined lazily on load. */
    givenNames: string[];
    /** Some pattern starts with a non-word unit, so walks may start anywhere. */
    nonWordStarts: boolean;
    /** Languages of the aliases with `commonWordIn`, by alias index (the language guard). */
    falseFriends: Record<number, { langs: string[]; own: string }>;
    /** By alias index, for the aliases with `otherSenseIn` or `otherSenseWords`: those languages, the alias's own, the folded words. */
    otherSenses: Record<number, { langs: string[]; own: string; words: string[] }>;
    /** By alias index, for the aliases with `objectWords`: those words, folded; a stem keeps its final "-" (rules.ts, objectFollows). */
    objectWords: Record<number, string[]>;
    /** Per person, the first three folded letters of its own given names (first words of multi-word aliases), space-separated; '' otherwise. */
    givenInitials: string[];
    /** ru/uk place aliases "adjective + noun", encoded by encodeCoordinable ('' for none); declined lazily on load. */
    coordinable: string;
    /** By alias index, for ambiguous aliases with `lowercaseSense` or `confirmedByPage`: READ_CAPITALISED | READ_ON_PAGE (rules.ts). */
    ambiguousReadings: Record<number, number>;
  };
  /** Rule bits of each alias (rules.ts: case rule, GATED, FALSE_FRIEND, COORDINABLE, PLACE, IN_NAMES, OTHER_SENSE), by alias index. */
  aliasRules: Uint16Array;
  /** ANCHOR (1) for the entities whose mention makes a page about the record, SENTENCE_EVIDENCE (2) for other places, SIDE_PLACE (3) + side index for a side's places (rules.ts, anchorEntities), by entity index. */
  entityAnchor: Uint8Array;
  /** Folded unit of each symbol id (ids below FIRST_SYMBOL unused). */
  alphabet: Uint16Array;
  childStart: Int32Array;
  nodeSym: Uint16Array;
  nodePattern: Int32Array;
  patternNext: Int32Array;
  /** Index of the alias (in corpus order over all entities). */
  patternAlias: Int32Array;
  /** Node of the pattern's suffix set in the suffix trie, or 0 for none. */
  patternSuffixes: Int32Array;
  patternFlags: Uint8Array;
  /** Entity index of each alias. */
  aliasEntity: Int32Array;
  suffixChildStart: Int32Array;
  suffixNodeSym: Uint16Array;
  /** Whether a suffix ends at each suffix-trie node (-1: no). */
  suffixNodeKey: Int32Array;
}

/**
 * Patterns waiting for the trie: their folded units back to back and their
 * records, in typed arrays (nothing for the garbage collector to copy while
 * a large corpus compiles).
 */
class PendingPatterns {
  units: Uint16Array;
  /** Units used. */
  size = 0;
  count = 0;
  /** End of each pattern in `units`. */
  end: Int32Array;
  alias: Int32Array;
  /** Index of the suffix set in suffixSets, or -1. */
  suffixSet: Int32Array;
  flags: Uint8Array;

  /** Room for about `patterns` patterns at first (it grows as needed). */
  constructor(patterns: number) {
    this.units = new Uint16Array(patterns * 16);
    this.end = new Int32Array(patterns);
    this.alias = new Int32Array(patterns);
    this.suffixSet = new Int32Array(patterns);
    this.flags = new Uint8Array(patterns);
  }

  add(folded: string, alias: number, suffixSet: number, flags: number, alphabet: UnitSet): void {
    const n = folded.length;
    if (this.size + n > this.units.length) this.units = grow(this.units, this.size + n);
    const units = this.units;
    const seen = alphabet.has;
    for (let i = 0, at = this.size; i < n; i++, at++) {
      const u = folded.charCodeAt(i);
      units[at] = u;
      if (seen[u] === 0) alphabet.add(u);
    }
    this.size += n;
    const p = this.count++;
    if (p === this.end.length) {
      this.end = grow(this.end, p + 1);
      this.alias = grow(this.alias, p + 1);
      this.suffixSet = grow(this.suffixSet, p + 1);
      this.flags = grow(this.flags, p + 1);
    }
    this.end[p] = this.size;
    this.alias[p] = alias;
    this.suffixSet[p] = suffixSet;
    this.flags[p] = flags;
  }
}

/** The UTF-16 units seen, as a table and as a list (no pass over all 65,536 units to collect them). */
class UnitSet {
  readonly has = new Uint8Array(0x10000);
  readonly list: number[] = [];

  add(u: number): void {
    if (this.has[u] === 0) {
      this.has[u] = 1;
      this.list.push(u);
    }
  }
}

/** A copy of `a` with room for at least `min` elements. */
function grow<T extends Uint8Array | Uint16Array | Int32Array>(a: T, min: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The header's word list of every entity that has none, shared: 2 × 25,000
 * fewer objects for the garbage collector to copy while 50,000 aliases
 * compile. Frozen, so a change to one entity's list cannot reach the others.
 */
const NO_WORDS = Object.freeze([]) as readonly string[] as string[];

/**
 * Collects the patterns of a corpus, entity by entity: the variant sink of
 * forEachAliasVariant. A class with one method per phase, so that each hot
 * loop is a small function the engine optimises whole.
 */
class Collector implements VariantSink {
  readonly pending: PendingPatterns;
  readonly ambiguousPending = new PendingPatterns(64);
  readonly aliasEntity: Int32Array;
  readonly entityIds: string[] = [];
  readonly contexts: string[][] = [];
  readonly ownWords: string[][] = [];
  readonly givenNames: string[] = [];
  readonly aliasRules: Uint16Array;
  readonly falseFriends: Record<number, { langs: string[]; own: string }> = {};
  readonly otherSenses: Record<number, { langs: string[]; own: string; words: string[] }> = {};
  readonly objectWords: Record<number, string[]> = {};
  readonly givenInitials: string[] = [];
  readonly ambiguousReadings: Record<number, number> = {};
  readonly coordinable: [Alias, number][] = [];
  nonWordStarts = false;
  readonly units = new UnitSet();
  // Suffix sets are shared arrays (inflection.ts caches them), so they are told apart by identity.
  readonly suffixSetId = new Map<readonly string[], number>();
  readonly suffixSets: (readonly string[])[] = [];
  // The alias being compiled.
  private aliasIndex = 0;
  private target: PendingPatterns;
  private aliasFlags = 0;
  private compound = false;
  // Consecutive variants mostly share their suffix set: no map lookup for a repeat.
  private lastSuffixes: readonly string[] | undefined = undefined;
  private lastSuffixSet = -1;

  constructor(aliasCount: number) {
    // Most aliases give one or two patterns (the alias and a stem).
    this.pending = new PendingPatterns(Math.ceil(aliasCount * 1.5) + 64);
    this.aliasEntity = new Int32Array(aliasCount);
    this.aliasRules = new Uint16Array(aliasCount);
    this.target = this.pending;
  }

  /**
   * Folded aliases of the record's entities, by folded alias text (contextWords): set by compileAutomaton before the
   * entities are added.
   */
  namedBy: ReadonlyMap<string, readonly string[]> = new Map();

  /**
   * An entity's context words, folded, in every language the record writes it: a context word that is the name of
   * another entity of the record ("Moscow") also counts in that entity's other aliases («Москва», "Moskau"; a
   * Cyrillic word by its stem: «Москву», «Москвы»), and the entity's own role phrases count («директор второго
   * департамента стран СНГ»). Without this a surname whose context words were written in English only was never
   * confirmed in a Russian text ("Полищук заявил, что … убедить Москву …").
   */
  private contextWords(entity: Entity): string[] {
    const context = entity.context;
    if (context === undefined || context.length === 0) return NO_WORDS;
    const words = new Set<string>();
    // Only a person's: a place's or a topic's context words weigh one sense of the name against another (rules.ts,
    // otherSenseAround), tuned in the languages they are written in.
    const person = entity.type === 'person';
    for (const w of context) {
      const folded = w.startsWith('>') ? '>' + foldString(w.slice(1)) : foldString(w);
      if (folded === '' || folded === '>') continue;
      words.add(folded);
      const other = person ? this.namedBy.get(folded) : undefined;
      if (other !== undefined) for (const o of other) words.add(o);
    }
    if (person) for (const role of entity.roles ?? []) {
      for (const a of role.aliases ?? []) {
        const folded = foldString(a.text);
        if (folded.length >= MIN_NAME_CONTEXT) words.add(folded);
      }
    }
    return [...words];
  }

  addEntity(entity: Entity, ei: number): void {
    this.entityIds.push(entity.id);
    const aliases = entity.aliases;
    const person = entity.type === 'person';
    let given: [Alias, number][] | undefined;
    this.contexts.push(this.contextWords(entity));
    let ambiguous = false;
    for (let a = 0; a < aliases.length; a++) if (aliases[a]!.ambiguous === true) ambiguous = true;
    this.ownWords.push(ambiguous ? aliasWords(aliases.map((a) => a.text)) : NO_WORDS);
    for (let a = 0; a < aliases.length; a++) {
      const alias = aliases[a]!;
      const ai = this.aliasIndex;
      this.aliasEntity[ai] = ei;
      const rules = aliasRuleBits(entity, alias);
      this.aliasRules[ai] = rules;
      if ((rules & FALSE_FRIEND) !== 0) this.falseFriends[ai] = { langs: [...alias.commonWordIn!], own: alias.lang ?? (/\p{Script=Cyrillic}/u.test(alias.text) ? 'ru' : 'en') };
      if ((rules & OTHER_SENSE) !== 0) {
        const own = alias.lang ?? (/\p{Script=Cyrillic}/u.test(alias.text) ? 'ru' : 'en');
        this.otherSenses[ai] = { langs: [...(alias.otherSenseIn ?? [])], own, words: (alias.otherSenseWords ?? []).map(foldString).filter((w) => w !== '') };
      }
      if ((rules & NEEDS_OBJECT) !== 0) this.objectWords[ai] = alias.objectWords!.map(foldString).filter((w) => w !== '' && w !== '-');
      if ((rules & COORDINABLE) !== 0) this.coordinable.push([alias, ai]);
      const reading = ambiguousReading(alias);
      if (reading !== 0) this.ambiguousReadings[ai] = reading;
      if (person && hasGivenNames(alias)) (given ??= []).push([alias, ai]);
      if (alias.ambiguous === true) {
        this.target = this.ambiguousPending;
        this.aliasFlags = AMBIGUOUS;
      } else {
        this.target = this.pending;
        this.aliasFlags = 0;
      }
      this.compound = alias.compound === true;
      forEachAliasVariant(alias, person, this);
      this.aliasIndex = ai + 1;
    }
    this.givenNames.push(given === undefined ? '' : encodeGivenNames(given));
    this.givenInitials.push(person ? givenInitials(aliases) : '');
  }

  variant(folded: string, suffixes: string[], requireSuffix: boolean): void {
    let suffixSet = -1;
    if (suffixes.length > 0) {
      if (suffixes === this.lastSuffixes) {
        suffixSet = this.lastSuffixSet;
      } else {
        suffixSet = this.suffixSetId.get(suffixes) ?? -1;
        if (suffixSet < 0) {
          suffixSet = this.suffixSets.push(suffixes) - 1;
          this.suffixSetId.set(suffixes, suffixSet);
        }
        this.lastSuffixes = suffixes;
        this.lastSuffixSet = suffixSet;
      }
    }
    let flags = this.aliasFlags;
    if (requireSuffix) flags |= REQUIRE_SUFFIX;
    else if (this.compound) flags |= COMPOUND;
    if (CLASS[folded.charCodeAt(folded.length - 1)] === WORD) flags |= RIGHT_BOUNDARY;
    if (CLASS[folded.charCodeAt(0)] !== WORD) this.nonWordStarts = true;
    this.target.add(folded, this.aliasIndex, suffixSet, flags, this.units);
  }
}

/** Symbols: FIRST_SYMBOL.. for the units seen, in ascending unit order. */
function makeAlphabet(units: UnitSet): { alphabet: Uint16Array; symOfUnit: Int32Array } {
  const sorted = units.list.slice().sort((a, b) => a - b);
  const alphabet = new Uint16Array(FIRST_SYMBOL + sorted.length);
  const symOfUnit = new Int32Array(0x10000);
  for (let i = 0; i < sorted.length; i++) {
    alphabet[FIRST_SYMBOL + i] = sorted[i]!;
    symOfUnit[sorted[i]!] = FIRST_SYMBOL + i;
  }
  return { alphabet, symOfUnit };
}

/** The keys of the pattern lists, in order, as symbols back to back; keyStart[k] .. keyStart[k + 1] is key k. */
function patternSymbols(lists: readonly PendingPatterns[], symOfUnit: Int32Array): { syms: Int32Array; keyStart: Int32Array } {
  let size = 0;
  let count = 0;
  for (const list of lists) {
    size += list.size;
    count += list.count;
  }
  const syms = new Int32Array(size);
  const keyStart = new Int32Array(count + 1);
  let k = 0;
  let base = 0;
  for (const list of lists) {
    const { units, end } = list;
    for (let u = 0; u < list.size; u++) syms[base + u] = symOfUnit[units[u]!]!;
    for (let i = 0; i < list.count; i++) keyStart[++k] = base + end[i]!;
    base += list.size;
  }
  return { syms, keyStart };
}

/** Pattern records in the order of the lists; a pattern's suffix set becomes its root node in the suffix trie. */
function patternRecords(lists: readonly PendingPatterns[], setRoot: Int32Array): { patternAlias: Int32Array; patternSuffixes: Int32Array; patternFlags: Uint8Array } {
  let count = 0;
  for (const list of lists) count += list.count;
  const patternAlias = new Int32Array(count);
  const patternSuffixes = new Int32Array(count);
  const patternFlags = new Uint8Array(count);
  let p = 0;
  for (const list of lists) {
    for (let i = 0; i < list.count; i++, p++) {
      const suffixSet = list.suffixSet[i]!;
      patternAlias[p] = list.alias[i]!;
      patternSuffixes[p] = suffixSet < 0 ? 0 : setRoot[suffixSet]!;
      patternFlags[p] = list.flags[i]!;
    }
  }
  return { patternAlias, patternSuffixes, patternFlags };
}

/** Shortest folded alias that may stand for its entity as a context word ("US", "ЕС" are words or too short). */
const MIN_NAME_CONTEXT = 4;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;

/**
 * For each folded alias text of an entity, the entity's aliases usable as context words of another entity
 * (Collector.contextWords): unambiguous, no false friend, at least MIN_NAME_CONTEXT units; a one-word Cyrillic alias
 * ending in a vowel by its stem, so that its case forms start with it (москва → москв: «Москву», «Москвы»).
 */
function contextNames(entities: readonly Entity[]): Map<string, string[]> {
  const foldedVowels = foldString(CYRILLIC_VOWELS);
  const out = new Map<string, string[]>();
  for (const entity of entities) {
    const usable: string[] = [];
    const keys: string[] = [];
    for (const alias of entity.aliases) {
      const folded = foldString(alias.text);
      keys.push(folded);
      if (alias.ambiguous === true || alias.commonWordIn !== undefined || folded.length < MIN_NAME_CONTEXT) continue;
      const stem = folded.length > MIN_NAME_CONTEXT && !folded.includes(' ') && CYRILLIC_LETTER.test(folded) && foldedVowels.includes(folded[folded.length - 1]!);
      usable.push(stem ? folded.slice(0, -1) : folded);
    }
    keys.push(foldString(entity.label));
    for (const k of keys) if (k !== '' && !out.has(k)) out.set(k, usable);
  }
  return out;
}

/** Compile the aliases of `entities` into automaton arrays. */
export function compileAutomaton(entities: readonly Entity[], sides?: readonly Side[]): AutomatonData {
  let aliasCount = 0;
  for (let ei = 0; ei < entities.length; ei++) aliasCount += entities[ei]!.aliases.length;
  const collected = new Collector(aliasCount);
  collected.namedBy = contextNames(entities);
  for (let ei = 0; ei < entities.length; ei++) collected.addEntity(entities[ei]!, ei);
  const { suffixSets, units } = collected;
  for (const list of suffixSets) for (const s of list) for (let i = 0; i < s.length; i++) units.add(s.charCodeAt(i));
  const { alphabet, symOfUnit } = makeAlphabet(units);

  // Unambiguous aliases first: at equal spans the lower pattern id wins.
  const lists = [collected.pending, collected.ambiguousPending];
  const { syms, keyStart } = patternSymbols(lists, symOfUnit);
  const trie = buildTrieOfSymbols(syms, keyStart, alphabet.length);

  // One trie for all suffix sets: set i hangs below the root on the extra symbol alphabet.length + i.
  const suffixKeys: string[] = [];
  const suffixPrefix: number[] = [];
  suffixSets.forEach((list, i) => {
    for (const s of list) {
      suffixKeys.push(s);
      suffixPrefix.push(alphabet.length + i);
    }
  });
  const suffixTrie = buildTrie(suffixKeys, symOfUnit, alphabet.length + suffixSets.length, Int32Array.from(suffixPrefix));
  const setRoot = new Int32Array(suffixSets.length);
  for (let c = suffixTrie.childStart[0]!; c < suffixTrie.childStart[1]!; c++) setRoot[suffixTrie.nodeSym[c]! - alphabet.length] = c;
  const { patternAlias, patternSuffixes, patternFlags } = patternRecords(lists, setRoot);

  return {
    header: {
      entityIds: collected.entityIds,
      contexts: collected.contexts,
      ownWords: collected.ownWords,
      givenNames: collected.givenNames,
      nonWordStarts: collected.nonWordStarts,
      falseFriends: collected.falseFriends,
      otherSenses: collected.otherSenses,
      objectWords: collected.objectWords,
      givenInitials: collected.givenInitials,
      coordinable: encodeCoordinable(collected.coordinable),
      ambiguousReadings: collected.ambiguousReadings,
    },
    aliasRules: collected.aliasRules,
    entityAnchor: anchorEntities({ sides }, entities),
    alphabet,
    childStart: trie.childStart,
    nodeSym: trie.nodeSym,
    nodePattern: trie.nodeKey,
    patternNext: trie.keyNext,
    patternAlias,
    patternSuffixes,
    patternFlags,
    aliasEntity: collected.aliasEntity,
    suffixChildStart: suffixTrie.childStart,
    suffixNodeSym: suffixTrie.nodeSym,
    suffixNodeKey: suffixTrie.nodeKey,
  };
}
