/**
 * `npm run eval:extraction`: the statement finder against the extraction set
 * on both splits, with the targets checked on the test split. Exits 1
 * below a target. Prints no document text (the test split stays unread).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../src/core/corpus/schema.ts';
import { createStatementFinder } from '../src/core/statements/index.ts';
import { loadBlindBatch, loadExtractionSet } from '../test/extraction-set/load.ts';
import { evaluate, formatReport } from '../test/extraction/evaluate.ts';
import { precision, recall, type Counts } from '../test/extraction/score.ts';

/** Documents added by the session-6 blind batch (written without sight of the finder). */
const SESSION6_BLIND = new Set(['en-01', 'en-02', 'en-03', 'en-04', 'en-05', 'en-06', 'en-07', 'en-08', 'ru-09', 'ru-10', 'ru-11', 'ru-12']);

const corpus = JSON.parse(readFileSync(fileURLToPath(new URL('../corpus/seed.json', import.meta.url)), 'utf8')) as Corpus;
const finder = createStatementFinder({ entities: corpus.entities });
const docs = loadExtractionSet();
const { reports } = evaluate(finder, docs);
console.log(formatReport('dev', reports.dev));
console.log(formatReport('test', reports.test));
// The documents written blind in session 6 (test/extraction-set/README.md, History) are reported on their own too,
// and so is the test split as it was before them, so that figures stay comparable across sessions.
const blind6 = evaluate(finder, docs.filter((d) => SESSION6_BLIND.has(d.doc))).reports.test;
const before6 = evaluate(finder, docs.filter((d) => !SESSION6_BLIND.has(d.doc))).reports.test;
console.log(formatReport('test, documents before session 6', before6).split('\n').slice(0, 7).join('\n'));
console.log(formatReport('test, session 6 blind batch (en-04, en-08, ru-12)', blind6).split('\n').slice(0, 5).join('\n'));
// Session 11's blind batch (test/extraction-set/blind11: 3 real pages and 5 written articles, annotated outside the
// repository by a helper who never ran the finder; all test, never tuned on), reported on its own.
console.log(formatReport('blind batch blind11 (session 11, all test)', evaluate(finder, loadBlindBatch('blind11')).reports.test));

const misses: string[] = [];
const need = (what: string, c: Counts, p: number, r: number) => {
  if (precision(c) < p) misses.push(`${what} precision ${precision(c).toFixed(3)} < ${p}`);
  if (recall(c) < r) misses.push(`${what} recall ${recall(c).toFixed(3)} < ${r}`);
};
const t = reports.test;
need('test overall', t.all, 0.9, 0.8);
need('test direct quotes', t.direct, 0.95, 0.92);
for (const [lang, c] of Object.entries(t.byLang)) need(`test ${lang}`, c, 0.85, 0.7);
if (misses.length > 0) {
  console.log(`\nBelow the issue 12 targets:\n  ${misses.join('\n  ')}`);
  process.exitCode = 1;
} else console.log('\nAll issue 12 targets met on the test split.');
