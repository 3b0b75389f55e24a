/**
 * `tsx bench/statements-ab.ts BASE_DIR [passes] [THIS_DIR]` (under the e2e/bench lock): the statement finder of this
 * tree (or of THIS_DIR, a snapshot of it, so the tree may change while the bench waits for the lock) against the one in
 * BASE_DIR (a checkout of an earlier commit's `src/` inside this folder, so that its packages resolve), in
 * separate processes run alternately (each version starts cold, as `onrecord extract`'s workers do). Per process: the
 * CPU time of the whole process (process.cpuUsage: the JIT's background compile threads included, which is what a
 * cold run pays for) and the wall time of the first pass and the median later pass over the extraction set's texts.
 * Figures, not assertions; the load average is printed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const [, , baseArg, passesArg, third] = process.argv;
const child = baseArg === '-' ? third : undefined;
const PASSES = Number(passesArg ?? 8);
const HERE = resolve(import.meta.dirname, '..');

if (child) {
  const root = resolve(child);
  const { createStatementFinder } = await import(resolve(root, 'src/core/statements/index.ts'));
  const { loadExtractionSet } = await import(resolve(HERE, 'test/extraction-set/load.ts'));
  const corpus = JSON.parse(readFileSync(resolve(HERE, 'corpus/seed.json'), 'utf8'));
  const texts: string[] = loadExtractionSet().map((d: { text: string }) => d.text);
  const c0 = process.cpuUsage();
  const finder = createStatementFinder({ entities: corpus.entities });
  const passes: number[] = [];
  let found = 0;
  for (let p = 0; p < PASSES; p++) {
    const t0 = performance.now();
    for (const t of texts) found += finder.find(t).length;
    passes.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ passes, found, cpuMs: (cpu.user + cpu.system) / 1000 }));
} else {
  if (!baseArg) throw new Error('usage: tsx bench/statements-ab.ts BASE_DIR [passes]');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`load before: ${load()}`);
  const res: Record<string, { cpu: number[]; first: number[]; warm: number[]; found: number }> = {};
  for (let r = 0; r < 3; r++) {
    for (const [name, dir] of [['this tree', resolve(third ?? HERE)], ['base', resolve(baseArg)]] as const) {
      const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '-', String(PASSES), dir], { encoding: 'utf8', maxBuffer: 1 << 26 }));
      const e = (res[name] ??= { cpu: [], first: [], warm: [], found: out.found });
      e.cpu.push(out.cpuMs);
      e.first.push(out.passes[0]);
      e.warm.push(median(out.passes.slice(1)));
    }
  }
  for (const [name, e] of Object.entries(res)) {
    console.log(`${name}: process CPU median ${median(e.cpu).toFixed(0)} ms (${e.cpu.map((x) => x.toFixed(0)).join(', ')}), first pass ${median(e.first).toFixed(0)} ms, later passes ${median(e.warm).toFixed(0)} ms, ${e.found} statements`);
  }
  const a = res['this tree']!;
  const b = res['base']!;
  console.log(`ratio this/base: CPU ${(median(a.cpu) / median(b.cpu)).toFixed(2)}, first pass ${(median(a.first) / median(b.first)).toFixed(2)}, later passes ${(median(a.warm) / median(b.warm)).toFixed(2)}`);
  console.log(`load after: ${load()}`);
}
