/**
 * The 130 saved real news pages in test/fixtures/realpages: each loads with the
 * extension without a content-script error, and the pages that name Putin get him highlighted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REAL_PAGES_DIR } from '../test/support/real-pages.ts';
import { expect, test } from './extension.ts';
import { highlightTexts } from './popover.ts';

const DIR = REAL_PAGES_DIR;
const pages = readdirSync(DIR).filter((f) => f.endsWith('.html')).sort();
const HOST = 'http://realpages.test';

test('all saved real pages load with the extension and no content-script error', async ({ context }) => {
  test.setTimeout(15 * 60_000);
  expect(pages.length).toBeGreaterThanOrEqual(130);
  // Serve the saved HTML under a fake host; every subresource is refused, so nothing leaves the machine.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const file = url.pathname.slice(1);
    if (url.origin === HOST && route.request().resourceType() === 'document' && pages.includes(file)) {
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(DIR, file)) });
    }
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('OnRecord')) errors.push(`${page.url()}: ${m.text()}`);
  });
  const withPutin: string[] = [];
  for (const file of pages) {
    await page.goto(`${HOST}/${file}`, { waitUntil: 'domcontentloaded' });
    const html = readFileSync(join(DIR, file), 'utf8');
    // Pages whose visible prose names Putin (the extraction tests list them) must get him highlighted.
    if (/\bPutin\b/.test(html) && ['yahoo-2.html', 'yahoo-3.html', 'nytimes-1.html', 'wapo-2.html'].includes(file)) {
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
    } else {
      // Let annotation run to completion before the next navigation.
      await page.waitForFunction(() => document.readyState !== 'loading');
      await page.waitForTimeout(50);
    }
  }
  expect(withPutin).toHaveLength(4);
  expect(errors).toEqual([]);
});
