/**
 * Issue 12, audit 10 A22/A14/A15 (promoted from the auditor's probes popover-add2 and empty-actor): an underlined
 * actor with no positions of their own shows what the record says about them and offers the page's quotes of
 * them; "Add to my record" in the card keeps the card open with "Added · Undo", focus on that status.
 */
import { expect, test } from './extension.ts';
import { highlightTexts, inPopover, popover, popoverTarget, textCenter } from './popover.ts';

const myRecord = async (context: import('@playwright/test').BrowserContext, extensionId: string): Promise<number> => {
  const p = await context.newPage();
  await p.goto(`chrome-extension://${extensionId}/src/pages/library/index.html`);
  const n = await p.evaluate(async () => ((await chrome.runtime.sendMessage({ type: 'page-bg-my-record' })) as { positions: unknown[] }).positions.length);
  await p.close();
  return n;
};

const underlined = async (page: import('@playwright/test').Page): Promise<string[]> => [
  ...(await highlightTexts(page, 'onrecord-person')),
  ...(await highlightTexts(page, 'onrecord-quiet')),
];

for (const how of ['click', 'enter'] as const) {
  test(`Lukashenko's card: Add by ${how} keeps the card, says Added · Undo, focus on it; Undo takes it back`, async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto('/empty-actors.html');
    await expect.poll(() => underlined(page)).toContain('Alexander Lukashenko');
    const at = await textCenter(page, 'body', 'Alexander Lukashenko');
    await page.mouse.move(at.x, at.y);
    await expect.poll(async () => (await popover(page))?.text ?? '', { timeout: 8_000 }).toContain('Add to my record');
    if (how === 'click') {
      const b = await popoverTarget(page, 'button', 'Add to my record');
      await page.mouse.move(b!.x, b!.y, { steps: 5 });
      await page.mouse.click(b!.x, b!.y);
    } else {
      let focused = '';
      for (let i = 0; i < 15 && !focused.includes('or-add-statement'); i++) {
        await page.keyboard.press('Tab');
        focused = (await inPopover<string>(page, `function () { const a = this.activeElement; return a ? a.className : ''; }`)) ?? '';
      }
      expect(focused).toContain('or-add-statement');
      await page.keyboard.press('Enter');
    }
    await expect.poll(async () => (await popover(page))?.text ?? '', { timeout: 8_000 }).toMatch(/Added to your record\s*·\s*Undo/);
    expect(await myRecord(context, extensionId)).toBe(1);
    // The card is still there after the record changed, and focus is on the status that replaced the button.
    const focused = await inPopover<string>(page, `function () { const a = this.activeElement; return a ? a.className : ''; }`);
    expect(focused).toContain('or-added');
    if (how === 'click') {
      const u = await popoverTarget(page, 'button', 'Undo');
      await page.mouse.move(u!.x, u!.y, { steps: 3 });
      await page.mouse.click(u!.x, u!.y);
    } else {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
    }
    await expect.poll(async () => (await popover(page))?.text ?? '').toMatch(/Removed from your record/);
    expect(await myRecord(context, extensionId)).toBe(0);
  });
}

test('once the card that added closes, the page takes the new record: the card shows the position', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto('/empty-actors.html');
  await expect.poll(() => underlined(page)).toContain('Alexander Lukashenko');
  expect(await highlightTexts(page, 'onrecord-quiet')).toContain('Alexander Lukashenko');
  const at = await textCenter(page, 'body', 'Alexander Lukashenko');
  await page.mouse.move(at.x, at.y);
  await expect.poll(async () => (await popover(page))?.text ?? '', { timeout: 8_000 }).toContain('Add to my record');
  const b = await popoverTarget(page, 'button', 'Add to my record');
  await page.mouse.move(b!.x, b!.y, { steps: 5 });
  await page.mouse.click(b!.x, b!.y);
  await expect.poll(async () => (await popover(page))?.text ?? '').toMatch(/Added to your record/);
  expect(await myRecord(context, extensionId)).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await popover(page))?.text ?? '').toBe('');
  // The signal that the page took the new record: Lukashenko, drawn quiet with nothing behind him, is now drawn as a
  // person with a position. Hovering before it raced the redraw (CI at load 15: the pointer rested on the old range).
  await expect.poll(() => highlightTexts(page, 'onrecord-person'), { timeout: 15_000 }).toContain('Alexander Lukashenko');
  await page.mouse.move(5, 5);
  await page.mouse.move(at.x, at.y, { steps: 3 });
  await expect.poll(async () => (await popover(page))?.text ?? '', { timeout: 8_000 }).toMatch(/1 recorded position/);
  expect((await popover(page))!.text).toContain('Minsk is ready to host peace talks');
  expect((await popover(page))!.text).not.toContain('Add to my record');
});

for (const [name, about, quote] of [
  ['Naftali Bennett', true, 'keep trying to help'],
  ['Alexander Lukashenko', false, 'ready to host peace talks'],
] as const) {
  test(`hovering ${name}: what the record says about them, and the page's quote offered (audit 10 A14)`, async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/empty-actors.html');
    await expect.poll(() => underlined(page)).toContain(name);
    const at = await textCenter(page, 'body', name);
    await page.mouse.move(at.x, at.y);
    await expect.poll(async () => (await popover(page))?.text ?? '', { timeout: 8_000 }).toContain('Add to my record');
    const text = (await popover(page))!.text;
    expect(text).toContain(quote);
    expect(text).toContain(`${name.toUpperCase()} ON THIS PAGE`);
    // Bennett has no positions of his own, two about him (Zelensky's): those stay, the offer is added below them.
    if (about) expect(text).toContain('what others said about them');
    else expect(text).not.toContain('No recorded positions yet');
  });
}
