/** Driving the claim-check side panel page in e2e tests. */
import type { Page } from '@playwright/test';
import { expect } from './extension.ts';

/** Keyboard only: tick the first result, choose "Consistent with the record", write `note`, save. */
export async function saveConsistentVerdictByKeyboard(panel: Page, note: string): Promise<void> {
  await panel.locator('#sp-results input[type=checkbox]').first().focus();
  await panel.keyboard.press('Space');
  await panel.getByRole('radio', { name: 'Consistent with the record' }).focus();
  await panel.keyboard.press('Space');
  // The radio group is one tab stop: the next Tab reaches the note.
  await panel.keyboard.press('Tab');
  await expect(panel.locator('#sp-note')).toBeFocused();
  await panel.keyboard.type(note);
  await panel.keyboard.press('Tab');
  await panel.keyboard.press('Enter');
  await expect(panel.locator('.sp-saved')).toContainText('Saved: Consistent with the record');
}
