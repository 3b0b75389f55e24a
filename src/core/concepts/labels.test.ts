/** Audit 10 A17: concept names follow the interface language (uk, ru, de; English the fallback). */
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, validateConcepts } from './index.ts';
import { conceptLabel } from './schema.ts';

const words = { en: ['a'], ru: ['б'], uk: ['в'], de: ['d'] };
const set = (labels: unknown) => ({ formatVersion: 1, id: 'x', title: 'x', version: '1', concepts: [{ id: 'a', label: 'A', labels, words }] });

describe('concept labels per language', () => {
  it('every bundled concept has a Ukrainian, Russian and German label, and the set validates', () => {
    expect(validateConcepts(BUNDLED_CONCEPTS, 'concepts.json').problems).toEqual([]);
    const missing = BUNDLED_CONCEPTS.concepts.flatMap((c) => (['uk', 'ru', 'de'] as const).filter((l) => !c.labels?.[l]).map((l) => `${c.id} ${l}`));
    expect(missing).toEqual([]);
  });

  it('chooses the label of the interface language, English for any other', () => {
    const c = BUNDLED_CONCEPTS.concepts.find((x) => x.id === 'readiness-to-negotiate')!;
    expect(conceptLabel(c, 'uk')).toBe('Готовність до переговорів');
    expect(conceptLabel(c, 'ru-RU')).toBe('Готовность к переговорам');
    expect(conceptLabel(c, 'de_DE')).toBe('Verhandlungsbereitschaft');
    expect(conceptLabel(c, 'en-GB')).toBe('Readiness to negotiate');
    expect(conceptLabel(c, 'fr')).toBe('Readiness to negotiate');
    expect(conceptLabel({ label: 'Only English' }, 'uk')).toBe('Only English');
  });

  it('refuses an unknown language key, an empty label, and a label in the wrong alphabet', () => {
    const problems = (labels: unknown) => validateConcepts(set(labels), 'x.json').problems.map((p) => `${p.path}: ${p.message}`);
    expect(problems({ uk: 'Переговори', ru: 'Переговоры' })).toEqual([]);
    expect(problems({ ua: 'Переговори' }).join('\n')).toMatch(/labels/);
    expect(problems({ uk: ' ' }).join('\n')).toMatch(/must not be empty/);
    expect(problems({ uk: 'Negotiations' }).join('\n')).toMatch(/no Ukrainian letters/);
    expect(problems({ uk: 'Переговоры' }).join('\n')).toMatch(/letters that Ukrainian does not use/);
    expect(problems({ ru: 'Переговори і мир' }).join('\n')).toMatch(/letters that Russian does not use/);
  });
});
