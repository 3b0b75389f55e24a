/**
 * npm run bench:hostile — what two hostile pages cost the content script,
 * the build under test beside a build of an earlier commit (BENCH_BEFORE, by
 * default `main`), in the same process, one after the other per run:
 *
 *  - one 5 MB text node with "Dmitry Peskov" every ~500 characters (about
 *    10,000 names, all in that one node):
 *    the most extension time in any one main-thread task, all extension time,
 *    the names found (as the popup counts them: a check that windowed matching
 *    loses none), and the page's own main-thread tasks from load until the
 *    content script is done (its longest, its blocking time over 50 ms, all of
 *    it), beside the same page without the extension: the rendering work that
 *    highlights cause is the page's, not in the extension's samples;
 *  - a mutation storm: 1,000 new nodes (a few with names) appended each
 *    animation frame for 10 s: the extension's main-thread time during it;
 *  - 200,000 nodes at load (20,000 paragraphs of four spans, "Dmitry Peskov"
 *    in every 50th): the same figures as the 5 MB node, from load until done.
 *
 * Extension time comes from Chrome tracing with the V8 sampling profiler
 * (bench/page/trace.ts): a sample is ours when a chrome-extension:// script is
 * on its stack. Samples are taken in wall time, so on a loaded machine a task's
 * figure includes the time its thread was descheduled: the CPU rows scale each
 * task's extension time by its thread time over its wall time (an estimate).
 * The storm's page is traced alone too (its own longest task, beside ours).
 * The collector's pauses inside our script (the trace's own V8 and Blink heap
 * collector events; without them, its samples right after one of ours): each
 * run prints how much of our longest task was the collector, and the most and
 * all of it inside our tasks (the heap is the page's too: the garbage may be its).
 * Per run, then medians of BENCH_HOSTILE_RUNS (default 3) for every build
 * that ran, with the ratio when both did; the load average is printed with
 * each run, since the machine is shared. Figures, not assertions.
 *
 * While working on one case: BENCH_HOSTILE_CASES=huge, storm or many (default all three),
 * BENCH_HOSTILE_BUILDS=after (default none,before,after: the page alone, the
 * earlier build, this one; without "before" nothing is built), and
 * BENCH_BEFORE_DIR=path uses a build kept aside (a copy of an earlier dist/chrome) as "before" instead of building
 * BENCH_BEFORE (name it with BENCH_BEFORE), and BENCH_HOSTILE_DETAIL=1 logs the extension's five longest tasks and where their
 * time went (a build made with `npx vite build --minify false` names functions).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { closeWelcomePage, launch, type BenchContext } from './page/browser.ts';
import { servePages } from './page/server.ts';
import { extensionTasks, mainThreadTasks, startRawTrace, type ExtensionTasks, type MainThreadTasks, type TraceEvent } from './page/trace.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Math.max(1, Number(process.env['BENCH_HOSTILE_RUNS'] ?? 3));
const BEFORE = process.env['BENCH_BEFORE'] ?? 'main';
const HUGE_CHARS = 5_000_000;
const NAME_EVERY = 500;
const STORM_NODES_PER_FRAME = 1_000;
const STORM_MS = 10_000;
type Which = 'none' | 'before' | 'after';
const CASES = new Set((process.env['BENCH_HOSTILE_CASES'] ?? 'huge,storm,many').split(','));
const BUILDS = (['none', 'before', 'after'] as const).filter((w) => (process.env['BENCH_HOSTILE_BUILDS'] ?? 'none,before,after').split(',').includes(w));
const DETAIL = process.env['BENCH_HOSTILE_DETAIL'] === '1';
/** BENCH_HOSTILE_TRACE_DIR: each traced run's raw events are written there as JSON (for a closer look). */
const TRACE_DIR = process.env['BENCH_HOSTILE_TRACE_DIR'];
let traceCount = 0;
function keepTrace(events: readonly TraceEvent[], name: string): void {
  if (TRACE_DIR) writeFileSync(join(TRACE_DIR, `${name}-${++traceCount}.json`), JSON.stringify(events));
}
const log = (msg: string) => process.stderr.write(`${msg}\n`);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One paragraph holding a single text node of `chars` characters, "Dmitry Peskov" every NAME_EVERY of them. */
function hugeNodePage(chars: number): { html: string; names: number } {
  const filler = 'the minister said that the talks on the grain corridor would resume after a pause of some months ';
  const parts: string[] = [];
  let length = 0;
  let names = 0;
  while (length < chars) {
    let block = '';
    while (block.length < NAME_EVERY) block += filler;
    block += 'Kremlin spokesman Dmitry Peskov said so. ';
    names++;
    parts.push(block);
    length += block.length;
  }
  return { html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>huge node</title></head><body><p id="huge">${parts.join('')}</p></body></html>`, names };
}

/** MANY_PARAGRAPHS paragraphs of four spans and their text (ten nodes each: 200,000), a name in every NAME_EVERY_PARAGRAPH-th. */
const MANY_PARAGRAPHS = 20_000;
const NAME_EVERY_PARAGRAPH = 50;
function manyNodesPage(): { html: string; names: number } {
  const parts: string[] = [];
  let names = 0;
  for (let i = 0; i < MANY_PARAGRAPHS; i++) {
    const name = i % NAME_EVERY_PARAGRAPH === 0;
    if (name) names++;
    parts.push(`<p><span>item ${i} </span><span>${name ? 'Dmitry Peskov said' : 'the talks went on'} </span><span>after a pause </span><span>of months</span></p>`);
  }
  return { html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>many nodes</title></head><body><article>${parts.join('')}</article></body></html>`, names };
}

