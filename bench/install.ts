/**
 * npm run bench:install — installing a large record in the real service worker, as a user does it (issue 15:
 * "install ≤ 15 s with progress shown, service worker ≤ 200 MB", measured in the browser, not in Node).
 *
 * Loads the built extension (dist/chrome, `npm run build` first; BENCH_INSTALL_DIST for another build) in headless
 * Chromium, waits for the bundled record's own install, then, in the options page, chooses the synthetic record
 * (bench/lib/synthetic-record.ts: BENCH_INSTALL_POSITIONS positions, default 100,000, and half as many entities) in
 * the file input and presses Apply. It prints:
 * - preview: from choosing the file to the import's preview shown (the page reads and sends the file, the worker
 *   parses and validates it and compares it with what is installed);
 * - install: from Apply to the page's "Imported …" status (the worker parses and validates it again, writes it to
 *   IndexedDB in pieces, reloads the record and compiles its matcher);
 * - what the progress bar showed meanwhile (phase, percent and when), read by a MutationObserver in the page;
 * - the service worker's JS heap (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage) before and after.
 * BENCH_INSTALL_RUNS (default 1) repeats it, each in a fresh profile. Medians; the load average is printed.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { syntheticRecord } from './lib/synthetic-record.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, process.env['BENCH_INSTALL_DIST'] ?? 'dist/chrome');
const RUNS = Math.max(1, Number(process.env['BENCH_INSTALL_RUNS'] ?? 1));
const POSITIONS = Math.max(1, Number(process.env['BENCH_INSTALL_POSITIONS'] ?? 100_000));
const TIMEOUT_MS = Number(process.env['BENCH_INSTALL_TIMEOUT_MS'] ?? 600_000);
/** The seed record's positions come first in the synthetic record (bench/lib/synthetic-record.ts). */
const SEED_POSITIONS = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../corpus/seed.json'), 'utf8')) as { positions: unknown[] }).positions.length;
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const log = (msg: string) => process.stderr.write(`${msg}\n`);

