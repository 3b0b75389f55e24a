#!/usr/bin/env node
/**
 * Builds the `onrecord` command into dist/cli/ with esbuild: plain ES modules
 * for Node 20, split at the commands' dynamic imports so `onrecord --help`
 * loads only the dispatcher and a command loads only what it uses. Runs as
 * the `prepare` script (so `npm ci` leaves a working `onrecord`) and before
 * the unit tests (test/support/build-cli.ts), so no TypeScript is compiled
 * when the command runs.
 *
 * With --bench it also bundles bench/cli.ts into dist/bench/cli.mjs, which
 * `npm run bench:cli` runs with plain node (no tsx at run time).
 *
 * With --warm (the `prepare` script) it then runs `onrecord annotate` on a few
 * lines, so that the build's cache already holds what a first run would
 * store (warmCli): the first run after `npm ci` starts as fast as later ones.
 *
 *   node scripts/build-cli.mjs [--quiet] [--bench] [--warm]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = join(ROOT, 'dist/cli');

/** Leaves bare imports (packages, node: built-ins) to Node at run time, except the packages named. */
function dependenciesOutside(bundled) {
  return {
    name: 'dependencies-outside',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => (bundled.some((p) => args.path === p || args.path.startsWith(`${p}/`)) ? undefined : { path: args.path, external: true }));
    },
  };
}

/**
 * The commands built each as one file of their own (see buildCli): annotate, the one that most needs to start fast,
 * and the two others that read a record, check and extract (issue 15: every command starts in ≤ 150 ms).
 */
export const OWN_FILE_COMMANDS = ['annotate', 'check', 'extract'];

/**
 * The commands table's import of such a command goes to dist/cli/NAME.mjs, a loader of the command built on its own
 * (see buildCli). Only from commands.ts: other commands (extract) import annotate's helpers into their own chunks.
 */
