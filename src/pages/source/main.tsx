import { render } from 'preact';
import { t } from '../../core/i18n.ts';
import { requestSource } from './request-source.ts';
import { SourcePage } from './source-page.tsx';
import { readLocation, withPosition } from './url-state.ts';
import './source.css';

const app = document.getElementById('app');
if (!app) throw new Error('source page: #app is missing from index.html');
document.title = t('sourceDocTitle');

render(
  <SourcePage
    location={readLocation(window.location.search)}
    load={requestSource}
    onPositionChange={(id) => history.replaceState(null, '', withPosition(window.location.href, id))}
  />,
  app,
);
