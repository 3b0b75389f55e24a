/**
 * One finder, one reading (issue 12; audit 10, A29): the statements the extension lists for a saved real news page
 * are the statements `onrecord extract` lists for the same HTML file — same speakers (a new person under one name,
 * "Barack Obama" for "Obama", "Mr Obama" and "he"), same kinds, same words. Both read the page through the same
 * page-text layer, but the browser has the page's styles and linkedom none: the offsets differ, and so may a
 * statement's tail where a styled block ends it in the browser and not in the CLI ("… Wound Up There" + "(Newser)"
 * in a recommendation box). Statements are paired by speaker and kind, the words of one reading beginning with the
 * other's; every statement must find its pair.
 * Pages: the extraction set's dev realpages (test/fixtures/realpages, with their licence) and two pages outside it.
 * The CLI is run as built (`npm run build:cli`, as `npm ci` does), on the same files.
 */
import type { BrowserContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlToText } from '../src/cli/html-text.ts';
import { REAL_PAGES_DIR } from '../test/support/real-pages.ts';
import { contentIdle, expect, newestTabId, test } from './extension.ts';

/** The saved pages are served under the e2e server's origin at this path, from test/fixtures/realpages. */
const PREFIX = '/realpages/';
// Not seattletimes-1: its "flicker control" style hides the body until a script it loads shows it, so the browser
// (here, with every script refused) reads no text at all, and linkedom, with no styles, all of it.
const PAGES = ['bbc-1.html', 'buzzfeed-1.html', 'herald-sun-1.html', 'telegraph.html', 'wapo-1.html', 'yahoo-2.html', 'cnn.html'];

interface Row {
  file: string;
  speakerName: string;
  kind: string;
  start: number;
  end: number;
}

/** `onrecord extract --format jsonl` on the pages, by file, with each row's words from the text its offsets index. */
function cliReadings(): Map<string, Reading[]> {
  const out = execFileSync(process.execPath, [fileURLToPath(new URL('../bin/onrecord.cjs', import.meta.url)), 'extract', '--format', 'jsonl', ...PAGES], { cwd: REAL_PAGES_DIR, encoding: 'utf8' });
  const byFile = new Map<string, Reading[]>(PAGES.map((f) => [f, []]));
  const texts = new Map(PAGES.map((f) => [f, htmlToText(readFileSync(join(REAL_PAGES_DIR, f), 'utf8'))]));
  for (const line of out.split('\n').filter(Boolean)) {
    const r = JSON.parse(line) as Row;
    byFile.get(r.file)!.push({ speaker: r.speakerName, kind: r.kind, words: fold(texts.get(r.file)!.slice(r.start, r.end)) });
  }
  return byFile;
}

interface Reading {
  speaker: string;
  kind: string;
  words: string;
}
const fold = (words: string) => words.replace(/\s+/gu, ' ').replace(/[\s,;:—–-]+$/u, '').trim();
const show = (r: Reading) => `${r.speaker} | ${r.kind} | ${r.words}`;

/** The statements of `a` and of `b` left without a pair (same speaker and kind, one's words the start of the other's). */
function unpaired(a: readonly Reading[], b: readonly Reading[]): { onlyA: string[]; onlyB: string[] } {
  const left = [...b];
  const onlyA: string[] = [];
  for (const x of a) {
    const k = left.findIndex((y) => y.speaker === x.speaker && y.kind === x.kind && (x.words.startsWith(y.words) || y.words.startsWith(x.words)));
    if (k < 0) onlyA.push(show(x));
    else left.splice(k, 1);
  }
  return { onlyA, onlyB: left.map(show) };
}

interface Listed {
  statements: { speakerName: string; kind: string; text: string }[];
}

/** The saved pages under PREFIX; their subresources are refused, so nothing leaves the machine. */
async function serveSaved(context: BrowserContext, baseURL: string): Promise<void> {
  const origin = new URL(baseURL).origin;
  await context.route(/^https?:\/\//u, (route) => {
    const url = new URL(route.request().url());
    const file = url.pathname.slice(PREFIX.length);
    if (url.origin === origin && url.pathname.startsWith(PREFIX) && PAGES.includes(file) && route.request().resourceType() === 'document') {
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(REAL_PAGES_DIR, file)) });
    }
    return url.origin === origin && !url.pathname.startsWith(PREFIX) ? route.continue() : route.abort();
  });
}

test('the popup lists the statements onrecord extract finds on the same page', async ({ context, serviceWorker, extensionId, baseURL }) => {
  test.setTimeout(PAGES.length * 30_000);
  await serveSaved(context, baseURL!);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/pages/popup/index.html`);
  const cli = cliReadings();
  let total = 0;
  for (const file of PAGES) {
    const want = cli.get(file)!;
    const page = await context.newPage();
    await page.goto(`${PREFIX}${file}`);
    await contentIdle(serviceWorker, page, 30_000);
    const tabId = await newestTabId(serviceWorker);
    const listed = (await popup.evaluate(async (t) => chrome.runtime.sendMessage({ type: 'page-bg-page-statements', tabId: t }), tabId)) as Listed;
    const got = listed.statements.map((s) => ({ speaker: s.speakerName, kind: s.kind, words: fold(s.text) }));
    expect(unpaired(want, got), file).toEqual({ onlyA: [], onlyB: [] });
    total += want.length;
    await page.close();
  }
  // The pages do hold statements: the comparison is not between two empty lists.
  expect(total).toBeGreaterThan(60);
});

test('bbc-1: one speaker for Barack Obama, with the "he said" statements of later paragraphs', async ({ context, serviceWorker, extensionId, baseURL }) => {
  await serveSaved(context, baseURL!);
  const page = await context.newPage();
  await page.goto(`${PREFIX}bbc-1.html`);
  await contentIdle(serviceWorker, page, 30_000);
  const tabId = await newestTabId(serviceWorker);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/pages/popup/index.html?tab=${tabId}`);
  const groups = popup.locator('section.statements .st-group');
  await expect(groups.first()).toBeVisible({ timeout: 15_000 });
  const labels = await groups.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(labels.filter((l) => /Obama/u.test(l))).toEqual(['Barack Obama']);
  // "he would continue fighting for greater gun control": a "he said" whose name is paragraphs above.
  await expect(groups.filter({ hasText: 'Barack Obama' }).locator('.st-item', { hasText: 'continue fighting for greater gun control' })).toHaveCount(1);
});
