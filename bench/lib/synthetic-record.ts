/**
 * A large, valid, deterministic record for benchmarks: the seed corpus
 * (its sides, topics, people, sources and positions, so everything that
 * works on the seed works here) grown with synthetic people, organizations,
 * topics, sources and positions up to the counts asked for — by default
 * 50,000 entities and 100,000 positions, about a thousand times the seed.
 *
 *   import { syntheticRecord } from '../lib/synthetic-record.ts';
 *   const corpus = syntheticRecord({ entities: 50_000, positions: 100_000 });
 *
 * Synthetic sources carry their text inline (`text`), each holding the
 * passages of about 20 positions; every quote is verbatim inside its
 * passage, so the record passes `validateCorpus` (see synthetic-record.test.ts).
 * People have a full name and a surname alias (a third of them also a
 * Cyrillic spelling), a side, and sometimes a role; positions have a stance,
 * a quote or a paraphrase, one to three topics, a date and sometimes a link.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Corpus, Entity, Position, Source } from '../../src/core/corpus/schema.ts';
import { seededRandom } from './synthetic-news.ts';

const SEED_PATH = resolve(import.meta.dirname, '../../corpus/seed.json');

export interface SyntheticRecordOptions {
  /** Entities in all, seed included (default 50,000). */
  entities?: number;
  /** Positions in all, seed included (default 100,000). */
  positions?: number;
  /** Synthetic topics (default 400), on top of the seed's. */
  topics?: number;
  /** Positions per synthetic source (default 20). */
  positionsPerSource?: number;
  seed?: number;
}

const GIVEN = 'Anna Boris Clara Daniel Elena Farid Greta Hamid Irina Jonas Katya Lev Marta Nikolai Olga Pavel Rosa Stefan Tamar Viktor Yulia Zoran Ines Oskar Lidia Milan Vera Taras Nadia Emil'.split(' ');
const GIVEN_CYR = 'Анна Борис Клара Даниил Елена Фарид Грета Хамид Ирина Йонас Катя Лев Марта Николай Ольга Павел Роза Степан Тамара Виктор Юлия Зоран Инес Оскар Лидия Милан Вера Тарас Надия Эмиль'.split(' ');
const SYL = 'var kon ist ral men dov tis bel gar nor ush vel kam pir sod lek tav run esh bor mit zan hol rek'.split(' ');
const SYL_CYR = 'вар кон ист рал мен дов тис бел гар нор уш вел кам пир сод лек тав рун еш бор мит зан хол рек'.split(' ');
const ORG_KINDS = ['Institute', 'Foundation', 'Council', 'Committee', 'Agency', 'Union', 'Ministry', 'Party'];
const OUTLETS = ['Daily Ledger', 'Evening Courier', 'Kyiv Morning', 'Moscow Wire', 'Berlin Report', 'Wire Service', 'The Observer Weekly', 'Radio Free Coast'];
const TOPIC_NOUNS = 'grain corridor|border crossing|energy prices|prisoner swap|nuclear plant|sanctions relief|security guarantees|troop rotation|aid package|fuel exports|port blockade|refugee return|water supply|railway repair|missile defence|debt relief|election timing|language law|church property|fishing rights'.split('|');
const TOPIC_ASPECTS = 'talks|deal|plan|dispute|freeze|inspection|commission|deadline|review|monitoring'.split('|');
const VERBS = ['supports', 'rejects', 'demands', 'questions', 'welcomes', 'condemns', 'proposes', 'doubts', 'insists on', 'calls for'];
const QUALIFIERS = ['without preconditions', 'only after a ceasefire', 'before the winter', 'under international monitoring', 'within a month', 'at any cost', 'if the other side agrees', 'as soon as possible'];
const FILLER = (
  'Officials met on Tuesday in the capital. The delegation returned late in the evening. ' +
  'Reporters were not allowed into the hall. Talks are expected to continue next week. ' +
  'The statement was published on the ministry website. Analysts said little had changed. '
).split('. ').filter((s) => s.length > 0).map((s) => (s.endsWith('.') ? s : `${s}.`));

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

