/**
 * The library's Highlights tab: every saved highlight, newest first, grouped
 * by page; search and filters; edit; delete with Undo; open at the page;
 * export and import. Marks `library-first-render` and measures each
 * `library-filter` with the User Timing API for bench/library.ts.
 */
import { interfaceLocale } from '../../../ui/dates.ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../../core/i18n.ts';
import type { HighlightPatch, SavedHighlight } from '../../../core/annotations/index.ts';
import { EditDialog } from './edit-dialog.tsx';
import { RecordHighlightDialog } from '../record/record-highlight-dialog.tsx';
import { FilterBar } from './filter-bar.tsx';
import { facetsOf, filterHighlights, indexHighlights, isFiltered, NO_FILTERS, toRows, type HighlightFilters, type LibraryRow } from './highlight-filter.ts';
import { ItemRow, ITEM_ROW_PX, PageRow, PAGE_ROW_PX } from './highlight-rows.tsx';
import type { LibraryStore } from './library-store.ts';
import { richMessage } from './rich-message.tsx';
import { Toast, type ToastState } from './toast.tsx';
import { TransferBar } from './transfer-bar.tsx';
import { VirtualList } from './virtual-list.tsx';
import { localDraftShelf } from '../../../ui/draft-shelf.tsx';

/** How long "Deleted · Undo" stays: long enough to notice a slip and reach the button. */
export const UNDO_MS = 10_000;

/** The save command's default keys (manifest `commands`), shown in the empty library. */
const SAVE_SHORTCUT = ['Alt', 'Shift', 'H'] as const;

type Load = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready' };

const heightOf = (r: LibraryRow) => (r.kind === 'page' ? PAGE_ROW_PX : ITEM_ROW_PX);
const keyOf = (r: LibraryRow) => r.key;

