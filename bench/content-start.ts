/**
 * npm run bench:start — what the content script costs at `document_start`:
 * the main-thread time Chromium spends compiling and running the extension's
 * content scripts when a page starts loading, from a trace (EvaluateScript,
 * v8.compile and v8.run events whose URL is the extension's), per script
 * file. Loads a small page BENCH_START_RUNS times (default 9) with the build
 * in dist/chrome (run `npm run build` first) and prints medians, beside the
 * same page's own inline script of the same size compiled the same way (the
 * floor of evaluating that many bytes). Issue 15's target: ≤ 5 ms.
 */
import { chromium, type BrowserContext, type CDPSession } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { servePages } from './page/server.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** Builds to measure, comma-separated, relative to the repository (the first is the reference of the ratios). */
const DISTS = (process.env['BENCH_START_DIST'] ?? 'dist/chrome').split(',').filter(Boolean);
const RUNS = Math.max(1, Number(process.env['BENCH_START_RUNS'] ?? 9));
const TARGET_MS = 5;
const CATEGORIES = process.env['BENCH_START_CATEGORIES']?.split(',') ?? ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.compile'];
const EXT = 'chrome-extension://';
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time inside the event (µs): what the work cost, without the time the thread waited for a core. */
  tdur?: number;
  tid: number;
  args?: { data?: { url?: string; fileName?: string }; fileName?: string };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  await run();
  const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.data?.fileName ?? e.args?.fileName ?? '';

interface Evaluation {
  evaluateMs: number;
  /** The same, in the main thread's CPU time. */
  evaluateCpuMs: number;
  compileMs: number;
}

/** Per script URL: the outermost EvaluateScript (compile + run of the top level), and compile alone. */
function evaluation(events: readonly TraceEvent[], match: (url: string) => boolean): Map<string, Evaluation> {
  const out = new Map<string, Evaluation>();
  for (const e of events) {
    const url = urlOf(e);
    if (!match(url) || e.ph !== 'X' || e.dur === undefined) continue;
    const row = out.get(url) ?? { evaluateMs: 0, evaluateCpuMs: 0, compileMs: 0 };
    if (e.name === 'EvaluateScript') {
      row.evaluateMs += e.dur / 1000;
      row.evaluateCpuMs += (e.tdur ?? NaN) / 1000;
    }
    if (e.name === 'v8.compile') row.compileMs += e.dur / 1000;
    out.set(url, row);
  }
  return out;
}

/**
 * Main-thread CPU time in the extension's scripts during a load, wherever it falls: every outermost evaluation and
 * function call (FunctionCall: event listeners, timers, frames, message replies) whose script is the extension's.
 * What `document_start` defers (a wrapped script evaluated when the settings arrive) is counted here.
 */
function allOurCpu(events: readonly TraceEvent[]): number {
  const ours = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && urlOf(e).startsWith(EXT))
    .sort((a, b) => a.tid - b.tid || a.ts - b.ts);
  let total = 0;
  let end = -1;
  let tid = -1;
  for (const e of ours) {
    if (e.tid === tid && e.ts < end) continue; // nested in one already counted
    tid = e.tid;
    end = e.ts + e.dur!;
    total += (e.tdur ?? e.dur!) / 1000;
  }
  return total;
}

interface Build {
  dist: string;
  scripts: { js: string; runAt: string; bytes: number }[];
  startScripts: { js: string; runAt: string; bytes: number }[];
  floorBytes: number;
  context: BrowserContext;
  profile: string;
  perScript: Map<string, number[]>;
  perScriptCpu: Map<string, number[]>;
  totals: number[];
  totalsCpu: number[];
  floors: number[];
  floorsCpu: number[];
  allCpu: number[];
}

