/**
 * Watches the page for content that arrives or leaves after load (infinite
 * scroll, live blogs, single-page apps) and hands the annotator a deduplicated
 * batch: the smallest set of changed subtrees, once per animation frame.
 * Mutations inside the extension's own UI are ignored.
 */
import { SEPARATOR_NONE, isOurUi, separatorForTag, withinOurUi } from '../page-text/element-rules.ts';
import { clearTrackedTimeout, setTrackedTimeout } from './activity.ts';
import { SLICE_BUDGET_MS } from './time-slicer.ts';

/**
 * Past this many places changed in one batch (the parents of the changed roots), one full rescan is cheaper than
 * many small ones. Counted by parent, not by root: a live feed appending a hundred <p> a frame into one container
 * made a thousand roots in ten frames whenever the batch came late (a loaded machine), and the whole page was then
 * rescanned instead of the new paragraphs (issue 14, bench:hostile's storm).
 */
export const FULL_RESCAN_THRESHOLD = 1_000;
/** Past this many changed roots in one batch, wherever they are, a full rescan too: the batch is handed out in one task. */
export const MAX_BATCH_ROOTS = 10_000;
/** Coalesces bursts of mutations (a framework re-render is hundreds of records) into one batch. */
export const BATCH_DELAY_MS = 50;
/** Records and added nodes read between two looks at the clock (see RootWatcher.#collect). */
const READ_WORK_PER_CHECK = 128;

/**
 * A run of inline children of a block-level element, between two of its block-level children (or its ends): the
 * text new inline content joins, so a name across the new and the old ("Dmitry " + <b>Peskov</b>) is found whole.
 */
export interface InlineRun {
  /** The run's first child. */
  readonly from: Node;
  /** The child after the run (a block-level element), or null when the run reaches the end. */
  readonly until: Node | null;
}

export interface RootParts {
  readonly runs: readonly InlineRun[];
  /** Changed subtrees inside the root, none inside another. */
  readonly blocks: readonly Node[];
}

export interface DomBatch {
  /** Changed subtrees, none inside another. */
  roots: readonly Node[];
  /**
   * For a root that changed only by content added into it (a feed appending spans every frame): what changed in
   * it, the runs of its inline children that got new ones, and the subtrees (new blocks) inside it. The rest of the
   * root is as it was, so a feature may look at these alone; one that does not may treat the whole root as changed.
   */
  parts?: ReadonlyMap<Node, RootParts>;
  /** Nodes were removed: drop highlights whose text left the page. */
  removed: boolean;
  /** Too much changed: rescan everything instead of `roots`. */
  full: boolean;
}

/** Delivered lists up to this long are checked in the observer's callback for being about OnRecord's UI only. */
const OWN_UI_CHECK_MAX = 8;

const isOurElement = (node: Node): boolean => node.nodeType === Node.ELEMENT_NODE && isOurUi(node as Element);

/**
 * A record that only adds or removes OnRecord's own hosts (children of the root element), or changes one. Asked in
 * the page's task: a record elsewhere (a live feed's) is not read here, its target alone is looked at.
 */
function aboutOurUi(r: MutationRecord): boolean {
  const target = r.target;
  if (isOurElement(target)) return true;
  if (target !== target.ownerDocument?.documentElement || r.type !== 'childList') return false;
  if (r.addedNodes.length + r.removedNodes.length > OWN_UI_CHECK_MAX) return false;
  for (const n of r.addedNodes) if (!isOurElement(n)) return false;
  for (const n of r.removedNodes) if (!isOurElement(n)) return false;
  return true;
}

