/**
 * Dictionaries for the page benchmark, as corpora the extension can bundle:
 * the seed corpus's entities first (one alias each, then their other
 * spellings), padded with synthetic people and organizations up to the wanted
 * alias count. Every corpus is checked against the real validator.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Alias, Corpus, Entity } from '../../src/core/corpus/schema.ts';
import { formatProblem, validateCorpus } from '../../src/core/corpus/validate.ts';
import { seededRandom } from '../lib/synthetic-news.ts';
import { parseCorpusShape } from '../../src/core/corpus/schema.ts';

const SEED_PATH = resolve(import.meta.dirname, '../../corpus/seed.json');

/** The page is English: foreign-script and foreign-language spellings of the seed would never be found on it. */
const isEnglish = (a: Alias) => a.lang === undefined || a.lang === 'en';

const GIVEN = 'Anna Boris Clara Daniel Elena Farid Greta Hamid Irina Jonas Katya Lev Marta Nikolai Olga Pavel Rosa Stefan Tamar Viktor Yulia Zoran'.split(' ');
const SYLLABLES = 'var kon ist ral men dov tis bel gar nor ush vel kam pir sod lek tav run esh bor'.split(' ');
const ORG_KINDS = ['Institute', 'Foundation', 'Council', 'Committee', 'Agency', 'Union'];

function surname(rand: () => number): string {
  const parts = 2 + Math.floor(rand() * 2);
  let s = '';
  for (let i = 0; i < parts; i++) s += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return s[0]!.toUpperCase() + s.slice(1) + (rand() < 0.5 ? 'ov' : 'is');
}

/** Seed entities trimmed to English aliases, round-robin: every entity's first alias before anyone's second. */
function seedEntities(limit: number): Entity[] {
  const seed = parseCorpusShape(JSON.parse(readFileSync(SEED_PATH, 'utf8')));
  const english = seed.entities.map((e) => ({ ...e, aliases: e.aliases.filter(isEnglish) })).filter((e) => e.aliases.length > 0);
  const taken = new Map<string, Alias[]>();
  let count = 0;
  for (let round = 0; count < limit; round++) {
    let any = false;
    for (const e of english) {
      const a = e.aliases[round];
      if (!a || count >= limit) continue;
      any = true;
      taken.set(e.id, [...(taken.get(e.id) ?? []), a]);
      count++;
    }
    if (!any) break;
  }
  return english.filter((e) => taken.has(e.id)).map((e) => ({ ...e, side: undefined, aliases: taken.get(e.id)! }));
}

/** Synthetic people ("Marta Velkamis", "Velkamis") and organizations ("Velkamis Institute"). */
function syntheticEntities(count: number, used: Set<string>): Entity[] {
  const rand = seededRandom(7);
  const out: Entity[] = [];
  let made = 0;
  while (made < count) {
    const last = surname(rand);
    if (rand() < 0.8) {
      const full = `${GIVEN[Math.floor(rand() * GIVEN.length)]} ${last}`;
      if (used.has(full.toLowerCase()) || used.has(last.toLowerCase())) continue;
      const aliases = count - made >= 2 ? [{ text: full }, { text: last }] : [{ text: full }];
      for (const a of aliases) used.add(a.text.toLowerCase());
      out.push({ id: `bench-p${out.length}`, type: 'person', label: full, aliases, context: [] });
      made += aliases.length;
    } else {
      const name = `${last} ${ORG_KINDS[Math.floor(rand() * ORG_KINDS.length)]}`;
      if (used.has(name.toLowerCase())) continue;
      used.add(name.toLowerCase());
      out.push({ id: `bench-o${out.length}`, type: 'organization', label: name, aliases: [{ text: name }], context: [] });
      made++;
    }
  }
  return out;
}

/** A valid corpus of exactly `aliasCount` aliases (the seed's English aliases first). */
export function benchCorpus(aliasCount: number): Corpus {
  const seed = seedEntities(aliasCount);
  const used = new Set(seed.flatMap((e) => e.aliases.map((a) => a.text.toLowerCase())));
  const seedAliases = seed.reduce((n, e) => n + e.aliases.length, 0);
  const entities = [...seed, ...syntheticEntities(aliasCount - seedAliases, used)];
  const corpus = {
    formatVersion: 1,
    id: 'seed',
    title: `Page benchmark dictionary, ${aliasCount} aliases`,
    version: `bench.${aliasCount}`,
    sides: [],
    sources: [],
    entities,
    positions: [],
  };
  const result = validateCorpus(corpus, { fileName: `bench-${aliasCount}.json` });
  if (!result.corpus) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.corpus;
}

export const aliasTexts = (corpus: Corpus): string[] => corpus.entities.flatMap((e) => e.aliases.map((a) => a.text));
