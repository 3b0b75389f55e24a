/**
 * Watches the page for content that arrives or leaves after load (infinite
 * scroll, live blogs, single-page apps) and hands the annotator a deduplicated
 * batch: the smallest set of changed subtrees, once per animation frame.
 * Mutations inside the extension's own UI are ignored.
 */
import { SEPARATOR_NONE, UI_ATTRIBUTE, separatorForTag } from '../page-text/element-rules.ts';

/** Past this many changed roots in one batch, one full rescan is cheaper than many small ones. */
export const FULL_RESCAN_THRESHOLD = 1_000;
/** Coalesces bursts of mutations (a framework re-render is hundreds of records) into one batch. */
export const BATCH_DELAY_MS = 50;

export interface DomBatch {
  /** Changed subtrees, none inside another. */
  roots: Node[];
  /** Nodes were removed: drop highlights whose text left the page. */
  removed: boolean;
  /** Too much changed: rescan everything instead of `roots`. */
  full: boolean;
}

function insideOurUi(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return !!el?.closest(`[${UI_ATTRIBUTE}]`);
}

/**
 * The nearest block-level element around `node`: a rescan of an inline element alone would cut a name that
 * spans its tag ("Dmitry " + <b>Peskov</b>) out of the text around it.
 */
export function blockAround(node: Node): Node {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el && el.parentElement && separatorForTag(el.localName) === SEPARATOR_NONE) el = el.parentElement;
  return el ?? node;
}

/** Keeps only the outermost of the given connected nodes. */
export function outermost(nodes: Iterable<Node>): Node[] {
  const set = new Set<Node>();
  for (const n of nodes) if (n.isConnected) set.add(n);
  const out: Node[] = [];
  for (const n of set) {
    let covered = false;
    for (let up = n.parentNode; up; up = up.parentNode) {
      if (set.has(up)) {
        covered = true;
        break;
      }
    }
    if (!covered) out.push(n);
  }
  return out;
}

export function watchDom(onBatch: (batch: DomBatch) => void, signal: AbortSignal): void {
  let pending = new Set<Node>();
  let removed = false;
  let overflow = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const batch: DomBatch = overflow
      ? { roots: [], removed: true, full: true }
      : { roots: outermost(pending), removed, full: false };
    pending = new Set();
    removed = false;
    overflow = false;
    if (batch.full || batch.roots.length > 0 || batch.removed) onBatch(batch);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (insideOurUi(r.target)) continue;
      if (r.type === 'characterData') {
        const parent = r.target.parentNode;
        if (parent) pending.add(blockAround(parent));
      } else {
        if (r.removedNodes.length > 0) removed = true;
        for (const n of r.addedNodes) {
          if (n.nodeType === Node.ELEMENT_NODE && (n as Element).hasAttribute(UI_ATTRIBUTE)) continue;
          // A new block (a feed item) is rescanned alone; new inline content takes its parent along,
          // since text beside it may now form a name with it ("Dmitry " + <b>Peskov</b>).
          const block = n.nodeType === Node.ELEMENT_NODE && separatorForTag((n as Element).localName) !== SEPARATOR_NONE;
          pending.add(block ? n : blockAround(r.target));
        }
      }
    }
    if (pending.size > FULL_RESCAN_THRESHOLD) overflow = true;
    if ((pending.size > 0 || removed) && timer === undefined) timer = setTimeout(flush, BATCH_DELAY_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  }, { once: true });
}

/** Re-anchoring saved selectors reads the whole page's text: on a live blog that changes every few frames, at most this often. */
export const REANCHOR_INTERVAL_MS = 250;

/**
 * Calls `reanchor` after page changes for which `needed(batch)` is true, at
 * most once per REANCHOR_INTERVAL_MS (later batches join the pending call).
 * For layers that re-find saved selectors in the whole page's text.
 */
export function watchForReanchoring(needed: (batch: DomBatch) => boolean, reanchor: () => void, signal: AbortSignal): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = -Infinity;
  const run = () => {
    timer = undefined;
    last = performance.now();
    reanchor();
  };
  watchDom((batch) => {
    if (timer !== undefined || !needed(batch)) return;
    timer = setTimeout(run, Math.max(0, last + REANCHOR_INTERVAL_MS - performance.now()));
  }, signal);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}

/**
 * Single-page apps change route through the History or Navigation API; the
 * isolated world cannot see pushState calls, but it sees the Navigation API's
 * events and popstate. A route change asks for one full rescan.
 */
export function watchRoutes(onRoute: () => void, signal: AbortSignal): void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onRoute();
  };
  const nav = (window as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', check, { signal });
  window.addEventListener('popstate', check, { signal });
  window.addEventListener('hashchange', check, { signal });
}