async function main(): Promise<void> {
  const pages = new Map([['/start.html', '<!doctype html><title>start</title><body><p>Dmitry Peskov said the talks were over.</p>']]);
  // Several builds (`BENCH_START_DIST=dist/main-chrome,dist/chrome`) are measured in one process, their loads
  // alternating, so that their ratio is read under the same load.
  const found = DISTS.map((dir, b) => {
    const dist = join(ROOT, dir);
    if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} has no build: run npm run build first`);
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[]; run_at?: string }[] };
    const scripts = manifest.content_scripts.flatMap((c) => c.js.map((js) => ({ js, runAt: c.run_at ?? 'document_idle', bytes: readFileSync(join(dist, js)).length })));
    const startScripts = scripts.filter((x) => x.runAt === 'document_start');
    // The floor: the same bytes as the document_start scripts, as an inline page script (an unused function body).
    const floorBytes = startScripts.reduce((n, x) => n + x.bytes, 0);
    const floorScript = startScripts.map((x) => readFileSync(join(dist, x.js), 'utf8')).join('\n;\n');
    pages.set(`/floor-${b}.html`, `<!doctype html><title>floor</title><script>window.__floor = function () {${floorScript}\n};</script><body><p>Dmitry Peskov said.</p>`);
    return { dir, dist, scripts, startScripts, floorBytes };
  });
  const server = await servePages(pages);
  const builds: Build[] = [];
  const loadBefore = load();
  try {
    for (const { dir, dist, scripts, startScripts, floorBytes } of found) {
      const profile = mkdtempSync(join(tmpdir(), 'onrecord-bench-start-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p))!,
        headless: true,
        args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      });
      builds.push({ dist: dir, scripts, startScripts, floorBytes, context, profile, perScript: new Map(), perScriptCpu: new Map(), totals: [], totalsCpu: [], floors: [], floorsCpu: [], allCpu: [] });
      if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
    }
    // One warm-up load per build (the worker installs the record), then the measured ones, alternating.
    for (let i = 0; i <= RUNS; i++) {
      for (const [b, build] of builds.entries()) {
        const page = await build.context.newPage();
        const cdp = await build.context.newCDPSession(page);
        const events = await traced(cdp, async () => {
          await page.goto(server.url('/start.html'), { waitUntil: 'load' });
          await page.waitForTimeout(300);
        });
        const floorEvents = await traced(cdp, async () => {
          await page.goto(server.url(`/floor-${b}.html`), { waitUntil: 'load' });
        });
        await page.close();
        if (i === 0) continue;
        const ours = evaluation(events, (u) => u.startsWith(EXT) && build.startScripts.some((x) => u.endsWith(x.js)));
        let total = 0;
        let totalCpu = 0;
        for (const [url, row] of ours) {
          const name = url.slice(url.indexOf('/', EXT.length) + 1);
          build.perScript.set(name, [...(build.perScript.get(name) ?? []), row.evaluateMs]);
          build.perScriptCpu.set(name, [...(build.perScriptCpu.get(name) ?? []), row.evaluateCpuMs]);
          total += row.evaluateMs;
          totalCpu += row.evaluateCpuMs;
        }
        build.totals.push(total);
        build.totalsCpu.push(totalCpu);
        build.allCpu.push(allOurCpu(events));
        const floor = [...evaluation(floorEvents, (u) => u.endsWith(`/floor-${b}.html`)).values()];
        build.floors.push(floor.reduce((n, r) => n + r.evaluateMs, 0));
        build.floorsCpu.push(floor.reduce((n, r) => n + r.evaluateCpuMs, 0));
        process.stderr.write(`${build.dist} run ${i}/${RUNS} (load ${load()}): ${total.toFixed(2)} ms (${totalCpu.toFixed(2)} ms CPU) at document_start; ` +
          `inline floor ${build.floors.at(-1)!.toFixed(2)} ms (${build.floorsCpu.at(-1)!.toFixed(2)} ms CPU); all extension CPU ${build.allCpu.at(-1)!.toFixed(2)} ms\n`);
      }
    }
    for (const build of builds) {
      const lines = [`\n${build.dist}:`, '| script (run_at) | bytes | evaluation at load, median (ms) | main thread CPU in it, median (ms) |', '|---|---:|---:|---:|'];
      for (const x of build.scripts) {
        const xs = build.perScript.get(x.js) ?? [];
        const cpu = build.perScriptCpu.get(x.js) ?? [];
        lines.push(`| \`${x.js}\` (${x.runAt}) | ${x.bytes.toLocaleString('en')} | ${xs.length ? median(xs).toFixed(2) : `not measured (${x.runAt})`} | ${cpu.length ? median(cpu).toFixed(2) : '—'} |`);
      }
      lines.push(`| all document_start scripts | ${build.floorBytes.toLocaleString('en')} | ${median(build.totals).toFixed(2)} | ${median(build.totalsCpu).toFixed(2)} |`);
      lines.push(`| page's inline script of the same bytes, wrapped in an uncalled function (floor) | ${build.floorBytes.toLocaleString('en')} | ${median(build.floors).toFixed(2)} | ${median(build.floorsCpu).toFixed(2)} |`);
      lines.push(`| all the extension's scripts during the load (evaluations, listeners, timers, replies), main thread CPU | — | — | ${median(build.allCpu).toFixed(2)} |`);
      console.log(lines.join('\n'));
      console.log(`Target: document_start evaluation ≤ ${TARGET_MS} ms — ${median(build.totals).toFixed(2)} ms (${median(build.totalsCpu).toFixed(2)} ms of CPU): ${median(build.totals) <= TARGET_MS ? 'met' : 'NOT met'}`);
    }
    if (builds.length > 1) {
      const [first] = builds;
      for (const build of builds.slice(1)) {
        const r = (f: (b: Build) => number[]) => (median(f(build)) / median(f(first!))).toFixed(2);
        console.log(`\n${build.dist} ÷ ${first!.dist}: document_start wall ${r((b) => b.totals)}, CPU ${r((b) => b.totalsCpu)}; all extension CPU ${r((b) => b.allCpu)}`);
      }
    }
    console.log(`\n${RUNS} loads per build, alternating, ${new Date().toISOString().slice(0, 16)}Z, headless Chromium, load average ${loadBefore} before, ${load()} after.`);
  } finally {
    for (const build of builds) {
      await build.context.close();
      rmSync(build.profile, { recursive: true, force: true });
    }
    await server.close();
  }
}

await main();
