/**
 * Firefox end-to-end: the built Firefox extension (dist/firefox) installed into Debian's firefox-esr,
 * driven headless over WebDriver BiDi with puppeteer-core (Playwright's Firefox is a patched build that
 * cannot be installed here, and it does not load extensions). Run by `npm test` after the Firefox build.
 *
 * Covered: names underlined, the popover opens on hover and from the keyboard (Alt+Shift+O) and closes
 * with Esc; a highlight saved from the keyboard (Alt+Shift+H), its note typed in the note window (an extension window)
 * and saved with Ctrl+Enter, is drawn again after a reload, its note reopened with Alt+Shift+H, and found again in
 * the library's search; a claim checked from the keyboard (Alt+Shift+C) opens the check (headless Firefox
 * has no sidebar to open, so it opens in a tab beside the page, the product's fallback), which shows the claim
 * and the record, saves a verdict from the keyboard, and marks the claim on the page; a corpus imported on the options page previews, applies, and its names are underlined.
 *
 * The popover's closed shadow root cannot be read over BiDi (neither page nor BiDi sandbox realms can open it,
 * and the accessibility locator does not reach into it), so its content is checked in the Chromium suite;
 * here its top-layer host is checked open (:popover-open) and focused.
 *
 * Extension pages: Firefox's WebDriver BiDi refuses to navigate a tab to a moz-extension:// page ("not allowed
 * in this context"), but a tab the extension opens itself (the claim check, then the library and the options
 * page from the toolbar popup's buttons) can be scripted and given input like any other. The toolbar popup
 * cannot be clicked open headless: its page is loaded in such a tab by the tab's own script, for the page's tab.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { startServer } from '../scripts/serve.mjs';
import { meanColor } from './png.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const PORT = Number(process.env.ONRECORD_FIREFOX_PORT ?? (Number(process.env.ONRECORD_E2E_PORT ?? 4173) + 10));
const BASE = `http://127.0.0.1:${PORT}`;
const WAIT_MS = 15_000;
/** How often `until` asks again. */
const POLL_MS = 100;

/** Polls `fn` until it returns a truthy value (or throws with `what` after WAIT_MS). */
async function until(what, fn) {
  const end = Date.now() + WAIT_MS;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((ok) => setTimeout(ok, POLL_MS));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** Whether OnRecord's marks layer is on the page (the content script's session has started). */
function marksReady(page) {
  return page.evaluate(() => document.querySelector('[data-onrecord-ui="onrecord-marks"]') !== null);
}

/**
 * The mean colour on screen of the first occurrence of `text` inside `selector` (in the first screen). Saved highlights
 * and checked claims are drawn inside a closed shadow root that BiDi cannot read: the test looks at the screen.
 */
async function colorOf(page, selector, text) {
  const rect = await page.evaluate((sel, t) => {
    // At the top of the page, viewport and page coordinates are one (the passages tested are in the first screen).
    scrollTo(0, 0);
    const el = document.querySelector(sel);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(t);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + t.length);
      const box = r.getClientRects()[0];
      return { x: box.left, y: box.top, width: box.width, height: box.height };
    }
    return null;
  }, selector, text);
  assert.ok(rect, `${text} is on the page`);
  return meanColor(await page.screenshot({ clip: rect, type: 'png' }));
}

/** Texts of the ranges in a named CSS highlight, as the page sees them. */
function highlightTexts(page, name) {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    if (!h) return [];
    return [...h].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  }, name);
}

/** The popover's top-layer host: whether it is open, and whether it holds focus. */
function popoverState(page) {
  return page.evaluate(() => {
    const host = document.querySelector('[data-onrecord-ui="onrecord-popover"]');
    return { open: !!host?.matches(':popover-open'), focused: !!host && document.activeElement === host };
  });
}

function textCenter(page, selector, text) {
  return page.evaluate(
    (selector, text) => {
      const root = document.querySelector(selector);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf(text);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + text.length);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      return null;
    },
    selector,
    text,
  );
}

