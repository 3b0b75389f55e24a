/**
 * The mentions currently drawn on the page, indexed by text node for hit
 * testing and clean-up. Ranges are StaticRanges: they cost nothing while the
 * page mutates, and every mutation that could move them triggers a rescan.
 */
import type { EntityType } from '../core/corpus/schema.ts';
import type { RangeBoundaries } from '../page-text/types.ts';
import type { MentionCount } from './site-control.ts';

export interface PageMention extends RangeBoundaries {
  readonly entityId: string;
  readonly type: EntityType;
  /** A StaticRange over the boundaries; see pageMention(), which makes it on first need. */
  readonly range: StaticRange;
  /** Every text node the mention touches, first to last. */
  readonly nodes: readonly Text[];
  /** The entity's card has nothing to show: drawn in the quieter style, not counted by the popup. */
  readonly quiet?: boolean;
  /**
   * The viewport painter's group the mention is drawn with, set while it is (viewport-painter.ts): a slot on the
   * mention instead of a map from 100,000 mentions to their groups.
   */
  group?: Element | undefined;
}

/**
 * A mention as the annotator stores it: one object. Its StaticRange is made when first asked for (drawing it,
 * measuring it), and its nodes array only when it spans several text nodes. A 5 MB text node holds 112,000
 * mentions, of which a few hundred are drawn at a time (viewport-painter.ts): a range each (a DOM object, its
 * wrapper and a handle the collector visits on every pass), a nodes array and a key string made five objects per
 * mention, and their garbage collection pauses of 50–65 ms landed in the extension's tasks (issue 14).
 */
class StoredMention implements PageMention {
  #range: StaticRange | undefined;
  readonly #nodes: readonly Text[] | undefined;
  readonly quiet?: boolean;
  group: Element | undefined = undefined;

  constructor(
    readonly entityId: string,
    readonly type: EntityType,
    readonly startContainer: Text,
    readonly startOffset: number,
    readonly endContainer: Text,
    readonly endOffset: number,
    nodes: readonly Text[] | undefined,
    quiet: boolean,
  ) {
    this.#nodes = nodes;
    if (quiet) this.quiet = true;
  }

