import { describe, expect, it } from 'vitest';
import { stem } from './stem.ts';
import { contentKeys, splitWords, termKey, words } from './tokenize.ts';

describe('words and keys', () => {
  it('splits Latin and Cyrillic words with offsets, keeping inner apostrophes', () => {
    const text = 'Russia’s envoy — Пєсков, Київ: 300 000';
    const ws = words(text);
    expect(ws.map((w) => w.text)).toEqual(['Russia’s', 'envoy', 'Пєсков', 'Київ', '300', '000']);
    for (const w of ws) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(splitWords('Зеленський: «мир»')).toEqual(['Зеленський', 'мир']);
  });

  it('folds case, Latin diacritics and ё, but keeps й/и and ї/і apart', () => {
    expect(termKey('SELENSKYJ')).toBe(termKey('selenskyj'));
    expect(termKey('Poutine')).toBe(termKey('poutine'));
    expect(words('Ёлка')[0]!.folded).toBe('елка');
    expect(words('Київ')[0]!.folded).not.toBe(words('Киів')[0]!.folded);
    expect(words('мой')[0]!.folded).not.toBe(words('мои')[0]!.folded);
    expect(words('Außenministerium')[0]!.folded).toBe('aussenministerium');
  });

  it('drops stopwords and reporting verbs in every supported language', () => {
    expect(contentKeys('Peskov said that the talks ended')).toEqual([stem('peskov'), stem('talks'), stem('ended')]);
    expect(termKey('заявил')).toBeNull();
    expect(termKey('sagte')).toBeNull();
    expect(termKey('заявив')).toBeNull();
  });

  it('brings inflected and derived English forms to one stem', () => {
    const negotiate = ['negotiate', 'negotiated', 'negotiating', 'negotiation', 'negotiations'].map((w) => stem(w));
    expect(new Set(negotiate).size).toBe(1);
    expect(stem('withdrawal')).toBe(stem('withdraw'));
    expect(stem('mediators')).toBe(stem('mediation'));
    expect(stem('talks')).toBe(stem('talk'));
    expect(stem('crisis')).toBe('crisis');
  });

  it('strips one Cyrillic case ending, never below three letters', () => {
    expect(stem('переговорам')).toBe(stem('переговоры'));
    expect(stem('мир')).toBe('мир');
  });
});
