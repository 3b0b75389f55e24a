/**
 * Chrome refuses to load the whole extension when a message has a `$name$`
 * placeholder it does not define (e.g. "$1$2" reads as placeholder "1"):
 * every substitution in our catalogues is `$1`…`$9`, never two in a row.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('locale messages load in Chrome', () => {
  for (const lang of ['en', 'uk', 'ru']) {
    it(`${lang}: no $…$ placeholder pattern`, () => {
      const messages = JSON.parse(readFileSync(new URL(`../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<string, { message: string; placeholders?: unknown }>;
      const bad = Object.entries(messages).filter(([, m]) => !m.placeholders && /\$[A-Za-z0-9_@]+\$/u.test(m.message)).map(([k]) => k);
      expect(bad).toEqual([]);
    });
  }
});
