/**
 * The library page: two tabs, the researchers' highlights and the
 * moderators' claim checks. The tab is in the URL fragment (#highlights,
 * #checks) so a link or a reload lands on the same tab. Tabs follow the
 * WAI-ARIA tabs pattern: ←/→ move between them, Home/End to the ends.
 */
import type { ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../core/i18n.ts';
import { ChecksView } from './checks/checks-view.tsx';
import { HighlightsView } from './highlights/highlights-view.tsx';
import type { LibraryStore } from './highlights/library-store.ts';
import { MyRecordView } from './record/my-record-view.tsx';

export type LibraryTab = 'highlights' | 'checks' | 'record';
const TABS: ReadonlyArray<{ id: LibraryTab; label: MessageKey }> = [
  { id: 'highlights', label: 'libraryTabHighlights' },
  { id: 'checks', label: 'libraryTabChecks' },
  { id: 'record', label: 'libraryTabRecord' },
];

export function tabFromHash(hash: string): LibraryTab {
  return hash === '#checks' ? 'checks' : hash === '#record' ? 'record' : 'highlights';
}

export function LibraryApp({ store, initialTab }: { store: LibraryStore; initialTab: LibraryTab }) {
  const [tab, setTab] = useState<LibraryTab>(initialTab);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});

  useEffect(() => {
    const onHash = () => setTab(tabFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const choose = (next: LibraryTab, focus = false) => {
    setTab(next);
    history.replaceState(null, '', `#${next}`);
    if (focus) buttons.current[next]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const at = TABS.findIndex((x) => x.id === tab);
    const to: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 };
    const i = to[e.key];
    if (i === undefined) return;
    e.preventDefault();
    choose((TABS[(i + TABS.length) % TABS.length] as (typeof TABS)[number]).id, true);
  };

  const panels: Record<LibraryTab, () => ComponentChild> = {
    highlights: () => <HighlightsView store={store} />,
    checks: () => <ChecksView />,
    record: () => <MyRecordView />,
  };

  return (
    <div class="lib">
      <header class="lib-header">
        <h1>{t('libraryTitle')}</h1>
        <div role="tablist" aria-label={t('libraryTabs')} class="lib-tabs" onKeyDown={onKeyDown}>
          {TABS.map((x) => (
            <button
              key={x.id}
              ref={(el) => {
                buttons.current[x.id] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${x.id}`}
              aria-selected={tab === x.id}
              aria-controls={`panel-${x.id}`}
              tabIndex={tab === x.id ? 0 : -1}
              onClick={() => choose(x.id)}
            >
              {t(x.label)}
            </button>
          ))}
        </div>
      </header>
      <section id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} class="lib-panel">
        {panels[tab]()}
      </section>
    </div>
  );
}
