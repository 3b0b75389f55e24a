/**
 * Moderators (issue 6): select a claim, "Check claim", results in the side
 * panel page, verdict saved, drawn again on revisit, listed for export; the
 * panel driven from the keyboard; gibberish gets an empty state.
 * The real side panel cannot be observed headless, so the test opens the
 * panel's page in a tab with `?tab=<id>`, as the fallback path does.
 */
import type { Page, Worker } from '@playwright/test';
import { countRows, expect, test } from './extension.ts';
import { saveConsistentVerdictByKeyboard } from './sidepanel.ts';

const FIXTURE = '/claims.html';

/** The id of the tab in front (the extension has no "tabs" permission, so tabs cannot be looked up by URL). */
async function activeTabId(sw: Worker): Promise<number> {
  return sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** Selects the text of `#id` and asks for a check the way the context menu does (background → content script → background). */
async function checkSelection(page: Page, sw: Worker, id: string): Promise<number> {
  await page.evaluate((elId) => {
    const el = document.getElementById(elId)!;
    const range = document.createRange();
    range.selectNodeContents(el);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, id);
  await page.bringToFront();
  const tabId = await activeTabId(sw);
  await sw.evaluate((t) => chrome.tabs.sendMessage(t, { type: 'bg-cs-check-selection' }, { frameId: 0 }), tabId);
  return tabId;
}

/** The content script has started its session on the page (its highlight names are registered). */
async function contentScriptReady(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('onrecord-')))).toBe(true);
}

async function openPanel(page: Page, extensionId: string, tabId: number): Promise<Page> {
  const panel = await page.context().newPage();
  await panel.goto(`chrome-extension://${extensionId}/src/pages/sidepanel/index.html?tab=${tabId}`);
  return panel;
}


test('select, check, results; verdict from the keyboard; saved, drawn on revisit, listed', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE);
  await contentScriptReady(page);
  const tabId = await checkSelection(page, serviceWorker, 'claim');
  const panel = await openPanel(page, extensionId, tabId);

  await expect(panel.locator('#sp-claim')).toHaveValue(/Dmitry Peskov said Moscow remains ready/);
  await expect(panel.locator('.sp-page a')).toHaveText('Talks, again: what Moscow and Kyiv say');
  await expect(panel.locator('.sp-chip-actor', { hasText: 'Dmitry Peskov' })).toBeVisible();
  const first = panel.locator('#sp-results .sp-result').first();
  await expect(first.locator('.sp-actor')).toHaveText('Dmitry Peskov');
  await expect(first.locator('.sp-stance')).not.toBeEmpty();
  await expect(panel.locator('#sp-other .sp-result').first()).toBeVisible();
  await expect(panel.locator('.sp-suggestion')).toHaveAttribute('data-verdict', 'consistent');
  await expect(panel.locator('.sp-speaker')).toHaveAttribute('data-speaker-id', 'dmitry-peskov');

  // Open the source passage of the first result.
  const opened = context.waitForEvent('page');
  await first.getByRole('button', { name: 'Open source passage' }).click();
  const source = await opened;
  await expect(source).toHaveURL(/src\/pages\/source\/index\.html\?source=seed-/);
  await source.close();

  await saveConsistentVerdictByKeyboard(panel, 'Matches his December 2023 remarks.');
  expect(await countRows(serviceWorker, 'checks')).toBe(1);

  const stored = await panel.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ type: 'page-bg-list-checks' })) as { ok: boolean; checks: { verdict: string; note: string; positionIds: string[]; pageUrl: string; selectors?: unknown }[] };
    return reply.checks;
  });
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ verdict: 'consistent', note: 'Matches his December 2023 remarks.', pageUrl: new URL(FIXTURE, page.url()).href });
  expect(stored[0]!.positionIds).toHaveLength(1);
  expect(stored[0]!.selectors).toBeDefined();

  // Revisit: the claim is drawn again with the generic highlight name.
  await page.reload();
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('onrecord-checked')?.size ?? 0)).toBe(1);
  const drawn = await page.evaluate(() => {
    const [range] = [...(CSS.highlights.get('onrecord-checked') as Highlight)] as StaticRange[];
    const r = document.createRange();
    r.setStart(range!.startContainer, range!.startOffset);
    r.setEnd(range!.endContainer, range!.endOffset);
    return r.toString();
  });
  expect(drawn).toContain('Dmitry Peskov said Moscow remains ready for negotiations');

  // Reopening the panel for the same claim shows the saved verdict.
  await checkSelection(page, serviceWorker, 'claim');
  const again = await openPanel(page, extensionId, tabId);
  await expect(again.getByRole('radio', { name: 'Consistent with the record' })).toBeChecked();
  await expect(again.locator('#sp-note')).toHaveValue('Matches his December 2023 remarks.');
});

