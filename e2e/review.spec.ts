/**
 * Issue 12, in real Chromium with the built extension: the review queue of a
 * candidates file from `onrecord extract --out`, driven by the keyboard
 * (accept, reject, undo, edit, accept all of a speaker), with a wrong file
 * refused and progress kept across a reload; and a saved highlight recorded
 * as a position from the library.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, putRows, test } from './extension.ts';

const CANDIDATES = readFileSync('e2e/fixtures/candidates.json');

function decisions(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll<HTMLElement>('[data-candidate]')].map((el) => [el.dataset['candidate'], el.className.match(/rv-(pending|accepted|rejected)/)?.[1] ?? '?'])),
  );
}

async function myRecord(page: Page): Promise<{ actor: string; stance: string }[]> {
  return page.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ type: 'page-bg-my-record' })) as { positions: { actor: string; stance: string }[] };
    return reply.positions.map(({ actor, stance }) => ({ actor, stance }));
  });
}

test.describe('growing the record', () => {
  test('the review queue: a wrong file is refused; accept, reject, undo, edit and accept-by-speaker from the keyboard; progress survives a reload', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/src/pages/review/index.html`);
    await expect(page.getByRole('heading', { name: 'No candidates to review' })).toBeVisible();

    const file = page.getByLabel('Import a candidates file');
    await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"formatVersion": 1, "id": ') });
    await expect(page.getByRole('alert')).toContainText('broken.json');
    await expect(page.getByRole('heading', { name: 'No candidates to review' })).toBeVisible();

    await file.setInputFiles({ name: 'candidates.json', mimeType: 'application/json', buffer: CANDIDATES });
    await expect(page.getByRole('status')).toContainText('4 candidates loaded from candidates.json');
    await expect(page.locator('[data-candidate="cand-1"]')).toBeFocused();
    await expect(page.getByText('0 of 4 reviewed, 0 accepted')).toBeVisible();

    await page.keyboard.press('a');
    await expect(page.locator('[data-candidate="cand-2"]')).toBeFocused();
    await page.keyboard.press('r');
    await expect(page.locator('[data-candidate="cand-3"]')).toBeFocused();
    expect(await decisions(page)).toEqual({ 'cand-1': 'accepted', 'cand-2': 'rejected', 'cand-3': 'pending', 'cand-4': 'pending' });
    await page.keyboard.press('u');
    await expect(page.locator('[data-candidate="cand-2"]')).toHaveClass(/rv-pending/);

    // Edit the new speaker's candidate, then accept it.
    await page.keyboard.press('j');
    await expect(page.locator('[data-candidate="cand-4"]')).toBeFocused();
    await page.keyboard.press('e');
    const form = page.locator('[data-candidate="cand-4"] form');
    await expect(form.getByLabel('Name of the new speaker')).toHaveValue('Jana Novak');
    await form.getByLabel('Stance: one neutral sentence').fill('Novak says sanctions will outlast the war.');
    await form.getByRole('button', { name: 'Save to my record' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-candidate="cand-4"]')).toHaveClass(/rv-accepted/);

    // Progress is kept by the extension: a reload shows the same decisions.
    await page.reload();
    await expect(page.getByText('2 of 4 reviewed, 2 accepted')).toBeVisible();
    expect(await decisions(page)).toEqual({ 'cand-1': 'accepted', 'cand-2': 'pending', 'cand-3': 'pending', 'cand-4': 'accepted' });

    // Shift+A on Peskov's remaining candidate accepts every pending one of his.
    await page.locator('[data-candidate="cand-3"]').focus();
    await page.keyboard.press('Shift+A');
    await expect(page.locator('[data-candidate="cand-3"]')).toHaveClass(/rv-accepted/);
    await expect(page.locator('[data-candidate="cand-2"]')).toHaveClass(/rv-pending/);

    const mine = await myRecord(page);
    expect(mine.map((p) => p.stance).sort()).toEqual([
      'Novak says sanctions will outlast the war.',
      "Peskov blames Kyiv's refusal to discuss borders for stalled talks.",
      'Peskov says Moscow still wants a negotiated end.',
    ]);
    expect(mine.find((p) => p.stance.startsWith('Novak'))?.actor).toMatch(/^user-e-/);
  });

  test('a saved highlight is recorded as a position from the library', async ({ context, serviceWorker, extensionId }) => {
    const exact = 'Russia must withdraw every last soldier from our land before any talks can begin';
    const now = Date.now();
    // The shared helper waits for the worker's own table (opening the database first would create an empty one).
    await putRows(serviceWorker, 'highlights', [{
      id: '00000000-0000-4000-8000-000000000012',
      pageUrl: 'https://news.example/kremlin-talks',
      pageTitle: 'Kremlin says talks depend on Washington',
      createdAt: now,
      updatedAt: now,
      selectors: { quote: { exact, prefix: '“', suffix: ',” said Mykhailo Podolyak' }, position: { start: 300, end: 300 + exact.length } },
      entityIds: ['mykhailo-podolyak', 'russia'],
      note: '',
      tags: [],
      color: 'yellow',
    }]);
    const library = await context.newPage();
    await library.goto(`chrome-extension://${extensionId}/src/pages/library/index.html#highlights`);
    await library.getByRole('button', { name: 'Record this highlight as a position of who said it' }).click();
    const dialog = library.getByRole('dialog', { name: 'Record as a position' });
    await expect(dialog.getByLabel('Speaker')).toHaveValue('mykhailo-podolyak');
    await dialog.getByLabel('Stance: one neutral sentence').fill('Podolyak demands a full withdrawal before talks.');
    // A highlight carries no date said: the form proposes none (not today's) and asks for it.
    await expect(dialog.getByLabel('Date said')).toHaveValue('');
    await dialog.getByLabel('Date said').fill('2023-03-14');
    await dialog.getByRole('button', { name: 'Save to my record' }).click();
    await expect(library.getByText('Recorded as a position in your record.')).toBeVisible();

    await library.getByRole('tab', { name: 'Your record' }).click();
    const panel = library.getByRole('tabpanel');
    await expect(panel).toContainText('Podolyak demands a full withdrawal before talks.');
    await expect(panel).toContainText(exact);
    await expect(panel).toContainText('news.example');
    expect(await myRecord(library)).toEqual([{ actor: 'mykhailo-podolyak', stance: 'Podolyak demands a full withdrawal before talks.' }]);
  });
});
