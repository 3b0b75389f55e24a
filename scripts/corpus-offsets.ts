/**
 * Authoring helper for corpus files whose sources live in text files.
 *
 * Writing UTF-16 offsets by hand is error-prone, so a position may be written
 * with `"anchor": "<the supporting sentence(s), copied verbatim>"` in place of
 * `"passage"`. This script replaces every anchor with the passage's offsets and
 * checks that each quote lies verbatim inside its passage.
 *
 *   npx tsx scripts/corpus-offsets.ts corpus/seed.json           # resolve anchors, rewrite the file
 *   npx tsx scripts/corpus-offsets.ts corpus/seed.json --check   # verify only, exit 1 on a problem
 *
 * Texts are read as UTF-8 exactly as stored (no trimming or normalisation),
 * so JavaScript string indices are the UTF-16 offsets the schema asks for.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Objects and arrays of primitives shorter than this are printed on one line (one alias per line). */
const INLINE_WIDTH = 110;

export type Span = { start: number; end: number };

type JsonObject = { [key: string]: unknown };

/** The span of `needle` in `text`; throws unless it occurs exactly once. */
export function locateUnique(text: string, needle: string): Span {
  const start = text.indexOf(needle);
  if (needle.length === 0 || start < 0) throw new Error(`not found in the text: ${JSON.stringify(needle)}`);
  if (text.indexOf(needle, start + 1) >= 0) {
    throw new Error(`occurs more than once, lengthen the anchor: ${JSON.stringify(needle)}`);
  }
  return { start, end: start + needle.length };
}

/** Problems with one position's passage and quote, as messages a person can act on. */
export function checkPassage(text: string, passage: Span, quote: string | undefined): string[] {
  const problems: string[] = [];
  if (passage.start < 0 || passage.end > text.length || passage.start >= passage.end) {
    problems.push(`passage ${passage.start}-${passage.end} lies outside the text (length ${text.length})`);
    return problems;
  }
  if (quote !== undefined && !text.slice(passage.start, passage.end).includes(quote)) {
    problems.push(`quote not found verbatim inside its passage: ${JSON.stringify(quote)}`);
  }
  return problems;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLeaf(value: unknown): boolean {
  if (Array.isArray(value)) return value.every((item) => typeof item !== 'object' || item === null);
  if (isObject(value)) return Object.values(value).every((item) => typeof item !== 'object' || item === null);
  return true;
}

/** JSON with small flat objects and arrays kept on one line, so a diff shows one alias or span per line. */
export function formatJson(value: unknown, indent = ''): string {
  if (!Array.isArray(value) && !isObject(value)) return JSON.stringify(value);
  if (isLeaf(value)) {
    const inline = Array.isArray(value)
      ? `[${value.map((item) => JSON.stringify(item)).join(', ')}]`
      : `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
    if (indent.length + inline.length <= INLINE_WIDTH) return inline.replace(/^\{  \}$/, '{}');
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + formatJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

function sourceTexts(corpus: JsonObject, corpusPath: string): Map<string, string> {
  const textDir = resolve(dirname(corpusPath), typeof corpus.textDir === 'string' ? corpus.textDir : '.');
  const texts = new Map<string, string>();
  for (const source of Array.isArray(corpus.sources) ? corpus.sources : []) {
    if (!isObject(source) || typeof source.id !== 'string') continue;
    if (typeof source.text === 'string') texts.set(source.id, source.text);
    else if (typeof source.file === 'string') texts.set(source.id, readFileSync(resolve(textDir, source.file), 'utf8'));
  }
  return texts;
}

/** Replaces anchors by passages in place and returns every problem found. */
export function resolveAnchors(corpus: JsonObject, texts: Map<string, string>): string[] {
  const problems: string[] = [];
  const positions = Array.isArray(corpus.positions) ? corpus.positions : [];
  corpus.positions = positions.map((position: unknown) => {
    if (!isObject(position)) return position;
    const where = `position ${String(position.id)}`;
    const text = typeof position.source === 'string' ? texts.get(position.source) : undefined;
    if (text === undefined) {
      problems.push(`${where}: unknown source ${String(position.source)}`);
      return position;
    }
    let result = position;
    if (typeof position.anchor === 'string') {
      try {
        const passage = locateUnique(text, position.anchor);
        result = Object.fromEntries(
          Object.entries(position).map(([k, v]) => (k === 'anchor' ? ['passage', passage] : [k, v])),
        );
      } catch (error) {
        problems.push(`${where}: ${(error as Error).message}`);
        return position;
      }
    }
    const passage = result.passage;
    if (!isObject(passage) || typeof passage.start !== 'number' || typeof passage.end !== 'number') {
      problems.push(`${where}: no passage and no anchor`);
      return result;
    }
    const quote = typeof result.quote === 'string' ? result.quote : undefined;
    problems.push(...checkPassage(text, { start: passage.start, end: passage.end }, quote).map((p) => `${where}: ${p}`));
    return result;
  });
  return problems;
}

function main(argv: string[]): number {
  const [corpusPath, flag] = argv;
  if (corpusPath === undefined || (flag !== undefined && flag !== '--check')) {
    console.error('usage: tsx scripts/corpus-offsets.ts <corpus.json> [--check]');
    return 2;
  }
  const corpus: unknown = JSON.parse(readFileSync(corpusPath, 'utf8'));
  if (!isObject(corpus)) throw new Error(`${corpusPath} does not hold a JSON object`);
  const before = JSON.stringify(corpus.positions);
  const problems = resolveAnchors(corpus, sourceTexts(corpus, corpusPath));
  for (const problem of problems) console.error(problem);
  if (flag === '--check') {
    const unresolved = JSON.stringify(corpus.positions) !== before;
    if (unresolved) console.error('some positions still carry an "anchor": run without --check');
    return problems.length > 0 || unresolved ? 1 : 0;
  }
  if (problems.length > 0) return 1;
  writeFileSync(corpusPath, `${formatJson(corpus)}\n`);
  console.log(`${corpusPath}: ${positionsCount(corpus)} positions, offsets resolved`);
  return 0;
}

function positionsCount(corpus: JsonObject): number {
  return Array.isArray(corpus.positions) ? corpus.positions.length : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
