/**
 * The note window's page (`?id=<highlight>&tab=<the page's tab>&fresh=1`),
 * opened by the background when the reader saves or opens a highlight.
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { t } from '../../core/i18n.ts';
import type { HighlightPatch, SavedHighlight } from '../../core/annotations/model.ts';
import { NOTE_PORT, type NotePortMessage } from '../../shared/messages.ts';
import { uiLanguage } from '../../ui/plural.ts';
import { ask } from '../ask-background.ts';
import { localDraftShelf } from '../../ui/draft-shelf.tsx';
import { NoteApp, type NoteClient } from './note-app.tsx';
import '../../ui/selection-ui.css';
import { openLibrary } from '../library-page.ts';
import './note.css';

const app = document.getElementById('app');
if (!app) throw new Error('note page: #app is missing from index.html');
document.title = t('noteDocTitle');
document.documentElement.lang = uiLanguage();
app.className = 'or-sel';

const params = new URLSearchParams(location.search);
const id = params.get('id') ?? '';
const tabParam = Number.parseInt(params.get('tab') ?? '', 10);
const tabId = Number.isInteger(tabParam) && tabParam >= 0 ? tabParam : undefined;

/**
 * The port tells the background which highlight this window edits and what is typed, so it can keep the
 * draft however the window closes. A worker that stopped drops the port: connect again and say it all again.
 */
let port: browser.Runtime.Port | undefined;
let lastDraft: HighlightPatch | null = null;
const post = (message: NotePortMessage) => port?.postMessage(message);
const connect = () => {
  port = browser.runtime.connect({ name: NOTE_PORT });
  port.onDisconnect.addListener(() => {
    port = undefined;
    if (!closing) connect();
  });
  post({ type: 'note-open', id, ...(tabId !== undefined ? { tabId } : {}) });
  if (lastDraft) post({ type: 'note-draft', patch: lastDraft });
};
let closing = false;
connect();

const client: NoteClient = {
  load: () => ask<{ highlight: SavedHighlight; tags: string[] }>({ type: 'page-bg-note-load', id }),
  save: async (patch) => {
    await ask<object>({ type: 'page-bg-note-save', id, patch, ...(tabId !== undefined ? { tabId } : {}) });
  },
  remove: async () => {
    await ask<object>({ type: 'page-bg-note-delete', id, ...(tabId !== undefined ? { tabId } : {}) });
  },
  draft: (patch) => {
    lastDraft = patch;
    post({ type: 'note-draft', patch });
  },
  openLibrary,
  close: () => {
    closing = true;
    port?.disconnect();
    // The port's end going away is what tells the background to give focus back to the page.
    browser.tabs.getCurrent().then(
      (self) => (self?.id !== undefined ? browser.tabs.remove(self.id) : window.close()),
      () => window.close(),
    );
  },
};

render(<NoteApp client={client} shelf={localDraftShelf<HighlightPatch>('note', id)} fresh={params.get('fresh') === '1'} />, app);
