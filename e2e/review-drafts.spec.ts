/**
 * Typed text is never thrown away (audit 10: A21, A24), in real Chromium with the built extension: an edit
 * typed in the review queue's form survives Escape and a reload (its form opens again with it, Discard
 * offered); the library's "Record as a position…" dialog keeps what was typed when Escape closes it and offers
 * it back with Discard, as the note dialog does.
 */
import { readFileSync } from 'node:fs';
import { expect, putRows, test } from './extension.ts';

const CANDIDATES = { name: 'candidates.json', mimeType: 'application/json', buffer: readFileSync('e2e/fixtures/candidates.json') };

test('an edit typed in the review queue survives Escape and a reload, and is saved from there', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/pages/review/index.html`);
  await page.getByLabel('Import a candidates file').setInputFiles(CANDIDATES);
  const row = page.locator('[data-candidate="cand-1"]');
  await expect(row).toBeFocused();
  await page.keyboard.press('e');
  await row.getByLabel('Stance: one neutral sentence').fill('Half-written careful stance');
  // Escape closes the form; the row says the edit is kept.
  await page.keyboard.press('Escape');
  await expect(row.locator('form')).toHaveCount(0);
  await expect(row).toContainText('Your unsaved edits are kept.');
  // A reload (or a closed tab) opens the form again with the edit, and says so.
  await page.reload();
  await expect(page.getByText('0 of 4 reviewed, 0 accepted')).toBeVisible();
  const form = row.locator('form');
  await expect(form.getByLabel('Stance: one neutral sentence')).toHaveValue('Half-written careful stance');
  await expect(form).toContainText('Your unsaved edits to this statement are back.');
  await form.getByRole('button', { name: 'Save to my record' }).click();
  await expect(row).toHaveClass(/rv-accepted/);
  const mine = await page.evaluate(async () => ((await chrome.runtime.sendMessage({ type: 'page-bg-my-record' })) as { positions: { stance: string }[] }).positions.map((p) => p.stance));
  expect(mine).toEqual(['Half-written careful stance']);
  // Saved: nothing is kept any more.
  await page.reload();
  await expect(page.getByText('1 of 4 reviewed, 1 accepted')).toBeVisible();
  // The draft shelf was read (the page says how many drafts it found: none), then nothing says 'unsaved'.
  await expect(page.locator('main')).toHaveAttribute('data-drafts', '0');
  await expect(page.locator('main')).not.toContainText('unsaved');
});

test('Escape in "Record as a position…" keeps what was typed; it comes back, with Discard', async ({ context, serviceWorker, extensionId }) => {
  const exact = 'Russia must withdraw every last soldier from our land before any talks can begin';
  const now = Date.now();
  await putRows(serviceWorker, 'highlights', [{
    id: '00000000-0000-4000-8000-000000000021', pageUrl: 'https://news.example/kremlin-talks', pageTitle: 'Kremlin says talks depend on Washington',
    createdAt: now, updatedAt: now,
    selectors: { quote: { exact, prefix: '“', suffix: ',” said Mykhailo Podolyak' }, position: { start: 300, end: 300 + exact.length } },
    entityIds: ['mykhailo-podolyak', 'russia'], note: '', tags: [], color: 'yellow',
  }]);
  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/src/pages/library/index.html#highlights`);
  const button = library.getByRole('button', { name: 'Record this highlight as a position of who said it' });
  await button.focus();
  await library.keyboard.press('Enter');
  const dialog = library.getByRole('dialog', { name: 'Record as a position' });
  const stance = dialog.getByLabel('Stance: one neutral sentence');
  await stance.fill('A long stance I typed carefully.');
  await library.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await expect(library.getByRole('status').filter({ hasText: 'Your unsaved edits are kept.' })).toBeVisible();
  // Opened again (even after a reload): the stance is back and the dialog says so.
  await library.reload();
  await library.getByRole('button', { name: 'Record this highlight as a position of who said it' }).click();
  await expect(stance).toHaveValue('A long stance I typed carefully.');
  await expect(dialog).toContainText('Your unsaved edits to this statement are back.');
  // Discard gives the highlight's own words back, and nothing is kept any more.
  await dialog.getByRole('button', { name: 'Discard it' }).click();
  await expect(stance).toHaveValue(exact);
  await library.keyboard.press('Escape');
  await library.getByRole('button', { name: 'Record this highlight as a position of who said it' }).click();
  await expect(stance).toHaveValue(exact);
  await expect(dialog).not.toContainText('are back');
});
