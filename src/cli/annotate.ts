/** `onrecord annotate [--corpus FILE] [--format jsonl|csv] [--print-text] PATH…` */
import { Buffer, isUtf8 } from 'node:buffer';
import { close, fstat, open, read, readdirSync, readFile, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import { extname, join, resolve } from 'node:path';
import type { Corpus, Entity, EntityType } from '../core/corpus/schema.ts';
import { csvRow } from '../core/csv.ts';
import { compileMatcher, createDocumentContext, loadMatcherSnapshot, snapshotMatcher, type Matcher, type MatcherSnapshot } from '../core/match/index.ts';
import { choice, CORPUS_OPTION, CORPUS_USAGE, parseCommandArgs } from './args.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from './command.ts';
import { EXPORT_FORMATS, type ExportFormat } from './export-records.ts';
import { HTML_EXTENSIONS, htmlToText } from './html-text.ts';
import { createRowWriter, type RowEntity, type RowOutput } from './annotate-rows.ts';
import { requireDerived } from './corpus-snapshot.ts';
import { fsMessage } from './fs-message.ts';

export const ANNOTATION_COLUMNS = ['file', 'start', 'end', 'text', 'entityId', 'label', 'type'] as const;

/** Extensions read when walking a directory; a file named on the command line is read whatever its name. */
export const WALKED_EXTENSIONS: readonly string[] = ['.txt', ...HTML_EXTENSIONS];

/**
 * Largest file read. News pages are well under 5 MB; anything bigger is
 * almost surely not an article, and reading it whole would hold the bytes,
 * the string and the parsed DOM in memory at once.
 */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

export const usage = `Usage: onrecord annotate [--corpus FILE] [--format jsonl|csv] [--print-text] PATH…

Finds the mentions of the corpus's entities in text and HTML files and writes
one record per mention, as JSON Lines (default) or CSV (RFC 4180, header row).
Columns:
  ${ANNOTATION_COLUMNS.join(', ')}
start and end are UTF-16 offsets (end exclusive) into the file's text, so
text === fileText.slice(start, end) in JavaScript.

  .txt (and any file named explicitly with another extension)
      read as UTF-8; the text is the file's content exactly, except that a
      leading byte-order mark is dropped (offsets count from after it).
  .html, .htm
      the visible text as the extension reads it (scripts, styles and hidden
      elements skipped, a line break between blocks, inline markup adding
      nothing); offsets index that extracted text.
  directories
      walked recursively in sorted order; only .txt, .html and .htm files in
      them are read.

Options:
${CORPUS_USAGE}
  --format F      jsonl (default) or csv
  --print-text    print the text that offsets refer to instead of the records;
                  with several files, each is preceded by "==> FILE <==" and
                  followed by a newline

Each file is one document: an ambiguous name ("Johnson", "Istanbul") counts
when its entity was named unambiguously earlier in the same file, or when a
context word is near.

Exit status: 0 when every file was read, 1 when a file was skipped (missing,
unreadable, binary: NUL bytes or invalid UTF-8, or over 32 MB; each is named
on stderr and the other files are still annotated), 2 for usage errors.

Examples:
  onrecord annotate article.txt
  onrecord annotate --format csv saved-pages/ > mentions.csv
  onrecord annotate --print-text page.html
`;

/** One mention, as written by annotate (without the file column). */
export interface Annotation {
  start: number;
  end: number;
  text: string;
  entityId: string;
  label: string;
  type: EntityType;
}

/** Why a file was skipped; the message follows "onrecord annotate: FILE: ". */
export class SkippedFile extends Error {
  override name = 'SkippedFile';
}

/**
 * The text annotate scans for a file: UTF-8 decoded (a byte-order mark
 * dropped), and for .html/.htm the page text the extension would read.
 * Throws SkippedFile for binary content.
 */
export function documentText(fileName: string, bytes: Uint8Array): string {
  if (bytes.includes(0) || !isUtf8(bytes)) throw new SkippedFile('not a text file (binary)');
  // Validated above, so decoding cannot meet an invalid sequence; the BOM goes as TextDecoder drops it.
  const text = UTF8.decode(bytes);
  return isHtml(fileName) ? htmlToText(text) : text;
}

const UTF8 = new TextDecoder('utf-8');

function isHtml(fileName: string): boolean {
  return HTML_EXTENSIONS.includes(extname(fileName).toLowerCase());
}

/** A function from one document's text to its mentions, for the entities of a corpus. */
export function createAnnotator(entities: readonly Entity[], matcher: Matcher = compileMatcher(entities)): (text: string) => Annotation[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  return (text) =>
    // One DocumentContext per document: what was named earlier in it confirms ambiguous names later.
    matcher.scan(text, createDocumentContext()).map((m) => {
      const entity = byId.get(m.entityId)!;
      return { start: m.start, end: m.end, text: text.slice(m.start, m.end), entityId: m.entityId, label: entity.label, type: entity.type };
    });
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...CORPUS_OPTION, format: { type: 'string' }, 'print-text': { type: 'boolean' } },
    true,
  );
  const format = choice('format', values.format, EXPORT_FORMATS, 'jsonl');
  if (positionals.length === 0) throw new UsageError('give at least one file or directory');
  const printText = values['print-text'] === true;

  let status = EXIT_OK;
  const skip = (file: string, message: string): void => {
    io.err(`onrecord annotate: ${file}: ${message}\n`);
    status = EXIT_FAILURE;
  };

  const files: string[] = [];
  for (const path of positionals) await collect(path, resolve(io.cwd, path), true, files, new Set(), skip);
  // The first file is read (by a thread of Node's pool) while the corpus and the matcher load.
  const reads = readAhead(files, io.cwd);
  const start = printText ? undefined : await requireDerived(values.corpus, io, ANNOTATE_START, annotateStart);
  const matcher = start && loadMatcherSnapshot(start.matcher);
  const rows = start && createRowWriter(start.entities, format, rowOutput(io));

  if (matcher && format === 'csv') io.out(csvRow(ANNOTATION_COLUMNS));
  for (const file of files) {
    let text: string;
    try {
      text = documentText(file, await reads.next());
    } catch (e) {
      if (!(e instanceof SkippedFile)) throw e;
      skip(file, e.message);
      continue;
    }
    if (!matcher || !rows) {
      io.out(positionals.length === 1 && files.length === 1 ? text : `==> ${file} <==\n${text}\n`);
      continue;
    }
    // One DocumentContext per document: what was named earlier in it confirms ambiguous names later.
    await rows.write(file, text, matcher.scan(text, createDocumentContext()));
    // Each file's rows leave before the next file is read (a reader of a long walk sees them as they come).
    await rows.flush();
  }
  return status;
}

