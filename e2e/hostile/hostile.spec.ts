/**
 * The page is the attacker: each case below is a page script doing what a
 * hostile site could, against the built extension in real Chromium. Each
 * asserts what must hold, after a signal that OnRecord has acted.
 */
import { readFileSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import { UI_HOST } from '../../src/page-text/element-rules.ts';
import { contentIdle, countRows, expect, putRows, tableRows, test } from '../extension.ts';
import { clickToClose, closed, noteWindowFrom, pressToClose } from '../note-window.ts';
import { highlightTexts, inPopover, popover, popoverTarget, textCenter } from '../popover.ts';
import { inShadow, shadowTarget, shadowText } from '../shadow.ts';
import { markBoxes, markedTexts, MARKS_HOST, marksReady } from '../marks.ts';

const SELECTION = UI_HOST.selection;

/** The saved highlights in the extension's database (the shared e2e table helpers). */
const savedCount = (sw: Worker): Promise<number> => countRows(sw, 'highlights');
const savedRows = (sw: Worker) => tableRows<{ id: string; note: string; tags: string[] }>(sw, 'highlights');

/** Selects `text` in `selector` the way a script would (setup only: saving still needs a trusted key). */
async function selectText(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(([sel, t]) => {
    const node = document.querySelector(sel!)!.firstChild as Text;
    const at = node.data.indexOf(t!);
    const r = document.createRange();
    r.setStart(node, at);
    r.setEnd(node, at + t!.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  }, [selector, text]);
}

/** Every element id inside OnRecord's closed shadow roots (read through the DevTools protocol, not the page). */
async function shadowIds(page: Page): Promise<string[]> {
  const ids: string[] = [];
  for (const host of [UI_HOST.popover, SELECTION]) {
    ids.push(...((await inShadow<string[]>(page, host, 'function () { return [...this.querySelectorAll("[id]")].map((e) => e.id); }')) ?? []));
  }
  return ids;
}

async function hoverName(page: Page, selector: string, text: string) {
  await expect.poll(() => highlightTexts(page, 'onrecord-person'), { timeout: 15_000 }).toContain('Dmitry Peskov');
  const at = await textCenter(page, selector, text);
  await page.mouse.move(at.x, at.y);
  await expect.poll(async () => (await popover(page))?.text ?? '').toContain('Kremlin spokesman');
}

/** Hovers Lukashenko (no recorded positions): his card offers the page's quote; its "Add to my record" button. */
async function addToMyRecordButton(page: Page): Promise<{ x: number; y: number }> {
  const at = await textCenter(page, '#p1', 'Lukashenko');
  await page.mouse.move(at.x, at.y);
  await expect.poll(() => shadowTarget(page, UI_HOST.popover, 'button', 'Add to my record'), { timeout: 15_000 }).toBeDefined();
  return (await shadowTarget(page, UI_HOST.popover, 'button', 'Add to my record'))!;
}

/** The refusal, announced in the popover's live region, is the signal that the click was handled; nothing was added. */
async function expectRefusedAndNothingAdded(page: Page, sw: Worker): Promise<void> {
  const announced = () => inShadow<string>(page, UI_HOST.popover, 'function () { return this.querySelector("[aria-live]").textContent; }');
  await expect.poll(announced).toContain('that click was refused');
  const layer = (await tableRows<{ key: string; value: { positions?: unknown[] } }>(sw, 'settings')).find((r) => r.key === 'user-layer');
  expect(layer?.value.positions ?? []).toEqual([]);
}

/** Selects a few words of #p1 with a real mouse drag; the selection toolbar's Save button, once it is there. */
async function dragSelectToToolbar(page: Page): Promise<{ x: number; y: number }> {
  await marksReady(page);
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
  await expect.poll(() => shadowTarget(page, SELECTION, 'button', 'Save highlight')).toBeDefined();
  return (await shadowTarget(page, SELECTION, 'button', 'Save highlight'))!;
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

  test('html { zoom: .25 } body { zoom: 4 }: a saved passage is drawn over its text', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/hostile/zoom.html');
    await marksReady(page);
    await selectText(page, '#p1', 'still open to negotiations');
    const note = await noteWindowFrom(context, () => page.keyboard.press('Alt+Shift+H'));
    await pressToClose(note, 'Escape');
    await expect.poll(async () => (await savedRows(serviceWorker)).length).toBe(1);
    const text = await page.evaluate(() => {
      const node = document.querySelector('#p1')!.firstChild as Text;
      const r = document.createRange();
      r.setStart(node, node.data.indexOf('still open'));
      r.setEnd(node, node.data.indexOf('still open') + 'still open to negotiations'.length);
      const box = r.getClientRects()[0]!;
      return { left: box.left, top: box.top, width: box.width };
    });
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await expect.poll(async () => {
      const box = (await markBoxes(page, 'saved-yellow'))[0]?.[0];
      return box ? Math.max(Math.abs(box.left - text.left), Math.abs(box.top - text.top), Math.abs(box.width - text.width)) : null;
    }).toBeLessThan(1);
  });

  test('the marks layer comes back when the page removes it, with nothing marked (its return tells nothing)', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/hostile/forged.html');
    await marksReady(page);
    await page.evaluate((name) => document.querySelector(`[data-onrecord-ui="${name}"]`)!.remove(), MARKS_HOST);
    await expect.poll(() => page.evaluate((name) => document.querySelector(`[data-onrecord-ui="${name}"]`)?.matches(':popover-open') ?? false, MARKS_HOST)).toBe(true);
  });

  test('a click on an invisible toolbar saves nothing, and the reader is told', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/hostile/clickjack.html');
    const save = await dragSelectToToolbar(page);
    // The page has made the toolbar's host invisible (the marks layer's host is made so too, from the start).
    await expect.poll(() => page.evaluate(() => (document.querySelector('[data-onrecord-ui="onrecord-selection"]') as HTMLElement | null)?.style.getPropertyValue('opacity'))).toBe('0');
    await page.mouse.click(save.x, save.y);
    // The refusal is the signal that the click was handled.
    await expect.poll(() => shadowText(page, SELECTION)).toContain('that click was refused');
    expect(await savedCount(serviceWorker)).toBe(0);
  });

  test('a click on an invisible popover adds nothing to the record, and the refusal is announced', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/hostile/clickjack-popover.html');
    await contentIdle(serviceWorker, page);
    const add = await addToMyRecordButton(page);
    await expect.poll(() => page.evaluate((name) => (document.querySelector(`[data-onrecord-ui="${name}"]`) as HTMLElement | null)?.style.getPropertyValue('opacity'), UI_HOST.popover)).toBe('0');
    await page.mouse.move(add.x, add.y, { steps: 4 });
    await page.mouse.click(add.x, add.y);
    await expectRefusedAndNothingAdded(page, serviceWorker);
  });

  test('an opaque page popover opened above the toolbar, letting clicks through (pointer-events: none): the click saves nothing and is refused', async ({ context, serviceWorker }) => {
    // elementFromPoint skips pointer-events: none, so only the browser's own occlusion check (IntersectionObserver v2) sees the cover.
    const page = await context.newPage();
    await page.goto('/hostile/cover-toolbar.html');
    const save = await dragSelectToToolbar(page);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __covered: number }).__covered)).toBeGreaterThan(0);
    await page.mouse.move(save.x, save.y, { steps: 4 });
    await page.mouse.click(save.x, save.y);
    await expect.poll(() => shadowText(page, SELECTION)).toContain('that click was refused');
    expect(await savedCount(serviceWorker)).toBe(0);
  });

  test('no false refusal: with our own popover opened after the toolbar, a click on the toolbar still saves', async ({ context, serviceWorker }) => {
    // Our later host (and its transparent ::backdrop) paints over the earlier one: that is no page's cover.
    const page = await context.newPage();
    await page.goto('/article.html');
    const save = await dragSelectToToolbar(page);
    await hoverName(page, '#p1', 'Peskov');
    await expect.poll(() => page.evaluate((name) => document.querySelector(`[data-onrecord-ui="${name}"]`)?.matches(':popover-open') ?? false, UI_HOST.popover)).toBe(true);
    await page.mouse.click(save.x, save.y);
    await expect.poll(() => savedCount(serviceWorker)).toBe(1);
    expect(await shadowText(page, SELECTION)).not.toContain('that click was refused');
  });

  test('a click-through page cover forging our marker attribute, above the toolbar while our popover is open: the click saves nothing and is refused', async ({ context, serviceWorker }) => {
    // The page marks its bait data-onrecord-ui: our hosts are told from the page's by identity, never by that attribute
    // (review 11B RB7). With our own popover opened after the toolbar, the occlusion observer's verdict is set aside
    // (the no-false-refusal case above), so the top-layer check must see the forged cover.
    const page = await context.newPage();
    await page.goto('/article.html');
    const save = await dragSelectToToolbar(page);
    await hoverName(page, '#p1', 'Peskov');
    await expect.poll(() => page.evaluate((name) => document.querySelector(`[data-onrecord-ui="${name}"]`)?.matches(':popover-open') ?? false, UI_HOST.popover)).toBe(true);
    await page.evaluate((marker) => new Promise<void>((opened) => {
      const bait = document.createElement('div');
      bait.setAttribute('data-onrecord-ui', marker);
      bait.setAttribute('popover', 'manual');
      bait.setAttribute('style', 'position:fixed;inset:0;margin:0;border:0;width:100vw;height:100vh;background:#fff;pointer-events:none;font:24px sans-serif');
      bait.textContent = 'You won! Click anywhere to claim your prize.';
      document.documentElement.append(bait);
      // Its toggle event has reached every listener (ours capture it on window) when this one runs.
      bait.addEventListener('toggle', () => opened(), { once: true });
      bait.showPopover();
    }), UI_HOST.popover);
    await page.mouse.click(save.x, save.y);
    await expect.poll(() => shadowText(page, SELECTION)).toContain('that click was refused');
    expect(await savedCount(serviceWorker)).toBe(0);
  });

  test('an opaque page popover opened above OnRecord\'s popover, letting clicks through: "Add to my record" adds nothing and is refused', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/hostile/cover-popover.html');
    await contentIdle(serviceWorker, page);
    const add = await addToMyRecordButton(page);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __covered: number }).__covered)).toBeGreaterThan(0);
    await page.mouse.move(add.x, add.y, { steps: 4 });
    await page.mouse.click(add.x, add.y);
    await expectRefusedAndNothingAdded(page, serviceWorker);
    expect(context.pages().filter((p) => p.url().includes('/src/pages/'))).toEqual([]);
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

