/**
 * Turns the reader's selection into W3C selectors over the page text (the
 * same string re-anchoring searches), and back: page-text offsets from DOM
 * boundaries, by a map for text nodes and a binary search in document order
 * for boundaries that fall between nodes or in skipped text.
 */
import { describeSpan } from '../core/anchoring/describe.ts';
import type { Selectors } from '../core/anchoring/types.ts';
import { withinOurUi } from '../page-text/element-rules.ts';
import { extractText } from '../page-text/extract-text.ts';
import { emptyPageText } from '../page-text/locate.ts';
import type { PageText } from '../page-text/types.ts';

/** The whole page's visible text, our own UI left out (by markup: isSkippedByMarkup). */
export function documentText(doc: Document = document): PageText {
  return doc.body ? extractText(doc.body) : emptyPageText();
}

/** Page-text offsets of DOM boundary points. */
export class OffsetIndex {
  /** Each text node's index in the page text's spans. */
  readonly #byNode = new Map<Text, number>();

  constructor(readonly pageText: PageText) {
    pageText.nodes.forEach((node, i) => this.#byNode.set(node, i));
  }

  /**
   * The offset of the boundary (container, offset). With 'start' a boundary
   * outside any text moves to the next text; with 'end' to the previous.
   */
  offsetOf(container: Node, offset: number, edge: 'start' | 'end'): number {
    const { nodes, starts, ends, text } = this.pageText;
    const i = container.nodeType === Node.TEXT_NODE ? this.#byNode.get(container as Text) : undefined;
    if (i !== undefined) return starts[i]! + Math.min(offset, ends[i]! - starts[i]!);
    const point = document.createRange();
    point.setStart(container, offset);
    // First span whose text starts at or after the boundary.
    let low = 0;
    let high = nodes.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (point.comparePoint(nodes[mid]!, 0) >= 0) high = mid;
      else low = mid + 1;
    }
    if (edge === 'start') return low < nodes.length ? starts[low]! : text.length;
    return low > 0 ? ends[low - 1]! : 0;
  }
}

export interface CapturedSelection {
  readonly selectors: Selectors;
  readonly rect: DOMRect;
}

/** Selections in form fields and editable regions are the page's own input, not something read. */
function inEditable(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return !!el?.closest('input, textarea, [contenteditable]:not([contenteditable="false" i])');
}

/** The current selection as selectors, or null when nothing (or only whitespace, or our own UI) is selected. */
export function captureSelection(selection: Selection | null = document.getSelection()): CapturedSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const common = range.commonAncestorContainer;
  const el = common.nodeType === Node.ELEMENT_NODE ? (common as Element) : common.parentElement;
  if (!el || withinOurUi(el) || inEditable(common)) return null;
  const index = new OffsetIndex(documentText());
  const { text } = index.pageText;
  let start = index.offsetOf(range.startContainer, range.startOffset, 'start');
  let end = index.offsetOf(range.endContainer, range.endOffset, 'end');
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  if (start >= end) return null;
  return { selectors: describeSpan(text, start, end), rect: range.getBoundingClientRect() };
}
