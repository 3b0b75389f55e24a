/**
 * The side panel's two views: the claim check (issue 6/11) and the statements
 * on this tab's page (issue 12). Tabs in the ARIA pattern: arrows move
 * between them, the view keeps its state while hidden.
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '../../core/i18n.ts';

interface Props {
  claims: ComponentChildren;
  statements: () => ComponentChildren;
}

type View = 'claims' | 'statements';

export function PanelTabs({ claims, statements }: Props) {
  const [view, setView] = useState<View>('claims');
  const [seen, setSeen] = useState(false);
  const buttons = useRef<Record<View, HTMLButtonElement | null>>({ claims: null, statements: null });
  const show = (next: View) => {
    setView(next);
    if (next === 'statements') setSeen(true);
    buttons.current[next]?.focus();
  };
  const tab = (id: View, label: string) => (
    <button
      type="button"
      role="tab"
      id={`panel-tab-${id}`}
      ref={(el) => {
        buttons.current[id] = el;
      }}
      aria-selected={view === id}
      aria-controls={`panel-view-${id}`}
      tabIndex={view === id ? 0 : -1}
      onClick={() => show(id)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          e.preventDefault();
          show(view === 'claims' ? 'statements' : 'claims');
        }
      }}
    >
      {label}
    </button>
  );
  return (
    <>
      <div role="tablist" class="panel-tabs" aria-label={t('panelViews')}>
        {tab('claims', t('panelTabClaims'))}
        {tab('statements', t('statementsTitle'))}
      </div>
      <div role="tabpanel" id="panel-view-claims" aria-labelledby="panel-tab-claims" hidden={view !== 'claims'}>{claims}</div>
      <div role="tabpanel" id="panel-view-statements" aria-labelledby="panel-tab-statements" hidden={view !== 'statements'} class="panel-statements">
        {seen ? statements() : null}
      </div>
    </>
  );
}
