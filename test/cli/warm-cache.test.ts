/**
 * Issue 15, command start: `npm ci`'s prepare step (scripts/build-cli.mjs --warm) fills the build's cache, so the
 * first `onrecord annotate` after an install finds the bundled corpus's start snapshot and annotate's code cache,
 * from the repository's root and from any other folder, and stores nothing more. Each case works on its own copy
 * of the build (bin/, dist/cli/ without its cache, corpus/), so the other tests' runs do not touch its cache.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// @ts-expect-error: a plain ES module script without type declarations
const { warmCli } = (await import('../../scripts/build-cli.mjs')) as { warmCli: (root: string) => string[] };

const tmp = mkdtempSync(join(tmpdir(), 'onrecord-warm-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const elsewhere = join(tmp, 'elsewhere');
mkdirSync(elsewhere);
const text = join(elsewhere, 'one-line.txt');
writeFileSync(text, 'Dmitry Peskov said the talks in Istanbul were over.\n');

/** A copy of the current build (globalSetup built it) with an empty cache. */
function copyOfBuild(name: string): string {
  const root = join(tmp, name);
  cpSync(join(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'corpus'), join(root, 'corpus'), { recursive: true });
  cpSync(join(ROOT, 'dist/cli'), join(root, 'dist/cli'), { recursive: true, filter: (src) => !src.startsWith(join(ROOT, 'dist/cli/cache')) });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

/** Every file under the build's cache with its size and modification time. */
function cacheListing(root: string): string[] {
  const dir = join(root, 'dist/cli/cache');
  const out: string[] = [];
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const full = join(d, name);
      const info = statSync(full);
      if (info.isDirectory()) walk(full);
      else out.push(`${full.slice(dir.length)} ${info.size} ${info.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

const annotate = (root: string, cwd: string): string => execFileSync(process.execPath, [join(root, 'bin/onrecord.cjs'), 'annotate', text], { cwd, encoding: 'utf8' });
const rowsOf = (jsonl: string) => jsonl.trim().split('\n').map((line) => JSON.parse(line) as { text: string; entityId: string });

describe('the prepare step warms the build cache', () => {
  it('without it, a first run stores the start snapshot and the code cache', () => {
    const root = copyOfBuild('cold');
    expect(cacheListing(root)).toEqual([]);
    const rows = rowsOf(annotate(root, elsewhere));
    expect(rows.map((r) => r.entityId)).toEqual(['dmitry-peskov', 'istanbul-talks']);
    const listing = cacheListing(root);
    expect(listing.some((f) => f.startsWith('/annotate-start/'))).toBe(true);
    expect(listing.some((f) => f.startsWith('/code/annotate.'))).toBe(true);
  });

  it('after it, first runs from the root and from elsewhere find everything and store nothing', () => {
    const root = copyOfBuild('warm');
    expect(warmCli(root)).toEqual([]);
    const warmed = cacheListing(root);
    expect(warmed.filter((f) => f.startsWith('/annotate-start/'))).toHaveLength(2);
    expect(warmed.filter((f) => f.startsWith('/code/annotate.'))).toHaveLength(1);
    for (const cwd of [elsewhere, root, join(root, 'dist')]) {
      const rows = rowsOf(annotate(root, cwd));
      expect(rows.map((r) => [r.text, r.entityId])).toEqual([
        ['Dmitry Peskov', 'dmitry-peskov'],
        ['talks in Istanbul', 'istanbul-talks'],
      ]);
      expect(cacheListing(root)).toEqual(warmed);
    }
  });
});
