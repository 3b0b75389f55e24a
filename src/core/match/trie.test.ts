import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTrie, buildTrieBreadthFirst, childOf } from './trie.ts';

/** Symbols 5.. for the units of `alphabet`, as the automaton numbers them. */
function symbols(alphabet: string): { symOfUnit: Int32Array; size: number } {
  const symOfUnit = new Int32Array(0x10000);
  [...alphabet].forEach((ch, i) => (symOfUnit[ch.charCodeAt(0)] = 5 + i));
  return { symOfUnit, size: 5 + alphabet.length };
}

describe('buildTrieBreadthFirst', () => {
  it('lays out the same arrays as buildTrie (duplicates, prefixes, empty key, wide nodes)', () => {
    const { symOfUnit, size } = symbols('abcdefghijklmnopqrstuvwxyz ');
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z ]{0,7}$/), { maxLength: 80 }), (keys) => {
        const a = buildTrie(keys, symOfUnit, size);
        const b = buildTrieBreadthFirst(keys, symOfUnit, size);
        expect([...b.childStart]).toEqual([...a.childStart]);
        expect([...b.nodeSym]).toEqual([...a.nodeSym]);
        expect([...b.nodeKey]).toEqual([...a.nodeKey]);
        expect([...b.keyNext]).toEqual([...a.keyNext]);
      }),
      { numRuns: 200 },
    );
  });

  it('finds every key by walking children, with its duplicates chained in ascending order', () => {
    const { symOfUnit, size } = symbols('abc');
    const keys = ['abc', 'ab', 'abc', 'b', 'ca'];
    const t = buildTrieBreadthFirst(keys, symOfUnit, size);
    const walk = (key: string): number => [...key].reduce((s, ch) => (s < 0 ? s : childOf(t.childStart, t.nodeSym, s, symOfUnit[ch.charCodeAt(0)]!) || -1), 0);
    expect(t.nodeKey[walk('abc')]).toBe(0);
    expect(t.keyNext[0]).toBe(2);
    expect(t.keyNext[2]).toBe(-1);
    expect(t.nodeKey[walk('ab')]).toBe(1);
    expect(t.nodeKey[walk('ca')]).toBe(4);
    expect(walk('cb')).toBe(-1);
  });
});
