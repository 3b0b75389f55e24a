/**
 * The researchers' feature on a page: the toolbar beside a selection, saving
 * (toolbar, context menu, Alt+Shift+H), "Check claim" (toolbar, context menu,
 * Alt+Shift+C), the saved highlights drawn again, and their note editor.
 * Alt+Shift+H with nothing selected walks the saved highlights instead, so a
 * keyboard user reaches every note. Only trusted input may save.
 */
import browser, { type MessageSender } from './runtime.ts';
import * as v from 'valibot';
import { t } from '../core/i18n.ts';
import { plural } from '../ui/plural.ts';
import { BgCsHighlightsMessage, BgCsSelectionCommand } from '../shared/messages.ts';
import { watchForReanchoring, watchRoutes } from './dom-watch.ts';
import { checkClaim, highlightsForPage, openNoteEditor, reportAnchoring, saveHighlight } from './saved-client.ts';
import { liveRange, SavedLayer, type PlacedHighlight } from './saved-layer.ts';
import { SavedPainter } from './saved-paint.ts';
import { captureSelection } from './selection-capture.ts';
import { LazySelectionHost } from './lazy-ui.ts';
import type { SelectionToolbarProps, ToolbarStatus } from './selection-toolbar.tsx';
import { UI_ATTRIBUTE } from '../page-text/element-rules.ts';
import { setTrackedTimeout } from './activity.ts';
import { withRetry } from '../core/retry.ts';
import { clearFailure, showFailure } from './page-notice.ts';

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

/** Where on the screen, just below `rect`, a window beside it opens (the browser keeps it on screen). */
function screenPointBelow(rect: DOMRect): { left: number; top: number } {
  const chromeHeight = Math.max(0, window.outerHeight - window.innerHeight);
  return {
    left: Math.round(window.screenX + Math.max(0, rect.left)),
    top: Math.round(window.screenY + chromeHeight + Math.min(window.innerHeight, rect.bottom) + 8),
  };
}

export interface SelectionSessionOptions {
  /** "Check claim" with nothing selected opens the next claim checked on this page instead; false when there is none. */
  openNextCheckedClaim?: () => boolean;
}

export function startSelectionSession(signal: AbortSignal, options: SelectionSessionOptions = {}): void {
  const painter = new SavedPainter(signal);
  // A click on our UI while the page hides or covers it is refused (clickjacking), and the reader is told.
  // The toolbar's code (preact, floating-ui) is in the popover's script, evaluated on the first selection (ADR 015).
  const host = new LazySelectionHost(signal, () => flash(t('selectionObscured'), true));
  const layer = new SavedLayer(painter, reportAnchoring, signal);
  let status: ToolbarStatus | null = null;
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  let toolbarAnchor: DOMRect | null = null;
  let busy = false;
  let editing: string | null = null;
  let returnFocus: HTMLElement | null = null;
  let lastCommand: { at: number; source: 'page' | 'browser' | null } = { at: -Infinity, source: null };


  // ---- toolbar
  const toolbar = (): SelectionToolbarProps => ({ status, busy, onSave: (e) => e.isTrusted && void save(), onCheck: (e) => e.isTrusted && void check() });
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

  // ---- note editor: an extension window beside the highlight, never text entry inside the page
  // (key and input events typed into a page reach its listeners even from a closed shadow root).
  const openEditor = (id: string, fresh = false) => {
    const placed = layer.placed(id);
    if (!placed || !layer.get(id)) return;
    if (editing === null) {
      const active = document.activeElement;
      returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
    }
    editing = id;
    openNoteEditor(id, fresh, screenPointBelow(rectOf(placed))).catch((err: unknown) => {
      editing = null;
      flash(t('selectionNoteOpenFailed', err instanceof Error ? err.message : String(err)), true);
    });
  };
  /** The note window closed: focus goes back where it was on the page. */
  const editorClosed = (id: string) => {
    if (editing !== id) return;
    editing = null;
    if (returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
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
    openEditor(next.highlight.id);
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
      openEditor(existing.highlight.id);
      return;
    }
    busy = true;
    rerender();
    try {
      const h = await saveHighlight(captured.selectors);
      document.getSelection()?.removeAllRanges();
      host.hide('toolbar');
      layer.upsert(h);
      if (layer.placed(h.id)) openEditor(h.id, true);
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
  // Only the reader's own input shows the toolbar: a page's synthetic mouseup or keyup does nothing.
  document.addEventListener('mouseup', (e) => {
    if (e.isTrusted && !host.owns(e.target)) setTrackedTimeout(maybeShowToolbar, 0);
  }, opts);
  document.addEventListener('keyup', (e) => {
    if (!e.isTrusted) return;
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
    if (hit) openEditor(hit.highlight.id);
  }, opts);

  // Context menu and browser keyboard commands, relayed by the background (only the extension itself may send them).
  const onMessage = (message: unknown, sender: MessageSender): undefined => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const parsed = v.safeParse(BgCsSelectionCommand, message);
    if (parsed.success) command(parsed.output.type === 'bg-cs-save-selection' ? 'save' : 'check', 'browser');
    // The note window saved, deleted or closed.
    const note = v.safeParse(BgCsHighlightsMessage, message);
    if (note.success && note.output.type === 'bg-cs-highlights-changed') {
      void loadOrTell();
    } else if (note.success && note.output.type === 'bg-cs-note-editor-closed') editorClosed(note.output.id);
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
    // The worker may be restarting: tried again a few times (bounded, stopped with the page) before the reader is told.
    let reply: Awaited<ReturnType<typeof highlightsForPage>>;
    try {
      reply = await withRetry(highlightsForPage, {
        signal,
        onRetry: (err) => console.warn('OnRecord: could not load your highlights; trying again', err),
      });
    } catch (err) {
      if (mine !== loads) return; // A newer load answers for the page.
      throw err;
    }
    if (signal.aborted || mine !== loads) return;
    const { highlights, focusId } = reply;
    clearFailure('highlights');
    layer.replaceAll(highlights);
    if (focusId && layer.placed(focusId)) {
      layer.placed(focusId)?.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      openEditor(focusId);
    } else if (focusId && layer.get(focusId)) {
      // Opened from the library, but the page changed: say so instead of silently showing nothing.
      flash(t('selectionNotFound'), true);
    }
  };
  watchForReanchoring(
    (batch) => layer.needsAnchoring(batch),
    () => layer.anchorAll(),
    signal,
  );
  /** A load that failed after its retries reaches the reader: a notice (no private data) with "Try again". */
  const loadOrTell = () =>
    load().catch((err: unknown) => {
      if (signal.aborted) return;
      console.error('OnRecord: could not load your highlights', err);
      showFailure('highlights', () => void loadOrTell(), signal);
    });
  watchRoutes(() => void loadOrTell(), signal);
  void loadOrTell();
}
