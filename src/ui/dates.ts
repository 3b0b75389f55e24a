/**
 * Dates in the interface language, one way everywhere the extension shows
 * them (popover, library, side panel): record dates through
 * core/record/format-date (day, month or year precision), and moments (when a
 * highlight or a check was saved) as that same day label and the local time.
 */
import { formatDate } from '../core/record/format-date.ts';
import { uiLanguage } from './plural.ts';
import { localDay } from '../core/local-day.ts';

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

export { localDay };

/** A moment (ms since the epoch) as the day, as record dates are written, and the local time: "6 Dec 2026, 20:15". */
export function formatMoment(ms: number, locale: string = interfaceLocale()): string {
  const day = localDay(ms);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: locale === 'en' || locale.startsWith('en-') ? 'h23' : undefined }).format(ms);
  return `${formatDate({ from: day, to: day, precision: 'day' }, locale)}, ${time}`;
}
