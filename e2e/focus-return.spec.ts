/**
 * Keyboard users get their place back (issue 14): after the popover, a claim
 * mark's card or the note window closes — Esc, or the note window's save —
 * focus is again on the page element it was on before it opened. Real keys in
 * real Chromium; each close waits for its UI to be gone before focus is read.
 */
import type { Page } from '@playwright/test';
import { UI_HOST } from '../src/page-text/element-rules.ts';
import { expect, putRows, tableRows, test } from './extension.ts';
import { noteWindowFrom, pressToClose } from './note-window.ts';
import { highlightTexts, popover } from './popover.ts';
import { inShadow } from './shadow.ts';
import { markedTexts } from './marks.ts';

const FIXTURE = '/focus.html';
const CLAIM = 'Kremlin spokesman Dmitry Peskov said Moscow remains ready for negotiations with Kyiv.';

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Tabs through the page from its start until `id` has focus: how a keyboard user gets there. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 10 && (await focusedId(page)) !== id; i++) await page.keyboard.press('Tab');
  expect(await focusedId(page)).toBe(id);
}

/** What has focus inside the claim card's closed shadow root (undefined when no card is shown). */
function cardFocus(page: Page): Promise<string | null | undefined> {
  return inShadow(page, UI_HOST.claimCard, `function () {
    if (!this.querySelector('[role="dialog"]')) return undefined;
    const a = this.activeElement;
    return a ? (a.getAttribute('role') || a.localName) : null;
  }`);
}

test.describe('focus goes back where it was', () => {
  test('the popover: opened from the keyboard on a link, Esc gives the link its focus back', async ({ context }) => {
    const page = await context.newPage();
    await page.goto(FIXTURE);
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
    await tabTo(page, 'before');
    await page.keyboard.press('Alt+Shift+O');
    await expect.poll(async () => (await popover(page))?.focused).toBe('dialog');
    expect(await focusedId(page)).not.toBe('before');
    await page.keyboard.press('Escape');
    await expect.poll(() => popover(page)).toBeUndefined();
    expect(await focusedId(page)).toBe('before');
  });

  test('a claim mark\'s card: opened with Alt+Shift+C, Esc gives focus back', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(FIXTURE);
    const now = Date.now();
    // A check saved on this page earlier (how one is saved is e2e/claims.spec.ts's matter); drawn when the page loads.
    await putRows(serviceWorker, 'checks', [{
      id: 'check-focus-1', claim: CLAIM, pageUrl: page.url(), pageTitle: 'Talks', selectors: { quote: { exact: CLAIM, prefix: '', suffix: '' } },
      verdict: 'consistent', note: 'Seen in the record.', positionIds: [], actorIds: [], topicIds: [], site: 'localhost', createdAt: now, updatedAt: now,
    }]);
    await page.reload();
    await expect.poll(async () => (await markedTexts(page, 'checked')).length).toBe(1);
    await tabTo(page, 'after');
    await page.keyboard.press('Alt+Shift+C');
    await expect.poll(() => cardFocus(page)).toBe('dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardFocus(page)).toBeUndefined();
    expect(await focusedId(page)).toBe('after');
  });

  test('the note window: saved with Ctrl+Enter, or closed with Esc, gives the page its focus back', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(FIXTURE);
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
    // The passage is focused from the keyboard, then selected (a script stands in for caret browsing's Shift+arrows).
    await tabTo(page, 'quote');
    await page.evaluate(() => {
      const text = document.getElementById('quote')!.firstChild as Text;
      const at = text.data.indexOf('the talks on the grain corridor');
      const r = document.createRange();
      r.setStart(text, at);
      r.setEnd(text, at + 'the talks on the grain corridor'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    const note = await noteWindowFrom(context, () => page.keyboard.press('Alt+Shift+H'));
    await note.keyboard.type('Ask when.');
    await pressToClose(note, 'Control+Enter');
    await expect.poll(async () => (await tableRows<{ note: string }>(serviceWorker, 'highlights')).map((h) => h.note)).toEqual(['Ask when.']);
    await expect.poll(() => focusedId(page)).toBe('quote');

    // Alt+Shift+H with nothing selected walks to the saved highlight and opens its note; Esc closes it.
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await page.keyboard.press('Shift+Tab');
    expect(await focusedId(page)).toBe('before');
    const again = await noteWindowFrom(context, () => page.keyboard.press('Alt+Shift+H'));
    await expect(again.locator('textarea')).toHaveValue('Ask when.');
    await pressToClose(again, 'Escape');
    await expect.poll(() => focusedId(page)).toBe('before');
  });
});
