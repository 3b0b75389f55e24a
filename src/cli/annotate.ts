/** `onrecord annotate [--corpus FILE] [--format jsonl|csv] [--print-text] PATH…` */
import { isUtf8 } from 'node:buffer';
import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Entity, EntityType } from '../core/corpus/schema.ts';
import { csvField, csvRow } from '../core/csv.ts';
import { compileMatcher, createDocumentContext, type Matcher, type Mention } from '../core/match/index.ts';
import { choice, CORPUS_OPTION, CORPUS_USAGE, parseCommandArgs } from './args.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from './command.ts';
import { EXPORT_FORMATS, type ExportFormat } from './export-records.ts';
import { HTML_EXTENSIONS, htmlToText } from './html-text.ts';
import { cachedMatcher } from './matcher-cache.ts';
import { requireCorpus } from './read-corpus.ts';
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

/** Rows are handed to the output in pieces of about this many bytes (one 20 MB string costs more in copying and GC than the rows). */
const OUTPUT_PIECE_BYTES = 1 << 20;

type RowWriter = (file: string, text: string, mentions: readonly Mention[]) => void;

/**
 * Writes a document's mentions as annotate's rows, in the order and with the
 * values `{ file, ...annotation }` would give (JSON Lines: the same keys in
 * the same order, as JSON.stringify writes them; CSV: csvRow's fields). Rows
 * are encoded straight into a buffer handed to `out` in pieces of about 1 MB;
 * each entity's part of a row is encoded once, not per mention.
 */
export function createRowWriter(entities: readonly Entity[], format: ExportFormat, out: (bytes: Uint8Array) => void): { write: RowWriter; flush: () => void } {
  const tails = new Map<string, Buffer>();
  for (const e of entities) {
    tails.set(e.id, Buffer.from(format === 'csv' ? `,${csvRow([e.id, e.label, e.type])}` : `,"entityId":${JSON.stringify(e.id)},"label":${JSON.stringify(e.label)},"type":${JSON.stringify(e.type)}}\n`));
  }
  let buf = Buffer.allocUnsafe(OUTPUT_PIECE_BYTES * 2);
  let at = 0;
  const flush = () => {
    if (at === 0) return;
    out(buf.subarray(0, at));
    // The stream may still hold the piece: the next rows go to a new buffer.
    buf = Buffer.allocUnsafe(OUTPUT_PIECE_BYTES * 2);
    at = 0;
  };
  const ascii = (s: string) => {
    at += buf.write(s, at, 'latin1');
  };
  const bytes = (b: Buffer) => {
    at += b.copy(buf, at);
  };
  const utf8 = (s: string) => {
    // A UTF-16 unit takes at most 3 bytes in UTF-8; a longer string than the room left gets a piece of its own.
    if (at + s.length * 3 > buf.length) {
      flush();
      if (s.length * 3 > buf.length) return void out(Buffer.from(s));
    }
    at += buf.write(s, at, 'utf8');
  };
  const write: RowWriter = (file, text, mentions) => {
    const head = Buffer.from(format === 'csv' ? `${csvField(file)},` : `{"file":${JSON.stringify(file)},"start":`);
    for (const m of mentions) {
      if (at >= OUTPUT_PIECE_BYTES) flush();
      bytes(head);
      const found = text.slice(m.start, m.end);
      if (format === 'csv') {
        ascii(`${m.start},${m.end},`);
        utf8(csvField(found));
      } else {
        ascii(`${m.start},"end":${m.end},"text":`);
        utf8(JSON.stringify(found));
      }
      bytes(tails.get(m.entityId)!);
    }
  };
  return { write, flush };
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
  const corpus = printText ? undefined : (await requireCorpus(values.corpus, io)).corpus;
  const entities = corpus?.entities;
  const matcher = corpus && cachedMatcher(corpus.entities, corpus.sides);
  const rows = entities && createRowWriter(entities, format, io.outBytes ? (b) => io.outBytes!(b) : (b) => io.out(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8')));

  if (matcher && format === 'csv') io.out(csvRow(ANNOTATION_COLUMNS));
  for (const file of files) {
    let text: string;
    try {
      text = await readDocument(file, resolve(io.cwd, file));
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
    rows.write(file, text, matcher.scan(text, createDocumentContext()));
    // Each file's rows leave before the next file is read (a reader of a long walk sees them as they come).
    rows.flush();
  }
  return status;
}

/** Reads a file as annotate does (size limit, binary check, HTML to text). */
export async function readDocumentBytes(file: string, full: string): Promise<Uint8Array> {
  try {
    const info = await stat(full);
    if (info.size > MAX_DOCUMENT_BYTES) throw new SkippedFile(`too large (${info.size} bytes, the limit is ${MAX_DOCUMENT_BYTES})`);
    return await readFile(full);
  } catch (e) {
    throw e instanceof SkippedFile ? e : new SkippedFile(fsMessage(e));
  }
}

async function readDocument(file: string, full: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    const info = await stat(full);
    if (info.size > MAX_DOCUMENT_BYTES) throw new SkippedFile(`too large (${info.size} bytes, the limit is ${MAX_DOCUMENT_BYTES})`);
    bytes = await readFile(full);
  } catch (e) {
    throw e instanceof SkippedFile ? e : new SkippedFile(fsMessage(e));
  }
  return documentText(file, bytes);
}

/**
 * Appends the files to read under `path` (as shown to the user) in sorted
 * order. `seen` holds the real paths of directories already walked, so a
 * symlink loop is walked once.
 */
export async function collect(path: string, full: string, explicit: boolean, files: string[], seen: Set<string>, skip: (file: string, message: string) => void): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(full)).isDirectory();
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
    const real = await realpath(full);
    if (seen.has(real)) return;
    seen.add(real);
    entries = await readdir(full, { withFileTypes: true });
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