/** Alt+Shift+<key>: the extension's keyboard commands. */
async function command(page, key) {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press(key);
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

/**
 * The tab the extension opens next, once its own page has loaded there. WebDriver BiDi may not navigate a tab to
 * a moz-extension:// page, and lists such a tab as about:blank, but a tab the extension opened itself can be
 * scripted and given input like any other: it is found by asking each new tab where it is.
 */
async function extensionTabOpened(browser, before, path) {
  return until(`the extension to open ${path}`, async () => {
    for (const p of await browser.pages()) {
      if (before.includes(p)) continue;
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && new URL(href).pathname === `/${path}` && (await p.evaluate(() => document.readyState === 'complete'))) return p;
    }
    return null;
  });
}

/** Whether a window has gone: its page is closed, or no longer answers (puppeteer may still list it for a moment). */
const gone = async (win) => win.isClosed() || !(await win.evaluate(() => true).catch(() => false));

/** Text content of the first element matching `selector` ('' if none). */
const textOf = (page, selector) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);

/** Clicks the button whose visible text is `label` with the mouse (a trusted click, as a person makes). */
async function clickButton(page, label) {
  const at = await until(`a "${label}" button`, () =>
    page.evaluate((label) => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === label && !x.disabled);
      if (!b) return null;
      b.scrollIntoView({ block: 'center' });
      const r = b.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, label),
  );
  await page.mouse.click(at.x, at.y);
}

