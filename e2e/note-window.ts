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