test('a name drawn transparent under an overlay, reversed by <bdo dir=rtl> or of no size is not underlined; one painted through its text is', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('/hostile/render-tricks.html');
  // The visible mention is the signal that the page has been read.
  await expect.poll(() => highlightTexts(page, 'onrecord-person'), { timeout: 15_000 }).toContain('Dmitry Peskov');
  const where = await page.evaluate(() =>
    [...(CSS.highlights.get('onrecord-person') ?? [])].map((r) => (r as AbstractRange).startContainer.parentElement!.closest('p')!.id),
  );
  expect(where.sort()).toEqual(['clipped', 'shown']);
});

/** The names the content script found in the tab showing `page`, as the popup counts them (asked from the service worker). */
async function namesFound(sw: Worker, page: Page): Promise<number> {
  // Every tab is asked which page it shows (tab.url needs the "tabs" permission, which OnRecord lacks).
  const found = await sw.evaluate(async (href) => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const activity = (await chrome.tabs.sendMessage(tab.id, { type: 'bg-cs-activity' })) as { href?: string } | undefined;
        if (activity?.href !== href) continue;
      } catch {
        continue; // no content script in that tab
      }
      return (await chrome.tabs.sendMessage(tab.id, { type: 'popup-cs-get-mentions' })) as { mentions: Array<{ type: string; count: number }> };
    }
    return null;
  }, page.url());
  return (found?.mentions ?? []).filter((m) => m.type === 'person').reduce((n, m) => n + m.count, 0);
}