/** The build-cache kind of annotateStart's value. */
const ANNOTATE_START = 'annotate-start';

/**
 * All annotate needs of a corpus, kept in the build's cache (corpus-snapshot.ts) so that a run starts without
 * validating the corpus or compiling, loading and warming its matcher: the rows' entity fields and a matcher snapshot.
 */
function annotateStart(corpus: Corpus): { entities: RowEntity[]; matcher: MatcherSnapshot } {
  return {
    entities: corpus.entities.map(({ id, label, type }) => ({ id, label, type })),
    matcher: snapshotMatcher(compileMatcher(corpus.entities, corpus.sides)),
  };
}

/** stdout as the row writer's output: bytes when the IO takes them, else text. */
function rowOutput(io: CliIo): RowOutput {
  if (io.outBytes) return { write: (bytes) => io.outBytes!(bytes), drained: () => io.outDrained?.() ?? Promise.resolve() };
  return {
    write: (bytes) => {
      io.out(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
      return true;
    },
    drained: () => Promise.resolve(),
  };
}

/**
 * The files' bytes in order, each file read while the one before it is
 * worked on. `next()` throws SkippedFile for a file that cannot be read.
 */
function readAhead(files: readonly string[], cwd: string): { next(): Promise<Uint8Array> } {
  type Read = Promise<{ bytes?: Uint8Array; error?: unknown }>;
  // Settled into a value, so that a failed read waiting its turn is not an unhandled rejection.
  const start = (i: number): Read | undefined => {
    if (i >= files.length) return undefined;
    const full = resolve(cwd, files[i]!);
    const small = readSmallDocument(full);
    if (small !== undefined) return Promise.resolve({ bytes: small });
    return readDocumentBytes(files[i]!, full).then((bytes) => ({ bytes }), (error: unknown) => ({ error }));
  };
  let index = 0;
  let pending = start(0);
  return {
    async next() {
      const read = await pending!;
      pending = start(++index);
      if (read.error !== undefined) throw read.error;
      return read.bytes!;
    },
  };
}

/** Files up to this size are read at once, on the main thread (see readSmallDocument). */
const SYNC_READ_MAX = 1 << 20;

/**
 * A regular file of at most SYNC_READ_MAX bytes, read synchronously: a thread of Node's pool would read it in
 * well under a millisecond, but a run that needs no other thread then starts none (starting the pool's threads
 * is a few ms of a one-line annotate; issue 15), and a loaded machine does not delay the hand-back. Undefined for
 * anything else, and for any failure: readDocumentBytes then reads the file and says what is wrong.
 */
function readSmallDocument(full: string): Uint8Array | undefined {
  try {
    const info = statSync(full);
    if (!info.isFile() || info.size === 0 || info.size > SYNC_READ_MAX) return undefined;
    const bytes = readFileSync(full);
    return bytes.length <= SYNC_READ_MAX ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a file as annotate does (size limit). A regular file is read with one
 * read of its whole size, which a thread of Node's pool does while the main
 * thread works (readFile reads 512 KB at a time, each step waiting for the
 * main thread); anything else (a pipe, /dev/stdin) is read to its end.
 */
export async function readDocumentBytes(file: string, full: string): Promise<Uint8Array> {
  let fd: number | undefined;
  try {
    fd = await openAsync(full, 'r');
    const info = await fstatAsync(fd);
    if (info.size > MAX_DOCUMENT_BYTES) throw new SkippedFile(`too large (${info.size} bytes, the limit is ${MAX_DOCUMENT_BYTES})`);
    if (!info.isFile() || info.size === 0) return await readFileAsync(fd);
    const bytes = Buffer.allocUnsafe(info.size);
    let got = 0;
    while (got < bytes.length) {
      const bytesRead = await readAsync(fd, bytes, got, bytes.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    if (got < bytes.length) return bytes.subarray(0, got);
    // A file that grew while it was read is read again whole, as readFile would (and checked against the limit).
    if ((await readAsync(fd, Buffer.alloc(1), 0, 1, got)) === 0) return bytes;
    const whole = await readFileAsync(full);
    if (whole.length > MAX_DOCUMENT_BYTES) throw new SkippedFile(`too large (${whole.length} bytes, the limit is ${MAX_DOCUMENT_BYTES})`);
    return whole;
  } catch (e) {
    throw e instanceof SkippedFile ? e : new SkippedFile(fsMessage(e));
  } finally {
    if (fd !== undefined) await closeAsync(fd).catch(() => undefined);
  }
}

// node:fs's callbacks, not node:fs/promises: the command starts without loading that module (and the streams and
// readline modules it brings), about 3 ms of a 150 ms budget.
const openAsync = promisify(open);
const fstatAsync = promisify(fstat) as (fd: number) => Promise<Stats>;
const readAsync = (fd: number, buffer: Uint8Array, offset: number, length: number, position: number): Promise<number> =>
  new Promise((done, fail) => read(fd, buffer, offset, length, position, (e, n) => (e ? fail(e) : done(n))));
const readFileAsync = promisify(readFile) as (path: string | number) => Promise<Buffer>;
const closeAsync = promisify(close);

/**
 * Appends the files to read under `path` (as shown to the user) in sorted
 * order. `seen` holds the real paths of directories already walked, so a
 * symlink loop is walked once.
 */
export async function collect(path: string, full: string, explicit: boolean, files: string[], seen: Set<string>, skip: (file: string, message: string) => void): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(full).isDirectory();
  } catch (e) {
    skip(path, fsMessage(e));
    return;
  }
  if (!isDirectory) {
    if (explicit || WALKED_EXTENSIONS.includes(extname(path).toLowerCase())) files.push(path);
    return;
  }
  let entries: Dirent[];
  try {
    const real = realpathSync(full);
    if (seen.has(real)) return;
    seen.add(real);
    entries = readdirSync(full, { withFileTypes: true });
  } catch (e) {
    skip(path, fsMessage(e));
    return;
  }
  const names = entries.map((d) => d.name).sort(byCodeUnits);
  for (const name of names) await collect(join(path, name), join(full, name), false, files, seen, skip);
}

/** Plain code-unit order: the same on every machine and locale. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
