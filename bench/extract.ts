/**
 * `npm run bench:extract` (under the e2e/bench lock): statement extraction speed.
 *
 * 1. In process, one core: the finder over the extraction set's texts (seed,
 *    real-page and written articles, en/ru/uk/de), MB/s of article text,
 *    side by side with a peer run in the same process: a plain sentence split
 *    plus one cue-verb regex (what a naive extractor does), median of runs.
 * 2. End to end: `onrecord extract` on a folder of 1,000 article files (the
 *    same texts cycled) with two worker threads: wall time, MB/s, MB/s per core.
 * Prints the machine load before and after (the machine is shared).
 *
 * Targets (issue 12): ≥ 2 MB/s of article text per core end to end; 1,000
 * articles in under a minute on two cores.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../src/core/corpus/schema.ts';
import { createStatementFinder } from '../src/core/statements/index.ts';
import { loadExtractionSet } from '../test/extraction-set/load.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = 7;
const FILES = 1000;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
/** CPU seconds used by this process's waited-for children (Linux /proc; null elsewhere): the cost per core whatever the load. */
function childCpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // After ") ": state is field 3, so cutime (16) and cstime (17) are at indices 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}
const mb = (chars: number) => (chars * 2) / 1e6; // UTF-16 units → MB as held in memory; bytes on disk are reported below too

const loadBefore = load();
const corpus = JSON.parse(readFileSync(join(ROOT, 'corpus/seed.json'), 'utf8')) as Corpus;
const texts = loadExtractionSet().map((d) => d.text);
const chars = texts.reduce((n, t) => n + t.length, 0);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

const finder = createStatementFinder({ entities: corpus.entities });
const CUE = /\b(?:said|says|told|stated|added|заявил|заявила|сказал|отметил|заявив|зазначив|сказав|sagte|erklärte|betonte)\b/giu;
function baseline(text: string): number {
  let n = 0;
  for (const para of text.split(/\n+/)) for (const s of para.split(/(?<=[.!?…])\s+(?=\p{Lu})/u)) if (CUE.test(s)) n++, (CUE.lastIndex = 0);
  return n;
}

// Warm up both, then interleave the runs so both see the same machine.
for (const t of texts) finder.find(t), baseline(t);
const ours: number[] = [];
const peer: number[] = [];
let found = 0;
for (let r = 0; r < RUNS; r++) {
  globalThis.gc?.();
  let t0 = performance.now();
  found = 0;
  for (const t of texts) found += finder.find(t).length;
  ours.push(performance.now() - t0);
  t0 = performance.now();
  for (const t of texts) baseline(t);
  peer.push(performance.now() - t0);
}
const oursMs = median(ours);
const peerMs = median(peer);
console.log(`extraction set: ${texts.length} texts, ${(bytes / 1e6).toFixed(2)} MB UTF-8 (${chars} chars), ${found} statements`);
console.log(`in process, one core (median of ${RUNS}):`);
console.log(`  finder            ${oursMs.toFixed(1)} ms  ${(bytes / 1e6 / (oursMs / 1000)).toFixed(2)} MB/s`);
console.log(`  peer (split+regex) ${peerMs.toFixed(1)} ms  ${(bytes / 1e6 / (peerMs / 1000)).toFixed(2)} MB/s`);
console.log(`  ratio finder/peer time: ${(oursMs / peerMs).toFixed(1)}x`);

// End to end: a folder of FILES articles.
const dir = mkdtempSync(join(tmpdir(), 'onrecord-bench-extract-'));
try {
  mkdirSync(join(dir, 'articles'));
  let total = 0;
  for (let i = 0; i < FILES; i++) {
    const t = texts[i % texts.length]!;
    total += Buffer.byteLength(t);
    writeFileSync(join(dir, 'articles', `a${String(i).padStart(4, '0')}.txt`), t);
  }
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < 3; r++) {
    const c0 = childCpuSeconds();
    const t0 = performance.now();
    execFileSync(process.execPath, [join(ROOT, 'bin/onrecord.mjs'), 'extract', '--jobs', '2', join(dir, 'articles')], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
    runs.push(performance.now() - t0);
    const c1 = childCpuSeconds();
    if (c0 !== null && c1 !== null) cpu.push(c1 - c0);
  }
  const ms = median(runs);
  console.log(`end to end: onrecord extract --jobs 2 on ${FILES} files, ${(total / 1e6).toFixed(1)} MB (median of 3: ${runs.map((x) => (x / 1000).toFixed(1)).join(', ')} s)`);
  console.log(`  wall: ${(ms / 1000).toFixed(1)} s, ${(total / 1e6 / (ms / 1000)).toFixed(2)} MB/s, ${(total / 1e6 / (ms / 1000) / 2).toFixed(2)} MB/s per core (wall time × 2 cores: the load counts against it)`);
  if (cpu.length > 0) {
    const cpuS = median(cpu);
    console.log(`  CPU: ${cpuS.toFixed(1)} s of CPU (all threads, startup included; median of ${cpu.join(', ')}), ${(total / 1e6 / cpuS).toFixed(2)} MB per CPU-second`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`load average before: ${loadBefore}; after: ${load()}`);
void mb;
