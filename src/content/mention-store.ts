/**
 * The mentions currently drawn on the page, indexed by text node for hit
 * testing and clean-up. Ranges are StaticRanges: they cost nothing while the
 * page mutates, and every mutation that could move them triggers a rescan.
 */
import type { EntityType } from '../core/corpus/schema.ts';
import type { RangeBoundaries } from '../page-text/types.ts';

export interface PageMention extends RangeBoundaries {
  readonly entityId: string;
  readonly type: EntityType;
  /** A StaticRange over the boundaries; see pageMention(), which makes it on first need. */
  readonly range: StaticRange;
  /** Every text node the mention touches, first to last. */
  readonly nodes: readonly Text[];
  /** The entity's card has nothing to show: drawn in the quieter style, not counted by the popup. */
  readonly quiet?: boolean;
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

/** Up to this many stored text nodes, a removal looks through the store instead of walking the DOM. */
const SMALL_STORE = 64;

export class MentionStore {
  /** Mentions per text node, as sets: adding and removing cost O(1) however many mentions one node holds. */
  readonly #byNode = new Map<Text, Set<PageMention>>();
  /**
   * Per start node, the mentions by start offset (one, or the few that start there): the "already drawn" check is
   * one lookup, not a scan, and makes no key string.
   */
  readonly #starts = new Map<Text, Map<number, PageMention | PageMention[]>>();
  readonly #all = new Set<PageMention>();

  constructor(private readonly onRemove: (m: PageMention) => void) {}

  /** The stored mention of the same entity over exactly the same text as `m`, if any. */
  #same(m: PageMention): PageMention | undefined {
    const at = this.#starts.get(m.startContainer)?.get(m.startOffset);
    if (at === undefined) return undefined;
    const same = (x: PageMention) => x.entityId === m.entityId && x.endContainer === m.endContainer && x.endOffset === m.endOffset;
    if (!Array.isArray(at)) return same(at as PageMention) ? (at as PageMention) : undefined;
    return (at as PageMention[]).find(same);
  }

  /** Adds a mention, unless the same entity is already drawn over exactly the same text (a chunk scanned twice). */
  add(mention: PageMention): boolean {
    if (this.#same(mention)) return false;
    this.#all.add(mention);
    let starts = this.#starts.get(mention.startContainer);
    if (!starts) this.#starts.set(mention.startContainer, (starts = new Map()));
    const at = starts.get(mention.startOffset);
    if (at === undefined) starts.set(mention.startOffset, mention);
    else if (Array.isArray(at)) (at as PageMention[]).push(mention);
    else starts.set(mention.startOffset, [at as PageMention, mention]);
    forEachNode(mention, (node) => {
      const set = this.#byNode.get(node);
      if (set) set.add(mention);
      else this.#byNode.set(node, new Set([mention]));
    });
    return true;
  }

  /** Drops one mention (no-op when it is not stored). */
  remove(mention: PageMention): void {
    this.#remove(mention);
  }

  #remove(mention: PageMention): void {
    if (!this.#all.delete(mention)) return;
    const starts = this.#starts.get(mention.startContainer);
    const at = starts?.get(mention.startOffset);
    if (at === mention) starts!.delete(mention.startOffset);
    else if (Array.isArray(at)) {
      const rest = (at as PageMention[]).filter((x) => x !== mention);
      starts!.set(mention.startOffset, rest.length === 1 ? rest[0]! : rest);
    }
    if (starts?.size === 0) this.#starts.delete(mention.startContainer);
    forEachNode(mention, (node) => {
      const set = this.#byNode.get(node);
      if (!set) return;
      set.delete(mention);
      if (set.size === 0) this.#byNode.delete(node);
    });
    this.onRemove(mention);
  }

  /**
   * Drops every mention touching a text node inside `root` (or `root` itself). Costs the smaller of the subtree and
   * the store: a live feed's new paragraph is looked up node by node, not against every mention of the page.
   */
  removeWithin(root: Node): number {
    if (root.nodeType === Node.DOCUMENT_NODE || root === document.body || root === document.documentElement) {
      const removed = this.#all.size;
      for (const m of [...this.#all]) this.#remove(m);
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
    let removed = 0;
    // Entries deleted while iterating a Map are not visited again: no copy of a map that may hold 100,000 nodes.
    for (const [node, set] of this.#byNode) {
      let child: Node | null = node;
      while (child && child.parentNode !== parent) child = child.parentNode;
      if (!child || !children.has(child)) continue;
      for (const m of [...set]) {
        this.#remove(m);
        removed++;
      }
    }
    return removed;
  }

  /**
   * How many DOM nodes a removal may walk before looking through the store is the cheaper way: as many as the store
   * holds text nodes. A store of a few dozen is looked through at once (walking would cost as much, and creates the
   * wrappers of nodes the extraction has not read yet).
   */
  #walkBudget(): number {
    return this.#byNode.size <= SMALL_STORE ? 0 : this.#byNode.size;
  }

  #removeOn(texts: readonly Text[]): number {
    let removed = 0;
    for (const node of texts) {
      const set = this.#byNode.get(node);
      if (!set) continue;
      for (const m of [...set]) {
        this.#remove(m);
        removed++;
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
    for (const m of [...this.#all]) this.#remove(m);
  }

  /** The mention covering the caret position (node, offset), if any. */
  at(node: Node, offset: number): PageMention | undefined {
    if (node.nodeType !== Node.TEXT_NODE) return undefined;
    const set = this.#byNode.get(node as Text);
    if (!set) return undefined;
    for (const m of set) {
      const afterStart = m.startContainer !== node || offset >= m.startOffset;
      const beforeEnd = m.endContainer !== node || offset < m.endOffset;
      if (afterStart && beforeEnd) return m;
    }
    return undefined;
  }

  get size(): number {
    return this.#all.size;
  }

  /** How many mentions are drawn in the full style (not quiet): a count, in no order (sorting 100,000 mentions takes 100 ms). */
  shownCount(): number {
    let n = 0;
    for (const m of this.#all) if (!m.quiet) n++;
    return n;
  }

  /** Every mention, in no particular order (cheap; see ordered()). */
  all(): IterableIterator<PageMention> {
    return this.#all.values();
  }

  /** All mentions in document order. */
  ordered(): PageMention[] {
    return [...this.#all].sort(compareMentions);
  }

  /** Mention counts per entity id. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.#all) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    return counts;
  }
}

export function compareMentions(a: PageMention, b: PageMention): number {
  const an = a.startContainer;
  const bn = b.startContainer;
  if (an === bn) return a.startOffset - b.startOffset;
  return an.compareDocumentPosition(bn) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
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
