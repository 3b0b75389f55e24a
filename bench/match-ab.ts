/**
 * npm run bench:match-ab -- BASE_DIR [--corpus]: the matcher of this tree beside the one in BASE_DIR (another
 * checkout, e.g. `git worktree add /tmp/base main`, or `git archive REV src corpus | tar -x -C DIR` with a
 * node_modules link), alternating in one process (a shared, noisy machine changes both alike). Prints the medians
 * and their ratio.
 *
 * Default: both compiled from the same 50,000 synthetic aliases, scanning the same 2 MB of synthetic text.
 * `--corpus`: both compiled from the seed corpus (with its sides), each scanning, block by block with one document
 * context per text as the annotator does, (1) the accuracy texts of every split and (2) region-dense text: the
 * Russian, Ukrainian and German region-list texts of the splits, repeated to about 190 KB. That is where the
 * per-chunk rules (coordinated names, lists that end in an unknown region) weigh most.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileMatcher, createDocumentContext, type Matcher } from '../src/core/match/index.ts';
import { parseCorpusShape } from '../src/core/corpus/schema.ts';
import { syntheticEntities, syntheticText } from './lib/synthetic-news.ts';

const RUNS = 21;
/** Untimed runs of each tree first, so that both are optimised before timing. */
const WARM_UP_RUNS = 5;
const ALIASES = 50_000;
const BYTES = 2_000_000;
/** Region-dense text is repeated to about this many characters. */
const REGION_CHARS = 190_000;
/** File names of the accuracy texts that list regions (ru/uk/de "oblasti"/"gebiete"). */
const REGION_TEXT_RE = /-(?:oblasti|gebiete)\./u;

type Tree = { compileMatcher: (e: unknown, sides?: unknown) => Matcher; createDocumentContext: () => unknown };

const args = process.argv.slice(2);
const corpusMode = args.includes('--corpus');
const baseDir = resolve(args.find((a) => !a.startsWith('--')) ?? '');
const base = (await import(pathToFileURL(join(baseDir, 'src/core/match/index.ts')).href)) as Tree;
const here: Tree = { compileMatcher: compileMatcher as Tree['compileMatcher'], createDocumentContext };

/** One workload: what each tree scans in one timed run. */
interface Workload {
  name: string;
  chars: number;
  run: (tree: Tree, matcher: Matcher) => number;
}

let workloads: Workload[];
let compile: (tree: Tree) => Matcher;
if (corpusMode) {
  const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../corpus/seed.json', import.meta.url), 'utf8')));
  compile = (tree) => tree.compileMatcher(corpus.entities, corpus.sides);
  const accuracy = new URL('../test/accuracy/', import.meta.url);
  const dirs = ['texts', 'untuned/texts', 'untuned-2/texts', 'untuned-3/texts'].map((d) => new URL(d + '/', accuracy));
  const texts: { name: string; text: string }[] = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).sort()) if (!name.endsWith('.json')) texts.push({ name, text: readFileSync(new URL(name, dir), 'utf8') });
  }
  // Blocks as a page gives them: paragraphs (blank lines, or lines in HTML-less text).
  const blocks = (text: string): string[] => text.split(/\n\s*\n/u);
  const scanDocs = (docs: readonly string[][]) => (tree: Tree, m: Matcher): number => {
    let n = 0;
    for (const doc of docs) {
      const ctx = tree.createDocumentContext();
      for (const block of doc) n += (m.scan as (t: string, c: unknown) => unknown[])(block, ctx).length;
    }
    return n;
  };
  const all = texts.map((t) => blocks(t.text));
  const regionSource = texts.filter((t) => REGION_TEXT_RE.test(t.name)).map((t) => blocks(t.text));
  const region: string[][] = [];
  let regionChars = 0;
  while (regionChars < REGION_CHARS) {
    for (const doc of regionSource) {
      region.push(doc);
      regionChars += doc.reduce((s, b) => s + b.length, 0);
    }
  }
  workloads = [
    { name: `accuracy texts (${texts.length} texts)`, chars: all.flat().reduce((s, b) => s + b.length, 0), run: scanDocs(all) },
    { name: `region-dense text (${regionSource.length} texts repeated)`, chars: regionChars, run: scanDocs(region) },
  ];
} else {
  const entities = syntheticEntities(ALIASES);
  const text = syntheticText(BYTES, entities);
  compile = (tree) => tree.compileMatcher(entities);
  workloads = [{ name: `${ALIASES} synthetic aliases`, chars: text.length, run: (_tree, m) => m.scan(text).length }];
}

const trees: [string, Tree, Matcher][] = [
  ['base', base, compile(base)],
  ['this tree', here, compile(here)],
];
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
for (const w of workloads) {
  const times: number[][] = [[], []];
  const counts = trees.map(([, tree, m]) => w.run(tree, m));
  for (let r = 0; r < WARM_UP_RUNS; r++) for (const [, tree, m] of trees) w.run(tree, m);
  for (let r = 0; r < RUNS; r++) {
    trees.forEach(([, tree, m], i) => {
      const t0 = performance.now();
      w.run(tree, m);
      times[i]!.push(performance.now() - t0);
    });
  }
  console.log(`${w.name}, ${(w.chars / 1000).toFixed(0)} K characters, median of ${RUNS}:`);
  trees.forEach(([name], i) => console.log(`  ${name}: ${median(times[i]!).toFixed(2)} ms (${counts[i]} mentions)`));
  const pairs = times[0]!.map((b, i) => b / times[1]![i]!);
  console.log(`  this tree ÷ base, speed: median of paired ratios ${median(pairs).toFixed(3)}`);
}
