/**
 * Compiles the aliases of a corpus into one automaton of typed arrays: a
 * breadth-first trie over folded UTF-16 units (see trie.ts), one trie of the
 * suffix sets, pattern records, and a small JSON-able header.
 */
import type { Entity } from '../corpus/schema.ts';
import { CLASS, WORD } from '../text/fold-table.ts';
import { foldString } from '../text/fold.ts';
import { aliasVariants } from './inflection.ts';
import { buildTrie } from './trie.ts';

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
  suffixKey: string;
  flags: number;
}

/** Compile the aliases of `entities` into automaton arrays. */
export function compileAutomaton(entities: readonly Entity[]): AutomatonData {
  const pending: PendingPattern[] = [];
  const ambiguousPending: PendingPattern[] = [];
  const aliasEntity: number[] = [];
  const contexts: string[][] = [];
  let nonWordStarts = false;
  const units = new Set<number>();
  const suffixSets = new Map<string, string[]>();

  entities.forEach((entity, ei) => {
    contexts.push((entity.context ?? []).map(foldString).filter((w) => w !== ''));
    for (const alias of entity.aliases) {
      const ai = aliasEntity.length;
      aliasEntity.push(ei);
      const ambiguous = alias.ambiguous === true;
      for (const v of aliasVariants(alias)) {
        const suffixKey = v.suffixes.join('\n');
        if (v.suffixes.length > 0 && !suffixSets.has(suffixKey)) suffixSets.set(suffixKey, v.suffixes);
        let flags = 0;
        if (v.requireSuffix) flags |= REQUIRE_SUFFIX;
        if (ambiguous) flags |= AMBIGUOUS;
        if (alias.compound === true && !v.requireSuffix) flags |= COMPOUND;
        if (CLASS[v.folded.charCodeAt(v.folded.length - 1)] === WORD) flags |= RIGHT_BOUNDARY;
        if (CLASS[v.folded.charCodeAt(0)] !== WORD) nonWordStarts = true;
        for (let i = 0; i < v.folded.length; i++) units.add(v.folded.charCodeAt(i));
        (ambiguous ? ambiguousPending : pending).push({ folded: v.folded, alias: ai, suffixKey, flags });
      }
    }
  });
  for (const list of suffixSets.values()) for (const s of list) for (let i = 0; i < s.length; i++) units.add(s.charCodeAt(i));

  // Symbols: FIRST_SYMBOL.. in ascending unit order; the suffix trie adds one
  // extra symbol per suffix set to separate the sets under one root.
  const alphabet = Uint16Array.from([0, 0, 0, 0, 0, ...[...units].sort((a, b) => a - b)]);
  const symOfUnit = new Int32Array(0x10000);
  alphabet.forEach((u, s) => {
    if (s >= FIRST_SYMBOL) symOfUnit[u] = s;
  });

  // Unambiguous aliases first: at equal spans the lower pattern id wins.
  const patterns = pending.concat(ambiguousPending);
  const trie = buildTrie(
    patterns.map((p) => p.folded),
    symOfUnit,
    alphabet.length,
  );

  // One trie for all suffix sets: set i hangs below the root on the extra symbol alphabet.length + i.
  const setIds = [...suffixSets.keys()];
  const suffixKeys: string[] = [];
  const suffixPrefix: number[] = [];
  setIds.forEach((key, i) => {
    for (const s of suffixSets.get(key)!) {
      suffixKeys.push(s);
      suffixPrefix.push(alphabet.length + i);
    }
  });
  const suffixTrie = buildTrie(suffixKeys, symOfUnit, alphabet.length + setIds.length, Int32Array.from(suffixPrefix));
  const setRoot = new Map<string, number>();
  setIds.forEach((key, i) => {
    const sym = alphabet.length + i;
    for (let c = suffixTrie.childStart[0]!; c < suffixTrie.childStart[1]!; c++) {
      if (suffixTrie.nodeSym[c] === sym) setRoot.set(key, c);
    }
  });

  return {
    header: { entityIds: entities.map((e) => e.id), contexts, nonWordStarts },
    alphabet,
    childStart: trie.childStart,
    nodeSym: trie.nodeSym,
    nodePattern: trie.nodeKey,
    patternNext: trie.keyNext,
    patternAlias: Int32Array.from(patterns, (p) => p.alias),
    patternSuffixes: Int32Array.from(patterns, (p) => setRoot.get(p.suffixKey) ?? 0),
    patternFlags: Uint8Array.from(patterns, (p) => p.flags),
    aliasEntity: Int32Array.from(aliasEntity),
    suffixChildStart: suffixTrie.childStart,
    suffixNodeSym: suffixTrie.nodeSym,
    suffixNodeKey: suffixTrie.nodeKey,
  };
}
