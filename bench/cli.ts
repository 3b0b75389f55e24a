/**
 * npm run bench:cli — the `onrecord` command as a user runs it (`node
 * bin/onrecord.cjs`, the package's bin, from the build in dist/cli/), beside a RegExp
 * alternation of the same aliases run the same way, in the same run.
 *
 * - start: `--help`, and `annotate` on a one-line file (cold: the first run
 *   after a build, which validates the corpus and compiles the matcher; the
 *   first run after `npm ci`, whose prepare step filled the cache; warm:
 *   later runs, which read both from the build's cache), beside `node -e 0`.
 * - throughput: `annotate` on about 20 MB of synthetic news text (English,
 *   Russian, Ukrainian; the seed corpus's aliases sprinkled in, some
 *   inflected), output to a file, JSON Lines and CSV; MB/s is the input's
 *   UTF-8 bytes over the wall time of the whole process.
 * - peer: one process reading the same file, one `giu` RegExp alternation of
 *   every alias (longest first, letter/digit boundaries), writing the same
 *   JSON Lines rows in pieces. It does less (no folding beyond case, no
 *   inflection, no ambiguity rules), so it finds fewer mentions.
 *
 * Wall times are medians of BENCH_CLI_RUNS (default 7) processes, run in
 * turn (ours, the peer's, ours, …). The load average is printed: the
 * machine is shared. CPU time and minor page faults come from
 * /usr/bin/time (on these virtual machines a page touched for the first
 * time costs tens of microseconds, so memory shows up as time).
 *
 * `npm run bench:cli` bundles this file with esbuild (scripts/build-cli.mjs
 * --bench) and runs it with plain node: no tsx at run time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corpus } from '../src/core/corpus/schema.ts';
import { syntheticText } from './lib/synthetic-news.ts';

/** The repository: the folder above this file (bench/) or above its bundle (dist/bench/) that holds bin/onrecord.mjs. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'bin/onrecord.mjs'))) return dir;
    if (dirname(dir) === dir) throw new Error(`bin/onrecord.mjs not found above ${from}`);
  }
}
const ROOT = findRoot(import.meta.dirname);
// The package's bin, what `onrecord` runs (bin/onrecord.mjs is the same launcher behind an ES module).
const BIN = join(ROOT, 'bin/onrecord.cjs');
const RUNS = Math.max(1, Number(process.env['BENCH_CLI_RUNS'] ?? 7));
const TEXT_BYTES = 20_000_000;
const TARGET_START_MS = 150;
const TARGET_MB_S = 60;

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface Timed {
  /** Wall time. */
  ms: number;
  /** User + system CPU time of the process (steadier than wall time on a loaded machine). */
  cpuMs: number;
  /** Minor page faults (pages touched for the first time). */
  faults: number;
  stdoutBytes: number;
}

const TIME = '/usr/bin/time';