const STORM_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>storm</title></head><body>
<article><h1>Live: the talks</h1><p>Kremlin spokesman Dmitry Peskov said on Tuesday that Moscow was open to talks.</p><div id="feed"></div></article>
<script>
  window.__storm = (perFrame, ms) => new Promise((done) => {
    const feed = document.getElementById('feed');
    const until = performance.now() + ms;
    let n = 0;
    const frame = () => {
      const batch = document.createDocumentFragment();
      for (let i = 0; i < perFrame; i++, n++) {
        const el = document.createElement(i % 10 === 0 ? 'p' : 'span');
        el.textContent = n % 500 === 0 ? 'Mykhailo Podolyak said ' + n : 'update ' + n + ' ';
        batch.append(el);
      }
      feed.append(batch);
      // Keep the page from growing without end: the oldest nodes leave, as a live ticker's do.
      while (feed.childNodes.length > 20 * perFrame) feed.firstChild.remove();
      if (performance.now() < until) requestAnimationFrame(frame);
      else done(n);
    };
    requestAnimationFrame(frame);
  });
</script></body></html>`;

/** A build of `ref` (git archive, this checkout's node_modules) in a temporary directory; returns its dist/chrome. */
function buildRef(ref: string): { dir: string; cleanup(): void } {
  const tmp = mkdtempSync(join(tmpdir(), 'onrecord-before-'));
  const archive = spawnSync('bash', ['-c', `git -C ${JSON.stringify(ROOT)} archive ${ref} | tar -x -C ${JSON.stringify(tmp)}`], { encoding: 'utf8' });
  if (archive.status !== 0) throw new Error(`git archive ${ref} failed: ${archive.stderr}`);
  symlinkSync(join(ROOT, 'node_modules'), join(tmp, 'node_modules'));
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build'], { cwd: tmp, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building ${ref} failed:\n${r.stdout}\n${r.stderr}`);
  return { dir: join(tmp, 'dist/chrome'), cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

/**
 * A tab for the page, in front. A fresh profile with the extension opens its welcome page once, and a tab behind it
 * gets few animation frames (measured: 7,000 nodes in a 4 s storm instead of 30,000): the welcome page is closed
 * first, as the e2e fixture does, and the page brought to the front.
 */
async function frontPage(b: BenchContext, extension: string | undefined): Promise<Page> {
  if (extension) await closeWelcomePage(b.context);
  const page = await b.context.newPage();
  await page.bringToFront();
  return page;
}

/**
 * Waits until the content script in `page` has finished its work (src/content/activity.ts, asked from the service
 * worker as the e2e tests do: nothing the page can see), three polls in a row, 250 ms apart; then returns the names
 * (person mentions) it found, as the popup lists them. Not from the highlight registry: a huge text node's mentions
 * are drawn only around the viewport.
 */
async function doneAndNamesFound(b: BenchContext, page: Page, timeoutMs = 180_000): Promise<number> {
  const sw = b.context.serviceWorkers()[0] ?? (await b.context.waitForEvent('serviceworker'));
  // Every tab is asked and the one showing the page answers (tab.url needs the "tabs" permission, which OnRecord lacks).
  const ask = (type: string) =>
    sw.evaluate(
      async ([href, type]) => {
        for (const tab of await chrome.tabs.query({})) {
          if (tab.id === undefined) continue;
          try {
            const activity = (await chrome.tabs.sendMessage(tab.id, { type: 'bg-cs-activity' })) as { href?: string } | undefined;
            if (activity?.href !== href) continue;
            return (type === 'bg-cs-activity' ? activity : await chrome.tabs.sendMessage(tab.id, { type })) as Record<string, unknown>;
          } catch {
            // No content script in that tab.
          }
        }
        return null;
      },
      [page.url(), type] as const,
    );
  const end = Date.now() + timeoutMs;
  let idleFor = 0;
  while (Date.now() < end && idleFor < 3) {
    await new Promise((ok) => setTimeout(ok, 250));
    const a = await ask('bg-cs-activity');
    idleFor = a?.['idle'] === true && Number(a['finished']) > 0 ? idleFor + 1 : 0;
  }
  const found = (await ask('popup-cs-get-mentions'))?.['mentions'] as Array<{ type: string; count: number }> | undefined;
  return (found ?? []).filter((m) => m.type === 'person').reduce((n, m) => n + m.count, 0);
}

interface HugeResult {
  trace: ExtensionTasks | null;
  page: MainThreadTasks;
  found: number;
}

async function runHuge(extension: string | undefined, url: string): Promise<HugeResult> {
  const b = await launch(extension);
  try {
    const page = await frontPage(b, extension);
    const cdp = await b.context.newCDPSession(page);
    const stop = await startRawTrace(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    if (!extension) await new Promise((ok) => setTimeout(ok, 2_000));
    const settledAt = extension ? await doneAndNamesFound(b, page) : 0;
    const events = await stop();
    keepTrace(events, `huge-${extension ? 'ext' : 'none'}`);
    return { trace: extension ? extensionTasks(events) : null, page: mainThreadTasks(events), found: settledAt };
  } finally {
    await b.close();
  }
}

async function runStorm(extension: string | undefined, url: string): Promise<{ trace: ExtensionTasks | null; page: MainThreadTasks; pageTaskMs: number; nodes: number }> {
  const b = await launch(extension);
  try {
    const page = await frontPage(b, extension);
    await page.goto(url, { waitUntil: 'load' });
    if (extension) await doneAndNamesFound(b, page);
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    const stop = await startRawTrace(cdp);
    const nodes = await page.evaluate(([n, ms]) => (window as unknown as { __storm(n: number, ms: number): Promise<number> }).__storm(n!, ms!), [STORM_NODES_PER_FRAME, STORM_MS]);
    // The last batch is handed out after the storm: give it two seconds to be handled, inside the trace.
    await new Promise((ok) => setTimeout(ok, 2_000));
    const after = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    const events = await stop();
    keepTrace(events, `storm-${extension ? 'ext' : 'none'}`);
    return { trace: extension ? extensionTasks(events) : null, page: mainThreadTasks(events), pageTaskMs: (after - before) * 1000, nodes };
  } finally {
    await b.close();
  }
}

/** The extension's longest tasks and, in each, where the time went (BENCH_HOSTILE_DETAIL=1). */
function logDetail(t: ExtensionTasks): void {
  log(`  ${t.count} tasks with extension time; most CPU in one: ${t.longestCpuMs.toFixed(1)} ms; most collector in one: ${t.mostGcMs.toFixed(1)} ms`);
  for (const x of t.top) {
    log(`  ${x.extensionMs.toFixed(1)} ms (CPU ${x.extensionCpuMs.toFixed(1)}, collector ${x.gcMs.toFixed(1)}) of a ${x.taskMs.toFixed(1)} ms task at ${x.atMs.toFixed(0)} ms:`);
    for (const b of x.by) log(`    ${b.ms.toFixed(1)}  ${b.name}`);
  }
}

/** One traced run's figures about the extension's own tasks: the longest as wall and CPU time, and the collector in ours. */
interface OurTasks {
  longest: number;
  longestCpu: number;
  /** The collector's share of that longest task. */
  longestGc: number;
  /** The most collector time in any one task of ours. */
  mostGc: number;
  /** All collector time in our tasks. */
  totalGc: number;
  total: number;
}

function ourTasks(t: ExtensionTasks | null): OurTasks {
  return { longest: t?.longestMs ?? 0, longestCpu: t?.longestCpuMs ?? 0, longestGc: t?.longestGcMs ?? 0, mostGc: t?.mostGcMs ?? 0, totalGc: t?.totalGcMs ?? 0, total: t?.totalMs ?? 0 };
}

const ours = (o: OurTasks) =>
  `extension longest ${o.longest.toFixed(0)} ms wall (CPU ${o.longestCpu.toFixed(0)} ms, collector ${o.longestGc.toFixed(0)} ms in it), ` +
  `most collector in one of our tasks ${o.mostGc.toFixed(0)} ms, all ${o.total.toFixed(0)} ms (collector ${o.totalGc.toFixed(0)} ms)`;

async function main(): Promise<void> {
  const after = join(ROOT, 'dist/chrome');
  if (!existsSync(join(after, 'manifest.json'))) throw new Error('dist/chrome is missing: run "npm run build" first');
  if (BUILDS.includes('before') && !process.env['BENCH_BEFORE_DIR']) log(`building ${BEFORE} for the side-by-side run…`);
  // BENCH_BEFORE_DIR: an earlier build kept as it was (a dist/chrome copied aside), used instead of building BENCH_BEFORE.
  const beforeDir = process.env['BENCH_BEFORE_DIR'];
  const before = !BUILDS.includes('before') ? { dir: '', cleanup: () => undefined } : beforeDir ? { dir: resolve(beforeDir), cleanup: () => undefined } : buildRef(BEFORE);
  // The pages read at load (the 5 MB node, 200,000 nodes): the same runner and the same rows.
  const loaded = [
    { key: 'huge', label: '5 MB text node', short: '5 MB node', path: '/huge.html', ...hugeNodePage(HUGE_CHARS) },
    { key: 'many', label: '200,000 nodes', short: '200,000 nodes', path: '/many.html', ...manyNodesPage() },
  ].filter((c) => CASES.has(c.key));
  const server = await servePages(new Map([...loaded.map((c) => [c.path, c.html] as const), ['/storm.html', STORM_PAGE]]));
  const loads: number[] = [loadavg()[0]!];
  const builds = { before: before.dir, after } as const;
  type LoadedRun = OurTasks & { found: number; page: MainThreadTasks; load: number };
  const loadedRuns = new Map(loaded.map((c) => [c.key, { before: [], after: [], none: [] } as Record<Which, LoadedRun[]>]));
  const stormRuns: Record<Which, Array<OurTasks & { pageLongest: number; page: number; nodes: number; load: number }>> = { before: [], after: [], none: [] };
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const c of loaded) {
        for (const which of BUILDS) {
          const r = await runHuge(which === 'none' ? undefined : builds[which], server.url(c.path));
          const load = loadavg()[0]!;
          loadedRuns.get(c.key)![which].push({ ...ourTasks(r.trace), found: r.found, page: r.page, load });
          log(
            `${c.short}, ${which}, run ${run + 1}: ${ours(ourTasks(r.trace))}, names ${r.found}/${c.names}; ` +
              `page: longest task ${r.page.longestMs.toFixed(0)} ms, blocking ${r.page.blockingMs.toFixed(0)} ms, busy ${r.page.busyMs.toFixed(0)} ms (load ${load.toFixed(1)})`,
          );
          if (DETAIL && r.trace) logDetail(r.trace);
        }
      }
      for (const which of CASES.has('storm') ? BUILDS : []) {
        const r = await runStorm(which === 'none' ? undefined : builds[which], server.url('/storm.html'));
        const load = loadavg()[0]!;
        stormRuns[which].push({ ...ourTasks(r.trace), pageLongest: r.page.longestMs, page: r.pageTaskMs, nodes: r.nodes, load });
        log(
          `storm, ${which}, run ${run + 1}: ${ours(ourTasks(r.trace))}; ` +
            `page tasks ${r.pageTaskMs.toFixed(0)} ms (longest ${r.page.longestMs.toFixed(0)} ms), ${r.nodes} nodes (load ${load.toFixed(1)})`,
        );
        if (DETAIL && r.trace) logDetail(r.trace);
      }
      loads.push(loadavg()[0]!);
    }
  } finally {
    await server.close();
    before.cleanup();
  }
  // Medians of whatever ran: a column per extension build, and the ratio when both ran side by side.
  const cols = (['before', 'after'] as const).filter((w) => BUILDS.includes(w));
  if (cols.length === 0) return;
  const m = (xs: number[]) => (xs.length > 0 ? median(xs) : NaN);
  console.log(`\n## Hostile pages (npm run bench:hostile): ${RUNS} run(s), medians; load average ${loads.map((l) => l.toFixed(1)).join(' → ')}\n`);
  const names = { before: BEFORE, after: 'this build' } as const;
  console.log(`| case | ${cols.map((w) => names[w]).join(' | ')} |${cols.length === 2 ? ' ratio |' : ''}`);
  console.log(`|---|${cols.map(() => '---|').join('')}${cols.length === 2 ? '---|' : ''}`);
  const row = (name: string, of: (w: 'before' | 'after') => number, unit = ' ms', digits = 0) => {
    const v = cols.map(of);
    const ratio = cols.length === 2 ? ` ${v[0]! > 0 ? (v[1]! / v[0]!).toFixed(2) : '–'} |` : '';
    console.log(`| ${name} | ${v.map((x) => `${Number.isNaN(x) ? '–' : x.toFixed(digits)}${unit}`).join(' | ')} |${ratio}`);
  };
  const sn = stormRuns.none;
  const none = (xs: number[], unit = 'ms') => (xs.length > 0 ? ` (no extension: ${m(xs).toFixed(0)} ${unit})` : '');
  for (const c of loaded) {
    const runs = loadedRuns.get(c.key)!;
    const hn = runs.none;
    const h = (f: (r: LoadedRun) => number) => (w: 'before' | 'after') => m(runs[w].map(f));
    row(`${c.label}: longest extension task, wall`, h((r) => r.longest));
    row(`${c.label}: longest extension task, CPU (estimate: × thread time / wall time)`, h((r) => r.longestCpu));
    row(`${c.label}: the collector inside that task`, h((r) => r.longestGc));
    row(`${c.label}: most collector time in one of our tasks`, h((r) => r.mostGc));
    row(`${c.label}: all extension time`, h((r) => r.total));
    row(`${c.label}: all collector time in our tasks`, h((r) => r.totalGc));
    row(`${c.label}: names found (of ${c.names})`, h((r) => r.found), '');
    row(`${c.label}: the page's longest task${none(hn.map((r) => r.page.longestMs))}`, h((r) => r.page.longestMs));
    row(`${c.label}: the page's blocking time, load to done${none(hn.map((r) => r.page.blockingMs))}`, h((r) => r.page.blockingMs));
    row(`${c.label}: the page's main-thread tasks${none(hn.map((r) => r.page.busyMs))}`, h((r) => r.page.busyMs));
    row(`${c.label}: load average at the end of a run`, (w) => m(runs[w].map((r) => r.load)), '', 1);
  }
  if (CASES.has('storm')) {
    const st = (f: (r: (typeof stormRuns)['after'][number]) => number) => (w: 'before' | 'after') => m(stormRuns[w].map(f));
    row(`storm (${STORM_NODES_PER_FRAME}/frame, ${STORM_MS / 1000} s): longest extension task, wall`, st((r) => r.longest));
    row('storm: longest extension task, CPU (estimate)', st((r) => r.longestCpu));
    row('storm: the collector inside that task', st((r) => r.longestGc));
    row('storm: most collector time in one of our tasks', st((r) => r.mostGc));
    row('storm: all extension time', st((r) => r.total));
    row('storm: all collector time in our tasks', st((r) => r.totalGc));
    row(`storm: the page's longest task${none(sn.map((r) => r.pageLongest))}`, st((r) => r.pageLongest));
    row(`storm: the page's main-thread tasks${none(sn.map((r) => r.page))}`, st((r) => r.page));
    row(`storm: nodes appended${none(sn.map((r) => r.nodes), '')}`, st((r) => r.nodes), '');
    row('storm: load average at the end of a run', (w) => m(stormRuns[w].map((r) => r.load)), '', 1);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
