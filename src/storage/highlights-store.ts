/**
 * Highlights in the database: the reads and writes the service worker and
 * the library page share. Every write that touches several rows is one
 * transaction, so an import or an undo either happens whole or not at all.
 */
import type { HighlightPatch, SavedHighlight } from '../core/annotations/model.ts';
import { cleanTags } from '../core/annotations/model.ts';
import type { OnRecordDb } from './db.ts';

export async function putHighlight(db: OnRecordDb, h: SavedHighlight): Promise<void> {
  await db.highlights.put(h);
}

export function getHighlight(db: OnRecordDb, id: string): Promise<SavedHighlight | undefined> {
  return db.highlights.get(id);
}

/** Every highlight, newest first. */
export async function listHighlights(db: OnRecordDb): Promise<SavedHighlight[]> {
  return db.highlights.orderBy('createdAt').reverse().toArray();
}

/** The highlights filed under any of `urls` (a page's own URL and its canonical URL). */
export async function highlightsForUrls(db: OnRecordDb, urls: readonly string[]): Promise<SavedHighlight[]> {
  const wanted = [...new Set(urls)];
  const byUrl = await db.highlights.where('pageUrl').anyOf(wanted).toArray();
  const extra = await db.highlights.filter((h) => !!h.canonicalUrl && wanted.includes(h.canonicalUrl)).toArray();
  const seen = new Set(byUrl.map((h) => h.id));
  return [...byUrl, ...extra.filter((h) => !seen.has(h.id))].sort((a, b) => a.selectors.position.start - b.selectors.position.start);
}

export async function updateHighlight(db: OnRecordDb, id: string, patch: HighlightPatch, now = Date.now()): Promise<SavedHighlight> {
  return db.transaction('rw', db.highlights, async () => {
    const h = await db.highlights.get(id);
    if (!h) throw new Error('this highlight no longer exists (deleted in another tab?)');
    const next: SavedHighlight = {
      ...h,
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
      ...(patch.color !== undefined ? { color: patch.color } : {}),
      updatedAt: now,
    };
    await db.highlights.put(next);
    return next;
  });
}

export async function deleteHighlights(db: OnRecordDb, ids: readonly string[]): Promise<void> {
  await db.highlights.bulkDelete([...ids]);
}

/** Puts deleted highlights back exactly as they were (the library's Undo). */
export async function restoreHighlights(db: OnRecordDb, highlights: readonly SavedHighlight[]): Promise<void> {
  await db.highlights.bulkPut([...highlights]);
}

