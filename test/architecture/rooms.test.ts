/**
 * Rooms import downward only. Every import in `src/` (static, dynamic, type-only, re-export, side effect)
 * is resolved to the room it lands in and checked against the rooms its own room may use. A file that
 * reaches up or sideways fails here with the import named, so the architecture in the README cannot rot
 * one convenient import at a time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Which rooms each room may import from (its own room is always allowed). */
export const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  shared: ['core'],
  'page-text': ['core', 'shared'],
  storage: ['core', 'shared'],
  ui: ['core', 'shared'],
  content: ['core', 'shared', 'page-text', 'ui'],
  background: ['core', 'shared', 'storage'],
  pages: ['core', 'shared', 'storage', 'ui'],
  cli: ['core', 'shared', 'page-text'],
};

const IMPORT = /(?:\bimport|\bexport)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The room a path under src/ belongs to, or null for a file outside src/ (the corpus JSON, test support). */
export function roomOf(path: string): string | null {
  const rel = relative(SRC, path);
  if (rel.startsWith('..')) return null;
  const first = rel.split(sep)[0]!;
  return first.includes('.') ? null : first;
}

export function importsOf(text: string): string[] {
  const specs: string[] = [];
  for (const m of text.matchAll(IMPORT)) specs.push((m[1] ?? m[2])!);
  return specs;
}

function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = roomOf(file)!;
    const allowed = ALLOWED[from];
    if (!allowed) {
      found.push(`${relative(SRC, file)}: room '${from}' is not in the architecture`);
      continue;
    }
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const to = roomOf(resolve(dirname(file), spec));
      if (to === null || to === from || allowed.includes(to)) continue;
      found.push(`${relative(SRC, file)} (${from}) imports '${spec}' (${to})`);
    }
  }
  return found;
}

describe('rooms', () => {
  it('every import goes to the same room or a room below it', () => {
    expect(violations()).toEqual([]);
  });

  it('finds imports of every form', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "import './e.css';",
      "const f = await import('./f.ts');",
      'import {\n  g,\n  h,\n} from "./g.ts";',
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './e.css', './f.ts', './g.ts']);
  });

  it('would catch an import up or sideways', () => {
    expect(roomOf(join(SRC, 'core/x.ts'))).toBe('core');
    expect(ALLOWED.core).not.toContain('content');
    expect(ALLOWED.content).not.toContain('background');
    expect(ALLOWED.pages).not.toContain('content');
    expect(ALLOWED.cli).not.toContain('content');
  });
});
