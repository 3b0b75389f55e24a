import { render } from 'preact';
import { t } from '../../core/i18n.ts';
import { uiLanguage } from '../../ui/plural.ts';
import { ReviewPage } from './review-page.tsx';
import { reviewClient } from './review-client.ts';
import '../../ui/statements/statements.css';
import './review.css';

const app = document.getElementById('app');
if (!app) throw new Error('review page: #app is missing from index.html');
document.title = t('reviewDocTitle');
document.documentElement.lang = uiLanguage();

render(<ReviewPage client={reviewClient} />, app);