const commandsOnTheirOwn = {
  name: 'commands-on-their-own',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^\\./(?:${OWN_FILE_COMMANDS.join('|')})\\.ts$`) }, (args) =>
      args.importer.endsWith(join('src', 'cli', 'commands.ts')) ? { path: args.path.replace(/\.ts$/, '.mjs'), external: true } : undefined,
    );
  },
};

/**
 * NAME.cjs (src/cli/NAME-main.ts, CommonJS, no splitting), then NAME.mjs (the commands table's ES module view of it)
 * and NAME-loader.cjs (loads NAME.cjs through V8's code cache, src/cli/code-cache.ts, under the sha-256 of its code).
 */
async function buildOwnFile(build, common, dependencies, name) {
  await build({
    ...common,
    entryPoints: { [name]: `src/cli/${name}-main.ts` },
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    splitting: false,
    plugins: [dependencies],
    // The file's own URL, as an ES module would have it (the bundled corpus, the cache and extract's worker are found from it).
    define: { 'import.meta.url': '__onrecordFileUrl' },
    banner: { js: 'var __onrecordFileUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  const key = createHash('sha256').update(readFileSync(join(CLI_OUT, `${name}.cjs`), 'utf8')).digest('hex');
  writeFileSync(
    join(CLI_OUT, `${name}.mjs`),
    `import { createRequire } from 'node:module';\nconst m = createRequire(import.meta.url)('./${name}-loader.cjs');\nexport const usage = m.usage;\nexport const run = m.run;\n`,
  );
  await build({
    ...common,
    format: 'cjs',
    stdin: {
      contents: [
        "import { join } from 'node:path';",
        "import { loadWithCodeCache } from './code-cache.ts';",
        'declare const __dirname: string;',
        `const m = loadWithCodeCache(join(__dirname, '${name}.cjs'), join(__dirname, 'cache', 'code'), ${JSON.stringify(key)});`,
        "export const usage = m['usage'];",
        "export const run = m['run'];",
        "export const main = m['main'];",
      ].join('\n'),
      resolveDir: join(ROOT, 'src/cli'),
      sourcefile: `${name}-loader.ts`,
      loader: 'ts',
    },
    outfile: join(CLI_OUT, `${name}-loader.cjs`),
    outdir: undefined,
    outExtension: undefined,
    splitting: false,
    plugins: [dependencies],
  });
}

export async function buildCli() {
  // Imported here so that an install without dev dependencies (npm ci --omit=dev) can report it plainly.
  const { build } = await import('esbuild');
  rmSync(CLI_OUT, { recursive: true, force: true });
  const started = performance.now();
  const common = {
    absWorkingDir: ROOT,
    outdir: CLI_OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
  };
  // Dependencies stay in node_modules and load as they are (runtime dependencies only), except valibot and chrono-node:
  // bundled, only what is used is kept: the functions the corpus schema uses (about 30 KB instead of parsing valibot's
  // 206 KB), and chrono's four locales of the record (its CommonJS index requires all of its locales, 260 files:
  // about 100 ms of every `onrecord extract` start).
  const dependencies = dependenciesOutside(['valibot', 'chrono-node']);
  await Promise.all([
    build({
      ...common,
      entryPoints: { main: 'src/cli/main.ts', 'extract-worker': 'src/cli/extract-worker.ts' },
      splitting: true,
      plugins: [dependencies, commandsOnTheirOwn],
      // Chunks beside main.mjs: paths like new URL('../../corpus/seed.json', import.meta.url) resolve from dist/cli/ as from src/cli/.
      chunkNames: '[name]-[hash]',
    }),
    // annotate, check and extract are each one file (OWN_FILE_COMMANDS): main.mjs and it are all a run loads (a dozen
    // chunks cost each their own read, through Node's thread pool, and compile). An import() of the corpus reader
    // (only on a cache miss) stays in the file, compiled only if run. A command shares no state with main.mjs but the
    // CliError class, recognised across copies (command.ts, isCliError). It is CommonJS (NAME.cjs), loaded by
    // NAME-loader.cjs through V8's code cache (src/cli/code-cache.ts): Node 20 has no compile cache for ES modules.
    // The loader is built after it, with the sha-256 of NAME.cjs written in: the cache's name is keyed to the
    // code, so a cache made by another build (V8 accepts one from other source of the same length) is never read.
    // bin/onrecord.cjs requires the loader for `onrecord NAME` (NAME-main.ts: no ES module loaded at all);
    // main.mjs's table imports NAME.mjs, which requires the same loader.
    ...OWN_FILE_COMMANDS.map((name) => buildOwnFile(build, common, dependencies, name)),
  ]);
  return performance.now() - started;
}

/** A few lines in the record's languages: the warm-up run compiles (and caches) the scan's code for each. */
const WARM_TEXT = [
  'Dmitry Peskov said the talks in Istanbul were over.',
  'Песков заявил, что переговоры в Стамбуле продолжатся.',
  'Подоляк сказав, що делегації зустрінуться в Стамбулі.',
  'Kuleba sagte, die Gespräche in Istanbul seien beendet.',
  '',
].join('\n');

/** A claim for the warm-up run of `onrecord check`. */
const WARM_CLAIM = 'Peskov said the talks in Istanbul were over.\n';

/**
 * Fills the build's cache (dist/cli/cache/ under `root`) as the first runs of `onrecord annotate`, `check` and
 * `extract` with the bundled corpus would: annotate's start snapshot (corpus-snapshot.ts) under both names the bundled
 * corpus goes by (its full path, from any folder outside the repository or below its root, and "corpus/seed.json"
 * from the root), the validated corpus under both names, the compiled matchers, the statement finder's role tables
 * and the claim checker's feature index (matcher-cache.ts, check.ts), and each command's code cache (code-cache.ts).
 * Without it the first run after `npm ci` validates the corpus and compiles the matchers (about 4× a warm run's CPU;
 * docs/benchmarks.md), and an install whose build folder its users cannot write (a global install by root) pays that
 * at every run. The code caches are made last, by runs that find everything else: a cold run's cache also holds the
 * corpus validator's and the compilers' code, loaded at every later start for nothing. Returns the problems met; a
 * run that fails leaves the cache as it was (later runs fill it as usual).
 */
export function warmCli(root = ROOT) {
  const problems = [];
  const scratch = mkdtempSync(join(tmpdir(), 'onrecord-warm-'));
  try {
    const text = join(scratch, 'warm.txt');
    writeFileSync(text, WARM_TEXT);
    const claim = join(scratch, 'claim.txt');
    writeFileSync(claim, WARM_CLAIM);
    const run = (command, file, cwd) => {
      const r = spawnSync(process.execPath, [join(root, 'bin/onrecord.cjs'), command, file], { cwd, encoding: 'utf8' });
      if (r.status !== 0) problems.push(`${command} in ${cwd} exited with ${r.status ?? r.signal}: ${(r.stderr ?? '').trim() || r.error?.message}`);
    };
    const all = (cwd) => {
      run('annotate', text, cwd);
      run('check', claim, cwd);
      run('extract', text, cwd);
    };
    all(scratch);
    all(root);
    const codeDir = join(root, 'dist/cli/cache/code');
    try {
      for (const name of readdirSync(codeDir)) rmSync(join(codeDir, name), { force: true });
    } catch {
      // No code cache was written: the next run writes it.
    }
    all(scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return problems;
}

/** bench/cli.ts as one ES module for Node 20 (dependencies and the build script stay outside). */
export async function buildCliBench() {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: ROOT,
    entryPoints: { cli: 'bench/cli.ts' },
    outdir: join(ROOT, 'dist/bench'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let ms;
  try {
    ms = await buildCli();
    if (process.argv.includes('--bench')) await buildCliBench();
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('esbuild')) throw e;
    // `npm ci --omit=dev` runs this as `prepare` too: say what is missing instead of failing the whole install.
    process.stderr.write('onrecord: esbuild is not installed (dev dependencies omitted), so the command was not built; run "npm ci" to build it\n');
    process.exit(0);
  }
  if (!process.argv.includes('--quiet')) process.stderr.write(`onrecord: built dist/cli in ${ms.toFixed(0)} ms\n`);
  if (process.argv.includes('--warm')) {
    // Never fails the install: a cache not filled now is filled by the first runs.
    for (const problem of warmCli()) process.stderr.write(`onrecord: the build's cache was not filled (${problem}); the first run will do it\n`);
  }
}