function word(rand: () => number, syl: readonly string[]): string {
  const parts = 2 + Math.floor(rand() * 2);
  let s = '';
  for (let i = 0; i < parts; i++) s += pick(rand, syl);
  return s;
}

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function isoDay(rand: () => number): string {
  // 2022-01-01 … 2025-12-28.
  const day = Math.floor(rand() * 4 * 364);
  const d = new Date(Date.UTC(2022, 0, 1) + day * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The seed corpus grown to the counts asked for. */
export function syntheticRecord(options: SyntheticRecordOptions = {}): Corpus {
  const entityCount = options.entities ?? 50_000;
  const positionCount = options.positions ?? 100_000;
  const topicCount = options.topics ?? 400;
  const perSource = options.positionsPerSource ?? 20;
  const rand = seededRandom(options.seed ?? 11);

  const seed = JSON.parse(readFileSync(SEED_PATH, 'utf8')) as Corpus;
  const sides = seed.sides ?? [];
  const sideIds = sides.map((s) => s.id);
  const entities: Entity[] = [...seed.entities];
  const used = new Set(entities.flatMap((e) => e.aliases.map((a) => a.text.toLowerCase())));
  const ids = new Set(entities.map((e) => e.id));

  // Topics first, so positions can cite them.
  const topics: string[] = seed.entities.filter((e) => e.type === 'topic').map((e) => e.id);
  for (let i = 0; topics.length - seed.entities.filter((e) => e.type === 'topic').length < topicCount && entities.length < entityCount; i++) {
    const label = `${pick(rand, TOPIC_NOUNS)} ${pick(rand, TOPIC_ASPECTS)} ${i}`;
    const id = `syn-topic-${i}`;
    entities.push({ id, type: 'topic', label, aliases: [{ text: label }], context: [] });
    topics.push(id);
    ids.add(id);
  }

  // People (most) and organizations, each with unique aliases.
  const speakers: string[] = seed.entities.filter((e) => e.type === 'person').map((e) => e.id);
  let n = 0;
  while (entities.length < entityCount) {
    n++;
    const id = `syn-${n}`;
    if (rand() < 0.85) {
      const cyrillic = rand() < 1 / 3;
      const li = Math.floor(rand() * GIVEN.length);
      const lastLatin = capital(word(rand, SYL)) + (rand() < 0.5 ? 'ov' : 'enko');
      const full = `${GIVEN[li]} ${lastLatin}`;
      if (used.has(full.toLowerCase()) || used.has(lastLatin.toLowerCase())) continue;
      const aliases: Entity['aliases'] = [{ text: full }, { text: lastLatin }];
      if (cyrillic) {
        const lastCyr = capital(word(rand, SYL_CYR)) + (rand() < 0.5 ? 'ов' : 'енко');
        const fullCyr = `${GIVEN_CYR[li]} ${lastCyr}`;
        if (!used.has(fullCyr.toLowerCase())) aliases.push({ text: fullCyr, lang: 'ru' });
      }
      for (const a of aliases) used.add(a.text.toLowerCase());
      const side = rand() < 0.8 ? pick(rand, sideIds) : undefined;
      const entity: Entity = {
        id, type: 'person', label: full, aliases, context: [],
        ...(side ? { side } : {}),
        ...(rand() < 0.5 ? { gender: rand() < 0.5 ? ('female' as const) : ('male' as const) } : {}),
        ...(rand() < 0.1 ? { description: `${pick(rand, ['Deputy minister', 'Spokesperson', 'Governor', 'Adviser', 'Envoy'])} for ${pick(rand, TOPIC_NOUNS)}` } : {}),
      };
      entities.push(entity);
      speakers.push(id);
    } else {
      const label = `${capital(word(rand, SYL))} ${pick(rand, ORG_KINDS)}`;
      if (used.has(label.toLowerCase())) continue;
      used.add(label.toLowerCase());
      entities.push({ id, type: 'organization', label, aliases: [{ text: label }], context: [] });
      speakers.push(id);
    }
    ids.add(id);
  }

  // Positions, in sources of `perSource` passages each.
  const labelOf = new Map(entities.map((e) => [e.id, e.label]));
  const topicLabel = (id: string) => labelOf.get(id) ?? id;
  // The seed's texts go inline, so the record is valid wherever it is written.
  const textDir = resolve(SEED_PATH, '..', seed.textDir ?? '');
  const sources: Source[] = seed.sources.map(({ file, ...src }) => (file === undefined ? src : { ...src, text: readFileSync(resolve(textDir, file), 'utf8') }));
  const positions: Position[] = [...seed.positions];
  let s = 0;
  while (positions.length < positionCount) {
    const sourceId = `syn-src-${s}`;
    const day = isoDay(rand);
    let text = `${pick(rand, FILLER)} `;
    const inSource = Math.min(perSource, positionCount - positions.length);
    const first = positions.length;
    for (let k = 0; k < inSource; k++) {
      const actor = pick(rand, speakers);
      const name = labelOf.get(actor)!;
      const topicIds = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(rand, topics)))];
      const verb = pick(rand, VERBS);
      const qualifier = pick(rand, QUALIFIERS);
      const claim = `the ${topicLabel(topicIds[0]!)} ${qualifier}`;
      const quoted = rand() < 0.6;
      const said = quoted ? `"We ${verb.replace(/s\b/, '').replace(/s on$/, ' on')} ${claim}," ${name} said.` : `${name} said the government ${verb} ${claim}.`;
      const start = text.length;
      text += said;
      const end = text.length;
      text += ` ${pick(rand, FILLER)} `;
      const quote = quoted ? said.slice(1, said.indexOf(',"')) : undefined;
      const position: Position = {
        id: `syn-p-${positions.length}`,
        actor,
        topics: topicIds,
        stance: `${name} ${verb} ${claim}.`,
        ...(quote ? { quote } : { paraphrase: `the government ${verb} ${claim}` }),
        date: { from: day, to: day, precision: 'day' },
        source: sourceId,
        passage: { start, end },
        links: [],
      };
      if (positions.length > first && rand() < 0.1) {
        position.links = [{ type: pick(rand, ['contradicts', 'reaffirms', 'responds-to'] as const), target: positions[positions.length - 1]!.id }];
      }
      positions.push(position);
    }
    sources.push({
      id: sourceId,
      title: `Synthetic report ${s}`,
      outlet: pick(rand, OUTLETS),
      language: 'en',
      published: { from: day, to: day, precision: 'day' },
      text,
      framing: [],
    });
    s++;
  }

  return {
    formatVersion: seed.formatVersion,
    id: 'synthetic',
    title: `Synthetic record: ${entities.length.toLocaleString('en')} entities, ${positions.length.toLocaleString('en')} positions`,
    description: 'Generated for benchmarks (bench/lib/synthetic-record.ts); the seed corpus plus synthetic people, topics, sources and positions.',
    version: `synthetic.${entities.length}.${positions.length}`,
    sides,
    sources,
    entities,
    positions,
  };
}