test('misattribution is suggested with the actor the record has saying it, and the evidence', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE);
  await contentScriptReady(page);
  const tabId = await checkSelection(page, serviceWorker, 'misattributed');
  const panel = await openPanel(page, extensionId, tabId);
  const suggestion = panel.locator('.sp-suggestion');
  await expect(suggestion).toHaveAttribute('data-verdict', 'misattributed');
  await expect(suggestion.locator('.sp-suggested')).toContainText('Alexei Polishchuk');
  await expect(suggestion.locator('.sp-evidence li').first()).toHaveAttribute('data-position-id', 'p-000-04');
});

for (const [id, label] of [
  ['tass', '“…,” Kremlin spokesman Dmitry Peskov said, according to TASS'],
  ['peskov-tuesday', 'Peskov said on Tuesday that Russia is still ready (Putin said it too)'],
] as const) {
  test(`speaker, not source: ${label} → Peskov, no misattribution`, async ({ context, serviceWorker, extensionId }) => {
    const page = await context.newPage();
    await page.goto(FIXTURE);
    await contentScriptReady(page);
    const tabId = await checkSelection(page, serviceWorker, id);
    const panel = await openPanel(page, extensionId, tabId);
    await expect(panel.locator('.sp-speaker')).toHaveAttribute('data-speaker-id', 'dmitry-peskov');
    await expect(panel.locator('.sp-speaker strong')).toHaveText('Said by Dmitry Peskov');
    if (id === 'tass') await expect(panel.locator('.sp-speaker')).toContainText('reported by TASS');
    await expect(panel.locator('.sp-suggestion')).toHaveAttribute('data-verdict', 'consistent');
    await expect(panel.locator('#sp-results .sp-result').first()).toHaveAttribute('data-position-id', 'p-003-10');
    await expect(panel.getByText('Did TASS say it?')).toHaveCount(0);
  });
}

test('a Russian claim reaches the English positions that say it', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE);
  await contentScriptReady(page);
  const tabId = await checkSelection(page, serviceWorker, 'russian');
  const panel = await openPanel(page, extensionId, tabId);
  await expect(panel.locator('#sp-results .sp-result').first()).toHaveAttribute('data-position-id', 'p-003-01');
  await expect(panel.locator('.sp-speaker')).toHaveAttribute('data-speaker-id', 'dmitry-peskov');
  await expect(panel.locator('.sp-suggestion')).toHaveAttribute('data-verdict', 'consistent');
});

test('gibberish and empty claims get a clear empty state', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE);
  await contentScriptReady(page);
  const tabId = await checkSelection(page, serviceWorker, 'gibberish');
  const panel = await openPanel(page, extensionId, tabId);
  await expect(panel.locator('[data-empty="no-match"]')).toContainText('Nothing in the record matches this claim');
  await expect(panel.locator('.sp-error')).toHaveCount(0);
  // Emptying the claim and checking again, from the keyboard.
  await panel.locator('#sp-claim').fill('   ');
  await panel.locator('#sp-claim').press('Tab');
  await panel.keyboard.press('Enter');
  await expect(panel.locator('[data-empty="empty"]')).toContainText('The selection is empty');
});
