import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildEntityRecord, OTHER_SIDE_LIMIT, UnknownEntityError } from './entity-record.ts';
import { filterByTopic, containsPosition } from './filter.ts';
import { makeCorpus } from './test-corpus.ts';
import type { ActorRecord, TopicRecord } from './types.ts';
import { parseCorpusShape, type Corpus } from '../corpus/schema.ts';

function actor(corpus: Corpus, id: string): ActorRecord {
  const r = buildEntityRecord(corpus, id);
  if (r.kind !== 'actor') throw new Error(`expected an actor record for ${id}`);
  return r;
}

function topic(corpus: Corpus, id: string): TopicRecord {
  const r = buildEntityRecord(corpus, id);
  if (r.kind !== 'topic') throw new Error(`expected a topic record for ${id}`);
  return r;
}

describe('buildEntityRecord for an actor', () => {
  const corpus = makeCorpus();
  const peskov = actor(corpus, 'dmitry-peskov');

  it('lists own positions newest first, by end then start', () => {
    expect(peskov.positions.map((p) => p.id)).toEqual(['peskov-talks-2022-11', 'peskov-annex-2022-09', 'peskov-talks-2022-03']);
    expect(peskov.count).toBe(3);
    expect(peskov.side?.label).toBe('Russia');
  });

  it('counts topics for the chips, most frequent first', () => {
    expect(peskov.topics[0]).toEqual({ id: 'peace-talks', label: 'Peace talks', count: 2 });
    expect(peskov.topics.map((t) => t.id).sort()).toEqual(['annexation', 'istanbul-talks', 'peace-talks', 'preconditions']);
  });

  it('resolves actor, side, source, topics and both directions of links', () => {
    const latest = peskov.positions[0]!;
    expect(latest.actor).toEqual({ id: 'dmitry-peskov', label: 'Dmitry Peskov', type: 'person', side: { id: 'russia', label: 'Russia' } });
    expect(latest.source).toEqual({ id: 'src-a', title: 'Talks stall', outlet: 'BBC', url: 'https://example.org/a' });
    expect(latest.topics).toEqual([{ id: 'peace-talks', label: 'Peace talks' }, { id: 'preconditions', label: 'Preconditions' }]);
    expect(latest.links).toEqual([
      { type: 'reaffirms', direction: 'outgoing', target: { id: 'peskov-talks-2022-03', actorId: 'dmitry-peskov', actorLabel: 'Dmitry Peskov', stance: 'Talks are making progress.', date: { from: '2022-03-01', to: '2022-03-31', precision: 'month' } } },
      { type: 'contradicts', direction: 'incoming', note: 'blames Moscow instead', target: { id: 'podolyak-talks-2022-12', actorId: 'mykhailo-podolyak', actorLabel: 'Mykhailo Podolyak', stance: 'Ukraine will not surrender to reach talks.', date: { from: '2022-12-01', to: '2022-12-01', precision: 'day' } } },
    ]);
    expect(peskov.positions[2]!.links.map((l) => [l.type, l.direction, l.target.id])).toEqual([['reaffirms', 'incoming', 'peskov-talks-2022-11']]);
  });

  it('shows the opposing side on the same topics, newest first', () => {
    // Zelensky's grain position shares no topic with Peskov; the UN belongs to no side.
    expect(peskov.otherSide.map((p) => p.id)).toEqual(['zelensky-annex-2023', 'podolyak-talks-2022-12']);
    expect(peskov.otherSideCount).toBe(2);
  });

  it('finds the other side in the reverse direction of "opposes" too', () => {
    const podolyak = actor(corpus, 'mykhailo-podolyak');
    expect(podolyak.otherSide.map((p) => p.id)).toEqual(['peskov-talks-2022-11', 'peskov-talks-2022-03']);
  });

  it('lists what the actor relayed for others', () => {
    expect(peskov.relayed.map((p) => [p.id, p.actor.label, p.reportedBy?.label])).toEqual([['putin-annex-2022-09', 'Vladimir Putin', 'Dmitry Peskov']]);
  });

  it('builds the timeline oldest first with precision', () => {
    expect(peskov.timeline).toEqual([
      { positionId: 'peskov-talks-2022-03', from: '2022-03-01', to: '2022-03-31', precision: 'month' },
      { positionId: 'peskov-annex-2022-09', from: '2022-09-30', to: '2022-09-30', precision: 'day' },
      { positionId: 'peskov-talks-2022-11', from: '2022-11-20', to: '2022-11-20', precision: 'day' },
    ]);
  });

  it('caps the other side', () => {
    const big = makeCorpus();
    const template = big.positions.find((p) => p.id === 'podolyak-talks-2022-12')!;
    for (let i = 0; i < OTHER_SIDE_LIMIT + 5; i++) {
      big.positions.push({ ...template, id: `extra-${i}`, links: [], date: { from: `2021-01-${String(i + 1).padStart(2, '0')}`, to: `2021-01-${String(i + 1).padStart(2, '0')}`, precision: 'day' } });
    }
    const r = actor(big, 'dmitry-peskov');
    expect(r.otherSide).toHaveLength(OTHER_SIDE_LIMIT);
    expect(r.otherSideCount).toBe(OTHER_SIDE_LIMIT + 5 + 2);
    expect(r.otherSide[0]!.id).toBe('zelensky-annex-2023');
  });

  it('gives an empty record for an actor without positions', () => {
    const bbc = actor(corpus, 'bbc');
    expect([bbc.count, bbc.positions.length, bbc.otherSide.length, bbc.timeline.length, bbc.topics.length]).toEqual([0, 0, 0, 0, 0]);
  });

  it('is structured-clone safe', () => {
    expect(structuredClone(peskov)).toEqual(peskov);
    expect(JSON.parse(JSON.stringify(peskov))).toEqual(peskov);
  });
});

