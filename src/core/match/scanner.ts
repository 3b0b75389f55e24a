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
import { ANCHOR, MAX_PLURAL_LIST_MEMBERS, germanPluralHeadBefore, germanListPrev, anotherEventsNoun, EVENT, eventAfterTimePreposition, nextMeetingAt, venueOfNextMeeting, verbAfterSubject, PLACE_MARK, PLACE_SIGNAL_MARK, placeSignalInSentence, SIDE_PLACE, SIDE_PLACE_MARK, GENERIC_TALK_WORDS, PEACE_WORDS, NAMESAKE_MARK, namesakeWithState, namesakeOccupationBefore, capitalisedInSentence, insideQuotedName, datelineCredit, inHeadlineList, inTeaserBox, namesACity, namesAStreet, opensDishName, quotedAlone, PERSON, NAMED_THING, READ_CAPITALISED, READ_ON_PAGE, CASE_CAPS, CASE_MASK, caseAllows, closesClubOrDishName, COORDINABLE, coordinatedBefore, decodeCoordinable, type Coordinable, endsAnotherName, namesAnotherCitysKremlin, listHeads, unknownListEnds, FALSE_FRIEND, GATED, IN_NAMES, insideAddressOrCode, keepRelevant, languageGuardFails, placeBehindPreposition, opensPublicationName, OTHER_SENSE, otherSenseAround, PLACE, SENTENCE, TERM, NEEDS_OBJECT, objectFollows } from './rules.ts';

/** One Cyrillic word, as written. */
const CYRILLIC_WORD = /^[\u0400-\u04ff]+$/u;

/** CYRILLIC_WORD.test(text.slice(start, end)), without the slice. */
function cyrillicWord(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x400 || c > 0x4ff) return false;
  }
  return true;
}
import { CONTEXT_WINDOW_CHARS, createDocumentContext, contextWordDistance, decodeGivenNames, givenNameSkeleton, givenNameInitials, followsOtherGivenName, ownGivenNameBefore, givenNameStart, mayFollowGivenName, hasContextWord, notGivenNameWords, partOfLongerName, rememberTail, type DocumentContext } from './context.ts';
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

/** Children searched linearly in the walk (as childOf does); more are binary-searched. */
const LINEAR_CHILDREN = 8;

/** Units per block of the scan (one 32-bit set). */
const BLOCK = 32;

/* kind. */
const K_LETTER = 1;
const K_SPECIAL = 2;

/** 1 for the entities that have an ambiguous alias. */
function confirmableEntities(data: AutomatonData): Uint8Array {
  const flags = data.patternFlags;
  const confirmable = new Uint8Array(data.header.entityIds.length);
  for (let p = 0; p < flags.length; p++) if ((flags[p]! & AMBIGUOUS) !== 0) confirmable[data.aliasEntity[data.patternAlias[p]!]!] = 1;
  return confirmable;
}

type GivenNames = ReturnType<typeof decodeGivenNames>;

/**
 * What a Scanner derives from its AutomatonData: the tables the constructor
 * fills and the entity data decoded on first use. Structured-clonable, so
 * that a process that starts often (the CLI, from its build's cache) can
 * store it whole (Scanner.state after warm()) and skip the deriving.
 */
export interface ScannerState {
  sym: Uint16Array;
  kind: Uint8Array;
  rootNext: Int32Array;
  pairNode: Int32Array;
  triples: Uint32Array;
  alphabetSize: number;
  spaceSym: number;
  expansionSyms: Map<number, [number, number]>;
  confirmable: Uint8Array;
  givenNames: (GivenNames | null | undefined)[];
  coordinated: Coordinable | undefined;
  ownWords: Map<number, ReadonlySet<string>>;
  initials: Map<number, ReadonlySet<string>>;
}

/** GENERIC_TALK_WORDS, folded (Scanner.wordContexts). */
let genericTalkSet: Set<string> | undefined;

export class Scanner {
  private readonly sym: Uint16Array;
  /** Per unit: K_LETTER for class WORD; K_SPECIAL for units the block scan leaves to the unit-by-unit loop. Derived on load. */
  private readonly kind: Uint8Array;
  private readonly rootNext: Int32Array;
  /**
   * The walk's start after a word's first two units, at a * alphabet + b
   * (their symbols, special codes included): the trie node after a and b,
   * 0 when no alias can start there, PAIR_FROM_ROOT when only a walk from the
   * root can tell (a alone is an alias, an invisible unit or ß follows, …).
   * Its verdict is in triples too, so it is read only for the starts that
   * the bit set lets through. Derived on load.
   */
  private readonly pairNode: Int32Array;
  /**
   * Bit (a * alphabet + b) * alphabet + c: a walk may find something after a
   * word's first three units a, b, c (their symbols, special codes included).
   * Set for every c when pairNode gives PAIR_FROM_ROOT, for none when it
   * gives 0 (except a mark, which changes b); else an alias ends at the node
   * after a, b or goes on with c (c may be the whitespace code; the codes
   * that need a full walk are always set). Small enough to stay in cache, so
   * a word that shares only two letters with the aliases costs no visit to
   * the trie. Derived on load.
   */
  private readonly triples: Uint32Array;
  private readonly alphabetSize: number;
  private readonly spaceSym: number;
  private readonly expansionSyms: Map<number, [number, number]>;
  /** First pattern ending at each terminal of the walk (read during the walk, so that its cache miss overlaps the next steps). */
  private readonly termPattern = new Int32Array(MAX_TERMINALS);
  private readonly termEnd = new Int32Array(MAX_TERMINALS);
  /* Output of readItem. */
  private itemCount = 0;
  private itemSym0 = 0;
  private itemSym1 = 0;
  private itemEnd = 0;
  /* The automaton's arrays, read straight from fields in the walk. */
  private readonly childStart: Int32Array;
  private readonly nodeSym: Uint16Array;
  private readonly nodePattern: Int32Array;
  private readonly patternNext: Int32Array;
  private readonly patternAlias: Int32Array;
  private readonly patternFlags: Uint8Array;
  private readonly patternSuffixes: Int32Array;
  private readonly suffixChildStart: Int32Array;
  private readonly suffixNodeSym: Uint16Array;
  private readonly suffixNodeKey: Int32Array;
  private readonly entityIds: readonly string[];
  private readonly aliasEntity: Int32Array;
  private readonly aliasRules: Uint16Array;
  /** 1 for entities with an ambiguous alias: only their ids go into ctx.seen, which is read for nothing else. Derived on load. */
  private readonly confirmable: Uint8Array;

