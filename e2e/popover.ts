/**
 * Test access to the popover. It lives in a CLOSED shadow root, which page
 * scripts (and Playwright's selectors) cannot enter; the DevTools protocol
 * can, with `pierce: true`. Tests use that privileged door, never the page's.
 */
import type { Page } from '@playwright/test';
import { UI_HOST } from '../src/page-text/element-rules.ts';
import { inShadow } from './shadow.ts';

/** Runs `fn` with `this` bound to the popover's shadow root; undefined when no popover is mounted. */
export function inPopover<R>(page: Page, fn: string): Promise<R | undefined> {
  return inShadow<R>(page, UI_HOST.popover, fn);
}

export interface PopoverSnapshot {
  text: string;
  /** The role (or tag) of the focused element inside the popover, if focus is there. */
  focused: string | null;
  rect: { x: number; y: number; width: number; height: number } | null;
}

export async function popover(page: Page): Promise<PopoverSnapshot | undefined> {
  return inPopover<PopoverSnapshot>(
    page,
    `function () {
      const dialog = this.querySelector('[role="dialog"]');
      if (!dialog) return undefined;
      const r = dialog.getBoundingClientRect();
      const a = this.activeElement;
      return {
        text: dialog.innerText,
        focused: a ? (a.getAttribute('role') || a.localName) : null,
        rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      };
    }`,
  );
}

/** The centre of the first element inside the popover matching `selector` whose text includes `text`. */
export async function popoverTarget(page: Page, selector: string, text: string): Promise<{ x: number; y: number } | undefined> {
  return inPopover(
    page,
    `async function () {
      const el = [...this.querySelectorAll(${JSON.stringify(selector)})].find((e) => e.textContent.includes(${JSON.stringify(text)}));
      if (!el) return undefined;
      el.scrollIntoView({ block: 'nearest', behavior: 'instant' });
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }`,
  );
}

/** Texts of the ranges in a named CSS highlight, as the page sees them. */
export async function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    if (!h) return [];
    return [...h].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  }, name);
}

/** The centre of the first box of the first occurrence of `text` inside `selector`. */
export async function textCenter(page: Page, selector: string, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([sel, t]) => {
      const root = document.querySelector(sel!);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const full: { node: Text; start: number }[] = [];
      let acc = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        full.push({ node: n as Text, start: acc.length });
        acc += (n as Text).data;
      }
      const at = acc.indexOf(t!);
      if (at < 0) return null;
      const locate = (offset: number) => {
        const seg = [...full].reverse().find((s) => s.start <= offset)!;
        return { node: seg.node, offset: offset - seg.start };
      };
      const s = locate(at);
      const e = locate(at + t!.length);
      const range = document.createRange();
      range.setStart(s.node, s.offset);
      range.setEnd(e.node, e.offset);
      const box = range.getClientRects()[0]!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    },
    [selector, text],
  );
  if (!point) throw new Error(`"${text}" not found in ${selector}`);
  return point;
}
