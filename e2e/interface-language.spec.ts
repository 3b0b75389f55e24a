/**
 * Audit 10 A17–A20 in real Chromium. With the browser in Ukrainian (`--lang=uk`, as readers.spec.ts starts it):
 * the claim panel names concepts and the record's entities in Ukrainian; the review queue tells an unreadable
 * candidates file in Ukrainian with its place in the file. In English: a saved verdict keeps the words it rested
 * on after its position leaves the record.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { expect, launchWithExtension, newestTabId, serviceWorkerOf, test, welcomePage } from './extension.ts';
import { highlightTexts } from './popover.ts';
import { saveConsistentVerdictByKeyboard } from './sidepanel.ts';

test.describe('the interface in Ukrainian', () => {
  let dir: string;
  let context: BrowserContext | undefined;
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'onrecord-e2e-lang-'));
  });
  test.afterEach(async () => {
    await context?.close();
    context = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  test('claim panel: shared concepts, reasons and chips in Ukrainian; review queue: a broken file told in Ukrainian with its line', async ({ baseURL }) => {
    context = await launchWithExtension(dir, { language: 'uk' });
    const sw = await serviceWorkerOf(context);
    await (await welcomePage(context)).close();

    const page = await context.newPage();
    await page.goto(`${baseURL}/claims.html`);
    await expect.poll(() => page.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('onrecord-')))).toBe(true);
    await page.evaluate(() => {
      const r = document.createRange();
      r.selectNodeContents(document.getElementById('tass')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    await page.bringToFront();
    const tabId = await newestTabId(sw);
    await sw.evaluate((t) => chrome.tabs.sendMessage(t, { type: 'bg-cs-check-selection' }, { frameId: 0 }), tabId);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${(new URL(sw.url())).host}/src/pages/sidepanel/index.html?tab=${tabId}`);
    await expect(panel.locator('.sp-suggestion')).toBeVisible();
    const text = await panel.locator('body').innerText();
    // Concept names (shared concepts, comparison rows, result reasons) from the concept set's Ukrainian labels.
    expect(text).toContain('Готовність до переговорів');
    expect(text).not.toMatch(/Readiness to negotiate|Still, continued stance|Negotiations\b/);
    // The record's entities by their Ukrainian alias: the speaker, and the mentions' chips (the positions' own
    // English words are record data and stay as recorded).
    expect(text).toContain('Сказав(ла): Дмитро Пєсков');
    const chips = await panel.locator('.sp-chip').allInnerTexts();
    expect(chips.join(' | ')).toContain('Кремль');
    expect(chips.join(' | ')).not.toMatch(/Kremlin|Dmitry Peskov/);

    const review = await context.newPage();
    await review.goto(`chrome-extension://${(new URL(sw.url())).host}/src/pages/review/index.html`);
    await expect(review.locator('main h2')).toBeVisible();
    await review.locator('input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"formatVersion": 1, "id": ') });
    const alert = review.getByRole('alert');
    await expect(alert).toContainText('broken.json:1:28');
    await expect(alert).toContainText('файл не є коректним JSON');
    expect(await alert.innerText()).not.toMatch(/not valid JSON|expected a value|ends too early/);
  });
});

test('a saved verdict keeps the words it rested on after its position leaves the record', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto('/statements.html');
  await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Mykhailo Podolyak');
  const tabId = await newestTabId(serviceWorker);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/pages/popup/index.html?tab=${tabId}`);
  const group = popup.locator('section.statements').getByRole('region', { name: 'Mykhailo Podolyak' });
  await group.getByRole('button', { name: /Add this statement/ }).click();
  await group.getByLabel('Stance: one neutral sentence').fill('Podolyak: withdrawal first.');
  await group.getByRole('button', { name: 'Save to my record' }).click();
  await expect(group).toContainText('Added');
  await popup.close();

  await page.bringToFront();
  await page.evaluate(() => {
    const p = [...document.querySelectorAll('p')].find((x) => x.textContent!.includes('every last soldier'))!;
    const r = document.createRange();
    r.selectNodeContents(p);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  });
  await serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'bg-cs-check-selection' }, { frameId: 0 }), tabId);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/src/pages/sidepanel/index.html?tab=${tabId}`);
  await expect(panel.locator('#sp-results .sp-result').first()).toHaveAttribute('data-position-id', /^user-p-/);
  await saveConsistentVerdictByKeyboard(panel, 'Rests on my own position.');
  await panel.close();

  // The position is taken back (the popup's Undo sends page-bg-unrecord).
  const lib = await context.newPage();
  await lib.goto(`chrome-extension://${extensionId}/src/pages/library/index.html#checks`);
  const id = await lib.evaluate(async () => ((await chrome.runtime.sendMessage({ type: 'page-bg-my-record' })) as { positions: { id: string }[] }).positions[0]!.id);
  await lib.evaluate(async (positionId) => chrome.runtime.sendMessage({ type: 'page-bg-unrecord', positionId }), id);
  await lib.reload();
  const evidence = lib.locator('.ck-item').first().locator('.ck-evidence');
  await expect(evidence).toContainText('Mykhailo Podolyak');
  await expect(evidence).toContainText('every last soldier');
  await expect(evidence).toContainText('no longer in your record');

  // The stored check carries the snapshot (the claim mark's card reads it the same way).
  const stored = await lib.evaluate(async () => ((await chrome.runtime.sendMessage({ type: 'page-bg-list-checks' })) as { checks: { evidence?: { words: string }[] }[] }).checks[0]!.evidence);
  expect(stored?.[0]?.words).toMatch(/every last soldier/);
});
