import { render } from 'preact';
import { t } from '../../core/i18n.ts';
import { uiLanguage } from '../../ui/plural.ts';
import { dexieLibraryStore } from './highlights/library-store.ts';
import { LibraryApp, tabFromHash } from './library-app.tsx';
import '../../ui/selection-ui.css';
import './library.css';
import '../../ui/statements/statements.css';

const app = document.getElementById('app');
if (!app) throw new Error('library page: #app is missing from index.html');

document.title = t('libraryDocTitle');
document.documentElement.lang = uiLanguage();

render(<LibraryApp store={dexieLibraryStore()} initialTab={tabFromHash(location.hash)} />, app);
