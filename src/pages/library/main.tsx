import { render } from 'preact';
import { dexieLibraryStore } from './highlights/library-store.ts';
import { LibraryApp, tabFromHash } from './library-app.tsx';
import '../../content/selection-ui.css';
import './library.css';

const app = document.getElementById('app');
if (!app) throw new Error('library page: #app is missing from index.html');

render(<LibraryApp store={dexieLibraryStore()} initialTab={tabFromHash(location.hash)} />, app);
