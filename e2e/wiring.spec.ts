/**
 * Wiring: the settings the options page and popup write reach the content script of an open tab and change
 * what it does (pause everywhere, entity types, highlight style, hover delay), and the context-menu items
 * exist in the browser. (Their click handler is exercised in src/background/highlights-commands.test.ts:
 * headless Chromium shows no native context menu to click.)
 */
import type { BrowserContext, Page } from '@playwright/test';
import { contentIdle, expect, test } from './extension.ts';
import { highlightTexts, popover, textCenter } from './popover.ts';

/** Sends a settings patch the way the options page does, from an extension page. */
async function updateSettings(context: BrowserContext, extensionId: string, patch: Record<string, unknown>): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/pages/options/index.html`);
  const reply = await options.evaluate((patch) => chrome.runtime.sendMessage({ type: 'page-bg-update-settings', patch }), patch);
  expect(reply).toMatchObject({ ok: true });
  await options.close();
}

function allMentions(page: Page): Promise<number> {
  return page.evaluate(() =>
    [...CSS.highlights.keys()].filter((k) => k.startsWith('onrecord-') && k !== 'onrecord-current')
      .reduce((n, k) => n + CSS.highlights.get(k)!.size, 0),
  );
}

/** The page's adopted sheet rules for the mention highlights (the page can read these anyway: they carry no data). */
function mentionStyle(page: Page): Promise<string> {
  return page.evaluate(() =>
    document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).filter((t) => t.includes('::highlight(onrecord-person)')).join('\n'),
  );
}

test('pause everywhere clears an open tab without a reload, and un-pausing draws again', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto('/article.html');
  await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
  await updateSettings(context, extensionId, { paused: true });
  await expect.poll(() => allMentions(page)).toBe(0);
  // Still nothing once the content script has finished everything the change started.
  await contentIdle(serviceWorker, page);
  expect(await allMentions(page)).toBe(0);
  await updateSettings(context, extensionId, { paused: false });
  await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
});

test('entity types and highlight style from the settings are applied by the content script', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto('/article.html');
  await expect.poll(() => highlightTexts(page, 'onrecord-organization')).toContain('Kremlin');
  expect(await mentionStyle(page)).not.toContain('background-color');

  await updateSettings(context, extensionId, { enabledTypes: ['person'], highlightStyle: 'background' });
  await expect.poll(() => highlightTexts(page, 'onrecord-organization')).toEqual([]);
  await contentIdle(serviceWorker, page);
  expect(await highlightTexts(page, 'onrecord-organization')).toEqual([]);
  expect(await highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
  await expect.poll(() => mentionStyle(page)).toContain('background-color');
});

test('the hover delay from the settings is the dwell before the popover opens', async ({ context, serviceWorker, extensionId }) => {
  const DELAY_MS = 2_000;
  await updateSettings(context, extensionId, { hoverDelayMs: DELAY_MS });
  const page = await context.newPage();
  await page.goto('/article.html');
  await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
  await contentIdle(serviceWorker, page);
  const at = await textCenter(page, '#p1', 'Peskov');
  const started = Date.now();
  await page.mouse.move(at.x, at.y);
  await expect.poll(async () => (await popover(page))?.text ?? '', { timeout: 10_000, intervals: [50] }).toContain('Dmitry Peskov');
  // A lower bound only: a loaded machine can make it later, never earlier.
  expect(Date.now() - started).toBeGreaterThanOrEqual(DELAY_MS);
});

test('both context-menu items exist in the browser', async ({ serviceWorker }) => {
  // contextMenus.update rejects for an id that was never created. The menus are made by runtime.onInstalled,
  // which may still be running when the worker first answers: poll until it has.
  const probe = () =>
    serviceWorker.evaluate(async () => {
      const out: Record<string, string> = {};
      for (const id of ['onrecord-save-highlight', 'onrecord-check-claim', 'no-such-item']) {
        out[id] = await chrome.contextMenus.update(id, {}).then(() => 'exists', (e: Error) => `missing: ${e.message}`);
      }
      return out;
    });
  await expect.poll(async () => (await probe())['onrecord-check-claim']).toBe('exists');
  const result = await probe();
  expect(result['onrecord-save-highlight']).toBe('exists');
  expect(result['onrecord-check-claim']).toBe('exists');
  expect(result['no-such-item']).toMatch(/^missing/);
});
