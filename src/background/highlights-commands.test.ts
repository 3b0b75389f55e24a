import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
const listeners: Record<string, Listener[]> = {};
const on = (name: string) => ({ addListener: (l: Listener) => (listeners[name] ??= []).push(l) });
const menus: Array<{ id: string; contexts: string[]; documentUrlPatterns: string[] }> = [];
const sent: Array<{ tabId: number; message: unknown; options: unknown }> = [];
const action: Array<{ tabId: number; text?: string; title?: string }> = [];
let noReceiverIn: number | undefined;

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { onInstalled: on('installed') },
    i18n: { getMessage: (key: string) => key },
    contextMenus: {
      removeAll: vi.fn(async () => void menus.splice(0)),
      create: vi.fn((item: (typeof menus)[number]) => void menus.push(item)),
      onClicked: on('menuClicked'),
    },
    commands: { onCommand: on('command') },
    action: {
      setBadgeText: vi.fn(async (d: { tabId: number; text: string }) => void action.push(d)),
      setTitle: vi.fn(async (d: { tabId: number; title: string }) => void action.push(d)),
    },
    tabs: {
      query: vi.fn(async () => [{ id: 9 }]),
      sendMessage: vi.fn(async (tabId: number, message: unknown, options: unknown) => {
        if (tabId === noReceiverIn) throw new Error('Could not establish connection. Receiving end does not exist.');
        sent.push({ tabId, message, options });
      }),
    },
  },
}));

const { registerSelectionCommands, MENU_CHECK_CLAIM, MENU_SAVE_HIGHLIGHT, COMMAND_CHECK_CLAIM, COMMAND_SAVE_HIGHLIGHT } = await import('./highlights-commands.ts');

describe('context menu and commands wiring', () => {
  beforeEach(() => {
    for (const k of Object.keys(listeners)) delete listeners[k];
    menus.splice(0);
    sent.splice(0);
    action.splice(0);
    noReceiverIn = undefined;
    registerSelectionCommands();
  });

  it('creates both context-menu items, on selected text of web pages only, when installed', async () => {
    for (const l of listeners['installed'] ?? []) l({ reason: 'install' });
    await vi.waitFor(() => expect(menus).toHaveLength(2));
    expect(menus.map((m) => m.id).sort()).toEqual([MENU_CHECK_CLAIM, MENU_SAVE_HIGHLIGHT].sort());
    for (const m of menus) {
      expect(m.contexts).toEqual(['selection']);
      expect(m.documentUrlPatterns).toEqual(['http://*/*', 'https://*/*']);
    }
  });

  it('a menu click tells the clicked tab\'s top frame to act on its selection', async () => {
    const [clicked] = listeners['menuClicked']!;
    clicked!({ menuItemId: MENU_SAVE_HIGHLIGHT }, { id: 4 });
    clicked!({ menuItemId: MENU_CHECK_CLAIM }, { id: 5 });
    clicked!({ menuItemId: 'someone-else' }, { id: 6 });
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent).toEqual([
      { tabId: 4, message: { type: 'bg-cs-save-selection' }, options: { frameId: 0 } },
      { tabId: 5, message: { type: 'bg-cs-check-selection' }, options: { frameId: 0 } },
    ]);
  });

  it('a keyboard command acts on the active tab when the browser names none', async () => {
    const [command] = listeners['command']!;
    command!(COMMAND_CHECK_CLAIM, undefined);
    command!(COMMAND_SAVE_HIGHLIGHT, { id: 3 });
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent).toContainEqual({ tabId: 9, message: { type: 'bg-cs-check-selection' }, options: { frameId: 0 } });
    expect(sent).toContainEqual({ tabId: 3, message: { type: 'bg-cs-save-selection' }, options: { frameId: 0 } });
  });

  it('a tab that cannot act (no content script) is not silent: its toolbar button says to reload the page', async () => {
    noReceiverIn = 7;
    const [clicked] = listeners['menuClicked']!;
    clicked!({ menuItemId: MENU_SAVE_HIGHLIGHT }, { id: 7 });
    await vi.waitFor(() => expect(action).toHaveLength(2));
    expect(action).toEqual([{ tabId: 7, text: '!' }, { tabId: 7, title: 'badgeNoContentScript' }]);
    expect(sent).toEqual([]);
  });
});

describe('"Check claim" opens the panel inside the user action', () => {
  it('calls the gesture hook synchronously for the check command and menu item, never for saving', () => {
    for (const k of Object.keys(listeners)) delete listeners[k];
    const gestures: Array<number | undefined> = [];
    registerSelectionCommands((tabId) => gestures.push(tabId));
    listeners['command']![0]!(COMMAND_CHECK_CLAIM, { id: 4 });
    listeners['command']![0]!(COMMAND_SAVE_HIGHLIGHT, { id: 4 });
    listeners['menuClicked']![0]!({ menuItemId: MENU_CHECK_CLAIM }, { id: 5 });
    listeners['menuClicked']![0]!({ menuItemId: MENU_SAVE_HIGHLIGHT }, { id: 5 });
    // No await in between: the hook ran in the same task as the browser's event.
    expect(gestures).toEqual([4, 5]);
  });
});
