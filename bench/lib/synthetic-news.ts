/**
 * Deterministic synthetic inputs for the matcher benchmark: news-like text in
 * English, Russian and Ukrainian with alias mentions sprinkled in, and
 * dictionaries of synthetic names (Latin and Cyrillic).
 */
import type { Entity } from '../../src/core/corpus/schema.ts';

/** A small fast seeded PRNG (mulberry32), so every run sees the same inputs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_WORDS = (
  'the said on in of to and a that talks minister officials war peace government statement ' +
  'according reported president spokesman told reporters negotiations delegation ceasefire region ' +
  'troops withdrawal sanctions meeting agreement security council forces city attack week ' +
  'interview television foreign ministry would could not any further weapons grain exports'
).split(' ');
const RU_WORDS = (
  'заявил сказал переговоры министр правительство война мир президент представитель делегация ' +
  'встреча соглашение войска регион санкции по в на и что не это также однако сообщил'
).split(' ');
const UK_WORDS = (
  'заявив сказав переговори міністр уряд війна мир президент речник делегація зустріч угода ' +
  'війська область санкції у на і що не це також однак повідомив їхній ґрунт'
).split(' ');

const LATIN_SYLLABLES = 'ka ro mi sha len vo dar ty bek nov ski na li gor an tel mor vik sta ber'.split(' ');
const CYRILLIC_SYLLABLES = 'ка ро ми ша лен во дар ты бек нов ски на ли гор ан тель мор вік ста бер'.split(' ');

function name(rand: () => number, syllables: readonly string[]): string {
  const parts = 2 + Math.floor(rand() * 3);
  let s = '';
  for (let i = 0; i < parts; i++) s += syllables[Math.floor(rand() * syllables.length)];
  return s[0]!.toUpperCase() + s.slice(1);
}

/** `count` aliases over count/2 entities: two-word Latin names, one-word surnames, Cyrillic names (1/3). */
export function syntheticEntities(count: number, seed = 1): Entity[] {
  const rand = seededRandom(seed);
  const entities: Entity[] = [];
  const used = new Set<string>();
  let made = 0;
  while (made < count) {
    const cyrillic = rand() < 1 / 3;
    const syl = cyrillic ? CYRILLIC_SYLLABLES : LATIN_SYLLABLES;
    const first = name(rand, syl);
    const last = name(rand, syl);
    const full = `${first} ${last}`;
    if (used.has(full) || used.has(last)) continue;
    used.add(full);
    used.add(last);
    const aliases = [{ text: full }, { text: last }].slice(0, Math.min(2, count - made));
    made += aliases.length;
    entities.push({ id: `e${entities.length}`, type: 'person', label: full, aliases, context: [] });
  }
  return entities;
}

/** About `bytes` of UTF-8 news-like text; roughly one word in `mentionEvery` is an alias (possibly inflected). */
export function syntheticText(bytes: number, entities: readonly Entity[], seed = 2, mentionEvery = 40): string {
  const rand = seededRandom(seed);
  const aliases = entities.flatMap((e) => e.aliases.map((a) => a.text));
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const lang = rand();
    const words = lang < 0.6 ? EN_WORDS : lang < 0.8 ? RU_WORDS : UK_WORDS;
    const sentence: string[] = [];
    const length = 8 + Math.floor(rand() * 18);
    for (let w = 0; w < length; w++) {
      if (rand() < 1 / mentionEvery) {
        const a = aliases[Math.floor(rand() * aliases.length)]!;
        const r = rand();
        sentence.push(/[а-яіїєґ]$/i.test(a) ? (r < 0.5 ? a + 'а' : a) : r < 0.3 ? a + '’s' : a);
      } else {
        sentence.push(words[Math.floor(rand() * words.length)]!);
      }
    }
    const s = sentence.join(' ');
    const line = s[0]!.toUpperCase() + s.slice(1) + (rand() < 0.2 ? '.\n\n' : '. ');
    parts.push(line);
    size += Buffer.byteLength(line);
  }
  return parts.join('');
}
