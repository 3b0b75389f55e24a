/**
 * A trie in flat typed arrays, nodes in breadth-first order so that the
 * children of node s are the nodes childStart[s] .. childStart[s + 1] - 1,
 * sorted by symbol. Per node: 4 bytes of childStart, 2 of symbol, 4 of the
 * first key ending there. No object or Map per node.
 */

export interface FlatTrie {
  /** Length nodes + 1. */
  childStart: Int32Array;
  /** Symbol on the edge into each node (root: 0). */
  nodeSym: Uint16Array;
  /** First key (index into the input) ending at each node, or -1. */
  nodeKey: Int32Array;
  /** Next key ending at the same node, by key index, or -1 (ascending key order). */
  keyNext: Int32Array;
}

/** Linear search below this many children; binary search above. */
const LINEAR_CHILDREN = 8;

/** The child of `s` on `sym`, or 0 (the root is never a child). Takes the arrays, not an object, to stay monomorphic. */
export function childOf(childStart: Int32Array, nodeSym: Uint16Array, s: number, sym: number): number {
  let lo = childStart[s]!;
  let hi = childStart[s + 1]!;
  if (hi - lo <= LINEAR_CHILDREN) {
    for (; lo < hi; lo++) if (nodeSym[lo] === sym) return lo;
    return 0;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = nodeSym[mid]!;
    if (m === sym) return mid;
    if (m < sym) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/**
 * Build the trie of `keys`, spelled in symbols: unit u of a key is symbol
 * symOfUnit[u] (1 .. alphabetSize - 1), after the optional first symbol
 * prefix[k]. The result is laid out breadth-first.
 */
export function buildTrie(keys: readonly string[], symOfUnit: Int32Array, alphabetSize: number, prefix?: Int32Array): FlatTrie {
  let total = 1;
  for (const k of keys) total += k.length + (prefix ? 1 : 0);
  // Most nodes have at most one child: the first child of a node is kept in
  // firstChild (no hashing); further children go to an open-addressing hash
  // table over (parent, symbol).
  let capacity = 16;
  while (capacity < total) capacity *= 2;
  const mask = capacity - 1;
  // Slot key: parent * alphabetSize + sym + 1 (0 = empty); Int32 when it fits, which is faster to compare.
  const slotKey = total * alphabetSize < 0x7fffffff ? new Int32Array(capacity) : new Float64Array(capacity);
  const slotNode = new Int32Array(capacity);
  const parent = new Int32Array(total);
  const sym = new Uint16Array(total);
  const firstChild = new Int32Array(total);
  const endKey = new Int32Array(total).fill(-1);
  const keyNext = new Int32Array(keys.length).fill(-1);
  let nodes = 1;

  for (let ki = keys.length - 1; ki >= 0; ki--) {
    const key = keys[ki]!;
    let s = 0;
    for (let i = prefix ? -1 : 0; i < key.length; i++) {
      const c = i < 0 ? prefix![ki]! : symOfUnit[key.charCodeAt(i)]!;
      const first = firstChild[s]!;
      if (first === 0) {
        firstChild[s] = nodes;
        parent[nodes] = s;
        sym[nodes] = c;
        s = nodes++;
        continue;
      }
      if (sym[first] === c) {
        s = first;
        continue;
      }
      const hk = s * alphabetSize + c + 1;
      let h = (Math.imul(s, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;
      for (;;) {
        const k = slotKey[h]!;
        if (k === hk) {
          s = slotNode[h]!;
          break;
        }
        if (k === 0) {
          slotKey[h] = hk;
          slotNode[h] = nodes;
          parent[nodes] = s;
          sym[nodes] = c;
          s = nodes++;
          break;
        }
        h = (h + 1) & mask;
      }
    }
    // Keys are visited last to first, so prepending keeps each chain ascending.
    keyNext[ki] = endKey[s]!;
    endKey[s] = ki;
  }
  return layOutBreadthFirst(nodes, parent, sym, endKey, keyNext);
}

function layOutBreadthFirst(nodes: number, parent: Int32Array, sym: Uint16Array, endKey: Int32Array, keyNext: Int32Array): FlatTrie {
  // Children grouped by parent and ordered by symbol: counting sort by symbol, then a stable one by parent.
  let maxSym = 0;
  for (let v = 1; v < nodes; v++) if (sym[v]! > maxSym) maxSym = sym[v]!;
  const symStart = new Int32Array(maxSym + 2);
  for (let v = 1; v < nodes; v++) symStart[sym[v]! + 1]!++;
  for (let c = 0; c <= maxSym; c++) symStart[c + 1]! += symStart[c]!;
  const bySym = new Int32Array(Math.max(nodes - 1, 0));
  for (let v = 1; v < nodes; v++) bySym[symStart[sym[v]!]!++] = v;
  const groupStart = new Int32Array(nodes + 1);
  for (let v = 1; v < nodes; v++) groupStart[parent[v]! + 1]!++;
  for (let v = 0; v < nodes; v++) groupStart[v + 1]! += groupStart[v]!;
  const fill = groupStart.slice(0, nodes);
  const children = new Int32Array(Math.max(nodes - 1, 0));
  for (let k = 0; k < bySym.length; k++) {
    const v = bySym[k]!;
    children[fill[parent[v]!]!++] = v;
  }

  const order = new Int32Array(nodes); // breadth-first position -> old id
  const childStart = new Int32Array(nodes + 1);
  const nodeSym = new Uint16Array(nodes);
  const nodeKey = new Int32Array(nodes);
  let tail = 1;
  for (let pos = 0; pos < nodes; pos++) {
    const old = order[pos]!;
    childStart[pos] = tail;
    nodeSym[pos] = sym[old]!;
    nodeKey[pos] = endKey[old]!;
    for (let c = groupStart[old]!; c < groupStart[old + 1]!; c++) order[tail++] = children[c]!;
  }
  childStart[nodes] = tail;
  return { childStart, nodeSym, nodeKey, keyNext };
}

/** A range of at most this many keys is sorted whole, by insertion and key comparisons (KeySorter.sortSmall). */
const SMALL_RANGE = 8;
/** A range of at most this many keys is ordered on one symbol by insertion sort; larger ones by a counting sort over the alphabet. */
const INSERTION_SORT_KEYS = 16;

/**
 * The same trie as buildTrie(keys, symOfUnit, alphabetSize) without a
 * prefix. Two passes, each one loop, with no hash table:
 *
 * 1. sortKeys: the key indices sorted by their symbols (a stable radix sort,
 *    most significant symbol first and depth-first, so a range being sorted
 *    stays in cache; a range of one key is done), with the length of the
 *    prefix each key shares with the one before it (LCP).
 * 2. layOutSorted: the nodes a key adds are its units after that shared
 *    prefix. In sorted order the nodes of each depth come in breadth-first
 *    order (parents in order, children by symbol), so with the number of
 *    nodes per depth known, each new node gets its final position at once.
 */
export function buildTrieBreadthFirst(keys: readonly string[], symOfUnit: Int32Array, alphabetSize: number): FlatTrie {
  const count = keys.length;
  const keyStart = new Int32Array(count + 1);
  for (let k = 0, at = 0; k < count; k++) {
    at += keys[k]!.length;
    keyStart[k + 1] = at;
  }
  return buildTrieOfSymbols(symbolize(keys, symOfUnit, new Int32Array(keyStart[count]!)), keyStart, alphabetSize);
}

/**
 * buildTrieBreadthFirst of keys already spelled in symbols, back to back:
 * key k is syms[keyStart[k] .. keyStart[k + 1]).
 */
export function buildTrieOfSymbols(syms: Int32Array, keyStart: Int32Array, alphabetSize: number): FlatTrie {
  const count = keyStart.length - 1;
  let maxLength = 0;
  for (let k = 0; k < count; k++) maxLength = Math.max(maxLength, keyStart[k + 1]! - keyStart[k]!);
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = k;
  const lcp = new Int32Array(count);
  sortKeys(syms, keyStart, order, lcp, alphabetSize);
  return layOutSorted(syms, keyStart, order, lcp, maxLength);
}

/** Keys as symbols, back to back: a key's symbol at depth d is syms[keyStart[k] + d]. */
function symbolize(keys: readonly string[], symOfUnit: Int32Array, syms: Int32Array): Int32Array {
  let at = 0;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    for (let i = 0; i < key.length; i++) syms[at++] = symOfUnit[key.charCodeAt(i)]!;
  }
  return syms;
}

/**
 * Sort `order` (key indices, ascending on entry) by key symbols, stably, so
 * equal keys stay ascending; lcp[r] becomes the length of the prefix that
 * key order[r] shares with key order[r - 1] (lcp[0] = 0).
 */
function sortKeys(syms: Int32Array, keyStart: Int32Array, order: Int32Array, lcp: Int32Array, alphabetSize: number): void {
  if (order.length < 2) return;
  const sorter = new KeySorter(syms, keyStart, order, lcp, alphabetSize);
  sorter.push(0, order.length, 0);
  while (sorter.top > 0) sorter.sortNext();
}

/**
 * The radix sort of sortKeys. One small method per step, each called once
 * per range: they are optimised early and whole (a single long function is
 * first run half-optimised, with a deoptimisation at every part it has not
 * reached yet).
 */
class KeySorter {
  /** Symbol of each key of the range being sorted at its depth, 0 for a key that ends there (symbols start at 1). */
  private readonly symAt: Int32Array;
  private readonly spareOrder: Int32Array;
  private readonly spareSym: Int32Array;
  private readonly bucket: Int32Array;
  /** Ranges still to sort: [lo, hi) at depth d. Each holds two keys or more, so there are fewer than the keys. */
  private readonly stack: Int32Array;
  top = 0;
  /** Least and greatest symbol of the range being sorted (readSymbols). */
  private minSym = 0;
  private maxSym = 0;

  constructor(
    private readonly syms: Int32Array,
    private readonly keyStart: Int32Array,
    private readonly order: Int32Array,
    private readonly lcp: Int32Array,
    alphabetSize: number,
  ) {
    const count = order.length;
    this.symAt = new Int32Array(count);
    this.spareOrder = new Int32Array(count);
    this.spareSym = new Int32Array(count);
    this.bucket = new Int32Array(alphabetSize + 1);
    this.stack = new Int32Array(3 * count);
  }

  push(lo: number, hi: number, d: number): void {
    const stack = this.stack;
    stack[this.top++] = lo;
    stack[this.top++] = hi;
    stack[this.top++] = d;
  }

  /** Sort the range on top of the stack by the symbol at its depth, and push its runs of two keys or more. */
  sortNext(): void {
    const stack = this.stack;
    const d = stack[--this.top]!;
    const hi = stack[--this.top]!;
    const lo = stack[--this.top]!;
    if (hi - lo <= SMALL_RANGE) {
      this.sortSmall(lo, hi, d);
      return;
    }
    this.readSymbols(lo, hi, d);
    if (this.minSym !== this.maxSym) {
      if (hi - lo <= INSERTION_SORT_KEYS) this.insertionSort(lo, hi);
      else this.countingSort(lo, hi);
    }
    this.splitRuns(lo, hi, d);
  }

  /**
   * A few keys that share their first d symbols: sorted whole by insertion
   * (keys compared from depth d on), then the LCP of each with the one
   * before. Two keys with a long common part (an alias and its stem) cost
   * one walk along it instead of one range per symbol.
   */
  private sortSmall(lo: number, hi: number, d: number): void {
    const { order, lcp } = this;
    for (let r = lo + 1; r < hi; r++) {
      const k = order[r]!;
      let q = r - 1;
      while (q >= lo && this.compareFrom(order[q]!, k, d) > 0) {
        order[q + 1] = order[q]!;
        q--;
      }
      order[q + 1] = k;
    }
    for (let r = lo + 1; r < hi; r++) lcp[r] = this.commonLength(order[r - 1]!, order[r]!, d);
  }

  /** Keys a and b compared from depth d (a key that ends is less than any symbol): negative, 0 or positive. */
  private compareFrom(a: number, b: number, d: number): number {
    const { keyStart, syms } = this;
    const aStart = keyStart[a]!;
    const bStart = keyStart[b]!;
    const aLength = keyStart[a + 1]! - aStart;
    const bLength = keyStart[b + 1]! - bStart;
    for (let i = d; ; i++) {
      const x = i < aLength ? syms[aStart + i]! : 0;
      const y = i < bLength ? syms[bStart + i]! : 0;
      if (x !== y) return x - y;
      if (x === 0) return 0;
    }
  }

  /** The length of the prefix keys a and b share, known to be at least d. */
  private commonLength(a: number, b: number, d: number): number {
    const { keyStart, syms } = this;
    const aStart = keyStart[a]!;
    const bStart = keyStart[b]!;
    const length = Math.min(keyStart[a + 1]! - aStart, keyStart[b + 1]! - bStart);
    let i = d;
    while (i < length && syms[aStart + i] === syms[bStart + i]) i++;
    return i;
  }

  /** symAt of each key of [lo, hi) at depth d, and their least and greatest. */
  private readSymbols(lo: number, hi: number, d: number): void {
    const { order, keyStart, syms, symAt } = this;
    let minSym = 0x7fffffff;
    let maxSym = 0;
    for (let r = lo; r < hi; r++) {
      const k = order[r]!;
      const p = keyStart[k]! + d;
      const s = p < keyStart[k + 1]! ? syms[p]! : 0;
      symAt[r] = s;
      if (s < minSym) minSym = s;
      if (s > maxSym) maxSym = s;
    }
    this.minSym = minSym;
    this.maxSym = maxSym;
  }

  private insertionSort(lo: number, hi: number): void {
    const { order, symAt } = this;
    for (let r = lo + 1; r < hi; r++) {
      const k = order[r]!;
      const s = symAt[r]!;
      let q = r - 1;
      while (q >= lo && symAt[q]! > s) {
        order[q + 1] = order[q]!;
        symAt[q + 1] = symAt[q]!;
        q--;
      }
      order[q + 1] = k;
      symAt[q + 1] = s;
    }
  }

  /** A stable counting sort of [lo, hi) over the symbols minSym .. maxSym. */
  private countingSort(lo: number, hi: number): void {
    const { order, symAt, spareOrder, spareSym, bucket, minSym, maxSym } = this;
    for (let r = lo; r < hi; r++) bucket[symAt[r]!]!++;
    for (let s = minSym, at = lo; s <= maxSym; s++) {
      const c = bucket[s]!;
      bucket[s] = at;
      at += c;
    }
    for (let r = lo; r < hi; r++) {
      const s = symAt[r]!;
      const to = bucket[s]!++;
      spareOrder[to] = order[r]!;
      spareSym[to] = s;
    }
    for (let s = minSym; s <= maxSym; s++) bucket[s] = 0;
    for (let r = lo; r < hi; r++) {
      order[r] = spareOrder[r]!;
      symAt[r] = spareSym[r]!;
    }
  }

  /** Runs of one symbol in sorted [lo, hi): keys that end here (symbol 0) are equal; a longer run is sorted one level deeper. */
  private splitRuns(lo: number, hi: number, d: number): void {
    const { symAt, lcp } = this;
    let r = lo;
    while (r < hi) {
      const s = symAt[r]!;
      const runStart = r;
      if (r > lo) lcp[r] = d;
      r++;
      while (r < hi && symAt[r] === s) r++;
      if (s === 0) {
        for (let q = runStart + 1; q < r; q++) lcp[q] = d;
      } else if (r - runStart > 1) {
        this.push(runStart, r, d + 1);
      }
    }
  }
}

/** The breadth-first trie of the keys in sorted `order`, each sharing lcp[r] symbols with the one before. */
function layOutSorted(syms: Int32Array, keyStart: Int32Array, order: Int32Array, lcp: Int32Array, maxLength: number): FlatTrie {
  // depthStart[t]: the breadth-first position of the next node of depth t (the root alone is at depth 0).
  const depthStart = new Int32Array(maxLength + 2);
  const nodes = countNodesByDepth(keyStart, order, lcp, depthStart);
  for (let t = 1; t <= maxLength; t++) depthStart[t]! += depthStart[t - 1]!;
  for (let t = maxLength + 1, next = nodes; t > 0; t--) {
    next -= depthStart[t - 1]!;
    depthStart[t - 1] = next;
  }
  depthStart[0] = 0;
  const trie: FlatTrie = {
    childStart: new Int32Array(nodes + 1),
    nodeSym: new Uint16Array(nodes),
    nodeKey: new Int32Array(nodes).fill(-1),
    keyNext: new Int32Array(order.length).fill(-1),
  };
  placeNodes(syms, keyStart, order, lcp, depthStart, new Int32Array(maxLength + 1), trie);
  // Children of a node follow those of the nodes before it: a running sum of the child counts.
  const childStart = trie.childStart;
  childStart[0] = 1;
  for (let v = 0; v < nodes; v++) childStart[v + 1]! += childStart[v]!;
  return trie;
}

/** Key r adds a node at each depth lcp[r] + 1 .. its length: counted into perDepth[t] (as differences: +1 at the first, -1 after the last). Returns the nodes. */
function countNodesByDepth(keyStart: Int32Array, order: Int32Array, lcp: Int32Array, perDepth: Int32Array): number {
  let nodes = 1;
  for (let r = 0; r < order.length; r++) {
    const k = order[r]!;
    const length = keyStart[k + 1]! - keyStart[k]!;
    const shared = lcp[r]!;
    if (length > shared) {
      perDepth[shared + 1]!++;
      perDepth[length + 1]!--;
      nodes += length - shared;
    }
  }
  return nodes;
}

/**
 * The nodes each key adds, at their breadth-first positions, with their
 * symbols; the child count of each node in childStart[v + 1]; the keys ending
 * at each node. `path[t]` is the node at depth t on the current key's path.
 */
function placeNodes(syms: Int32Array, keyStart: Int32Array, order: Int32Array, lcp: Int32Array, depthStart: Int32Array, path: Int32Array, trie: FlatTrie): void {
  const { childStart, nodeSym, nodeKey, keyNext } = trie;
  for (let r = 0; r < order.length; r++) {
    const k = order[r]!;
    const start = keyStart[k]!;
    const length = keyStart[k + 1]! - start;
    const shared = lcp[r]!;
    if (r > 0 && shared === length) {
      // Equal to the key before it, which is the last of the chain so far.
      keyNext[order[r - 1]!] = k;
      continue;
    }
    let parent = path[shared]!;
    for (let t = shared + 1; t <= length; t++) {
      const v = depthStart[t]!++;
      nodeSym[v] = syms[start + t - 1]!;
      childStart[parent + 1]!++;
      path[t] = v;
      parent = v;
    }
    nodeKey[parent] = k;
  }
}
