import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportJsonLd, parseJsonLd } from '../core/annotations/index.ts';
import { sampleHighlight } from '../core/annotations/testing.ts';
import { OnRecordDb } from './db.ts';
import {
  deleteHighlights,
  highlightsForUrls,
  importHighlights,
  listHighlights,
  recordAnchoring,
  restoreHighlights,
  tagCounts,
  undoImport,
  updateHighlight,
} from './highlights-store.ts';

let n = 0;
const dbs: OnRecordDb[] = [];
function freshDb(): OnRecordDb {
  const db = new OnRecordDb(`hl-test-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('highlights store', () => {
  it('export, then import into an empty database, gives back exactly what was exported', async () => {
    const source = freshDb();
    const rows = Array.from({ length: 25 }, (_, i) => sampleHighlight(i));
    await importHighlights(source, rows);
    const now = new Date(Date.UTC(2024, 5, 1));
    const text = exportJsonLd(await listHighlights(source), now);
    const target = freshDb();
    const summary = await importHighlights(target, parseJsonLd('backup.jsonld', text));
    expect(summary).toMatchObject({ added: 25, updated: 0, unchanged: 0, conflicts: [] });
    expect(exportJsonLd(await listHighlights(target), now)).toBe(text);
  });

  it('merges by id: the newer edit wins, nothing is duplicated', async () => {
    const db = freshDb();
    const h = sampleHighlight(1);
    await importHighlights(db, [h]);
    const newer = { ...h, note: 'edited elsewhere', updatedAt: h.updatedAt + 1 };
    const older = { ...h, note: 'stale', updatedAt: h.updatedAt - 1 };
    expect(await importHighlights(db, [newer, sampleHighlight(2)])).toMatchObject({ added: 1, updated: 1, unchanged: 0, conflicts: [] });
    // An older copy that differs is a conflict: yours stays, and it is listed (not "already up to date").
    expect(await importHighlights(db, [older])).toMatchObject({
      added: 0, updated: 0, unchanged: 0, conflicts: [{ id: h.id, quote: h.selectors.quote.exact.slice(0, 80), reason: 'older' }],
    });
    // A note edited in the file without a newer modification time: listed as well.
    const sameTime = { ...newer, note: 'edited by hand in the file' };
    expect((await importHighlights(db, [sameTime])).conflicts.map((c) => c.reason)).toEqual(['same-time']);
    expect(await importHighlights(db, [newer])).toMatchObject({ added: 0, updated: 0, unchanged: 1, conflicts: [] });
    expect(await db.highlights.count()).toBe(2);
    expect((await db.highlights.get(h.id))?.note).toBe('edited elsewhere');
  });

  it('a conflict settled for the file\'s copy is written as the newest edit; undo puts everything back', async () => {
    const db = freshDb();
    const h = sampleHighlight(1, { note: 'mine' });
    const k = sampleHighlight(3, { note: 'kept' });
    await importHighlights(db, [h, k]);
    const handEdited = { ...h, note: 'edited by hand in the file' }; // same modification time: a conflict
    const first = await importHighlights(db, [handEdited, sampleHighlight(2)]);
    expect(first.conflicts.map((c) => c.id)).toEqual([h.id]);
    expect(first.addedIds).toEqual([sampleHighlight(2).id]);
    const taken = await importHighlights(db, [handEdited, sampleHighlight(2)], { takeFile: new Set([h.id]), now: h.updatedAt + 5_000 });
    expect(taken).toMatchObject({ added: 0, updated: 1, unchanged: 1, conflicts: [] });
    expect(taken.replaced).toEqual([h]);
    const stored = (await db.highlights.get(h.id))!;
    expect(stored.note).toBe('edited by hand in the file');
    expect(stored.updatedAt).toBe(h.updatedAt + 5_000);
    // The file's copy is now the newest: importing the same file again changes nothing.
    expect(await importHighlights(db, [handEdited])).toMatchObject({ updated: 0, conflicts: [] });

    await undoImport(db, taken);
    expect((await db.highlights.get(h.id))!.note).toBe('mine');
    await undoImport(db, first);
    expect((await listHighlights(db)).map((x) => x.id).sort()).toEqual([h.id, k.id].sort());
  });

  it('undo of an import keeps a row the user edited since the import, and says which (audit 9, issue 14)', async () => {
    const db = freshDb();
    const h = sampleHighlight(1, { note: 'mine' });
    const other = sampleHighlight(2, { note: 'other, mine' });
    await importHighlights(db, [h, other]);
    const summary = await importHighlights(db, [
      { ...h, note: 'from the file', updatedAt: h.updatedAt + 10 },
      { ...other, note: 'other, from the file', updatedAt: other.updatedAt + 10 },
      sampleHighlight(3, { note: 'new in the file' }),
      sampleHighlight(4, { note: 'also new' }),
    ]);
    expect(summary).toMatchObject({ added: 2, updated: 2 });
    // After the import the user types a note on one replaced row and on one added row, through the same write the
    // note window and the library use.
    await updateHighlight(db, h.id, { note: 'typed after the import' }, h.updatedAt + 20);
    await updateHighlight(db, sampleHighlight(4).id, { tags: ['kept'] }, h.updatedAt + 20);
    const undone = await undoImport(db, summary);
    expect(undone).toEqual({ removed: 1, restored: 1, kept: [sampleHighlight(4).id, h.id] });
    const notes = new Map((await listHighlights(db)).map((x) => [x.id, x.note]));
    expect(notes.get(h.id)).toBe('typed after the import'); // the later note is not lost
    expect(notes.get(other.id)).toBe('other, mine'); // untouched since the import: put back
    expect(notes.has(sampleHighlight(3).id)).toBe(false); // added and untouched: removed
    expect(notes.get(sampleHighlight(4).id)).toBe('also new'); // added, then edited: kept
    expect((await db.highlights.get(sampleHighlight(4).id))!.tags).toEqual(['kept']);
  });

  it('undo of an import leaves a replaced row the user deleted since deleted, and an orphan mark found since', async () => {
    const db = freshDb();
    const h = sampleHighlight(1, { note: 'mine' });
    const k = sampleHighlight(2, { note: 'k, mine' });
    await importHighlights(db, [h, k]);
    const summary = await importHighlights(db, [
      { ...h, note: 'file', updatedAt: h.updatedAt + 10 },
      { ...k, note: 'k, file', updatedAt: k.updatedAt + 10 },
      sampleHighlight(3),
    ]);
    await deleteHighlights(db, [h.id, sampleHighlight(3).id]);
    await recordAnchoring(db, [], [k.id], 12_345); // the next visit could not place it: not an edit
    expect(await undoImport(db, summary)).toEqual({ removed: 0, restored: 1, kept: [h.id] });
    expect(await db.highlights.get(h.id)).toBeUndefined();
    expect(await db.highlights.get(sampleHighlight(3).id)).toBeUndefined();
    expect(await db.highlights.get(k.id)).toEqual({ ...k, orphanedAt: 12_345 });
  });

  it('writes an import in one transaction: a failing row leaves the database as it was', async () => {
    const db = freshDb();
    await importHighlights(db, [sampleHighlight(1)]);
    // A row IndexedDB cannot key (no id) makes bulkPut fail after the valid rows were queued.
    const broken = { ...sampleHighlight(3), id: undefined } as unknown as ReturnType<typeof sampleHighlight>;
    await expect(importHighlights(db, [sampleHighlight(2), broken])).rejects.toThrow();
    expect((await listHighlights(db)).map((h) => h.id)).toEqual([sampleHighlight(1).id]);
  });

  it('finds a page\'s highlights by its URL or canonical URL, in reading order', async () => {
    const db = freshDb();
    const a = sampleHighlight(0, { pageUrl: 'https://e.example/a', selectors: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 50, end: 51 } } });
    const b = sampleHighlight(1, { pageUrl: 'https://e.example/amp/a', canonicalUrl: 'https://e.example/a', selectors: { quote: { exact: 'y', prefix: '', suffix: '' }, position: { start: 5, end: 6 } } });
    const c = sampleHighlight(2, { pageUrl: 'https://e.example/other' });
    await importHighlights(db, [a, b, c]);
    expect((await highlightsForUrls(db, ['https://e.example/a'])).map((h) => h.id)).toEqual([b.id, a.id]);
  });

  it('updates, deletes, restores, counts tags and marks orphans without losing them', async () => {
    const db = freshDb();
    const h = sampleHighlight(0);
    await importHighlights(db, [h, sampleHighlight(2)]);
    const next = await updateHighlight(db, h.id, { note: 'n', tags: [' b ', 'B', 'a'], color: 'green' }, h.updatedAt + 5);
    expect(next).toMatchObject({ note: 'n', tags: ['b', 'a'], color: 'green', updatedAt: h.updatedAt + 5 });
    expect(await tagCounts(db)).toEqual([{ tag: 'a', count: 1 }, { tag: 'b', count: 1 }, { tag: 'follow up', count: 1 }]);
    await recordAnchoring(db, [], [h.id], 99);
    expect((await db.highlights.get(h.id))?.orphanedAt).toBe(99);
    await recordAnchoring(db, [h.id], [], 100);
    expect((await db.highlights.get(h.id))?.orphanedAt).toBeUndefined();
    await deleteHighlights(db, [h.id]);
    expect(await db.highlights.get(h.id)).toBeUndefined();
    await restoreHighlights(db, [next]);
    expect(await db.highlights.get(h.id)).toEqual(next);
    await expect(updateHighlight(db, 'missing', { note: 'x' })).rejects.toThrow(/no longer exists/);
  });
});
