/**
 * npm run bench:match-ab -- BASE_DIR: the matcher of this tree beside the one in BASE_DIR (another checkout, e.g.
 * `git worktree add /tmp/base main`), compiled from the same 50,000 synthetic aliases and scanning the same text,
 * alternating in one process (a shared, noisy machine changes both alike). Prints the medians and their ratio.
 */
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { compileMatcher, type Matcher } from '../src/core/match/index.ts';
import { syntheticEntities, syntheticText } from './lib/synthetic-news.ts';

const RUNS = 21;
const ALIASES = 50_000;
const BYTES = 2_000_000;

const baseDir = resolve(process.argv[2] ?? '');
const base = (await import(pathToFileURL(join(baseDir, 'src/core/match/index.ts')).href)) as { compileMatcher: (e: unknown) => Matcher };
const entities = syntheticEntities(ALIASES);
const text = syntheticText(BYTES, entities);
const engines: [string, Matcher][] = [
  ['base', base.compileMatcher(entities)],
  ['this tree', compileMatcher(entities)],
];
const times: number[][] = [[], []];
for (const [, m] of engines) m.scan(text);
for (let r = 0; r < RUNS; r++) {
  engines.forEach(([, m], i) => {
    const t0 = performance.now();
    m.scan(text);
    times[i]!.push(performance.now() - t0);
  });
}
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const mb = Buffer.byteLength(text) / 1e6;
const rates = times.map((t) => mb / (median(t) / 1000));
engines.forEach(([name], i) => console.log(`${name}: ${rates[i]!.toFixed(1)} MB/s (median of ${RUNS}, ${ALIASES} aliases, ${mb.toFixed(1)} MB)`));
const pairs = times[0]!.map((b, i) => b / times[1]![i]!);
console.log(`this tree ÷ base, speed: median of paired ratios ${median(pairs).toFixed(3)}`);
