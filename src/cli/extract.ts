/** `onrecord extract [--format jsonl|csv] [--corpus FILE] [--out FILE] [--jobs N] PATH…` */
import { resolve } from 'node:path';
import type { Corpus, Entity } from '../core/corpus/schema.ts';
import { csvRow } from '../core/csv.ts';
import { collect } from './annotate.ts';
import { choice, CORPUS_OPTION, CORPUS_USAGE, parseCommandArgs } from './args.ts';
import { candidatesCorpus } from './candidates.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from './command.ts';
import { createFileExtractor, type ExtractedFile, type ExtractRow } from './extract-file.ts';
import { EXPORT_FORMATS } from './export-records.ts';
import { requireDerived } from './corpus-snapshot.ts';
import { finderStart, loadFinderStart, type FinderStart } from './matcher-cache.ts';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checkOutFile, writeOutFile } from './out-file.ts';

// node:worker_threads is loaded only for a folder worth workers (and node:os on a run's start, not at load): with the
// stream modules they bring, a few ms of every start.
const load = createRequire(import.meta.url);

export const EXTRACT_COLUMNS = ['file', 'speakerId', 'speakerName', 'speakerStart', 'speakerEnd', 'cueStart', 'cueEnd', 'start', 'end', 'kind', 'quote', 'date', 'topics'] as const;

/** Files from which a folder is worth worker threads (starting one costs ~0.2 s: the finder compiles in each). */
export const WORKER_MIN_FILES = 8;
/** Above this many files, progress is shown on stderr. */
const PROGRESS_MIN_FILES = 5;
/** A terminal's progress bar is redrawn at most this often: smooth to the eye, negligible next to the work. */
const TTY_REDRAW_MS = 100;
/** Without a terminal (a log, CI), one progress line this often, so a long run shows it is alive without flooding. */
const LOG_LINE_MS = 5_000;

export const usage = `Usage: onrecord extract [--format jsonl|csv] [--corpus FILE] [--out FILE] [--jobs N] PATH…

Finds who said what in text and HTML files (English, Russian, Ukrainian,
German) and writes one record per statement, as JSON Lines (default) or CSV:
  ${EXTRACT_COLUMNS.join(', ')}
speakerId is the corpus entity (null for a speaker the corpus does not have:
then speakerName is the name as written). speakerStart/End, cueStart/End
(null for a headline "Name: …" or a continuing quote) and start/end (the
words said) are UTF-16 offsets into the file's text exactly as
"onrecord annotate" reports them (see "onrecord annotate --print-text").
kind is direct, indirect or mixed; quote the quoted words (null for
indirect speech); date the day it was said (YYYY-MM-DD: a relative date
such as "on Tuesday" counted back from the publication date, else the
publication date from the page's metadata, a dateline or the text; null when
none is found); topics the topic, event and place ids named in the words.

Options:
${CORPUS_USAGE}
  --format F      jsonl (default) or csv
  --out FILE      instead, write a corpus file of candidate positions (status
                  "candidate", with their evidence), the sources they come
                  from and any new speakers, for review and
                  "onrecord corpus merge"; "onrecord corpus validate" accepts it
  --jobs N        worker threads for many files (default: one per core)

Files and folders are read as "onrecord annotate" reads them (.txt, .html,
.htm in folders, walked in sorted order). With more than ${PROGRESS_MIN_FILES - 1} files, progress
is shown on stderr (a bar on a terminal, a line every few seconds otherwise).

Exit status: 0 when every file was read, 1 when a file was skipped (each is
named on stderr; the others are still read), 2 for usage errors.

Examples:
  onrecord extract article.html
  onrecord extract --format csv saved-pages/ > statements.csv
  onrecord extract --out candidates.json saved-pages/
`;

function formatRow(format: 'jsonl' | 'csv', file: string, r: ExtractRow): string {
  const values = [file, r.speakerId, r.speakerName, r.speakerStart, r.speakerEnd, r.cueStart, r.cueEnd, r.start, r.end, r.kind, r.quote, r.date, r.topics] as const;
  if (format === 'csv') return `${csvRow(values.map((v) => (v === null ? '' : Array.isArray(v) ? v.join(' ') : String(v))))}`;
  const o: Record<string, unknown> = {};
  EXTRACT_COLUMNS.forEach((c, i) => (o[c] = values[i]));
  return `${JSON.stringify(o)}\n`;
}

