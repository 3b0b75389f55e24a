/**
 * Candidates with no date found (audit 10 A2: `onrecord extract` marks them `unknown: true`), in real Chromium
 * with the built extension: the review queue says "Date unknown" (not the day the article was read); accepting
 * one opens its edit form with no date and asks for the day it was said; saved with that day, it is in your
 * record with it; accepting all of a speaker leaves the undated ones to decide and says so.
 *
 * The fixture is the command line's own output: `onrecord extract --out e2e/fixtures/candidates-undated.json
 * undated-talks.txt` on a three-paragraph text with no date anywhere (its text is carried in the file).
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './extension.ts';

const UNDATED = { name: 'candidates-undated.json', mimeType: 'application/json', buffer: readFileSync('e2e/fixtures/candidates-undated.json') };
const FIRST = 'src-undated-talks-096a55-1';
const SECOND = 'src-undated-talks-096a55-2';

type Mine = { positions: { actor: string; stance: string; date: { from: string; unknown?: boolean }; source: string }[]; sources: { id: string; published: { from: string; unknown?: boolean } }[] };
const myRecord = (page: Page): Promise<Mine> => page.evaluate(async () => (await chrome.runtime.sendMessage({ type: 'page-bg-my-record' })) as Mine);

test('undated candidates: "Date unknown", accepted only with the day the reviewer gives, left out of a bulk acceptance', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/pages/review/index.html`);
  await page.getByLabel('Import a candidates file').setInputFiles(UNDATED);
  await expect(page.getByRole('status')).toContainText('3 candidates loaded from candidates-undated.json');
  const first = page.locator(`[data-candidate="${FIRST}"]`);
  await expect(first).toBeFocused();
  // Every candidate says its date is unknown; none shows the day it was read as a date.
  await expect(page.locator('.rv-item .rv-undated')).toHaveText(['Date unknown', 'Date unknown', 'Date unknown']);
  await expect(page.locator('.rv-item time')).toHaveCount(0);

  // A on an undated candidate opens its form, with no date, and says why; nothing is accepted yet.
  await page.keyboard.press('a');
  const form = first.locator('form');
  await expect(page.getByRole('status')).toHaveText('No date was found for this statement: give the day it was said, then save.');
  await expect(form.getByLabel('Date said')).toHaveValue('');
  await expect(first).toHaveClass(/rv-pending/);
  // Saving without a date is refused by the form: the date field is required and empty, so the form is not sent.
  expect(await form.getByLabel('Date said').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
  await form.getByRole('button', { name: 'Save to my record' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('Date said')).toBeFocused();
  await expect(first).toHaveClass(/rv-pending/);
  await form.getByLabel('Date said').fill('2023-01-16');
  await form.getByRole('button', { name: 'Save to my record' }).focus();
  await page.keyboard.press('Enter');
  await expect(first).toHaveClass(/rv-accepted/);
  await expect(page.getByText('1 of 3 reviewed, 1 accepted')).toBeVisible();
  // The accepted row shows the day given, not "Date unknown" (review 11B RB1).
  await expect(first.locator('time')).toHaveAttribute('datetime', '2023-01-16');
  await expect(page.locator('.rv-item .rv-undated')).toHaveCount(2);

  // Shift+A on Peskov's other (undated) candidate accepts nothing and says what to do.
  await page.locator(`[data-candidate="${SECOND}"]`).focus();
  await page.keyboard.press('Shift+A');
  await expect(page.getByRole('status')).toHaveText('Candidates without a date were left to decide: give each its date with E.');
  await expect(page.locator(`[data-candidate="${SECOND}"]`)).toHaveClass(/rv-pending/);

  // In your record: the day given, for the statement and for the article it came from; no "unknown" mark.
  const mine = await myRecord(page);
  expect(mine.positions.map((p) => [p.actor, p.date.from, p.date.unknown])).toEqual([['dmitry-peskov', '2023-01-16', undefined]]);
  const source = mine.sources.find((s) => s.id === mine.positions[0]?.source);
  expect(source?.published.from).toBe('2023-01-16');
  expect(source?.published.unknown).toBeUndefined();
});
