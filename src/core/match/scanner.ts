/**
 * The scan: one left-to-right pass over the original text, folding each unit
 * through a per-unit symbol table (no folded copy). Every alias that starts
 * with a letter needs a word boundary before it, so the trie is walked only
 * from word starts; the longest valid match there wins and the scan resumes
 * after it (leftmost-longest, non-overlapping).
 */
import { CLASS as CLASS_, EXPANDS as EXPANDS_, FOLD as FOLD_, MARK as MARK_, OTHER as OTHER_, SKIP as SKIP_, SPACE as SPACE_, SURROGATE as SURROGATE_, WORD as WORD_, EXPANSIONS, ensureFoldTables } from '../text/fold-table.ts';
import * as F from '../text/fold.ts';
import * as A from './automaton.ts';
import type { AutomatonData } from './automaton.ts';
import * as B from './boundary.ts';
import { decodeGivenNames, givenNameStart, mayFollowGivenName, hasContextWord, partOfLongerName, rememberTail, type DocumentContext } from './context.ts';
import * as T from './trie.ts';

// Module-local copies: some transpilers turn imported bindings into getters, too slow for the scan loop.
const CLASS = CLASS_;
const EXPANDS = EXPANDS_;
const FOLD = FOLD_;
const MARK = MARK_;
const OTHER = OTHER_;
const SKIP = SKIP_;
const SPACE = SPACE_;
const SURROGATE = SURROGATE_;
const WORD = WORD_;
const { AMBIGUOUS, COMPOUND, FIRST_SYMBOL, REQUIRE_SUFFIX, RIGHT_BOUNDARY, SYM_EXPANDS, SYM_MARK, SYM_NONE, SYM_SKIP, SYM_SPACE } = A;
const { boundaryAfter, boundaryBefore, wordEnd } = B;
const { composedUnit, skipMarks } = F;
const { childOf } = T;


export interface Mention {
  /** UTF-16 offset of the first unit in the original text. */
  start: number;
  /** UTF-16 offset after the last unit (suffix and trailing marks included). */
  end: number;
  entityId: string;
  /** Index of the matched alias over all entities' aliases, in corpus order. */
  aliasIndex: number;
}

/** Above this alphabet size the pair table (alphabet² × 4 bytes: 1 MB at 512) is not built; walks then start at the root. */
const MAX_PAIR_ALPHABET = 512;

/** Above this alphabet size the triple bit set (alphabet³ bits: 256 KB at 128) is not built. */
const MAX_TRIPLE_ALPHABET = 128;

/** pairNode value: the walk must start at the root (a one-symbol alias starts with this symbol). */
const PAIR_FROM_ROOT = -1;

/** Longest walk remembered (folded units); an alias longer than this still matches up to it. */
const MAX_TERMINALS = 256;

export class Scanner {
  private readonly sym = new Uint16Array(0x10000);
  private readonly rootNext: Int32Array;
  /**
   * The trie node after the plain symbols a, b, at a * alphabet + b: 0 when
   * no alias starts with them (most word starts are rejected by one load),
   * PAIR_FROM_ROOT when a alone is an alias. Derived on load, not stored.
   */
  private readonly pairNode: Int32Array;
  /**
   * Bit (a * alphabet + b) * alphabet + c: some alias starts with the plain
   * symbols a, b, c. Small enough to stay in cache, so a word that shares only
   * two letters with the aliases costs no visit to the trie. Derived on load.
   */
  private readonly triples: Uint32Array;
  private readonly alphabetSize: number;
  private readonly spaceSym: number;
  private readonly expansionSyms = new Map<number, [number, number]>();
  private readonly termNode = new Int32Array(MAX_TERMINALS);
  private readonly termEnd = new Int32Array(MAX_TERMINALS);
  /* Output of readItem. */
  private itemCount = 0;
  private itemSym0 = 0;
  private itemSym1 = 0;
  private itemEnd = 0;
  private readonly suffixTrie: { childStart: Int32Array; nodeSym: Uint16Array };