describe('Firefox: the built extension on a news page', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let page;
  /** A tab showing one of the extension's own pages (opened by the extension), reused to reach the others. */
  let extensionPage;

  before(async () => {
    assert.ok(existsSync('dist/firefox/manifest.json'), 'dist/firefox is missing: run "npm run build:firefox" first');
    assert.ok(existsSync(FIREFOX), `Firefox not found at ${FIREFOX}: install Debian's "firefox-esr" package or set FIREFOX_PATH`);
    server = await startServer(resolve('e2e/fixtures'), PORT);
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, protocol: 'webDriverBiDi', headless: true });
    await browser.installExtension(resolve('dist/firefox'));
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('underlines the names in every spelling', async () => {
    await page.goto(`${BASE}/article.html`);
    const people = await until('underlined names', async () => {
      const t = await highlightTexts(page, 'onrecord-person');
      return t.includes('Dmitry Peskov') && t.includes('Mykhailo Podolyak') && t.includes('Дмитрий Песков') ? t : null;
    });
    assert.ok(people.includes('Дмитрий Песков'), `Cyrillic spelling underlined: ${people.join(', ')}`);
    // Never inside form fields or editable regions.
    const inEditable = await page.evaluate(() => {
      const h = CSS.highlights.get('onrecord-person');
      return [...(h ?? [])].some((r) => r.startContainer.parentElement?.closest('input, textarea, [contenteditable]'));
    });
    assert.equal(inEditable, false);
  });

  it('opens the popover on hover and closes it with Esc', async () => {
    const at = await textCenter(page, '#p1', 'Peskov');
    assert.ok(at, 'Peskov is on the page');
    await page.mouse.move(at.x, at.y);
    await until('the popover to open on hover', async () => (await popoverState(page)).open);
    // Hover does not take focus from the page.
    assert.equal((await popoverState(page)).focused, false);
    await page.keyboard.press('Escape');
    await until('the popover to close on Esc', async () => !(await popoverState(page)).open);
    await page.mouse.move(5, 890);
  });

  it('reaches a mention from the keyboard (Alt+Shift+O), focus inside the popover, Esc returns focus', async () => {
    await page.focus('#in');
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyO');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await until('the popover to open focused', async () => {
      const s = await popoverState(page);
      return s.open && s.focused;
    });
    assert.equal((await highlightTexts(page, 'onrecord-current')).length, 1);
    await page.keyboard.press('Escape');
    await until('the popover to close', async () => !(await popoverState(page)).open);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'in');
  });

  it('saves a highlight from the keyboard (Alt+Shift+H) and draws it again after a reload', async () => {
    await page.goto(`${BASE}/highlights.html`);
    await until('the content script to be ready', () => marksReady(page));
    const passage = 'Critics said the minister';
    const plain = await colorOf(page, '#c', passage);
    await page.evaluate((passage) => {
      const p = document.querySelector('#c');
      const text = p.firstChild;
      const i = text.data.indexOf(passage);
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + passage.length);
      getSelection().removeAllRanges();
      getSelection().addRange(r);
    }, passage);
    const before = await browser.pages();
    await command(page, 'KeyH');
    // Drawn: the passage takes the yellow tint on screen (blue falls), and the page's highlight registry holds none of it.
    const yellow = async () => {
      await page.evaluate(() => getSelection().removeAllRanges());
      return (await colorOf(page, '#c', passage)).b < plain.b - 40;
    };
    await until('the saved highlight to be drawn', yellow);
    assert.deepEqual(await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.includes('saved') || k.includes('checked'))), []);
    // The note is typed in the extension's own window (never in the page), opened beside the highlight with its field focused.
    const note = await extensionTabOpened(browser, before, 'src/pages/note/index.html');
    await until('the note field to have focus', () => note.evaluate(() => document.activeElement?.localName === 'textarea'));
    assert.equal(await textOf(note, 'blockquote'), passage);
    await note.keyboard.type('Firefox note: ask the ministry.');
    // Ctrl+Enter saves and closes the window.
    await note.keyboard.down('Control');
    await note.keyboard.press('Enter').catch(() => undefined);
    await note.keyboard.up('Control').catch(() => undefined);
    await until('the note window to close', () => gone(note));
    await page.bringToFront();
    await page.reload();
    await until('the saved highlight to be found again after a reload', yellow);
    // Found again from the keyboard: Alt+Shift+H with nothing selected opens the saved highlight's note, as saved.
    const again = await browser.pages();
    await command(page, 'KeyH');
    const reopened = await extensionTabOpened(browser, again, 'src/pages/note/index.html');
    await until('the saved note in its field', () => reopened.evaluate(() => document.querySelector('textarea')?.value === 'Firefox note: ask the ministry.'));
    await until('the note field to have focus', () => reopened.evaluate(() => document.activeElement?.localName === 'textarea'));
    await reopened.keyboard.press('Escape').catch(() => undefined);
    await until('the note window to close on Esc', () => gone(reopened));
    await page.bringToFront();
  });
  it('checks a selected claim (Alt+Shift+C): the check opens in a tab, shows the claim and the record, a verdict saved from the keyboard is kept and drawn on the page', async () => {
    await page.goto(`${BASE}/claims.html`);
    await until('the content script to be ready', () => marksReady(page));
    const unchecked = await colorOf(page, '#claim', 'Dmitry Peskov said Moscow remains ready');
    await page.evaluate(() => {
      const r = document.createRange();
      r.selectNodeContents(document.getElementById('claim'));
      getSelection().removeAllRanges();
      getSelection().addRange(r);
    });
    const before = await browser.pages();
    await command(page, 'KeyC');
    // Headless Firefox has no sidebar to open (sidebarAction.open is refused): the check opens in a tab beside the page,
    // the path the product takes wherever the browser's own panel is refused.
    const panel = await extensionTabOpened(browser, before, 'src/pages/sidepanel/index.html');
    await until('the claim in the panel', () => panel.evaluate(() => /Dmitry Peskov said Moscow remains ready/.test(document.querySelector('#sp-claim')?.value ?? '')));
    await until('the record\'s positions', async () => (await textOf(panel, '#sp-results .sp-result .sp-actor')) === 'Dmitry Peskov');
    assert.equal(await panel.evaluate(() => document.querySelector('.sp-suggestion')?.dataset.verdict), 'consistent');
    assert.equal(await panel.evaluate(() => document.querySelector('.sp-speaker')?.dataset.speakerId), 'dmitry-peskov');

    // Keyboard only: tick the first result, choose "Consistent with the record", write a note, save.
    // The keys go to the focused window: the note window that Alt+Shift+H opened may still hold focus.
    await panel.bringToFront();
    await panel.focus('#sp-results input[type=checkbox]');
    await panel.keyboard.press('Space');
    await panel.focus('input[name=verdict][value=consistent]');
    await panel.keyboard.press('Space');
    await panel.keyboard.press('Tab');
    assert.equal(await panel.evaluate(() => document.activeElement?.id), 'sp-note');
    await panel.keyboard.type('Same words as in the record.');
    await panel.keyboard.press('Tab');
    await panel.keyboard.press('Enter');
    await until('the verdict to be saved', async () => (await textOf(panel, '.sp-saved')).includes('Saved: Consistent with the record'));
    const stored = await panel.evaluate(async () => (await browser.runtime.sendMessage({ type: 'page-bg-list-checks' })).checks.map((c) => [c.verdict, c.note, c.pageUrl, c.positionIds.length]));
    assert.deepEqual(stored, [['consistent', 'Same words as in the record.', `${BASE}/claims.html`, 1]]);

    // Back on the page, the checked claim is marked; and again after a reload.
    await page.bringToFront();
    // Marked: a violet tint and dotted line on screen (green falls), never in the page's highlight registry.
    const marked = async () => {
      await page.evaluate(() => getSelection().removeAllRanges());
      return (await colorOf(page, '#claim', 'Dmitry Peskov said Moscow remains ready')).g < unchecked.g - 8;
    };
    await until('the checked claim to be marked', marked);
    assert.deepEqual(await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.includes('saved') || k.includes('checked'))), []);
    await page.reload();
    await until('the checked claim to be marked after a reload', marked);
    extensionPage = panel;
  });

  it('finds the saved highlight again in the library, opened from the toolbar popup', async () => {
    // The toolbar popup cannot be clicked open over BiDi: its page is loaded in the extension's own tab, for the claims page's tab.
    const tabId = Number(new URL(await extensionPage.evaluate(() => location.href)).searchParams.get('tab'));
    await extensionPage.evaluate((id) => location.assign(browser.runtime.getURL(`src/pages/popup/index.html?tab=${id}`)), tabId);
    await until('the popup page', () => extensionPage.evaluate(() => location.pathname === '/src/pages/popup/index.html' && document.readyState === 'complete'));
    const before = await browser.pages();
    await clickButton(extensionPage, 'Open library');
    const library = await extensionTabOpened(browser, before, 'src/pages/library/index.html');
    const passage = 'Critics said the minister';
    await until('the library to list the highlight', async () => (await library.evaluate(() => [...document.querySelectorAll('.hl-quote')].map((q) => q.textContent))).some((q) => q.includes(passage)));
    // With the note typed in the note window.
    await until('the library to show its note', async () => (await textOf(library, 'body')).includes('Firefox note: ask the ministry.'));
    await library.focus('input[type=search]');
    await library.keyboard.type('critics MINISTER');
    await until('the search to keep it', async () => {
      const quotes = await library.evaluate(() => [...document.querySelectorAll('.hl-quote')].map((q) => q.textContent));
      return quotes.length === 1 && quotes[0].includes(passage);
    });
    await library.evaluate(() => {
      const search = document.querySelector('input[type=search]');
      search.select();
    });
    await library.keyboard.type('nothing like it anywhere');
    await until('a search with no match to list nothing', async () => (await library.evaluate(() => document.querySelectorAll('.hl-quote').length)) === 0);
    await library.close();
  });

  it('imports a corpus from the options page (opened from the popup): preview, apply, its names are underlined', async () => {
    const before = await browser.pages();
    await clickButton(extensionPage, 'Options');
    const options = await extensionTabOpened(browser, before, 'src/pages/options/index.html');
    const dir = mkdtempSync(join(tmpdir(), 'onrecord-ff-'));
    const file = join(dir, 'extra.json');
    writeFileSync(file, readFileSync(resolve('e2e/fixtures/extra-corpus.json')));
    const input = await until('the corpus file input', () => options.$('[data-testid="corpus-file"]'));
    await input.uploadFile(file);
    await until('the import preview', async () => (await textOf(options, 'body')).includes('New corpus: E2E extra, version 1'));
    await clickButton(options, 'Apply');
    await until('the import to be applied', async () => (await textOf(options, '[role=status]')).includes('Imported E2E extra'));
    await until('the corpus to be listed', async () => (await textOf(options, 'tr[data-corpus="e2e-extra"] [data-counts]')) === '2 entities, 1 position, 1 source');
    await page.bringToFront();
    await page.goto(`${BASE}/article.html`);
    await until('the imported name to be underlined', async () => (await highlightTexts(page, 'onrecord-person')).includes('Rasputin'));
    await options.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

