/**
 * The 130 saved real news pages in test/fixtures/realpages: each loads with the extension and the
 * extension causes no error on it — every page error and console error is counted, with the extension
 * and on the same page in a browser without it, and the extension must add none — and the pages that
 * name Putin get him highlighted. Each page is left only once its content script reports idle
 * (annotation finished), so an error late in the work is not missed.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REAL_PAGES_DIR } from '../test/support/real-pages.ts';
import { chromiumPath, contentIdle, expect, test } from './extension.ts';
import { highlightTexts } from './popover.ts';

const DIR = REAL_PAGES_DIR;
const pages = readdirSync(DIR).filter((f) => f.endsWith('.html')).sort();
const HOST = 'http://realpages.test';
/** Pages whose visible prose names Putin (the extraction tests list them): he must be highlighted there. */
const NAMES_PUTIN = ['yahoo-2.html', 'yahoo-3.html', 'nytimes-1.html', 'wapo-2.html'];

/** Serves the saved HTML under a fake host; every subresource is refused, so nothing leaves the machine. */
async function serveSavedPages(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const file = url.pathname.slice(1);
    if (url.origin === HOST && route.request().resourceType() === 'document' && pages.includes(file)) {
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(DIR, file)) });
    }
    return route.abort();
  });
}

const REFUSED_RESOURCE = /^Failed to load resource: net::ERR_FAILED$/;

/** Every page error and console error on `page`, as texts, for the page loaded last. */
function collectErrors(page: Page): { take(): string[] } {
  let errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A subresource this test refused (route.abort, below) is logged when and if the page gets to it, which
    // varies from run to run; the extension makes no request at all, so these are the page's, never ours.
    if (m.type() === 'error' && !REFUSED_RESOURCE.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return {
    take() {
      const out = errors;
      errors = [];
      return out;
    },
  };
}

/** The errors in `withExtension` that the same page did not have without it (as a multiset). */
function added(withExtension: readonly string[], without: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const e of without) left.set(e, (left.get(e) ?? 0) + 1);
  const out: string[] = [];
  for (const e of withExtension) {
    const n = left.get(e) ?? 0;
    if (n > 0) left.set(e, n - 1);
    else out.push(e);
  }
  return out;
}

test('all saved real pages load with the extension, which adds no page or console error to any of them', async ({ context, serviceWorker }) => {
  test.setTimeout(25 * 60_000);
  expect(pages.length).toBeGreaterThanOrEqual(130);
  await serveSavedPages(context);
  const page = await context.newPage();
  const withErrors = collectErrors(page);

  // The same pages in the same Chromium without the extension: the errors the pages make on their own.
  const plainBrowser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
  await serveSavedPages(plain);
  const plainPage = await plain.newPage();
  const withoutErrors = collectErrors(plainPage);

  const caused: string[] = [];
  const withPutin: string[] = [];
  let checked = 0;
  try {
    for (const file of pages) {
      await plainPage.goto(`${HOST}/${file}`, { waitUntil: 'load' });
      await page.goto(`${HOST}/${file}`, { waitUntil: 'load' });
      if (NAMES_PUTIN.includes(file)) {
        // Only mentions near the viewport are drawn: bring the first visible "Putin" into view first.
        await page.evaluate(() => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (/Putin/.test((n as Text).data) && el && el.checkVisibility() && !el.closest('script, style, noscript, title')) {
              el.scrollIntoView({ block: 'center' });
              return;
            }
          }
        });
        // Soft hyphens inside names are folded away by the matcher ("Vladi\u00admir Putin" on wapo-2).
        await expect
          .poll(async () => (await highlightTexts(page, 'onrecord-person')).some((t) => t.replace(/\u00ad/g, '').endsWith('Putin')), { message: file })
          .toBe(true);
        withPutin.push(file);
      }
      // Annotation (and every timer and request it started) has finished before the errors are compared.
      await contentIdle(serviceWorker, page, 60_000);
      for (const e of added(withErrors.take(), withoutErrors.take())) caused.push(`${file}: ${e}`);
      checked++;
    }
  } finally {
    await plainBrowser.close();
  }
  expect(checked).toBe(pages.length);
  expect(withPutin).toHaveLength(NAMES_PUTIN.length);
  expect(caused).toEqual([]);
});

test('the error comparison counts an error the extension side adds', () => {
  expect(added(['a', 'a', 'b'], ['a', 'b'])).toEqual(['a']);
  expect(added(['a'], ['a', 'a'])).toEqual([]);
  expect(added(['console: x'], [])).toEqual(['console: x']);
});
