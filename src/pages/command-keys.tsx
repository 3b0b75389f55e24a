/**
 * The keyboard commands as the welcome page and the options list them (issue 13). A news page answers its three
 * keys itself (content/reader.ts, selection-session.tsx), whatever the browser did with the suggestion; the browser
 * may refuse one (Chromium leaves Alt+Shift+C unset: it accepts Alt+Shift+K, J and L in its place, so this is a
 * refused combination, not the limit of four suggested keys). Such a command shows the key that works on pages,
 * says the browser has none for it, and offers the browser's shortcut settings, instead of a bare "not set".
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../core/i18n.ts';

/** The keys news pages answer themselves, by command name (manifest/chrome.ts suggests the same). */
export const PAGE_KEYS: Readonly<Record<string, string>> = {
  'focus-next-mention': 'Alt+Shift+O',
  'save-highlight': 'Alt+Shift+H',
  'check-claim': 'Alt+Shift+C',
};

export interface CommandShortcut {
  name: string;
  shortcut: string;
  description: string;
}

/** The browser's commands with their current shortcuts; null until the browser has answered. */
export function useCommandShortcuts(): CommandShortcut[] | null {
  const [commands, setCommands] = useState<CommandShortcut[] | null>(null);
  useEffect(() => {
    browser.commands.getAll().then(
      (list) => setCommands(list.filter((c) => c.name && !c.name.startsWith('_')).map((c) => ({ name: c.name!, shortcut: c.shortcut ?? '', description: c.description ?? '' }))),
      () => setCommands([]),
    );
  }, []);
  return commands;
}

/** Keys that work inside the page once a mention or its card has focus (content/reader.ts); the browser does not list them. */
const IN_CARD_KEYS = [
  ['Tab / Shift+Tab', 'optKeyTab'],
  ['Enter / ↓', 'optKeyEnter'],
  ['Esc', 'optKeyEsc'],
] as const;

/** The in-card keys as rows of a <dl class="keys">. */
export function InCardKeys() {
  return (
    <>
      {IN_CARD_KEYS.map(([key, what]) => (
        <div key={key}>
          <dt><kbd>{key}</kbd></dt>
          <dd>{t(what)}</dd>
        </div>
      ))}
    </>
  );
}

/** The browser's own shortcut settings: Firefox has an API for it, Chromium a page (extension pages may open it). */
export function openShortcutSettings(): Promise<unknown> {
  const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
  return commands.openShortcutSettings ? commands.openShortcutSettings() : browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/** One command of a <dl class="keys">: its key, what it does, and for a key the browser has not set, how to set one. */
export function CommandKey({ command }: { command: CommandShortcut }) {
  const pageKey = PAGE_KEYS[command.name];
  const key = command.shortcut || pageKey;
  return (
    <div data-command={command.name}>
      <dt><kbd>{key || t('optKeyUnset')}</kbd></dt>
      <dd>
        {command.description}
        {command.shortcut ? null : (
          <span class="key-unset" data-testid="key-unset">
            {' — '}
            {pageKey ? t('keyPageOnly') : t('optKeyUnset')}{' '}
            <button type="button" class="link" onClick={() => void openShortcutSettings()}>
              {t('keySetInBrowser')}
            </button>
          </span>
        )}
      </dd>
    </div>
  );
}
