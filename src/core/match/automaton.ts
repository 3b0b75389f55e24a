/**
 * Compiles the aliases of a corpus into one automaton of typed arrays: a
 * breadth-first trie over folded UTF-16 units (see trie.ts), one trie of the
 * suffix sets, pattern records, and a small JSON-able header.
 */
import type { Alias, Entity } from '../corpus/schema.ts';
import { CLASS as CLASS_, WORD as WORD_ } from '../text/fold-table.ts';
import { foldString } from '../text/fold.ts';
import { aliasWords, encodeGivenNames } from './context.ts';
import { aliasVariants, hasGivenNames } from './inflection.ts';
import { buildTrie, buildTrieBreadthFirst } from './trie.ts';

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
  };
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

interface PendingPattern {
  folded: string;
  alias: number;
  /** Index of the suffix set in suffixSets, or -1. */
  suffixSet: number;
  flags: number;
}

/** Compile the aliases of `entities` into automaton arrays. */
export function compileAutomaton(entities: readonly Entity[]): AutomatonData {
  const pending: PendingPattern[] = [];
  const ambiguousPending: PendingPattern[] = [];
  const aliasEntity: number[] = [];
  const contexts: string[][] = [];
  const ownWords: string[][] = [];
  const givenNames: string[] = [];
  let nonWordStarts = false;
  const inAlphabet = new Uint8Array(0x10000);
  // Suffix sets are shared arrays (inflection.ts caches them), so they are told apart by identity.
  const suffixSetId = new Map<readonly string[], number>();
  const suffixSets: (readonly string[])[] = [];

  entities.forEach((entity, ei) => {
    const given: [Alias, number][] = [];
    contexts.push((entity.context ?? []).map(foldString).filter((w) => w !== ''));
    ownWords.push(entity.aliases.some((a) => a.ambiguous === true) ? aliasWords(entity.aliases.map((a) => a.text)) : []);
    for (const alias of entity.aliases) {
      const ai = aliasEntity.length;
      aliasEntity.push(ei);
      const ambiguous = alias.ambiguous === true;
      if (entity.type === 'person' && hasGivenNames(alias)) given.push([alias, ai]);
      for (const v of aliasVariants(alias, entity.type === 'person')) {
        let suffixSet = -1;
        if (v.suffixes.length > 0) {
          suffixSet = suffixSetId.get(v.suffixes) ?? -1;
          if (suffixSet < 0) {
            suffixSet = suffixSets.push(v.suffixes) - 1;
            suffixSetId.set(v.suffixes, suffixSet);
          }
        }
        let flags = 0;
        if (v.requireSuffix) flags |= REQUIRE_SUFFIX;
        if (ambiguous) flags |= AMBIGUOUS;
        if (alias.compound === true && !v.requireSuffix) flags |= COMPOUND;
        if (CLASS[v.folded.charCodeAt(v.folded.length - 1)] === WORD) flags |= RIGHT_BOUNDARY;
        if (CLASS[v.folded.charCodeAt(0)] !== WORD) nonWordStarts = true;
        for (let i = 0; i < v.folded.length; i++) inAlphabet[v.folded.charCodeAt(i)] = 1;
        (ambiguous ? ambiguousPending : pending).push({ folded: v.folded, alias: ai, suffixSet, flags });
      }
    }
    givenNames.push(encodeGivenNames(given));
  });
  for (const list of suffixSets) for (const s of list) for (let i = 0; i < s.length; i++) inAlphabet[s.charCodeAt(i)] = 1;

  // Symbols: FIRST_SYMBOL.. in ascending unit order; the suffix trie adds one
  // extra symbol per suffix set to separate the sets under one root.
  let alphabetSize = FIRST_SYMBOL;
  for (let u = 0; u < 0x10000; u++) alphabetSize += inAlphabet[u]!;
  const alphabet = new Uint16Array(alphabetSize);
  const symOfUnit = new Int32Array(0x10000);
  for (let u = 0, s = FIRST_SYMBOL; u < 0x10000; u++) {
    if (inAlphabet[u] === 0) continue;
    alphabet[s] = u;
    symOfUnit[u] = s++;
  }

  // Unambiguous aliases first: at equal spans the lower pattern id wins.
  const patterns = pending.concat(ambiguousPending);
  const count = patterns.length;
  const foldedKeys = new Array<string>(count);
  for (let p = 0; p < count; p++) foldedKeys[p] = patterns[p]!.folded;
  const trie = buildTrieBreadthFirst(foldedKeys, symOfUnit, alphabet.length);

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

  const patternAlias = new Int32Array(count);
  const patternSuffixes = new Int32Array(count);
  const patternFlags = new Uint8Array(count);
  for (let p = 0; p < count; p++) {
    const pattern = patterns[p]!;
    patternAlias[p] = pattern.alias;
    patternSuffixes[p] = pattern.suffixSet < 0 ? 0 : setRoot[pattern.suffixSet]!;
    patternFlags[p] = pattern.flags;
  }

  return {
    header: { entityIds: entities.map((e) => e.id), contexts, ownWords, givenNames, nonWordStarts },
    alphabet,
    childStart: trie.childStart,
    nodeSym: trie.nodeSym,
    nodePattern: trie.nodeKey,
    patternNext: trie.keyNext,
    patternAlias,
    patternSuffixes,
    patternFlags,
    aliasEntity: Int32Array.from(aliasEntity),
    suffixChildStart: suffixTrie.childStart,
    suffixNodeSym: suffixTrie.nodeSym,
    suffixNodeKey: suffixTrie.nodeKey,
  };
}
