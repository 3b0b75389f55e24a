/**
 * UI strings through the browser's `_locales` (chrome.i18n / browser.i18n).
 * Where no extension API exists (unit tests) a fallback catalogue is
 * installed with setFallbackCatalogue (test/support/i18n-setup.ts installs
 * English). The catalogue is deliberately not imported here: it would ship
 * every message and its description inside the content script, which has the
 * browser's API anyway. Messages use `$1`…`$9` for substitutions.
 */
import type en from '../../public/_locales/en/messages.json';

export type Catalogue = Record<string, { message: string }>;
let fallbackCatalogue: Catalogue = {};

export type MessageKey = keyof typeof en;

/** The messages used where the browser's i18n API is missing (tests). */
export function setFallbackCatalogue(catalogue: Catalogue): void {
  fallbackCatalogue = catalogue;
}

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
  const fallback = fallbackCatalogue[key]?.message;
  return fallback === undefined ? key : substitute(fallback, subs);
}

/** The keys of the fallback catalogue (English in tests), for tests that check every key the UI uses exists. */
export function englishKeys(): string[] {
  return Object.keys(fallbackCatalogue);
}
