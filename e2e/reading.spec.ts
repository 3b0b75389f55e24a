import { UI_HOST } from '../src/page-text/element-rules.ts';
import { contentIdle, expect, newestTabId, test } from './extension.ts';
import { highlightTexts, popover, popoverTarget, textCenter } from './popover.ts';


test.describe('reading a news page', () => {
  test('mentions are highlighted in every spelling, but never inside form fields or editable regions', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/article.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
    const people = await highlightTexts(page, 'onrecord-person');
    expect(people).toEqual(expect.arrayContaining(['Dmitry Peskov', 'Mykhailo Podolyak', 'Volodymyr Zelenskyy', 'Дмитрий Песков']));
    // Traps: no person inside "Rasputin", and Tony Bennett is not Naftali Bennett.
    expect(people.some((t) => /Rasputin|Bennett/.test(t))).toBe(false);
    const places = await highlightTexts(page, 'onrecord-place');
    expect(places).toEqual(expect.arrayContaining(['Москве', 'Києві']));

    const insideFields = await page.evaluate(() => {
      const names = [...CSS.highlights.keys()].filter((k) => k.startsWith('onrecord-'));
      return names.flatMap((n) =>
        [...CSS.highlights.get(n)!].filter((r) => {
          const el = r.startContainer.parentElement;
          return !!el?.closest('textarea, input, [contenteditable]');
        }),
      ).length;
    });
    expect(insideFields).toBe(0);
    expect(await page.inputValue('#ta')).toBe('Peskov said nothing new.');
    expect(await page.inputValue('#in')).toBe('Dmitry Peskov');
  });

  test('annotation never changes the page DOM', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/article.html');
    const before = await page.evaluate(() => document.body.innerHTML);
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    // Text selection still works across a highlighted name.
    const selected = await page.evaluate(() => {
      const p = document.querySelector('#p1')!;
      getSelection()!.selectAllChildren(p);
      return getSelection()!.toString();
    });
    expect(selected).toContain('Dmitry Peskov said');
  });

  test('hovering a name shows its recorded positions with quotes, dates and outlets; Esc dismisses', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/article.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
    const at = await textCenter(page, '#p1', 'Peskov');
    await page.mouse.move(at.x, at.y);
    await expect.poll(async () => (await popover(page))?.text ?? '', { timeout: 5_000 }).toContain('Dmitry Peskov');
    const shown = (await popover(page))!;
    expect(shown.text).toContain('Kremlin spokesman');
    expect(shown.text).toContain('We are still ready for negotiations');
    expect(shown.text).toMatch(/RTVI|RT/);
    expect(shown.text).toMatch(/20(22|23)/);
    expect(shown.text).toMatch(/the other side/i);
    // Hover focus does not steal focus from the page.
    expect(shown.focused).toBeNull();

    // The pointer can move onto the popover, and it stays (WCAG 1.4.13: hoverable).
    const r = shown.rect!;
    await page.mouse.move(r.x + 20, r.y + 20, { steps: 5 });
    // Every close or dwell timer the move started has run (or been cancelled) before we look.
    await contentIdle(serviceWorker, page);
    expect(await popover(page)).toBeDefined();

    // Esc dismisses it without moving the pointer.
    await page.keyboard.press('Escape');
    await expect.poll(() => popover(page)).toBeUndefined();
  });

  test('the popover closes after the pointer leaves mention and popover', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/article.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
    const at = await textCenter(page, '#p2', 'Podolyak');
    await page.mouse.move(at.x, at.y);
    await expect.poll(async () => (await popover(page))?.text ?? '').toContain('Podolyak');
    await page.mouse.move(5, 890);
    await expect.poll(() => popover(page), { timeout: 3_000 }).toBeUndefined();
  });

  test('keyboard: Alt+Shift+O focuses the next mention, Tab moves on, Esc closes and returns focus', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/article.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
    await page.focus('#in');
    await page.keyboard.press('Alt+Shift+O');
    await expect.poll(async () => (await popover(page))?.focused).toBe('dialog');
    const first = await highlightTexts(page, 'onrecord-current');
    expect(first).toHaveLength(1);
    await page.keyboard.press('Tab');
    await expect.poll(() => highlightTexts(page, 'onrecord-current')).not.toEqual(first);
    const second = (await highlightTexts(page, 'onrecord-current'))[0]!;
    expect((await popover(page))?.focused).toBe('dialog');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => highlightTexts(page, 'onrecord-current')).toEqual(first);
    expect(second).not.toBe(first[0]);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover(page)).toBeUndefined();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('in');
    expect(await highlightTexts(page, 'onrecord-current')).toEqual([]);
  });

  test('content added after load is annotated within a second; removed content drops its highlights', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/article.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
    const t0 = Date.now();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.append('Late update: Foreign Minister Sergey ', Object.assign(document.createElement('i'), { textContent: 'Lavrov' }), ' spoke.');
      document.querySelector('#feed')!.append(p);
    });
    await expect.poll(() => highlightTexts(page, 'onrecord-person'), { timeout: 1_000, intervals: [50] }).toContain('Sergey Lavrov');
    expect(Date.now() - t0).toBeLessThan(1_000);
    await page.evaluate(() => document.querySelector('#p2')!.remove());
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).not.toContain('Mykhailo Podolyak');
    // Typing into the editable region is never annotated.
    const lavrovs = async () => (await highlightTexts(page, 'onrecord-person')).filter((t) => t === 'Sergey Lavrov').length;
    const before = await lavrovs();
    const quiet = await contentIdle(serviceWorker, page);
    await page.click('#editor');
    await page.keyboard.type(' Also Sergey Lavrov.');
    // The typing was seen (a batch of changes ran) and handled to the end: only then is "not annotated" a fact.
    const after = await contentIdle(serviceWorker, page);
    expect(after.finished).toBeGreaterThan(quiet.finished);
    expect(await lavrovs()).toBe(before);
    expect(await page.textContent('#editor')).toBe('Draft: Zelenskyy and Peskov. Also Sergey Lavrov.');
  });

  test('editing the text inside an inline tag keeps a name that spans the tag', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/article.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
    const quiet = await contentIdle(serviceWorker, page);
    // "Dmitry <b>Peskov</b>": a framework re-render replaces the text inside <b>.
    await page.evaluate(() => {
      document.querySelector('#p1 b')!.firstChild!.textContent = 'Peskov';
    });
    // The edit was seen and rescanned before we count.
    expect((await contentIdle(serviceWorker, page)).finished).toBeGreaterThan(quiet.finished);
    const people = await highlightTexts(page, 'onrecord-person');
    expect(people.filter((t) => t === 'Dmitry Peskov')).toHaveLength(1);
    expect(people).not.toContain('Peskov');
  });

  test('names at the top are underlined while the page still loads and in the first frame after DOMContentLoaded; hidden text is dropped after layout', async ({ context, baseURL, serviceWorker }) => {
    const page = await context.newPage();
    const filler = Array.from({ length: 300 }, (_, i) => `<p>Paragraph ${i} of a long report about grain, ports and prices.</p>`).join('');
    const html =
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Head start</title></head><body>` +
      `<p id="top">Dmitry Peskov spoke first; Mykhailo Podolyak answered the same day.</p>` +
      `<p id="hidden" style="display: none">Sergey Lavrov</p>${filler}` +
      // A parser-blocking script at the end of the body holds DOMContentLoaded back, as on a slow site.
      `<script src="slow.js"></script></body></html>`;
    await page.route('**/head-start/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await page.route('**/head-start/slow.js', async (route) => {
      await new Promise((ok) => setTimeout(ok, 3_000));
      await route.fulfill({ contentType: 'text/javascript', body: '' });
    });
    // What the page shows: in the frames while it is still loading, and in its first animation frame after DOMContentLoaded.
    await page.addInitScript(() => {
      const texts = () => {
        const shown: string[] = [];
        const drawn: string[] = [];
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('onrecord-')) continue;
          for (const r of h) {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            drawn.push(range.toString());
            const b = range.getBoundingClientRect();
            if (b.height > 0 && b.bottom > 0 && b.top < innerHeight) shown.push(range.toString());
          }
        }
        return { shown, drawn };
      };
      const whileLoading: string[] = [];
      Object.assign(window, { __whileLoading: whileLoading });
      const poll = () => {
        if (document.readyState !== 'loading') return;
        for (const t of texts().shown) if (!whileLoading.includes(t)) whileLoading.push(t);
        requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
      document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => Object.assign(window, { __firstFrame: texts() })));
    });
    await page.goto(`${baseURL}/head-start/`);
    type FirstFrame = { shown: string[]; drawn: string[] };
    await expect.poll(() => page.evaluate(() => (window as unknown as { __firstFrame?: FirstFrame }).__firstFrame)).toBeDefined();
    const first = await page.evaluate(() => (window as unknown as { __firstFrame: FirstFrame }).__firstFrame);
    expect(first.shown).toEqual(expect.arrayContaining(['Dmitry Peskov', 'Mykhailo Podolyak']));
    // Underlined while the parser still waited for the slow script, i.e. before DOMContentLoaded.
    expect(await page.evaluate(() => (window as unknown as { __whileLoading: string[] }).__whileLoading)).toEqual(
      expect.arrayContaining(['Dmitry Peskov', 'Mykhailo Podolyak']),
    );
    // Drawing before the page is laid out cannot ask what is rendered; once it is, the hidden name is not kept
    // as a mention (the badge counts the page's mentions when annotation settles).
    expect(first.shown).not.toContain('Sergey Lavrov');
    const tabId = await newestTabId(serviceWorker);
    await expect.poll(() => serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('2');
    expect(await highlightTexts(page, 'onrecord-person')).toEqual(expect.arrayContaining(['Dmitry Peskov', 'Mykhailo Podolyak']));
  });

  test('names in an element laid out as its children only (display: contents) are drawn', async ({ context, baseURL }) => {
    const page = await context.newPage();
    const html =
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contents</title></head><body>` +
      `<p>Mykhailo Podolyak spoke first.</p>` +
      `<section id="wrapper" style="display: contents">Dmitry Peskov answered from a wrapper with no box of its own.</section>` +
      `</body></html>`;
    await page.route('**/contents/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(`${baseURL}/contents/`);
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toEqual(expect.arrayContaining(['Mykhailo Podolyak', 'Dmitry Peskov']));
  });

  test('only mentions near the viewport are drawn; scrolling draws the rest', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/article.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
    await contentIdle(serviceWorker, page);
    // #far sits 2500 px (almost three 900 px screens) below the fold, past the one-screen margin drawn ahead of a scroll.
    expect(await highlightTexts(page, 'onrecord-person')).not.toContain('Sergey Lavrov');
    await page.evaluate(() => document.querySelector('#far')!.scrollIntoView({ block: 'start' }));
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Sergey Lavrov');
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).not.toContain('Dmitry Peskov');
  });

  test('a single-page-app route change re-annotates', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/spa/');
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
    await page.click('#to-b');
    await expect(page).toHaveURL(/\/spa\/b$/);
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toEqual(['Mykhailo Podolyak']);
  });

  test('hostile page CSS does not break the popover, and page scripts cannot read it', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/hostile.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
    const at = await textCenter(page, '#p1', 'Peskov');
    await page.mouse.move(at.x, at.y);
    await expect.poll(async () => (await popover(page))?.text ?? '', { timeout: 5_000 }).toContain('Kremlin spokesman');
    const { rect } = (await popover(page))!;
    expect(rect!.width).toBeGreaterThan(250);
    expect(rect!.height).toBeGreaterThan(100);
    // The popover is on top of the page's fixed, max-z-index overlay.
    const top = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.getAttribute('data-onrecord-ui'), [rect!.x + 30, rect!.y + 30]);
    expect(top).toBe(UI_HOST.popover);
    // What the page's own scripts can see: no shadow root, no popover text.
    const leaks = await page.evaluate(() => ({
      recorded: (window as unknown as { __leaks: string[] }).__leaks,
      shadow: document.querySelector('[data-onrecord-ui="onrecord-popover"]')?.shadowRoot ?? null,
      html: document.documentElement.outerHTML.includes('ready for negotiations'),
    }));
    expect(leaks).toEqual({ recorded: [], shadow: null, html: false });
  });

  test('the source link opens the passage in the source page', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto('/article.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
    const at = await textCenter(page, '#p1', 'Peskov');
    await page.mouse.move(at.x, at.y);
    await expect.poll(async () => (await popover(page))?.text ?? '').toContain('Dmitry Peskov');
    const link = await popoverTarget(page, 'a', 'Source');
    expect(link).toBeDefined();
    const opened = context.waitForEvent('page');
    await page.mouse.click(link!.x, link!.y);
    const source = await opened;
    await source.waitForLoadState();
    expect(source.url()).toContain(`chrome-extension://${extensionId}/src/pages/source/index.html?source=`);
    await expect(source.locator('mark').first()).toBeVisible();
    await expect(source.locator('mark').first()).toContainText(/Peskov|negotiations|Kiev|ready/);
  });
});
