import { render } from 'preact';
import { OptionsPage } from './options-page.tsx';
import './options.css';

const app = document.getElementById('app');
if (!app) throw new Error('options: #app is missing from index.html');
document.documentElement.lang = navigator.language.split('-')[0] ?? 'en';

render(<OptionsPage />, app);
