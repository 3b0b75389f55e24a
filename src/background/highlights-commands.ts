/**
 * "Save highlight" and "Check claim" outside the selection toolbar: two
 * context-menu items on selected text and two keyboard commands. Both only
 * tell the tab's content script to act on its current selection; the
 * content script reads the selection and sends the usual request.
 */
import browser from 'webextension-polyfill';
import { BgCsCheckSelection, BgCsSaveSelection, messageType } from '../shared/messages.ts';
import { isNoReceiver } from './announce.ts';

export const MENU_SAVE_HIGHLIGHT = 'onrecord-save-highlight';
export const MENU_CHECK_CLAIM = 'onrecord-check-claim';
export const COMMAND_SAVE_HIGHLIGHT = 'save-highlight';
export const COMMAND_CHECK_CLAIM = 'check-claim';

const SAVE = messageType(BgCsSaveSelection);
const CHECK = messageType(BgCsCheckSelection);
type SelectionCommand = typeof SAVE | typeof CHECK;

const BY_MENU: Record<string, SelectionCommand> = {
  [MENU_SAVE_HIGHLIGHT]: SAVE,
  [MENU_CHECK_CLAIM]: CHECK,
};
const BY_COMMAND: Record<string, SelectionCommand> = {
  [COMMAND_SAVE_HIGHLIGHT]: SAVE,
  [COMMAND_CHECK_CLAIM]: CHECK,
};

/**
 * The person asked to save or check, and the tab cannot act (no content script: a page loaded before
 * OnRecord was installed or updated, or a browser page): the toolbar button says so on that tab, until
 * it navigates, instead of nothing happening.
 */
async function sayNotRunning(tabId: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: '!' });
  await browser.action.setTitle({ tabId, title: browser.i18n.getMessage('badgeNoContentScript') });
}

async function tell(tabId: number | undefined, type: SelectionCommand): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  try {
    await browser.tabs.sendMessage(id, { type }, { frameId: 0 });
  } catch (err) {
    if (!isNoReceiver(err)) console.error(`OnRecord: could not ask tab ${id} to act on its selection`, err);
    await sayNotRunning(id).catch((e: unknown) => console.error('OnRecord: could not say so on the toolbar button', e));
  }
}

async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_SAVE_HIGHLIGHT, title: browser.i18n.getMessage('menuSaveHighlight'), contexts: ['selection'], documentUrlPatterns: ['http://*/*', 'https://*/*'] });
  browser.contextMenus.create({ id: MENU_CHECK_CLAIM, title: browser.i18n.getMessage('menuCheckClaim'), contexts: ['selection'], documentUrlPatterns: ['http://*/*', 'https://*/*'] });
}

/**
 * Registers the menus (on install and update) and the listeners; call once when the worker starts.
 * `onCheckGesture` runs synchronously inside the user's action for "Check claim", so the panel can open
 * there (Chrome's side panel and Firefox's sidebar open only from a user action).
 */
export function registerSelectionCommands(onCheckGesture: (tabId: number | undefined) => void = () => undefined): void {
  browser.runtime.onInstalled.addListener(() => {
    createMenus().catch((err: unknown) => console.error('OnRecord: could not create the context menu', err));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const type = BY_MENU[String(info.menuItemId)];
    if (type === 'bg-cs-check-selection') onCheckGesture(tab?.id);
    if (type) void tell(tab?.id, type);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    const type = BY_COMMAND[command];
    if (type === 'bg-cs-check-selection') onCheckGesture(tab?.id);
    if (type) void tell(tab?.id, type);
  });
}
