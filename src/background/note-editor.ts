/**
 * The note editor's window. Text typed into a page — even into a closed
 * shadow root — raises key and input events the page's own listeners see, so
 * notes and tags are typed in an extension page instead: a small popup
 * window beside the highlight (a tab where windows cannot be made). The page
 * never sees it, nor a keystroke typed in it.
 *
 * The window keeps a port open to the worker and sends what is typed over it
 * as a draft; when the window goes away any way at all (Esc, Save, the
 * window's close button, the browser closing it), the worker keeps the draft
 * that was not saved, then gives focus back to the page and tells its tab.
 */
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import type { HighlightPatch, SavedHighlight } from '../core/annotations/model.ts';
import { messageType, BgCsHighlightsChanged, BgCsNoteEditorClosed, NOTE_PORT, NotePortMessage } from '../shared/messages.ts';
import type { OnRecordDb } from '../storage/db.ts';
import { deleteHighlights, getHighlight, tagCounts, updateHighlight } from '../storage/highlights-store.ts';

export const NOTE_PAGE = 'src/pages/note/index.html';
/** The window's size: a note, a few tags and the colours, without scrolling. */
export const NOTE_WINDOW = { width: 460, height: 600 } as const;

export function notePagePath(id: string, tabId: number | undefined, fresh: boolean): string {
  const q = new URLSearchParams({ id, ...(tabId !== undefined ? { tab: String(tabId) } : {}), ...(fresh ? { fresh: '1' } : {}) });
  return `${NOTE_PAGE}?${q.toString()}`;
}

interface OpenEditor {
  id: string;
  tabId: number | undefined;
  draft: HighlightPatch | null;
}

export class NoteEditors {
  /** The one note window and its highlight (a request for another highlight closes it first, keeping its draft). */
  #window: { id: number; highlight: string } | undefined;
  readonly #ports = new Map<browser.Runtime.Port, OpenEditor>();

  constructor(private readonly db: OnRecordDb) {}

  /** Opens in turn: two requests at once (a double press) must not make two windows. */
  #opening: Promise<unknown> = Promise.resolve();

  /** Opens the editor of highlight `id` (already checked to belong to the sender's page) beside it. */
  open(id: string, fresh: boolean, tab: { id?: number; index?: number; windowId?: number } | undefined, at?: { left: number; top: number }): Promise<object> {
    const next = this.#opening.then(() => this.#open(id, fresh, tab, at));
    this.#opening = next.catch(() => undefined);
    return next;
  }

  async #open(id: string, fresh: boolean, tab: { id?: number; index?: number; windowId?: number } | undefined, at?: { left: number; top: number }): Promise<object> {
    const url = browser.runtime.getURL(notePagePath(id, tab?.id, fresh));
    if (this.#window !== undefined) {
      const previous = this.#window;
      // Asked again for the highlight already open (a key pressed twice, the page's and the browser's copy of one
      // command): the reader gets that window back, with what they typed in it.
      if (previous.highlight === id) {
        try {
          await browser.windows.update(previous.id, { focused: true });
          return { opened: 'window' };
        } catch {
          // Closed meanwhile: open a new one.
        }
      }
      this.#window = undefined;
      await browser.windows.remove(previous.id).catch(() => undefined);
    }
    if (browser.windows?.create) {
      try {
        const created = await browser.windows.create({
          url, type: 'popup', ...NOTE_WINDOW,
          ...(at ? { left: Math.max(0, at.left), top: Math.max(0, at.top) } : {}),
        });
        if (created.id !== undefined) this.#window = { id: created.id, highlight: id };
        return { opened: 'window' };
      } catch (err) {
        console.info('OnRecord: could not open the note window, opening a tab instead:', err instanceof Error ? err.message : err);
      }
    }
    await browser.tabs.create({ url, ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}), ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}) });
    return { opened: 'tab' };
  }

  async load(id: string): Promise<{ highlight: SavedHighlight; tags: string[] }> {
    const highlight = await getHighlight(this.db, id);
    if (!highlight) throw new Error('this highlight no longer exists');
    return { highlight, tags: (await tagCounts(this.db)).map((t) => t.tag) };
  }

  async save(id: string, patch: HighlightPatch, tabId: number | undefined): Promise<{ highlight: SavedHighlight }> {
    const highlight = await updateHighlight(this.db, id, patch);
    for (const editor of this.#ports.values()) if (editor.id === id) editor.draft = null;
    await this.#tell(tabId, { type: messageType(BgCsHighlightsChanged) });
    return { highlight };
  }

  async remove(id: string, tabId: number | undefined): Promise<object> {
    await deleteHighlights(this.db, [id]);
    for (const editor of this.#ports.values()) if (editor.id === id) editor.draft = null;
    await this.#tell(tabId, { type: messageType(BgCsHighlightsChanged) });
    return {};
  }

  /** Wire this to runtime.onConnect: only the extension's own note page may open the port. */
  readonly onConnect = (port: browser.Runtime.Port): void => {
    if (port.name !== NOTE_PORT) return;
    const from = port.sender;
    if (from?.id !== browser.runtime.id || !from.url?.startsWith(browser.runtime.getURL(NOTE_PAGE))) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((raw: unknown) => {
      const parsed = v.safeParse(NotePortMessage, raw);
      if (!parsed.success) return;
      const msg = parsed.output;
      if (msg.type === 'note-open') this.#ports.set(port, { id: msg.id, tabId: msg.tabId, draft: null });
      else {
        const editor = this.#ports.get(port);
        if (editor) editor.draft = msg.patch;
      }
    });
    port.onDisconnect.addListener(() => {
      const editor = this.#ports.get(port);
      this.#ports.delete(port);
      if (editor) void this.#closed(editor);
    });
  };

  /** The window went away: keep what was typed and not saved, then give the page its focus back. */
  async #closed(editor: OpenEditor): Promise<void> {
    if (editor.draft) {
      try {
        await updateHighlight(this.db, editor.id, editor.draft);
      } catch (err) {
        // The note page keeps its own copy of the draft and offers it back when the highlight is opened again.
        console.error('OnRecord: could not keep the note typed in the closed editor', err);
      }
    }
    if (editor.tabId === undefined) return;
    try {
      const tab = await browser.tabs.get(editor.tabId);
      if (tab.windowId !== undefined && browser.windows?.update) await browser.windows.update(tab.windowId, { focused: true });
      await browser.tabs.update(editor.tabId, { active: true });
    } catch {
      // The reader closed the page's tab meanwhile.
      return;
    }
    await this.#tell(editor.tabId, { type: messageType(BgCsHighlightsChanged) });
    await this.#tell(editor.tabId, { type: messageType(BgCsNoteEditorClosed), id: editor.id });
  }

  async #tell(tabId: number | undefined, message: object): Promise<void> {
    if (tabId === undefined) return;
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
  }

  /** Forget the window when it closes (the port's end does the rest). */
  windowRemoved(windowId: number): void {
    if (windowId === this.#window?.id) this.#window = undefined;
  }
}
