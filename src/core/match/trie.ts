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

/** A range of at most this many keys is ordered by insertion sort; larger ones by a counting sort over the alphabet. */
const INSERTION_SORT_KEYS = 16;

/**
 * The same trie as buildTrie(keys, symOfUnit, alphabetSize) without a
 * prefix, built straight in breadth-first order: each node owns the range of
 * key indices that pass through it, and its children are made by ordering
 * that range (stably) by the next symbol. No hash table and no second
 * layout pass, and keys are read from one flat array of symbols.
 */
export function buildTrieBreadthFirst(keys: readonly string[], symOfUnit: Int32Array, alphabetSize: number): FlatTrie {
  const count = keys.length;
  let total = 0;
  for (const k of keys) total += k.length;
  // Keys as symbols, back to back; a key's symbol at depth d is syms[keyStart[k] + d].
  const syms = new Int32Array(total);
  const keyStart = new Int32Array(count + 1);
  for (let k = 0, at = 0; k < count; k++) {
    const key = keys[k]!;
    keyStart[k] = at;
    for (let i = 0; i < key.length; i++) syms[at++] = symOfUnit[key.charCodeAt(i)]!;
    keyStart[k + 1] = at;
  }
  const maxNodes = total + 1;
  const childStart = new Int32Array(maxNodes + 1);
  const nodeSym = new Uint16Array(maxNodes);
  const nodeKey = new Int32Array(maxNodes).fill(-1);
  const keyNext = new Int32Array(count).fill(-1);
  const rangeStart = new Int32Array(maxNodes + 1);
  const depthOf = new Int32Array(maxNodes);
  const order = new Int32Array(count);
  const spare = new Int32Array(count);
  const symAt = new Int32Array(count);
  const bucket = new Int32Array(alphabetSize);
  for (let k = 0; k < count; k++) order[k] = k;
  // Node v owns the keys order[rangeStart[v] .. rangeEnd[v]).
  const rangeEnd = new Int32Array(maxNodes);
  rangeEnd[0] = count;
  let nodes = 1;
  for (let v = 0; v < nodes; v++) {
    childStart[v] = nodes;
    const lo = rangeStart[v]!;
    const hi = rangeEnd[v]!;
    const d = depthOf[v]!;
    // Symbol of each key at this depth, 0 for a key that ends here (symbols start at 1).
    for (let r = lo; r < hi; r++) {
      const k = order[r]!;
      symAt[r] = keyStart[k]! + d < keyStart[k + 1]! ? syms[keyStart[k]! + d]! : 0;
    }
    if (hi - lo <= INSERTION_SORT_KEYS) {
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
    } else {
      for (let r = lo; r < hi; r++) bucket[symAt[r]!]!++;
      for (let s = 0, at = lo; s < alphabetSize; s++) {
        const c = bucket[s]!;
        bucket[s] = at;
        at += c;
      }
      for (let r = lo; r < hi; r++) {
        const s = symAt[r]!;
        spare[bucket[s]!++] = order[r]!;
      }
      bucket.fill(0);
      for (let r = lo; r < hi; r++) {
        const k = spare[r]!;
        order[r] = k;
        symAt[r] = keyStart[k]! + d < keyStart[k + 1]! ? syms[keyStart[k]! + d]! : 0;
      }
    }
    let r = lo;
    // Keys ending here, ascending (both sorts are stable and ranges start ascending).
    if (r < hi && symAt[r] === 0) {
      nodeKey[v] = order[r]!;
      let last = order[r++]!;
      while (r < hi && symAt[r] === 0) {
        keyNext[last] = order[r]!;
        last = order[r++]!;
      }
    }
    while (r < hi) {
      const s = symAt[r]!;
      const c = nodes++;
      nodeSym[c] = s;
      depthOf[c] = d + 1;
      rangeStart[c] = r;
      while (r < hi && symAt[r] === s) r++;
      rangeEnd[c] = r;
    }
  }
  childStart[nodes] = nodes;
  return {
    childStart: childStart.slice(0, nodes + 1),
    nodeSym: nodeSym.slice(0, nodes),
    nodeKey: nodeKey.slice(0, nodes),
    keyNext,
  };
}
