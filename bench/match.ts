/**
 * npm run bench:match — the OnRecord matcher beside modern-ahocorasick and one
 * alternation RegExp, on synthetic news text (1 MB, 10 MB UTF-8) and
 * dictionaries of 50, 5,000 and 50,000 aliases. Prints one Markdown table.
 * Run with --expose-gc (the npm script does) so heap deltas are meaningful.
 *
 * Throughput counts UTF-8 megabytes (10^6 bytes) of input per second, median
 * of several runs; the machine is shared, so read medians and ratios.
 */
import AhoCorasick from 'modern-ahocorasick';
import { compileMatcher, type Matcher } from '../src/core/match/index.ts';
import { boundaryAfter, boundaryBefore } from '../src/core/match/boundary.ts';
import { syntheticEntities, syntheticText } from './lib/synthetic-news.ts';

/** Runs per measurement (median taken), unless a cell's time budget runs out first. */
const RUNS = 5;
/** Time budget per cell: slow peers at 50,000 aliases get fewer runs (at least one). */
const CELL_BUDGET_MS = 8_000;
const ALIAS_COUNTS = [50, 5_000, 50_000];
const TEXT_BYTES = [1_000_000, 10_000_000];

interface Engine {
  name: string;
  compile(entities: ReturnType<typeof syntheticEntities>): unknown;
  scan(compiled: unknown, text: string): number;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const engines: Engine[] = [
  {
    name: 'OnRecord',
    compile: (entities) => compileMatcher(entities),
    scan: (m, text) => (m as Matcher).scan(text).length,
  },
  {
    // Case-insensitive by lower-casing text and patterns (included in the scan time); word boundaries checked after.
    name: 'modern-ahocorasick',
    compile: (entities) => new AhoCorasick(entities.flatMap((e) => e.aliases.map((a) => a.text.toLowerCase()))),
    scan: (m, text) => {
      const lower = text.toLowerCase();
      let count = 0;
      for (const hit of (m as AhoCorasick).search(lower, { strategy: 'leftmost-longest' })) {
        if (boundaryBefore(lower, hit.start) && boundaryAfter(lower, hit.end)) count++;
      }
      return count;
    },
  },
  {
    name: 'RegExp alternation',
    compile: (entities) => {
      const escaped = entities.flatMap((e) => e.aliases.map((a) => escapeRe(a.text))).sort((a, b) => b.length - a.length);
      return new RegExp('(?<![\\p{L}\\p{N}])(?:' + escaped.join('|') + ')(?![\\p{L}\\p{N}])', 'giu');
    },
    scan: (re, text) => {
      let count = 0;
      for (const _ of text.matchAll(re as RegExp)) count++;
      return count;
    },
  },
];

const gc = (globalThis as { gc?: () => void }).gc;
const memory = (): number => {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

interface Row {
  aliases: number;
  engine: string;
  compileMs: number;
  heapMB: number;
  mbps: Map<number, number>;
  mentions: Map<number, number>;
}

function measure(engine: Engine, aliases: number, texts: Map<number, string>): Row {
  const entities = syntheticEntities(aliases);
  const before = memory();
  const t0 = performance.now();
  let compiled = engine.compile(entities);
  const compileMs = performance.now() - t0;
  // Compile time: median of a few more compiles (kept short for the slow ones).
  const compileTimes = [compileMs];
  while (compileTimes.length < 3 && compileTimes.reduce((a, b) => a + b, 0) < CELL_BUDGET_MS / 4) {
    const t = performance.now();
    compiled = engine.compile(entities);
    compileTimes.push(performance.now() - t);
  }
  const heapMB = (memory() - before) / 1e6;
  const row: Row = { aliases, engine: engine.name, compileMs: median(compileTimes), heapMB, mbps: new Map(), mentions: new Map() };
  for (const [bytes, text] of texts) {
    const times: number[] = [];
    let spent = 0;
    let found = 0;
    while (times.length < RUNS && (times.length === 0 || spent < CELL_BUDGET_MS)) {
      const t = performance.now();
      found = engine.scan(compiled, text);
      const dt = performance.now() - t;
      times.push(dt);
      spent += dt;
    }
    row.mbps.set(bytes, bytes / 1e6 / (median(times) / 1000));
    row.mentions.set(bytes, found);
  }
  return row;
}

function main(): void {
  if (gc === undefined) console.warn('warning: run node with --expose-gc for heap figures (npm run bench:match does)');
  const rows: Row[] = [];
  for (const aliases of ALIAS_COUNTS) {
    const entities = syntheticEntities(aliases);
    const texts = new Map(TEXT_BYTES.map((b) => [b, syntheticText(b, entities)] as const));
    for (const engine of engines) {
      const row = measure(engine, aliases, texts);
      rows.push(row);
      process.stderr.write(`${aliases} aliases, ${engine.name}: compile ${row.compileMs.toFixed(1)} ms, ` +
        `${[...row.mbps].map(([b, v]) => `${b / 1e6} MB ${v.toFixed(1)} MB/s (${row.mentions.get(b)} hits)`).join(', ')}\n`);
    }
  }
  const mb = (b: number): string => `${b / 1e6} MB`;
  const lines = [
    `| aliases | engine | compile (ms) | heap (MB) | ${TEXT_BYTES.map((b) => `scan ${mb(b)} (MB/s)`).join(' | ')} | ${TEXT_BYTES.map((b) => `OnRecord ÷ best peer, ${mb(b)}`).join(' | ')} |`,
    `|---:|---|---:|---:|${TEXT_BYTES.map(() => '---:|').join('')}${TEXT_BYTES.map(() => '---:|').join('')}`,
  ];
  for (const aliases of ALIAS_COUNTS) {
    const group = rows.filter((r) => r.aliases === aliases);
    const ours = group.find((r) => r.engine === 'OnRecord')!;
    for (const r of group) {
      const ratios = TEXT_BYTES.map((b) => {
        if (r !== ours) return '';
        const best = Math.max(...group.filter((p) => p !== ours).map((p) => p.mbps.get(b)!));
        return `${(ours.mbps.get(b)! / best).toFixed(1)}×`;
      });
      lines.push(
        `| ${aliases.toLocaleString('en')} | ${r.engine} | ${r.compileMs.toFixed(1)} | ${r.heapMB.toFixed(1)} | ` +
          `${TEXT_BYTES.map((b) => r.mbps.get(b)!.toFixed(1)).join(' | ')} | ${ratios.join(' | ')} |`,
      );
    }
  }
  console.log(lines.join('\n'));
}

main();
