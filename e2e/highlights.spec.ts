import type { Page, Worker } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SavedHighlight } from '../src/core/annotations/model.ts';
import { sampleHighlight } from '../src/core/annotations/testing.ts';
import { contentIdle, countRows, expect, launchWithExtension, newestTabId, putRows, serviceWorkerOf, tableRows, test, welcomePage } from './extension.ts';
import { markBoxes, markedTexts, marksReady } from './marks.ts';
import { UI_HOST } from '../src/page-text/element-rules.ts';
import { REAL_PAGES_DIR } from '../test/support/real-pages.ts';
import { clickToClose, NOTE_PAGE, noteWindowFrom, pressToClose } from './note-window.ts';
import { shadowTarget, shadowText } from './shadow.ts';

const HOST = UI_HOST.selection;
const SAVED = 'saved-yellow';

/** Waits until OnRecord's content script runs on the page (its private marks layer is on the page). */
async function ready(page: Page) {
  await marksReady(page);
}

/**
 * In the page: the first occurrence of `text` in one of `selector`'s own text nodes, selected the way a script
 * would when `select` is set (setup only; saving still needs trusted input). Returns points just inside its first
 * and last characters.
 */
async function locateText(page: Page, selector: string, text: string, select: boolean) {
  return page.evaluate(
    ([sel, t, sel2]) => {
      const el = document.querySelector(sel as string)!;
      const node = [...el.childNodes].find((n) => n.nodeType === 3 && (n as Text).data.includes(t as string)) as Text;
      const at = node.data.indexOf(t as string);
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + (t as string).length);
      if (sel2) {
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(r);
      }
      const rects = [...r.getClientRects()];
      const first = rects[0]!;
      const last = rects.at(-1)!;
      return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
    },
    [selector, text, select] as const,
  );
}

/** Endpoints of `text` inside `selector`: just inside its first and last characters. */
const textEnds = (page: Page, selector: string, text: string) => locateText(page, selector, text, false);

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
async function selectText(page: Page, selector: string, text: string): Promise<void> {
  await locateText(page, selector, text, true);
}

async function clickInShadow(page: Page, selector: string, text = '') {
  const at = await expect.poll(() => shadowTarget(page, HOST, selector, text)).toBeDefined().then(() => shadowTarget(page, HOST, selector, text));
  await page.mouse.click(at!.x, at!.y);
}

const savedRows = (sw: Worker) => tableRows(sw, 'highlights');

/** Saves `text` of `selector` through the toolbar and closes the note window; returns nothing until the row exists. */
async function saveThroughToolbar(page: Page, sw: Worker, selector: string, text: string) {
  const before = (await savedRows(sw)).length;
  await ready(page);
  await dragSelect(page, selector, text);
  const note = await noteWindowFrom(page.context(), () => clickInShadow(page, 'button', 'Save highlight'));
  await expect.poll(async () => (await savedRows(sw)).length).toBe(before + 1);
  await expect(note.getByRole('heading', { name: 'Highlight saved' })).toBeVisible();
  await pressToClose(note, 'Escape');
}

