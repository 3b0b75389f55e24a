/**
 * The ambiguity rule (docs/matching.md): an alias marked `ambiguous` counts
 * only when (a) an unambiguous alias of the same entity was matched earlier
 * in the document, or (b) one of the entity's context words starts a word
 * within CONTEXT_WINDOW_CHARS before or after it.
 */
import { CLASS, WORD } from '../text/fold-table.ts';
import { foldString } from '../text/fold.ts';

/**
 * Characters searched on each side of an ambiguous alias for context words:
 * about 15 English words, i.e. the same sentence or the next one. Wider
 * windows confirmed "Istanbul" from unrelated paragraphs in travel stories.
 */
export const CONTEXT_WINDOW_CHARS = 100;

/** What one document has shown so far; pass the same object for every chunk of a page. */
export interface DocumentContext {
  /** Entity ids matched by an unambiguous alias so far. */
  readonly seen: Set<string>;
  /** The last CONTEXT_WINDOW_CHARS of the previous chunk, for context words across chunks. */
  tail: string;
}

export function createDocumentContext(): DocumentContext {
  return { seen: new Set(), tail: '' };
}

/** Remember the end of a scanned chunk for the next one. */
export function rememberTail(ctx: DocumentContext, text: string): void {
  const joined = text.length >= CONTEXT_WINDOW_CHARS ? text : ctx.tail + ' ' + text;
  ctx.tail = joined.slice(-CONTEXT_WINDOW_CHARS);
}

/** Whether a folded context word starts a word in the folded `window`. */
function startsWordIn(window: string, word: string): boolean {
  for (let at = window.indexOf(word); at >= 0; at = window.indexOf(word, at + 1)) {
    if (at === 0 || CLASS[window.charCodeAt(at - 1)] !== WORD) return true;
  }
  return false;
}

/** Rule (b): a context word near text[start..end). */
export function hasContextWord(words: readonly string[], text: string, start: number, end: number, tail: string): boolean {
  if (words.length === 0) return false;
  const fromText = text.slice(Math.max(0, start - CONTEXT_WINDOW_CHARS), start);
  const before = start < CONTEXT_WINDOW_CHARS ? tail.slice(-(CONTEXT_WINDOW_CHARS - start)) + ' ' + fromText : fromText;
  const window = foldString(before) + ' | ' + foldString(text.slice(end, end + CONTEXT_WINDOW_CHARS));
  return words.some((w) => startsWordIn(window, w));
}
