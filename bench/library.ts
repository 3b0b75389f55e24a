/**
 * The library with 10,000 highlights: how long search, filters and the
 * exchange formats take, in Node (the pure code) and in Chromium (the real
 * page: first render after load, and a search typed into the box).
 *
 *   npm run bench:library            # both parts (the browser part needs `npm run build`)
 *   npm run bench:library -- --node  # the pure part only
 *
 * Budget, from the issue: "stays responsive with 10,000 highlights", i.e. a
 * keystroke's filtering well inside one frame (16 ms) and the first screen
 * within a second.
 */
import 'fake-indexeddb/auto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportCsv, exportJsonLd, exportMarkdown, parseJsonLd } from '../src/core/annotations/index.ts';
import { sampleHighlight } from '../src/core/annotations/testing.ts';
import { OnRecordDb } from '../src/storage/db.ts';
import { importHighlights, listHighlights } from '../src/storage/highlights-store.ts';
import { filterHighlights, indexHighlights, NO_FILTERS, toRows } from '../src/pages/library/highlights/highlight-filter.ts';

export const HIGHLIGHTS = 10_000;
/** Runs per measurement; the median is reported. */
const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

function time(fn: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

function row(name: string, ms: number): void {
  console.log(`${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms`);
}

async function nodePart(): Promise<void> {
  console.log(`\nPure code, ${HIGHLIGHTS} highlights (median of ${RUNS})`);
  const all = Array.from({ length: HIGHLIGHTS }, (_, i) => sampleHighlight(i));
  let index = indexHighlights(all);
  row('build the search index', time(() => (index = indexHighlights(all))));
  row('search one word ("ceasefire")', time(() => filterHighlights(index, { ...NO_FILTERS, query: 'ceasefire' })));
  row('search three words', time(() => filterHighlights(index, { ...NO_FILTERS, query: 'minister said corridor' })));
  row('search, no match', time(() => filterHighlights(index, { ...NO_FILTERS, query: 'zzzz' })));
  row('filter by tag + site + date', time(() => filterHighlights(index, { ...NO_FILTERS, tag: 'policy', site: 'news.example.com', from: '2024-02-01' })));
  row('group into page rows', time(() => toRows(all)));
  let text = '';
  row('export JSON-LD', time(() => (text = exportJsonLd(all))));
  row('parse + validate JSON-LD', time(() => parseJsonLd('bench.jsonld', text)));
  row('export CSV', time(() => exportCsv(all)));
  row('export Markdown', time(() => exportMarkdown(all)));
  const db = new OnRecordDb('bench-library');
  try {
    let t = performance.now();
    await importHighlights(db, all);
    row('import into IndexedDB (fake-indexeddb, 1 tx)', performance.now() - t);
    t = performance.now();
    await listHighlights(db);
    row('read all, newest first (fake-indexeddb)', performance.now() - t);
  } finally {
    await db.delete();
  }
}

async function browserPart(): Promise<void> {
  const { DIST, launchWithExtension, serviceWorkerOf } = await import('../e2e/extension.ts');
  if (!existsSync(join(DIST, 'manifest.json'))) {
    console.log('\nChromium part skipped: dist/chrome is missing (run "npm run build").');
    return;
  }
  console.log(`\nThe library page in Chromium, ${HIGHLIGHTS} highlights`);
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-bench-library-'));
  const context = await launchWithExtension(dir);
  try {
    const sw = await serviceWorkerOf(context);
    const url = `chrome-extension://${new URL(sw.url()).host}/src/pages/library/index.html`;
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('.hl-empty').first().waitFor();
    const rows = Array.from({ length: HIGHLIGHTS }, (_, i) => sampleHighlight(i));
    await page.evaluate(
      (list) =>
        new Promise<void>((ok, fail) => {
          const open = indexedDB.open('onrecord');
          open.onsuccess = () => {
            const tx = open.result.transaction('highlights', 'readwrite');
            for (const r of list) tx.objectStore('highlights').put(r);
            tx.oncomplete = () => ok();
            tx.onerror = () => fail(tx.error);
          };
          open.onerror = () => fail(open.error);
        }),
      rows,
    );
    const renders: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await page.locator('.hl-item').first().waitFor();
      renders.push(await page.evaluate(() => performance.getEntriesByName('library-first-render')[0]?.startTime ?? NaN));
    }
    row('first render after load (median of 3)', median(renders));
    console.log(`${'rows in the DOM (virtualised)'.padEnd(44)} ${String(await page.locator('.hl-item').count()).padStart(8)}`);
    const search = page.getByRole('searchbox');
    const typed: number[] = [];
    for (const q of ['c', 'ce', 'cea', 'ceasefire', 'ceasefire minister']) {
      const t = Date.now();
      await search.fill(q);
      await page.waitForFunction((query) => (document.querySelector('.hl-search') as HTMLInputElement).value === query && !!document.querySelector('.hl-count'), q);
      typed.push(Date.now() - t);
    }
    const filterMs = await page.evaluate(() => performance.getEntriesByName('library-filter').map((e) => e.duration));
    row('filter per keystroke (median, in page)', median(filterMs));
    row('keystroke to updated list (median, with CDP)', median(typed));
    const t = Date.now();
    for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 4_000);
    row('20 wheel scrolls of 4,000 px', Date.now() - t);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await nodePart();
if (!process.argv.includes('--node')) await browserPart();