test.describe('saving highlights and finding them again', () => {
  test('the toolbar saves a selection, which is drawn again after a reload', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await ready(page);
    await dragSelect(page, '#b', 'the talks would resume next week');
    await expect.poll(() => shadowText(page, HOST)).toContain('Save highlight');
    expect(await shadowText(page, HOST)).toContain('Check claim');
    // The note editor opens in its own extension window, with the note field focused, for a note at once.
    const note = await noteWindowFrom(context, () => clickInShadow(page, 'button', 'Save highlight'));
    await expect.poll(() => markedTexts(page, SAVED)).toEqual(['the talks would resume next week']);
    await expect(note.locator('blockquote')).toHaveText('the talks would resume next week');
    await note.keyboard.type('Compare with the March promise.');
    await clickToClose(note, note.getByRole('button', { name: 'Save', exact: true }));
    await expect.poll(async () => (await savedRows(serviceWorker))[0]?.note).toBe('Compare with the March promise.');
    const [row] = await savedRows(serviceWorker);
    expect(row).toMatchObject({
      pageUrl: new URL('/highlights.html', page.url()).href,
      pageTitle: 'Fixture: highlights',
      color: 'yellow',
      selectors: { quote: { exact: 'the talks would resume next week' } },
    });

    await page.reload();
    await expect.poll(() => markedTexts(page, SAVED)).toEqual(['the talks would resume next week']);
    // Clicking it shows the note.
    const { from } = await textEnds(page, '#b', 'talks would');
    const again = await noteWindowFrom(context, () => page.mouse.click(from.x + 4, from.y));
    await expect(again.locator('textarea')).toHaveValue('Compare with the March promise.');
    await expect(again.getByRole('heading', { name: 'Your highlight' })).toBeVisible();
    // "All highlights" opens the library.
    const library = context.waitForEvent('page');
    await again.getByRole('button', { name: 'All highlights' }).click();
    const opened = await library;
    await expect.poll(() => opened.url()).toContain('/src/pages/library/index.html');
    await expect(opened.locator('.hl-note')).toHaveText('Compare with the March promise.');
  });

  test('tracking parameters and fragments do not hide a page\'s highlights; entities are recorded', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await saveThroughToolbar(page, serviceWorker, '#a', 'Kremlin spokesman Dmitry Peskov said on Tuesday');
    const [row] = await savedRows(serviceWorker);
    expect(row!.entityIds).toEqual(expect.arrayContaining(['dmitry-peskov']));
    await page.goto('/highlights.html?utm_source=newsletter&fbclid=xyz#top');
    await expect.poll(() => markedTexts(page, SAVED)).toEqual(['Kremlin spokesman Dmitry Peskov said on Tuesday']);
  });

  test('a slightly edited page still anchors the highlight', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await saveThroughToolbar(page, serviceWorker, '#b', 'The minister said the talks would resume next week');
    await page.goto('/highlights.html#edited');
    await page.reload();
    expect(await page.textContent('#b')).toContain('will resume');
    await expect.poll(() => markedTexts(page, SAVED)).toEqual(['The minister said the talks will resume next week']);
  });

  test('a highlight whose paragraph was removed is kept and listed as an orphan', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await saveThroughToolbar(page, serviceWorker, '#c', 'promised exactly the same thing in March');
    await saveThroughToolbar(page, serviceWorker, '#d', 'declined to comment');
    await page.goto('/highlights.html#removed');
    await page.reload();
    await expect.poll(() => markedTexts(page, SAVED)).toEqual(['declined to comment']);
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
    await expect.poll(() => markedTexts(page, SAVED), { timeout: 8_000 }).toEqual(['declined to comment on the timetable']);
    // It arrived within the report delay: never recorded as an orphan (the report has been sent once idle).
    await contentIdle(serviceWorker, page);
    expect((await savedRows(serviceWorker))[0]!.orphanedAt).toBeUndefined();
  });

  test('saving, noting and tagging with the keyboard only', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await ready(page);
    await selectText(page, '#c', 'Critics said the minister');
    const note = await noteWindowFrom(context, () => page.keyboard.press('Alt+Shift+H'));
    await expect.poll(async () => (await savedRows(serviceWorker)).length).toBe(1);
    await note.keyboard.type('Who are the critics?');
    await note.keyboard.press('Tab');
    await note.keyboard.type('sourcing');
    await note.keyboard.press('Enter');
    await note.keyboard.type('follow up');
    await note.keyboard.press('Enter');
    await pressToClose(note, 'Control+Enter');
    await expect.poll(async () => (await savedRows(serviceWorker))[0]?.tags).toEqual(['sourcing', 'follow up']);
    expect((await savedRows(serviceWorker))[0]!.note).toBe('Who are the critics?');
    // Saving the same passage again opens the highlight there is instead of making a second one.
    await selectText(page, '#c', 'Critics said the minister');
    const same = await noteWindowFrom(context, () => page.keyboard.press('Alt+Shift+H'));
    await expect(same.locator('textarea')).toHaveValue('Who are the critics?');
    expect(await savedRows(serviceWorker)).toHaveLength(1);
    // Esc closes it, keeping what was typed: the draft is saved, never thrown away.
    await same.keyboard.type(' And when?');
    await pressToClose(same, 'Escape');
    await expect.poll(async () => (await savedRows(serviceWorker))[0]?.note).toBe('Who are the critics? And when?');
    // Alt+Shift+H with nothing selected opens the saved highlight from the keyboard.
    await page.evaluate(() => getSelection()!.removeAllRanges());
    const walked = await noteWindowFrom(context, () => page.keyboard.press('Alt+Shift+H'));
    await expect(walked.locator('textarea')).toHaveValue('Who are the critics? And when?');
    // Closed with the window's own close button (no Esc, no Save): the draft is kept all the same.
    await walked.keyboard.type(' Ask them.');
    await expect.poll(() => walked.evaluate(() => Object.keys(localStorage).length)).toBe(1);
    await walked.close();
    await expect.poll(async () => (await savedRows(serviceWorker))[0]?.note).toBe('Who are the critics? And when? Ask them.');
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
    // The events were dispatched synchronously; a save they started would still be in flight.
    await contentIdle(serviceWorker, page);
    expect(await savedRows(serviceWorker)).toHaveLength(0);
  });

  test('a saved passage is drawn where the reader sees it: it follows scrolling and hides under what covers it', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html#covered');
    await saveThroughToolbar(page, serviceWorker, '#b', 'after a pause of three months');
    // How far the first drawn box is from the text's first line box (the page's own geometry).
    const offset = async (): Promise<number | null> => {
      const [group] = await markBoxes(page, SAVED);
      if (!group) return null;
      const text = await page.evaluate(() => {
        const node = document.querySelector('#b')!.firstChild as Text;
        const at = node.data.indexOf('after a pause');
        const r = document.createRange();
        r.setStart(node, at);
        r.setEnd(node, at + 'after a pause of three months'.length);
        const box = r.getClientRects()[0]!;
        return { left: box.left, top: box.top };
      });
      return Math.max(Math.abs(group[0]!.left - text.left), Math.abs(group[0]!.top - text.top));
    };
    await expect.poll(offset).toBeLessThan(1);
    // Redrawn in the frame of the scroll (not by the one-second check): two frames later the box is on the text.
    await page.evaluate(() => new Promise((done) => {
      scrollTo(0, 60);
      requestAnimationFrame(() => requestAnimationFrame(done));
    }));
    expect(await offset()).toBeLessThan(1);
    // Scrolled under the fixed header: the header covers the passage, and so nothing is drawn over the header.
    const under = await page.evaluate(() => {
      const node = document.querySelector('#b')!.firstChild as Text;
      const r = document.createRange();
      r.setStart(node, node.data.indexOf('after a pause'));
      r.setEnd(node, node.data.indexOf('after a pause') + 5);
      return r.getBoundingClientRect().top + scrollY - 20;
    });
    await page.evaluate((y) => scrollTo(0, y), under);
    await expect.poll(async () => (await markBoxes(page, SAVED)).length).toBe(0);
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(offset).toBeLessThan(1);
    expect(await markedTexts(page, SAVED)).toEqual(['after a pause of three months']);
  });

  test('no note, tag or highlight list is readable from the page\'s own scripts', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await ready(page);
    await selectText(page, '#b', 'after a pause of three months');
    const note = await noteWindowFrom(context, () => page.keyboard.press('Alt+Shift+H'));
    await note.keyboard.type('SECRET-NOTE-41');
    await note.keyboard.press('Tab');
    await note.keyboard.type('secret-tag-77');
    await note.keyboard.press('Enter');
    await pressToClose(note, 'Control+Enter');
    await expect.poll(async () => (await savedRows(serviceWorker))[0]?.tags).toEqual(['secret-tag-77']);
    const ids = (await savedRows(serviceWorker)).map((r) => r.id as string);
    // With the editor open, too.
    await page.evaluate(() => getSelection()!.removeAllRanges());
    const open = await noteWindowFrom(context, () => page.keyboard.press('Alt+Shift+H'));
    await expect(open.locator('textarea')).toHaveValue('SECRET-NOTE-41');
    const seen = await page.evaluate(() => (window as unknown as { snoop(): { text: string; highlightNames: string[]; rangeTexts: string[] } }).snoop());
    for (const secret of ['SECRET-NOTE-41', 'secret-tag-77', ...ids]) expect(seen.text).not.toContain(secret);
    // The saved passage is drawn (in the closed marks layer)…
    await expect.poll(() => markedTexts(page, SAVED)).toEqual(['after a pause of three months']);
    // …and is in no highlight the page can list: the registry is shared with page scripts (ADR 019).
    expect(seen.highlightNames.filter((n) => n.startsWith('onrecord-saved') || n === 'onrecord-checked')).toEqual([]);
    expect(seen.rangeTexts.length).toBeGreaterThan(0);
    for (const text of seen.rangeTexts) expect(text).not.toContain('pause of three');
    for (const name of seen.highlightNames) {
      for (const secret of ['SECRET', 'secret', ...ids]) expect(name).not.toContain(secret);
    }
    expect(await page.evaluate(() => document.querySelector('[data-onrecord-ui="onrecord-selection"]')?.shadowRoot ?? null)).toBeNull();
  });
});

