/**
 * Service worker: owns the database, installs the bundled corpus on install
 * and update, and answers typed messages through the router.
 */
import browser from 'webextension-polyfill';
import { buildEntityRecord } from '../core/record/index.ts';
import { sourcePagePath } from '../shared/source-page-path.ts';
import type { ContentRequest, PageRequest } from '../shared/messages.ts';
import { BgCsFocusNextMention, BgPageInstallProgress, messageType } from '../shared/messages.ts';
import { OnRecordDb } from '../storage/db.ts';
import { registerSelectionCommands } from './highlights-commands.ts';
import { HighlightsService, isHighlightsContentRequest } from './highlights-service.ts';
import { NoteEditors } from './note-editor.ts';
import { RecordService } from './record-service.ts';
import { route, type Sender } from './router.ts';
import { showMentionCount } from './badge.ts';
import { ControlHandlers, isControlRequest } from './control-handlers.ts';
import { ChecksHandlers, isChecksContentRequest, isChecksPageRequest } from './checks-handlers.ts';
import { ChecksService } from './checks-service.ts';
import { SettingsService } from './settings-service.ts';
import { RecordingService } from './recording-service.ts';
import { isRecordingContentRequest, isRecordingPageRequest, RecordingHandlers } from './recording-handlers.ts';
import { ReviewQueue } from './review-queue.ts';
import { broadcastSettingsChanged } from './settings-service.ts';
import { findMentions, noteStartup, WELCOME_PAGE, welcomeOnInstalled } from './first-run.ts';
import { announceToPages, isNoReceiver } from './announce.ts';
import { InstallProgress } from './install-progress.ts';
import { PageScans } from './page-scan.ts';
import { labeller, localizeRecord } from './localize-check.ts';
import { workerUiLocale } from './ui-locale.ts';

const db = new OnRecordDb();
const records = new RecordService(db, undefined, new InstallProgress((progress) => void announceToPages({ type: messageType(BgPageInstallProgress), progress })));
const settings = new SettingsService(db);
const control = new ControlHandlers(db, records, settings);
// Notes and tags are typed in an extension window, never in the page (background/note-editor.ts).
const notes = new NoteEditors(db);
browser.runtime.onConnect.addListener(notes.onConnect);
browser.windows?.onRemoved.addListener((windowId) => notes.windowRemoved(windowId));
const highlights = new HighlightsService(db, records, undefined, notes);
const checkService = new ChecksService(db, records);
const checks = new ChecksHandlers(checkService);
// Issue 12: statements on a page recorded into the user layer; the review queue of candidates files.
const recordingService = new RecordingService(db, records, async () => {
  records.invalidate();
  await records.active();
  await broadcastSettingsChanged();
}, (tabId, message) => browser.tabs.sendMessage(tabId, message));
const recording = new RecordingHandlers(recordingService, new ReviewQueue(db, records, recordingService), (id) => db.highlights.get(id));
// ADR 017: each tab's text is scanned here; a tab never receives the dictionary.
const scans = new PageScans();
// A prerendered page that replaces a tab takes a new tab id: the old one's scan contexts go with it.
browser.tabs.onReplaced.addListener((_added, removed) => scans.forgetTab(removed));
browser.tabs.onRemoved.addListener((tabId) => {
  scans.forgetTab(tabId);
  recordingService.forgetTab(tabId);
  checkService.forgetTab(tabId);
  highlights.forgetTab(tabId);
});

browser.runtime.onInstalled.addListener(({ reason }) => {
  records.invalidate();
  void records.active().catch((err: unknown) => console.error('OnRecord: could not install the bundled corpus', err));
  // Issue 13: the welcome page, once, on install.
  void welcomeOnInstalled(db, reason, () => browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) })).catch((err: unknown) =>
    console.error('OnRecord: could not open the welcome page', err),
  );
});

browser.runtime.onStartup.addListener(() => {
  void noteStartup(db).catch((err: unknown) => console.error('OnRecord: could not record the start', err));
});

