/**
 * Whether a batch of page changes can matter to marks that are found again in the whole page's text (saved
 * highlights, checked claims). Anchoring reads the whole page; on a live feed that changes every frame, a mark that
 * could not be placed (an orphan) made it run four times a second for as long as the page lived (issue 14). Now a
 * change matters only when it touched text a placed mark lies in, or when the text it brought could hold the quote
 * of one that is not placed: what changed is read, not the page.
 */
import { MAX_ERROR_RATE, MAX_FUZZY_QUOTE, significantLength } from '../core/anchoring/anchor.ts';
import { approxSearch } from '../core/anchoring/approx-search.ts';
import { extractChildrenUpTo, extractText } from '../page-text/extract-text.ts';
import { textLongerThan } from './annotator.ts';
import type { DomBatch } from './dom-watch.ts';

/** Past this much changed text, it is not searched: the marks are anchored again (as for every change before). */
export const MAX_CHANGED_CHARS = 100_000;
/** Characters of a quote's start and end looked for as they are: a quote that the change completes shows one of them. */
const PROBE_CHARS = 24;
/** The approximate search's work per batch (changed characters × quote words of 32 characters): past it, anchor. */
const MAX_FUZZY_WORK = 4_000_000;

/** Our own UI is skipped by markup (isSkippedByMarkup). */
const options = { computeStyle: false } as const;

/**
 * What the batch changed: each root, or for a root that only got new content (a live feed), its new blocks and the
 * children of its runs (a placed mark elsewhere in the feed is not touched by what was appended to it).
 */
function* changedNodes(batch: DomBatch): Generator<Node> {
  for (const root of batch.roots) {
    const parts = batch.parts?.get(root);
    if (!parts) {
      yield root;
      continue;
    }
    yield* parts.blocks;
    for (const run of parts.runs) for (let c: Node | null = run.from; c && c !== run.until; c = c.nextSibling) yield c;
  }
}

/** Whether the change took away, or changed, text one of these nodes holds (a placed mark's text nodes). */
export function touchesNodes(batch: DomBatch, nodes: readonly Node[]): boolean {
  for (const node of nodes) if (!node.isConnected) return true;
  for (const changed of changedNodes(batch)) for (const node of nodes) if (changed === node || changed.contains(node)) return true;
  return false;
}

/** Whether the change took away, or changed, text within `range` (a placed mark's), wherever it starts and ends. */
export function touchesRange(batch: DomBatch, range: AbstractRange): boolean {
  if (!range.startContainer.isConnected || !range.endContainer.isConnected) return true;
  const live = document.createRange();
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
  } catch {
    return true; // its text changed under it
  }
  for (const changed of changedNodes(batch)) if (live.intersectsNode(changed)) return true;
  return false;
}

/**
 * The text the batch brought or changed, as anchoring reads it (its parts only, for a root that only got new
 * content), or null past MAX_CHANGED_CHARS.
 */
export function changedText(batch: DomBatch): string | null {
  const texts: string[] = [];
  let total = 0;
  const take = (text: string): boolean => {
    total += text.length;
    texts.push(text);
    return total <= MAX_CHANGED_CHARS;
  };
  for (const root of batch.roots) {
    const parts = batch.parts?.get(root);
    const whole = parts ? parts.blocks : [root];
    for (const node of whole) {
      if (textLongerThan(node, MAX_CHANGED_CHARS - total) || !take(extractText(node, options).text)) return null;
    }
    if (!parts || root.nodeType !== Node.ELEMENT_NODE) continue;
    for (const run of parts.runs) {
      const part = extractChildrenUpTo(root as Element, run.from, MAX_CHANGED_CHARS - total, options, run.until);
      if (part === null || part.next !== null || !take(part.pageText.text)) return null;
    }
  }
  return texts.join('\n');
}

/**
 * Whether `text` (what changed) could let one of these quotes be placed: it holds the quote's start or end as
 * they are (a quote the change completes, or brings whole), or the quote within anchoring's tolerance of edits
 * (core/anchoring/anchor.ts: the same search, on the changed text only). When the search would cost too much, yes.
 */
export function mayHoldQuote(text: string, quotes: readonly string[]): boolean {
  let work = 0;
  for (const quote of quotes) {
    if (quote.length === 0) continue;
    const probe = Math.min(PROBE_CHARS, quote.length);
    if (text.includes(quote.slice(0, probe)) || text.includes(quote.slice(quote.length - probe))) return true;
    // A long quote is searched by its head, as anchoring does (its head and tail must both be found there).
    const pattern = quote.length <= MAX_FUZZY_QUOTE ? quote : quote.slice(0, MAX_FUZZY_QUOTE / 2);
    work += text.length * Math.ceil(pattern.length / 32);
    if (work > MAX_FUZZY_WORK) return true;
    if (approxSearch(text, pattern, Math.floor(significantLength(pattern) * MAX_ERROR_RATE), 1).length > 0) return true;
  }
  return false;
}

/** Whether a batch can place a mark whose quote is one of these: what it changed, searched (see mayHoldQuote). */
export function mayPlace(batch: DomBatch, quotes: readonly string[]): boolean {
  if (quotes.length === 0) return false;
  if (batch.full) return true;
  const text = changedText(batch);
  return text === null || mayHoldQuote(text, quotes);
}
