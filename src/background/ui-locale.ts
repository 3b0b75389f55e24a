/**
 * The interface language in the service worker: the locale the extension's messages come from (`@@ui_locale`),
 * as the pages read it (src/ui/plural.ts uiLanguage); English where no extension API exists (unit tests).
 */
export function workerUiLocale(): string {
  const g = globalThis as { chrome?: { i18n?: { getMessage?(name: string): string; getUILanguage?(): string } } };
  const language = g.chrome?.i18n?.getMessage?.('@@ui_locale') || g.chrome?.i18n?.getUILanguage?.();
  return language ? language.replace('_', '-') : 'en';
}
