/**
 * The settings as page state, with an update that stores a patch (or switches one site) and returns the stored
 * result. The state follows changes made elsewhere (the popup's site switch, a restore), so an edit here never
 * writes back a list that is out of date.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Settings, SettingsPatch } from '../../core/settings.ts';
import { BgPageSettingsChanged, messageType } from '../../shared/messages.ts';
import { ask, errorText } from '../ask-background.ts';

export interface SettingsState {
  settings: Settings | undefined;
  update: (patch: SettingsPatch) => void;
  /** Switches one site on or off in the current mode; the background edits its own copy of the list. */
  setSite: (site: string, on: boolean) => void;
  error: string | undefined;
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState<string>();
  // Reads (after a "settings changed" message) and writes may be answered out of order: only the newest answer is
  // shown, so an older list never replaces a newer one, even for a moment.
  const latest = useRef(0);
  const ask1 = (message: Parameters<typeof ask>[0]) => {
    const mine = ++latest.current;
    return ask<{ settings: Settings }>(message).then(
      (r) => {
        if (mine === latest.current) setSettings(r.settings);
      },
      (err: unknown) => {
        if (mine === latest.current) setError(errorText(err));
      },
    );
  };
  const request = (message: Parameters<typeof ask>[0]) => {
    setError(undefined);
    void ask1(message);
  };
  useEffect(() => {
    const read = () => ask1({ type: 'page-bg-get-settings' });
    void read();
    // Only the extension's own worker announces (a content script is a sender with a tab).
    const listener = (message: unknown, sender: browser.Runtime.MessageSender) => {
      if (sender.id === browser.runtime.id && !sender.tab && (message as { type?: unknown } | null)?.type === messageType(BgPageSettingsChanged)) void read();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);
  return {
    settings,
    update: (patch) => request({ type: 'page-bg-update-settings', patch }),
    setSite: (site, on) => request({ type: 'page-bg-set-site', site, on }),
    error,
  };
}
