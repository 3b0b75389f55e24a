import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../record/test-corpus.ts';
import { applyEdits, computeEdits, diffCorpus, editCount, findRepeat, isNoChange, layOnto, mergeOnto } from './import-plan.ts';
import type { Corpus } from './schema.ts';

const textOf = () => 'a text';

describe('corpus import difference', () => {
  it('a new corpus: everything is added, named', () => {
    const c = makeCorpus();
    const d = diffCorpus(undefined, c);
    expect(d.entities.added).toHaveLength(c.entities.length);
    expect(d.positions.added[0]).toEqual({ id: 'peskov-talks-2022-03', name: 'Dmitry Peskov: “There is some progress”' });
    expect(d.sources.added[0]!.name).toBe('Talks stall (BBC)');
    expect(d.details).toBe(false);
  });

  it('an update: added, changed and removed by id, in names; key order and where a text came from are not changes', () => {
    const old = makeCorpus();
    const next = makeCorpus();
    next.positions = next.positions.slice(1);
    next.positions[0] = { ...next.positions[0]!, stance: 'A revised stance.' };
    next.entities.push({ id: 'sergey-lavrov', type: 'person', label: 'Sergey Lavrov', aliases: [{ text: 'Lavrov' }], context: [] });
    const [first, ...rest] = next.entities;
    next.entities = [Object.fromEntries(Object.entries(first!).reverse()) as typeof first & object, ...rest];
    next.sources[0] = { ...next.sources[0]!, file: 'a.txt' };
    const d = diffCorpus(old, next);
    expect(d.entities).toEqual({ added: [{ id: 'sergey-lavrov', name: 'Sergey Lavrov' }], changed: [], removed: [] });
    expect(d.positions.removed).toEqual([{ id: old.positions[0]!.id, name: 'Dmitry Peskov: “There is some progress”' }]);
    expect(d.positions.changed.map((x) => x.id)).toEqual([old.positions[1]!.id]);
    expect(d.sources.changed).toEqual([]);
    expect(isNoChange(d)).toBe(false);
    expect(isNoChange(diffCorpus(old, makeCorpus()))).toBe(true);
    expect(isNoChange(diffCorpus(old, { ...makeCorpus(), version: '2' }))).toBe(false);
  });
});

describe('repeats', () => {
  function renamed(c: Corpus, prefix: string): Corpus {
    const e = (id: string) => `${prefix}${id}`;
    return {
      ...c,
      id: `${prefix}copy`,
      entities: c.entities.map((x) => ({ ...x, id: e(x.id) })),
      sources: c.sources.map((x) => ({ ...x, id: e(x.id) })),
      positions: c.positions.map((p) => ({ ...p, id: e(p.id), actor: e(p.actor), topics: p.topics.map(e), source: e(p.source), ...(p.reportedBy ? { reportedBy: e(p.reportedBy) } : {}), links: p.links.map((l) => ({ ...l, target: e(l.target) })) })),
    };
  }

  it('a copy under other ids repeats every position (same speaker, same words); an unrelated corpus none', () => {
    const c = makeCorpus();
    const r = findRepeat(renamed(c, 'x-'), [{ corpus: c, origin: 'bundled' }]);
    expect(r).toMatchObject({ id: 'test', origin: 'bundled', repeated: c.positions.length, of: c.positions.length });
    expect(r!.examples[0]).toBe('Dmitry Peskov: “There is some progress”');
    const other = { ...c, id: 'other', positions: c.positions.map((p) => ({ ...p, quote: undefined, paraphrase: `different words ${p.id}`, passage: { start: 0, end: 1 } })) };
    expect(findRepeat(other, [{ corpus: c, origin: 'bundled' }])).toBeUndefined();
  });

  it('laid over the corpus it repeats, the copy takes its ids and every reference follows', () => {
    const c = makeCorpus();
    const laid = layOnto(renamed(c, 'x-'), c);
    expect(laid.id).toBe('test');
    expect(laid.positions).toEqual(c.positions);
    expect(laid.entities.map((e) => e.id)).toEqual(c.entities.map((e) => e.id));
    expect(diffCorpus(c, laid).positions).toEqual({ added: [], changed: [], removed: [] });
  });

  it('a copy under the same position ids keeps each id, even where a speaker\'s positions share a passage', () => {
    const c = makeCorpus();
    expect(layOnto({ ...c, id: 'copy' }, c).positions).toEqual(c.positions);
  });

  it('merged, a position whose id the target uses for other words is new: a fresh id, links follow, nothing written over', () => {
    const c = makeCorpus();
    const last = c.positions.at(-1)!;
    const theirs = { ...last, quote: undefined, paraphrase: 'words the record never had', passage: { start: 0, end: 1 } };
    const linking = { ...last, id: 'file-new', quote: undefined, paraphrase: 'another new statement', passage: { start: 1, end: 2 }, links: [{ type: 'responds-to' as const, target: last.id }] };
    // The target already holds "<id>.imported": the fresh id counts on.
    const held = { ...c.positions[0]!, id: `${last.id}.imported` };
    const target = { ...c, positions: [...c.positions, held] };
    const file: Corpus = { ...c, id: 'part', positions: [...c.positions.slice(0, -1), theirs, linking] };
    const merged = mergeOnto(file, target);
    const fresh = `${last.id}.imported-2`;
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(merged.positions.filter((p) => target.positions.some((t) => t.id === p.id)).sort(byId)).toEqual([...target.positions].sort(byId));
    expect(merged.positions.find((p) => p.id === fresh)).toMatchObject({ paraphrase: 'words the record never had', actor: last.actor });
    expect(merged.positions.find((p) => p.id === 'file-new')!.links).toEqual([{ type: 'responds-to', target: fresh }]);
    const diff = diffCorpus(target, merged).positions;
    expect({ added: diff.added.map((x) => x.id).sort(), changed: diff.changed, removed: diff.removed }).toEqual({ added: ['file-new', fresh], changed: [], removed: [] });
  });
});

describe('edits of the bundled record', () => {
  it('computed as rows put and removed, laid again over a newer bundle', () => {
    const base = makeCorpus();
    const edited = makeCorpus();
    edited.positions = edited.positions.filter((p) => p.id !== 'zelensky-grain-2023').map((p) => (p.id === 'un-annex-2022-10' ? { ...p, stance: 'Mine.' } : p));
    const edits = computeEdits(base, edited, textOf);
    expect(edits.positions.put.map((p) => p.id)).toEqual(['un-annex-2022-10']);
    expect(edits.positions.removed).toEqual(['zelensky-grain-2023']);
    expect(editCount(computeEdits(base, makeCorpus(), () => undefined))).toBe(0);
    const newer = makeCorpus();
    newer.positions.push({ ...newer.positions[0]!, id: 'new-one' });
    const out = applyEdits(newer, edits);
    expect(out.positions.map((p) => p.id)).toContain('new-one');
    expect(out.positions.find((p) => p.id === 'un-annex-2022-10')!.stance).toBe('Mine.');
    expect(out.positions.some((p) => p.id === 'zelensky-grain-2023')).toBe(false);
  });
});
