/**
 * Issue 12, "Add to my record" in the popup (audit 10, A6–A10 and A27): what
 * is typed in a statement's form is never lost (another statement's form
 * opening, the popup closing), the keyboard user's focus goes somewhere
 * sensible after Escape and after Save, an undated page proposes no date, and
 * one statement is recorded once however often and from wherever it is saved.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, newestTabId, test } from './extension.ts';
import { highlightTexts } from './popover.ts';

const TYPED = 'My careful stance, typed by hand.';

async function popupFor(context: BrowserContext, sw: Worker, extensionId: string, path: string): Promise<{ popup: Page; url: string; tabId: number }> {
  const page = await context.newPage();
  await page.goto(path);
  await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Mykhailo Podolyak');
  const tabId = await newestTabId(sw);
  const popup = await context.newPage();
  const url = `chrome-extension://${extensionId}/src/pages/popup/index.html?tab=${tabId}`;
  await popup.goto(url);
  return { popup, url, tabId };
}

const myRecord = (page: Page): Promise<{ stance: string; date: { from: string; reasoning?: string } }[]> =>
  page.evaluate(async () => ((await chrome.runtime.sendMessage({ type: 'page-bg-my-record' })) as { positions: { stance: string; date: { from: string; reasoning?: string } }[] }).positions);

const region = (view: Page, name: string) => view.locator('.st-list').getByRole('region', { name });
const stanceOf = (view: Page) => region(view, 'Mykhailo Podolyak').getByLabel('Stance: one neutral sentence');
const addPodolyak = (view: Page) => region(view, 'Mykhailo Podolyak').getByRole('button', { name: 'Add this statement by Mykhailo Podolyak to my record' });

test.describe('the statement form', () => {
  test('a stance typed in one form survives another statement\'s form opening; reopened it is back, with Discard', async ({ context, serviceWorker, extensionId }) => {
    const { popup } = await popupFor(context, serviceWorker, extensionId, '/statements.html');
    await addPodolyak(popup).click();
    // The quote is shown and proposed without the comma that hands it to "said" (audit 10, A5).
    await expect(region(popup, 'Dmitry Peskov').locator('blockquote')).toHaveText('We are still ready for negotiations');
    const quote = await stanceOf(popup).inputValue();
    expect(quote).toBe('Russia must withdraw every last soldier from our land before any talks can begin');
    await stanceOf(popup).fill(TYPED);
    // Another statement's form: Podolyak's goes away, and says his edits are kept.
    await region(popup, 'Jana Novak').getByRole('button', { name: /Add this statement/ }).click();
    await expect(stanceOf(popup)).toHaveCount(0);
    await expect(region(popup, 'Mykhailo Podolyak')).toContainText('Your unsaved edits are kept.');
    await addPodolyak(popup).click();
    await expect(stanceOf(popup)).toHaveValue(TYPED);
    await expect(region(popup, 'Mykhailo Podolyak')).toContainText('Your unsaved edits to this statement are back.');
    // Discard: the finder's reading again, and nothing kept.
    await region(popup, 'Mykhailo Podolyak').getByRole('button', { name: 'Discard it' }).click();
    await expect(stanceOf(popup)).toHaveValue(quote);
    await region(popup, 'Jana Novak').getByRole('button', { name: /Add this statement/ }).click();
    // The shelf was read after Discard (Jana Novak's form is open, no draft kept), then Podolyak's note is gone.
    await expect(region(popup, 'Jana Novak').locator('form')).toHaveCount(1);
    await expect(popup.locator('.st-list')).toHaveAttribute('data-drafts', '0');
    await expect(region(popup, 'Mykhailo Podolyak')).not.toContainText('Your unsaved edits are kept.');
  });

  test('a stance typed in the popup survives the popup closing: reopened, the form is back with it', async ({ context, serviceWorker, extensionId }) => {
    const { popup, url } = await popupFor(context, serviceWorker, extensionId, '/statements.html');
    await addPodolyak(popup).click();
    await stanceOf(popup).fill(TYPED);
    // A click on the page closes a real popup; here the popup page goes away and comes back.
    await popup.goto('about:blank');
    await popup.goto(url);
    await expect(stanceOf(popup)).toHaveValue(TYPED);
    await expect(region(popup, 'Mykhailo Podolyak')).toContainText('Your unsaved edits to this statement are back.');
    // Saved, the draft is done: the next popup shows the statement as recorded, no form, nothing kept.
    await region(popup, 'Mykhailo Podolyak').getByRole('button', { name: 'Save to my record' }).click();
    await expect(region(popup, 'Mykhailo Podolyak')).toContainText('Added to your record');
    expect((await myRecord(popup)).map((p) => p.stance)).toEqual([TYPED]);
    await popup.goto('about:blank');
    await popup.goto(url);
    await expect(region(popup, 'Mykhailo Podolyak')).toContainText('Already in your record');
    await expect(popup.locator('.st-list')).toHaveAttribute('data-drafts', '0');
    await expect(stanceOf(popup)).toHaveCount(0);
  });

  test('Escape in the form gives focus back to its "Add to my record"; after Save focus is on Undo, and after Undo on "Add" again', async ({ context, serviceWorker, extensionId }) => {
    const { popup } = await popupFor(context, serviceWorker, extensionId, '/statements.html');
    await addPodolyak(popup).focus();
    await popup.keyboard.press('Enter');
    // Focus is in the form (its first control: "Keep the verbatim quote").
    await expect(region(popup, 'Mykhailo Podolyak').getByLabel('Keep the verbatim quote')).toBeFocused();
    await popup.keyboard.press('Escape');
    await expect(region(popup, 'Mykhailo Podolyak').locator('form')).toHaveCount(0);
    await expect(addPodolyak(popup)).toBeFocused();

    await popup.keyboard.press('Enter');
    await stanceOf(popup).fill('Podolyak demands withdrawal first.');
    await region(popup, 'Mykhailo Podolyak').getByRole('button', { name: 'Save to my record' }).focus();
    await popup.keyboard.press('Enter');
    const undo = region(popup, 'Mykhailo Podolyak').getByRole('button', { name: 'Undo' });
    await expect(undo).toBeFocused();
    await popup.keyboard.press('Enter');
    await expect.poll(async () => (await myRecord(popup)).length).toBe(0);
    await expect(addPodolyak(popup)).toBeFocused();
  });

  test('a page with no date: "Date said" is empty and required, the form says so, and a date given is recorded as the user\'s', async ({ context, serviceWorker, extensionId }) => {
    const { popup } = await popupFor(context, serviceWorker, extensionId, '/nodate.html');
    await expect(popup.locator('.st-list')).toContainText('1 statement by 1 speaker');
    await addPodolyak(popup).click();
    const date = region(popup, 'Mykhailo Podolyak').getByLabel('Date said');
    await expect(date).toHaveValue('');
    await expect(date).toHaveAccessibleDescription('No date found on this page: give the day it was said.');
    await region(popup, 'Mykhailo Podolyak').getByRole('button', { name: 'Save to my record' }).click();
    // Refused (the field is required): the form stays, and nothing is recorded.
    await expect(date).toBeVisible();
    expect(await date.evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);
    expect(await myRecord(popup)).toEqual([]);
    await date.fill('2023-03-02');
    await region(popup, 'Mykhailo Podolyak').getByRole('button', { name: 'Save to my record' }).click();
    await expect(region(popup, 'Mykhailo Podolyak')).toContainText('Added to your record');
    const [saved] = await myRecord(popup);
    expect(saved?.date).toMatchObject({ from: '2023-03-02', reasoning: 'date entered by you' });
  });

  test('one statement is recorded once: a double submit, and a second save from the side panel, which is told it is in the record already', async ({ context, serviceWorker, extensionId }) => {
    const { popup, tabId } = await popupFor(context, serviceWorker, extensionId, '/statements.html');
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/src/pages/sidepanel/index.html?tab=${tabId}`);
    await panel.getByRole('tab', { name: 'Statements on this page' }).click();
    await addPodolyak(panel).click();
    await stanceOf(panel).fill('From the side panel.');

    await addPodolyak(popup).click();
    await stanceOf(popup).fill('From the popup.');
    await popup.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('.st-form')!;
      form.requestSubmit();
      form.requestSubmit();
    });
    await expect(region(popup, 'Mykhailo Podolyak')).toContainText('Added to your record');
    await expect.poll(async () => (await myRecord(popup)).map((p) => p.stance)).toEqual(['From the popup.']);

    // The side panel still offers its form (it listed the statement before): saving says so instead of adding twice.
    await region(panel, 'Mykhailo Podolyak').getByRole('button', { name: 'Save to my record' }).click();
    await expect(panel.locator('.st-live')).toHaveText('This statement is already in the record: it was not added twice.');
    await expect(region(panel, 'Mykhailo Podolyak')).toContainText('Already in your record');
    expect((await myRecord(popup)).map((p) => p.stance)).toEqual(['From the popup.']);
  });
});
