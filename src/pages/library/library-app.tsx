/**
 * The library page: two tabs, the researchers' highlights and the
 * moderators' claim checks. The tab is in the URL fragment (#highlights,
 * #checks) so a link or a reload lands on the same tab. Tabs follow the
 * WAI-ARIA tabs pattern: ←/→ move between them, Home/End to the ends.
 */
import type { ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ChecksView } from './checks/checks-view.tsx';
import { HighlightsView } from './highlights/highlights-view.tsx';
import type { LibraryStore } from './highlights/library-store.ts';

export type LibraryTab = 'highlights' | 'checks';
const TABS: ReadonlyArray<{ id: LibraryTab; label: string }> = [
  { id: 'highlights', label: 'Highlights' },
  { id: 'checks', label: 'Checks' },
];

export function tabFromHash(hash: string): LibraryTab {
  return hash === '#checks' ? 'checks' : 'highlights';
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
    const at = TABS.findIndex((t) => t.id === tab);
    const to: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 };
    const i = to[e.key];
    if (i === undefined) return;
    e.preventDefault();
    choose((TABS[(i + TABS.length) % TABS.length] as (typeof TABS)[number]).id, true);
  };

  const panels: Record<LibraryTab, () => ComponentChild> = {
    highlights: () => <HighlightsView store={store} />,
    checks: () => <ChecksView />,
  };

  return (
    <div class="lib">
      <header class="lib-header">
        <h1>OnRecord library</h1>
        <div role="tablist" aria-label="Library" class="lib-tabs" onKeyDown={onKeyDown}>
          {TABS.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                buttons.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => choose(t.id)}
            >
              {t.label}
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
