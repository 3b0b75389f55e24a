import type { Page, Worker } from '@playwright/test';
import { expect, test } from './extension.ts';
import { highlightTexts } from './popover.ts';
import { shadowFocus, shadowTarget, shadowText } from './shadow.ts';

const HOST = 'onrecord-selection';
const SAVED = 'onrecord-saved-yellow';

/** Waits until OnRecord's content script runs on the page (its saved-highlight layer is registered). */
async function ready(page: Page) {
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('onrecord-saved-yellow'))).toBe(true);
}

/** Endpoints of `text` inside `selector`: just inside its first and last characters. */
async function textEnds(page: Page, selector: string, text: string) {
  return page.evaluate(
    ([sel, t]) => {
      const el = document.querySelector(sel!)!;
      const node = [...el.childNodes].find((n) => n.nodeType === 3 && (n as Text).data.includes(t!)) as Text;
      const at = node.data.indexOf(t!);
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + t!.length);
      const rects = [...r.getClientRects()];
      const first = rects[0]!;
      const last = rects.at(-1)!;
      return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
    },
    [selector, text],
  );
}

/** Selects `text` in `selector` with a real mouse drag. */
async function dragSelect(page: Page, selector: string, text: string) {
  const { from, to } = await textEnds(page, selector, text);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  expect(await page.evaluate(() => getSelection()!.toString())).toBe(text);
}

/** Selects `text` in `selector` the way a script would (setup only; saving still needs trusted input). */
async function selectText(page: Page, selector: string, text: string) {
  await page.evaluate(
    ([sel, t]) => {
      const el = document.querySelector(sel!)!;
      const node = [...el.childNodes].find((n) => n.nodeType === 3 && (n as Text).data.includes(t!)) as Text;
      const at = node.data.indexOf(t!);
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + t!.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    },
    [selector, text],
  );
}

async function clickInShadow(page: Page, selector: string, text = '') {
  const at = await expect.poll(() => shadowTarget(page, HOST, selector, text)).toBeDefined().then(() => shadowTarget(page, HOST, selector, text));
  await page.mouse.click(at!.x, at!.y);
}

async function savedRows(sw: Worker): Promise<Array<Record<string, unknown>>> {
  return sw.evaluate(
    () =>
      new Promise<Array<Record<string, unknown>>>((ok, fail) => {
        const open = indexedDB.open('onrecord');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('highlights').objectStore('highlights').getAll();
          req.onsuccess = () => ok(req.result as Array<Record<string, unknown>>);
          req.onerror = () => fail(req.error);
        };
      }),
  );
}

/** Saves `text` of `selector` through the toolbar and closes the editor; returns nothing until the row exists. */
async function saveThroughToolbar(page: Page, sw: Worker, selector: string, text: string) {
  const before = (await savedRows(sw)).length;
  await ready(page);
  await dragSelect(page, selector, text);
  await clickInShadow(page, 'button', 'Save highlight');
  await expect.poll(async () => (await savedRows(sw)).length).toBe(before + 1);
  await expect.poll(() => shadowText(page, HOST)).toContain('Highlight saved');
  await page.keyboard.press('Escape');
  await expect.poll(() => shadowText(page, HOST)).not.toContain('Highlight saved');
}

