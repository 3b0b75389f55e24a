/**
 * Turning bytes or text into a validated corpus, without touching the file
 * system (the CLI reads files, the extension reads uploads; both end here).
 * Every failure becomes a Problem with a message a person can act on.
 */
import { findJsonSyntaxError } from './json-syntax.ts';
import type { Problem } from './problem.ts';
import { MAX_CORPUS_BYTES } from './size-limit.ts';
import { validateCorpus, type ValidateOptions, type ValidationResult } from './validate.ts';

export { MAX_CORPUS_BYTES };

/** How far into the file to look for NUL bytes: text never has them, most binaries do early on. */
const BINARY_SNIFF_BYTES = 8192;

export function tooLargeProblem(fileName: string, size: number): Problem {
  return problem(fileName, `the file is ${megabytes(size)}, over the ${megabytes(MAX_CORPUS_BYTES)} limit for a corpus (MAX_CORPUS_BYTES); it was not read`);
}

/** Checks size and encoding and decodes UTF-8 (dropping a byte-order mark). */
export function decodeCorpusBytes(bytes: Uint8Array, fileName: string): { text?: string; problems: Problem[] } {
  if (bytes.length > MAX_CORPUS_BYTES) return { problems: [tooLargeProblem(fileName, bytes.length)] };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problems: [problem(fileName, 'the file is UTF-16 text; a corpus must be saved as UTF-8')] };
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { problems: [problem(fileName, 'this is a binary file, not a corpus (a corpus is a UTF-8 JSON text file)')] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { problems: [problem(fileName, 'the file is not valid UTF-8 text; a corpus is a UTF-8 JSON text file')] };
  }
  return { text, problems: [] };
}

/** Parses JSON; on failure reports the line and column of the first syntax error. */
export function parseCorpusJson(text: string, fileName: string): { value?: unknown; problems: Problem[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { problems: [problem(fileName, 'the file is empty; a corpus is a JSON object')] };
  try {
    return { value: JSON.parse(body) as unknown, problems: [] };
  } catch (err) {
    const where = findJsonSyntaxError(body);
    if (!where) return { problems: [problem(fileName, `not valid JSON: ${err instanceof Error ? err.message : String(err)}`)] };
    const hint = /^\s*[{[]/.test(body) ? '' : ' (this does not look like JSON at all: a corpus starts with "{")';
    return {
      problems: [{ ...problem(fileName, `not valid JSON: ${where.message}${hint}`), line: where.line, column: where.column }],
    };
  }
}

/** Parses and validates corpus text. */
export function loadCorpusText(text: string, opts: ValidateOptions): ValidationResult {
  const parsed = parseCorpusJson(text, opts.fileName);
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  return validateCorpus(parsed.value, opts);
}

/** Decodes, parses and validates corpus bytes (an upload, a fetched file). */
export function loadCorpusBytes(bytes: Uint8Array, opts: ValidateOptions): ValidationResult {
  const decoded = decodeCorpusBytes(bytes, opts.fileName);
  if (decoded.text === undefined) return { problems: decoded.problems };
  return loadCorpusText(decoded.text, opts);
}

function problem(file: string, message: string): Problem {
  return { severity: 'error', file, path: '', message };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