/** Progress on stderr: a bar redrawn in place on a terminal, else a plain line at most every few seconds. */
function progress(io: CliIo, total: number): { tick(): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let n = 0;
  let last = 0;
  const line = () => {
    const secs = (Date.now() - started) / 1000;
    const rate = n / Math.max(secs, 0.001);
    const left = rate > 0 ? Math.round((total - n) / rate) : 0;
    return `${n}/${total} files, ${rate.toFixed(1)}/s, ${left}s left`;
  };
  return {
    tick() {
      n++;
      const now = Date.now();
      if (tty) {
        if (now - last < TTY_REDRAW_MS && n < total) return;
        last = now;
        const width = 30;
        const fill = Math.round((n / total) * width);
        io.err(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${line()}  `);
      } else if (now - last >= LOG_LINE_MS || n === total) {
        last = now;
        io.err(`onrecord extract: ${line()}\n`);
      }
    },
    done() {
      if (tty) io.err('\n');
    },
  };
}

/** Files a worker holds at once: while it works on one, the next is already in its queue (no round trip idle). */
const WORKER_QUEUE = 4;

async function inWorkers(entities: readonly Entity[], files: { file: string; full: string }[], jobs: number, keepText: boolean, onResult: (i: number, r: ExtractedFile) => void): Promise<void> {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const script = new URL(fromSource ? './extract-worker.ts' : './extract-worker.mjs', here);
  let next = 0;
  await Promise.all(
    Array.from({ length: jobs }, () => {
      const worker = new (load('node:worker_threads') as typeof import('node:worker_threads')).Worker(script, { workerData: { entities, keepText }, ...(fromSource ? { execArgv: ['--import', 'tsx'] } : {}) });
      return new Promise<void>((done, fail) => {
        let held = 0;
        let closed = false;
        const send = () => {
          while (held < WORKER_QUEUE && next < files.length) {
            const id = next++;
            held++;
            worker.postMessage({ id, ...files[id]! });
          }
          if (held === 0 && !closed) {
            closed = true;
            worker.postMessage(null);
          }
        };
        worker.on('message', (m: { id: number; result: ExtractedFile }) => {
          held--;
          onResult(m.id, m.result);
          send();
        });
        worker.on('error', fail);
        worker.on('exit', () => done());
        send();
      });
    }),
  );
}

function isDirectory(full: string): boolean {
  try {
    return statSync(full).isDirectory();
  } catch {
    return false;
  }
}

/** The build-cache kind of extractStart's value. */
const EXTRACT_START = 'extract-start';

/** All extract needs of a corpus in its main thread, kept in the build's cache (corpus-snapshot.ts). */
function extractStart(corpus: Corpus): { corpus: Corpus; finder: FinderStart } {
  return { corpus, finder: finderStart(corpus.entities) };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...CORPUS_OPTION, format: { type: 'string' }, out: { type: 'string' }, jobs: { type: 'string' } }, true);
  const format = choice('format', values.format, EXPORT_FORMATS, 'jsonl');
  if (positionals.length === 0) throw new UsageError('give at least one file or directory');
  let jobs = (load('node:os') as typeof import('node:os')).availableParallelism();
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs must be a whole number from 1 to 256, not "${values.jobs}"`);
  }
  const outFile = values.out;
  // A wrong --out is said now, not after the whole extraction (review 11B RB6).
  const outFull = outFile === undefined ? undefined : checkOutFile(io.cwd, outFile);

  let status = EXIT_OK;
  const skip = (file: string, message: string): void => {
    io.err(`onrecord extract: ${file}: ${message}\n`);
    status = EXIT_FAILURE;
  };
  const paths: string[] = [];
  for (const path of positionals) {
    const before = paths.length;
    const full = resolve(io.cwd, path);
    await collect(path, full, true, paths, new Set(), skip);
    // A folder with nothing to read is said so (and fails like an unreadable path), never a silent empty run.
    if (paths.length === before && isDirectory(full)) skip(path, 'no .txt, .html or .htm files in this folder');
  }
  // The corpus validated and the statement finder's matchers and role tables in one start snapshot of the build's
  // cache (issue 15: no validation or compiling at a start).
  const start = await requireDerived(values.corpus, io, EXTRACT_START, extractStart);
  const { corpus } = start;
  const files = paths.map((file) => ({ file, full: resolve(io.cwd, file) }));

  const keepText = outFile !== undefined;
  const results: (ExtractedFile | undefined)[] = new Array(files.length);
  let flushed = 0;
  if (!keepText && format === 'csv') io.out(csvRow(EXTRACT_COLUMNS));
  // Rows go out in file order as soon as every earlier file is done.
  const flush = () => {
    while (flushed < files.length && results[flushed] !== undefined) {
      const r = results[flushed]!;
      if (r.error !== undefined) skip(r.file, r.error);
      else if (!keepText) {
        let piece = '';
        for (const row of r.rows ?? []) piece += formatRow(format, r.file, row);
        if (piece !== '') io.out(piece);
        results[flushed] = { file: r.file }; // free the rows
      }
      flushed++;
    }
  };
  const bar = files.length >= PROGRESS_MIN_FILES ? progress(io, files.length) : undefined;
  const onResult = (i: number, r: ExtractedFile) => {
    results[i] = r;
    bar?.tick();
    flush();
  };
  if (files.length >= WORKER_MIN_FILES && jobs > 1) {
    await inWorkers(corpus.entities, files, Math.min(jobs, Math.ceil(files.length / 2)), keepText, onResult);
  } else {
    const extract = createFileExtractor(corpus.entities, undefined, loadFinderStart(corpus.entities, start.finder).finder);
    for (let i = 0; i < files.length; i++) onResult(i, await extract(files[i]!.file, files[i]!.full, keepText));
  }
  bar?.done();

  if (outFile !== undefined) {
    const done = results.filter((r): r is ExtractedFile => r !== undefined && r.error === undefined);
    const out = candidatesCorpus(corpus, done);
    await writeOutFile(outFull!, outFile, `${JSON.stringify(out.corpus, null, 2)}\n`);
    io.err(`onrecord extract: wrote ${outFile}: ${out.corpus.positions.length} candidate positions from ${out.corpus.sources.length} sources, ${out.newEntities} new speakers\n`);
  }
  return status;
}
