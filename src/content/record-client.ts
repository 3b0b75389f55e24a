/** The page's matcher: its text scanned by the background (ADR 017), without a schema library (ADR 018). */
import { MAX_SCAN_BATCH_CHARS, MAX_SCAN_PARTS, decodeFound, type FoundMention, type HeldAnswer, type ScanAnswer, type ScanReply, type WireContext } from '../shared/page-scan.ts';
import type { CsBgScan } from '../shared/messages.ts';
import { SliceClock, yieldToEventLoop } from './time-slicer.ts';
import { ask } from './ask.ts';
import { readScanReply } from './guards.ts';

/**
 * The page's matcher (ADR 017): each chunk's text is scanned by the background, which keeps the document's
 * context between chunks. The answers come in the order the chunks were asked for.
 */
export interface PageMatcher {
  /** A new document (a full rescan): names seen so far no longer confirm ambiguous ones. */
  newDocument(): void;
  /**
   * The mentions of the document's next chunk; `withheld`: topic words were held back because the page was not yet
   * about the record, `relevant`: it now is. `late`: a chunk scanned again for what it withheld (the document's
   * reading position stays where it was).
   */
  scan(text: string, late?: boolean): Promise<PageScan>;
}

export interface PageScan {
  found: FoundMention[];
  withheld: boolean;
  relevant: boolean;
  /** With `withheld`: the number the worker keeps this text under, to answer it again itself (ScanReply.held). */
  held?: number;
  /** The texts held before, answered again now that the page is about the record (ScanReply.late; not read yet). */
  late?: readonly HeldAnswer[];
}

function documentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let id = '';
  for (const b of bytes) id += b.toString(16).padStart(2, '0');
  return id;
}

/** Sends one scan request and returns its answer (the background, or a stand-in in tests). */
export type SendScan = (request: CsBgScan) => Promise<ScanAnswer>;

interface QueuedScan {
  doc: string;
  text: string;
  late: boolean;
  resolve(scan: PageScan): void;
  reject(err: unknown): void;
}

/**
 * The characters the tab puts in one request: half of what the background accepts (MAX_SCAN_BATCH_CHARS). Each
 * request is serialised on the page's thread in a task of its own, about as long as its characters; a 5 MB page's
 * largest such task was 89 ms of `sendMessage` (wall, load 12) with 56 ms of collection after it (bench:page,
 * session 8), against the target of 20 ms of extension work in any task.
 */
export const SEND_BATCH_CHARS = MAX_SCAN_BATCH_CHARS / 2;

/** The queued scans cut into requests within the message's limits, in order. */
export function groupScans<T extends { text: string }>(queue: readonly T[], maxParts = MAX_SCAN_PARTS, maxChars = SEND_BATCH_CHARS): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  let chars = 0;
  for (const item of queue) {
    if (group.length > 0 && (group.length >= maxParts || chars + item.text.length > maxChars)) {
      groups.push(group);
      group = [];
      chars = 0;
    }
    group.push(item);
    chars += item.text.length;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * The background's matcher for this page. The chunks asked for within one task (one slice of the annotator's work)
 * go in one message, sent when the task ends (issue 14: a live feed appending a thousand nodes a frame made
 * hundreds of messages a second, half the extension's time on the page); more than a message holds go in several,
 * one per task (a slice's 430,000 characters in one task cost 71 ms of serialising at load 10). Each answer is handed out in order, the
 * next one only after the previous one's drawing ran, and past a slice's budget after a yield to the page.
 */
export function backgroundMatcher(send: SendScan = (request) => ask(request, readScanReply)): PageMatcher {
  let doc = documentId();
  /** The document's context as the worker's last answer left it, sent back with each request (WireContext). */
  let carried: { doc: string; ctx: WireContext } | undefined;
  let queue: QueuedScan[] = [];
  /** Requests not sent yet, in order: one is sent per task (serialising one costs about as much as its characters). */
  const outbox: QueuedScan[][] = [];
  let pumping = false;
  const pump = async () => {
    pumping = true;
    try {
      while (outbox.length > 0) {
        deliver(outbox.shift()!);
        if (outbox.length > 0) await yieldToEventLoop();
      }
    } finally {
      pumping = false;
    }
  };
  const flush = () => {
    const batch = queue;
    queue = [];
    // Scans queued for an earlier document were flushed by newDocument(): one document per request.
    outbox.push(...groupScans(batch));
    if (!pumping) void pump();
  };
  /**
   * Requests are sent as they leave the outbox, but their answers are handed out one request at a time, in the order
   * asked, whatever order they arrive in: the annotator replaces and drops drawn chunks in that order.
   */
  let handOut: Promise<void> = Promise.resolve();
  const deliver = (group: QueuedScan[]) => {
    const parts = group.map((q) => ({ text: q.text, ...(q.late ? { late: true } : {}) }));
    const of = group[0]!.doc;
    const ctx = carried?.doc === of ? { ctx: carried.ctx } : {};
    const answer = new Promise<ScanAnswer>((resolve) => resolve(send({ type: 'cs-bg-scan', doc: of, parts, ...ctx }))).then(({ replies, ctx }) => {
      if (replies.length !== group.length) throw new Error('cs-bg-scan: the answer from OnRecord\'s background did not read (not one answer per part)');
      if (ctx && of === doc) carried = { doc: of, ctx };
      return replies;
    });
    answer.catch(() => undefined); // its failure is handed out in its turn, below
    // distribute() settles every part itself; the catch only keeps the chain going for the requests after it.
    handOut = handOut.then(() => distribute(group, answer)).catch(() => undefined);
  };
  const distribute = async (group: QueuedScan[], answer: Promise<ScanReply[]>) => {
    let replies: ScanReply[];
    try {
      replies = await answer;
    } catch (err) {
      for (const q of group) q.reject(err);
      return;
    }
    const clock = new SliceClock();
    for (let i = 0; i < group.length; i++) {
      if (!clock.fits()) {
        await yieldToEventLoop();
        clock.restart();
        clock.fits();
      }
      const q = group[i]!;
      const reply = replies[i]!;
      try {
        q.resolve({
          found: decodeFound(reply, q.text.length),
          withheld: reply.withheld === true,
          relevant: reply.relevant === true,
          ...(reply.held !== undefined ? { held: reply.held } : {}),
          ...(reply.late !== undefined ? { late: reply.late } : {}),
        });
      } catch (err) {
        q.reject(err);
      }
      // The caller's continuation (drawing this part) runs before the next part is handed out.
      await null;
    }
  };
  return {
    newDocument: () => {
      if (queue.length > 0) flush();
      doc = documentId();
    },
    scan: (text, late = false) =>
      new Promise<PageScan>((resolve, reject) => {
        if (queue.length === 0) queueMicrotask(flush);
        queue.push({ doc, text, late, resolve, reject });
      }),
  };
}