/** The drawn person underlines: how many, and how far (px) the farthest lies above and below the viewport. */
function drawnPeople(page: Page) {
  return page.evaluate(() => {
    const tops = [...(CSS.highlights.get('onrecord-person') ?? [])].map((r) => {
      const live = document.createRange();
      live.setStart((r as AbstractRange).startContainer, (r as AbstractRange).startOffset);
      live.setEnd((r as AbstractRange).endContainer, (r as AbstractRange).endOffset);
      return live.getBoundingClientRect().top;
    });
    return { count: tops.length, above: -Math.min(0, ...tops), below: Math.max(0, ...tops) - innerHeight, inView: tops.filter((t) => t >= 0 && t < innerHeight).length, height: innerHeight };
  });
}

test('one huge text node: every name is found, and only those around the viewport are drawn, wherever the reader scrolls', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/hostile/huge-node.html');
  await expect.poll(async () => (await drawnPeople(page)).inView, { timeout: 30_000 }).toBeGreaterThan(0);
  await contentIdle(serviceWorker, page, 60_000);
  expect(await namesFound(serviceWorker, page)).toBe(2_000);
  // Drawing all 2,000 names (and 26,000 topic words) in that one node would cost the page seconds per frame.
  const top = await drawnPeople(page);
  expect(top.count).toBeLessThan(200);
  expect(top.below).toBeLessThanOrEqual(3 * top.height + 100);
  // Far down the node: the names there are drawn, those at the top taken away.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  await expect.poll(async () => (await drawnPeople(page)).inView, { timeout: 15_000 }).toBeGreaterThan(0);
  await contentIdle(serviceWorker, page);
  const middle = await drawnPeople(page);
  expect(middle.count).toBeLessThan(200);
  expect(middle.above).toBeLessThanOrEqual(3 * middle.height + 100);
  expect(middle.below).toBeLessThanOrEqual(3 * middle.height + 100);
});

