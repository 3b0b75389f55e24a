import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englishKeys, t } from './i18n.ts';

const LOCALES = 'public/_locales';
const catalogue = (lang: string) => JSON.parse(readFileSync(`${LOCALES}/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;

describe('i18n', () => {
  it('falls back to English with $1… substitutions where no extension API exists', () => {
    expect(t('popupSiteSwitch', 'bbc.com')).toBe('On for bbc.com');
    expect(t('optRefused', 'a.json')).toBe('a.json cannot be imported. Nothing was changed:');
  });

  it('English is complete; every other locale uses only English keys and carries the manifest strings', () => {
    const en = catalogue('en');
    expect(englishKeys().every((k) => en[k]!.message.length > 0)).toBe(true);
    const others = readdirSync(LOCALES).filter((l) => l !== 'en');
    expect(others).toEqual(expect.arrayContaining(['ru', 'uk']));
    for (const lang of others) {
      const keys = Object.keys(catalogue(lang));
      expect(keys.filter((k) => !(k in en))).toEqual([]);
      expect(keys).toEqual(expect.arrayContaining(['extName', 'extDescription']));
    }
  });

  it('the pages of issue 7 hold no literal UI text outside t()', () => {
    const dirs = ['src/pages/popup', 'src/pages/options', 'src/ui/popover', 'src/pages/source', 'src/pages/sidepanel', 'src/pages/library/checks',
      'src/pages/library', 'src/pages/library/highlights', 'src/content', 'src/ui/statements', 'src/pages/library/record', 'src/pages/review'];
    for (const dir of dirs) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsx') && !f.includes('.test.'))) {
        const src = readFileSync(`${dir}/${file}`, 'utf8');
        const literals = [
          // Text with a letter right before a closing tag, e.g. `<button>Apply</button>`: must come from t() instead.
          ...[...src.matchAll(/>([^<>{}()\n;=]*\p{L}[^<>{}()\n;=]*)<\//gu)].map((m) => m[1]!.trim()),
          // A line of bare text between tags, e.g. `<p>\n  Loading…\n</p>`.
          ...[...src.matchAll(/>\n\s*(\p{L}[^<>{}()\n;=:'"`]*)\n\s*<\//gu)].map((m) => m[1]!.trim()),
          // Attributes people read, e.g. `aria-label="Close"`; a one-word placeholder is an example value (`en`, `example.org`), not text.
          ...[...src.matchAll(/(?:aria-label|title|alt)="([^"]*\p{L}[^"]*)"/gu)].map((m) => m[1]!),
          ...[...src.matchAll(/placeholder="([^"]*\p{L}[^"]* [^"]*)"/gu)].map((m) => m[1]!),
        ];
        expect({ file, literals }).toEqual({ file, literals: [] });
      }
    }
  });
});
