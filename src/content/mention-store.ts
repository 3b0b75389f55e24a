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

export class MentionStore {
  readonly #byNode = new Map<Text, PageMention[]>();
  readonly #all = new Set<PageMention>();

  constructor(private readonly onRemove: (m: PageMention) => void) {}

  /** Adds a mention, unless the same entity is already drawn over exactly the same text (a chunk scanned twice). */
  add(mention: PageMention): boolean {
    const r = mention.range;
    const first = mention.nodes[0];
    const same = first
      ? this.#byNode.get(first)?.some(
          (m) =>
            m.entityId === mention.entityId &&
            m.range.startContainer === r.startContainer &&
            m.range.startOffset === r.startOffset &&
            m.range.endContainer === r.endContainer &&
            m.range.endOffset === r.endOffset,
        )
      : false;
    if (same) return false;
    this.#all.add(mention);
    for (const node of mention.nodes) {
      const list = this.#byNode.get(node);
      if (list) list.push(mention);
      else this.#byNode.set(node, [mention]);
    }
    return true;
  }

  /** Drops one mention (no-op when it is not stored). */
  remove(mention: PageMention): void {
    this.#remove(mention);
  }

  #remove(mention: PageMention): void {
    if (!this.#all.delete(mention)) return;
    for (const node of mention.nodes) {
      const list = this.#byNode.get(node);
      if (!list) continue;
      const rest = list.filter((m) => m !== mention);
      if (rest.length) this.#byNode.set(node, rest);
      else this.#byNode.delete(node);
    }
    this.onRemove(mention);
  }

  /** Drops every mention touching a text node inside `root` (or `root` itself). */
  removeWithin(root: Node): number {
    let removed = 0;
    if (root.nodeType === Node.DOCUMENT_NODE || root === document.body || root === document.documentElement) {
      removed = this.#all.size;
      for (const m of [...this.#all]) this.#remove(m);
      return removed;
    }
    for (const [node, list] of [...this.#byNode]) {
      if (node === root || root.contains(node)) {
        for (const m of [...list]) {
          this.#remove(m);
          removed++;
        }
      }
    }
    return removed;
  }

  /** Drops mentions whose text left the document. */
  removeDisconnected(): number {
    let removed = 0;
    for (const [node, list] of [...this.#byNode]) {
      if (!node.isConnected) {
        for (const m of [...list]) {
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
    const list = this.#byNode.get(node as Text);
    return list?.find((m) => {
      const afterStart = m.range.startContainer !== node || offset >= m.range.startOffset;
      const beforeEnd = m.range.endContainer !== node || offset < m.range.endOffset;
      return afterStart && beforeEnd;
    });
  }

  get size(): number {
    return this.#all.size;
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
