/**
 * Which stage of the extension's work a sampled stack belongs to (issue 15: "what the added time is made of"), from
 * the source module of its innermost extension frame. An unminified build (BENCH_PAGE_MINIFY=0) keeps a
 * `// src/….ts` line above each module's code; a minified one does not, and its samples are named by file only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleOf } from './trace.ts';

/** Where each module's code starts in the built files of `distDir` (read once per file), as a ModuleOf. */
export function moduleMap(distDir: string): ModuleOf {
  const files = new Map<string, { lines: number[]; names: string[] } | null>();
  const read = (path: string) => {
    let f = files.get(path);
    if (f !== undefined) return f;
    const file = join(distDir, path);
    f = null;
    if (existsSync(file)) {
      const lines: number[] = [];
      const names: string[] = [];
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const m = /^\s*\/\/ (src\/[\w./-]+\.tsx?)$/.exec(line);
        if (m) {
          lines.push(i);
          names.push(m[1]!);
        }
      });
      if (lines.length > 0) f = { lines, names };
    }
    files.set(path, f);
    return f;
  };
  return (url, line) => {
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      return undefined;
    }
    const f = read(path);
    if (!f || line < 0) return undefined;
    // The last module that starts at or before the line.
    let low = 0;
    let high = f.lines.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (f.lines[mid]! <= line) low = mid + 1;
      else high = mid;
    }
    return low > 0 ? f.names[low - 1] : undefined;
  };
}

const STAGES: ReadonlyArray<[RegExp, string]> = [
  [/^\(garbage collector\)$/, 'garbage collection (in our tasks)'],
  [/^src\/page-text\/(extract-text|text-builder|element-rules)\.ts$/, 'text extraction'],
  [/^src\/content\/(record-client|ask|runtime)\.ts$/, 'transfer to the worker (messages)'],
  [/^src\/(content\/guards|shared\/page-scan)\.ts$/, "reading the worker's answers"],
  [/^src\/page-text\/visibility\.ts$/, 'style read per mention (is it rendered)'],
  [/^src\/(page-text\/(locate|ranges)|content\/mention-store)\.ts$/, 'mentions: boundaries, ranges, store'],
  [/^src\/content\/(viewport-painter|highlight-registry)\.ts$/, 'highlights: painter and registry'],
  [/^src\/content\/annotator\.ts$/, 'annotator: chunks and drawing loop'],
  [/^src\/content\/parser-follower\.ts$/, 'early pass while the page loads'],
  [/^src\/content\/(dom-watch|reanchor-need)\.ts$/, 'observers (DOM watch)'],
  [/^src\/content\/(private-marks|shadow-host|saved-\w+|claim-marks)\.ts$/, 'private marks layer (saved highlights, checked claims)'],
  [/^src\/content\/(time-slicer|activity)\.ts$/, 'scheduling (time slicer)'],
];

/** The stage of a module name (a byModule entry); modules outside the table are their own stage. */
export function stageOf(module: string): string {
  for (const [re, stage] of STAGES) if (re.test(module)) return stage;
  return `other: ${module}`;
}
