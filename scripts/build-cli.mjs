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
 *   node scripts/build-cli.mjs [--quiet] [--bench]
 */
import { rmSync } from 'node:fs';
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

export async function buildCli() {
  // Imported here so that an install without dev dependencies (npm ci --omit=dev) can report it plainly.
  const { build } = await import('esbuild');
  rmSync(CLI_OUT, { recursive: true, force: true });
  const started = performance.now();
  await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/cli/main.ts', 'extract-worker': 'src/cli/extract-worker.ts' },
    outdir: CLI_OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies stay in node_modules and load as they are (runtime dependencies only), except valibot:
    // bundled, only the functions the corpus schema uses are kept (about 30 KB instead of parsing its 206 KB).
    plugins: [dependenciesOutside(['valibot'])],
    // Chunks beside main.mjs: paths like new URL('../../corpus/seed.json', import.meta.url) resolve from dist/cli/ as from src/cli/.
    chunkNames: '[name]-[hash]',
    legalComments: 'none',
    logLevel: 'warning',
  });
  return performance.now() - started;
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
}
