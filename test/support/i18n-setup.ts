// Unit tests run without the browser's i18n API: UI strings come from the English catalogue.
import en from '../../public/_locales/en/messages.json';
import { setFallbackCatalogue } from '../../src/core/i18n.ts';

setFallbackCatalogue(en);
