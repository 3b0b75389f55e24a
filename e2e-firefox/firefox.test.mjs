/**
 * Firefox end-to-end: the built Firefox extension (dist/firefox) installed into Debian's firefox-esr,
 * driven headless over WebDriver BiDi with puppeteer-core (Playwright's Firefox is a patched build that
 * cannot be installed here, and it does not load extensions). Run by `npm test` after the Firefox build.
 *
 * Covered: names underlined, the popover opens on hover and from the keyboard (Alt+Shift+O) and closes
 * with Esc, a highlight saved from the keyboard is drawn again after a reload. The popover's closed shadow root cannot be read over BiDi (neither page nor BiDi sandbox
 * realms can open it, and the accessibility locator does not reach into it), so its content is checked
 * in the Chromium suite; here its top-layer host is checked open (:popover-open) and focused.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { startServer } from '../scripts/serve.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const PORT = Number(process.env.ONRECORD_FIREFOX_PORT ?? (Number(process.env.ONRECORD_E2E_PORT ?? 4173) + 10));
const BASE = `http://127.0.0.1:${PORT}`;
const WAIT_MS = 15_000;

/** Polls `fn` until it returns a truthy value (or throws with `what` after WAIT_MS). */
async function until(what, fn) {
  const end = Date.now() + WAIT_MS;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
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
    const host = document.querySelector('onrecord-popover');
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

describe('Firefox: the built extension on a news page', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let page;

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
    await until('the content script to be ready', () => page.evaluate(() => CSS.highlights.has('onrecord-saved-yellow')));
    const passage = 'Critics said the minister';
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
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyH');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await until('the saved highlight to be drawn', async () => (await highlightTexts(page, 'onrecord-saved-yellow')).includes(passage));
    await page.reload();
    await until('the saved highlight to be found again after a reload', async () =>
      (await highlightTexts(page, 'onrecord-saved-yellow')).includes(passage));
  });
});

