/**
 * What the Highlights tab needs from the extension: the database (extension
 * pages share the service worker's origin, so they open it directly — 10,000
 * rows do not fit a runtime message comfortably) and one message, "open",
 * since only the background can remember which tab should scroll where.
 */
import type { HighlightPatch, SavedHighlight } from '../../../core/annotations/model.ts';
import { OnRecordDb } from '../../../storage/db.ts';
import {
  deleteHighlights,
  importHighlights,
  listHighlights,
  restoreHighlights,
  undoImport,
  updateHighlight,
  type ImportOptions,
  type ImportSummary,
  type UndoImportResult,
} from '../../../storage/highlights-store.ts';
import { ask } from '../../ask-background.ts';

export interface LibraryStore {
  list(): Promise<SavedHighlight[]>;
  entityLabels(): Promise<Map<string, string>>;
  update(id: string, patch: HighlightPatch): Promise<SavedHighlight>;
  remove(ids: readonly string[]): Promise<void>;
  restore(highlights: readonly SavedHighlight[]): Promise<void>;
  import(highlights: readonly SavedHighlight[], opts?: ImportOptions): Promise<ImportSummary>;
  undoImport(done: Pick<ImportSummary, 'addedIds' | 'replaced' | 'written'>): Promise<UndoImportResult>;
  open(id: string): Promise<void>;
}

export function dexieLibraryStore(db = new OnRecordDb()): LibraryStore {
  return {
    list: () => listHighlights(db),
    entityLabels: async () => new Map((await db.entities.toArray()).map((e) => [e.id, e.label])),
    update: (id, patch) => updateHighlight(db, id, patch),
    remove: (ids) => deleteHighlights(db, ids),
    restore: (highlights) => restoreHighlights(db, highlights),
    import: (highlights, opts) => importHighlights(db, highlights, opts),
    undoImport: (done) => undoImport(db, done),
    open: async (id) => {
      await ask<object>({ type: 'page-bg-highlight-open', id });
    },
  };
}
