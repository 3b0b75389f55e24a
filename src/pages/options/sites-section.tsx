/** Where OnRecord runs: on every site (minus those switched off) or only on the sites the user allows. */
import { useState } from 'preact/hooks';
import { t } from '../../core/i18n.ts';
import { siteOf, type Settings, type SettingsPatch } from '../../core/settings.ts';

interface Props {
  settings: Settings;
  update: (patch: SettingsPatch) => void;
  /** One site on or off in the current mode (the background edits the stored list: no stale copy is written back). */
  setSite: (site: string, on: boolean) => void;
}

function normalise(input: string): string | undefined {
  const trimmed = input.trim();
  return siteOf(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
}

export function SitesSection({ settings, update, setSite }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();

  const allow = (e: Event) => {
    e.preventDefault();
    setError(undefined);
    const site = normalise(draft);
    if (!site) return setError(t('optSiteInvalid'));
    // The stored list is the switch the content script obeys (ADR 003): no browser prompt.
    setSite(site, true);
    setDraft('');
  };

  const list = settings.mode === 'all' ? settings.disabledSites : settings.allowedSites;
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('optSitesTitle')}</h2>
      <fieldset>
        <legend>{t('optModeLegend')}</legend>
        <label><input type="radio" name="mode" value="all" checked={settings.mode === 'all'} onChange={() => update({ mode: 'all' })} /> {t('optModeAll')}</label>
        <label><input type="radio" name="mode" value="allowlist" checked={settings.mode === 'allowlist'} onChange={() => update({ mode: 'allowlist' })} /> {t('optModeAllowlist')}</label>
      </fieldset>
      <label class="row">
        <input type="checkbox" checked={settings.paused} onChange={(e) => update({ paused: e.currentTarget.checked })} /> {t('popupPause')}
      </label>
      <h3>{settings.mode === 'all' ? t('optDisabledSites') : t('optAllowedSites')}</h3>
      {list.length === 0 ? (
        <p class="note">{settings.mode === 'all' ? t('optNoDisabledSites') : t('optNoAllowedSites')}</p>
      ) : (
        <ul class="sites" data-list={settings.mode === 'all' ? 'disabled' : 'allowed'}>
          {list.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                onClick={() => setSite(site, settings.mode === 'all')}
              >
                {settings.mode === 'all' ? t('optSwitchOn') : t('optRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {settings.mode === 'allowlist' && (
        <form class="row" onSubmit={allow}>
          <label>
            {t('optAddSite')} <input value={draft} placeholder="example.org" onInput={(e) => setDraft(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('optAllow')}</button>
        </form>
      )}
      {error && <p role="alert" class="error">{error}</p>}
    </section>
  );
}
