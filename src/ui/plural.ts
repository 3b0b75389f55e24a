/**
 * Counted UI strings through `_locales`. chrome.i18n has no plural forms, so a
 * counted message is four keys, `<base>One`, `<base>Few`, `<base>Many` and
 * `<base>Other`, and Intl.PluralRules in the browser's UI language picks one:
 * Ukrainian and Russian need all four (1 позиція, 2 позиції, 5 позицій, 1,5
 * позиції); English uses One and Other, its Few and Many repeat Other.
 */
import { t, type MessageKey } from '../core/i18n.ts';

const FORMS = { one: 'One', few: 'Few', many: 'Many', other: 'Other' } as const;
type Form = (typeof FORMS)[keyof typeof FORMS];

/** Message bases that have all four forms in the English catalogue. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}Other` ? (`${B}${Form}` extends MessageKey ? B : never) : never;
}[MessageKey];

interface I18nLanguage {
  getUILanguage?(): string;
  getMessage?(name: string): string;
}

/**
 * The language the browser shows extension messages in; English where no extension API exists (unit tests).
 * Read first from the predefined message `@@ui_locale`, the locale the messages themselves come from: in a
 * Chromium content script with a Ukrainian interface, getUILanguage was seen to answer English while every
 * message was Ukrainian (dates and plural forms then followed English).
 */
export function uiLanguage(): string {
  const g = globalThis as { browser?: { i18n?: I18nLanguage }; chrome?: { i18n?: I18nLanguage } };
  for (const api of [g.chrome?.i18n, g.browser?.i18n]) {
    const language = api?.getMessage?.('@@ui_locale') || api?.getUILanguage?.();
    if (language) return language.replace('_', '-');
  }
  return 'en';
}

function rules(language: string): Intl.PluralRules {
  try {
    return new Intl.PluralRules(language);
  } catch {
    return new Intl.PluralRules('en');
  }
}

/** The form of `base` for `count`; `substitutions` default to the count itself ($1). */
export function plural(base: PluralBase, count: number, substitutions: readonly (string | number)[] = [count], language = uiLanguage()): string {
  const category = rules(language).select(count) as keyof typeof FORMS;
  return t(`${base}${FORMS[category] ?? 'Other'}` as MessageKey, substitutions);
}