test.describe('a hostile page, text entry and messages', () => {
  test('keys typed for a note and its tags never reach the page\'s listeners, and the note is saved', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/hostile/keystrokes.html');
    await marksReady(page);
    await selectText(page, '#p1', 'the talks would resume next week');
    await page.evaluate(() => ((window as unknown as { __log: unknown[] }).__log.length = 0));
    const note = await noteWindowFrom(context, () => page.keyboard.press('Alt+Shift+H'));
    await note.keyboard.type('zqx secret note');
    await note.keyboard.press('Tab');
    await note.keyboard.type('jvw-tag');
    await note.keyboard.press('Enter');
    await pressToClose(note, 'Control+Enter');
    await expect.poll(async () => (await savedRows(serviceWorker))[0]?.tags).toEqual(['jvw-tag']);
    expect((await savedRows(serviceWorker))[0]!.note).toBe('zqx secret note');
    // The page saw the shortcut that asked for the editor, and nothing of what was typed in it.
    const log = await page.evaluate(() => (window as unknown as { __log: Array<{ type: string; key: string | null; data: string | null }> }).__log);
    expect(log.filter((e) => !['keydown', 'keyup'].includes(e.type))).toEqual([]);
    expect([...new Set(log.map((e) => e.key))].sort()).toEqual(['Alt', 'H', 'Shift']);
    const typed = await page.evaluate(() => (window as unknown as { __typed(): string }).__typed());
    for (const ch of 'zqxsecrtnojvw-') expect(typed).not.toContain(ch);
  });

  test('the page offers no delete: it happens in the note window, its confirmation away from the button that asked', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/hostile/keystrokes.html');
    await marksReady(page);
    await selectText(page, '#p1', 'a pause of three months');
    const note = await noteWindowFrom(context, () => page.keyboard.press('Alt+Shift+H'));
    expect(await shadowText(page, SELECTION)).not.toContain('Delete');
    const ask = note.getByRole('button', { name: 'Delete', exact: true });
    const asked = (await ask.boundingBox())!;
    await ask.click();
    const confirm = note.getByRole('button', { name: 'Confirm delete' });
    const where = (await confirm.boundingBox())!;
    const overlaps = where.x < asked.x + asked.width && asked.x < where.x + where.width && where.y < asked.y + asked.height && asked.y < where.y + where.height;
    expect(overlaps).toBe(false);
    // A second click at the same spot deletes nothing.
    await note.mouse.click(asked.x + asked.width / 2, asked.y + asked.height / 2);
    expect(await savedRows(serviceWorker)).toHaveLength(1);
    await clickToClose(note, confirm);
    await expect.poll(async () => (await savedRows(serviceWorker)).length).toBe(0);
  });

  test('forged messages from the page and its frames act on nothing', async ({ context, serviceWorker, extensionId }) => {
    const page = await context.newPage();
    await page.goto('/hostile/forged.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-person'), { timeout: 15_000 }).toContain('Dmitry Peskov');
    await selectText(page, '#p2', 'the talks would resume');
    const results = await page.evaluate((id) => (window as unknown as { __forge(id: string): Promise<string[]> }).__forge(id), extensionId);
    expect(results).toEqual(['sendMessage refused']);
    await contentIdle(serviceWorker, page);
    expect(await savedRows(serviceWorker)).toHaveLength(0);
    expect(await popover(page)).toBeUndefined();
    expect(await shadowText(page, SELECTION)).toBe('');
  });

  test('synthetic keys, clicks and pointer events from the page act on nothing', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/hostile/forged.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-person'), { timeout: 15_000 }).toContain('Dmitry Peskov');
    await selectText(page, '#p2', 'the talks would resume');
    await page.evaluate(() => (window as unknown as { __synthetic(): void }).__synthetic());
    await contentIdle(serviceWorker, page);
    expect(await savedRows(serviceWorker)).toHaveLength(0);
    expect(await popover(page)).toBeUndefined();
    expect(await shadowText(page, SELECTION)).toBe('');
    expect(context.pages().filter((p) => p.url().includes('/src/pages/'))).toEqual([]);
  });

  test('a page\'s synthetic pointer cannot find a checked claim: only the reader\'s pointer opens its card', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/hostile/forged.html');
    const claim = 'The minister said the talks would resume next week';
    const now = Date.now();
    await putRows(serviceWorker, 'checks', [{
      id: 'check-forged-1', claim, pageUrl: page.url(), pageTitle: 'Forged', selectors: { quote: { exact: claim, prefix: '', suffix: '' } },
      verdict: 'consistent', note: 'Seen in the record.', positionIds: [], actorIds: [], topicIds: [], site: 'localhost', createdAt: now, updatedAt: now,
    }]);
    await page.reload();
    await expect.poll(() => markedTexts(page, 'checked')).toEqual([claim]);
    const at = await page.evaluate(() => {
      const node = document.getElementById('p2')!.firstChild as Text;
      const r = document.createRange();
      // A word that is not a name ("talks" is a topic, whose own popover would win).
      r.setStart(node, node.data.indexOf('resume'));
      r.setEnd(node, node.data.indexOf('resume') + 6);
      const b = r.getClientRects()[0]!;
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    const card = () => page.evaluate(() => document.querySelector('[data-onrecord-ui="onrecord-claim-card"]')?.matches(':popover-open') ?? false);
    await page.evaluate(({ x, y }) => {
      for (const type of ['pointerover', 'pointermove', 'mousemove']) {
        document.getElementById('p2')!.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: x, clientY: y }));
      }
    }, at);
    await contentIdle(serviceWorker, page);
    expect(await card()).toBe(false);
    // The reader's own pointer, resting there, opens it.
    await page.mouse.move(at.x, at.y);
    await expect.poll(card).toBe(true);
  });

  test('frames are left alone, and their messages to the top page do nothing', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/hostile/frames.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-person'), { timeout: 15_000 }).toEqual(['Dmitry Peskov']);
    const child = page.frames().find((f) => f.url().endsWith('/hostile/frame-child.html'))!;
    await expect.poll(() => child.evaluate(() => document.readyState)).toBe('complete');
    await contentIdle(serviceWorker, page);
    expect(await child.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('onrecord')))).toEqual([]);
    expect(await child.evaluate(() => document.querySelectorAll('[data-onrecord-ui]').length)).toBe(0);
    expect(await savedRows(serviceWorker)).toHaveLength(0);
    expect(await shadowText(page, SELECTION)).toBe('');
  });
});

