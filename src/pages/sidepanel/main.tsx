import { render } from 'preact';
import { t } from '../../core/i18n.ts';
import { ClaimPanel } from './claim-panel.tsx';
import { panelClient } from './panel-client.ts';
import './sidepanel.css';
import '../../ui/statements/statements.css';
import browser from 'webextension-polyfill';
import { PageStatementsView } from '../../ui/statements/page-statements.tsx';
import { statementsClient } from '../statements-client.ts';
import { PanelTabs } from './panel-tabs.tsx';

const app = document.getElementById('app');
if (!app) throw new Error('side panel: #app is missing from index.html');
document.title = t('sidepanelDocTitle');

/** `?tab=<id>`: the tab whose claim this panel shows (set by the background for each tab's panel). */
const tab = Number.parseInt(new URLSearchParams(window.location.search).get('tab') ?? '', 10);

const tabId = Number.isInteger(tab) ? tab : undefined;
/** Statements of this panel's tab: the one it was opened for, else the active tab. */
const statementsTab = tabId !== undefined ? Promise.resolve(tabId) : browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => t?.id);
const statements = statementsClient(statementsTab);

render(
  <PanelTabs
    claims={<ClaimPanel client={panelClient} tabId={tabId} />}
    statements={() => <PageStatementsView client={statements} />}
  />,
  app,
);
