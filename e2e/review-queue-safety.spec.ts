/**
 * The review queue never loses or doubles work (audit 10: A11, A12, A23), in real Chromium with the built
 * extension: importing the same file again keeps its decisions and records nothing twice; closing a queue
 * with undecided candidates asks in a dialog (Escape keeps it) and a closed queue can be opened again; accepted
 * candidates can go to a new named corpus instead of the user layer.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './extension.ts';

const CANDIDATES = { name: 'candidates.json', mimeType: 'application/json', buffer: readFileSync('e2e/fixtures/candidates.json') };

const myRecord = (page: Page): Promise<string[]> =>
  page.evaluate(async () => ((await chrome.runtime.sendMessage({ type: 'page-bg-my-record' })) as { positions: { stance: string }[] }).positions.map((p) => p.stance));

async function openQueue(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/src/pages/review/index.html`);
  await expect(page.getByRole('heading', { name: 'No candidates to review' })).toBeVisible();
  await page.getByLabel('Import a candidates file').setInputFiles(CANDIDATES);
  await expect(page.locator('[data-candidate="cand-1"]')).toBeFocused();
}

test('importing the same file again keeps its decisions; nothing is recorded twice', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openQueue(page, extensionId);
  await page.keyboard.press('a');
  await expect(page.locator('[data-candidate="cand-1"]')).toHaveClass(/rv-accepted/);
  await page.keyboard.press('r');
  await expect(page.locator('[data-candidate="cand-2"]')).toHaveClass(/rv-rejected/);
  // Same file again: nothing would be put away, so no question; the decisions are still there.
  await page.getByLabel(/Import another/).setInputFiles(CANDIDATES);
  await expect(page.getByRole('status')).toContainText('loaded');
  await expect(page.locator('[data-candidate="cand-1"]')).toHaveClass(/rv-accepted/);
  await expect(page.locator('[data-candidate="cand-2"]')).toHaveClass(/rv-rejected/);
  await expect(page.getByRole('button', { name: 'Open it again' })).toHaveCount(0);
  await page.locator('[data-candidate="cand-1"]').focus();
  await page.keyboard.press('a');
  await expect(page.getByText('2 of 4 reviewed, 1 accepted')).toBeVisible();
  expect((await myRecord(page)).filter((s) => s.startsWith('Peskov blames'))).toHaveLength(1);
});

test('closing a queue with undecided candidates asks first (Escape keeps it); a closed queue opens again with its decisions', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openQueue(page, extensionId);
  await page.keyboard.press('r');
  await expect(page.locator('[data-candidate="cand-1"]')).toHaveClass(/rv-rejected/);
  const close = page.getByRole('button', { name: 'Close this queue' });
  await close.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Close this queue?' });
  await expect(dialog).toContainText('3 candidates of candidates.json are not decided yet');
  // The safe answer has focus; Escape keeps the queue and gives focus back.
  await expect(dialog.getByRole('button', { name: 'Keep reviewing' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(close).toBeFocused();
  await expect(page.getByText('1 of 4 reviewed, 0 accepted')).toBeVisible();
  // Asked again, and closed from the keyboard.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close the queue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'No candidates to review' })).toBeVisible();
  const reopen = page.getByRole('button', { name: 'Open it again' });
  await expect(reopen).toBeFocused();
  await expect(page.getByText('The queue of candidates.json was put away with 3 candidates still to decide.')).toBeVisible();
  // Still there after a reload; opened again, the decision made is back.
  await page.reload();
  await page.getByRole('button', { name: 'Open it again' }).click();
  await expect(page.locator('[data-candidate="cand-1"]')).toHaveClass(/rv-rejected/);
  await expect(page.getByText('1 of 4 reviewed, 0 accepted')).toBeVisible();
});

test('accepted candidates can join a new named corpus instead of your own additions', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openQueue(page, extensionId);
  const target = page.getByLabel('Add accepted to');
  await expect(target).toHaveValue('layer');
  await target.selectOption({ label: 'A new corpus…' });
  await page.getByLabel('Name of the new corpus').fill('Wire review');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Accepted candidates now go to the corpus “Wire review”.');
  await page.locator('[data-candidate="cand-1"]').focus();
  await page.keyboard.press('Shift+A');
  await expect(page.locator('[data-candidate="cand-3"]')).toHaveClass(/rv-accepted/);
  expect(await myRecord(page)).toEqual([]);
  const corpora = () =>
    page.evaluate(async () => ((await chrome.runtime.sendMessage({ type: 'page-bg-list-corpora' })) as { corpora: { id: string; title: string; counts: { positions: number } }[] }).corpora.map((c) => [c.title, c.counts.positions]));
  expect(await corpora()).toContainEqual(['Wire review', 2]);
  // The choice is kept with the queue (a reload shows it); undo takes both out of the corpus.
  await page.reload();
  await expect(page.getByLabel('Add accepted to')).toHaveValue('corpus:review-wire-review');
  await page.locator('[data-candidate="cand-2"]').focus();
  await page.keyboard.press('u');
  await expect(page.locator('[data-candidate="cand-1"]')).toHaveClass(/rv-pending/);
  expect(await corpora()).toContainEqual(['Wire review', 0]);
});
