/**
 * Failures on the page side reach the reader: a record the background cannot
 * give makes the hover say so, instead of showing nothing.
 */
import type { Page, Worker } from '@playwright/test';
import { sampleHighlight } from '../src/core/annotations/testing.ts';
import { UI_HOST } from '../src/page-text/element-rules.ts';
import { expect, putRows, test } from './extension.ts';
import { marksReady, markedTexts } from './marks.ts';
import { highlightTexts, popover, textCenter } from './popover.ts';
import { inShadow, shadowTarget } from './shadow.ts';

test('a record that fails to load makes the hover say so', async ({ context, serviceWorker }) => {
  // The background answers every record request with an error (a listener that replies first, synchronously).
  await serviceWorker.evaluate(() => {
    chrome.runtime.onMessage.addListener((message: { type?: string }, _sender, reply) => {
      if (message?.type !== 'cs-bg-get-record') return undefined;
      reply({ ok: false, error: 'the record store could not be read' });
      return undefined;
    });
  });
  const page = await context.newPage();
  await page.goto('/article.html');
  await expect.poll(() => highlightTexts(page, 'onrecord-person'), { timeout: 15_000 }).toContain('Dmitry Peskov');
  const at = await textCenter(page, 'body', 'Dmitry Peskov');
  await page.mouse.move(at.x, at.y);
  const shown = await expect.poll(async () => (await popover(page))?.text ?? '').toContain('OnRecord could not load this record')
    .then(() => popover(page));
  expect(shown!.text).toContain('the record store could not be read');
});

// ---- Issue 14, G16: a content-script request that fails is tried again (bounded, with backoff); when it still
// fails the reader gets a notice in our closed shadow root (our own sentence only) with "Try again".

const NOTICE = UI_HOST.notice;
const noticeText = (page: Page) => inShadow<string>(page, NOTICE, 'function () { return [...this.querySelectorAll(".notice")].map((n) => n.innerText).join("\\n"); }').then((t) => t ?? '');

/**
 * Makes the background answer `type` with an error: the first `times` requests (Infinity: all of them until
 * `failUntil` is called again with 0). Later requests reach the real handler. Counts every request seen.
 */
async function failRequests(sw: Worker, type: string, times: number): Promise<void> {
  await sw.evaluate(({ type, times }) => {
    const g = globalThis as unknown as { __failing?: Record<string, { left: number; seen: number }> };
    if (!g.__failing) {
      g.__failing = {};
      chrome.runtime.onMessage.addListener((message: { type?: string }, _sender, reply) => {
        const rule = message?.type ? g.__failing![message.type] : undefined;
        if (!rule) return undefined;
        rule.seen++;
        if (rule.left <= 0) return undefined;
        rule.left--;
        reply({ ok: false, error: 'the store is busy (test)' });
        return undefined;
      });
    }
    g.__failing[type] = { left: times === -1 ? Number.MAX_SAFE_INTEGER : times, seen: g.__failing[type]?.seen ?? 0 };
  }, { type, times: Number.isFinite(times) ? times : -1 });
}
const requestsSeen = (sw: Worker, type: string) => sw.evaluate((type) => (globalThis as unknown as { __failing?: Record<string, { seen: number }> }).__failing?.[type]?.seen ?? 0, type);

async function clickNoticeButton(page: Page, label: string) {
  const at = await expect.poll(() => shadowTarget(page, NOTICE, 'button', label)).toBeDefined().then(() => shadowTarget(page, NOTICE, 'button', label));
  await page.mouse.click(at!.x, at!.y);
}

/** A saved highlight of article.html's first paragraph (its quote anchors it; the position is only a hint). */
function highlightOn(url: string) {
  const exact = 'said on Tuesday that Moscow was still open';
  return sampleHighlight(0, { pageUrl: url, color: 'yellow', note: 'a private note', selectors: { quote: { exact, prefix: 'Dmitry Peskov ', suffix: ' to negotiations.' }, position: { start: 30, end: 30 + exact.length } } });
}

