/**
 * `tsx bench/extract-ab.ts [before-ref]` — the content script's text extraction alone, this tree against an earlier
 * commit (default `main`), in the same headless Chromium page, interleaved. Both versions of src/page-text are bundled
 * with esbuild and evaluated in one isolated world each (as a content script runs: every DOM node read through the
 * world's own wrappers), on bench:page's generated 5 MB and 500 KB news pages. One pass extracts the whole body the
 * way the annotator does (extractChildrenUpTo, 20,000 characters a part, split where a part cannot be cut) and
 * locates a boundary every 500 characters. Reports per-pass main-thread CPU time (CDP ThreadTime) and wall time (median of BENCH_EXTRACT_RUNS, default 9, each
 * the first pass in a fresh isolated world, as the content script's first pass creates its wrappers) and the ratio; a figure, not an assertion. The load average is printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { aliasTexts, benchCorpus } from './page/corpus.ts';
import { newsPage } from './page/news-page.ts';
import { servePages } from './page/server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env['BENCH_EXTRACT_RUNS'] ?? 9);
const before = process.argv[2] ?? 'main';

const entry = (root: string) => `
import { extractChildrenUpTo } from ${JSON.stringify(join(root, 'src/page-text/extract-text.ts'))};
import { toBoundaries } from ${JSON.stringify(join(root, 'src/page-text/locate.ts'))};
const LIMIT = 20000;
function pass() {
  let chars = 0, parts = 0, located = 0;
  const queue = [{ el: document.body, from: null }];
  while (queue.length) {
    const { el, from } = queue.shift();
    const part = extractChildrenUpTo(el, from, LIMIT, { computeStyle: false }, null, 1000);
    if (part === null) {
      const child = from ?? el.firstChild;
      if (!child) continue;
      if (child.nodeType === 1) queue.unshift({ el: child, from: null }, ...(child.nextSibling ? [{ el, from: child.nextSibling }] : []));
      else if (child.nextSibling) queue.unshift({ el, from: child.nextSibling });
      continue;
    }
    parts++;
    const t = part.pageText.text;
    chars += t.length;
    for (let i = 0; i + 20 < t.length; i += 500) if (toBoundaries(part.pageText, i, i + 20)) located++;
    if (part.next) queue.unshift({ el, from: part.next });
  }
  return { chars, parts, located };
}
globalThis.__extractPass = () => { const t = performance.now(); const r = pass(); return { ms: performance.now() - t, ...r }; };
`;

function bundle(root: string, dir: string): string {
  const file = join(dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, entry(root));
  const r = spawnSync(join(ROOT, 'node_modules/.bin/esbuild'), [file, '--bundle', '--format=iife', '--target=es2022'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`esbuild in ${root}: ${r.stderr}`);
  return r.stdout;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'onrecord-extract-ab-'));
  try {
    const sha = spawnSync('git', ['rev-parse', '--short', before], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    const old = join(tmp, 'before');
    const r = spawnSync('sh', ['-c', `mkdir -p "${old}" && git archive ${sha} src/page-text | tar -x -C "${old}"`], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git archive ${before}: ${r.stderr}`);
    symlinkSync(join(ROOT, 'node_modules'), join(old, 'node_modules'));
    const code = { before: bundle(old, tmp), after: bundle(ROOT, tmp) };
    const small = aliasTexts(benchCorpus(50));
    const large = aliasTexts(benchCorpus(5000));
    const sizes = [5_000_000, 500_000];
    const server = await servePages(new Map(sizes.map((n) => [`/news-${n}.html`, newsPage({ textChars: n, core: small, all: large })])));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    const load0 = loadavg()[0]!.toFixed(1);
    try {
      for (const size of sizes) {
        const page = await browser.newPage();
        await page.goto(server.url(`/news-${size}.html`), { waitUntil: 'load' });
        const cdp = await page.context().newCDPSession(page);
        const { frameTree } = await cdp.send('Page.getFrameTree');
        await cdp.send('Performance.enable');
        // The main thread's CPU time (ThreadTime), which descheduling on a loaded machine does not stretch.
        const cpu = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
        const cpuMs: Record<'before' | 'after', number[]> = { before: [], after: [] };
        const ms: Record<'before' | 'after', number[]> = { before: [], after: [] };
        let shape = '';
        for (let run = 0; run < RUNS; run++) {
          for (const which of run % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const)) {
            const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `ab-${which}-${run}` });
            await cdp.send('Runtime.evaluate', { expression: code[which], contextId: executionContextId });
            await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
            const t0 = await cpu();
            const res = await cdp.send('Runtime.evaluate', { expression: '__extractPass()', contextId: executionContextId, returnByValue: true });
            cpuMs[which].push(((await cpu()) - t0) * 1000);
            const v = res.result.value as { ms: number; chars: number; parts: number; located: number };
            ms[which].push(v.ms);
            shape = `${v.chars} characters, ${v.parts} parts, ${v.located} located`;
          }
        }
        const b = median(ms.before);
        const a = median(ms.after);
        const bc = median(cpuMs.before);
        const ac = median(cpuMs.after);
        console.log(`${size / 1e6} MB page (${shape}): CPU before (${sha}) ${bc.toFixed(1)} ms, this tree ${ac.toFixed(1)} ms, ratio ${(ac / bc).toFixed(2)}; ` +
          `wall before ${b.toFixed(1)} ms, this tree ${a.toFixed(1)} ms, ratio ${(a / b).toFixed(2)} ` +
          `(medians of ${RUNS}; CPU before ${cpuMs.before.map((x) => x.toFixed(0)).join(' ')}, after ${cpuMs.after.map((x) => x.toFixed(0)).join(' ')}; wall before ${ms.before.map((x) => x.toFixed(0)).join(' ')}; after ${ms.after.map((x) => x.toFixed(0)).join(' ')})`);
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
    console.log(`load average ${load0} before, ${loadavg()[0]!.toFixed(1)} after`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
