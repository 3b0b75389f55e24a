/**
 * The first-run page (issue 13), opened once on install by the service worker (background/first-run.ts):
 * what OnRecord does, a demo article underlined by the installed record with the real popover, and the three
 * keyboard commands with their current shortcuts. Localized through _locales like every page.
 */
import browser from 'webextension-polyfill';
import { t } from '../../core/i18n.ts';
import { DemoArticle } from './demo-article.tsx';
import { CommandKey, InCardKeys, openShortcutSettings, useCommandShortcuts } from '../command-keys.tsx';
import { LIBRARY_PAGE } from '../library-page.ts';

export function WelcomePage() {
  const commands = useCommandShortcuts();
  const focusKey = commands?.find((c) => c.name === 'focus-next-mention')?.shortcut || 'Alt+Shift+O';

  return (
    <main class="welcome">
      <header>
        <h1>{t('welcomeTitle')}</h1>
        <p class="lead">{t('welcomeLead')}</p>
        <p class="privacy">{t('welcomePrivacy')}</p>
      </header>

      <section aria-labelledby="demo-title">
        <h2 id="demo-title">{t('welcomeDemoTitle')}</h2>
        <p>{t('welcomeDemoHint', focusKey)}</p>
        <DemoArticle />
      </section>

      <section aria-labelledby="keys-title">
        <h2 id="keys-title">{t('welcomeKeysTitle')}</h2>
        <dl class="keys" data-testid="commands">
          {(commands ?? []).map((c) => (
            <CommandKey key={c.name} command={c} />
          ))}
        </dl>
        <h3>{t('welcomeKeysInCard')}</h3>
        <dl class="keys">
          <InCardKeys />
        </dl>
        <p class="note">
          {t('optKeysHint')}{' '}
          <button type="button" class="link" onClick={() => void openShortcutSettings()}>
            {t('welcomeKeysChange')}
          </button>
        </p>
      </section>

      <section aria-labelledby="next-title">
        <h2 id="next-title">{t('welcomeNextTitle')}</h2>
        <ul class="next">
          <li><button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>{t('welcomeOpenOptions')}</button></li>
          <li><a href={browser.runtime.getURL(LIBRARY_PAGE)}>{t('welcomeOpenLibrary')}</a></li>
        </ul>
      </section>
    </main>
  );
}