// ---------------------------------------------------------------- the library page

function libraryUrl(extensionId: string, tab = ''): string {
  return `chrome-extension://${extensionId}/src/pages/library/index.html${tab}`;
}

async function openLibrary(page: Page, extensionId: string, sw: Worker, rows: SavedHighlight[] = []) {
  await expect.poll(() => countRows(sw, 'highlights')).toBeGreaterThanOrEqual(0);
  await page.goto(libraryUrl(extensionId));
  if (rows.length > 0) {
    await putRows(sw, 'highlights', rows);
    await page.reload();
  }
  await expect(page.getByRole('tab', { name: 'Highlights' })).toHaveAttribute('aria-selected', 'true');
}

const quotes = (page: Page) => page.locator('.hl-quote').allInnerTexts();

test.describe('the library', () => {
  test('lists highlights newest first by page, searches text, notes and tags, and filters', async ({ context, serviceWorker, extensionId }) => {
    const page = await context.newPage();
    const rows = Array.from({ length: 12 }, (_, i) => sampleHighlight(i));
    await openLibrary(page, extensionId, serviceWorker, rows);
    // A virtual list: only the rows in view exist; the count says how many there are.
    await expect(page.locator('.hl-count')).toHaveText('12 highlights');
    const shown = await quotes(page);
    expect(shown.length).toBeLessThan(12);
    expect(shown[0]).toContain('(11)');
    await expect(page.locator('.hl-page-title').first()).toHaveText(rows[11]!.pageTitle);

    const search = page.getByRole('searchbox', { name: 'Search text, notes and tags' });
    await search.fill('compare STATEMENT');
    await expect(page.locator('.hl-item')).toHaveCount(rows.filter((h) => h.note.includes('compare')).length);
    await search.fill('(7).');
    await expect.poll(() => quotes(page)).toEqual([rows[7]!.selectors.quote.exact]);
    await search.fill('');

    await page.getByLabel('Filter by tag').selectOption('policy');
    const tagged = rows.filter((h) => h.tags.includes('policy'));
    await expect(page.locator('.hl-item')).toHaveCount(tagged.length);
    await page.getByLabel('Filter by site').selectOption('wire.example.net');
    await expect(page.locator('.hl-item')).toHaveCount(tagged.filter((h) => h.pageUrl.includes('wire.example.net')).length);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByLabel('Filter by who or what it mentions').selectOption('peskov');
    await expect(page.locator('.hl-item')).toHaveCount(rows.filter((h) => h.entityIds.includes('peskov')).length);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    const day = new Date(rows[3]!.createdAt);
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    await page.getByLabel('Saved from').fill(iso);
    await page.getByLabel('Saved until').fill(iso);
    const sameDay = rows.filter((h) => new Date(h.createdAt).toDateString() === day.toDateString()).length;
    await expect(page.locator('.hl-count')).toHaveText(sameDay === 12 ? '12 of 12 highlights' : `${sameDay} of 12 highlights`);
    await page.getByLabel('Saved from').fill(`${day.getFullYear() + 1}-01-01`);
    await page.getByLabel('Saved until').fill('');
    await expect(page.getByRole('heading', { name: 'Nothing matches' })).toBeVisible();

    // Export what the filters show, as CSV and as Markdown.
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByLabel('Filter by tag').selectOption('policy');
    await page.getByLabel('Export format').selectOption('csv');
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: `Export ${tagged.length}` }).click();
    const csv = await readFile((await (await csvDownload).path())!, 'utf8');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(tagged.length + 1);
    await page.getByLabel('Export format').selectOption('markdown');
    const mdDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: `Export ${tagged.length}` }).click();
    const md = await readFile((await (await mdDownload).path())!, 'utf8');
    for (const h of tagged) expect(md).toContain(`> ${h.selectors.quote.exact}`);
    expect(md).toContain(`](${tagged[0]!.pageUrl})`);
  });

  test('an empty library says how to start; delete has Undo; a page\'s orphans are listed', async ({ context, serviceWorker, extensionId }) => {
    const page = await context.newPage();
    await openLibrary(page, extensionId, serviceWorker);
    await expect(page.getByRole('heading', { name: 'No highlights yet' })).toBeVisible();
    await putRows(serviceWorker, 'highlights', [sampleHighlight(1), sampleHighlight(2, { orphanedAt: Date.UTC(2024, 3, 1) })]);
    await page.reload();
    await expect(page.locator('.hl-item')).toHaveCount(2);
    await expect(page.locator('.hl-orphan')).toHaveCount(1);
    await page.getByLabel('Not found on their page').check();
    await expect(page.locator('.hl-item')).toHaveCount(1);
    await page.getByLabel('Not found on their page').uncheck();

    await page.locator('.hl-item').first().getByRole('button', { name: 'Delete this highlight' }).click();
    await expect(page.locator('.hl-item')).toHaveCount(1);
    await expect.poll(() => countRows(serviceWorker, 'highlights')).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('.hl-item')).toHaveCount(2);
    await expect.poll(() => countRows(serviceWorker, 'highlights')).toBe(2);
  });

  test('edit from the library with the keyboard', async ({ context, serviceWorker, extensionId }) => {
    const page = await context.newPage();
    await openLibrary(page, extensionId, serviceWorker, [sampleHighlight(1), sampleHighlight(2), sampleHighlight(3)]);
    // Arrow keys move between rows (page headings and highlights); Tab enters a row's buttons.
    await page.locator('.vl-scroller').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('.vl-row:focus')).toHaveAttribute('aria-posinset', '1');
    await page.keyboard.press('End');
    const last = await page.locator('.vl-row:focus').getAttribute('aria-setsize');
    await expect(page.locator('.vl-row:focus')).toHaveAttribute('aria-posinset', last!);
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('.vl-row:focus')).toHaveAttribute('aria-posinset', String(Number(last) - 1));
    await page.keyboard.press('End');
    // Each key waits for the focus it moves: the virtual list renders the focused row asynchronously.
    await expect(page.locator('.vl-row:focus')).toHaveAttribute('aria-posinset', last!);
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAttribute('aria-label', 'Open the page at this highlight');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAttribute('aria-label', 'Edit note and tags');
    const editedQuote = await page.locator('.vl-row', { has: page.locator(':focus') }).locator('.hl-quote').innerText();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Edit highlight' })).toBeVisible();
    await page.keyboard.type('A note from the library');
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('.hl-item', { hasText: editedQuote }).locator('.hl-note')).toHaveText('A note from the library');
    // Closing gives focus back to the button that opened the dialog: the keyboard user keeps their place.
    await expect(page.locator(':focus')).toHaveAttribute('aria-label', 'Edit note and tags');
    await expect(page.locator('.vl-row', { has: page.locator(':focus') }).locator('.hl-quote')).toHaveText(editedQuote);
    await expect
      .poll(async () => (await savedRows(serviceWorker)).find((r) => (r.selectors as { quote: { exact: string } }).quote.exact === editedQuote)?.note)
      .toBe('A note from the library');
  });

  test('a note typed in the library\'s dialog is never thrown away: Esc and a click away save it, with Undo; an unsaved draft is offered back', async ({ context, serviceWorker, extensionId }) => {
    // Issue 14: the same editor as the note window, the same behaviour (it used to drop the note on Esc).
    const page = await context.newPage();
    const h = sampleHighlight(1, { note: 'What was there before', tags: ['policy'] });
    await openLibrary(page, extensionId, serviceWorker, [h]);
    const noteOf = async () => (await savedRows(serviceWorker)).find((r) => r.id === h.id)?.note;
    const dialog = page.getByRole('dialog', { name: 'Edit highlight' });
    const field = dialog.getByRole('textbox', { name: 'Note' });

    await page.getByRole('button', { name: 'Edit note and tags' }).click();
    await expect(dialog.getByText('Esc or Ctrl+Enter: save and close')).toBeVisible();
    await expect(field).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Months of work, typed here');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Edit note and tags' })).toBeFocused();
    await expect(page.locator('.hl-item .hl-note')).toHaveText('Months of work, typed here');
    await expect.poll(noteOf).toBe('Months of work, typed here');
    // The change is data: Undo puts back what was there.
    await expect(page.getByText('Note and tags saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(noteOf).toBe('What was there before');
    await expect(page.locator('.hl-item .hl-note')).toHaveText('What was there before');

    // A click on the backdrop, away from the editor, saves too.
    await page.getByRole('button', { name: 'Edit note and tags' }).click();
    await field.fill('Clicked away from this one');
    await page.mouse.click(5, 5);
    await expect(dialog).toHaveCount(0);
    await expect.poll(noteOf).toBe('Clicked away from this one');

    // The library tab goes away mid-sentence: the draft is kept in the extension's own storage and offered back.
    await page.getByRole('button', { name: 'Edit note and tags' }).click();
    await field.fill('A sentence the tab never saved');
    await page.close();
    const again = await context.newPage();
    await openLibrary(again, extensionId, serviceWorker);
    await again.getByRole('button', { name: 'Edit note and tags' }).click();
    const back = again.getByRole('dialog', { name: 'Edit highlight' });
    await expect(back.getByText('What you typed last time was not saved, and is back here.')).toBeVisible();
    await expect(back.getByRole('textbox', { name: 'Note' })).toHaveValue('A sentence the tab never saved');
    const stored = (await savedRows(serviceWorker)).find((r) => r.id === h.id)!;
    expect(stored.note).toBe('Clicked away from this one');
    // Discard gives the saved note back and forgets the draft; closing then changes nothing.
    await back.getByRole('button', { name: 'Discard it' }).click();
    await expect(back.getByRole('textbox', { name: 'Note' })).toHaveValue('Clicked away from this one');
    await expect(back.getByText('is back here')).toHaveCount(0);
    expect(await again.evaluate((id) => localStorage.getItem(`onrecord:note-draft:${id}`), h.id)).toBeNull();
    await again.keyboard.press('Escape');
    // A positive sign first (the dialog gone: the editor leaves only after a save it started has been answered),
    // then the stored row, which was not written again (the note alone could not tell: a wrongful save writes the same).
    await expect(back).toHaveCount(0);
    await expect(again.getByText('Note and tags saved.')).toHaveCount(0);
    expect((await savedRows(serviceWorker)).find((r) => r.id === h.id)).toMatchObject({ note: stored.note, updatedAt: stored.updatedAt });
  });

  test('"open" goes to the page and shows the highlight', async ({ context, serviceWorker, extensionId }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await saveThroughToolbar(page, serviceWorker, '#c', 'promised exactly the same thing');
    await page.close();
    const library = await context.newPage();
    await openLibrary(library, extensionId, serviceWorker);
    const pages: Page[] = [];
    context.on('page', (p) => pages.push(p));
    await library.getByRole('button', { name: 'Open the page at this highlight' }).click();
    await expect.poll(() => pages.length).toBeGreaterThan(0);
    const target = pages[0]!;
    await expect.poll(() => markedTexts(target, SAVED)).toEqual(['promised exactly the same thing']);
    // The page opens its note in the note window.
    await expect.poll(() => pages.some((p) => p.url().includes(NOTE_PAGE))).toBe(true);
    const note = pages.find((p) => p.url().includes(NOTE_PAGE))!;
    await expect(note.getByRole('heading', { name: 'Your highlight' })).toBeVisible();
    await expect(note.locator('blockquote')).toHaveText('promised exactly the same thing');
  });

  test('export, then import into an empty profile, gives back exactly what was exported', async ({ context, serviceWorker, extensionId }) => {
    const page = await context.newPage();
    const rows = Array.from({ length: 30 }, (_, i) => sampleHighlight(i, i === 4 ? { canonicalUrl: 'https://news.example.com/c' } : {}));
    await openLibrary(page, extensionId, serviceWorker, rows);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export 30' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^onrecord-highlights-\d{4}-\d\d-\d\d\.jsonld$/);
    const exported = await readFile((await file.path())!, 'utf8');
    const doc = JSON.parse(exported);
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.first.items).toHaveLength(30);

    const dir = mkdtempSync(join(tmpdir(), 'onrecord-e2e-empty-'));
    const fresh = await launchWithExtension(dir);
    try {
      await (await welcomePage(fresh)).close();
      const sw = await serviceWorkerOf(fresh);
      const id = new URL(sw.url()).host;
      const other = await fresh.newPage();
      await openLibrary(other, id, sw);
      await expect(other.getByRole('heading', { name: 'No highlights yet' })).toBeVisible();
      const path = join(dir, 'export.jsonld');
      writeFileSync(path, exported);
      await other.locator('input[type=file]').setInputFiles(path);
      await expect(other.getByText('Imported export.jsonld: 30 new, 0 updated, 0 already up to date.')).toBeVisible();
      expect(await savedRows(sw)).toEqual(expect.arrayContaining(rows));
      expect(await countRows(sw, 'highlights')).toBe(30);
      // Importing the same file again merges by id instead of duplicating.
      await other.locator('input[type=file]').setInputFiles(path);
      await expect(other.getByText('Imported export.jsonld: 0 new, 0 updated, 30 already up to date.')).toBeVisible();
      expect(await countRows(sw, 'highlights')).toBe(30);
      // And exporting there gives the same annotations back.
      const again = other.waitForEvent('download');
      await other.getByRole('button', { name: 'Export 30' }).click();
      const back = JSON.parse(await readFile((await (await again).path())!, 'utf8'));
      expect(back.first.items).toEqual(doc.first.items);

      // A file too large: refused by its size before it is read, in a sentence (issue 14, G7), nothing written.
      const hugePath = join(dir, 'huge.jsonld');
      writeFileSync(hugePath, Buffer.alloc(33 * 1024 * 1024, 0x20));
      await other.locator('input[type=file]').setInputFiles(hugePath);
      await expect(other.getByRole('alert')).toContainText('Nothing was imported.');
      await expect(other.getByRole('alert')).toContainText('huge.jsonld is 33 MB, larger than any highlights file OnRecord can import (32 MB). It was not read');
      expect(await countRows(sw, 'highlights')).toBe(30);
      await other.getByRole('button', { name: 'Dismiss' }).click();

      // A bad file: a clear error in words (file, which highlight, what is wrong), no JSON path, and nothing written.
      const bad = structuredClone(doc);
      bad.first.items[2].target.selector[0].exact = '';
      bad.first.items[3].id = 'urn:uuid:new-one';
      const badPath = join(dir, 'broken.jsonld');
      writeFileSync(badPath, JSON.stringify(bad));
      await other.locator('input[type=file]').setInputFiles(badPath);
      await expect(other.getByRole('alert')).toContainText('Nothing was imported.');
      await expect(other.getByRole('alert')).toContainText('broken.jsonld: highlight 3: the quoted text is empty.');
      await expect(other.getByRole('alert')).not.toContainText('$.');
      expect(await countRows(sw, 'highlights')).toBe(30);
      await other.getByRole('button', { name: 'Dismiss' }).click();

      // A note edited by hand in the file, its modification time untouched: listed as a conflict (yours kept), one
      // message on the page; taking the file's copy writes it, and Undo puts yours back.
      const edited = structuredClone(doc);
      const item = edited.first.items[0];
      const itemId = String(item.id).replace(/^urn:uuid:/, '');
      const before = (await savedRows(sw)).find((r) => r.id === itemId)!;
      item.body = [...(Array.isArray(item.body) ? item.body : item.body ? [item.body] : []).filter((b: { purpose?: string }) => b.purpose !== 'commenting'), { type: 'TextualBody', purpose: 'commenting', value: 'Edited in the file' }];
      const editedPath = join(dir, 'edited.jsonld');
      writeFileSync(editedPath, JSON.stringify(edited));
      await other.locator('input[type=file]').setInputFiles(editedPath);
      const conflicts = other.getByRole('alert');
      await expect(conflicts).toContainText('Imported edited.jsonld: 0 new, 0 updated, 29 already up to date.');
      await expect(conflicts).toContainText('edited in the file without a newer modification time');
      await expect(other.getByRole('status').filter({ hasText: 'Imported' })).toHaveCount(0);
      expect((await savedRows(sw)).find((r) => r.id === itemId)!.note).toBe(before.note);
      await conflicts.getByRole('button', { name: "Use the file's copies of these 1" }).click();
      await expect(other.getByRole('alert')).toHaveCount(0);
      const toast = other.getByRole('status').filter({ hasText: "Took the file's copies of 1 highlights from edited.jsonld" });
      await expect(toast).toBeVisible();
      await expect.poll(async () => (await savedRows(sw)).find((r) => r.id === itemId)!.note).toBe('Edited in the file');
      await toast.getByRole('button', { name: 'Undo' }).click();
      await expect(other.getByRole('status').filter({ hasText: 'Import undone.' })).toBeVisible();
      await expect.poll(async () => (await savedRows(sw)).find((r) => r.id === itemId)!.note).toBe(before.note);
      expect(await countRows(sw, 'highlights')).toBe(30);
    } finally {
      await fresh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe('the context menu and browser commands', () => {
  test('the background\'s "save selection" (context menu, Alt+Shift+H command) saves the page\'s selection', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await ready(page);
    await selectText(page, '#d', 'declined to comment');
    // What a context-menu click or the Alt+Shift+H command makes the background send.
    await page.bringToFront();
    await serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'bg-cs-save-selection' }, { frameId: 0 });
    });
    await expect.poll(async () => (await savedRows(serviceWorker)).map((r) => (r.selectors as { quote: { exact: string } }).quote.exact)).toEqual(['declined to comment']);
    await expect.poll(() => markedTexts(page, SAVED)).toEqual(['declined to comment']);
  });

  test('"Check claim" in the toolbar opens the check beside the page, showing the claim', async ({ context, serviceWorker, extensionId }) => {
    const page = await context.newPage();
    await page.goto('/highlights.html');
    await ready(page);
    const tabId = await newestTabId(serviceWorker);
    await dragSelect(page, '#b', 'the talks would resume next week');
    await clickInShadow(page, 'button', 'Check claim');
    await expect.poll(() => shadowText(page, HOST)).toMatch(/Checking the claim|Could not check/);
    expect(await shadowText(page, HOST)).toContain('Checking the claim');
    // The side panel where the browser opens it (its document is listed by runtime.getContexts, but headless
    // Chromium draws no panel a test could read), else a tab with the same page: either, for this tab.
    const panelUrl = `chrome-extension://${extensionId}/src/pages/sidepanel/index.html?tab=${tabId}`;
    const inPanel = () =>
      serviceWorker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.SIDE_PANEL] })).map((c) => c.documentUrl ?? ''));
    const inTab = () => context.pages().find((p) => p.url() === panelUrl);
    await expect.poll(async () => (await inPanel()).includes(panelUrl) || inTab() !== undefined).toBe(true);
    // What that page shows: the claim. A tab can be read as it is; the side panel's page is opened again in a tab.
    let shown = inTab();
    if (shown === undefined) {
      shown = await context.newPage();
      await shown.goto(panelUrl);
    }
    await expect(shown.locator('#sp-claim')).toHaveValue('the talks would resume next week');
    await expect(shown.locator('.sp-page a')).toHaveText(await page.title());
  });
});

