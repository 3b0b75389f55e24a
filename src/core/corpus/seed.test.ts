/**
 * Data-integrity checks for the seed corpus (corpus/seed.json). They stand on
 * their own, without validate.ts, so a broken corpus is caught even while the
 * validator changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { Corpus, type Corpus as CorpusData } from './schema.ts';

const CORPUS_FILE = fileURLToPath(new URL('../../../corpus/seed.json', import.meta.url));
const CORPUS_DIR = fileURLToPath(new URL('../../../corpus/', import.meta.url));
const README_FILE = `${CORPUS_DIR}README.md`;

/** The issue asks for at least this many statements from every seed article. */
const MIN_POSITIONS_PER_SOURCE = 3;
/** And at least this many cross-references between positions. */
const MIN_LINKS = 15;

/** The ids every other part of the extension may rely on (agreed in the design). */
const AGREED_PERSONS = [
  'vladimir-putin', 'volodymyr-zelensky', 'dmitry-peskov', 'mykhailo-podolyak', 'sergey-lavrov', 'sergei-vershinin',
  'oleh-nikolenko', 'david-arakhamia', 'boris-johnson', 'naftali-bennett', 'alexander-lukashenko', 'alexei-polishchuk',
];
const AGREED_IDS: Record<string, string[]> = {
  person: AGREED_PERSONS,
  organization: [
    'kremlin', 'nsdc', 'nato', 'united-nations', 'un-general-assembly', 'un-security-council', 'servant-of-the-people',
    'tass', 'bbc', 'rtvi', 'abc-news', 'ukrainian-foreign-ministry', 'russian-foreign-ministry',
  ],
  collective: ['russian-government', 'ukrainian-government', 'ukrainian-officials', 'ukrainian-experts', 'diplomats', 'united-states-government'],
  place: [
    'ukraine', 'russia', 'kyiv', 'kyiv-oblast', 'moscow', 'crimea', 'donbas', 'donetsk-oblast', 'luhansk-oblast',
    'kherson-oblast', 'zaporizhzhia-oblast', 'belarus', 'jerusalem', 'antalya', 'turkey', 'washington', 'europe',
    'united-kingdom', 'united-states',
  ],
  event: ['istanbul-talks', 'antalya-talks', 'russian-invasion-2022', 'maidan-2014', 'annexation-referendums-2022'],
  topic: [
    'annexation', 'peace-talks', 'troop-withdrawal', 'mediation', 'neutrality', 'nato-membership', 'preconditions',
    'territorial-integrity', 'war-crimes', 'surrender', 'occupied-territories', 'energy-infrastructure', 'grain-exports',
    'prisoner-exchange',
  ],
};

/** Spellings the press (and the seeds' own typos) use, which the matcher must know: [entity id, alias text]. */
const REQUIRED_SPELLINGS: [string, string][] = [
  ['mykhailo-podolyak', 'Podoljak'], ['mykhailo-podolyak', 'Подоляк'],
  ['volodymyr-zelensky', 'Zelenskyj'], ['volodymyr-zelensky', 'Zenesky'], ['volodymyr-zelensky', 'Selenskyj'],
  ['volodymyr-zelensky', 'Зеленский'], ['volodymyr-zelensky', 'Зеленський'],
  ['naftali-bennett', 'Benett'], ['dmitry-peskov', 'Peskow'], ['dmitry-peskov', 'Песков'], ['kyiv', 'Kiew'],
];

const CYRILLIC = /\p{Script=Cyrillic}/u;

function loadCorpus(): CorpusData {
  const result = v.safeParse(Corpus, JSON.parse(readFileSync(CORPUS_FILE, 'utf8')));
  if (!result.success) {
    const where = result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
    throw new Error(`corpus/seed.json does not match the schema:\n${where.join('\n')}`);
  }
  return result.output;
}

const corpus = loadCorpus();
const textDir = `${CORPUS_DIR}${corpus.textDir ?? '.'}/`;
const texts = new Map(corpus.sources.map((s) => [s.id, s.file === undefined ? s.text : readFileSync(textDir + s.file, 'utf8')]));
const entities = new Map(corpus.entities.map((e) => [e.id, e]));
const positionIds = new Set(corpus.positions.map((p) => p.id));

