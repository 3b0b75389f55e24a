import { render } from 'preact';
import { t } from '../../core/i18n.ts';
import { interfaceLocale } from '../../ui/dates.ts';
import { WelcomePage } from './welcome-page.tsx';
import '../../ui/popover/popover.css';
import './welcome.css';

const app = document.getElementById('app');
if (!app) throw new Error('welcome: #app is missing from index.html');
document.documentElement.lang = interfaceLocale().split('-')[0]!;
document.title = t('welcomeTitle');

render(<WelcomePage />, app);
