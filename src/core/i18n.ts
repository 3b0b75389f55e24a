/**
 * UI strings through the browser's `_locales` (chrome.i18n / browser.i18n),
 * with the English catalogue as a fallback where no extension API exists
 * (unit tests, the CLI). Messages use `$1`…`$9` for substitutions.
 */
import en from '../../public/_locales/en/messages.json';

type Catalogue = Record<string, { message: string }>;
const ENGLISH = en as Catalogue;

export type MessageKey = keyof typeof en;

interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
}

function api(): I18nApi | undefined {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\d)/g, (whole, n: string) => subs[Number(n) - 1] ?? whole);
}

export function t(key: MessageKey, substitutions?: string | number | readonly (string | number)[]): string {
  const subs = substitutions === undefined ? [] : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  const fromBrowser = api()?.getMessage(key, subs);
  if (fromBrowser) return fromBrowser;
  const fallback = ENGLISH[key]?.message;
  return fallback === undefined ? key : substitute(fallback, subs);
}

/** The English catalogue, for tests that check every key the UI uses exists. */
export function englishKeys(): string[] {
  return Object.keys(ENGLISH);
}