  get range(): StaticRange {
    return (this.#range ??= new StaticRange(this));
  }

  get nodes(): readonly Text[] {
    return this.#nodes ?? [this.startContainer];
  }
}

/**
 * A mention over `bounds`; `between` lists the text nodes it touches when it spans more than one (first to last),
 * and is ignored otherwise.
 */
export function pageMention(entityId: string, type: EntityType, bounds: RangeBoundaries, quiet = false, between?: () => readonly Text[]): PageMention {
  const nodes = bounds.startContainer === bounds.endContainer ? undefined : between?.();
  return new StoredMention(entityId, type, bounds.startContainer, bounds.startOffset, bounds.endContainer, bounds.endOffset, nodes, quiet);
}

/** The text nodes `m` touches, without making an array for the usual one. */
function forEachNode(m: PageMention, f: (node: Text) => void): void {
  if (m.startContainer === m.endContainer) f(m.startContainer);
  else for (const node of m.nodes) f(node);
}

/** Where `m` starts within `node`'s text: its start offset, or -1 when it starts in an earlier node. */
function startIn(m: PageMention, node: Text): number {
  return m.startContainer === node ? m.startOffset : -1;
}

/** The index of the first mention in `list` (ordered by startIn) that starts at or after `at` in `node`. */
function firstFrom(list: readonly PageMention[], node: Text, at: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (startIn(list[mid]!, node) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where `m` sits in `list`, or -1. */
function indexIn(list: readonly PageMention[], node: Text, m: PageMention): number {
  const at = startIn(m, node);
  for (let i = firstFrom(list, node, at); i < list.length && startIn(list[i]!, node) === at; i++) if (list[i] === m) return i;
  return -1;
}

/** No mention is longer than this (an alias is far shorter): how far back a caret lookup looks. */
const LONGEST_MENTION = 2_000;

/** Node.DOCUMENT_POSITION_FOLLOWING (a constant; linkedom, in the unit tests, lacks the static). */
const FOLLOWING = 4;

/**
 * A removal walks the changed subtree up to this many nodes per stored text node before looking through the store
 * instead: looking a stored node up walks its ancestors, about as many steps as a page is deep.
 */
const WALK_PER_STORED_NODE = 8;

export class MentionStore {
  /**
   * Per text node, the mentions touching it, in the order they start in it (those that start in an earlier node
   * first). Arrays, not hash sets: one node can hold 112,000 mentions (a 5 MB text node), and a hash table that size
   * stops to rehash for 20–50 ms as it grows past each power of two (issue 14); a page's mentions mostly come in
   * document order, so adding one is a push, and finding one a binary search.
   */
  readonly #byNode = new Map<Text, PageMention[]>();
  #size = 0;
  /** How many are not quiet (the popup's count, asked after every change: kept, not counted each time). */
  #shown = 0;
  /**
   * The same per entity (the popup's list): kept, not counted from every mention when asked (112,000 mentions on a
   * 5 MB text node took 40 ms of one task to list and count, issue 14).
   */
  readonly #shownBy = new Map<string, { type: EntityType; count: number }>();

  constructor(private readonly onRemove: (m: PageMention) => void) {}

  /** The stored mention of the same entity over exactly the same text as `m`, if any. */
  #same(m: PageMention): PageMention | undefined {
    const node = m.startContainer;
    const list = this.#byNode.get(node);
    if (!list) return undefined;
    for (let i = firstFrom(list, node, m.startOffset); i < list.length; i++) {
      const x = list[i]!;
      if (startIn(x, node) !== m.startOffset) break;
      if (x.entityId === m.entityId && x.endContainer === m.endContainer && x.endOffset === m.endOffset) return x;
    }
    return undefined;
  }

  /** Adds a mention, unless the same entity is already drawn over exactly the same text (a chunk scanned twice). */
  add(mention: PageMention): boolean {
    if (this.#same(mention)) return false;
    forEachNode(mention, (node) => {
      const list = this.#byNode.get(node);
      if (!list) return void this.#byNode.set(node, [mention]);
      const at = startIn(mention, node);
      if (startIn(list[list.length - 1]!, node) <= at) list.push(mention);
      else list.splice(firstFrom(list, node, at + 1), 0, mention);
    });
    this.#size++;
    if (!mention.quiet) this.#countShown(mention, 1);
    return true;
  }

  /** Drops one mention (no-op when it is not stored). */
  remove(mention: PageMention): void {
    const list = this.#byNode.get(mention.startContainer);
    if (!list || indexIn(list, mention.startContainer, mention) < 0) return;
    this.#detach(mention, null);
    this.onRemove(mention);
  }

  /** Takes `m` out of the lists of the nodes it touches, except `skip`'s (a list being dropped whole). */
  #detach(m: PageMention, skip: Text | null): void {
    forEachNode(m, (node) => {
      if (node === skip) return;
      const list = this.#byNode.get(node);
      if (!list) return;
      const i = indexIn(list, node, m);
      if (i < 0) return;
      list.splice(i, 1);
      if (list.length === 0) this.#byNode.delete(node);
    });
    this.#size--;
    if (!m.quiet) this.#countShown(m, -1);
  }

  #countShown(m: PageMention, by: 1 | -1): void {
    this.#shown += by;
    const entry = this.#shownBy.get(m.entityId);
    if (!entry) this.#shownBy.set(m.entityId, { type: m.type, count: by });
    else if ((entry.count += by) === 0) this.#shownBy.delete(m.entityId);
  }

  /**
   * Drops every mention touching a text node inside `root` (or `root` itself). Costs the smaller of the subtree and
   * the store: a live feed's new paragraph is looked up node by node, not against every mention of the page.
   */
  removeWithin(root: Node): number {
    if (root.nodeType === Node.DOCUMENT_NODE || root === document.body || root === document.documentElement) {
      const removed = this.#size;
      this.clear();
      return removed;
    }
    if (this.#byNode.size === 0) return 0;
    const budget = this.#walkBudget();
    const texts = budget > 0 ? textNodesOf(root, root.nextSibling, budget) : null;
    if (texts) return this.#removeOn(texts);
    // The store is small here (see #walkBudget): the nodes inside are picked first, then their mentions dropped,
    // without copying the whole map on every call (a live feed makes hundreds of these a second).
    const inside: Text[] = [];
    for (const node of this.#byNode.keys()) if (node === root || root.contains(node)) inside.push(node);
    return inside.length > 0 ? this.#removeOn(inside) : 0;
  }

  /**
   * Drops every mention touching text inside `parent`'s children from `from` up to `until` (exclusive; null: the
   * end). Costs the smaller of those children's subtrees and the store, as removeWithin.
   */
  removeWithinChildren(parent: Node, from: Node, until: Node | null): number {
    if (this.#byNode.size === 0) return 0;
    const budget = this.#walkBudget();
    const texts = budget > 0 ? textNodesOf(from, until, budget) : null;
    if (texts) return this.#removeOn(texts);
    const children = new Set<Node>();
    for (let c: Node | null = from; c && c !== until; c = c.nextSibling) children.add(c);
    const inside: Text[] = [];
    for (const node of this.#byNode.keys()) {
      let child: Node | null = node;
      while (child && child.parentNode !== parent) child = child.parentNode;
      if (child && children.has(child)) inside.push(node);
    }
    return inside.length > 0 ? this.#removeOn(inside) : 0;
  }

  /**
   * How many DOM nodes a removal may walk before looking through the store is the cheaper way (see
   * WALK_PER_STORED_NODE). A small store was once always looked through, to spare the wrappers of nodes not read yet;
   * but a removal is a rescan's, whose extraction reads the same nodes next, and a live feed's hundred runs a batch
   * each walked the ancestors of every stored node: 180–410 ms of bench:hostile's 10 s storm (issue 14).
   */
  #walkBudget(): number {
    return this.#byNode.size * WALK_PER_STORED_NODE;
  }

  /** Drops every mention touching these text nodes. */
  #removeOn(texts: readonly Text[]): number {
    let removed = 0;
    for (const node of texts) {
      const list = this.#byNode.get(node);
      if (!list) continue;
      this.#byNode.delete(node);
      for (const m of list) {
        // A mention across nodes is also listed under the others: taken out there, so it is dropped once.
        if (m.startContainer !== m.endContainer) this.#detach(m, node);
        else {
          this.#size--;
          if (!m.quiet) this.#countShown(m, -1);
        }
        removed++;
        this.onRemove(m);
      }
    }
    return removed;
  }

  /** Drops mentions whose text left the document. */
  removeDisconnected(): number {
    const gone: Text[] = [];
    for (const node of this.#byNode.keys()) if (!node.isConnected) gone.push(node);
    return gone.length > 0 ? this.#removeOn(gone) : 0;
  }

  clear(): void {
    const all = this.all();
    this.#byNode.clear();
    this.#size = 0;
    this.#shown = 0;
    this.#shownBy.clear();
    for (const m of all) this.onRemove(m);
  }

  /** The mention covering the caret position (node, offset), if any (the one that starts first). */
  at(node: Node, offset: number): PageMention | undefined {
    if (node.nodeType !== Node.TEXT_NODE) return undefined;
    const text = node as Text;
    const list = this.#byNode.get(text);
    if (!list) return undefined;
    const covers = (m: PageMention) => (m.startContainer !== text || offset >= m.startOffset) && (m.endContainer !== text || offset < m.endOffset);
    // Those from earlier nodes first (at the front of the list), then those starting in this node up to the caret,
    // back to the longest a mention can be.
    for (let i = 0; i < list.length && startIn(list[i]!, text) < 0; i++) if (covers(list[i]!)) return list[i];
    let found: PageMention | undefined;
    for (let i = firstFrom(list, text, offset + 1) - 1; i >= 0; i--) {
      const m = list[i]!;
      const start = startIn(m, text);
      if (start < 0 || offset - start > LONGEST_MENTION) break;
      if (covers(m)) found = m;
    }
    return found;
  }

  get size(): number {
    return this.#size;
  }

  /** How many mentions are drawn in the full style (not quiet): a count, in no order (sorting 100,000 mentions takes 100 ms). */
  shownCount(): number {
    return this.#shown;
  }

  /** Every mention once, in no particular order, as a new array (see ordered()). */
  all(): PageMention[] {
    const out: PageMention[] = [];
    for (const [node, list] of this.#byNode) for (const m of list) if (m.startContainer === node) out.push(m);
    return out;
  }

  /**
   * All mentions in document order: the text nodes sorted, each node's list already in order (the keyboard path
   * asks on every Tab; sorting 112,000 mentions one by one took about 100 ms).
   */
  ordered(): PageMention[] {
    const nodes = [...this.#byNode.keys()].sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
    const out: PageMention[] = [];
    for (const node of nodes) for (const m of this.#byNode.get(node)!) if (m.startContainer === node) out.push(m);
    return out;
  }

  /** The mentions drawn in the full style, counted per entity (with its type), in no order; kept as mentions come and go. */
  shownByEntity(): MentionCount[] {
    return [...this.#shownBy].map(([entityId, { type, count }]) => ({ entityId, type, count }));
  }

  /** Mention counts per entity id. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.all()) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    return counts;
  }
}

export function compareMentions(a: PageMention, b: PageMention): number {
  const an = a.startContainer;
  const bn = b.startContainer;
  if (an === bn) return a.startOffset - b.startOffset;
  return an.compareDocumentPosition(bn) & FOLLOWING ? -1 : 1;
}

/**
 * The text nodes of `first` and of its next siblings before `until`, their subtrees included, in document order;
 * null once more than `budget` nodes have been visited.
 */
export function textNodesOf(first: Node | null, until: Node | null, budget: number): Text[] | null {
  const out: Text[] = [];
  let visited = 0;
  for (let top = first; top && top !== until; top = top.nextSibling) {
    let node: Node | null = top;
    while (node) {
      if (++visited > budget) return null;
      if (node.nodeType === Node.TEXT_NODE) out.push(node as Text);
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      while (node && node !== top && !node.nextSibling) node = node.parentNode;
      if (!node || node === top) break;
      node = node.nextSibling;
    }
  }
  return out;
}
