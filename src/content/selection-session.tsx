/**
 * The researchers' feature on a page: the toolbar beside a selection, saving
 * (toolbar, context menu, Alt+Shift+H), "Check claim" (toolbar, context menu,
 * Alt+Shift+C), the saved highlights drawn again, and their note editor.
 * Alt+Shift+H with nothing selected walks the saved highlights instead, so a
 * keyboard user reaches every note. Only trusted input may save.
 */
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { t } from '../core/i18n.ts';
import { plural } from '../ui/plural.ts';
import type { HighlightPatch } from '../core/annotations/model.ts';
import { BgCsSelectionCommand } from '../shared/messages.ts';
import { watchForReanchoring, watchRoutes } from './dom-watch.ts';
import { checkClaim, deleteHighlight, highlightsForPage, knownTags, openLibrary, reportAnchoring, saveHighlight, updateHighlight } from './saved-client.ts';
import { SavedEditor } from '../ui/saved-editor.tsx';
import { liveRange, SavedLayer, type PlacedHighlight } from './saved-layer.ts';
import { SavedPainter } from './saved-paint.ts';
import { captureSelection } from './selection-capture.ts';
import { SelectionHost } from './selection-host.tsx';
import { SelectionToolbar, type ToolbarStatus } from './selection-toolbar.tsx';
import { UI_ATTRIBUTE } from '../page-text/element-rules.ts';
import { setTrackedTimeout } from './activity.ts';

/** How long a status ("Saved", an error) stays in the toolbar. Errors stay longer: they need reading. */
export const STATUS_MS = 2_500;
export const ERROR_STATUS_MS = 6_000;
/** A command can arrive both as a page keydown and from the browser; the other one within this window is the same press. */
const DUPLICATE_COMMAND_MS = 400;

export function isSaveShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyH';
}

export function isCheckShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyC';
}

function selectionRect(): DOMRect | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const node = sel.getRangeAt(0).commonAncestorContainer;
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!el || el.closest(`[${UI_ATTRIBUTE}], input, textarea, [contenteditable]:not([contenteditable="false" i])`)) return null;
  const rect = sel.getRangeAt(0).getBoundingClientRect();
  return rect.width === 0 && rect.height === 0 ? null : rect;
}

function rectOf(p: PlacedHighlight): DOMRect {
  const r = liveRange(p.range);
  return r.getClientRects()[0] ?? r.getBoundingClientRect();
}

export interface SelectionSessionOptions {
  /** "Check claim" with nothing selected opens the next claim checked on this page instead; false when there is none. */
  openNextCheckedClaim?: () => boolean;
}

