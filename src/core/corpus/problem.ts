/**
 * A problem found while loading or validating a corpus, addressed the way a
 * person fixing the file needs it: the file, then a JSON path such as
 * `positions[12].source` (or a line and column for JSON syntax errors).
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** The file as the user named it, e.g. "seed.json". */
  file: string;
  /** JSON path into the document, e.g. `entities[3].aliases[0].text`; "" for the whole document. */
  path: string;
  message: string;
  /** 1-based line and column, for problems found before the JSON could be parsed. */
  line?: number;
  column?: number;
}

/** `seed.json: positions[12].source: unknown source "doc-9"`; warnings say so. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  const path = p.path === '' ? '' : `${p.path}: `;
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${path}${tag}${p.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Joins path segments: `["positions", 12, "source"]` → `positions[12].source`. */
export function jsonPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (IDENTIFIER.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