describe('buildEntityRecord for a topic, event or place', () => {
  const corpus = makeCorpus();

  it('groups positions by side in corpus order, side-less last, newest first', () => {
    const annex = topic(corpus, 'annexation');
    expect(annex.count).toBe(4);
    expect(annex.groups.map((g) => [g.side?.id ?? null, g.count, g.positions.map((p) => p.id)])).toEqual([
      ['russia', 2, ['peskov-annex-2022-09', 'putin-annex-2022-09']],
      ['ukraine', 1, ['zelensky-annex-2023']],
      [null, 1, ['un-annex-2022-10']],
    ]);
  });

  it('treats events and places like topics', () => {
    expect(topic(corpus, 'istanbul-talks').groups.map((g) => g.positions.map((p) => p.id))).toEqual([['peskov-talks-2022-03']]);
    expect(topic(corpus, 'crimea').count).toBe(1);
  });

  it('refuses an unknown id', () => {
    expect(() => buildEntityRecord(corpus, 'nobody')).toThrow(UnknownEntityError);
  });
});

describe('filterByTopic', () => {
  const peskov = actor(makeCorpus(), 'dmitry-peskov');
  it('keeps only positions on the chosen topic, and all for null', () => {
    expect(filterByTopic(peskov.positions, 'peace-talks').map((p) => p.id)).toEqual(['peskov-talks-2022-11', 'peskov-talks-2022-03']);
    expect(filterByTopic(peskov.positions, null)).toHaveLength(3);
    expect(containsPosition(peskov.positions, 'peskov-annex-2022-09')).toBe(true);
    expect(containsPosition(peskov.positions, 'podolyak-talks-2022-12')).toBe(false);
  });
});

describe("a government's card (issue 13, audit 11 A14/A3)", () => {
  const seed = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));

  it("the Kremlin shows the Russian government's positions and its people's, one group per speaker", () => {
    for (const id of ['kremlin', 'moscow', 'russia']) {
      const r = topic(seed, id);
      expect(r.via).toEqual({ kind: 'government', id: 'russian-government', label: 'Russian government' });
      const groups = Object.fromEntries(r.groups.map((g) => [g.speaker?.id, g.count]));
      expect(groups).toEqual({ 'dmitry-peskov': 10, 'russian-government': 7, 'vladimir-putin': 7 });
      expect(r.count).toBe(24);
      for (const g of r.groups) expect(g.positions.every((p) => p.actor.id === g.speaker?.id)).toBe(true);
    }
  });

  it('a government with no positions of its own is not said to speak: the US shows what others said about it', () => {
    const r = topic(seed, 'united-states');
    expect(r.via).toEqual({ kind: 'about' });
    expect(r.count).toBe(4);
    expect(r.groups.every((g) => g.positions.every((p) => p.actor.id !== 'united-states-government'))).toBe(true);
  });
});