async function getSource(sourceId: string) {
  const { corpus, textOf } = await records.active();
  const source = corpus.sources.find((s) => s.id === sourceId);
  const text = source ? await textOf(sourceId) : undefined;
  if (!source || text === undefined) throw new Error(`source "${sourceId}" is not in your record`);
  const positions = corpus.positions.filter((p) => p.source === sourceId);
  const wanted = new Set(positions.flatMap((p) => [p.actor, ...p.topics, ...(p.reportedBy ? [p.reportedBy] : [])]));
  const entities = Object.fromEntries(corpus.entities.filter((e) => wanted.has(e.id)).map((e) => [e.id, e]));
  return { source, text, positions, entities };
}

async function getRecord(entityId: string) {
  const { corpus } = await records.active();
  if (!corpus.entities.some((e) => e.id === entityId)) throw new Error(`unknown entity "${entityId}"`);
  // Names in the interface language (audit 10 A19), after the record is built from the English labels.
  return { record: localizeRecord(buildEntityRecord(corpus, entityId), labeller([], corpus, workerUiLocale())) };
}

async function handleContent(req: ContentRequest, sender: Sender): Promise<object> {
  if (isHighlightsContentRequest(req)) return highlights.handleContent(req, sender);
  // Before any await: a claim check opens the side panel, which needs the user's gesture.
  if (isChecksContentRequest(req)) return checks.handleContent(req, sender);
  if (isRecordingContentRequest(req)) return recording.handleContent(req, sender);
  switch (req.type) {
    case 'cs-bg-scan': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('a scan needs the sender\'s tab');
      const record = await records.active();
      const tab = { tabId, frameId: sender.frameId ?? 0 };
      scans.resume(record, tab, req.doc, req.ctx);
      const replies = scans.scanParts(record, tab, req.doc, req.parts);
      const ctx = scans.context(tab, req.doc);
      return { replies, ...(ctx ? { ctx } : {}) };
    }
    case 'cs-bg-get-record':
      return getRecord(req.entityId);
    case 'cs-bg-get-settings':
      return { settings: await settings.forTab(sender.url), fingerprint: (await records.active()).fingerprint };
    case 'cs-bg-mention-count':
      if (sender.tab?.id !== undefined) await showMentionCount(sender.tab.id, req.count);
      return {};
    case 'cs-bg-open-source': {
      await browser.tabs.create({
        url: browser.runtime.getURL(sourcePagePath(req.sourceId, req.positionId)),
        ...(sender.tab?.id !== undefined ? { openerTabId: sender.tab.id } : {}),
        ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}),
      });
      return {};
    }
  }
}

async function handlePage(req: PageRequest, sender: Sender): Promise<object> {
  if (isControlRequest(req)) return control.handle(req);
  if (isChecksPageRequest(req)) return checks.handlePage(req, sender);
  if (isRecordingPageRequest(req)) return recording.handlePage(req);
  switch (req.type) {
    case 'page-bg-get-source':
      return getSource(req.sourceId);
    case 'page-bg-find-mentions':
      return findMentions(await records.active(), req.paragraphs);
    case 'page-bg-status': {
      const { corpus, fingerprint } = await records.active();
      return { fingerprint, counts: { sources: corpus.sources.length, entities: corpus.entities.length, positions: corpus.positions.length } };
    }
    case 'cs-bg-get-record':
      return getRecord(req.entityId);
    case 'page-bg-highlight-open':
      return highlights.open(req.id);
    case 'page-bg-note-load':
      return notes.load(req.id);
    case 'page-bg-note-save':
      return notes.save(req.id, req.patch, req.tabId);
    case 'page-bg-note-delete':
      return notes.remove(req.id, req.tabId);
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Sender): Promise<unknown> =>
  route(message, sender, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    handleContent,
    handlePage,
  }),
);

registerSelectionCommands((tabId) => checks.panels.openInGesture(tabId));

browser.commands.onCommand.addListener((command, tab) => {
  if (command !== 'focus-next-mention') return;
  const send = async () => {
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await browser.tabs.sendMessage(id, { type: messageType(BgCsFocusNextMention) });
  };
  send().catch((err: unknown) => {
    // The active tab has no content script (an extension or browser page): nothing to focus. Anything else is a fault.
    if (!isNoReceiver(err)) console.error('OnRecord: could not move to the next mention', err);
  });
});

// Warm the record as soon as the worker starts, so the first tab does not wait for the database.
void records.active().catch((err: unknown) => console.error('OnRecord: could not load the record', err));
