/**
 * Test access to the private marks layer (src/content/private-marks.ts): saved highlights and checked claims are
 * boxes in a CLOSED shadow root that page scripts cannot read. Tests read the boxes through the DevTools protocol
 * (e2e/shadow.ts) and ask the page which text lies under them.
 */
import { expect, type Page } from '@playwright/test';
import { UI_HOST } from '../src/page-text/element-rules.ts';
import { inShadow } from './shadow.ts';

export const MARKS_HOST = UI_HOST.marks;

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Waits until OnRecord's selection session runs on the page: its marks layer is put on the page when it starts. */
export async function marksReady(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate((name) => document.querySelector(`[data-onrecord-ui="${name}"]`) !== null, MARKS_HOST)).toBe(true);
}

/** The drawn boxes of each mark of `kind` (`saved-yellow`, `checked`, …), in drawing order. */
export async function markBoxes(page: Page, kind: string): Promise<Box[][]> {
  const groups = await inShadow<Box[][]>(
    page,
    MARKS_HOST,
    `function () {
      return [...this.querySelectorAll('.or-mark-group.' + ${JSON.stringify(kind)})].map((g) =>
        [...g.children].map((b) => { const r = b.getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width, height: r.height }; }));
    }`,
  );
  return groups ?? [];
}

/** The page text under each mark of `kind`: from the first box's first character to the last box's last. */
export async function markedTexts(page: Page, kind: string): Promise<string[]> {
  const groups = await markBoxes(page, kind);
  return page.evaluate((all) => all.map((boxes) => {
    const first = boxes[0]!;
    const last = boxes[boxes.length - 1]!;
    const from = document.caretRangeFromPoint(first.left + 1, first.top + first.height / 2);
    const to = document.caretRangeFromPoint(last.left + last.width - 1, last.top + last.height / 2);
    if (!from || !to) return '';
    const r = document.createRange();
    r.setStart(from.startContainer, from.startOffset);
    r.setEnd(to.startContainer, to.startOffset);
    return r.toString();
  }), groups);
}