/** The counts corpus/README.md reports, computed from the data. */
function countsOf(data: CorpusData): Record<string, number> {
  const counts: Record<string, number> = { sources: data.sources.length, sides: data.sides.length, entities: data.entities.length };
  for (const type of ['person', 'organization', 'collective', 'place', 'event', 'topic']) {
    counts[`entities: ${type}`] = data.entities.filter((e) => e.type === type).length;
  }
  counts.aliases = data.entities.reduce((n, e) => n + e.aliases.length, 0);
  counts.positions = data.positions.length;
  for (const s of data.sources) counts[`positions: ${s.id}`] = data.positions.filter((p) => p.source === s.id).length;
  counts['positions with a verbatim quote'] = data.positions.filter((p) => p.quote !== undefined).length;
  counts['positions reported second-hand'] = data.positions.filter((p) => p.reportedBy !== undefined).length;
  const links = data.positions.flatMap((p) => p.links);
  counts.links = links.length;
  for (const type of ['contradicts', 'reaffirms', 'responds-to', 'shifts-from']) {
    counts[`links: ${type}`] = links.filter((l) => l.type === type).length;
  }
  return counts;
}

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

describe('seed corpus', () => {
  it('is format version 1 and names its text folder', () => {
    expect(corpus.formatVersion).toBe(1);
    expect(corpus.id).toBe('seed');
    expect(corpus.textDir).toBe('seeds');
  });

  it('has one source per seed file, and every file exists', () => {
    expect(corpus.sources).toHaveLength(5);
    for (const source of corpus.sources) {
      expect(source.file, source.id).toBeDefined();
      expect(existsSync(textDir + source.file), `${source.id}: ${source.file}`).toBe(true);
    }
  });

  it('explains every unknown outlet and dates every source with reasoning', () => {
    for (const source of corpus.sources) {
      if (source.outlet === 'unknown') expect(source.outletEvidence?.length ?? 0, source.id).toBeGreaterThan(20);
      expect(source.published.reasoning?.length ?? 0, source.id).toBeGreaterThan(20);
    }
  });

  it('has unique ids within sources, entities, positions and sides', () => {
    expect(duplicates(corpus.sources.map((s) => s.id))).toEqual([]);
    expect(duplicates(corpus.entities.map((e) => e.id))).toEqual([]);
    expect(duplicates(corpus.positions.map((p) => p.id))).toEqual([]);
    expect(duplicates(corpus.sides.map((s) => s.id))).toEqual([]);
  });

  it('places every passage inside its source text', () => {
    for (const p of corpus.positions) {
      const text = texts.get(p.source);
      expect(text, `${p.id}: source ${p.source}`).toBeDefined();
      expect(p.passage.start, p.id).toBeGreaterThanOrEqual(0);
      expect(p.passage.end, p.id).toBeLessThanOrEqual(text?.length ?? 0);
    }
  });

  it('finds every quote verbatim inside its passage', () => {
    const quoted = corpus.positions.filter((p) => p.quote !== undefined);
    expect(quoted.length).toBeGreaterThan(0);
    for (const p of quoted) {
      const passage = (texts.get(p.source) ?? '').slice(p.passage.start, p.passage.end);
      expect(passage, p.id).toContain(p.quote);
    }
  });

  it('starts and ends every passage on a word or quotation boundary, not mid-word', () => {
    for (const p of corpus.positions) {
      const text = texts.get(p.source) ?? '';
      const before = text.slice(p.passage.start - 1, p.passage.start);
      const after = text.slice(p.passage.end, p.passage.end + 1);
      expect(/[\p{L}\p{N}]/u.test(before), `${p.id} starts mid-word`).toBe(false);
      expect(/[\p{L}\p{N}]/u.test(after), `${p.id} ends mid-word`).toBe(false);
    }
  });

  it('takes at least three positions from every seed article', () => {
    for (const source of corpus.sources) {
      const count = corpus.positions.filter((p) => p.source === source.id).length;
      expect(count, source.id).toBeGreaterThanOrEqual(MIN_POSITIONS_PER_SOURCE);
    }
  });

  it('resolves every reference: actors, reporters, topics, sources, link targets and sides', () => {
    const sourceIds = new Set(corpus.sources.map((s) => s.id));
    const sideIds = new Set(corpus.sides.map((s) => s.id));
    const dangling: string[] = [];
    for (const p of corpus.positions) {
      for (const id of [p.actor, ...(p.reportedBy === undefined ? [] : [p.reportedBy]), ...p.topics]) {
        if (!entities.has(id)) dangling.push(`${p.id} → entity ${id}`);
      }
      if (!sourceIds.has(p.source)) dangling.push(`${p.id} → source ${p.source}`);
      for (const link of p.links) if (!positionIds.has(link.target)) dangling.push(`${p.id} → position ${link.target}`);
    }
    for (const e of corpus.entities) if (e.side !== undefined && !sideIds.has(e.side)) dangling.push(`${e.id} → side ${e.side}`);
    for (const s of corpus.sides) for (const o of s.opposes) if (!sideIds.has(o)) dangling.push(`side ${s.id} → side ${o}`);
    expect(dangling).toEqual([]);
  });

  it('never links a position to itself, and links across articles', () => {
    const links = corpus.positions.flatMap((p) => p.links.map((l) => ({ from: p, to: l.target, type: l.type })));
    expect(links.length).toBeGreaterThanOrEqual(MIN_LINKS);
    expect(links.filter((l) => l.from.id === l.to)).toEqual([]);
    const sourceOf = new Map(corpus.positions.map((p) => [p.id, p.source]));
    const crossArticle = links.filter((l) => sourceOf.get(l.to) !== l.from.source);
    expect(crossArticle.length).toBeGreaterThan(0);
    for (const type of ['contradicts', 'reaffirms', 'responds-to', 'shifts-from'] as const) {
      expect(links.some((l) => l.type === type), type).toBe(true);
    }
  });

  it('only lets an actor shift from its own earlier position', () => {
    const byId = new Map(corpus.positions.map((p) => [p.id, p]));
    for (const p of corpus.positions) {
      for (const link of p.links.filter((l) => l.type === 'shifts-from')) {
        const target = byId.get(link.target);
        expect(target?.actor, `${p.id} shifts-from ${link.target}`).toBe(p.actor);
        expect((target?.date.from ?? '') < p.date.from, `${p.id} must be later than ${link.target}`).toBe(true);
      }
    }
  });

  it('gives every entity at least one alias, and a language tag to every Cyrillic alias', () => {
    for (const e of corpus.entities) {
      expect(e.aliases.length, e.id).toBeGreaterThan(0);
      for (const alias of e.aliases) {
        if (CYRILLIC.test(alias.text)) expect(alias.lang, `${e.id}: ${alias.text}`).toBeDefined();
      }
    }
  });

  it('contains every agreed entity id with its agreed type', () => {
    for (const [type, ids] of Object.entries(AGREED_IDS)) {
      for (const id of ids) expect(entities.get(id)?.type, id).toBe(type);
    }
  });

  it('gives every agreed person a Cyrillic alias', () => {
    for (const id of AGREED_PERSONS) {
      const aliases = entities.get(id)?.aliases ?? [];
      expect(aliases.some((a) => CYRILLIC.test(a.text)), id).toBe(true);
    }
  });

  it('knows the press spellings and the seeds\' own typos', () => {
    for (const [id, text] of REQUIRED_SPELLINGS) {
      const aliases = entities.get(id)?.aliases.map((a) => a.text) ?? [];
      expect(aliases, id).toContain(text);
    }
  });

  it('finds each seed spelling of a named actor among that actor\'s aliases', () => {
    // A person quoted in an article is named there, so one of their aliases must occur in it.
    for (const p of corpus.positions) {
      const actor = entities.get(p.actor);
      if (actor?.type !== 'person') continue;
      const text = (texts.get(p.source) ?? '').toLowerCase();
      const found = actor.aliases.some((a) => text.includes(a.text.toLowerCase()));
      expect(found, `${p.id}: no alias of ${p.actor} occurs in ${p.source}`).toBe(true);
    }
  });

  it('marks ambiguous bare names and gives their entities context words', () => {
    const bareNames: [string, string][] = [['boris-johnson', 'Johnson'], ['naftali-bennett', 'Bennett'], ['istanbul-talks', 'Istanbul']];
    for (const [id, text] of bareNames) {
      const entity = entities.get(id);
      expect(entity?.aliases.find((a) => a.text === text)?.ambiguous, `${id}: ${text}`).toBe(true);
    }
    for (const e of corpus.entities) {
      if (e.aliases.some((a) => a.ambiguous === true)) expect(e.context.length, `${e.id} needs context words`).toBeGreaterThan(0);
    }
  });

  it('reports in corpus/README.md the counts the data has', () => {
    const rows = [...readFileSync(README_FILE, 'utf8').matchAll(/^\| ([^|]+?) \| (\d+) \|$/gmu)];
    const reported = Object.fromEntries(rows.map((m) => [m[1], Number(m[2])]));
    expect(reported).toEqual(countsOf(corpus));
  });
});
