/**
 * Finds and draws mentions: the page is cut into chunks small enough to
 * extract within one slice, the chunks in view first; each chunk's text goes
 * to the matcher (in the background, ADR 017) and the mentions it answers
 * with become highlight ranges.
 */
import type { EntityType } from '../core/corpus/schema.ts';
import { decodeFound, type FoundMention, type HeldAnswer } from '../shared/page-scan.ts';
import type { PageMatcher, PageScan } from './record-client.ts';
import { SEPARATOR_NONE, separatorForTag } from '../page-text/element-rules.ts';
import { extractChildrenUpTo, extractText, isSkippedNode } from '../page-text/extract-text.ts';
import { nodesOf, toBoundaries } from '../page-text/locate.ts';
import type { PageText } from '../page-text/types.ts';
import { isTextRendered } from '../page-text/visibility.ts';
import type { HighlightRegistry } from './highlight-registry.ts';
import { MentionStore, pageMention, type PageMention } from './mention-store.ts';
import { blockAround, type RootParts } from './dom-watch.ts';
import { SLICE_BUDGET_MS, SliceClock, TimeSlicer, yieldToEventLoop } from './time-slicer.ts';
import { reportBusy } from './activity.ts';
import { ViewportPainter } from './viewport-painter.ts';
import { HEAD_START_CHUNK_CHARS, childHolding, type EarlyMention } from './parser-follower.ts';

/** Drawing one chunk's answer yields after this long in one task (see #draw). */
export const DRAW_BUDGET_MS = SLICE_BUDGET_MS;
/** A chunk's text is extracted and matched in one step; 20k characters take about a millisecond. */
export const MAX_CHUNK_CHARS = 20_000;
/**
 * A chunk also ends at the first block past this many nodes walked: 20,000 characters of short paragraphs are
 * thousands of nodes, each read through a wrapper of the isolated world (a page of 200,000 nodes: steps of 5–24 ms
 * CPU, 80–105 ms wall at load 11, in bench:hostile), where 20,000 characters of prose are a few hundred. At 1,000
 * nodes a step of that page still took 7–8 ms (load 6: about 7 µs a node), so a slice of 8 ms ran one or two of them;
 * at 250 a step is 1–4 ms and the slice clock (SliceClock) can stop close to its budget.
 */
export const MAX_CHUNK_NODES = 250;
/** Chunk size for the head start (before the page's first frame): about a screenful of text (parser-follower.ts). */
export { HEAD_START_CHUNK_CHARS };

/** A unit of work: a subtree, or only the inline content of an element whose block children are chunks of their own. */
interface Chunk {
  root: Node;
  /** Only the parts of `root` not listed here: its children that are chunks of their own. */
  inlineOnly: boolean;
  separate?: ReadonlySet<Node>;
  /**
   * A rescan: drop the mentions already drawn in `root` (with `from`, in its children from `from` up to `until`
   * only) when the step runs (not when queued, so a root queued twice is drawn once).
   */
  replace?: boolean;
  /** Only `root`'s children from this one on (the rest of an element whose text comes in parts)… */
  from?: Node;
  /** …and before this one. */
  until?: Node;
  /**
   * A live feed's run that reached the root's end when the batch was made: it ends after this child, not at the
   * root's end when the step runs (see runUntil).
   */
  last?: Node;
  /** These children were passed over for the ones in view: no need to look for the viewport among them again. */
  viewed?: boolean;
  /**
   * The rest of a text too long to match in one step (one huge text node cannot be cut at a child): the text
   * extracted by the first step, matched from `at` on, a window at a time.
   */
  window?: { pageText: PageText; inParts: boolean; at: number };
  /**
   * Matched again because the page became relevant after this chunk withheld topics (DocumentContext.withheld):
   * only this chunk's own text, nothing split off again, what is drawn kept, the context's tail left as it was.
   */
  late?: boolean;
  /** A held chunk (late): the number the worker keeps its text under (ScanReply.held), and what was sent of it. */
  heldId?: number;
  sent?: Sent;
}

/** What a chunk's step sent to the matcher: its text's map to the page, and which window of it. */
interface Sent {
  pageText: PageText;
  inParts: boolean;
  /** The window scanned, [at, end) of pageText.text (and the overlap after it), or all of it. */
  at: number;
  end: number;
  windowed: boolean;
  /** The characters sent (the answer's offsets are within them). */
  length: number;
}

