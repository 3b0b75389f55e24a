/**
 * The toolbar popup: the actors and topics mentioned on the current page,
 * with counts (each a button that jumps to its next mention), a switch for
 * this site and one to pause everywhere.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EntityType } from '../../core/corpus/schema.ts';
import { t, type MessageKey } from '../../core/i18n.ts';
import { isSiteOn, type Settings } from '../../core/settings.ts';
import { errorText } from '../ask-background.ts';
import type { PageMentions, PopupClient } from './popup-client.ts';
import { PageStatementsView } from '../../ui/statements/page-statements.tsx';
import { TYPE_COLORS } from '../../ui/theme.ts';
import { plural } from '../../ui/plural.ts';
import { InstallProgressView } from '../install-progress.tsx';

export const TYPE_KEYS: Record<EntityType, MessageKey> = {
  person: 'typePerson',
  organization: 'typeOrganization',
  collective: 'typeCollective',
  place: 'typePlace',
  event: 'typeEvent',
  topic: 'typeTopic',
};

/** The most mentioned first, whatever the type; then by name. */
export function order(a: { count: number; label: string }, b: { count: number; label: string }): number {
  return b.count - a.count || a.label.localeCompare(b.label);
}

export function Popup({ client }: { client: PopupClient }) {
  const [settings, setSettings] = useState<Settings>();
  const [page, setPage] = useState<PageMentions | null>();
  const [labels, setLabels] = useState<Map<string, { label: string; type: EntityType }>>(new Map());
  const [error, setError] = useState<string>();
  const [damaged, setDamaged] = useState(false);

  const refresh = async () => {
    const [s, p, l] = await Promise.all([client.settings(), client.mentions(), client.labels()]);
    setSettings(s);
    setPage(p ?? null);
    setLabels(l);
  };
  useEffect(() => {
    refresh().catch((err: unknown) => setError(errorText(err)));
    // Told where the user works, not only in Options: their own layer did not read and is kept aside.
    client.damagedLayer?.().then(setDamaged, (err: unknown) => console.warn('OnRecord: could not ask whether your own layer reads', err));
  }, []);

  const act = (work: () => Promise<unknown>) => {
    setError(undefined);
    work()
      // The tab applies the change on its own time: read its mentions once it reports it is done.
      .then(() => client.settled())
      .then(refresh)
      .catch((err: unknown) => setError(errorText(err)));
  };

  if (!settings || page === undefined) return <main class="popup"><p>{t('loading')}</p></main>;
  const site = page?.site;
  const siteOn = site ? isSiteOn({ ...settings, paused: false }, site) : false;
  const rows = (page?.mentions ?? [])
    .map((m) => ({ ...m, label: labels.get(m.entityId)?.label ?? m.entityId }))
    .sort(order);
  const total = rows.reduce((n, r) => n + r.count, 0);

  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      {client.installProgress && <InstallProgressView watch={client.installProgress} />}
      {damaged && (
        <p role="alert" class="error" data-damaged-layer>
          {t('popupUserLayerDamaged')}{' '}
          <button type="button" class="link" onClick={() => client.openOptions()}>{t('popupOptions')}</button>
        </p>
      )}
      {site ? (
        <label class="switch">
          <input type="checkbox" checked={siteOn} onChange={(e) => act(() => client.setSite(site, e.currentTarget.checked))} />
          <span>{t('popupSiteSwitch', site)}</span>
        </label>
      ) : (
        <p class="note">{t('popupNoPage')}</p>
      )}
      <label class="switch">
        <input type="checkbox" checked={settings.paused} onChange={(e) => act(() => client.setPaused(e.currentTarget.checked))} />
        <span>{t('popupPause')}</span>
      </label>
      {error && <p role="alert" class="error">{error}</p>}
      {site && (
        <section aria-labelledby="mentions-title">
          <h2 id="mentions-title">{t('popupMentionsTitle', String(total))}</h2>
          {settings.paused || !siteOn ? (
            <p class="note">{t('popupOff')}</p>
          ) : rows.length === 0 ? (
            <p class="note">{t('popupNoMentions')}</p>
          ) : (
            <ul class="mentions">
              {rows.map((r) => (
                <li key={r.entityId}>
                  <button type="button" data-entity={r.entityId} title={t('popupJump', r.label)} onClick={() => act(() => client.focus(r.entityId))}>
                    <span class="dot" style={{ '--dot-light': TYPE_COLORS[r.type].light, '--dot-dark': TYPE_COLORS[r.type].dark }} aria-hidden="true" />
                    <span class="label">{r.label}</span>
                    <span class="type">{t(TYPE_KEYS[r.type])}</span>
                    <span class="count" aria-label={t('popupCount', String(r.count))}>{r.count}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {site && !settings.paused && siteOn && page?.saved && page.saved.unplaced > 0 && (
        <div role="status" class="unplaced">
          <p>{plural('popupUnplaced', page.saved.unplaced)}</p>
          {page.saved.unreported && <p class="error">{t('popupUnreported')}</p>}
          <button type="button" class="link" onClick={() => client.openLibrary()}>{t('popupLibrary')}</button>
        </div>
      )}
      {site && !settings.paused && siteOn && (
        <section aria-labelledby="statements-title" class="statements">
          <h2 id="statements-title">{t('statementsTitle')}</h2>
          <PageStatementsView client={client.statements} />
        </section>
      )}
      <p class="footer">
        <button type="button" class="link" onClick={() => client.openLibrary()}>{t('popupLibrary')}</button>
        {' · '}
        <button type="button" class="link" onClick={() => client.openOptions()}>{t('popupOptions')}</button>
      </p>
    </main>
  );
}
