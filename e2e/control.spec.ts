/**
 * Issue 7 (in control), in real Chromium with the built extension: the
 * toolbar popup lists the page's mentions and jumps to one; the site switch
 * clears highlights at once and survives a browser restart; a corpus import
 * previews and applies, a bad file changes nothing; backup, wipe, restore
 * brings back every highlight and check.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { sampleHighlight } from '../src/core/annotations/testing.ts';
import { toCheckRow } from '../src/core/claims/check-record.ts';
import { contentIdle, countRows, expect, launchWithExtension, newestTabId, putRows, serviceWorkerOf, tableRows, test, welcomePage } from './extension.ts';
import { highlightTexts, popover } from './popover.ts';

/** Every mention highlight on the page (all entity types), as the page sees them. */
function allMentions(page: Page): Promise<number> {
  return page.evaluate(() =>
    [...CSS.highlights.keys()].filter((k) => k.startsWith('onrecord-') && k !== 'onrecord-current').reduce((n, k) => n + CSS.highlights.get(k)!.size, 0),
  );
}

async function openPopup(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/pages/popup/index.html?tab=${tabId}`);
  return popup;
}

async function openArticle(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/article.html');
  await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
  return page;
}

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/pages/options/index.html`);
  await expect(page.getByRole('heading', { name: 'OnRecord options' })).toBeVisible();
  return page;
}

/** A small corpus naming someone the seed corpus does not know (the fixture mentions "Rasputin"); the Firefox suite imports it too. */
const EXTRA_CORPUS = JSON.parse(readFileSync('e2e/fixtures/extra-corpus.json', 'utf8')) as { version: string; positions: Record<string, unknown>[] } & Record<string, unknown>;

const json = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)) });

