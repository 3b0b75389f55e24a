import { render } from 'preact';
import { t } from '../../core/i18n.ts';
import { ClaimPanel } from './claim-panel.tsx';
import { panelClient } from './panel-client.ts';
import './sidepanel.css';

const app = document.getElementById('app');
if (!app) throw new Error('side panel: #app is missing from index.html');
document.title = t('sidepanelDocTitle');

/** `?tab=<id>`: the tab whose claim this panel shows (set by the background for each tab's panel). */
const tab = Number.parseInt(new URLSearchParams(window.location.search).get('tab') ?? '', 10);

render(<ClaimPanel client={panelClient} tabId={Number.isInteger(tab) ? tab : undefined} />, app);