/** Every tag in use with how often, most used first: the editor's completion list. */
export async function tagCounts(db: OnRecordDb): Promise<Array<{ tag: string; count: number }>> {
  const counts = new Map<string, number>();
  await db.highlights.each((h) => {
    for (const t of h.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  });
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Records which highlights the last visit could and could not place (orphans are kept, only marked). */
export async function recordAnchoring(db: OnRecordDb, placed: readonly string[], orphaned: readonly string[], now = Date.now()): Promise<void> {
  await db.transaction('rw', db.highlights, async () => {
    const rows = await db.highlights.bulkGet([...placed, ...orphaned]);
    const orphans = new Set(orphaned);
    const changed: SavedHighlight[] = [];
    for (const h of rows) {
      if (!h) continue;
      if (orphans.has(h.id) && h.orphanedAt === undefined) changed.push({ ...h, orphanedAt: now });
      else if (!orphans.has(h.id) && h.orphanedAt !== undefined) {
        const { orphanedAt: _dropped, ...rest } = h;
        changed.push(rest);
      }
    }
    if (changed.length > 0) await db.highlights.bulkPut(changed);
  });
}

export interface ImportConflict {
  id: string;
  /** The start of the highlighted passage, to name it in the list. */
  quote: string;
  /** 'older': the file's copy was modified before yours; 'same-time': both claim the same modification time. */
  reason: 'older' | 'same-time';
}

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Highlights whose note, tags or colour differ from yours but are not newer: yours were kept, and they are listed. */
  conflicts: ImportConflict[];
  /** Your highlights as they were before this import wrote over them (updates, conflicts taken): what Undo puts back. */
  replaced: SavedHighlight[];
  /** Ids this import added: what Undo removes. */
  addedIds: string[];
  /**
   * Every row as this import wrote it (added and replaced ones). Undo touches only rows still exactly like this:
   * a row edited (or deleted) since the import is the user's later work and is kept.
   */
  written: SavedHighlight[];
}

/** What Undo of an import did: `kept` are the rows changed since the import, left as they are. */
export interface UndoImportResult {
  removed: number;
  restored: number;
  kept: string[];
}

export interface ImportOptions {
  /** Conflicts the user settled for the file's copy: written over yours, and made the newest edit. */
  takeFile?: ReadonlySet<string>;
  now?: number;
}

function sameContent(a: SavedHighlight, b: SavedHighlight): boolean {
  return a.note === b.note && a.color === b.color && a.tags.join('\u0000') === b.tags.join('\u0000');
}

/**
 * Writes imported highlights in one transaction. A highlight whose id exists
 * merges into it: the newer edit (by `updatedAt`, the file's `modified`) wins,
 * so importing the same file twice, or an older backup, never duplicates or
 * rolls back work. A copy that differs but is not newer is a conflict: yours
 * is kept and the conflict is reported, until the user takes the file's copy
 * (`takeFile`). What was replaced is returned, so the import can be undone.
 */
export async function importHighlights(db: OnRecordDb, incoming: readonly SavedHighlight[], opts: ImportOptions = {}): Promise<ImportSummary> {
  const now = opts.now ?? Date.now();
  return db.transaction('rw', db.highlights, async () => {
    const existing = await db.highlights.bulkGet(incoming.map((h) => h.id));
    const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, conflicts: [], replaced: [], addedIds: [], written: [] };
    const writes: SavedHighlight[] = [];
    incoming.forEach((h, i) => {
      const old = existing[i];
      const keepOrphan = (x: SavedHighlight) => (old?.orphanedAt !== undefined ? { ...x, orphanedAt: old.orphanedAt } : x);
      if (!old) {
        summary.added++;
        summary.addedIds.push(h.id);
        writes.push(h);
      } else if (h.updatedAt > old.updatedAt) {
        summary.updated++;
        summary.replaced.push(old);
        writes.push(keepOrphan(h));
      } else if (sameContent(old, h)) {
        summary.unchanged++;
      } else if (opts.takeFile?.has(h.id)) {
        // The user chose the file's copy: it becomes the newest edit, so a later merge keeps it.
        summary.updated++;
        summary.replaced.push(old);
        writes.push(keepOrphan({ ...h, updatedAt: Math.max(now, old.updatedAt + 1) }));
      } else {
        // Not newer, yet different (an older copy, or an edit made without touching "modified"): yours stay, and
        // the user sees which ones, instead of "already up to date".
        summary.conflicts.push({ id: h.id, quote: h.selectors.quote.exact.slice(0, 80), reason: h.updatedAt < old.updatedAt ? 'older' : 'same-time' });
      }
    });
    if (writes.length > 0) await db.highlights.bulkPut(writes);
    summary.written = writes;
    return summary;
  });
}

/** The parts of a row a user edits, with the modification time every edit moves: "still as the import left it". */
function sameAsWritten(now: SavedHighlight, written: SavedHighlight): boolean {
  return now.updatedAt === written.updatedAt && sameContent(now, written);
}

/**
 * Undo of an import, in one transaction: what it added is removed and what it replaced is put back, but only
 * where the row is still exactly as the import wrote it. A row edited since (a note typed after the import), or a
 * replaced row deleted since, is the user's later work: it is left as it is, and reported in `kept`.
 */
export async function undoImport(db: OnRecordDb, done: Pick<ImportSummary, 'addedIds' | 'replaced' | 'written'>): Promise<UndoImportResult> {
  return db.transaction('rw', db.highlights, async () => {
    const written = new Map(done.written.map((h) => [h.id, h]));
    const ids = [...new Set([...done.addedIds, ...done.replaced.map((h) => h.id)])];
    const rows = await db.highlights.bulkGet(ids);
    const current = new Map(ids.map((id, i) => [id, rows[i]]));
    const untouched = (id: string) => {
      const now = current.get(id);
      const wrote = written.get(id);
      return !!now && !!wrote && sameAsWritten(now, wrote);
    };
    const result: UndoImportResult = { removed: 0, restored: 0, kept: [] };
    const remove: string[] = [];
    const restore: SavedHighlight[] = [];
    for (const id of done.addedIds) {
      if (untouched(id)) remove.push(id);
      else if (current.get(id)) result.kept.push(id); // edited since; one deleted since is already gone
    }
    for (const old of done.replaced) {
      if (untouched(old.id)) {
        // The orphan mark is the last visit's finding, not the import's: keep the current one.
        const now = current.get(old.id)!;
        const { orphanedAt: _import, ...rest } = old;
        restore.push(now.orphanedAt !== undefined ? { ...rest, orphanedAt: now.orphanedAt } : rest);
      } else result.kept.push(old.id);
    }
    if (remove.length > 0) await db.highlights.bulkDelete(remove);
    if (restore.length > 0) await db.highlights.bulkPut(restore);
    result.removed = remove.length;
    result.restored = restore.length;
    return result;
  });
}
