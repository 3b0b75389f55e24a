/**
 * Which mention is under the pointer. Highlights are not elements, so the
 * caret position under the pointer is looked up in the mention store, then
 * confirmed against the mention's own boxes (the caret API snaps to the
 * nearest character even when the pointer is past the end of a line).
 */
import type { MentionStore, PageMention } from './mention-store.ts';

/** Slack around a mention's boxes, in CSS pixels, so the underline itself counts. */
const EDGE_SLACK_PX = 2;

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const p = document.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

export function liveRange(m: PageMention): Range {
  const r = document.createRange();
  r.setStart(m.startContainer, m.startOffset);
  r.setEnd(m.endContainer, m.endOffset);
  return r;
}

export function pointIsOver(m: PageMention, x: number, y: number): boolean {
  for (const box of liveRange(m).getClientRects()) {
    if (x >= box.left - EDGE_SLACK_PX && x <= box.right + EDGE_SLACK_PX && y >= box.top - EDGE_SLACK_PX && y <= box.bottom + EDGE_SLACK_PX) {
      return true;
    }
  }
  return false;
}

export function mentionAtPoint(store: MentionStore, x: number, y: number): PageMention | undefined {
  if (store.size === 0) return undefined;
  const caret = caretAt(x, y);
  if (!caret) return undefined;
  // The caret sits between characters: over the right half of a mention's last letter it is already past the end.
  const m = store.at(caret.node, caret.offset) ?? (caret.offset > 0 ? store.at(caret.node, caret.offset - 1) : undefined);
  return m && pointIsOver(m, x, y) ? m : undefined;
}

/** The mention's first box, where the popover anchors. */
export function anchorRect(m: PageMention): DOMRect {
  const r = liveRange(m);
  return r.getClientRects()[0] ?? r.getBoundingClientRect();
}
