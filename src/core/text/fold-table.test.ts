import { describe, expect, it, vi } from 'vitest';
import { buildFoldTables, decodeFoldTables, encodeTables, type EncodedFoldTables } from './fold-table.ts';

/** A fresh copy of the modules, so that the shared tables start unfilled. */
async function freshModules(): Promise<{ table: typeof import('./fold-table.ts'); fold: typeof import('./fold.ts'); match: typeof import('../match/index.ts') }> {
  vi.resetModules();
  const table = await import('./fold-table.ts');
  const fold = await import('./fold.ts');
  const match = await import('../match/index.ts');
  return { table, fold, match };
}

describe('encoded fold tables', () => {
  const built = buildFoldTables();
  const encoded = encodeTables(built);

  it('decode to exactly the tables a fresh build makes', () => {
    const decoded = decodeFoldTables(structuredClone(encoded));
    expect(decoded.fold).toEqual(built.fold);
    expect(decoded.cls).toEqual(built.cls);
    expect([...decoded.expansions].sort()).toEqual([...built.expansions].sort());
  });

  it('are small: most units fold to themselves', () => {
    const bytes = (e: EncodedFoldTables): number => e.foldPairs.byteLength + e.classRunStarts.byteLength + e.classRunValues.byteLength;
    expect(bytes(encoded)).toBeLessThan(16_000);
    expect(bytes(encoded)).toBeGreaterThan(1_000);
  });
});

describe('shared tables', () => {
  it('are not built when a module is loaded, and are built on first fold', async () => {
    const { table, fold } = await freshModules();
    expect(table.foldTablesSource()).toBe('none');
    expect(table.CLASS.every((c) => c === 0)).toBe(true);
    expect(fold.foldString('KYIV Straße')).toBe('kyiv strasse');
    expect(table.foldTablesSource()).toBe('built');
  });

  it('are installed from a serialised matcher, never built, in a context that only loads matchers (a tab)', async () => {
    const worker = await freshModules();
    const entities = [{ id: 'x', type: 'place' as const, label: 'x', aliases: [{ text: 'Kyiv' }, { text: 'Київ', lang: 'uk' }], context: [] }];
    const stored = structuredClone(worker.match.serializeMatcher(worker.match.compileMatcher(entities)));
    const tab = await freshModules();
    const m = tab.match.loadMatcher(stored);
    expect(tab.table.foldTablesSource()).toBe('installed');
    const text = 'KYIV, Києва, Kyivstar';
    expect(m.scan(text).map((x) => text.slice(x.start, x.end))).toEqual(['KYIV', 'Києва']);
    expect(tab.table.FOLD).toEqual(buildFoldTables().fold);
  });
});