test.describe('a hostile page, special documents', () => {
  test('a strict CSP (Trusted Types too) and a garbage lang still get underlines and a popover', async ({ context }) => {
    const page = await context.newPage();
    const body = readFileSync('e2e/fixtures/hostile/special.html');
    await page.route('**/hostile/special.html', (route) => route.fulfill({
      body,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
      },
    }));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/hostile/special.html');
    await hoverName(page, '#p1', 'Peskov');
    expect(errors).toEqual([]);
  });

  test('an XHTML document gets underlines and a popover', async ({ context }) => {
    const page = await context.newPage();
    const body = readFileSync('e2e/fixtures/hostile/page.xhtml');
    await page.route('**/hostile/page.xhtml', (route) => route.fulfill({ body, headers: { 'content-type': 'application/xhtml+xml' } }));
    await page.goto('/hostile/page.xhtml');
    expect(await page.evaluate(() => document.contentType)).toBe('application/xhtml+xml');
    await hoverName(page, '#p1', 'Peskov');
  });

  test('a data: URL page is not read, and is left as it was', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    // An http page first, so there is a signal that content scripts are running at all.
    await page.goto('/hostile/special.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-person'), { timeout: 15_000 }).toContain('Dmitry Peskov');
    await page.goto('data:text/html,<p id="p1">Kremlin spokesman Dmitry Peskov said so.</p>');
    // A data: document has no content script: nobody answers the activity question from that page.
    const tabs = await serviceWorker.evaluate(async () => {
      const out: string[] = [];
      for (const tab of await chrome.tabs.query({})) {
        try {
          await chrome.tabs.sendMessage(tab.id!, { type: 'bg-cs-activity' });
          out.push('answered');
        } catch {
          out.push('no content script');
        }
      }
      return out;
    });
    expect(tabs.every((t) => t === 'no content script')).toBe(true);
    expect(await page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('[data-onrecord-ui]').length)).toBe(0);
  });

  test('no element id, inside OnRecord\'s UI or out, carries a highlight or record id', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/hostile/forged.html');
    await hoverName(page, '#p1', 'Peskov');
    const popoverIds = await shadowIds(page);
    await page.mouse.move(5, 5);
    await selectText(page, '#p2', 'the talks would resume');
    const note = await noteWindowFrom(context, () => page.keyboard.press('Alt+Shift+H'));
    const [row] = await savedRows(serviceWorker);
    const noteIds = await note.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    const pageIds = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    const all = [...popoverIds, ...(await shadowIds(page)), ...noteIds, ...pageIds];
    expect(popoverIds.length + noteIds.length).toBeGreaterThan(0);
    for (const id of all) {
      expect(id).not.toContain(row!.id);
      expect(id).not.toMatch(/peskov|kremlin|[0-9a-f]{8}-[0-9a-f]{4}|k-[0-9a-f]{32}/i);
    }
    await pressToClose(note, 'Escape');
  });
});