/** Extraction options of a chunk with no child of its own to leave out. */
const NO_STYLE = { computeStyle: false } as const;

/** Past this many root × queued-chunk checks, a rescan does not look for queued work it supersedes. */
const MAX_COALESCE_CHECKS = 100_000;

/**
 * Text that cannot be cut at a child (one huge text node) is matched this much at a time, a step each: on a 5 MB node
 * with a name every few hundred characters, a 20,000-character window made ~450 mentions (10 ms and more) per step.
 */
export const MATCH_WINDOW_CHARS = 5_000;
/** Characters matched past a window's end, so a name that crosses the cut is found whole (longer than any alias). */
export const WINDOW_OVERLAP_CHARS = 400;
/** How far back from a window's nominal end a cut looks for whitespace, so the next window starts at a word. */
const WINDOW_CUT_SEARCH_CHARS = 2_000;
/**
 * How many chunks that withheld topic words are kept for a second match once the page shows it is about the record.
 * A page's first screens hold its headline and lead, which is what the second match is for; an off-topic live feed
 * that keeps using a topic word must not grow the list (and keep its removed nodes and texts alive) for ever.
 */
const MAX_HELD_CHUNKS = 200;

/** The held list with `chunk` added: full, it first lets go of chunks whose nodes left the page, then of nothing new. */
export function holdChunk<C extends { root: Node }>(held: C[], chunk: C, max = MAX_HELD_CHUNKS): C[] {
  const kept = held.length >= max ? held.filter((c) => c.root.isConnected) : held;
  if (kept.length < max) kept.push(chunk);
  return kept;
}

/** Where a window over `text` that should end near `at` ends: just after whitespace, never inside a surrogate pair. */
export function windowEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  for (let i = at; i > at - WINDOW_CUT_SEARCH_CHARS && i > 0; i--) {
    const c = text.charCodeAt(i - 1);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0) return i;
  }
  const c = text.charCodeAt(at - 1);
  return c >= 0xd800 && c <= 0xdbff ? at - 1 : at;
}

export interface AnnotatorOptions {
  /** Scans chunks in the order they are sent and answers each with its mentions, their types and quietness. */
  matcher: PageMatcher;
  /** Entities whose card has nothing to show are not drawn at all (else drawn quieter). */
  hideQuiet?: boolean;
  registry: HighlightRegistry;
  signal: AbortSignal;
  /** Called after work settles, with the current mention count. */
  onChange?: (count: number) => void;
}

export class Annotator {
  readonly store: MentionStore;
  readonly #slicer: TimeSlicer<Chunk>;
  #enabledTypes: ReadonlySet<EntityType> | null = null;
  readonly #painter: ViewportPainter;
  /** Set while headStart runs: no geometry or style may be read (the page is not laid out yet). */
  #withoutLayout = false;
  /** Mentions drawn before the page's first frame (resume), their visibility not yet asked. */
  #unverified: PageMention[] = [];
  /** Chunks that withheld topics while the page was not yet about the record: matched again once it is. */
  #held: Chunk[] = [];
  /** Set by resume(): the page has been laid out once, so drawing may ask whether text is rendered. */
  #laidOut = false;
  /** Chunks sent to the matcher and not drawn yet. */
  #waiting = 0;
  #whenDrawn: Array<() => void> = [];
  /** Settles when the last draw still going on in slices is done (see #drawInOrder); undefined when none is. */
  #drawTail: Promise<void> | undefined;
  /** Bumped when what is drawn is thrown away: answers to chunks sent before are dropped. */
  #generation = 0;

