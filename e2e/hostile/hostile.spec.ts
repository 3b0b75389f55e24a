/**
 * The page is the attacker: each case below is a page script doing what a
 * hostile site could, against the built extension in real Chromium. Each
 * asserts what must hold, after a signal that OnRecord has acted.
 */
import type { Page, Worker } from '@playwright/test';
import { expect, test } from '../extension.ts';
import { highlightTexts, popover, textCenter } from '../popover.ts';
import { shadowTarget, shadowText } from '../shadow.ts';

const SELECTION = 'onrecord-selection';

async function savedCount(sw: Worker): Promise<number> {
  return sw.evaluate(
    () =>
      new Promise<number>((ok, fail) => {
        const open = indexedDB.open('onrecord');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('highlights').objectStore('highlights').count();
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        };
      }),
  );
}

async function hoverName(page: Page, selector: string, text: string) {
  await expect.poll(() => highlightTexts(page, 'onrecord-person'), { timeout: 15_000 }).toContain('Dmitry Peskov');
  const at = await textCenter(page, selector, text);
  await page.mouse.move(at.x, at.y);
  await expect.poll(async () => (await popover(page))?.text ?? '').toContain('Kremlin spokesman');
}

test.describe('a hostile page', () => {
  test('custom elements named like our hosts get nothing, and OnRecord still starts', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/hostile/squat.html');
    await hoverName(page, '#p1', 'Peskov');
    const seen = await page.evaluate(() => ({
      captured: (window as unknown as { __captured: unknown[] }).__captured.length,
      hosts: [...document.querySelectorAll('[data-onrecord-ui]')].map((el) => ({ tag: el.localName, shadow: el.shadowRoot, id: el.id })),
    }));
    expect(seen.captured).toBe(0);
    expect(seen.hosts.length).toBeGreaterThan(0);
    for (const h of seen.hosts) expect(h).toEqual({ tag: 'div', shadow: null, id: '' });
  });

  test('html { zoom: .25 } body { zoom: 4 } does not shrink the popover', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/hostile/zoom.html');
    await hoverName(page, '#p1', 'Peskov');
    const { rect } = (await popover(page))!;
    expect(rect!.width).toBeGreaterThan(250);
    expect(rect!.height).toBeGreaterThan(100);
  });

  test('a click on an invisible toolbar saves nothing, and the reader is told', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/hostile/clickjack.html');
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('onrecord-saved-yellow'))).toBe(true);
    const box = await page.evaluate(() => {
      const node = document.querySelector('#p1')!.firstChild as Text;
      const r = document.createRange();
      r.setStart(node, 4);
      r.setEnd(node, 12);
      const rects = r.getClientRects();
      return { from: { x: rects[0]!.left + 1, y: rects[0]!.top + 8 }, to: { x: rects[0]!.right - 1, y: rects[0]!.top + 8 } };
    });
    await page.mouse.move(box.from.x, box.from.y);
    await page.mouse.down();
    await page.mouse.move(box.to.x, box.to.y, { steps: 6 });
    await page.mouse.up();
    const save = await expect.poll(() => shadowTarget(page, SELECTION, 'button', 'Save highlight')).toBeDefined()
      .then(() => shadowTarget(page, SELECTION, 'button', 'Save highlight'));
    await expect.poll(() => page.evaluate(() => (window as unknown as { __hidden: number }).__hidden)).toBeGreaterThan(0);
    await page.mouse.click(save!.x, save!.y);
    // The refusal is the signal that the click was handled.
    await expect.poll(() => shadowText(page, SELECTION)).toContain('that click was refused');
    expect(await savedCount(serviceWorker)).toBe(0);
  });

  test('clearing CSS.highlights and adoptedStyleSheets does not remove the underlines for long', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/hostile/shared-state.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-person'), { timeout: 15_000 }).toContain('Dmitry Peskov');
    // Wipe and look in the same task: the restore may run in any later task, so a second
    // evaluate could already see the underlines back.
    const left = await page.evaluate(() => {
      (window as unknown as { __wipe(): void }).__wipe();
      return CSS.highlights.size;
    });
    expect(left).toBe(0);
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
    await expect.poll(() => page.evaluate(() => document.adoptedStyleSheets.length)).toBeGreaterThan(0);
  });
});

test('a name drawn transparent under an overlay, or reversed by <bdo dir=rtl>, is not underlined', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('/hostile/render-tricks.html');
  // The visible mention is the signal that the page has been read.
  await expect.poll(() => highlightTexts(page, 'onrecord-person'), { timeout: 15_000 }).toContain('Dmitry Peskov');
  const where = await page.evaluate(() =>
    [...(CSS.highlights.get('onrecord-person') ?? [])].map((r) => (r as AbstractRange).startContainer.parentElement!.closest('p')!.id),
  );
  expect(where).toEqual(['shown']);
});
