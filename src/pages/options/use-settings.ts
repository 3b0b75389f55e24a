/** The settings as page state, with an update that stores a patch and returns the stored result. */
import { useEffect, useState } from 'preact/hooks';
import type { Settings, SettingsPatch } from '../../core/settings.ts';
import { ask, errorText } from '../ask-background.ts';

export function useSettings(): { settings: Settings | undefined; update: (patch: SettingsPatch) => void; error: string | undefined } {
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    ask<{ settings: Settings }>({ type: 'page-bg-get-settings' }).then((r) => setSettings(r.settings), (err: unknown) => setError(errorText(err)));
  }, []);
  const update = (patch: SettingsPatch) => {
    setError(undefined);
    ask<{ settings: Settings }>({ type: 'page-bg-update-settings', patch }).then((r) => setSettings(r.settings), (err: unknown) => setError(errorText(err)));
  };
  return { settings, update, error };
}