test.describe('in control', () => {
  test('the popup lists the page\'s mentions with counts and jumps to one; the badge counts them', async ({ context, serviceWorker, extensionId }) => {
    const article = await openArticle(context);
    const tabId = await newestTabId(serviceWorker);
    await expect.poll(() => serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toMatch(/^[1-9]\d*$/);
    const badge = Number(await serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId));
    // Only mentions near the viewport are drawn (src/content/viewport-painter.ts); a viewport taller than the
    // article brings every one of them into the drawn window, so the two counts can be compared.
    await article.setViewportSize({ width: 1280, height: 2400 });
    await expect.poll(() => allMentions(article)).toBe(badge);

    const popup = await openPopup(context, extensionId, tabId);
    const peskov = popup.locator('button[data-entity="dmitry-peskov"]');
    await expect(peskov).toContainText('Dmitry Peskov');
    // The fixture names Peskov in p1 and p4 (Дмитрий Песков); fields and editable regions are not counted.
    await expect(peskov.locator('.count')).toHaveText('2');
    await expect(popup.locator('button[data-entity="mykhailo-podolyak"] .count')).toHaveText('1');
    await expect(popup.getByRole('heading', { name: `Mentioned on this page (${badge})` })).toBeVisible();

    await peskov.click();
    await expect.poll(async () => (await popover(article))?.text ?? '').toContain('Dmitry Peskov');
    const first = await article.evaluate(() => CSS.highlights.get('onrecord-current')!.values().next().value!.startContainer.parentElement!.closest('p')!.id);
    expect(first).toBe('p1');
    // Again: the next mention of the same person, not of anyone else.
    await peskov.click();
    await expect
      .poll(() => article.evaluate(() => CSS.highlights.get('onrecord-current')?.values().next().value?.startContainer.parentElement?.closest('p')?.id))
      .toBe('p4');
  });

  test('switching a site off removes every highlight at once and survives a browser restart', async ({ userDataDir }) => {
    let context = await launchWithExtension(userDataDir);
    try {
      // A fresh profile: the welcome page opens once on install; closed first so it cannot become the newest tab.
      await (await welcomePage(context)).close();
      const sw = await serviceWorkerOf(context);
      const extensionId = new URL(sw.url()).host;
      const article = await openArticle(context);
      const articleTab = await newestTabId(sw);
      const other = await openArticle(context);
      const popup = await openPopup(context, extensionId, articleTab);
      const siteSwitch = popup.getByRole('checkbox', { name: 'On for 127.0.0.1' });
      await expect(siteSwitch).toBeChecked();
      await siteSwitch.click();
      // Both open tabs of the site are cleared, without a reload.
      await expect.poll(() => allMentions(article), { timeout: 3_000 }).toBe(0);
      await expect.poll(() => allMentions(other), { timeout: 3_000 }).toBe(0);
      await expect(siteSwitch).not.toBeChecked();
      await expect.poll(() => sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), articleTab)).toBe('');
      const options = await openOptions(context, extensionId);
      await expect(options.locator('[data-list="disabled"]')).toContainText('127.0.0.1');
    } finally {
      await context.close();
    }

    context = await launchWithExtension(userDataDir);
    try {
      const sw = await serviceWorkerOf(context);
      const extensionId = new URL(sw.url()).host;
      const article = await context.newPage();
      await article.goto('/article.html');
      const popup = await openPopup(context, extensionId, await newestTabId(sw));
      await expect(popup.getByRole('checkbox', { name: 'On for 127.0.0.1' })).not.toBeChecked();
      await expect(popup.getByText('Switched off here')).toBeVisible();
      // The popup shows the setting; the page's own script has settled before "nothing drawn" is believed.
      await contentIdle(sw, article);
      expect(await allMentions(article)).toBe(0);
      // Switched back on from the options page: the same tab annotates again, so the script was there all along.
      const options = await openOptions(context, extensionId);
      await options.locator('[data-list="disabled"] li', { hasText: '127.0.0.1' }).getByRole('button', { name: 'Switch back on' }).click();
      await expect.poll(() => highlightTexts(article, 'onrecord-person')).toContain('Dmitry Peskov');
    } finally {
      await context.close();
    }
  });

  test('"only sites I allow": a site not allowed draws nothing; allowed from the popup it draws; removed, it stops', async ({ context, serviceWorker, extensionId }) => {
    const options = await openOptions(context, extensionId);
    await options.getByRole('radio', { name: 'Only on sites I allow' }).check();
    await expect(options.getByText('No site is allowed yet: OnRecord runs nowhere.')).toBeVisible();

    // 127.0.0.1 is not allowed: once its content script has settled (the idle signal), nothing is drawn.
    const article = await context.newPage();
    await article.goto('/article.html');
    const articleTab = await newestTabId(serviceWorker);
    await contentIdle(serviceWorker, article);
    expect(await allMentions(article)).toBe(0);
    const popup = await openPopup(context, extensionId, articleTab);
    const siteSwitch = popup.getByRole('checkbox', { name: 'On for 127.0.0.1' });
    await expect(siteSwitch).not.toBeChecked();
    await expect(popup.getByText('Switched off here')).toBeVisible();

    // Allowed from the popup (no browser prompt, ADR 003): the open tab draws without a reload, and the options
    // page, open all along, follows (an edit there never writes back a stale list).
    await siteSwitch.click();
    await expect.poll(() => highlightTexts(article, 'onrecord-person')).toContain('Dmitry Peskov');
    await expect(siteSwitch).toBeChecked();
    // The popup re-reads the tab once it reports the change applied (its idle signal), not after a fixed wait.
    await expect(popup.locator('button[data-entity="dmitry-peskov"] .count')).toHaveText('2');
    await expect(options.locator('ul.sites[data-list="allowed"] li span')).toHaveText(['127.0.0.1']);

    // Another host (localhost names the same server) is another site: it stays off until allowed on the options page.
    const other = await context.newPage();
    await other.goto(new URL('/article.html', article.url()).href.replace('127.0.0.1', 'localhost'));
    await contentIdle(serviceWorker, other);
    expect(await allMentions(other)).toBe(0);
    await options.bringToFront();
    await options.getByRole('textbox', { name: 'Site', exact: true }).fill(other.url());
    await options.getByRole('button', { name: 'Allow' }).click();
    await expect(options.locator('ul.sites[data-list="allowed"] li span')).toHaveText(['127.0.0.1', 'localhost']);
    await expect.poll(() => highlightTexts(other, 'onrecord-person')).toContain('Dmitry Peskov');

    // Removed from the popup: that tab is cleared at once; removed on the options page: the other one too.
    await popup.bringToFront();
    await siteSwitch.click();
    await expect.poll(() => allMentions(article)).toBe(0);
    await expect(siteSwitch).not.toBeChecked();
    await options.bringToFront();
    await options.locator('ul.sites li', { hasText: 'localhost' }).getByRole('button', { name: 'Remove' }).click();
    await expect(options.getByText('No site is allowed yet: OnRecord runs nowhere.')).toBeVisible();
    await expect.poll(() => allMentions(other)).toBe(0);
    // Still off after the content scripts have settled, not just between two draws.
    await contentIdle(serviceWorker, article);
    await contentIdle(serviceWorker, other);
    expect(await allMentions(article)).toBe(0);
    expect(await allMentions(other)).toBe(0);
  });

  test('a corpus import shows what changes, then applies; its names are highlighted', async ({ context, serviceWorker, extensionId }) => {
    await expect.poll(() => countRows(serviceWorker, 'corpora'), { timeout: 15_000 }).toBe(1);
    const options = await openOptions(context, extensionId);
    await options.getByTestId('corpus-file').setInputFiles(json('extra.json', EXTRA_CORPUS));
    const preview = options.getByRole('region', { name: 'What the import changes' });
    await expect(preview).toContainText('New corpus: E2E extra, version 1');
    const entitiesRow = preview.locator('tr', { hasText: 'Entities' });
    await expect(entitiesRow.locator('[data-kind="added"]')).toHaveText('2');
    await expect(preview.locator('tr', { hasText: 'Positions' }).locator('[data-kind="added"]')).toHaveText('1');
    expect(await countRows(serviceWorker, 'corpora')).toBe(1);
    await preview.getByRole('button', { name: 'Apply' }).click();
    await expect(options.getByRole('status')).toContainText('Imported E2E extra');
    await expect(options.locator('tr[data-corpus="e2e-extra"] [data-counts]')).toHaveText('2 entities, 1 position, 1 source');
    expect(await countRows(serviceWorker, 'corpora')).toBe(2);

    // An update of the same corpus previews as changes against the installed one.
    const v2 = { ...EXTRA_CORPUS, version: '2', positions: [{ ...EXTRA_CORPUS.positions[0]!, stance: 'Nothing is decided yet.' }] };
    await options.getByTestId('corpus-file').setInputFiles(json('extra-v2.json', v2));
    await expect(preview).toContainText('Update E2E extra from version 1 to 2');
    await expect(preview.locator('tr', { hasText: 'Positions' }).locator('[data-kind="changed"]')).toHaveText('1');
    await preview.getByRole('button', { name: 'Cancel' }).click();

    const article = await context.newPage();
    await article.goto('/article.html');
    await expect.poll(() => highlightTexts(article, 'onrecord-person')).toContain('Rasputin');
  });

  test('a bad corpus file shows the validator\'s messages and changes nothing', async ({ context, serviceWorker, extensionId }) => {
    await expect.poll(() => countRows(serviceWorker, 'corpora'), { timeout: 15_000 }).toBe(1);
    const entities = await countRows(serviceWorker, 'entities');
    const options = await openOptions(context, extensionId);
    const bad = { ...EXTRA_CORPUS, positions: [{ ...EXTRA_CORPUS.positions[0]!, actor: 'nobody-at-all' }] };
    await options.getByTestId('corpus-file').setInputFiles(json('bad.json', bad));
    await expect(options.getByRole('alert')).toContainText('bad.json cannot be imported: 1 problem was found in it. Nothing was changed.');
    await expect(options.getByRole('alert')).toContainText('bad.json: positions[0].actor');
    await expect(options.getByRole('alert')).toContainText('nobody-at-all');
    await options.getByTestId('corpus-file').setInputFiles(json('broken.json', '{ "id": "x", '));
    await expect(options.getByRole('alert')).toContainText('broken.json:1:');
    await expect(options.getByRole('region', { name: 'What the import changes' })).toHaveCount(0);
    expect(await countRows(serviceWorker, 'corpora')).toBe(1);
    expect(await countRows(serviceWorker, 'entities')).toBe(entities);
  });

  test('back up, wipe, restore gives back every highlight and check', async ({ context, serviceWorker, extensionId }) => {
    await expect.poll(() => countRows(serviceWorker, 'corpora'), { timeout: 15_000 }).toBe(1);
    // Complete rows, as the features store them: a restore refuses rows they could not read.
    const highlights = [
      sampleHighlight(1, { id: 'e2e-h1', pageUrl: 'http://127.0.0.1:4173/article.html', tags: ['talks'], entityIds: ['dmitry-peskov'], note: 'Peskov on talks' }),
      sampleHighlight(2, { id: 'e2e-h2', pageUrl: 'https://example.org/x', tags: [], entityIds: [] }),
    ];
    const checks = [
      toCheckRow(
        { claim: 'Peskov said talks were off.', pageUrl: 'http://127.0.0.1:4173/article.html', pageTitle: 'Article', verdict: 'contradicts', note: '', positionIds: [], actorIds: ['dmitry-peskov'], topicIds: [] },
        5,
        'e2e-c1',
      ),
    ];
    await putRows(serviceWorker, 'highlights', highlights);
    await putRows(serviceWorker, 'checks', checks);

    const options = await openOptions(context, extensionId);
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Back up to a file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^onrecord-backup-\d{4}-\d\d-\d\d\.json$/);
    const file = readFileSync((await download.path())!);
    expect(JSON.parse(file.toString()).highlights).toHaveLength(2);

    await putRows(serviceWorker, 'highlights', 'clear');
    await putRows(serviceWorker, 'checks', 'clear');
    expect(await countRows(serviceWorker, 'highlights')).toBe(0);

    // A wrong file: one sentence, nothing asked, nothing changed.
    const highlightsExport = Buffer.from(JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', items: [] }));
    await options.getByTestId('backup-file').setInputFiles({ name: 'highlights.jsonld', mimeType: 'application/json', buffer: highlightsExport });
    await expect(options.getByRole('alert')).toHaveText('highlights.jsonld is a highlights export, not a backup: import it in the library (All highlights). Nothing was changed.');
    await expect(options.getByRole('alertdialog')).toHaveCount(0);

    await options.getByTestId('backup-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: file });
    // The confirmation says what is replaced, with counts; Cancel changes nothing.
    const confirm = options.getByRole('alertdialog', { name: 'Restore backup.json?' });
    await expect(confirm).toContainText('0 highlights, 0 checks');
    await expect(confirm).toContainText('2 highlights, 1 check, 0 imported corpora');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
    expect(await countRows(serviceWorker, 'highlights')).toBe(0);
    await options.getByTestId('backup-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: file });
    await confirm.getByRole('button', { name: 'Replace with the backup' }).click();
    await expect(options.getByRole('status')).toContainText('Restored 2 highlights, 1 check and 0 imported corpora.');
    const byId = (a: unknown, b: unknown) => String((a as { id: string }).id).localeCompare((b as { id: string }).id);
    expect((await tableRows(serviceWorker, 'highlights')).sort(byId)).toEqual(highlights);
    expect(await tableRows(serviceWorker, 'checks')).toEqual(checks);
  });

  test('a backup made while your aliases and positions are damaged restores the highlights, and the damaged copy stays offered', async ({ context, serviceWorker, extensionId }) => {
    await expect.poll(() => countRows(serviceWorker, 'corpora'), { timeout: 15_000 }).toBe(1);
    await putRows(serviceWorker, 'highlights', [sampleHighlight(1, { id: 'e2e-d1' }), sampleHighlight(2, { id: 'e2e-d2' })]);
    const damaged = { aliases: { 'dmitry-peskov': [{ text: 'Пєсков', lang: 'uk' }] }, sources: [], positions: [{ id: 'half-written' }], entities: [] };
    await putRows(serviceWorker, 'settings', [{ key: 'user-layer', value: damaged }]);

    const options = await openOptions(context, extensionId);
    const alert = options.locator('.damaged-layer');
    await expect(alert).toContainText('Your own aliases and positions could not be read');
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Back up to a file' }).click();
    const file = readFileSync((await (await downloading).path())!);
    await putRows(serviceWorker, 'highlights', 'clear');

    await options.getByTestId('backup-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: file });
    const confirm = options.getByRole('alertdialog', { name: 'Restore backup.json?' });
    await expect(confirm).toContainText('Your own aliases and positions in this backup could not be read. Everything else is restored');
    await expect(confirm).toContainText('your options (allowed sites, reviewer, reading settings)');
    await confirm.getByRole('button', { name: 'Replace with the backup' }).click();
    await expect(options.getByRole('status')).toContainText('Restored 2 highlights');
    expect(await countRows(serviceWorker, 'highlights')).toBe(2);

    // After the page reloads the damaged copy is still told, offered intact, and Forget removes it visibly.
    await expect(options.getByText(/Restored 2 highlights/)).toHaveCount(0, { timeout: 10_000 });
    await expect(alert).toContainText('Your own aliases and positions could not be read');
    const saving = options.waitForEvent('download');
    await alert.getByRole('button', { name: 'Save the unreadable copy' }).click();
    const saved = JSON.parse(readFileSync((await (await saving).path())!).toString()) as { value: unknown };
    expect(saved.value).toEqual(damaged);
    await alert.getByRole('button', { name: 'Forget the unreadable copy' }).click();
    await expect(alert).toHaveCount(0);
    await options.reload();
    await expect(options.getByRole('heading', { name: 'Your edits' })).toBeVisible();
    await expect(alert).toHaveCount(0);
    expect(await countRows(serviceWorker, 'highlights')).toBe(2);
  });

  test('every damaged copy of your own layer is listed in words, each with Save and Forget; the popup says so too (issue 14, G4)', async ({ context, serviceWorker, extensionId }) => {
    await expect.poll(() => countRows(serviceWorker, 'corpora'), { timeout: 15_000 }).toBe(1);
    const first = { aliases: { 'dmitry-peskov': [{ text: 'Пєсков' }] }, positions: [{ id: 'half-written' }] };
    const second = { aliases: 'broken again' };
    const inPlace = { positions: 'not a list' };
    await putRows(serviceWorker, 'settings', [
      { key: 'user-layer-damaged', value: { value: first, foundAt: '2026-11-02T10:00:00.000Z', problem: 'positions.0.actor: Invalid key' } },
      { key: 'user-layer-damaged-1764000000000', value: { value: second, foundAt: '2026-11-20T10:00:00.000Z', problem: 'aliases: Invalid type' } },
      { key: 'user-layer', value: inPlace },
    ]);
    const tab = await openArticle(context);
    const popup = await openPopup(context, extensionId, await newestTabId(serviceWorker));
    await expect(popup.locator('[data-damaged-layer]')).toContainText('Your own aliases and positions could not be read, so they are not applied. They are kept aside, untouched');
    await tab.close();

    const options = await openOptions(context, extensionId);
    const alert = options.locator('.damaged-layer');
    await expect(alert).toContainText('3 unreadable copies are kept aside:');
    const copies = alert.locator('li[data-damaged-copy]');
    await expect(copies).toHaveCount(3);
    // Human sentences: the validator's words only behind Details, closed.
    for (let i = 0; i < 3; i++) await expect(copies.nth(i).locator('details .note')).toBeHidden();
    await expect(alert.getByText('Invalid', { exact: false }).first()).toBeHidden();
    await expect(copies.nth(2)).toContainText('Found unreadable now (still in place; your next addition moves it aside)');
    // Each copy saves as it was.
    const saving = options.waitForEvent('download');
    await copies.nth(1).getByRole('button', { name: 'Save the unreadable copy' }).click();
    expect((JSON.parse(readFileSync((await (await saving).path())!).toString()) as { value: unknown }).value).toEqual(second);
    await copies.nth(0).getByText('Details').click();
    await expect(copies.nth(0).getByText('positions.0.actor: Invalid key')).toBeVisible();
    // Forget one: only that one goes.
    await copies.nth(1).getByRole('button', { name: 'Forget the unreadable copy' }).click();
    await expect(copies).toHaveCount(2);
    await expect(alert).toContainText('2 unreadable copies are kept aside:');
    const keys = (await tableRows<{ key: string }>(serviceWorker, 'settings')).map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['user-layer-damaged', 'user-layer']));
    expect(keys).not.toContain('user-layer-damaged-1764000000000');
  });
});