function insideOurUi(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el != null && withinOurUi(el);
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

/** A change listener; every feature gets the same batch and must not change it. */
export type BatchListener = (batch: DomBatch) => void;

/** The one MutationObserver on a root, and the features listening to it. */
/** Whether `node` starts a block (a run of inline children ends at it). */
const isBlock = (node: Node): boolean => node.nodeType === Node.ELEMENT_NODE && separatorForTag((node as Element).localName) !== SEPARATOR_NONE;

/** The runs of inline children of `parent` that hold the `added` nodes (children of it), in document order. */
export function inlineRuns(parent: Node, added: ReadonlySet<Node>): InlineRun[] {
  const runs: InlineRun[] = [];
  const seen = new Set<Node>();
  for (const node of added) {
    if (seen.has(node) || node.parentNode !== parent) continue;
    let from = node;
    while (from.previousSibling && !isBlock(from.previousSibling)) {
      from = from.previousSibling;
      seen.add(from);
    }
    let until = node.nextSibling;
    while (until && !isBlock(until)) {
      seen.add(until);
      until = until.nextSibling;
    }
    seen.add(node);
    runs.push({ from, until });
  }
  return runs;
}

class RootWatcher {
  readonly listeners = new Set<BatchListener>();
  #pending = new Set<Node>();
  /** Blocks that changed only by inline children added into them: those children (see DomBatch.runs). */
  #inlineAdded = new Map<Node, Set<Node>>();
  /** Where the pending roots and the inline additions are: their parents (see FULL_RESCAN_THRESHOLD). */
  #places = new Set<Node>();
  #removed = false;
  #overflow = false;
  #timer: number | undefined;
  /**
   * Records delivered and not yet looked at, and where the first list's reading stopped. The observer's callback
   * only keeps them: it runs inside the page's own task (a live feed's animation frame), and reading a thousand
   * removal records there cost up to 43 ms of that frame (issue 14, bench:hostile's storm). They are read when the
   * batch is due, a slice at a time (#flush).
   */
  #records: MutationRecord[][] = [];
  #recordAt = 0;
  /** Where the reading of that record's added nodes stopped. */
  #addedAt = 0;
  readonly #observer: MutationObserver;

  constructor(root: Node) {
    this.#observer = new MutationObserver((records) => {
      // OnRecord's own hosts coming and going (a popover opened on hover) are no page change: no batch, and the page
      // is not reported busy. Only a short list is looked at here, in the page's task; a long one is read later.
      if (records.length <= OWN_UI_CHECK_MAX && records.every(aboutOurUi)) return;
      this.#records.push(records);
      if (this.#timer === undefined) this.#timer = setTrackedTimeout(() => this.#flush(), BATCH_DELAY_MS);
    });
    this.#observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  /** A batch is collected and not yet handed out. */
  get busy(): boolean {
    return this.#timer !== undefined;
  }

  stop(): void {
    this.#observer.disconnect();
    clearTrackedTimeout(this.#timer);
    this.#timer = undefined;
    this.#records = [];
    this.#recordAt = 0;
    this.#addedAt = 0;
  }

  /**
   * Reads the kept records until they are all read (true) or `budgetMs` has passed (false). Past the full-rescan
   * threshold the rest is dropped unread: a full rescan needs nothing from them.
   */
  #collect(budgetMs: number): boolean {
    const started = performance.now();
    // A storm of records mostly shares a few targets (a feed's container, a thousand times a frame): each target is
    // judged once per slice, not once per record or added node.
    const ours = new Map<Node, boolean>();
    // Counted across the lists the observer delivered (a feed changing in many tasks hands over many short lists),
    // and by the nodes a record adds, not by records: one record can add a thousand nodes (a fragment appended), and
    // 64 such records read between two looks at the clock made one task of 73 ms (24 ms CPU) in bench:hostile's storm.
    let work = 0;
    while (this.#records.length > 0) {
      const records = this.#records[0]!;
      let i = this.#recordAt;
      while (i < records.length) {
        if (work >= READ_WORK_PER_CHECK) {
          work = 0;
          if (performance.now() - started > budgetMs) {
            this.#recordAt = i;
            return false;
          }
        }
        work += this.#read(records[i]!, ours);
        if (this.#addedAt === 0) i++;
        if (this.#places.size > FULL_RESCAN_THRESHOLD || this.#pending.size + this.#inlineAdded.size > MAX_BATCH_ROOTS) {
          this.#overflow = true;
          this.#records = [];
          this.#recordAt = 0;
          this.#addedAt = 0;
          return true;
        }
      }
      this.#records.shift();
      this.#recordAt = 0;
    }
    return true;
  }

  /**
   * Reads one record: its added nodes from #addedAt on, READ_WORK_PER_CHECK of them at most. #addedAt is left where
   * the next call goes on, or 0 when the record is read. Returns the work done (the record, and each node read).
   */
  #read(r: MutationRecord, ours: Map<Node, boolean>): number {
    const from = this.#addedAt;
    this.#addedAt = 0;
    const target = r.target;
    let inUi = ours.get(target);
    if (inUi === undefined) ours.set(target, (inUi = insideOurUi(target)));
    if (inUi) return 1;
    if (r.type === 'characterData') {
      const parent = target.parentNode;
      if (parent) this.#pend(blockAround(parent));
      return 1;
    }
    if (!this.#removed && r.removedNodes.length > 0) this.#removed = true;
    const added = r.addedNodes;
    const end = Math.min(added.length, from + READ_WORK_PER_CHECK);
    if (from >= end) return 1;
    // Inline content added straight into a block (a live feed's spans) is rescanned in its runs (see #batch).
    const intoBlock = isBlock(target) && target.parentNode !== null;
    let inline = intoBlock ? this.#inlineAdded.get(target) : undefined;
    for (let i = from; i < end; i++) {
      const n = added[i]!;
      if (isOurElement(n)) continue;
      // A new block (a feed item) is rescanned alone; new inline content takes the text beside it along, since
      // it may now form a name with it ("Dmitry " + <b>Peskov</b>): its run of inline siblings when it was added
      // straight into a block (a live feed's spans), else the whole block around it.
      if (isBlock(n)) {
        this.#pend(n);
      } else if (intoBlock) {
        if (!inline) {
          this.#inlineAdded.set(target, (inline = new Set()));
          this.#places.add(target);
        }
        inline.add(n);
      } else {
        this.#pend(blockAround(target));
      }
    }
    if (end < added.length) this.#addedAt = end;
    return 1 + end - from;
  }

  /** `node` changed as a whole: a root of the batch, in its parent's place. */
  #pend(node: Node): void {
    this.#pending.add(node);
    this.#places.add(node.parentNode ?? node);
  }

  /**
   * The batch is due: the kept records are read, a slice per task, then the batch goes to every listener; in a task
   * of its own when the reading took more than half a slice (reading, building the batch and the listeners' first
   * work in one task made tasks of 40–60 ms wall in bench:hostile's storm at load 15).
   */
  #flush(): void {
    this.#timer = undefined;
    const started = performance.now();
    if (!this.#collect(SLICE_BUDGET_MS)) {
      this.#timer = setTrackedTimeout(() => this.#flush(), 0);
      return;
    }
    if (performance.now() - started > SLICE_BUDGET_MS / 2) {
      this.#timer = setTrackedTimeout(() => this.#handOut(), 0);
      return;
    }
    this.#handOut();
  }

  /** Builds the batch from what was read and hands it to every listener; records that came meanwhile wait for the next. */
  #handOut(): void {
    this.#timer = undefined;
    if (this.#records.length > 0) this.#timer = setTrackedTimeout(() => this.#flush(), BATCH_DELAY_MS);
    let batch: DomBatch;
    if (this.#overflow) {
      batch = { roots: [], removed: true, full: true };
    } else {
      const roots = outermost([...this.#pending, ...this.#inlineAdded.keys()]);
      // A root that got inline children is described by its parts unless it changed as a whole (it is pending itself).
      const parts = new Map<Node, { runs: InlineRun[]; blocks: Node[] }>();
      for (const root of roots) {
        const added = this.#inlineAdded.get(root);
        if (added && !this.#pending.has(root)) parts.set(root, { runs: inlineRuns(root, added), blocks: [] });
      }
      if (parts.size > 0) {
        // Whatever else changed inside such a root is one of its blocks (a nested root with runs: the whole of it).
        const rootSet = new Set(roots);
        for (const node of [...this.#pending, ...this.#inlineAdded.keys()]) {
          if (rootSet.has(node) || !node.isConnected) continue;
          let up = node.parentNode;
          while (up && !rootSet.has(up)) up = up.parentNode;
          if (up) parts.get(up)?.blocks.push(node);
        }
        for (const p of parts.values()) p.blocks = outermost(p.blocks);
      }
      batch = { roots, removed: this.#removed, full: false, ...(parts.size > 0 ? { parts } : {}) };
    }
    this.#pending = new Set();
    this.#inlineAdded = new Map();
    this.#places = new Set();
    this.#removed = false;
    this.#overflow = false;
    if (!batch.full && batch.roots.length === 0 && !batch.removed) return;
    Object.freeze(batch.roots);
    // One feature's failure must not keep the change from the others.
    for (const listener of [...this.listeners]) {
      try {
        listener(batch);
      } catch (err) {
        console.error('OnRecord: a page change could not be handled:', err);
      }
    }
  }
}

const watchers = new Map<Node, RootWatcher>();

/**
 * Calls `onBatch` with each batch of changes under `root` until `signal` aborts. Every feature on a root
 * shares one MutationObserver and gets the same batches; the observer stops when the last one leaves.
 */
export function watchDom(onBatch: BatchListener, signal: AbortSignal, root: Node = document.documentElement): void {
  if (signal.aborted) return;
  let watcher = watchers.get(root);
  if (!watcher) {
    watcher = new RootWatcher(root);
    watchers.set(root, watcher);
  }
  const w = watcher;
  w.listeners.add(onBatch);
  signal.addEventListener(
    'abort',
    () => {
      w.listeners.delete(onBatch);
      if (w.listeners.size > 0) return;
      w.stop();
      if (watchers.get(root) === w) watchers.delete(root);
    },
    { once: true },
  );
}

/** Changes are collected under some root and not yet handed to the features (part of the content script's idle signal). */
export function domChangesPending(): boolean {
  for (const w of watchers.values()) if (w.busy) return true;
  return false;
}

/** How many roots are watched now (one observer each), for tests. */
export function watchedRootCount(): number {
  return watchers.size;
}

/** Re-anchoring saved selectors reads the whole page's text: on a live blog that changes every few frames, at most this often. */
export const REANCHOR_INTERVAL_MS = 250;

/**
 * Calls `reanchor` after page changes for which `needed(batch)` is true, at
 * most once per REANCHOR_INTERVAL_MS (later batches join the pending call).
 * For layers that re-find saved selectors in the whole page's text.
 */
export function watchForReanchoring(needed: (batch: DomBatch) => boolean, reanchor: () => void, signal: AbortSignal): void {
  let timer: number | undefined;
  let last = -Infinity;
  const run = () => {
    timer = undefined;
    last = performance.now();
    reanchor();
  };
  watchDom((batch) => {
    if (timer !== undefined || !needed(batch)) return;
    timer = setTrackedTimeout(run, Math.max(0, last + REANCHOR_INTERVAL_MS - performance.now()));
  }, signal);
  signal.addEventListener('abort', () => clearTrackedTimeout(timer), { once: true });
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