  /** `state`: what another scanner of the same data derived (its `state`), taken instead of deriving it again. */
  constructor(readonly data: AutomatonData, state?: ScannerState) {
    // Installed by loadMatcher from the serialised matcher in a tab; built here otherwise.
    ensureFoldTables();
    this.aliasRules = data.aliasRules;
    this.childStart = data.childStart;
    this.nodeSym = data.nodeSym;
    this.nodePattern = data.nodePattern;
    this.patternNext = data.patternNext;
    this.patternAlias = data.patternAlias;
    this.patternFlags = data.patternFlags;
    this.patternSuffixes = data.patternSuffixes;
    this.suffixChildStart = data.suffixChildStart;
    this.suffixNodeSym = data.suffixNodeSym;
    this.suffixNodeKey = data.suffixNodeKey;
    this.entityIds = data.header.entityIds;
    this.aliasEntity = data.aliasEntity;
    if (state !== undefined) {
      ({ sym: this.sym, kind: this.kind, rootNext: this.rootNext, pairNode: this.pairNode, triples: this.triples } = state);
      ({ alphabetSize: this.alphabetSize, spaceSym: this.spaceSym, expansionSyms: this.expansionSyms, confirmable: this.confirmable } = state);
      ({ givenNames: this.givenNames, coordinated: this.coordinated, ownWords: this.ownWords, initials: this.initials } = state);
      return;
    }
    this.sym = new Uint16Array(0x10000);
    this.kind = new Uint8Array(0x10000);
    this.expansionSyms = new Map();
    this.ownWords = new Map();
    this.initials = new Map();
    this.confirmable = confirmableEntities(data);
    this.givenNames = new Array<GivenNames | null | undefined>(data.header.entityIds.length).fill(undefined);

    const symOfUnit = new Int32Array(0x10000);
    data.alphabet.forEach((u, s) => {
      if (s >= FIRST_SYMBOL) symOfUnit[u] = s;
    });
    const rootNext = (this.rootNext = new Int32Array(data.alphabet.length));
    for (let c = data.childStart[0]!; c < data.childStart[1]!; c++) rootNext[data.nodeSym[c]!] = c;
    // A word may start with ß (two symbols): always try a walk there.
    rootNext[SYM_EXPANDS] = 1;
    const sym = this.sym;
    const kind = this.kind;
    const nonWordStarts = data.header.nonWordStarts;
    for (let u = 0; u < 0x10000; u++) {
      const cls = CLASS[u];
      const f = FOLD[u]!;
      if (cls === SKIP) sym[u] = SYM_SKIP;
      else if (cls === SPACE) sym[u] = SYM_SPACE;
      else if (cls === MARK) sym[u] = SYM_MARK;
      else if (f === EXPANDS) sym[u] = SYM_EXPANDS;
      else sym[u] = symOfUnit[f]!;
      if (cls === WORD) kind[u] = K_LETTER;
      else if (cls === SKIP || cls === MARK || cls === SURROGATE || (nonWordStarts && cls === OTHER && rootNext[sym[u]!] !== 0)) kind[u] = K_SPECIAL;
    }
    for (const [u, e] of EXPANSIONS) this.expansionSyms.set(u, [symOfUnit[e.charCodeAt(0)]!, symOfUnit[e.charCodeAt(1)]!]);
    const spaceSym = (this.spaceSym = symOfUnit[0x20]!);
    const size = (this.alphabetSize = data.alphabet.length);
    this.pairNode = new Int32Array(size <= MAX_PAIR_ALPHABET ? size * size : 0);
    this.triples = new Uint32Array(size <= MAX_TRIPLE_ALPHABET ? (size * size * size + 31) >>> 5 : 0);
    if (this.pairNode.length > 0) this.fillStartTables(size, spaceSym);
  }

  /**
   * Fill pairNode and triples (see them). What a walk from the root would do
   * after a word's first units, decided once per symbol pair or triple:
   * units that are not plain symbols (no marks after them) are read as
   * items by the walk, so their codes either end it (SYM_NONE: a unit
   * outside the alphabet; SYM_SPACE: only an alias going on with a space
   * survives) or need the walk (SYM_SKIP, SYM_MARK, SYM_EXPANDS).
   */
  private fillStartTables(size: number, spaceSym: number): void {
    const { childStart, nodeSym, nodePattern } = this;
    const pairs = this.pairNode;
    const triples = this.triples;
    const setTriple = (bit: number): void => {
      triples[bit >>> 5]! |= 1 << (bit & 31);
    };
    const hasChild = (s: number, sym: number): boolean => sym !== 0 && childOf(childStart, nodeSym, s, sym) !== 0;
    // Rows of the special codes: a word never starts with whitespace, an invisible unit or a mark; ß needs the walk.
    pairs.fill(PAIR_FROM_ROOT, 0, FIRST_SYMBOL * size);
    // A unit outside the alphabet ends the walk before any symbol, unless a mark after it composes it into another.
    pairs.fill(0, SYM_NONE * size, SYM_NONE * size + size);
    pairs[SYM_NONE * size + SYM_MARK] = PAIR_FROM_ROOT;
    for (let a = FIRST_SYMBOL; a < size; a++) {
      const row = a * size;
      const first = this.rootNext[a]!;
      if (first === 0) {
        // No alias starts with a: only a mark after it can change the first symbol.
        pairs[row + SYM_MARK] = PAIR_FROM_ROOT;
        continue;
      }
      if (nodePattern[first]! >= 0) {
        // a alone is an alias: walk from the root so that its end is seen.
        pairs.fill(PAIR_FROM_ROOT, row, row + size);
        continue;
      }
      for (let b = childStart[first]!; b < childStart[first + 1]!; b++) pairs[row + nodeSym[b]!] = b;
      // SYM_NONE stays 0: the walk would end after a, where no alias ends.
      if (hasChild(first, spaceSym)) pairs[row + SYM_SPACE] = PAIR_FROM_ROOT;
      pairs[row + SYM_SKIP] = PAIR_FROM_ROOT;
      pairs[row + SYM_MARK] = PAIR_FROM_ROOT;
      pairs[row + SYM_EXPANDS] = PAIR_FROM_ROOT;
      if (triples.length === 0) continue;
      for (let b = childStart[first]!; b < childStart[first + 1]!; b++) {
        const pair = (row + nodeSym[b]!) * size;
        if (nodePattern[b]! >= 0) {
          // An alias ends after a, b: any third unit may follow.
          for (let c = 0; c < size; c++) setTriple(pair + c);
          continue;
        }
        for (let c = childStart[b]!; c < childStart[b + 1]!; c++) setTriple(pair + nodeSym[c]!);
        if (hasChild(b, spaceSym)) setTriple(pair + SYM_SPACE);
        setTriple(pair + SYM_SKIP);
        setTriple(pair + SYM_EXPANDS);
      }
    }
    if (triples.length === 0) return;
    // The pair's own verdict, so that the scan tests one bit: all set for PAIR_FROM_ROOT, none for 0; a mark in third place
    // (which changes the second unit) always set.
    for (let pair = 0; pair < size * size; pair++) {
      if (pairs[pair] === PAIR_FROM_ROOT) for (let c = 0; c < size; c++) setTriple(pair * size + c);
      else setTriple(pair * size + SYM_MARK);
    }
  }