  constructor(readonly data: AutomatonData) {
    // Installed by loadMatcher from the serialised matcher in a tab; built here otherwise.
    ensureFoldTables();
    this.suffixTrie = { childStart: data.suffixChildStart, nodeSym: data.suffixNodeSym };
    const symOfUnit = new Int32Array(0x10000);
    data.alphabet.forEach((u, s) => {
      if (s >= FIRST_SYMBOL) symOfUnit[u] = s;
    });
    for (let u = 0; u < 0x10000; u++) {
      const cls = CLASS[u];
      const f = FOLD[u]!;
      if (cls === SKIP) this.sym[u] = SYM_SKIP;
      else if (cls === SPACE) this.sym[u] = SYM_SPACE;
      else if (cls === MARK) this.sym[u] = SYM_MARK;
      else if (f === EXPANDS) this.sym[u] = SYM_EXPANDS;
      else this.sym[u] = symOfUnit[f]!;
    }
    for (const [u, e] of EXPANSIONS) this.expansionSyms.set(u, [symOfUnit[e.charCodeAt(0)]!, symOfUnit[e.charCodeAt(1)]!]);
    this.spaceSym = symOfUnit[0x20]!;
    this.rootNext = new Int32Array(data.alphabet.length);
    for (let c = data.childStart[0]!; c < data.childStart[1]!; c++) this.rootNext[data.nodeSym[c]!] = c;
    // A word may start with ß (two symbols): always try a walk there.
    this.rootNext[SYM_EXPANDS] = 1;
    const size = (this.alphabetSize = data.alphabet.length);
    this.pairNode = new Int32Array(size <= MAX_PAIR_ALPHABET ? size * size : 0);
    this.triples = new Uint32Array(size <= MAX_TRIPLE_ALPHABET ? (size * size * size + 31) >>> 5 : 0);
    if (this.pairNode.length > 0) {
      for (let a = data.childStart[0]!; a < data.childStart[1]!; a++) {
        const row = data.nodeSym[a]! * size;
        if (data.nodePattern[a]! >= 0) this.pairNode.fill(PAIR_FROM_ROOT, row, row + size);
        else for (let b = data.childStart[a]!; b < data.childStart[a + 1]!; b++) this.pairNode[row + data.nodeSym[b]!] = b;
        if (this.triples.length === 0) continue;
        for (let b = data.childStart[a]!; b < data.childStart[a + 1]!; b++) {
          const pair = (row + data.nodeSym[b]!) * size;
          for (let c = data.childStart[b]!; c < data.childStart[b + 1]!; c++) {
            const bit = pair + data.nodeSym[c]!;
            this.triples[bit >>> 5]! |= 1 << (bit & 31);
          }
        }
      }
    }
  }

