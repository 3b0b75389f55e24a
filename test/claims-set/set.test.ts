/**
 * Validates the claims evaluation set (claims.jsonl) itself — not any
 * algorithm: schema, references into corpus/seed.json, the rules of each
 * verdict, the counts issue 11 asks for, the split rule, and that no claim
 * copies five consecutive words of a seed text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/core/corpus/schema.ts';
import { LANGS, loadClaims, VERDICTS, type ClaimCase } from './load.ts';
import { parseCorpusShape } from '../../src/core/corpus/schema.ts';

const corpusUrl = new URL('../../corpus/seed.json', import.meta.url);
const corpus = parseCorpusShape(JSON.parse(readFileSync(corpusUrl, 'utf8')));
const positions = new Map(corpus.positions.map((p) => [p.id, p]));
const entityIds = new Set(corpus.entities.map((e) => e.id));
const claims = loadClaims();

const KNOWN_TAGS = new Set([
  'role', 'according-to', 'according-to-person', 'headline', 'pronoun', 'collective', 'quote', 'split-quote',
  'mixed', 'cross-language', 'condition-dropped', 'reported', 'place-only', 'common-word', 'new-speaker',
  // session 9 contradicts set (c333–c380): the kind of contradiction
  'condition-added', 'no-longer', 'revoked', 'refusal', 'scope',
]);

/** Folded words: NFC, lower case, every run of letters or digits (punctuation and apostrophes split words). */
function foldedWords(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

const RUN = 5;
function runsOf(text: string): string[] {
  const w = foldedWords(text);
  const runs: string[] = [];
  for (let i = 0; i + RUN <= w.length; i++) runs.push(w.slice(i, i + RUN).join(' '));
  return runs;
}

function seedTexts(): { id: string; text: string }[] {
  return corpus.sources.map((s) => {
    if (s.text !== undefined) return { id: s.id, text: s.text };
    if (!s.file || !corpus.textDir) throw new Error(`source ${s.id} has neither text nor file`);
    return { id: s.id, text: readFileSync(new URL(`../../corpus/${corpus.textDir}/${s.file}`, import.meta.url), 'utf8') };
  });
}

const count = (pred: (c: ClaimCase) => boolean) => claims.filter(pred).length;

describe('claims set: shape', () => {
  it('every line is a well-formed claim', () => {
    for (const c of claims) {
      expect(Object.keys(c).sort(), c.id).toEqual(['claim', 'id', 'lang', 'relevant', 'speaker', 'split', 'tags', 'verdict', 'why']);
      expect(c.id, JSON.stringify(c)).toMatch(/^c\d{3}$/);
      expect(['dev', 'test'], c.id).toContain(c.split);
      expect(LANGS, c.id).toContain(c.lang);
      expect(VERDICTS, c.id).toContain(c.verdict);
      expect(typeof c.claim, c.id).toBe('string');
      expect(c.claim.trim().length, c.id).toBeGreaterThan(10);
      expect(c.speaker === null || typeof c.speaker === 'string', c.id).toBe(true);
      expect(Array.isArray(c.relevant) && Array.isArray(c.tags), c.id).toBe(true);
      expect(c.why.trim().length, c.id).toBeGreaterThan(5);
      for (const t of c.tags) expect(KNOWN_TAGS.has(t), `${c.id}: unknown tag ${t}`).toBe(true);
      expect(new Set(c.tags).size, `${c.id}: repeated tag`).toBe(c.tags.length);
    }
  });

  it('ids are unique and numbered in file order', () => {
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
    claims.forEach((c, i) => expect(c.id).toBe(`c${String(i + 1).padStart(3, '0')}`));
  });

  it('claim texts are unique', () => {
    expect(new Set(claims.map((c) => foldedWords(c.claim).join(' '))).size).toBe(claims.length);
  });

  it('speakers and positions exist in corpus/seed.json', () => {
    for (const c of claims) {
      if (c.speaker !== null) expect(entityIds.has(c.speaker), `${c.id}: speaker ${c.speaker}`).toBe(true);
      expect(new Set(c.relevant).size, `${c.id}: repeated position`).toBe(c.relevant.length);
      for (const id of c.relevant) expect(positions.has(id), `${c.id}: position ${id}`).toBe(true);
    }
  });
});

describe('claims set: verdict rules', () => {
  it('not-in-record claims list no positions; every other verdict lists at least one', () => {
    for (const c of claims) {
      if (c.verdict === 'not-in-record') expect(c.relevant, c.id).toEqual([]);
      else expect(c.relevant.length, c.id).toBeGreaterThan(0);
    }
  });

  it('consistent and contradicts name a speaker whose own (or relayed) positions are the relevant ones', () => {
    for (const c of claims.filter((x) => x.verdict === 'consistent' || x.verdict === 'contradicts')) {
      expect(c.speaker, c.id).not.toBeNull();
      for (const id of c.relevant) {
        const p = positions.get(id)!;
        expect(p.actor === c.speaker || p.reportedBy === c.speaker, `${c.id}: ${id} is ${p.actor}'s, not ${c.speaker}'s`).toBe(true);
      }
    }
  });

  it('misattributed claims name a speaker and point only at other actors\' positions', () => {
    for (const c of claims.filter((x) => x.verdict === 'misattributed')) {
      expect(c.speaker, c.id).not.toBeNull();
      for (const id of c.relevant) {
        const p = positions.get(id)!;
        expect(p.actor, `${c.id}: ${id}`).not.toBe(c.speaker);
        expect(p.reportedBy, `${c.id}: ${id}`).not.toBe(c.speaker);
      }
    }
  });

  it('tags agree with the fields they describe', () => {
    for (const c of claims) {
      expect(c.tags.includes('cross-language'), `${c.id}: cross-language`).toBe(c.lang !== 'en' && c.relevant.length > 0);
      expect(c.tags.includes('mixed'), `${c.id}: mixed`).toBe(c.speaker !== null && c.verdict !== 'consistent');
      if (c.tags.includes('new-speaker')) expect(c.speaker, c.id).toBeNull();
    }
  });
});

describe('claims set: paraphrased, never copied', () => {
  it(`no claim shares a run of ${RUN} folded words with a seed text`, () => {
    const seedRuns = new Map<string, string>();
    for (const { id, text } of seedTexts()) for (const r of runsOf(text)) seedRuns.set(r, id);
    expect(seedRuns.size).toBeGreaterThan(1500);
    const copies: string[] = [];
    for (const c of claims) for (const r of runsOf(c.claim)) if (seedRuns.has(r)) copies.push(`${c.id} copies "${r}" from ${seedRuns.get(r)}`);
    expect(copies).toEqual([]);
  });

  it('the run check itself catches a copied sentence and folds case and punctuation', () => {
    const seed = seedTexts().find((s) => s.id === 'seed-003')!.text;
    const copied = 'KREMLIN SPOKESMAN Dmitry Peskov — told the news media!';
    const seedRuns = new Set(runsOf(seed));
    expect(runsOf(copied).some((r) => seedRuns.has(r))).toBe(true);
    expect(foldedWords('We’re not   refusing, them.')).toEqual(['we', 're', 'not', 'refusing', 'them']);
  });
});

describe('claims set: coverage asked for by issue 11', () => {
  it('has at least 170 claims, at least 30 each in Russian, Ukrainian and German', () => {
    expect(claims.length).toBeGreaterThanOrEqual(170);
    for (const lang of ['ru', 'uk', 'de'] as const) expect(count((c) => c.lang === lang), lang).toBeGreaterThanOrEqual(30);
  });

  it('covers every verdict: >= 25 contradicts, >= 25 misattributed, >= 20 not-in-record', () => {
    expect(count((c) => c.verdict === 'consistent')).toBeGreaterThanOrEqual(25);
    expect(count((c) => c.verdict === 'contradicts')).toBeGreaterThanOrEqual(25);
    expect(count((c) => c.verdict === 'misattributed')).toBeGreaterThanOrEqual(25);
    expect(count((c) => c.verdict === 'not-in-record')).toBeGreaterThanOrEqual(20);
    for (const lang of LANGS) for (const v of VERDICTS) expect(count((c) => c.lang === lang && c.verdict === v), `${lang} ${v}`).toBeGreaterThan(0);
  });

  it('covers the news forms: roles, sources, headlines, pronouns, collectives, quotes, mixes', () => {
    const tagged = (t: string) => count((c) => c.tags.includes(t));
    for (const t of ['role', 'according-to', 'headline', 'pronoun', 'collective', 'quote', 'split-quote', 'mixed', 'cross-language', 'condition-dropped', 'place-only']) {
      expect(tagged(t), t).toBeGreaterThanOrEqual(3);
    }
    for (const lang of LANGS) {
      for (const t of ['role', 'headline', 'pronoun', 'collective', 'quote']) expect(count((c) => c.lang === lang && c.tags.includes(t)), `${lang} ${t}`).toBeGreaterThan(0);
    }
  });

  it('uses every quote style: “”, «», „“, ‚‘ and ""', () => {
    for (const [open, close] of [['“', '”'], ['«', '»'], ['„', '“'], ['‚', '‘'], ['"', '"']] as const) {
      expect(claims.some((c) => c.tags.includes('quote') && c.claim.includes(open) && c.claim.lastIndexOf(close) > c.claim.indexOf(open)), `${open}…${close}`).toBe(true);
    }
  });

  it('holds the two sentences of issue 11 and the role phrases it names', () => {
    const texts = claims.map((c) => c.claim);
    expect(texts).toContain('Kremlin spokesman Dmitry Peskov said on Tuesday that Russia is still ready for negotiations with Ukraine.');
    expect(texts.some((t) => /,” Kremlin spokesman Dmitry Peskov said, according to TASS\.$/.test(t))).toBe(true);
    expect(texts).toContain('The weather in Kyiv was sunny on Tuesday.');
    for (const role of ['Kremlin spokesman', 'пресс-секретарь Кремля', 'речник Кремля', 'Kremlsprecher']) {
      expect(texts.some((t) => t.toLowerCase().includes(role.toLowerCase())), role).toBe(true);
    }
  });
});

describe('claims set: the untuned test split', () => {
  it('is every 4th claim of each language × verdict group, in file order', () => {
    const seen = new Map<string, number>();
    for (const c of claims) {
      const key = `${c.lang}/${c.verdict}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      expect(c.split, `${c.id} is claim ${n} of ${key}`).toBe(n % 4 === 0 ? 'test' : 'dev');
    }
  });

  it('is a quarter of the set: ⌊n/4⌋ or ⌈n/4⌉ claims', () => {
    const test = count((c) => c.split === 'test');
    expect([Math.floor(claims.length / 4), Math.ceil(claims.length / 4)]).toContain(test);
  });
});