export function startSelectionSession(signal: AbortSignal, options: SelectionSessionOptions = {}): void {
  const painter = new SavedPainter();
  signal.addEventListener('abort', () => painter.destroy(), { once: true });
  // A click on our UI while the page hides or covers it is refused (clickjacking), and the reader is told.
  const host = new SelectionHost(signal, () => flash(t('selectionObscured'), true));
  const layer = new SavedLayer(painter, reportAnchoring, signal);
  let tags: string[] = [];
  let status: ToolbarStatus | null = null;
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  let toolbarAnchor: DOMRect | null = null;
  let busy = false;
  let editing: string | null = null;
  let returnFocus: HTMLElement | null = null;
  let lastCommand: { at: number; source: 'page' | 'browser' | null } = { at: -Infinity, source: null };

  const refreshTags = () => {
    knownTags().then((t) => (tags = t)).catch((err: unknown) => console.error('OnRecord: could not load your tags', err));
  };

  // ---- toolbar
  const toolbar = () => <SelectionToolbar status={status} busy={busy} onSave={(e) => e.isTrusted && void save()} onCheck={(e) => e.isTrusted && void check()} />;
  const showToolbar = (rect: DOMRect) => {
    toolbarAnchor = rect;
    host.show('toolbar', toolbar(), () => toolbarAnchor ?? rect);
  };
  const rerender = () => host.update('toolbar', toolbar());
  const flash = (text: string, error = false) => {
    status = { text, error };
    clearTimeout(statusTimer);
    if (host.isShown('toolbar')) rerender();
    // Beside the selection; with none (a keyboard command), at the top of the viewport.
    else showToolbar(selectionRect() ?? new DOMRect(window.innerWidth / 2, 24, 0, 0));
    statusTimer = setTimeout(() => {
      status = null;
      if (selectionRect()) rerender();
      else host.hide('toolbar');
    }, error ? ERROR_STATUS_MS : STATUS_MS);
  };
  const maybeShowToolbar = () => {
    if (status) return;
    const rect = selectionRect();
    if (rect) showToolbar(rect);
    else host.hide('toolbar');
  };

  // ---- editor
  /** Unsaved changes of the open editor, and drafts whose save on close failed (offered back on reopen). */
  let live: { id: string; patch: HighlightPatch } | null = null;
  const drafts = new Map<string, HighlightPatch>();
  /** Closing any way but Save or Delete keeps what was typed: it is saved, or kept and offered back. */
  const keepDraft = () => {
    const pending = live;
    live = null;
    if (!pending) return;
    updateHighlight(pending.id, pending.patch)
      .then((next) => {
        drafts.delete(pending.id);
        layer.upsert(next);
        refreshTags();
        flash(t('savedDraftSaved'));
      })
      .catch((err: unknown) => {
        drafts.set(pending.id, pending.patch);
        flash(t('savedDraftKept', err instanceof Error ? err.message : String(err)), true);
      });
  };
  const closeEditor = (restore: boolean) => {
    if (editing === null) return;
    editing = null;
    keepDraft();
    host.hide('editor');
    if (restore && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  };
  const openEditor = (id: string, focus: 'note' | 'dialog', fresh = false) => {
    const placed = layer.placed(id);
    const h = layer.get(id);
    if (!placed || !h) return;
    if (editing === null) {
      const active = document.activeElement;
      returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
    }
    if (editing !== id) keepDraft();
    editing = id;
    const onSave = async (patch: HighlightPatch) => {
      const next = await updateHighlight(id, patch);
      live = null;
      drafts.delete(id);
      layer.upsert(next);
      refreshTags();
      closeEditor(true);
    };
    const onDelete = async () => {
      await deleteHighlight(id);
      live = null;
      drafts.delete(id);
      layer.remove(id);
      closeEditor(true);
      flash(t('selectionDeleted'));
    };
    host.show(
      'editor',
      <SavedEditor key={id} highlight={h} knownTags={tags} focus={focus} fresh={fresh} draft={drafts.get(id)}
        onDraft={(patch) => (live = patch ? { id, patch } : null)} onSave={onSave} onDelete={onDelete} onClose={() => closeEditor(true)} onOpenLibrary={() => {
        openLibrary().catch((err: unknown) => flash(t('selectionLibraryFailed', err instanceof Error ? err.message : String(err)), true));
      }} />,
      () => {
        const p = layer.placed(id);
        return p ? rectOf(p) : new DOMRect();
      },
    );
  };
  /** Keyboard access to saved highlights: the next one after the one open (or the first in view). */
  const openNext = () => {
    const all = layer.ordered();
    if (all.length === 0) {
      const lost = layer.orphans.length;
      flash(lost > 0 ? plural('selectionUnplaced', lost) : t('selectionSelectToSave'), lost > 0);
      return;
    }
    const at = editing ? all.findIndex((p) => p.highlight.id === editing) : -1;
    const next = all[(at + 1) % all.length] as PlacedHighlight;
    next.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    openEditor(next.highlight.id, 'dialog');
  };

  // ---- actions
  const save = async (): Promise<void> => {
    // A held or repeated key must not save the same passage twice while the first save is in flight.
    if (busy) return;
    const captured = captureSelection();
    if (!captured) {
      openNext();
      return;
    }
    const { start, end } = captured.selectors.position;
    const existing = layer.covering(start, end);
    if (existing) {
      // Saving the same passage twice would make two highlights with one meaning: open the one there is.
      document.getSelection()?.removeAllRanges();
      host.hide('toolbar');
      openEditor(existing.highlight.id, 'note');
      return;
    }
    busy = true;
    rerender();
    try {
      const h = await saveHighlight(captured.selectors);
      document.getSelection()?.removeAllRanges();
      host.hide('toolbar');
      layer.upsert(h);
      refreshTags();
      if (layer.placed(h.id)) openEditor(h.id, 'note', true);
      else flash(t('selectionSavedHidden'));
    } catch (err) {
      flash(t('selectionSaveFailed', err instanceof Error ? err.message : String(err)), true);
    } finally {
      busy = false;
      rerender();
    }
  };

  const check = async (): Promise<void> => {
    const captured = captureSelection();
    if (!captured) {
      if (!options.openNextCheckedClaim?.()) flash(t('selectionSelectClaim'), true);
      return;
    }
    try {
      await checkClaim(captured.selectors.quote.exact, captured.selectors);
      flash(t('selectionChecking'));
    } catch (err) {
      flash(t('selectionCheckFailed', err instanceof Error ? err.message : String(err)), true);
    }
  };

  /** Presses from one source all count (walking highlights is quick); the other source's echo of the same press does not. */
  const command = (kind: 'save' | 'check', source: 'page' | 'browser') => {
    const now = performance.now();
    if (source !== lastCommand.source && now - lastCommand.at < DUPLICATE_COMMAND_MS) return;
    lastCommand = { at: now, source };
    void (kind === 'save' ? save() : check());
  };

  // ---- events
  const opts = { signal, passive: true } as const;
  document.addEventListener('mouseup', (e) => {
    if (!host.owns(e.target)) setTrackedTimeout(maybeShowToolbar, 0);
  }, opts);
  document.addEventListener('keyup', (e) => {
    if (e.shiftKey || e.key === 'Shift' || (e.key === 'a' && (e.ctrlKey || e.metaKey))) setTrackedTimeout(maybeShowToolbar, 0);
  }, opts);
  document.addEventListener('selectionchange', () => {
    if (!status && host.isShown('toolbar') && !host.hasFocus() && !selectionRect()) host.hide('toolbar');
  }, opts);
  window.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (isSaveShortcut(e) || isCheckShortcut(e)) {
      e.preventDefault();
      e.stopPropagation();
      command(isSaveShortcut(e) ? 'save' : 'check', 'page');
    } else if (e.key === 'Escape' && host.isShown('toolbar') && !host.hasFocus()) {
      host.hide('toolbar');
    }
  }, { signal, capture: true });
  document.addEventListener('click', (e) => {
    if (!e.isTrusted || host.owns(e.target) || layer.size === 0) return;
    if (!document.getSelection()?.isCollapsed) return;
    const hit = layer.at(e.clientX, e.clientY);
    if (hit) openEditor(hit.highlight.id, 'dialog');
    else if (editing !== null && !host.hasFocus()) closeEditor(false);
  }, opts);

  // Context menu and browser keyboard commands, relayed by the background (only the extension itself may send them).
  const onMessage = (message: unknown, sender: browser.Runtime.MessageSender): undefined => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const parsed = v.safeParse(BgCsSelectionCommand, message);
    if (parsed.success) command(parsed.output.type === 'bg-cs-save-selection' ? 'save' : 'check', 'browser');
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => {
    browser.runtime.onMessage.removeListener(onMessage);
    clearTimeout(statusTimer);
  }, { once: true });

  // ---- saved highlights, now and as the page changes
  // A route change can send a second request before the first answers: only the latest reply is applied.
  let loads = 0;
  const load = async () => {
    const mine = ++loads;
    const { highlights, focusId } = await highlightsForPage();
    if (signal.aborted || mine !== loads) return;
    layer.replaceAll(highlights);
    if (highlights.length > 0) refreshTags();
    if (focusId && layer.placed(focusId)) {
      layer.placed(focusId)?.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      openEditor(focusId, 'dialog');
    } else if (focusId && layer.get(focusId)) {
      // Opened from the library, but the page changed: say so instead of silently showing nothing.
      flash(t('selectionNotFound'), true);
    }
  };
  watchForReanchoring(
    (batch) => layer.needsAnchoring(batch),
    () => {
      layer.anchorAll();
      if (editing !== null && !layer.placed(editing)) closeEditor(false);
    },
    signal,
  );
  watchRoutes(() => {
    closeEditor(false);
    load().catch((err: unknown) => console.error('OnRecord: could not load your highlights', err));
  }, signal);
  load().catch((err: unknown) => console.error('OnRecord: could not load your highlights', err));
}
