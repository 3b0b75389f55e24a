/**
 * The extension's own build with another bundled corpus: the seed corpus
 * import is aliased to a generated file and the output goes elsewhere.
 *   ONRECORD_BENCH_CORPUS=/abs/corpus.json ONRECORD_BENCH_OUT=dist/bench-50 \
 *     vite build --config bench/page/vite.bench.config.ts
 */
import { mergeConfig } from 'vite';
import base from '../../vite.config.ts';

const corpus = process.env['ONRECORD_BENCH_CORPUS'];
const outDir = process.env['ONRECORD_BENCH_OUT'];
if (!corpus || !outDir) throw new Error('set ONRECORD_BENCH_CORPUS (a corpus JSON file) and ONRECORD_BENCH_OUT (the output folder)');

/** The specifier src/background/bundled-corpus.ts imports the seed corpus by. */
const SEED_IMPORT = /^\.\.\/\.\.\/corpus\/seed\.json$/;

export default mergeConfig(base, {
  resolve: { alias: [{ find: SEED_IMPORT, replacement: corpus }] },
  // BENCH_PAGE_MINIFY=0 keeps names readable in the traced loads' "by function" lists (it costs a little more to parse).
  build: { outDir, emptyOutDir: true, ...(process.env['BENCH_PAGE_MINIFY'] === '0' ? { minify: false } : {}) },
  logLevel: 'warn',
});