test('saved highlights that fail to load twice are tried again and drawn; no notice', async ({ context, serviceWorker, baseURL }) => {
  await putRows(serviceWorker, 'highlights', [highlightOn(new URL('/article.html', baseURL).href)]);
  await failRequests(serviceWorker, 'cs-bg-highlights-for-page', 2);
  const page = await context.newPage();
  await page.goto('/article.html');
  await marksReady(page);
  await expect.poll(() => markedTexts(page, 'saved-yellow'), { timeout: 15_000 }).toEqual(['said on Tuesday that Moscow was still open']);
  expect(await requestsSeen(serviceWorker, 'cs-bg-highlights-for-page')).toBe(3);
  expect(await noticeText(page)).toBe('');
});

test('saved highlights that keep failing: a notice says so (nothing private on the page), and Try again loads them', async ({ context, serviceWorker, baseURL }) => {
  await putRows(serviceWorker, 'highlights', [highlightOn(new URL('/article.html', baseURL).href)]);
  await failRequests(serviceWorker, 'cs-bg-highlights-for-page', Infinity);
  const page = await context.newPage();
  await page.goto('/article.html');
  await expect.poll(() => noticeText(page), { timeout: 20_000 }).toContain('OnRecord could not load your highlights on this page.');
  // Bounded: the first try and three more, then it stopped and told the reader.
  expect(await requestsSeen(serviceWorker, 'cs-bg-highlights-for-page')).toBe(4);
  // The page's DOM holds none of it: the notice is in a closed shadow root; the note never leaves the extension.
  const pageText = await page.evaluate(() => document.documentElement.outerHTML);
  expect(pageText).not.toContain('could not load');
  expect(pageText).not.toContain('a private note');
  await failRequests(serviceWorker, 'cs-bg-highlights-for-page', 0);
  await clickNoticeButton(page, 'Try again');
  await expect.poll(() => markedTexts(page, 'saved-yellow'), { timeout: 15_000 }).toEqual(['said on Tuesday that Moscow was still open']);
  expect(await noticeText(page)).toBe('');
});

test('checked claims that keep failing to load: a notice, and Try again asks again', async ({ context, serviceWorker }) => {
  await failRequests(serviceWorker, 'cs-bg-get-checked-claims', Infinity);
  const page = await context.newPage();
  await page.goto('/article.html');
  await expect.poll(() => noticeText(page), { timeout: 20_000 }).toContain('OnRecord could not load the checked claims of this page.');
  const seen = await requestsSeen(serviceWorker, 'cs-bg-get-checked-claims');
  expect(seen).toBe(4);
  await failRequests(serviceWorker, 'cs-bg-get-checked-claims', 0);
  await clickNoticeButton(page, 'Try again');
  await expect.poll(() => requestsSeen(serviceWorker, 'cs-bg-get-checked-claims')).toBe(seen + 1);
  await expect.poll(() => noticeText(page)).toBe('');
});

test('"Source passage" that cannot be opened: tried once more, then a notice with Try again', async ({ context, serviceWorker }) => {
  await failRequests(serviceWorker, 'cs-bg-open-source', Infinity);
  const page = await context.newPage();
  await page.goto('/article.html');
  await expect.poll(() => highlightTexts(page, 'onrecord-person'), { timeout: 15_000 }).toContain('Dmitry Peskov');
  const at = await textCenter(page, 'body', 'Dmitry Peskov');
  await page.mouse.move(at.x, at.y);
  await expect.poll(async () => (await popover(page))?.text ?? '').toContain('Peskov');
  const link = await expect.poll(() => shadowTarget(page, UI_HOST.popover, '.or-source-link')).toBeDefined().then(() => shadowTarget(page, UI_HOST.popover, '.or-source-link'));
  await page.mouse.click(link!.x, link!.y);
  await expect.poll(() => noticeText(page), { timeout: 10_000 }).toContain('OnRecord could not open the source passage.');
  expect(await requestsSeen(serviceWorker, 'cs-bg-open-source')).toBe(2);
  await failRequests(serviceWorker, 'cs-bg-open-source', 0);
  const opened = context.waitForEvent('page');
  await clickNoticeButton(page, 'Try again');
  expect((await opened).url()).toContain('source');
  await expect.poll(() => noticeText(page)).toBe('');
});
