/** The language of dates and numbers in the extension's own UI (popover, extension pages). */
import { uiLanguage } from './plural.ts';

/** The languages the extension's messages exist in (public/_locales). */
const MESSAGE_LANGUAGES = ['en', 'uk', 'ru'];

/**
 * The interface language, for dates (issue 13): the language the card's words are in, not the page's (a German
 * page read with a Ukrainian interface shows "6 грудня 2022"). The browser's UI language when the extension has
 * messages in it, else English, as the messages fall back.
 */
export function interfaceLocale(ui: string = uiLanguage()): string {
  const tag = ui.replace('_', '-');
  const base = tag.split('-')[0]!.toLowerCase();
  if (!MESSAGE_LANGUAGES.includes(base)) return 'en';
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0 ? tag : base;
  } catch {
    return base;
  }
}
