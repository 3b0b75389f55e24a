/**
 * The page's whole visible text for the statement finder (issue 12), read in
 * slices so that a long article costs the page no long task: "finding
 * statements on a 500 KB page adds no task over 50 ms". The finder itself
 * runs in the service worker (src/background/statement-finder.ts).
 */
import { BLOCK_SEPARATOR, isOurUi } from '../page-text/element-rules.ts';
import { extractChildrenUpTo, extractText } from '../page-text/extract-text.ts';

/** Characters of page text read in one task: a 500 KB article is read in a few dozen short tasks, not one long one. */
export const SLICE_CHARS = 16_000;
const nextTask = () => new Promise<void>((ok) => setTimeout(ok, 0));

/**
 * The page's visible text as selection-capture's documentText() gives it (the text highlights are anchored in),
 * read in slices of about SLICE_CHARS, one task each: the walk is cut before a block-level child (where the whole
 * walk writes one block separator, so the slices joined by it are the same text), and a child too large for one
 * slice is read through its own children. A page changed between slices gives the text read so far on that branch.
 * Once `signal` aborts (the content script torn down), the walk stops at the next slice and the promise rejects.
 */
export async function documentTextInSlices(root: Element | null = document.body, between: () => Promise<void> = nextTask, signal?: AbortSignal): Promise<string> {
  const texts: string[] = [];
  // Our own UI is skipped by markup (isSkippedByMarkup); only the recursion below asks before entering a child.
  const options = {};
  const walk = async (el: Element): Promise<void> => {
    let from: Node | null = null;
    for (;;) {
      if (from !== null && from.parentNode !== el) return;
      const part = extractChildrenUpTo(el, from, SLICE_CHARS, options);
      if (part === null) {
        // The first child left alone is larger than a slice: its own children, then on after it.
        const child: ChildNode | null = (from as ChildNode | null) ?? el.firstChild;
        if (child === null) return;
        if (child.nodeType === Node.ELEMENT_NODE && !isOurUi(child as Element)) await walk(child as Element);
        else if (child.nodeType === Node.TEXT_NODE) {
          const t = extractText(child, options).text;
          if (t !== '') texts.push(t);
        }
        from = child.nextSibling;
      } else {
        if (part.pageText.text !== '') texts.push(part.pageText.text);
        from = part.next;
      }
      if (from === null) return;
      await between();
      signal?.throwIfAborted();
    }
  };
  if (root) await walk(root);
  return texts.join(BLOCK_SEPARATOR);
}
