/**
 * Issue 12 (researchers grow the record), in real Chromium with the built
 * extension: the popup lists the statements of a news page by speaker, one is
 * added to the user's record with an edited stance, and from then on it is in
 * the popover of that speaker on another page (marked as theirs), in the
 * library, in a claim check and in the backup.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, newestTabId, test } from './extension.ts';
import { highlightTexts, popover, textCenter } from './popover.ts';

async function openTab(context: BrowserContext, path: string, name: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(path);
  await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain(name);
  return page;
}

const STANCE = 'Podolyak says talks can begin only after a full Russian withdrawal.';

test.describe('statements on this page', () => {
  test('the popup lists a page\'s statements by speaker; one added with edits shows in popovers, the library, a claim check and the backup', async ({ context, serviceWorker, extensionId }) => {
    const article = await openTab(context, '/statements.html', 'Mykhailo Podolyak');
    const tabId = await newestTabId(serviceWorker);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/src/pages/popup/index.html?tab=${tabId}`);
    const statements = popup.locator('section.statements');
    await expect(statements.getByRole('heading', { name: 'Statements on this page' })).toBeVisible();
    // Grouped by speaker; Peskov's quote is in the seed record already, so it is not offered again.
    const peskov = statements.getByRole('region', { name: 'Dmitry Peskov' });
    await expect(peskov).toContainText('We are still ready for negotiations');
    await expect(peskov).toContainText('Already in the record');
    await expect(peskov.getByRole('button', { name: /Add this statement/ })).toHaveCount(0);

    const podolyak = statements.getByRole('region', { name: 'Mykhailo Podolyak' });
    await expect(podolyak).toContainText('Russia must withdraw every last soldier');
    await podolyak.getByRole('button', { name: 'Add this statement by Mykhailo Podolyak to my record' }).click();
    // The form: speaker preset, the page's publication date, the stance editable.
    await expect(podolyak.getByLabel('Speaker')).toHaveValue('mykhailo-podolyak');
    await expect(podolyak.getByLabel('Date said')).toHaveValue('2023-03-14');
    await podolyak.getByLabel('Stance: one neutral sentence').fill(STANCE);
    await podolyak.getByRole('button', { name: 'Save to my record' }).click();
    await expect(podolyak).toContainText('Added to your record');

    // Reopened, the list says it is in the record now (found again on the page, not offered twice).
    await popup.reload();
    await expect(popup.locator('section.statements').getByRole('region', { name: 'Mykhailo Podolyak' })).toContainText('Already in your record');
    await article.close();

    // Another page: Podolyak's popover shows the new position, marked as the user's, with the page as its source.
    const other = await openTab(context, '/article.html', 'Mykhailo Podolyak');
    const at = await textCenter(other, 'body', 'Mykhailo Podolyak');
    await other.mouse.move(at.x, at.y);
    await expect.poll(async () => (await popover(other))?.text ?? '', { timeout: 5_000 }).toContain(STANCE);
    const shown = (await popover(other))!.text;
    expect(shown).toContain('Russia must withdraw every last soldier from our land before any talks can begin');
    expect(shown).toContain('Yours');
    expect(shown).toContain('Example News');

    // The library lists it under "Your record".
    const library = await context.newPage();
    await library.goto(`chrome-extension://${extensionId}/src/pages/library/index.html#record`);
    await expect(library.getByRole('tabpanel')).toContainText(STANCE);
    await expect(library.getByRole('tabpanel')).toContainText('Kremlin says talks depend on Washington');

    // A claim check (the side panel's request) finds it among the positions of the named speaker.
    const check = await library.evaluate(async (claim) => {
      const reply = (await chrome.runtime.sendMessage({ type: 'page-bg-check-claim', text: claim })) as { check: { results: { position: { id: string; stance: string } }[] } };
      return reply.check.results.map((r) => ({ id: r.position.id, stance: r.position.stance }));
    }, 'Podolyak said Russia must withdraw every last soldier before any talks can begin.');
    expect(check.slice(0, 5)).toContainEqual({ id: expect.stringMatching(/^user-p-/), stance: STANCE });

    // The backup carries it (the user layer is part of the settings it saves).
    const backup = await library.evaluate(async () => {
      const reply = (await chrome.runtime.sendMessage({ type: 'page-bg-backup' })) as { backup: unknown };
      return JSON.stringify(reply.backup);
    });
    expect(backup).toContain(STANCE);
    expect(backup).toContain('statements.html');
  });
});