  scan(text: string, ctx: DocumentContext): Mention[] {
    const out: Mention[] = [];
    const sym = this.sym;
    const rootNext = this.rootNext;
    const pairNode = this.pairNode;
    const triples = this.triples;
    const nodePattern = this.data.nodePattern;
    const size = this.alphabetSize;
    const nonWordStarts = this.data.header.nonWordStarts;
    const n = text.length;
    let prevWord = false;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const cls = CLASS[c];
      if (cls === WORD) {
        if (!prevWord) {
          // Two plain units (no marks after them): one load gives the node after both, or 0.
          const s1 = sym[c]!;
          const s2 = sym[text.charCodeAt(i + 1)]!;
          let node = PAIR_FROM_ROOT;
          if (s1 >= FIRST_SYMBOL && s2 >= FIRST_SYMBOL && pairNode.length > 0 && CLASS[text.charCodeAt(i + 2)] !== MARK) {
            node = pairNode[s1 * size + s2]!;
            // A third plain unit that no alias has after these two, and no alias ends here: nothing to walk.
            const s3 = sym[text.charCodeAt(i + 2)]!;
            if (node > 0 && s3 >= FIRST_SYMBOL && triples.length > 0 && CLASS[text.charCodeAt(i + 3)] !== MARK) {
              const bit = (s1 * size + s2) * size + s3;
              if ((triples[bit >>> 5]! & (1 << (bit & 31))) === 0 && nodePattern[node]! < 0) node = 0;
            }
          }
          if (node > 0 || (node === PAIR_FROM_ROOT && (rootNext[s1] !== 0 || CLASS[text.charCodeAt(i + 1)] === MARK) && !this.rejectPair(text, i))) {
            const end = this.matchAt(text, i, node > 0 ? node : 0, node > 0 ? i + 2 : i, ctx, out);
            if (end > i) {
              i = end;
              prevWord = !boundaryBefore(text, i);
              continue;
            }
          }
        }
        // The rest of the word cannot start a match: skip it in a tight loop.
        prevWord = true;
        i++;
        while (i < n && CLASS[text.charCodeAt(i)] === WORD) i++;
      } else if (cls === SKIP) {
        i++;
      } else if (cls === MARK) {
        prevWord = true;
        i++;
      } else if (cls === SURROGATE) {
        const word = !boundaryAfter(text, i);
        if (word && !prevWord) {
          const end = this.matchAt(text, i, 0, i, ctx, out);
          if (end > i) {
            i = end;
            prevWord = !boundaryBefore(text, i);
            continue;
          }
        }
        prevWord = word;
        i += c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      } else {
        if (nonWordStarts && cls === OTHER && rootNext[sym[c]!] !== 0) {
          const end = this.matchAt(text, i, 0, i, ctx, out);
          if (end > i) {
            i = end;
            prevWord = !boundaryBefore(text, i);
            continue;
          }
        }
        prevWord = false;
        i++;
      }
    }
    rememberTail(ctx, text);
    return out;
  }

  /** True when no alias can start at word start i, judged from its first plain unit and a letter outside the alphabet after it (no walk). */
  private rejectPair(text: string, i: number): boolean {
    const pairs = this.pairNode;
    if (pairs.length === 0) return false;
    const s1 = this.sym[text.charCodeAt(i)]!;
    const c2 = text.charCodeAt(i + 1);
    const s2 = this.sym[c2]!;
    if (s1 < FIRST_SYMBOL || CLASS[c2] !== WORD || CLASS[text.charCodeAt(i + 2)] === MARK) return false;
    // A letter outside the alphabet (s2 = 0) ends every walk after one symbol.
    return s2 === SYM_NONE && pairs[s1 * this.alphabetSize] === 0;
  }

  /** Read the item at j into itemCount/itemSym0/itemSym1/itemEnd. itemCount: 0 skip, -1 no match possible. */
  private readItem(text: string, j: number): void {
    const n = text.length;
    const c = text.charCodeAt(j);
    let s = this.sym[c]!;
    if (s >= FIRST_SYMBOL && CLASS[text.charCodeAt(j + 1)] !== MARK) {
      this.itemCount = 1;
      this.itemSym0 = s;
      this.itemEnd = j + 1;
      return;
    }
    const cls = CLASS[c];
    if (cls === SKIP || cls === MARK) {
      this.itemCount = 0;
      this.itemEnd = j + 1;
      return;
    }
    if (cls === SPACE) {
      let k = j + 1;
      while (k < n && (CLASS[text.charCodeAt(k)] === SPACE || CLASS[text.charCodeAt(k)] === SKIP)) k++;
      this.itemCount = this.spaceSym === 0 ? -1 : 1;
      this.itemSym0 = this.spaceSym;
      this.itemEnd = k;
      return;
    }
    if (cls === SURROGATE) {
      const pair = c <= 0xdbff && (text.charCodeAt(j + 1) & 0xfc00) === 0xdc00;
      this.itemSym0 = s;
      this.itemSym1 = pair ? this.sym[text.charCodeAt(j + 1)]! : 0;
      this.itemCount = s === SYM_NONE || (pair && this.itemSym1 === SYM_NONE) ? -1 : pair ? 2 : 1;
      this.itemEnd = skipMarks(text, j + (pair ? 2 : 1));
      return;
    }
    const end = skipMarks(text, j + 1);
    const raw = end > j + 1 ? composedUnit(text, j, end) : c;
    s = this.sym[raw]!;
    this.itemEnd = end;
    if (s === SYM_EXPANDS) {
      const e = this.expansionSyms.get(raw)!;
      this.itemSym0 = e[0];
      this.itemSym1 = e[1];
      this.itemCount = e[0] === SYM_NONE || e[1] === SYM_NONE ? -1 : 2;
      return;
    }
    this.itemSym0 = s;
    this.itemCount = s >= FIRST_SYMBOL ? 1 : -1;
  }

  /**
   * Walk from `start`, resuming at node `from` and offset `at` (root and start, or the pair table's node after two plain
   * units); on a match push it and return its end, else return -1.
   */
  private matchAt(text: string, start: number, from: number, at: number, ctx: DocumentContext, out: Mention[]): number {
    const d = this.data;
    const n = text.length;
    const sym = this.sym;
    const childStart = d.childStart;
    const nodeSym = d.nodeSym;
    const nodePattern = d.nodePattern;
    const rootNext = this.rootNext;
    let s = from;
    let j = at;
    let depth = 0;
    if (s !== 0 && nodePattern[s]! >= 0) {
      this.termNode[0] = s;
      this.termEnd[depth++] = j;
    }
    while (j < n && depth < MAX_TERMINALS) {
      let sym0 = sym[text.charCodeAt(j)]!;
      let end = j + 1;
      if (sym0 < FIRST_SYMBOL || CLASS[text.charCodeAt(end)] === MARK) {
        // Not a plain unit: whitespace, invisible, ß, surrogates, marks.
        this.readItem(text, j);
        const count = this.itemCount;
        if (count === 0) {
          j = this.itemEnd;
          continue;
        }
        if (count < 0) break;
        sym0 = this.itemSym0;
        end = this.itemEnd;
        if (count === 2) {
          s = s === 0 ? rootNext[sym0]! : childOf(childStart, nodeSym, s, sym0);
          if (s === 0) break;
          sym0 = this.itemSym1;
        }
      }
      s = s === 0 ? rootNext[sym0]! : childOf(childStart, nodeSym, s, sym0);
      if (s === 0) break;
      j = end;
      if (nodePattern[s]! >= 0) {
        this.termNode[depth] = s;
        this.termEnd[depth++] = j;
      }
    }
    if (depth === 0) return -1;

    // Candidates: every pattern on the path with its longest valid end.
    let bestEnd = -1;
    let bestPattern = -1;
    let rejected: Set<number> | undefined;
    for (;;) {
      for (let t = depth - 1; t >= 0; t--) {
        const at = this.termEnd[t]!;
        for (let p = d.nodePattern[this.termNode[t]!]!; p >= 0; p = d.patternNext[p]!) {
          if (rejected?.has(p)) continue;
          const e = this.patternEnd(text, p, at);
          if (e > bestEnd || (e === bestEnd && e >= 0 && p < bestPattern)) {
            bestEnd = e;
            bestPattern = p;
          }
        }
      }
      if (bestPattern < 0) return -1;
      const entity = d.aliasEntity[d.patternAlias[bestPattern]!]!;
      const entityId = d.header.entityIds[entity]!;
      if ((d.patternFlags[bestPattern]! & AMBIGUOUS) === 0) {
        ctx.seen.add(entityId);
      } else if (
        partOfLongerName(text, start, bestEnd, this.ownWordsOf(entity)) ||
        (!ctx.seen.has(entityId) && !hasContextWord(d.header.contexts[entity]!, text, start, bestEnd, ctx.tail))
      ) {
        (rejected ??= new Set()).add(bestPattern);
        bestEnd = -1;
        bestPattern = -1;
        continue;
      }
      let mentionStart = start;
      let aliasIndex = d.patternAlias[bestPattern]!;
      if (d.header.givenNames[entity] !== '') {
        const g = this.givenNamesOf(entity);
        const before = mayFollowGivenName(text, start, g.lastWordFirstUnits) ? givenNameStart(text, start, g.prefixes, g.maxWords) : undefined;
        if (before !== undefined && (out.length === 0 || out[out.length - 1]!.end <= before.start)) {
          mentionStart = before.start;
          aliasIndex = before.alias;
        }
      }
      out.push({ start: mentionStart, end: bestEnd, entityId, aliasIndex });
      return bestEnd;
    }
  }

  private readonly ownWords = new Map<number, ReadonlySet<string>>();
  private readonly givenNames = new Map<number, ReturnType<typeof decodeGivenNames>>();

  private givenNamesOf(entity: number): ReturnType<typeof decodeGivenNames> {
    let g = this.givenNames.get(entity);
    if (g === undefined) this.givenNames.set(entity, (g = decodeGivenNames(this.data.header.givenNames[entity]!)));
    return g;
  }

  private ownWordsOf(entity: number): ReadonlySet<string> {
    let set = this.ownWords.get(entity);
    if (set === undefined) this.ownWords.set(entity, (set = new Set(this.data.header.ownWords[entity])));
    return set;
  }

  /** The longest valid end of pattern p whose folded text ends at raw offset j, or -1. */
  private patternEnd(text: string, p: number, j: number): number {
    const d = this.data;
    const flags = d.patternFlags[p]!;
    let best = -1;
    if ((flags & REQUIRE_SUFFIX) === 0 && ((flags & RIGHT_BOUNDARY) === 0 || boundaryAfter(text, j))) best = j;
    const root = d.patternSuffixes[p]!;
    if (root !== 0) {
      const e = this.suffixEnd(text, root, j);
      if (e > best) best = e;
    }
    if ((flags & COMPOUND) !== 0) {
      const e = wordEnd(text, j);
      if (e > j && e > best) best = e;
    }
    return best;
  }

  /** The end of the longest suffix of the set at `root` that follows j and is followed by a boundary, or -1. */
  private suffixEnd(text: string, root: number, j: number): number {
    const d = this.data;
    const trie = this.suffixTrie;
    const n = text.length;
    let s = root;
    let best = -1;
    while (j < n) {
      this.readItem(text, j);
      if (this.itemCount === 0) {
        j = this.itemEnd;
        continue;
      }
      if (this.itemCount < 0) break;
      s = childOf(trie.childStart, trie.nodeSym, s, this.itemSym0);
      if (s !== 0 && this.itemCount === 2) s = childOf(trie.childStart, trie.nodeSym, s, this.itemSym1);
      if (s === 0) break;
      j = this.itemEnd;
      if (d.suffixNodeKey[s]! >= 0 && boundaryAfter(text, j)) best = j;
    }
    return best;
  }
}
