import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../core/record/test-corpus.ts';
import { diffCorpus, isNoChange } from './corpus-diff.ts';

describe('corpus import preview', () => {
  it('a new corpus: everything is added', () => {
    const c = makeCorpus();
    const d = diffCorpus(undefined, c);
    expect(d.replaces).toBeUndefined();
    expect(d.entities.added).toHaveLength(c.entities.length);
    expect(d.positions.added).toHaveLength(c.positions.length);
    expect(d.entities.changed).toEqual([]);
    expect(d.positions.removed).toEqual([]);
  });

  it('an update: added, changed and removed by id; key order is not a change', () => {
    const old = makeCorpus();
    const next = makeCorpus();
    next.version = '2';
    next.positions = next.positions.slice(1);
    next.positions[0] = { ...next.positions[0]!, stance: 'A revised stance.' };
    next.entities.push({ id: 'sergey-lavrov', type: 'person', label: 'Sergey Lavrov', aliases: [{ text: 'Lavrov' }], context: [] });
    const [first, ...rest] = next.entities;
    next.entities = [Object.fromEntries(Object.entries(first!).reverse()) as typeof first & object, ...rest];
    const d = diffCorpus(old, next);
    expect(d.replaces).toBe('1');
    expect(d.entities).toEqual({ added: ['sergey-lavrov'], changed: [], removed: [] });
    expect(d.positions.removed).toEqual([old.positions[0]!.id]);
    expect(d.positions.changed).toEqual([old.positions[1]!.id]);
    expect(isNoChange(d)).toBe(false);
    expect(isNoChange(diffCorpus(old, makeCorpus()))).toBe(true);
  });
});
