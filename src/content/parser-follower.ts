/**
 * Underlines the names at the top of a page while the HTML parser is still at work (a large or slow page paints
 * its top long before DOMContentLoaded). It is part of the `document_start` script (ADR 018), so it is small: at
 * each animation frame it takes the blocks the parser has finished, in document order, until the first screen is
 * covered; each block's text (up to a screenful: HEAD_START_CHUNK_CHARS) goes to the background's matcher
 * (ADR 017), and its answer is drawn at once. A block is finished when it is not on the path of last children
 * from <body>, where the parser is inserting. What it cannot take whole (a block whose first child alone is too
 * long, inline content between blocks) waits for the full pass, which the rest of the content script
 * (page-bundle.ts) starts at DOMContentLoaded: it adopts what was drawn here (`handOver`) and keeps it.
 */
import type { EntityType } from '../core/corpus/schema.ts';
import { SEPARATOR_NONE, isOurUi, separatorForTag } from '../page-text/element-rules.ts';
import { extractChildrenUpTo, isSkippedNode } from '../page-text/extract-text.ts';
import { nodesOf, toBoundaries } from '../page-text/locate.ts';
import type { PageText } from '../page-text/types.ts';
import { MAX_SCAN_CHARS } from '../shared/page-scan.ts';
import type { HighlightRegistry } from './highlight-registry.ts';
import type { PageMention } from './mention-store.ts';
import type { PageMatcher } from './record-client.ts';
import { SLICE_BUDGET_MS } from './time-slicer.ts';

/**
 * How much of a block is read at a time before the page's first frame: about a screenful, so the few milliseconds
 * a frame has, often with code the JIT has not compiled yet, reach the first article instead of sizing up the large
 * elements around it (the annotator's head start uses the same size).
 */
export const HEAD_START_CHUNK_CHARS = 4_000;

/** A mention drawn here, and the element it is grouped by for drawing near the viewport (viewport-painter.ts). */
export interface EarlyMention {
  mention: PageMention;
  group: Element;
}

export interface FollowerOptions {
  matcher: PageMatcher;
  registry: HighlightRegistry;
  signal: AbortSignal;
  enabledTypes: ReadonlySet<EntityType>;
  hideQuiet: boolean;
  budgetMs?: number;
}

interface Block {
  root: Element;
  /** The rest of a block whose text came in parts: its children from this one on. */
  from?: Node;
}

/** Our own UI carries UI_ATTRIBUTE, which the extraction skips by markup (isSkippedByMarkup): no exclude for it. */
const OPTIONS = { computeStyle: false } as const;

export class ParserFollower {
  readonly #drawn: EarlyMention[] = [];
  /** No more blocks are taken (the first screen is covered, the DOM is parsed, or the session stopped). */
  #stopped = false;
  /** The full pass has taken over: answers still on their way are dropped (it scans everything again). */
  #handedOver = false;
  readonly #stopFold: () => void;

  constructor(private readonly opts: FollowerOptions) {
    const { signal } = opts;
    const budgetMs = opts.budgetMs ?? SLICE_BUDGET_MS;
    const descended = new WeakSet<Element>();
    const queued = new WeakSet<Element>();
    const queue: Block[] = [];
    // Whether the blocks done so far reach past the first screen: told by an observer after each frame's own
    // layout, since reading geometry here would force the layout of the half-parsed page inside our callback.
    let covered = false;
    const fold = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.rootBounds !== null && e.boundingClientRect.top >= e.rootBounds.bottom)) covered = true;
    });
    this.#stopFold = () => fold.disconnect();
    signal.addEventListener('abort', () => this.#stop(), { once: true });
    const visit = (parent: Element, insertion: Set<Element>) => {
      for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
        if (queued.has(c) || isOurUi(c)) continue;
        if (insertion.has(c) || descended.has(c)) {
          descended.add(c);
          visit(c, insertion);
        } else if (separatorForTag(c.localName) !== SEPARATOR_NONE) {
          queued.add(c);
          queue.push({ root: c });
        }
      }
    };
    const frame = () => {
      if (this.#stopped || covered || document.readyState !== 'loading') return this.#stop();
      const body = document.body;
      if (body) {
        const insertion = new Set<Element>();
        for (let e: Element | null = body; e; e = e.lastElementChild) insertion.add(e);
        visit(body, insertion);
        const started = performance.now();
        while (queue.length > 0 && performance.now() - started <= budgetMs) {
          const block = queue.shift()!;
          const rest = this.#step(block);
          if (rest) queue.unshift(rest);
          fold.observe(block.root);
        }
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }

  /** Stops following and hands what it drew to the full pass (answers still on their way are dropped). */
  handOver(): EarlyMention[] {
    this.#stop();
    this.#handedOver = true;
    return this.#drawn.splice(0);
  }

  #stop(): void {
    this.#stopped = true;
    this.#stopFold();
  }

  /** Sends one block's text (or its next part) to the matcher; returns the rest of the block, if it came in parts. */
  #step(block: Block): Block | undefined {
    const { root } = block;
    if (!root.isConnected || isSkippedNode(root, OPTIONS)) return undefined;
    const part = extractChildrenUpTo(root, block.from ?? null, HEAD_START_CHUNK_CHARS, OPTIONS);
    // The first child alone is too long for a screenful: the full pass splits it.
    if (part === null) return undefined;
    const { pageText, next } = part;
    if (pageText.nodes.length > 0 && pageText.text.length <= MAX_SCAN_CHARS) {
      const inParts = block.from !== undefined || next !== null;
      this.opts.matcher.scan(pageText.text).then(
        ({ found }) => this.#draw(root, pageText, inParts, found),
        (err: unknown) => console.error('OnRecord: underlining the top of this page failed', err),
      );
    }
    return next ? { root, from: next } : undefined;
  }

  #draw(root: Element, pageText: PageText, inParts: boolean, found: Awaited<ReturnType<PageMatcher['scan']>>['found']): void {
    if (this.#handedOver || this.opts.signal.aborted || !root.isConnected) return;
    const { enabledTypes, hideQuiet, registry } = this.opts;
    for (const m of found) {
      if (!enabledTypes.has(m.type) || (m.quiet && hideQuiet)) continue;
      const b = toBoundaries(pageText, m.start, m.end);
      // The page may have changed the text since it was sent: the full pass finds it again.
      if (!b || !b.startContainer.isConnected || !b.endContainer.isConnected) continue;
      // A plain object, not the store's pageMention(): this script stays small (ADR 018), and these are a screenful.
      const mention: PageMention = {
        entityId: m.entityId,
        type: m.type,
        startContainer: b.startContainer,
        startOffset: b.startOffset,
        endContainer: b.endContainer,
        endOffset: b.endOffset,
        range: new StaticRange(b),
        nodes: nodesOf(pageText, m.start, m.end),
        ...(m.quiet ? { quiet: true } : {}),
      };
      // Grouped as the annotator groups a block's parts: by the block's child the mention lies in.
      this.#drawn.push({ mention, group: inParts ? childHolding(root, b.startContainer) : root });
      registry.add(mention.type, mention.range, mention.quiet);
    }
  }
}

/** The child of `root` that holds `node` (an element), or `root` itself for text directly inside it. */
export function childHolding(root: Element, node: Node): Element {
  let n: Node = node;
  while (n.parentNode !== null && n.parentNode !== root) n = n.parentNode;
  return n.parentNode === root && n.nodeType === Node.ELEMENT_NODE ? (n as Element) : root;
}
