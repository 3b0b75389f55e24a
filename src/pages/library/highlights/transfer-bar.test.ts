import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setFallbackCatalogue, type Catalogue } from '../../../core/i18n.ts';
import { undoneMessage } from './transfer-bar.tsx';

const catalogue = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Catalogue;

/** What the toast says after Undo of an import, in `lang` (the plural rules follow the catalogue's language). */
function said(lang: string, kept: number): string {
  const g = globalThis as { chrome?: unknown };
  const before = g.chrome;
  g.chrome = { i18n: { getMessage: (name: string) => (name === '@@ui_locale' ? lang : '') } };
  setFallbackCatalogue(catalogue(lang));
  try {
    return undoneMessage({ removed: 1, restored: 1, kept: Array.from({ length: kept }, (_, i) => `id-${i}`) });
  } finally {
    setFallbackCatalogue(catalogue('en'));
    g.chrome = before;
  }
}

describe('the message after Undo of a library import', () => {
  it('says in words, with the right plural, how many highlights edited since the import were kept', () => {
    expect(said('en', 0)).toBe('Import undone.');
    expect(said('en', 1)).toBe('Import undone, except 1 highlight you changed since the import: it was kept as you left it.');
    expect(said('en', 2)).toBe('Import undone, except 2 highlights you changed since the import: they were kept as you left them.');
    expect(said('ru', 1)).toBe('Импорт отменён, кроме 1 выделения, которое вы изменили после импорта: оно осталось как есть.');
    expect(said('ru', 3)).toBe('Импорт отменён, кроме 3 выделений, которые вы изменили после импорта: они остались как есть.');
    expect(said('ru', 21)).toBe('Импорт отменён, кроме 21 выделения, которое вы изменили после импорта: оно осталось как есть.');
    expect(said('uk', 5)).toBe('Імпорт скасовано, крім 5 виділень, які ви змінили після імпорту: вони лишилися як є.');
    expect(said('uk', 0)).toBe('Імпорт скасовано.');
  });
});
