import { render } from 'preact';
import { Popup } from './popup.tsx';
import { connectPopup } from './popup-client.ts';
import './popup.css';
import '../../ui/statements/statements.css';

const app = document.getElementById('app');
if (!app) throw new Error('popup: #app is missing from index.html');
document.documentElement.lang = navigator.language.split('-')[0] ?? 'en';

render(<Popup client={connectPopup(new URLSearchParams(window.location.search))} />, app);