/** Runs a shell command line under /usr/bin/time; returns wall and CPU time and page faults. */
function timed(commandLine: string, what: string): { ms: number; cpuMs: number; faults: number } {
  const cpuFile = join(tmpdir(), `onrecord-bench-cli-time-${process.pid}`);
  const started = performance.now();
  const r = spawnSync('/bin/sh', ['-c', `${TIME} -f '%U %S %R' -o '${cpuFile}' ${commandLine}`], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr.toString()}`);
  const [user, sys, faults] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number);
  rmSync(cpuFile, { force: true });
  return { ms, cpuMs: (user! + sys!) * 1000, faults: faults! };
}

const shellQuote = (args: string[]) => [process.execPath, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');

/** Runs `node args…` with stdout discarded. */
function run(args: string[]): Timed {
  return { ...timed(`${shellQuote(args)} > /dev/null`, `node ${args.join(' ')}`), stdoutBytes: 0 };
}

/**
 * The same command with its stdout redirected to a file by the shell, as a user
 * runs it (`onrecord annotate big.txt > out.jsonl`): no pipe to this process.
 */
function runToFile(args: string[], outFile: string): Timed {
  return { ...timed(`${shellQuote(args)} > '${outFile}'`, `node ${args.join(' ')}`), stdoutBytes: statSync(outFile).size };
}

/** The peer: a plain script, so it starts as fast as Node can. */
function peerScript(corpus: Corpus): string {
  const rows = corpus.entities.flatMap((e) => e.aliases.map((a) => [a.text, e.id, e.label, e.type]));
  return `import { readFileSync } from 'node:fs';
const rows = ${JSON.stringify(rows)};
const byAlias = new Map(rows.map((r) => [r[0].toLowerCase(), r]));
const escape = (s) => s.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&');
const alternation = rows.map((r) => escape(r[0])).sort((a, b) => b.length - a.length).join('|');
const re = new RegExp('(?<![\\\\p{L}\\\\p{N}])(?:' + alternation + ')(?![\\\\p{L}\\\\p{N}])', 'giu');
for (const file of process.argv.slice(2)) {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  const head = '{"file":' + JSON.stringify(file) + ',"start":';
  let piece = '';
  for (const m of text.matchAll(re)) {
    const r = byAlias.get(m[0].toLowerCase());
    piece += head + m.index + ',"end":' + (m.index + m[0].length) + ',"text":' + JSON.stringify(m[0]) +
      ',"entityId":' + JSON.stringify(r ? r[1] : '') + ',"label":' + JSON.stringify(r ? r[2] : '') + ',"type":' + JSON.stringify(r ? r[3] : '') + '}\\n';
    if (piece.length >= 1 << 20) { process.stdout.write(piece); piece = ''; }
  }
  process.stdout.write(piece);
}
`;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = load();
  const tmp = mkdtempSync(join(tmpdir(), 'onrecord-bench-cli-'));
  try {
    // Found from ROOT, so that the bundle in dist/bench/ loads it as the source does.
    const { buildCli, warmCli } = (await import(pathToFileURL(join(ROOT, 'scripts/build-cli.mjs')).href)) as {
      buildCli: () => Promise<number>;
      warmCli: () => string[];
    };
    const buildMs = await buildCli();
    log(`built dist/cli in ${buildMs.toFixed(0)} ms`);

    const corpus = JSON.parse(readFileSync(join(ROOT, 'corpus/seed.json'), 'utf8')) as Corpus;
    const aliasCount = corpus.entities.reduce((n, e) => n + e.aliases.length, 0);
    const big = join(tmp, 'news-20mb.txt');
    writeFileSync(big, syntheticText(TEXT_BYTES, corpus.entities, 3));
    const bytes = statSync(big).size;
    const tiny = join(tmp, 'one-line.txt');
    writeFileSync(tiny, 'Dmitry Peskov said the talks in Istanbul were over.\n');
    const peer = join(tmp, 'regexp-peer.mjs');
    writeFileSync(peer, peerScript(corpus));
    const out = join(tmp, 'out');

    // Cold: the first annotate after the build derives the corpus and matcher and stores them.
    const cold = run([BIN, 'annotate', tiny]);
    // What `npm ci` leaves: the prepare step builds, then fills the cache (build-cli.mjs --warm); its first run.
    await buildCli();
    const warmProblems = warmCli();
    if (warmProblems.length > 0) throw new Error(`warming the build's cache failed: ${warmProblems.join('; ')}`);
    const afterPrepare = run([BIN, 'annotate', tiny]);
    const starts = { floor: [] as Timed[], help: [] as Timed[], annotate: [] as Timed[], peer: [] as Timed[] };
    for (let i = 0; i < RUNS; i++) {
      starts.floor.push(run(['-e', '0']));
      starts.help.push(run([BIN, '--help']));
      starts.annotate.push(run([BIN, 'annotate', tiny]));
      starts.peer.push(run([peer, tiny]));
    }
    const wall = (xs: Timed[]) => median(xs.map((x) => x.ms));
    const cpu = (xs: Timed[]) => median(xs.map((x) => x.cpuMs));
    log(`start (load ${load()}): node -e 0 ${wall(starts.floor).toFixed(0)} ms, --help ${wall(starts.help).toFixed(0)} ms, ` +
      `annotate one line ${wall(starts.annotate).toFixed(0)} ms (cold ${cold.ms.toFixed(0)} ms, first after npm ci ${afterPrepare.ms.toFixed(0)} ms), peer ${wall(starts.peer).toFixed(0)} ms`);

    const through = { jsonl: [] as Timed[], csv: [] as Timed[], peer: [] as Timed[] };
    for (let i = 0; i < RUNS; i++) {
      const j = runToFile([BIN, 'annotate', big], `${out}.jsonl`);
      const c = runToFile([BIN, 'annotate', '--format', 'csv', big], `${out}.csv`);
      const p = runToFile([peer, big], `${out}.peer.jsonl`);
      through.jsonl.push(j);
      through.csv.push(c);
      through.peer.push(p);
      log(`run ${i + 1}/${RUNS} (load ${load()}): jsonl ${j.ms.toFixed(0)} ms (CPU ${j.cpuMs.toFixed(0)}), csv ${c.ms.toFixed(0)} ms (CPU ${c.cpuMs.toFixed(0)}), ` +
        `RegExp ${p.ms.toFixed(0)} ms (CPU ${p.cpuMs.toFixed(0)})`);
    }
    const count = (file: string) => readFileSync(file, 'utf8').split('\n').length - 1;
    const rows = { jsonl: count(`${out}.jsonl`), csv: count(`${out}.csv`) - 1, peer: count(`${out}.peer.jsonl`) };

    const mbs = (ms: number) => bytes / 1e6 / (ms / 1000);
    const f0 = (x: number) => Math.round(x).toLocaleString('en');
    const mb = (xs: Timed[]) => (xs[0]!.stdoutBytes / 1e6).toFixed(1);
    const faults = (xs: Timed[]) => median(xs.map((x) => x.faults));
    const ratio = (xs: Timed[], of: Timed[]) => `${(wall(xs) / wall(of)).toFixed(2)} / ${(cpu(xs) / cpu(of)).toFixed(2)}`;
    const row = (what: string, xs: Timed[], rowsOut: string, big: boolean, against?: { peer?: Timed[]; floor?: Timed[] }) =>
      `| ${what} | ${f0(wall(xs))} | ${f0(cpu(xs))} | ${f0(faults(xs))} | ${big ? `${mbs(wall(xs)).toFixed(1)} | ${mbs(cpu(xs)).toFixed(1)}` : ' | '} | ${rowsOut} | ${big ? mb(xs) : ''} | ` +
      `${against?.peer ? ratio(xs, against.peer) : ''} | ${against?.floor ? ratio(xs, against.floor) : ''} |`;
    const size = `${(bytes / 1e6).toFixed(0)} MB`;
    const lines = [
      `| what | wall, median (ms) | CPU, median (ms) | page faults | MB/s (wall) | MB/s (CPU) | rows out | output (MB) | ÷ RegExp alternation (wall / CPU) | ÷ \`node -e 0\` (wall / CPU) |`,
      `|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
      row('`node -e 0` (floor)', starts.floor, '', false),
      row('`onrecord --help`', starts.help, '', false, { floor: starts.floor }),
      row('`onrecord annotate` one line (corpus and matcher from the build\'s cache)', starts.annotate, '2', false, { peer: starts.peer, floor: starts.floor }),
      row('`onrecord annotate` one line, first run after a build', [cold], '2', false, { floor: starts.floor }),
      row('`onrecord annotate` one line, first run after `npm ci` (prepare filled the cache)', [afterPrepare], '2', false, { floor: starts.floor }),
      row('RegExp alternation, one line', starts.peer, '', false, { floor: starts.floor }),
      row(`\`onrecord annotate\` ${size} → JSON Lines`, through.jsonl, rows.jsonl.toLocaleString('en'), true, { peer: through.peer }),
      row(`\`onrecord annotate --format csv\` ${size}`, through.csv, rows.csv.toLocaleString('en'), true, { peer: through.peer }),
      row(`RegExp alternation (${aliasCount} aliases) ${size} → JSON Lines`, through.peer, rows.peer.toLocaleString('en'), true),
    ];
    console.log(lines.join('\n'));
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const start = wall(starts.annotate);
    const slowest = Math.min(mbs(wall(through.jsonl)), mbs(wall(through.csv)));
    console.log(
      [
        '',
        `Targets (issue 15, wall time; load average ${loadBefore} before, ${load()} after, on ${cpus().length} cores):`,
        `- start ≤ ${TARGET_START_MS} ms: --help ${f0(wall(starts.help))} ms, annotate one line ${f0(start)} ms (node -e 0 alone ${f0(wall(starts.floor))} ms): ` +
          `${verdict(Math.max(start, wall(starts.help)) <= TARGET_START_MS)}`,
        `- annotate ≥ ${TARGET_MB_S} MB/s on ${size}: JSON Lines ${mbs(wall(through.jsonl)).toFixed(1)} MB/s, CSV ${mbs(wall(through.csv)).toFixed(1)} MB/s ` +
          `(${(slowest / TARGET_MB_S).toFixed(2)} of the target; ${mbs(cpu(through.jsonl)).toFixed(1)} and ${mbs(cpu(through.csv)).toFixed(1)} MB/s of CPU time): ${verdict(slowest >= TARGET_MB_S)}`,
        `- beside the RegExp alternation in this run: JSON Lines takes ${ratio(through.jsonl, through.peer)} of its time (wall / CPU), CSV ${ratio(through.csv, through.peer)}, ` +
          `finding ${rows.jsonl.toLocaleString('en')} mentions to its ${rows.peer.toLocaleString('en')}`,
        `${RUNS} runs, ${startedAt.toISOString().slice(0, 16)}Z, Node ${process.version}.`,
      ].join('\n'),
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