test.describe('real saved pages', () => {
  const REAL_HOST = 'http://realpages.test';
  /** Every fourth page: sites with very different markup, within a minute. */
  const REAL_STRIDE = 4;
  /** test/fixtures/realpages (or ONRECORD_REALPAGES), found by test/support/real-pages.ts; missing is an error. */
  const realPages = readdirSync(REAL_PAGES_DIR).filter((f) => f.endsWith('.html')).sort().filter((_, i) => i % REAL_STRIDE === 0);

  test('a passage saved on a real page is drawn again after a reload', async ({ context, serviceWorker }) => {
    expect(realPages.length).toBeGreaterThan(20);
    test.setTimeout(5 * 60_000);
    // The saved HTML under a fake host; every subresource is refused, so nothing leaves the machine.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const file = url.pathname.slice(1);
      if (url.origin === REAL_HOST && route.request().resourceType() === 'document' && realPages.includes(file)) {
        return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(REAL_PAGES_DIR, file)) });
      }
      return route.abort();
    });
    const page = await context.newPage();
    let tried = 0;
    for (const file of realPages) {
      await page.goto(`${REAL_HOST}/${file}`, { waitUntil: 'domcontentloaded' });
      await ready(page);
      // Sixty characters from the middle of the longest visible paragraph, starting at a word.
      const chosen = await page.evaluate(() => {
        const texts = [...document.querySelectorAll('p')]
          .filter((p) => p.checkVisibility?.() !== false)
          .flatMap((p) => [...p.childNodes] as Text[])
          .filter((n) => n.nodeType === 3 && n.data.trim().length >= 120);
        const node = texts.sort((a, b) => b.data.length - a.data.length)[0];
        if (!node) return null;
        let start = Math.floor(node.data.length / 3);
        while (start < node.data.length - 61 && node.data[start - 1] !== ' ') start++;
        start = Math.min(start, node.data.length - 61);
        const r = document.createRange();
        r.setStart(node, start);
        r.setEnd(node, start + 60);
        // Marks are drawn around the viewport (a reader selects what they see).
        window.scrollBy(0, r.getBoundingClientRect().top - innerHeight / 2);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(r);
        return getSelection()!.toString();
      });
      if (!chosen) continue;
      tried++;
      const before = await countRows(serviceWorker, 'highlights');
      await page.keyboard.press('Alt+Shift+H');
      await expect.poll(() => countRows(serviceWorker, 'highlights'), { message: file }).toBe(before + 1);
      const drawn = (t: string) => t.replace(/\s+/g, ' ').trim();
      await expect.poll(async () => (await markedTexts(page, SAVED)).map(drawn), { message: `${file}: drawn` }).toContain(drawn(chosen));
      await page.reload({ waitUntil: 'domcontentloaded' });
      await ready(page);
      await page.evaluate((t) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if ((n as Text).data.includes(t)) return (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        }
      }, chosen);
      await expect.poll(async () => (await markedTexts(page, SAVED)).map(drawn), { message: `${file}: after reload` }).toContain(drawn(chosen));
    }
    expect(tried).toBeGreaterThanOrEqual(20);
  });
});
