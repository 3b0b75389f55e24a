/**
 * The note editor is an extension window (src/pages/note), opened by the
 * background beside the highlight; these helpers catch it as Playwright sees
 * it: a new page of the same browser context.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './extension.ts';

export const NOTE_PAGE = '/src/pages/note/index.html';

/** Runs `action` and returns the note window it opened, once its note field has focus. */
export async function noteWindowFrom(context: BrowserContext, action: () => Promise<unknown>): Promise<Page> {
  const opened = context.waitForEvent('page', { timeout: 15_000 });
  await action();
  const win = await opened;
  await win.waitForURL((u) => u.pathname === NOTE_PAGE);
  await expect(win.locator('textarea')).toBeFocused();
  return win;
}

/** Waits until the note window has closed itself. */
export async function closed(win: Page): Promise<void> {
  if (!win.isClosed()) await win.waitForEvent('close', { timeout: 15_000 });
}

/**
 * Presses `keys` that close the note window (Esc, Ctrl+Enter) and waits for it to close. The window may go
 * away between the key's down and up events, which Playwright reports as a closed target: that is the
 * expected outcome, not an error.
 */
export async function pressToClose(win: Page, keys: string): Promise<void> {
  await win.keyboard.press(keys).catch((err: unknown) => {
    if (!win.isClosed() && !/closed/i.test(String(err))) throw err;
  });
  await closed(win);
}

/** Clicks a button that closes the note window, and waits for it to close. */
export async function clickToClose(win: Page, button: ReturnType<Page['getByRole']>): Promise<void> {
  await button.click({ noWaitAfter: true }).catch((err: unknown) => {
    if (!win.isClosed() && !/closed/i.test(String(err))) throw err;
  });
  await closed(win);
}