test.describe('saving highlights and finding them again', () => {
  test('the toolbar saves a selection, which is drawn again after a reload', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await ready(page);
    await dragSelect(page, '#b', 'the talks would resume next week');
    await expect.poll(() => shadowText(page, HOST)).toContain('Save highlight');
    expect(await shadowText(page, HOST)).toContain('Check claim');
    await clickInShadow(page, 'button', 'Save highlight');
    await expect.poll(() => highlightTexts(page, SAVED)).toEqual(['the talks would resume next week']);
    // The editor opens with the note field focused, for a note at once.
    await expect.poll(() => shadowFocus(page, HOST)).toBe('textarea');
    await page.keyboard.type('Compare with the March promise.');
    await clickInShadow(page, 'button', 'Save');
    await expect.poll(async () => (await savedRows(serviceWorker))[0]?.note).toBe('Compare with the March promise.');
    const [row] = await savedRows(serviceWorker);
    expect(row).toMatchObject({
      pageUrl: new URL('/highlights.html', page.url()).href,
      pageTitle: 'Fixture: highlights',
      color: 'yellow',
      selectors: { quote: { exact: 'the talks would resume next week' } },
    });

    await page.reload();
    await expect.poll(() => highlightTexts(page, SAVED)).toEqual(['the talks would resume next week']);
    // Clicking it shows the note.
    const { from } = await textEnds(page, '#b', 'talks would');
    await page.mouse.click(from.x + 4, from.y);
    await expect.poll(() => shadowText(page, HOST)).toContain('Compare with the March promise.');
  });

  test('tracking parameters and fragments do not hide a page\'s highlights; entities are recorded', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await saveThroughToolbar(page, serviceWorker, '#a', 'Kremlin spokesman Dmitry Peskov said on Tuesday');
    const [row] = await savedRows(serviceWorker);
    expect(row!.entityIds).toEqual(expect.arrayContaining(['dmitry-peskov']));
    await page.goto('/highlights.html?utm_source=newsletter&fbclid=xyz#top');
    await expect.poll(() => highlightTexts(page, SAVED)).toEqual(['Kremlin spokesman Dmitry Peskov said on Tuesday']);
  });

  test('a slightly edited page still anchors the highlight', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await saveThroughToolbar(page, serviceWorker, '#b', 'The minister said the talks would resume next week');
    await page.goto('/highlights.html#edited');
    await page.reload();
    expect(await page.textContent('#b')).toContain('will resume');
    await expect.poll(() => highlightTexts(page, SAVED)).toEqual(['The minister said the talks will resume next week']);
  });

  test('a highlight whose paragraph was removed is kept and listed as an orphan', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await saveThroughToolbar(page, serviceWorker, '#c', 'promised exactly the same thing in March');
    await saveThroughToolbar(page, serviceWorker, '#d', 'declined to comment');
    await page.goto('/highlights.html#removed');
    await page.reload();
    await expect.poll(() => highlightTexts(page, SAVED)).toEqual(['declined to comment']);
    await expect
      .poll(async () => (await savedRows(serviceWorker)).find((r) => (r.selectors as { quote: { exact: string } }).quote.exact.includes('March'))?.orphanedAt)
      .toBeGreaterThan(0);
    expect(await savedRows(serviceWorker)).toHaveLength(2);
  });

  test('content that loads late is anchored when it arrives', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await saveThroughToolbar(page, serviceWorker, '#d', 'declined to comment on the timetable');
    await page.goto('/highlights.html#late');
    await page.reload();
    expect(await page.$('#d')).toBeNull();
    await expect.poll(() => highlightTexts(page, SAVED), { timeout: 8_000 }).toEqual(['declined to comment on the timetable']);
    // It arrived within the report delay: never recorded as an orphan.
    await page.waitForTimeout(1_500);
    expect((await savedRows(serviceWorker))[0]!.orphanedAt).toBeUndefined();
  });

  test('saving, noting and tagging with the keyboard only', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await ready(page);
    await selectText(page, '#c', 'Critics said the minister');
    await page.keyboard.press('Alt+Shift+H');
    await expect.poll(async () => (await savedRows(serviceWorker)).length).toBe(1);
    await expect.poll(() => shadowFocus(page, HOST)).toBe('textarea');
    await page.keyboard.type('Who are the critics?');
    await page.keyboard.press('Tab');
    await page.keyboard.type('sourcing');
    await page.keyboard.press('Enter');
    await page.keyboard.type('follow up');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await savedRows(serviceWorker))[0]?.tags).toEqual(['sourcing', 'follow up']);
    expect((await savedRows(serviceWorker))[0]!.note).toBe('Who are the critics?');
    await expect.poll(() => shadowText(page, HOST)).toBe('');
    // Alt+Shift+H with nothing selected opens the saved highlight from the keyboard.
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await page.keyboard.press('Alt+Shift+H');
    await expect.poll(() => shadowText(page, HOST)).toContain('Who are the critics?');
    expect(await shadowFocus(page, HOST)).toBe('div');
    expect(await savedRows(serviceWorker)).toHaveLength(1);
  });

  test('untrusted key events from the page cannot save', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await ready(page);
    await selectText(page, '#b', 'three months');
    await page.evaluate(() => {
      for (const type of ['keydown', 'keyup']) {
        window.dispatchEvent(new KeyboardEvent(type, { code: 'KeyH', key: 'H', altKey: true, shiftKey: true, bubbles: true }));
      }
    });
    await page.waitForTimeout(500);
    expect(await savedRows(serviceWorker)).toHaveLength(0);
  });

  test('no note, tag or highlight list is readable from the page\'s own scripts', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await ready(page);
    await selectText(page, '#b', 'after a pause of three months');
    await page.keyboard.press('Alt+Shift+H');
    await expect.poll(() => shadowFocus(page, HOST)).toBe('textarea');
    await page.keyboard.type('SECRET-NOTE-41');
    await page.keyboard.press('Tab');
    await page.keyboard.type('secret-tag-77');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await savedRows(serviceWorker))[0]?.tags).toEqual(['secret-tag-77']);
    const ids = (await savedRows(serviceWorker)).map((r) => r.id as string);
    // With the editor open, too.
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await page.keyboard.press('Alt+Shift+H');
    await expect.poll(() => shadowText(page, HOST)).toContain('SECRET-NOTE-41');
    const seen = await page.evaluate(() => (window as unknown as { snoop(): { text: string; highlightNames: string[] } }).snoop());
    for (const secret of ['SECRET-NOTE-41', 'secret-tag-77', ...ids]) expect(seen.text).not.toContain(secret);
    expect(seen.highlightNames.filter((n) => n.startsWith('onrecord-saved-')).every((n) => /^onrecord-saved-(yellow|green|blue|pink|purple)$/.test(n))).toBe(true);
    for (const name of seen.highlightNames) {
      for (const secret of ['SECRET', 'secret', ...ids]) expect(name).not.toContain(secret);
    }
    expect(await page.evaluate(() => document.querySelector('onrecord-selection')?.shadowRoot ?? null)).toBeNull();
  });
});
