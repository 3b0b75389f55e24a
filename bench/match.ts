/**
 * npm run bench:match — the OnRecord matcher beside modern-ahocorasick and one
 * alternation RegExp, on synthetic news text (1 MB, 10 MB UTF-8) and
 * dictionaries of 50, 5,000 and 50,000 aliases. Prints one Markdown table.
 * Run with --expose-gc (the npm script does) so heap deltas are meaningful.
 *
 * Throughput counts UTF-8 megabytes (10^6 bytes) of input per second, median
 * of several runs; the machine is shared, so read medians and ratios.
 */
import AhoCorasick from 'modern-ahocorasick/fast';
import { compileMatcher, type Matcher } from '../src/core/match/index.ts';
import { boundaryAfter, boundaryBefore } from '../src/core/match/boundary.ts';
import { ensureFoldTables } from '../src/core/text/fold-table.ts';
import { syntheticEntities, syntheticText } from './lib/synthetic-news.ts';

/** Runs per measurement (median taken), unless a cell's time budget runs out first. */
const RUNS = 11;
/** Time budget per cell: slow peers at 50,000 aliases get fewer runs (at least one). */
const CELL_BUDGET_MS = 8_000;
const ALIAS_COUNTS = [50, 5_000, 50_000];
/** A size is not scanned when one run would take longer than this (seconds, predicted from the probe). */
const LONGEST_RUN_S = 60;
/** Characters of the timed probe that predicts whether a full scan fits the budget. */
const PROBE_CHARS = 5_000;
/** Characters scanned once, untimed, before measuring (enough for the optimising JIT to settle)… */
const WARM_UP_CHARS = 1_000_000;
/** …unless that would take longer than this (seconds) for a slow engine. */
const WARM_UP_MAX_S = 5;
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
    // Case-insensitive by lower-casing text and patterns (included in the scan time); word boundaries checked
    // after. Fed paragraph by paragraph, as a content script would: it segments graphemes with Intl.Segmenter,
    // which is quadratic on long strings in Node 20, so one 10 MB string would not finish.
    name: 'modern-ahocorasick/fast',
    compile: (entities) => new AhoCorasick(entities.flatMap((e) => e.aliases.map((a) => a.text.toLowerCase()))),
    scan: (m, text) => {
      let count = 0;
      for (const paragraph of text.split('\n\n')) {
        const lower = paragraph.toLowerCase();
        for (const hit of (m as AhoCorasick).search(lower, { strategy: 'leftmost-longest' })) {
          if (boundaryBefore(lower, hit.start) && boundaryAfter(lower, hit.end)) count++;
        }
      }
      return count;
    },
  },
  {
    name: 'RegExp alternation',
    compile: (entities) => {
      const escaped = entities.flatMap((e) => e.aliases.map((a) => escapeRe(a.text))).sort((a, b) => b.length - a.length);
      const re = new RegExp('(?<![\\p{L}\\p{N}])(?:' + escaped.join('|') + ')(?![\\p{L}\\p{N}])', 'giu');
      // V8 compiles a RegExp at its first exec: include that in the compile time.
      re.test('warm up');
      re.lastIndex = 0;
      return re;
    },
    scan: (re, text) => {
      let count = 0;
      for (const _ of text.matchAll(re as RegExp)) count++;
      return count;
    },
  },
];

// The AhoCorasick engine checks boundaries with the shared tables before any fold has filled them.
ensureFoldTables();

const gc = (globalThis as { gc?: () => void }).gc;
const memory = (): number => {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
/** Three significant digits for small rates (the RegExp at 5,000 aliases is ~0.01 MB/s). */
const rateText = (v: number): string => (v >= 10 ? v.toFixed(1) : v.toPrecision(2));
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
  /** Sizes not scanned (too slow): the rate shown is the smaller text's, or the probe's. */
  probed: Set<number>;
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
  const row: Row = { aliases, engine: engine.name, compileMs: median(compileTimes), heapMB, mbps: new Map(), mentions: new Map(), probed: new Set() };
  // A timed probe on a short prefix: warms up the JIT (and builds a RegExp's code, which V8 compiles lazily)
  // and tells whether the full texts can be scanned within the time budget.
  const first = [...texts.values()][0]!;
  const probe = first.slice(0, PROBE_CHARS);
  const t = performance.now();
  engine.scan(compiled, probe);
  const probeRate = Buffer.byteLength(probe) / 1e6 / ((performance.now() - t) / 1000);
  const warmUpChars = Math.min(WARM_UP_CHARS, Math.floor(probeRate * 1e6 * WARM_UP_MAX_S * (probe.length / Buffer.byteLength(probe))));
  engine.scan(compiled, first.slice(0, warmUpChars));
  let rate = probeRate;
  for (const [bytes, text] of texts) {
    if (bytes / 1e6 / rate > LONGEST_RUN_S) {
      // Too slow to scan this size within the budget: report the last measured rate, marked.
      row.mbps.set(bytes, rate);
      row.probed.add(bytes);
      continue;
    }
    // The previous cells' garbage (10 MB texts, other engines' tables) is collected before this size's runs, not
    // during them; then one untimed scan of this very text, when it fits the warm-up budget, so the optimising JIT
    // settles on code that has seen the whole input (a first full run measured up to 2.5× slower than the next).
    gc?.();
    if (bytes / 1e6 / rate <= WARM_UP_MAX_S) engine.scan(compiled, text);
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
    rate = bytes / 1e6 / (median(times) / 1000);
    row.mbps.set(bytes, rate);
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
        `${[...row.mbps].map(([b, v]) => `${b / 1e6} MB ${rateText(v)} MB/s (${row.mentions.get(b) ?? 'not scanned'} hits)`).join(', ')}\n`);
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
        const ratio = ours.mbps.get(b)! / best;
        return `${ratio >= 100 ? Math.round(ratio).toLocaleString('en') : ratio.toFixed(1)}×`;
      });
      lines.push(
        `| ${aliases.toLocaleString('en')} | ${r.engine} | ${r.compileMs.toFixed(1)} | ${r.heapMB.toFixed(1)} | ` +
          `${TEXT_BYTES.map((b) => rateText(r.mbps.get(b)!) + (r.probed.has(b) ? '*' : '')).join(' | ')} | ${ratios.join(' | ')} |`,
      );
    }
  }
  console.log(lines.join('\n'));
  if (rows.some((r) => r.probed.size > 0)) {
    console.log(`\n\\* not scanned: one run would take over ${LONGEST_RUN_S} s; the rate on the smaller text (or on its first ${PROBE_CHARS.toLocaleString('en')} characters) is shown.`);
  }
}

main();
