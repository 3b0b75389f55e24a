/**
 * The mentions currently drawn on the page, indexed by text node for hit
 * testing and clean-up. Ranges are StaticRanges: they cost nothing while the
 * page mutates, and every mutation that could move them triggers a rescan.
 */
import type { EntityType } from '../core/corpus/schema.ts';

export interface PageMention {
  readonly entityId: string;
  readonly type: EntityType;
  readonly range: StaticRange;
  /** Every text node the mention touches, first to last. */
  readonly nodes: readonly Text[];
  /** The entity's card has nothing to show: drawn in the quieter style, not counted by the popup. */
  readonly quiet?: boolean;
}

/** Up to this many stored text nodes, a removal looks through the store instead of walking the DOM. */
const SMALL_STORE = 64;

export class MentionStore {
  /** Mentions per text node, as sets: adding and removing cost O(1) however many mentions one node holds. */
  readonly #byNode = new Map<Text, Set<PageMention>>();
  /** Per first text node, the mentions by entity and offsets: the "already drawn" check is one lookup, not a scan. */
  readonly #keys = new Map<Text, Map<string, PageMention>>();
  readonly #all = new Set<PageMention>();

  constructor(private readonly onRemove: (m: PageMention) => void) {}

  static #key(m: PageMention): string {
    return `${m.entityId}\u0000${m.range.startOffset}\u0000${m.range.endOffset}\u0000${m.nodes.length}`;
  }

  /** Adds a mention, unless the same entity is already drawn over exactly the same text (a chunk scanned twice). */
  add(mention: PageMention): boolean {
    const r = mention.range;
    const first = mention.nodes[0];
    const key = MentionStore.#key(mention);
    if (first) {
      const same = this.#keys.get(first)?.get(key);
      if (same && same.range.startContainer === r.startContainer && same.range.endContainer === r.endContainer) return false;
    }
    this.#all.add(mention);
    if (first) {
      const keys = this.#keys.get(first);
      if (keys) keys.set(key, mention);
      else this.#keys.set(first, new Map([[key, mention]]));
    }
    for (const node of mention.nodes) {
      const set = this.#byNode.get(node);
      if (set) set.add(mention);
      else this.#byNode.set(node, new Set([mention]));
    }
    return true;
  }

  /** Drops one mention (no-op when it is not stored). */
  remove(mention: PageMention): void {
    this.#remove(mention);
  }

  #remove(mention: PageMention): void {
    if (!this.#all.delete(mention)) return;
    const first = mention.nodes[0];
    if (first) {
      const keys = this.#keys.get(first);
      const key = MentionStore.#key(mention);
      if (keys?.get(key) === mention) keys.delete(key);
      if (keys?.size === 0) this.#keys.delete(first);
    }
    for (const node of mention.nodes) {
      const set = this.#byNode.get(node);
      if (!set) continue;
      set.delete(mention);
      if (set.size === 0) this.#byNode.delete(node);
    }
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
    let removed = 0;
    for (const [node, set] of [...this.#byNode]) {
      if (node === root || root.contains(node)) {
        for (const m of [...set]) {
          this.#remove(m);
          removed++;
        }
      }
    }
    return removed;
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
    let removed = 0;
    for (const [node, set] of [...this.#byNode]) {
      if (!node.isConnected) {
        for (const m of [...set]) {
          this.#remove(m);
          removed++;
        }
      }
    }
    return removed;
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
      const afterStart = m.range.startContainer !== node || offset >= m.range.startOffset;
      const beforeEnd = m.range.endContainer !== node || offset < m.range.endOffset;
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
  const an = a.range.startContainer;
  const bn = b.range.startContainer;
  if (an === bn) return a.range.startOffset - b.range.startOffset;
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
