import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, lcsMarks } from './word-diff.ts';

/** The LCS length by plain recursion with memo: the reference for the table-based one. */
function referenceLcs(a: readonly string[], b: readonly string[]): number {
  const memo = new Map<string, number>();
  const go = (i: number, j: number): number => {
    if (i === a.length || j === b.length) return 0;
    const key = `${i},${j}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const v = a[i] === b[j] ? 1 + go(i + 1, j + 1) : Math.max(go(i + 1, j), go(i, j + 1));
    memo.set(key, v);
    return v;
  };
  return go(0, 0);
}

describe('word diff', () => {
  it('marks the words the claim changed, on both sides, keeping each side’s spelling', () => {
    const d = diffWords('Kyiv must withdraw before any talks', 'should convince Kyiv to withdraw its troops');
    expect(d.claim.filter((w) => !w.same).map((w) => w.text)).toEqual(['must', 'before', 'any', 'talks']);
    expect(d.record.filter((w) => w.same).map((w) => w.text)).toEqual(['Kyiv', 'withdraw']);
    expect(d.claim.map((w) => w.text + w.after).join('')).toBe('Kyiv must withdraw before any talks');
  });

  it('treats folded and stemmed forms as the same word', () => {
    const d = diffWords('KIEV rejected negotiations', 'Kiev rejects negotiating');
    expect(d.claim.every((w) => w.same)).toBe(true);
    expect(d.overlap).toBe(1);
  });

  it('handles empty sides', () => {
    expect(diffWords('', 'a b').overlap).toBe(0);
    expect(diffWords('', '').claim).toEqual([]);
  });

  it('finds a longest common subsequence: marked words agree in order and count', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(word, { maxLength: 12 }), (a, b) => {
        const { inA, inB, length } = lcsMarks(a, b);
        const pickedA = a.filter((_, i) => inA[i]);
        const pickedB = b.filter((_, i) => inB[i]);
        expect(pickedA).toEqual(pickedB);
        expect(length).toBe(pickedA.length);
        expect(length).toBe(referenceLcs(a, b));
      }),
    );
  });
});