  constructor(private readonly opts: AnnotatorOptions) {
    this.#painter = new ViewportPainter(opts.registry, opts.signal);
    this.store = new MentionStore((m) => this.#painter.remove(m));
    this.#slicer = new TimeSlicer<Chunk>((chunk, slicer) => {
      this.#step(chunk, (parts) => slicer.push(parts, 'front'));
      if (slicer.pending === 0 && this.#waiting === 0) this.opts.onChange?.(this.store.size);
    }, opts.signal);
    reportBusy(() => this.#slicer.busy || this.#waiting > 0, opts.signal);
  }

  /**
   * Annotates the whole document from scratch (first load, or past the mutation threshold). With `keep`, what is
   * drawn stays (a mention found again is stored once): for the first full pass after adopt().
   */
  scanDocument(keep = false): Promise<void> {
    this.#slicer.clear();
    if (!keep) {
      this.#generation++;
      this.store.clear();
      this.#unverified = [];
    }
    this.opts.matcher.newDocument();
    this.#held = [];
    // In a task of its own: a full rescan comes from a page change (the watcher's task) or a route change.
    if (document.body) this.#slicer.push([{ root: document.body, inlineOnly: false }], 'back', true);
    return this.idle();
  }

  /**
   * Takes over what the `document_start` script drew while the page was parsed (parser-follower.ts): stored like
   * the annotator's own mentions, presumed rendered until resume() asks, and drawn by the painter (they already
   * are: adding a range a highlight holds changes nothing, so nothing flickers). Before headStart(), which keeps them.
   */
  adopt(early: readonly EarlyMention[]): void {
    for (const { mention, group } of early) {
      if (!mention.range.startContainer.isConnected || !this.store.add(mention)) {
        this.opts.registry.delete(mention.type, mention.range, mention.quiet);
        continue;
      }
      this.#unverified.push(mention);
      this.#painter.add(mention, group, true);
    }
  }

  /**
   * First load, before the page's first frame: annotates the start of the document, in document order, for one
   * slice, synchronously, so the first frame the page paints already shows the mentions at its top. Reading what
   * is in view would force the page's first layout inside this task (seconds on a very large page), so nothing
   * here reads geometry or style: the top of the document is presumed in view and its mentions rendered. The rest
   * waits for resume().
   */
  headStart(budgetMs = SLICE_BUDGET_MS): void {
    this.#slicer.hold();
    void this.scanDocument(true);
    this.#withoutLayout = true;
    try {
      this.#slicer.runFor(budgetMs);
    } finally {
      this.#withoutLayout = false;
    }
  }

  /**
   * After the page's first frame: drops what the head start drew in text that turns out not to be rendered, then
   * annotates the rest, what is in view first. Resolves when the page is done.
   */
  resume(): Promise<void> {
    this.#laidOut = true;
    const rendered = renderedOnce();
    for (const m of this.#unverified) if (!rendered(m.startContainer)) this.store.remove(m);
    this.#unverified = [];
    this.#slicer.reorder((chunks) => inViewFirst(chunks, chunkElement));
    this.#slicer.release();
    return this.idle();
  }

  /**
   * Re-annotates changed subtrees (already deduplicated by the caller). What is still queued inside one of them is
   * dropped: the rescan redoes it (a live feed that changes every frame is scanned once per batch, not once per
   * batch it has been part of).
   */
  rescan(roots: readonly Node[], parts?: ReadonlyMap<Node, RootParts>): void {
    // A root that changed only by what was added into it (a live feed) is rescanned in those parts, not whole.
    const whole = parts ? roots.filter((r) => !parts.has(r)) : roots;
    const queued = this.#slicer.pending;
    if (queued > 0 && whole.length > 0 && whole.length * queued <= MAX_COALESCE_CHECKS) {
      this.#slicer.reorder((chunks) => chunks.filter((c) => !whole.some((r) => r === c.root || r.contains(c.root))));
    }
    const chunks: Chunk[] = whole.map((root) => ({ root, inlineOnly: false, replace: true }));
    for (const [root, p] of parts ?? []) {
      for (const block of p.blocks) chunks.push({ root: block, inlineOnly: false, replace: true });
      if (root.nodeType !== Node.ELEMENT_NODE) continue;
      for (const run of p.runs) {
        const end = run.until ? { until: run.until } : root.lastChild ? { last: root.lastChild } : {};
        chunks.push({ root, inlineOnly: false, replace: true, from: run.from, ...end });
      }
    }
    // In a task of its own: the watcher's batch comes at the end of a task that read the page's records.
    this.#slicer.push(chunks, 'front', true);
  }

  /** Drops the mentions of text that left the page. */
  dropDisconnected(): void {
    if (this.store.removeDisconnected() > 0) this.opts.onChange?.(this.store.size);
  }

  /** Resolves when nothing is queued and every chunk sent has been drawn. */
  async idle(): Promise<void> {
    for (;;) {
      await this.#slicer.idle();
      if (this.#waiting === 0) return;
      await new Promise<void>((resolve) => this.#whenDrawn.push(resolve));
    }
  }

  clear(): void {
    this.#generation++;
    this.#slicer.clear();
    this.store.clear();
    this.#held = [];
  }

  #drawn(): void {
    this.#waiting--;
    if (this.#waiting > 0) return;
    const waiting = this.#whenDrawn;
    this.#whenDrawn = [];
    for (const resolve of waiting) resolve();
    if (this.#slicer.pending === 0 && !this.#slicer.busy) this.opts.onChange?.(this.store.size);
  }

  setEnabledTypes(types: ReadonlySet<EntityType> | null): void {
    this.#enabledTypes = types;
  }

  /**
   * The rest of a large element, from its child `next` (before `until`). After the first frame, when that child
   * lies above the viewport (the reader has scrolled on), the children in view further on go first, and the part
   * skipped follows (looked through once: it is marked `viewed`). Below or in the viewport, document order is
   * already view order.
   */
  #rest(chunk: Chunk, root: Element, next: Node): Chunk[] {
    const until = chunk.until;
    const rest: Chunk = { root, inlineOnly: false, from: next, ...(until ? { until } : {}), ...(chunk.viewed ? { viewed: true } : {}) };
    if (this.#withoutLayout || chunk.viewed || next.nodeType !== Node.ELEMENT_NODE || (next as Element).getBoundingClientRect().bottom >= 0) return [rest];
    for (let c = next.nextSibling; c && c !== until; c = c.nextSibling) {
      if (!nearViewport(c)) continue;
      return [{ root, inlineOnly: false, from: c, ...(until ? { until } : {}) }, { ...rest, until: c, viewed: true }];
    }
    return [{ ...rest, viewed: true }];
  }

  /** A rescan's chunk: drops what is drawn in its root, or only in its run of the root's children (a live feed's). */
  #dropDrawn(chunk: Chunk): void {
    const { root } = chunk;
    if (chunk.from && root.nodeType === Node.ELEMENT_NODE) this.store.removeWithinChildren(root, chunk.from, chunk.until ?? null);
    else this.store.removeWithin(root);
  }

  /** Annotates one chunk; a chunk too large for one step is split, and `split` gets the parts (document order). */
  #step(chunk: Chunk, split: (parts: Chunk[]) => void): void {
    const { root } = chunk;
    if (!root.isConnected) return;
    if (chunk.last) {
      const until = runUntil(root, chunk.last);
      if (until) chunk.until = until;
      delete chunk.last;
    }
    const element = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : null;
    let pageText: PageText;
    let inParts: boolean;
    if (chunk.window) {
      ({ pageText, inParts } = chunk.window);
    } else {
      if (chunk.replace && !chunk.late) this.#dropDrawn(chunk);
      // Before the first frame, no computed styles (see headStart): a chunk under a display:none ancestor is caught by
      // the rendered check in resume(). Nor for a rescan: a live feed's new nodes have no style yet, and reading one
      // forced a style pass over everything the page added since its last frame (up to 36 ms in bench:hostile's
      // storm); text that is not rendered is still not drawn (the rendered check on the few nodes that hold mentions).
      // Our own UI carries UI_ATTRIBUTE, which the extraction skips by markup (isSkippedByMarkup): no exclude for it.
      if (isSkippedNode(root, { computeStyle: !this.#withoutLayout && chunk.replace !== true })) return;
      const separate = chunk.separate;
      const exclude = separate ? (el: Element) => separate.has(el) : undefined;
      // No computed styles during extraction (they would force a style pass over the whole chunk); the few
      // text nodes that hold mentions are asked instead, below. An element with more text than one step should
      // handle comes in parts, cut before a block-level child by the same walk that extracts them; one whose first
      // child alone is too large is split into its children.
      const limit = chunk.inlineOnly ? Infinity : this.#withoutLayout ? HEAD_START_CHUNK_CHARS : MAX_CHUNK_CHARS;
      const options = exclude ? { exclude, computeStyle: false } : NO_STYLE;
      const part = element
        ? extractChildrenUpTo(element, chunk.from ?? null, limit, options, chunk.until ?? null, chunk.inlineOnly ? Infinity : MAX_CHUNK_NODES)
        : { pageText: extractText(root, options), next: null };
      if (part === null) {
        if (!chunk.late) split(splitChunk(element!, !this.#withoutLayout, chunk.from, chunk.until));
        return;
      }
      // Its first child, a block of more than MAX_CHUNK_NODES nodes (a page's one wrapper), is read as a chunk of its own.
      if (part.own) {
        if (!chunk.late) split([{ root: part.own, inlineOnly: false }, ...(part.next !== null ? this.#rest(chunk, element!, part.next) : [])]);
        return;
      }
      // It ended inside a large child of the root: the rest of that child goes first, then the rest of the root.
      const inner = part.inner;
      if (!chunk.late && (inner || part.next !== null)) {
        const rest = part.next !== null ? this.#rest(chunk, element!, part.next) : [];
        split(inner ? [{ root: inner.element, inlineOnly: false, from: inner.from }, ...rest] : rest);
      }
      pageText = part.pageText;
      inParts = chunk.from !== undefined || part.next !== null || inner !== undefined;
    }
    if (pageText.nodes.length === 0) return;
    // Text that cannot be cut at a child (a 5 MB text node, or inline content that long) is matched a window of
    // MATCH_WINDOW_CHARS at a time, each window a step of its own, so no task grows long however large one node is.
    const at = chunk.window?.at ?? 0;
    const text = pageText.text;
    let end = text.length;
    if (end - at > MAX_CHUNK_CHARS || (at > 0 && end - at > MATCH_WINDOW_CHARS)) {
      end = windowEnd(text, at + MATCH_WINDOW_CHARS);
      const { replace: _drawnAlready, ...rest } = chunk;
      if (!chunk.late) split([{ ...rest, window: { pageText, inParts, at: end } }]);
    }
    // Past the window's end by the overlap, and only what starts inside the window is kept: the next window has the rest.
    const windowed = at > 0 || end < text.length;
    const scanned = windowed ? text.slice(at, Math.min(text.length, end + WINDOW_OVERLAP_CHARS)) : text;
    const generation = this.#generation;
    const sent: Sent = { pageText, inParts, at, end, windowed, length: scanned.length };
    this.#waiting++;
    this.opts.matcher
      .scan(scanned, chunk.late === true)
      .then((answer) => this.#answered(chunk, sent, answer, generation))
      .catch((err: unknown) => console.error('OnRecord: annotating part of this page failed', err))
      .finally(() => this.#drawn());
  }

  /** Draws a chunk's answer; holds the chunk when it withheld topic words, and answers the held ones once the page is about the record. */
  #answered(chunk: Chunk, sent: Sent, { found, withheld, relevant, held, late }: PageScan, generation: number): Promise<void> | undefined {
    if (generation !== this.#generation || this.opts.signal.aborted) return undefined;
    const { pageText, inParts, at, end, windowed } = sent;
    // Moved to the text's offsets in place (the answer's mentions are this chunk's own), not copied: one object
    // less per mention for the collector (112,000 on a 5 MB text node).
    const inWindow = windowed ? inWindowAt(found, at, end) : found;
    const drawing = this.#drawInOrder(() => this.#draw(chunk, pageText, inParts, inWindow, generation));
    // A chunk read before the page showed it is about the record withheld its topic words: it is matched again
    // (its own text only) as soon as the page does, so a headline's "ceasefire" is drawn too.
    if (withheld && !relevant && !chunk.late) {
      const { replace: _drawnAlready, ...again } = chunk;
      this.#held = holdChunk(this.#held, {
        ...again,
        late: true,
        ...(windowed ? { window: { pageText, inParts, at } } : {}),
        ...(held !== undefined ? { heldId: held, sent } : {}),
      });
    }
    if (relevant && this.#held.length > 0) {
      // The worker kept the held texts and answers them itself (ScanReply.late); one it no longer has (restarted
      // meanwhile) is read and sent again.
      const answers = new Map((late ?? []).map((h) => [h.held, h]));
      const again: Chunk[] = [];
      for (const h of this.#held) {
        const answer = h.heldId !== undefined ? answers.get(h.heldId) : undefined;
        if (answer && h.sent) this.#answerHeld(h, h.sent, answer, generation);
        else again.push(h);
      }
      this.#held = [];
      if (again.length > 0) this.#slicer.push(again, 'front');
    }
    // The chunk counts as waiting (idle(), the activity probe) until its last mention is drawn.
    return drawing;
  }

  /** A held chunk's answer from the worker (ScanReply.late), checked against the text it was for, then drawn. */
  #answerHeld(chunk: Chunk, sent: Sent, answer: HeldAnswer, generation: number): void {
    this.#waiting++;
    Promise.resolve()
      .then(() => this.#answered(chunk, sent, { found: decodeFound(answer, sent.length), withheld: false, relevant: true }, generation))
      .catch((err: unknown) => console.error('OnRecord: annotating part of this page failed', err))
      .finally(() => this.#drawn());
  }

  /**
   * Runs `draw` after the draws still going on in slices, in the order the answers came: a rescan's answer drops what
   * was drawn in its root before it draws, so the rest of an earlier answer's drawing, left for later slices, must not
   * come after it (it would draw what the page has since changed). A draw that waited yields first, so it does not
   * share the task of the last slice before it.
   */
  #drawInOrder(draw: () => Promise<void> | undefined): Promise<void> | undefined {
    const run = this.#drawTail ? this.#drawTail.then(() => yieldToEventLoop()).then(draw) : draw();
    if (run === undefined) return undefined;
    const tail: Promise<void> = run.catch(() => undefined).then(() => {
      if (this.#drawTail === tail) this.#drawTail = undefined;
    });
    this.#drawTail = tail;
    return run;
  }

  /**
   * Draws a chunk's mentions, as the matcher answered them (offsets into `pageText`), for at most one slice's budget
   * per task: the rest goes on after a yield, and the returned promise settles when all are drawn (undefined when
   * one task was enough). One chunk's answer drawn in the answer's task held 18–35 ms of it on bench:page's 5 MB page
   * (session 10), the only tasks over 20 ms of ours there.
   */
  #draw(chunk: Chunk, pageText: PageText, inParts: boolean, found: readonly FoundMention[], generation: number): Promise<void> | undefined {
    const { root } = chunk;
    // It may have waited for the draws before it (#drawInOrder): thrown away meanwhile, it draws nothing.
    if (generation !== this.#generation || this.opts.signal.aborted || !root.isConnected) return undefined;
    // What answers to chunks sent before this rescan drew here in the meantime is stale.
    if (chunk.replace) this.#dropDrawn(chunk);
    const element = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : null;
    // Drawing is windowed per group (viewport-painter.ts). A whole small page (one chunk) is grouped by block,
    // so its far paragraphs wait for a scroll; the chunks of a large page are groups themselves, which keeps the
    // number of observed elements in the hundreds instead of one per paragraph.
    const wholePage = root === document.body || root === document.documentElement;
    const chunkGroup = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : root.parentElement;
    const clock = new SliceClock(DRAW_BUDGET_MS);
    let seen: ((node: Text) => boolean) | undefined;
    /** Draws from `found[from]` until the budget is spent; returns where it stopped (found.length when done). */
    const slice = (from: number): number => {
      clock.restart();
      // Before the first frame, asking whether text is rendered would force a style pass over the whole page: presume
      // it is, and ask in resume(). Asked per slice: resume() may have run since the last one.
      const presume = !this.#laidOut;
      const rendered = presume ? () => true : (seen ??= renderedOnce());
      for (let i = from; i < found.length; i++) {
        if (!clock.fits()) return i;
        const m = found[i]!;
        const type = m.type;
        if (this.#enabledTypes && !this.#enabledTypes.has(type)) continue;
        const quiet = m.quiet;
        if (quiet && this.opts.hideQuiet === true) continue;
        const b = toBoundaries(pageText, m.start, m.end);
        // The page may have changed the text since it was sent: its watcher queues a rescan of it.
        if (!b || !b.startContainer.isConnected || !b.endContainer.isConnected || !rendered(b.startContainer)) continue;
        const mention = pageMention(m.entityId, type, b, quiet, () => nodesOf(pageText, m.start, m.end));
        if (!this.store.add(mention)) continue;
        if (presume) this.#unverified.push(mention);
        // A part of a large element is grouped by the element's child it lies in, as a split element's children are.
        const group = inParts && element ? childHolding(element, b.startContainer) : wholePage ? (blockAround(b.startContainer) as Element) : chunkGroup;
        if (group) this.#painter.add(mention, group, presume);
      }
      return found.length;
    };
    let next = slice(0);
    if (next >= found.length) return undefined;
    return (async () => {
      while (next < found.length) {
        await yieldToEventLoop();
        // Thrown away meanwhile (a rescan, the session's end), or the chunk left the page: its watcher rescans it.
        if (generation !== this.#generation || this.opts.signal.aborted || !root.isConnected) return;
        next = slice(next);
      }
    })();
  }
}

/**
 * Where a run that reached `root`'s end when its batch was made (its last child then: `last`) ends now: before the
 * child after `last`, which the page appended since; undefined when nothing was (or `last` left the root: then to the
 * end, as before). A live feed appends every frame: a run read to the root's end when its step ran read again what
 * the next batches read (in bench:hostile's storm, its removal of drawn mentions walked 118 ms of siblings in 10 s,
 * and their text was extracted and sent to the background twice or more).
 */
export function runUntil(root: Node, last: Node): Node | undefined {
  return last.parentNode === root ? (last.nextSibling ?? undefined) : undefined;
}

/**
 * Splits an element too large for one step: its block-level children, and
 * inline children too large themselves (custom elements of app shells are
 * inline by default), become chunks of their own, those in view first when
 * `viewFirst` (else in document order). The remaining inline content stays
 * together in one chunk, so `Dmitry <b>Peskov</b>` is never cut.
 */
function splitChunk(el: Element, viewFirst: boolean, from?: Node, until?: Node): Chunk[] {
  const separate = new Set<Element>();
  let hasRest = false;
  for (let child = from ?? el.firstChild; child && child !== until; child = child.nextSibling) {
    if (child.nodeType === Node.ELEMENT_NODE) {
      const childEl = child as Element;
      const own = separatorForTag(childEl.localName) !== SEPARATOR_NONE || textLongerThan(childEl, MAX_CHUNK_CHARS);
      if (own) separate.add(childEl);
      else hasRest = true;
    } else if (child.nodeType === Node.TEXT_NODE && /\S/.test((child as Text).data)) {
      hasRest = true;
    }
  }
  const roots = viewFirst ? inViewFirst([...separate], (e) => e) : [...separate];
  const chunks: Chunk[] = roots.map((root) => ({ root, inlineOnly: false }));
  if (hasRest) chunks.push({ root: el, inlineOnly: true, separate, ...(from ? { from } : {}), ...(until ? { until } : {}) });
  return chunks;
}

/**
 * Whether the text under `root` exceeds `limit` characters, counted without
 * building the string (textContent on a 5 MB body allocates 5 MB) and
 * stopping as soon as the answer is known.
 */
export function textLongerThan(root: Node, limit: number): boolean {
  let total = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      total += (node as Text).length;
      if (total > limit) return true;
    }
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return false;
}

/** The mentions of a window scanned from `at` that start before `end`, their offsets moved by `at` (in place). */
export function inWindowAt(found: FoundMention[], at: number, end: number): FoundMention[] {
  let kept = 0;
  for (const m of found) {
    if (at + m.start >= end) continue;
    m.start += at;
    m.end += at;
    found[kept++] = m;
  }
  found.length = kept;
  return found;
}

/** Whether a text node is rendered, asking the browser once per parent element. */
function renderedOnce(): (node: Text) => boolean {
  const seen = new Map<Element | null, boolean>();
  return (node) => {
    const parent = node.parentElement;
    let yes = seen.get(parent);
    if (yes === undefined) seen.set(parent, (yes = isTextRendered(node)));
    return yes;
  };
}

const chunkElement = (c: Chunk): Element | null => (c.root.nodeType === Node.ELEMENT_NODE ? (c.root as Element) : c.root.parentElement);

/** Geometry is read only after the page's first frame (see index.ts), so this forces no layout of its own. */
function nearViewport(node: Node | null): boolean {
  if (node === null || node.nodeType !== Node.ELEMENT_NODE) return false;
  const r = (node as Element).getBoundingClientRect();
  return r.bottom >= 0 && r.top <= window.innerHeight;
}

function inViewFirst<T>(items: readonly T[], elementOf: (item: T) => Element | null): T[] {
  const near: T[] = [];
  const far: T[] = [];
  for (const item of items) (nearViewport(elementOf(item)) ? near : far).push(item);
  return near.concat(far);
}