  scan(text: string, ctx: DocumentContext): Mention[] {
    const out: Mention[] = [];
    const kind = this.kind;
    const sym = this.sym;
    const size = this.alphabetSize;
    const pairNode = this.pairNode;
    const triples = this.triples;
    const hasTriples = triples.length > 0;
    const n = text.length;
    let prevWord = false;
    let i = 0;
    while (i < n) {
      if (i + BLOCK <= n) {
        // A block of BLOCK units as bit sets, with no branch per unit: which units are letters, whether any needs care.
        let letters = 0;
        let any = 0;
        for (let b = 0; b < BLOCK; b += 4) {
          // Four units a step: fewer loop tests (V8 does not unroll).
          const k0 = kind[text.charCodeAt(i + b)]!;
          const k1 = kind[text.charCodeAt(i + b + 1)]!;
          const k2 = kind[text.charCodeAt(i + b + 2)]!;
          const k3 = kind[text.charCodeAt(i + b + 3)]!;
          letters |= ((k0 & K_LETTER) | ((k1 & K_LETTER) << 1) | ((k2 & K_LETTER) << 2) | ((k3 & K_LETTER) << 3)) << b;
          any |= k0 | k1 | k2 | k3;
        }
        if ((any & K_SPECIAL) === 0) {
          // Word starts: a letter after a unit that is not one.
          let starts = letters & ~((letters << 1) | (prevWord ? 1 : 0));
          const base = i;
          i += BLOCK;
          prevWord = letters >>> (BLOCK - 1) !== 0;
          while (starts !== 0) {
            const low = starts & -starts;
            starts ^= low;
            const at = base + 31 - Math.clz32(low);
            let node: number;
            if (at + 3 < i && hasTriples) {
              // The first four units are in this block, so none is a mark: the bit set alone decides.
              const pair = sym[text.charCodeAt(at)]! * size + sym[text.charCodeAt(at + 1)]!;
              const bit = pair * size + sym[text.charCodeAt(at + 2)]!;
              if ((triples[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
              node = pairNode[pair]!;
            } else {
              node = this.startNode(text, at);
              if (node === 0) continue;
            }
            const end = node > 0 ? this.matchAt(text, at, node, at + 2, ctx, out) : this.matchAt(text, at, 0, at, ctx, out);
            if (end > at) {
              if (end < i) {
                // The mention ends in this block: its later starts stand (the block has no unit that boundaryBefore
                // would look through).
                starts &= -1 << (end - base);
                continue;
              }
              i = end;
              prevWord = !boundaryBefore(text, i);
              break;
            }
          }
          continue;
        }
      }
      // Invisible units, marks, surrogates or the text's last units: one unit at a time, to the end of the block.
      const stop = Math.min(n, i + BLOCK);
      while (i < stop) {
        const c = text.charCodeAt(i);
        const cls = CLASS[c];
        if (cls === WORD) {
          if (!prevWord) {
            const node = this.startNode(text, i);
            if (node !== 0) {
              const end = node > 0 ? this.matchAt(text, i, node, i + 2, ctx, out) : this.matchAt(text, i, 0, i, ctx, out);
              if (end > i) {
                i = end;
                prevWord = !boundaryBefore(text, i);
                continue;
              }
            }
          }
          // The rest of the word cannot start a match.
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
          if ((kind[c]! & K_SPECIAL) !== 0) {
            // A unit that starts an alias although it is no letter (nonWordStarts).
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
    }
    rememberTail(ctx, text);
    const found = this.byLine === undefined ? out : this.confirmByLine(text, out);
    return found.length === 0 && this.data.header.coordinable === '' ? found : this.afterScan(text, ctx, found);
  }

  /**
   * Bare surnames in a list of headlines waiting for their line (matchAt): kept only where the same line names
   * another of the record's entities; reset by confirmByLine.
   */
  private byLine: Set<Mention> | undefined;

  /** Drops the mentions of `byLine` whose line names no other entity of the record (a headline of another story). */
  private confirmByLine(text: string, out: Mention[]): Mention[] {
    const pending = this.byLine!;
    this.byLine = undefined;
    return out.filter((m) => {
      if (!pending.has(m)) return true;
      const lo = text.lastIndexOf('\n', m.start - 1) + 1;
      const br = text.indexOf('\n', m.end);
      const hi = br < 0 ? text.length : br;
      return out.some((o) => o !== m && !pending.has(o) && o.entityId !== m.entityId && o.start >= lo && o.end <= hi);
    });
  }

  /** Mentions of this scan that count only where the page or block is about the record (READ_ON_PAGE); reset by afterScan. */
  private provisional: Set<Mention> | undefined;
  /** Bare surnames of record persons found by this scan (one word, no given name taken in); reset by afterScan. */
  private bareSurnames: Mention[] | undefined;

  /** Coordinated names before a coordinable mention, then relevance (docs/matching.md): once per chunk, on its mentions only. */
  private afterScan(text: string, ctx: DocumentContext, found: Mention[]): Mention[] {
    const rules = this.aliasRules;
    let out = found;
    if (this.data.header.coordinable !== '') {
      let added: Mention[] | undefined;
      let replaced: Set<Mention> | undefined;
      let j = 0;
      const addedStarts = new Set<number>();
      const coordinable = (this.coordinated ??= decodeCoordinable(this.data.header.coordinable, (alias) => this.aliasEntity[alias]!));
      // The chain may pass over mentions already found in it (a declined "Луганської" read as the city), not over
      // others. One with the same span but another entity is the word read alone (Донецька, the city's genitive):
      // the shared noun says what it is ("Донецька і Луганська народні республіки"), so it is replaced.
      const take = (chain: readonly [number, number, number][]): void => {
        for (const [start, end, alias] of chain) {
          while (j > 0 && found[j - 1]!.start >= start) j--;
          while (j < found.length && found[j]!.end <= start) j++;
          const entityId = this.entityIds[this.aliasEntity[alias]!]!;
          if (j < found.length && found[j]!.start < end) {
            const o = found[j]!;
            if (o.start !== start || o.end !== end || o.entityId === entityId) continue;
            (replaced ??= new Set()).add(o);
          }
          if (addedStarts.has(start)) continue;
          addedStarts.add(start);
          (added ??= []).push({ start, end, entityId, aliasIndex: alias });
        }
      };
      for (let i = 0; i < found.length; i++) {
        const m = found[i]!;
        if ((rules[m.aliasIndex]! & COORDINABLE) === 0) continue;
        const forms = coordinable.byHead.get(coordinable.headOf.get(m.aliasIndex)!);
        if (forms !== undefined) take(coordinatedBefore(text, m.start, forms, 0));
      }
      // A list that ends in a name the record lacks ("Херсонской и Николаевской областях"): the walk starts at that
      // name, an unknown capitalised adjective right before the shared noun (docs/matching.md, "Coordinated names").
      for (const [forms, at] of unknownListEnds(text, coordinable)) {
        // The first mention that ends after the list's start (take walks from there): found is sorted.
        let lo = 0;
        let hi = found.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (found[mid]!.end <= at) lo = mid + 1;
          else hi = mid;
        }
        j = lo;
        take(coordinatedBefore(text, at, forms, 0));
      }
      const gone = replaced as Set<Mention> | undefined;
      if (added !== undefined) out = mergeByStart(gone ? found.filter((m) => !gone.has(m)) : found, added.sort((a, b) => a.start - b.start));
    }
    let provisional = this.provisional;
    this.provisional = undefined;
    // A person's namesake named in full anywhere on the page so far ("полузащитником Артёмом Лавровым"), or a place's
    // namesake town ("MOSCOW, Idaho"): the bare surnames and the place's names of this chunk, before it as after it,
    // count only where the page or block is about the record.
    const bare = this.bareSurnames;
    this.bareSurnames = undefined;
    if (bare !== undefined && ctx.seen.size > 0) for (const m of bare) if (ctx.seen.has(NAMESAKE_MARK + m.entityId)) (provisional ??= new Set()).add(m);
    out = this.pluralHeadLists(text, out);
    if (!ctx.relevance) return out;
    const anchorOf = this.data.entityAnchor;
    let anyGated = false;
    const gated: boolean[] = [];
    const anchor: boolean[] = [];
    const term: boolean[] = [];
    const sentence: boolean[] = [];
    const evidence: boolean[] = [];
    for (const m of out) {
      const g = (rules[m.aliasIndex]! & GATED) !== 0 || provisional?.has(m) === true;
      // A gated mention is no evidence that the page is about the record: it is what the evidence decides.
      const kind = g ? 0 : anchorOf[this.aliasEntity[m.aliasIndex]!]!;
      const isAnchor = kind === ANCHOR;
      if (isAnchor) ctx.anchors.add(m.entityId);
      else if (kind !== 0) {
        // A place of the record (rules.ts, RELEVANCE_PAGE_PLACES): counted apart from the anchors.
        ctx.anchors.add(PLACE_MARK + m.entityId);
        if (kind >= SIDE_PLACE) ctx.anchors.add(SIDE_PLACE_MARK + String(kind - SIDE_PLACE));
      }
      anyGated ||= g;
      gated.push(g);
      anchor.push(isAnchor);
      term.push((rules[m.aliasIndex]! & TERM) !== 0);
      sentence.push((rules[m.aliasIndex]! & SENTENCE) !== 0);
      // A place behind a preposition says where, not who: no evidence for a `sentence` word (rules.ts).
      evidence.push(kind === ANCHOR || (kind !== 0 && !placeBehindPreposition(text, m.start)));
    }
    // A page named by places alone is about the record only with a war or talks signal in a sentence with a side's
    // place (rules.ts, placeSignalInSentence); once found, it stands for the page.
    if (!ctx.anchors.has(PLACE_SIGNAL_MARK)) {
      const firstIn = firstEndingAfter(out);
      for (let i = 0; i < out.length; i++) {
        const m = out[i]!;
        if (gated[i] || anchorOf[this.aliasEntity[m.aliasIndex]!]! < SIDE_PLACE) continue;
        if (placeSignalInSentence(text, m.start, m.end, out, (j) => anchor[j]!, firstIn)) {
          ctx.anchors.add(PLACE_SIGNAL_MARK);
          break;
        }
      }
    }
    if (!anyGated) return out;
    // In a list of headlines an ambiguous name confirmed by its own context word in its own line ("Istanbul Draft
    // Resurfaces", "What Was Agreed In Istanbul In 2022") is the record's story, like a term (rules.ts, keepRelevant).
    const ownContext = (i: number): boolean => {
      const m = out[i]!;
      return this.ambiguousAlias(m.aliasIndex) && (this.contextWordNear(this.aliasEntity[m.aliasIndex]!, text, m.start, m.end, '') || this.eventAsMoment(m.aliasIndex, text, m.start));
    };
    const kept = keepRelevant(text, out, gated, anchor, ctx.anchors, term, sentence, evidence, ownContext);
    ctx.withheld += out.length - kept.length;
    return kept;
  }

  private coordinated: Coordinable | undefined;

  /**
   * A German plural head before coordinated names ("die Volksrepubliken Donezk und Lugansk"): each name is what the
   * singular head + the name is in the record ("Volksrepublik Donezk", "Volksrepublik Lugansk"), when that is another
   * entity than the name alone (the oblast); the first mention takes the head in ("Volksrepubliken Donezk"), as a
   * name's whole written form. "Die Gebiete Donezk und Luhansk" stay the oblasts (the same entity). Only a place or
   * body's mention with a capitalised German plural right before it is looked at; the singular phrase is matched by
   * this scanner, on its own (rules.ts, germanPluralHeadBefore).
   */
  private pluralHeadLists(text: string, found: Mention[]): Mention[] {
    let out = found;
    let added: Mention[] | undefined;
    let replaced: Map<Mention, Mention> | undefined;
    let lastEnd = -1;
    // found is sorted by start (the scan's order): the mentions inside a list are then a run of it, found by a binary
    // search instead of a filter over the whole chunk per list head (quadratic on a long text). Checked, so that an
    // unsorted list would still be read whole.
    let sorted = true;
    for (let k = 1; k < found.length && sorted; k++) sorted = found[k - 1]!.start <= found[k]!.start;
    for (const m of found) {
      if (m.start < lastEnd || (this.aliasRules[m.aliasIndex]! & (PLACE | NAMED_THING)) === 0 || cyrillicWord(text, m.start, m.end)) continue;
      // The list's members back to its plural head (at most MAX_PLURAL_LIST_MEMBERS), the mention last.
      const members: [number, number][] = [[m.start, m.end]];
      let head = germanPluralHeadBefore(text, m.start);
      while (head === undefined && members.length < MAX_PLURAL_LIST_MEMBERS) {
        const prev = germanListPrev(text, members[0]![0]);
        if (prev === undefined) break;
        members.unshift(prev);
        head = germanPluralHeadBefore(text, prev[0]);
      }
      if (head === undefined) continue;
      const [headStart, singulars] = head;
      const byStart = new Map<number, Mention>();
      if (sorted) {
        let lo = 0;
        let hi = found.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (found[mid]!.start < headStart) lo = mid + 1;
          else hi = mid;
        }
        // A mention that ends by m.end starts before it.
        for (let k = lo; k < found.length && found[k]!.start < m.end; k++) if (found[k]!.end <= m.end) byStart.set(found[k]!.start, found[k]!);
      } else {
        for (const f of found) if (f.start >= headStart && f.end <= m.end) byStart.set(f.start, f);
      }
      // Another entity than the name read alone: what singular head + name is in the record.
      const readAs = (start: number, end: number): Mention | undefined => {
        const written = text.slice(start, end);
        const alone = byStart.get(start)?.entityId ?? this.scan(written, createDocumentContext({ relevance: false }))[0]?.entityId;
        for (const singular of singulars) {
          const phrase = `${singular} ${written}`;
          const ms = this.scan(phrase, createDocumentContext({ relevance: false }));
          if (ms.length === 1 && ms[0]!.start === 0 && ms[0]!.end === phrase.length && ms[0]!.entityId !== alone) return ms[0];
        }
        return undefined;
      };
      const read = members.map(([s, e]) => readAs(s, e));
      if (read.some((r) => r === undefined)) continue;
      // Nothing else may stand inside the list: each mention in it is one of its members.
      if (found.some((f) => f.end > headStart && f.start < m.end && byStart.get(f.start) !== f)) continue;
      if (found.some((f) => f.end > headStart && f.start < m.end && !members.some(([s]) => s === f.start))) continue;
      members.forEach(([s, e], k) => {
        const r = read[k]!;
        const mention = { start: k === 0 ? headStart : s, end: e, entityId: r.entityId, aliasIndex: r.aliasIndex };
        const old = byStart.get(s);
        if (old !== undefined) (replaced ??= new Map()).set(old, mention);
        else (added ??= []).push(mention);
      });
      lastEnd = m.end;
    }
    if (replaced === undefined && added === undefined) return out;
    const rep = replaced;
    out = rep === undefined ? found : found.map((f) => rep.get(f) ?? f);
    return added === undefined ? out : mergeByStart(out, added.sort((a, b) => a.start - b.start));
  }


  /**
   * Decodes now what scans would decode on first use (every entity's given names, own words, initials; the
   * coordinated heads and the search for list heads built from them).
   */
  warm(): void {
    const { header } = this.data;
    for (let e = 0; e < header.entityIds.length; e++) {
      this.givenNamesOf(e);
      if (header.ownWords[e]!.length > 0) this.ownWordsOf(e);
      if (header.givenInitials[e] !== '') this.givenInitialsOf(e);
    }
    if (header.coordinable !== '') listHeads((this.coordinated ??= decodeCoordinable(header.coordinable, (alias) => this.aliasEntity[alias]!)));
  }

  /** What this scanner has derived so far (shared, not copied): pass it to a new Scanner of the same data, or store it. */
  get state(): ScannerState {
    const { sym, kind, rootNext, pairNode, triples, alphabetSize, spaceSym, expansionSyms, confirmable, givenNames, coordinated, ownWords, initials } = this;
    return { sym, kind, rootNext, pairNode, triples, alphabetSize, spaceSym, expansionSyms, confirmable, givenNames, coordinated, ownWords, initials };
  }

  /**
   * Where a walk from the word start i must begin: the trie node after its first two units, PAIR_FROM_ROOT (walk from
   * the root), or 0 when no alias can start there. The first units decide in one or two loads (see pairNode, triples).
   */
  private startNode(text: string, i: number): number {
    const sym = this.sym;
    const c = text.charCodeAt(i);
    if (this.pairNode.length > 0 && i + 3 < text.length) {
      const c3 = text.charCodeAt(i + 2);
      const pair = sym[c]! * this.alphabetSize + sym[text.charCodeAt(i + 1)]!;
      const triples = this.triples;
      if (triples.length > 0) {
        // One data-dependent test: the bit holds the pair's verdict too. A mark on the fourth unit changes the third.
        const bit = pair * this.alphabetSize + sym[c3]!;
        if ((triples[bit >>> 5]! & (1 << (bit & 31))) === 0 && CLASS[text.charCodeAt(i + 3)] !== MARK) return 0;
      }
      // A mark on the third unit changes the second: walk from the root.
      return CLASS[c3] === MARK ? PAIR_FROM_ROOT : this.pairNode[pair]!;
    }
    return this.rootNext[sym[c]!] !== 0 || CLASS[text.charCodeAt(i + 1)] === MARK ? PAIR_FROM_ROOT : 0;
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
    const n = text.length;
    const sym = this.sym;
    const childStart = this.childStart;
    const nodeSym = this.nodeSym;
    const rootNext = this.rootNext;
    const termPattern = this.termPattern;
    const nodePattern = this.nodePattern;
    const termEnd = this.termEnd;
    let s = from;
    let j = at;
    let depth = 0;
    if (s !== 0 && nodePattern[s]! >= 0) {
      termPattern[0] = nodePattern[s]!;
      termEnd[depth++] = j;
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
      if (s === 0) {
        s = rootNext[sym0]!;
      } else {
        // Below the first two levels most nodes have one or two children: search them in line.
        let lo = childStart[s]!;
        const hi = childStart[s + 1]!;
        if (hi - lo <= LINEAR_CHILDREN) {
          while (lo < hi && nodeSym[lo] !== sym0) lo++;
          s = lo < hi ? lo : 0;
        } else {
          s = childOf(childStart, nodeSym, s, sym0);
        }
      }
      if (s === 0) break;
      j = end;
      const p = nodePattern[s]!;
      if (p >= 0) {
        termPattern[depth] = p;
        termEnd[depth++] = j;
      }
    }
    if (depth === 0) return -1;
    return this.evaluate(text, start, depth, ctx, out);
  }

  /** The best of the `depth` pattern ends found by a walk from `start`: push it and return its end, or return -1. */
  private evaluate(text: string, start: number, depth: number, ctx: DocumentContext, out: Mention[]): number {
    const patternNext = this.patternNext;
    // Candidates: every pattern on the path with its longest valid end.
    let bestEnd = -1;
    let bestPattern = -1;
    let bestAt = -1;
    let rejected: Set<number> | undefined;
    for (;;) {
      for (let t = depth - 1; t >= 0; t--) {
        const at = this.termEnd[t]!;
        for (let p = this.termPattern[t]!; p >= 0; p = patternNext[p]!) {
          if (rejected?.has(p)) continue;
          const e = this.patternEnd(text, p, at);
          if (e > bestEnd || (e === bestEnd && e >= 0 && p < bestPattern)) {
            bestEnd = e;
            bestPattern = p;
            bestAt = at;
          }
        }
      }
      if (bestPattern < 0) return -1;
      const entity = this.aliasEntity[this.patternAlias[bestPattern]!]!;
      const entityId = this.entityIds[entity]!;
      if (!this.formAllowed(text, start, bestEnd, this.patternAlias[bestPattern]!, bestEnd > bestAt)) {
        (rejected ??= new Set()).add(bestPattern);
        bestEnd = -1;
        bestPattern = -1;
        continue;
      }
      // A place named as another country's town ("MOSCOW, Idaho") is no mention; after it, on the same page, the
      // bare name counts only where the page or block is about the record (provisional, like READ_ON_PAGE).
      let namesakeSeen = false;
      if ((this.aliasRules[this.patternAlias[bestPattern]!]! & PLACE) !== 0) {
        if (namesakeWithState(text, bestEnd)) {
          ctx.seen.add(NAMESAKE_MARK + entityId);
          (rejected ??= new Set()).add(bestPattern);
          bestEnd = -1;
          bestPattern = -1;
          continue;
        }
        namesakeSeen = ctx.relevance && ctx.seen.size > 0 && ctx.seen.has(NAMESAKE_MARK + entityId);
      }
      let mentionStart = start;
      let aliasIndex = this.patternAlias[bestPattern]!;
      // The person's own declined given name before the surname ("Бориса Джонсона"): the full name, never ambiguous.
      const g = this.givenNamesOf(entity);
      if (g !== null) {
        const before = mayFollowGivenName(text, start, g.lastWordFirstUnits) ? givenNameStart(text, start, g.prefixes, g.maxWords) : undefined;
        if (before !== undefined && (out.length === 0 || out[out.length - 1]!.end <= before.start)) {
          mentionStart = before.start;
          aliasIndex = before.alias;
        }
      }
      const initials = this.data.header.givenInitials[entity]!;
      if (mentionStart === start && initials !== '') {
        // Another spelling of the person's own given name ("Dmitrii Peskov", "Volodymyr Zelenskiy"): the full name.
        const own = ownGivenNameBefore(text, start, this.givenSkeletonsOf(entity));
        if (own >= 0 && (out.length === 0 || out[out.length - 1]!.end <= own)) mentionStart = own;
      }
      let provisional = namesakeSeen;
      let lineConfirmed = false;
      // An unambiguous alias or a full name confirms the entity for the document, once it is kept (not a namesake).
      let confirms = false;
      if ((this.patternFlags[bestPattern]! & AMBIGUOUS) === 0 || mentionStart !== start) {
        confirms = true;
      } else if (!this.eventAsMoment(aliasIndex, text, start) && partOfLongerName(text, start, bestEnd, this.ownWordsOf(entity), this.bodyAbbreviation(aliasIndex, text, start, bestEnd), bestEnd > bestAt)) {
        // (A preposition of time before an event's city is no given name: "Seit Istanbul", "After Istanbul".)
        (rejected ??= new Set()).add(bestPattern);
        bestEnd = -1;
        bestPattern = -1;
        continue;
      } else if ((this.aliasRules[aliasIndex]! & PLACE) !== 0 && (this.data.header.ambiguousReadings[aliasIndex] ?? 0) === 0 && namesACity(text, start, bestEnd)) {
        // A region's bare name written as its city's: "the city of Kherson" (rules.ts, namesACity).
        (rejected ??= new Set()).add(bestPattern);
        bestEnd = -1;
        bestPattern = -1;
        continue;
      } else if (!this.confirmedByDocument(entity, entityId, text, start, bestEnd, ctx) && !this.contextWordNear(entity, text, start, bestEnd, ctx.tail) && !this.creditedAgency(aliasIndex, text, start, bestEnd) && !this.eventAsMoment(aliasIndex, text, start)) {
        // No confirmation: an alias whose other sense is a lowercase noun is the name when capitalised inside a
        // sentence; one whose other senses are not war news counts where the page or block is about the record.
        const reading = this.data.header.ambiguousReadings[aliasIndex] ?? 0;
        if ((reading & READ_CAPITALISED) !== 0 && capitalisedInSentence(text, start, bestEnd)) {
          // confirmed by its capital
        } else if ((reading & READ_ON_PAGE) !== 0 && ctx.relevance) {
          provisional = true;
        } else if (ctx.seen.has(entityId) && inHeadlineList(text, start, bestEnd)) {
          // A record person named in full on the page, bare in a list of headlines: kept if the line names another
          // of the record's entities ("Johnson Meets Zelensky In Surprise Visit"), decided once the scan has found them.
          lineConfirmed = true;
        } else {
          (rejected ??= new Set()).add(bestPattern);
          bestEnd = -1;
          bestPattern = -1;
          continue;
        }
      }
      // A bare surname after another given name is a namesake ("Vassili Peskov"): docs/matching.md, "Namesakes".
      // The page remembers it: its bare surnames count only where the page or block is about the record (afterScan).
      if (initials !== '' && ((mentionStart === start && followsOtherGivenName(text, start, bestEnd, this.givenSkeletonsOf(entity), this.givenInitialsOf(entity))) || namesakeOccupationBefore(text, mentionStart))) {
        if (ctx.relevance) ctx.seen.add(NAMESAKE_MARK + entityId);
        (rejected ??= new Set()).add(bestPattern);
        bestEnd = -1;
        bestPattern = -1;
        continue;
      }
      if (confirms && this.confirmable[entity] === 1) ctx.seen.add(entityId);
      const mention = { start: mentionStart, end: bestEnd, entityId, aliasIndex };
      out.push(mention);
      // A bare surname (no given name taken in, one word): provisional if a namesake of the person is on the page.
      if (initials !== '' && mentionStart === start && ctx.relevance && !/\s/u.test(text.slice(start, bestEnd))) (this.bareSurnames ??= []).push(mention);
      // A place: provisional too if its namesake town is named later in this chunk (the headline "Moscow Council Votes…"
      // over the dateline "MOSCOW, Idaho —"), as a namesake person's surname is (session 11).
      else if ((this.aliasRules[aliasIndex]! & PLACE) !== 0 && ctx.relevance) (this.bareSurnames ??= []).push(mention);
      if (provisional) (this.provisional ??= new Set()).add(mention);
      if (lineConfirmed) (this.byLine ??= new Set()).add(mention);
      return bestEnd;
    }
  }

  /** A bare city that names an event, after a preposition of time: "since Istanbul" (rules.ts, eventAfterTimePreposition). */
  private eventAsMoment(alias: number, text: string, start: number): boolean {
    return (this.aliasRules[alias]! & EVENT) !== 0 && eventAfterTimePreposition(text, start);
  }

  private ambiguousAliases: Uint8Array | undefined;

  /** Whether some pattern of the alias is ambiguous (an alias is ambiguous as a whole). */
  private ambiguousAlias(alias: number): boolean {
    if (this.ambiguousAliases === undefined) {
      const a = new Uint8Array(this.aliasRules.length);
      const alias_ = this.data.patternAlias;
      for (let p = 0; p < this.patternFlags.length; p++) if ((this.patternFlags[p]! & AMBIGUOUS) !== 0) a[alias_[p]!] = 1;
      this.ambiguousAliases = a;
    }
    return this.ambiguousAliases[alias] === 1;
  }

  /**
   * Rule (a) of ambiguous aliases: an unambiguous alias of the entity earlier in the document. A person's bare
   * surname in a list of headlines (inHeadlineList) is another story's: only its own line's context confirms it
   * ("Magic Johnson Backs New Arena Plan" in a "Most read" box under an article about Boris Johnson).
   */
  private confirmedByDocument(entity: number, entityId: string, text: string, start: number, end: number, ctx: DocumentContext): boolean {
    if (!ctx.seen.has(entityId)) return false;
    return this.data.header.givenInitials[entity] === '' || !(inHeadlineList(text, start, end) || inTeaserBox(text, start, end));
  }

  /**
   * Rule (b) of ambiguous aliases: one of the entity's context words near text[start..end). In a list of headlines
   * (inHeadlineList: a "Most read" box) each line is another story, so only its own line counts: "Washington
   * Wizards Fire Coach" is not confirmed by the "Moscow" of the teaser under it.
   */
  private contextWordNear(entity: number, text: string, start: number, end: number, tail: string): boolean {
    const words = this.data.header.contexts[entity]!;
    if (words.length === 0) return false;
    if (!inHeadlineList(text, start, end) && !inTeaserBox(text, start, end)) return hasContextWord(words, text, start, end, tail);
    const lo = text.lastIndexOf('\n', start - 1) + 1;
    const br = text.indexOf('\n', end);
    const line = text.slice(lo, br < 0 ? text.length : br);
    return hasContextWord(words, line, start - lo, end - lo, '');
  }

  /**
   * Whether an ambiguous alias is a body's abbreviated name, which takes no given name but may be another country's
   * (partOfLongerName's `acronym`): an acronym in capitals (МИД, МЗС) or a body's one contracted Cyrillic word
   * (Минобороны: "британское Минобороны", "Минобороны Украины" are other ministries).
   */
  private bodyAbbreviation(alias: number, text: string, start: number, end: number): boolean {
    const bits = this.aliasRules[alias]!;
    if ((bits & CASE_MASK) === CASE_CAPS) return true;
    return (bits & (NAMED_THING | PLACE | PERSON)) === NAMED_THING && CYRILLIC_WORD.test(text.slice(start, end));
  }

  /** An organization's ambiguous acronym as the credit of a dateline: "(AP) —", "/ТАСС/" (rules.ts, datelineCredit). */
  private creditedAgency(alias: number, text: string, start: number, end: number): boolean {
    return (this.aliasRules[alias]! & (NAMED_THING | PLACE)) === NAMED_THING && datelineCredit(text, start, end);
  }

  /** The case rule, the address-and-code rule and the language guard (rules.ts) for a candidate of `alias`. */
  private formAllowed(text: string, start: number, end: number, alias: number, inflected = false): boolean {
    const bits = this.aliasRules[alias]!;
    if (!caseAllows(bits & CASE_MASK, text, start, end) || insideAddressOrCode(text, start, end)) return false;
    if ((bits & NAMED_THING) !== 0 && opensPublicationName(text, start, end, (bits & PLACE) !== 0)) return false;
    if ((bits & PLACE) !== 0 && (closesClubOrDishName(text, start) || opensDishName(text, end))) return false;
    if ((bits & PERSON) !== 0 && namesAStreet(text, start, end)) return false;
    if ((bits & (PERSON | PLACE)) !== 0 && quotedAlone(text, start, end)) return false;
    // A bare city that names an event, as the venue of a meeting to come ("ready to host a new round in Istanbul").
    if ((bits & EVENT) !== 0 && ((bits & GATED) !== 0 ? venueOfNextMeeting(text, start) : nextMeetingAt(text, start, end))) return false;
    // An event's common noun that is another event's: "an invasion", "invasion of Iraq" (rules.ts).
    if ((bits & (EVENT | GATED)) === (EVENT | GATED) && anotherEventsNoun(text, start, end)) return false;
    // The head noun of an action with no object after it: "сделать вывод", "вывод с рынка" (rules.ts, objectFollows).
    if ((bits & NEEDS_OBJECT) !== 0 && !objectFollows(text, end, this.data.header.objectWords[alias]!)) return false;
    // "talks" the verb ("Everyone talks to everyone through Turkey").
    if ((bits & GATED) !== 0 && verbAfterSubject(text, start, end)) return false;
    // A person's name with a case ending (a suffix after the alias: "Putins", «Путіна») makes a phrase about them
    // („Putins Krieg“, «Росія Путіна»), no venue's name.
    if ((bits & (PERSON | NAMED_THING)) !== 0 && !((bits & PERSON) !== 0 && inflected) && insideQuotedName(text, start, end)) return false;
    if ((bits & IN_NAMES) !== 0) {
      // A place or an event ends another name after most capitalised words; an organization named after its
      // building (the Kremlin) only after another city's name (rules.ts, namesAnotherCitysKremlin).
      const organization = (bits & (NAMED_THING | PLACE)) === NAMED_THING;
      if (organization ? namesAnotherCitysKremlin(text, start, end) : endsAnotherName(text, start, end, notGivenNameWords())) return false;
    }
    if ((bits & OTHER_SENSE) !== 0) {
      const other = this.data.header.otherSenses[alias]!;
      if (otherSenseAround(text, start, end, other.langs, other.own, CONTEXT_WINDOW_CHARS)) return false;
      // A word of the other sense near ("grain" near "Istanbul": the grain deal's city) rejects; for a gated alias (a
      // topic, a city that names an event) only when it is nearer than the nearest context word of the entity's own
      // (a year aside: both senses have one): "the last round in Istanbul in March 2022; … the grain deal would also
      // be on the agenda" is the talks, "Finland's NATO membership" is not Ukraine's.
      if (hasContextWord(other.words, text, start, end, '')) {
        if ((bits & GATED) === 0) return false;
        if (contextWordDistance(other.words, text, start, end) <= contextWordDistance(this.wordContexts(this.aliasEntity[alias]!), text, start, end)) return false;
      }
    }
    if ((bits & FALSE_FRIEND) === 0) return true;
    const guard = this.data.header.falseFriends[alias]!;
    return !languageGuardFails(text, start, end, guard.langs, guard.own);
  }

  private readonly wordContextCache = new Map<number, readonly string[]>();

  /**
   * The entity's context words that may overrule a word of the other sense (formAllowed): without the numbers (a year
   * names both senses of a city: the talks and the grain deal of 2022) and without the common nouns of any talks
   * (GENERIC_TALK_WORDS: "talks on the corridor's revival" are the grain deal's), with the peace words instead
   * (PEACE_WORDS: "peace talks", "Friedensverhandlungen", «мирные переговоры» are the record's).
   */
  private wordContexts(entity: number): readonly string[] {
    let words = this.wordContextCache.get(entity);
    if (words === undefined) {
      genericTalkSet ??= new Set(GENERIC_TALK_WORDS.split(' ').map(F.foldString));
      const own = this.data.header.contexts[entity]!.filter((w) => !/^\d+$/u.test(w) && !genericTalkSet!.has(w));
      const generic = own.length !== this.data.header.contexts[entity]!.filter((w) => !/^\d+$/u.test(w)).length;
      words = generic ? [...own, ...PEACE_WORDS.split(' ').map(F.foldString)] : own;
      this.wordContextCache.set(entity, words);
    }
    return words;
  }

  private readonly ownWords: Map<number, ReadonlySet<string>>;
  /** Decoded on an entity's first mention, by entity index; null for an entity without given names. */
  private readonly givenNames: (GivenNames | null | undefined)[];

  private givenNamesOf(entity: number): GivenNames | null {
    let g = this.givenNames[entity];
    if (g === undefined) {
      const encoded = this.data.header.givenNames[entity]!;
      this.givenNames[entity] = g = encoded === '' ? null : decodeGivenNames(encoded);
    }
    return g;
  }

  private readonly initials: Map<number, ReadonlySet<string>>;

  /** The first letters of the person's own given names (header.givenInitials: the names, folded; givenNameInitials). */
  private givenInitialsOf(entity: number): ReadonlySet<string> {
    let set = this.initials.get(entity);
    if (set === undefined) this.initials.set(entity, (set = givenNameInitials(this.data.header.givenInitials[entity]!.split(' '))));
    return set;
  }

  private readonly givenSkeletons = new Map<number, ReadonlySet<string>>();

  /** The skeletons (context.ts, givenNameSkeleton) of the person's own given names. */
  private givenSkeletonsOf(entity: number): ReadonlySet<string> {
    let set = this.givenSkeletons.get(entity);
    if (set === undefined) this.givenSkeletons.set(entity, (set = new Set(this.data.header.givenInitials[entity]!.split(' ').map(givenNameSkeleton))));
    return set;
  }

  private ownWordsOf(entity: number): ReadonlySet<string> {
    let set = this.ownWords.get(entity);
    if (set === undefined) this.ownWords.set(entity, (set = new Set(this.data.header.ownWords[entity])));
    return set;
  }

  /** The longest valid end of pattern p whose folded text ends at raw offset j, or -1. */
  private patternEnd(text: string, p: number, j: number): number {
    const flags = this.patternFlags[p]!;
    let best = -1;
    if ((flags & REQUIRE_SUFFIX) === 0 && ((flags & RIGHT_BOUNDARY) === 0 || boundaryAfter(text, j))) best = j;
    const root = this.patternSuffixes[p]!;
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
    const childStart = this.suffixChildStart;
    const nodeSym = this.suffixNodeSym;
    const nodeKey = this.suffixNodeKey;
    const sym = this.sym;
    const n = text.length;
    let s = root;
    let best = -1;
    while (j < n) {
      let sym0 = sym[text.charCodeAt(j)]!;
      let end = j + 1;
      if (sym0 < FIRST_SYMBOL || CLASS[text.charCodeAt(end)] === MARK) {
        this.readItem(text, j);
        if (this.itemCount === 0) {
          j = this.itemEnd;
          continue;
        }
        if (this.itemCount < 0) break;
        sym0 = this.itemSym0;
        end = this.itemEnd;
        if (this.itemCount === 2) {
          s = childOf(childStart, nodeSym, s, sym0);
          if (s === 0) break;
          sym0 = this.itemSym1;
        }
      }
      s = childOf(childStart, nodeSym, s, sym0);
      if (s === 0) break;
      j = end;
      if (nodeKey[s]! >= 0 && boundaryAfter(text, j)) best = j;
    }
    return best;
  }
}

/**
 * For mentions sorted by start: a function of `lo` giving an index before which no mention ends after lo (those
 * start more than the longest mention's length before lo), found by binary search; always 0 if they are not sorted.
 */
function firstEndingAfter(found: readonly Mention[]): (lo: number) => number {
  let longest = 0;
  for (let k = 0; k < found.length; k++) {
    if (k > 0 && found[k - 1]!.start > found[k]!.start) return () => 0;
    longest = Math.max(longest, found[k]!.end - found[k]!.start);
  }
  return (lo) => {
    const from = lo - longest;
    let a = 0;
    let b = found.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (found[mid]!.start < from) a = mid + 1;
      else b = mid;
    }
    return a;
  };
}

/**
 * Two lists sorted by start merged into one (the first's mention first on a tie, as a stable sort of their
 * concatenation puts it): a chunk's few coordinated names join its mentions without sorting them all again.
 */
function mergeByStart(a: readonly Mention[], b: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(b[j]!.start < a[i]!.start ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