export function HighlightsView({ store, locale = interfaceLocale() }: { store: LibraryStore; locale?: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [all, setAll] = useState<SavedHighlight[]>([]);
  const [labels, setLabels] = useState<Map<string, string>>(new Map());
  const [filters, setFilters] = useState<HighlightFilters>(NO_FILTERS);
  const [editing, setEditing] = useState<SavedHighlight | null>(null);
  const [recording, setRecording] = useState<SavedHighlight | null>(null);
  const [recorded, setRecorded] = useState<string>('');
  const [toast, setToast] = useState<ToastState | null>(null);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const firstRender = useRef(false);

  const reload = useCallback(async () => {
    try {
      const [list, names] = await Promise.all([store.list(), store.entityLabels()]);
      setAll(list);
      setLabels(names);
      setLoad({ status: 'ready' });
    } catch (err) {
      setLoad({ status: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  }, [store]);

  useEffect(() => {
    void reload();
    // Highlights saved in other tabs appear when the reader comes back to the library.
    const onVisible = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  const index = useMemo(() => indexHighlights(all), [all]);
  const facets = useMemo(() => facetsOf(index), [index]);
  const filtered = useMemo(() => {
    performance.mark('library-filter-start');
    const out = filterHighlights(index, filters);
    performance.measure('library-filter', 'library-filter-start');
    return out;
  }, [index, filters]);
  const rows = useMemo(() => toRows(filtered), [filtered]);
  const knownTags = useMemo(() => facets.tags.map((t) => t.value), [facets]);
  const entityLabel = useCallback((id: string) => labels.get(id) ?? id, [labels]);

  useEffect(() => {
    if (load.status === 'ready' && !firstRender.current) {
      firstRender.current = true;
      performance.mark('library-first-render');
    }
  }, [load.status]);

  const show = (t: Omit<ToastState, 'id'>, ms = 5_000) => {
    clearTimeout(toastTimer.current);
    setToast({ ...t, id: Date.now() });
    toastTimer.current = setTimeout(() => setToast(null), ms);
  };
  const fail = (what: MessageKey, err: unknown) => show({ text: t(what, err instanceof Error ? err.message : String(err)), error: true }, 8_000);

  const remove = async (h: SavedHighlight) => {
    try {
      await store.remove([h.id]);
      setAll((list) => list.filter((x) => x.id !== h.id));
      show(
        {
          text: t('libraryDeleted'),
          action: {
            label: t('libraryUndo'),
            run: () => {
              store.restore([h]).then(() => setAll((list) => [...list.filter((x) => x.id !== h.id), h].sort((a, b) => b.createdAt - a.createdAt)), (err: unknown) => fail('libraryUndoFailed', err));
            },
          },
        },
        UNDO_MS,
      );
    } catch (err) {
      fail('libraryDeleteFailed', err);
    }
  };

  /** Save, or Esc / Close / a click away with something typed: the change is stored, and Undo puts back what was there. */
  const save = async (h: SavedHighlight, patch: HighlightPatch) => {
    const put = (x: SavedHighlight) => setAll((list) => list.map((y) => (y.id === x.id ? x : y)));
    put(await store.update(h.id, patch));
    show(
      {
        text: t('libraryNoteSaved'),
        action: {
          label: t('libraryUndo'),
          run: () => {
            store.update(h.id, { note: h.note, tags: h.tags, color: h.color }).then(put, (err: unknown) => fail('libraryUndoFailed', err));
          },
        },
      },
      UNDO_MS,
    );
  };

  const open = (h: SavedHighlight) => {
    store.open(h.id).catch((err: unknown) => fail('libraryOpenFailed', err));
  };

  if (load.status === 'loading') return <p class="hl-empty">{t('libraryLoading')}</p>;
  if (load.status === 'error') {
    return (
      <div class="hl-empty" role="alert">
        <p>{t('libraryLoadFailed', load.error)}</p>
        <button type="button" onClick={() => void reload()}>
          {t('libraryTryAgain')}
        </button>
      </div>
    );
  }

  return (
    <div class="hl-view">
      <FilterBar filters={filters} facets={facets} entityLabel={entityLabel} shown={filtered.length} total={all.length} onChange={setFilters} />
      <TransferBar
        all={all}
        filtered={filtered}
        isFiltered={isFiltered(filters)}
        store={store}
        onImported={(message, undo) => {
          if (!message) return setToast(null);
          void reload();
          show(
            {
              text: message,
              ...(undo ? { action: { label: t('libraryUndo'), run: () =>
                      void undo().then(
                        (done) => {
                          void reload();
                          show({ text: done });
                        },
                        (err: unknown) => fail('libraryUndoFailed', err),
                      ), } } : {}),
            },
            8_000,
          );
        }}
      />
      {all.length === 0 ? (
        <div class="hl-empty">
          <h2>{t('libraryEmptyTitle')}</h2>
          <p>
            {richMessage('libraryEmptyHint', [
              <strong key="button">{t('selectionSaveHighlight')}</strong>,
              <span key="keys">
                {SAVE_SHORTCUT.flatMap((k, i) => [...(i > 0 ? ['+'] : []), <kbd key={k}>{k}</kbd>])}
              </span>,
            ])}
          </p>
          <p>{richMessage('libraryEmptyImportHint', [<strong key="import">{t('libraryImport')}</strong>])}</p>
        </div>
      ) : filtered.length === 0 ? (
        <div class="hl-empty">
          <h2>{t('libraryNoMatchTitle')}</h2>
          <p>{t('libraryNoMatchHint')}</p>
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>
            {t('libraryClearFilters')}
          </button>
        </div>
      ) : (
        <VirtualList
          items={rows}
          heightOf={heightOf}
          keyOf={keyOf}
          label={t('libraryListLabel')}
          render={(row) =>
            row.kind === 'page' ? (
              <PageRow group={row.group} orphans={row.orphans} />
            ) : (
              <ItemRow highlight={row.highlight} entityLabel={entityLabel} locale={locale} onOpen={open} onEdit={setEditing} onDelete={(h) => void remove(h)} onRecord={setRecording} />
            )
          }
        />
      )}
      {editing && (
        <EditDialog
          highlight={editing}
          knownTags={knownTags}
          onSave={(patch) => save(editing, patch)}
          onDelete={() => remove(editing)}
          onClose={() => setEditing(null)}
        />
      )}
      {recording && (
        <RecordHighlightDialog
          highlight={recording}
          onClose={() => {
            // Closed with something typed: it is kept (and offered back next time); say so.
            const kept = localDraftShelf('record', recording.id).get() !== null;
            setRecording(null);
            setRecorded(kept ? t('statementsDraftKept') : '');
          }}
          onDone={() => {
            setRecording(null);
            setRecorded(t('recordHighlightDone'));
          }}
        />
      )}
      <p class="st-live" role="status">{recorded}</p>
      <Toast toast={toast} onDismiss={() => setToast(null)} />
    </div>
  );
}