/** Every link target in a document or shadow root (`this`), as written. */
const HREFS = 'function () { return [...this.querySelectorAll("[href]")].map((e) => e.getAttribute("href")); }';
const JS_URL = 'javascript:alert(document.domain)';
/** What the extension may link to: the web, or its own pages (absolute, or relative inside the extension). */
const safeLink = (href: string | null) => href === null || !/^\s*[a-z][a-z0-9+.-]*:/i.test(href) || /^(https?|chrome-extension):/i.test(href.trim());

test.describe('a hostile record: javascript: addresses', () => {
  test('a source, a highlight\'s page and a check\'s page with a javascript: address are never links (popover, source page, library)', async ({ context, serviceWorker, extensionId }) => {
    // What a store could hold from before addresses were checked (imports refuse them now: unit-tested): written
    // straight into the database, then the record is rebuilt from it.
    const sources = await tableRows<{ id: string; url?: string }>(serviceWorker, 'sources');
    expect(sources.length).toBeGreaterThan(0);
    await putRows(serviceWorker, 'sources', sources.map((s) => ({ ...s, url: JS_URL })));
    const now = Date.now();
    await putRows(serviceWorker, 'highlights', [{
      id: '00000000-0000-4000-8000-00000000a001', pageUrl: JS_URL, pageTitle: 'Page with a javascript address', createdAt: now, updatedAt: now,
      selectors: { quote: { exact: 'open to negotiations', prefix: '', suffix: '' }, position: { start: 0, end: 20 } }, entityIds: [], note: '', tags: [], color: 'yellow',
    }]);
    await putRows(serviceWorker, 'checks', [{
      id: 'check-js-1', claim: 'Peskov said Moscow was open to talks.', pageUrl: JS_URL, pageTitle: 'Check on a javascript address', verdict: 'consistent', note: '',
      positionIds: [], actorIds: [], topicIds: [], site: 'javascript', createdAt: now, updatedAt: now,
    }]);
    const library = await context.newPage();
    await library.goto(`chrome-extension://${extensionId}/src/pages/library/index.html`);
    await library.evaluate(async () => {
      const { bundledId } = (await chrome.runtime.sendMessage({ type: 'page-bg-list-corpora' })) as { bundledId: string };
      const reply = (await chrome.runtime.sendMessage({ type: 'page-bg-enable-corpus', id: bundledId, enabled: true })) as { ok: boolean };
      if (!reply.ok) throw new Error('could not rebuild the record');
    });

    // The popover: its links go to the extension's source page, never to the stored address.
    const page = await context.newPage();
    await page.goto('/hostile/forged.html');
    await hoverName(page, '#p1', 'Peskov');
    await expect.poll(async () => ((await inPopover<string[]>(page, HREFS)) ?? []).length).toBeGreaterThan(0);
    const popoverHrefs = (await inPopover<string[]>(page, HREFS))!;
    expect(popoverHrefs.filter((h) => !safeLink(h))).toEqual([]);
    expect(popoverHrefs.join(' ')).not.toContain('javascript');

    // The source page it opens shows the address as nothing clickable.
    const link = await popoverTarget(page, 'a.or-source-link', '');
    expect(link).toBeDefined();
    const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes('/src/pages/source/') });
    await page.mouse.click(link!.x, link!.y);
    const source = await opened;
    // Ready: the source is shown with the position's passage marked.
    await expect(source.locator('mark').first()).toBeVisible();
    await expect(source.locator('[role="alert"]')).toHaveCount(0);
    const sourceHrefs = await source.evaluate(() => [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')));
    expect(sourceHrefs.filter((h) => !safeLink(h))).toEqual([]);

    // The library lists the highlight and the check, their pages not as javascript: links.
    await library.reload();
    await expect(library.getByText('Page with a javascript address')).toBeVisible();
    expect((await library.evaluate(() => [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')))).filter((h) => !safeLink(h))).toEqual([]);
    await library.getByRole('tab', { name: 'Checks' }).click();
    await expect(library.getByText('Peskov said Moscow was open to talks.')).toBeVisible();
    expect((await library.evaluate(() => [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')))).filter((h) => !safeLink(h))).toEqual([]);
  });
});