function median(xs: readonly number[]): number {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function chromiumPath(): string {
  const found = [process.env['CHROMIUM_PATH'], '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian\'s "chromium" package or set CHROMIUM_PATH');
  return found;
}

/** The service worker's DevTools session, through the page's session (Playwright gives none for a worker). */
async function workerSession(context: BrowserContext, page: Page): Promise<(method: string, params?: object) => Promise<Record<string, unknown>>> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; targetId: string; url: string }> };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!target) throw new Error('no service worker target');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let next = 0;
  const waiting = new Map<number, (m: { result?: Record<string, unknown>; error?: unknown }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId?: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown>; error?: unknown };
    if (m.id !== undefined) waiting.get(m.id)?.(m);
  });
  return (method, params = {}) =>
    new Promise((ok, fail) => {
      const id = ++next;
      waiting.set(id, (m) => {
        waiting.delete(id);
        if (m.error) fail(new Error(`${method}: ${JSON.stringify(m.error)}`));
        else ok(m.result ?? {});
      });
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
}

async function heapMb(send: Awaited<ReturnType<typeof workerSession>>): Promise<{ used: number; embedder: number }> {
  await send('HeapProfiler.collectGarbage');
  await send('HeapProfiler.collectGarbage');
  const r = (await send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  return { used: r.usedSize / 1e6, embedder: (r.embedderHeapUsedSize ?? 0) / 1e6 };
}

interface Run {
  previewMs: number;
  installMs: number;
  heapBefore: number;
  heapAfter: number;
  /** The progress bar as the page showed it: ms after Apply, phase, percent. */
  shown: Array<{ t: number; phase: string; percent: number }>;
}

async function once(file: string): Promise<Run> {
  const profile = mkdtempSync(join(tmpdir(), 'onrecord-bench-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(sw.url()).host;
    const options = await context.newPage();
    // The bundled record is installed when its row is listed (the page lists the records once, when it opens).
    const bundled = options.locator('tr', { hasText: '(bundled' });
    for (const until = Date.now() + TIMEOUT_MS; ; ) {
      await options.goto(`chrome-extension://${extensionId}/src/pages/options/index.html`);
      await options.getByRole('heading', { name: 'OnRecord options' }).waitFor();
      if (await bundled.waitFor({ timeout: 2_000 }).then(() => true, () => false)) break;
      if (Date.now() > until) throw new Error('the bundled record was not installed');
    }
    const send = await workerSession(context, options);
    const before = await heapMb(send);
    // A string, not a function: tsx's helpers (`__name`) do not exist in the page.
    await options.evaluate(`(() => {
      const shown = [];
      globalThis.__shown = shown;
      const box = document.querySelector('.install-progress');
      if (!box) throw new Error('no .install-progress on the options page');
      const read = () => {
        const bar = box.querySelector('progress');
        const phase = box.hidden ? 'hidden' : (box.dataset.installPhase ?? '');
        const percent = bar ? Number(bar.value) : -1;
        const last = shown[shown.length - 1];
        if (!last || last.phase !== phase || last.percent !== percent) shown.push({ t: performance.now(), phase, percent });
      };
      new MutationObserver(read).observe(box, { attributes: true, childList: true, subtree: true, characterData: true });
    })()`);
    const t0 = await options.evaluate(() => performance.now());
    await options.getByTestId('corpus-file').setInputFiles(file);
    const preview = options.getByRole('region', { name: 'What the import changes' });
    const apply = preview.getByRole('button', { name: 'Apply' });
    const refused = options.locator('[role="alert"].problems');
    await Promise.race([apply.waitFor({ timeout: TIMEOUT_MS }), refused.first().waitFor({ timeout: TIMEOUT_MS }).then(async () => {
      throw new Error(`the import was refused: ${await refused.first().innerText()}`);
    })]);
    const t1 = await options.evaluate(() => performance.now());
    await apply.click();
    const t2 = await options.evaluate(() => performance.now());
    await options.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: TIMEOUT_MS });
    const t3 = await options.evaluate(() => performance.now());
    const shown = (await options.evaluate(() => (globalThis as { __shown?: Array<{ t: number; phase: string; percent: number }> }).__shown ?? [])).map((s) => ({ ...s, t: s.t - t2 }));
    const after = await heapMb(send);
    return { previewMs: t1 - t0, installMs: t3 - t2, heapBefore: before.used, heapAfter: after.used, shown };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`${DIST} is missing: run "npm run build" first`);
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-bench-install-record-'));
  try {
    const file = join(dir, `synthetic-${POSITIONS}.json`);
    // A record of its own: another id, and without the seed's positions (the bundled record holds them; a file that
    // repeats them is offered a merge or "only the new ones" instead of Apply).
    const grown = syntheticRecord({ entities: Math.round(POSITIONS / 2), positions: POSITIONS + SEED_POSITIONS });
    const seedIds = new Set(grown.positions.slice(0, SEED_POSITIONS).map((p) => p.id));
    const positions = grown.positions.filter((p) => !seedIds.has(p.id)).map((p) => ({ ...p, links: p.links.filter((l) => !seedIds.has(l.target)) }));
    const json = JSON.stringify({ ...grown, id: 'bench-synthetic', title: 'Synthetic bench record', positions });
    writeFileSync(file, json);
    log(`record: ${POSITIONS} positions, ${(json.length / 1e6).toFixed(2)} MB of JSON; build ${DIST}`);
    const runs: Run[] = [];
    const loads: string[] = [load()];
    for (let i = 0; i < RUNS; i++) {
      const r = await once(file);
      runs.push(r);
      loads.push(load());
      const shown = r.shown.map((s) => `${(s.t / 1000).toFixed(1)} s ${s.phase} ${s.percent}%`).join(', ');
      log(`run ${i + 1}/${RUNS}: preview ${r.previewMs.toFixed(0)} ms, install ${r.installMs.toFixed(0)} ms, worker heap ${r.heapBefore.toFixed(1)} → ${r.heapAfter.toFixed(1)} MB; progress shown: ${shown}; load ${load()}`);
    }
    const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
    console.log(`\n| positions | JSON (MB) | runs | preview, median (ms) | install after Apply, median (ms) | progress reports shown, median | worker heap after the bundled record (MB) | worker heap after the install (MB) | load average |`);
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    console.log(
      `| ${fmt(POSITIONS)} | ${(json.length / 1e6).toFixed(2)} | ${RUNS} | ${fmt(median(runs.map((r) => r.previewMs)))} | ${fmt(median(runs.map((r) => r.installMs)))} | ${median(runs.map((r) => r.shown.filter((s) => s.phase !== 'hidden').length))} | ${median(runs.map((r) => r.heapBefore)).toFixed(1)} | ${median(runs.map((r) => r.heapAfter)).toFixed(1)} | ${loads[0]} → ${loads[loads.length - 1]} |`,
    );
    const installMs = median(runs.map((r) => r.installMs));
    const heap = median(runs.map((r) => r.heapAfter));
    console.log(`\nTargets (issue 15, 100,000 positions): install ≤ 15 s with progress shown: ${installMs <= 15_000 && runs.every((r) => r.shown.some((s) => s.phase !== 'hidden')) ? 'met' : 'not met'} (${fmt(installMs)} ms); service worker ≤ 200 MB: ${heap <= 200 ? 'met' : 'not met'} (${heap.toFixed(1)} MB of JS heap)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
