import { describe, expect, it } from 'vitest';
import { passageFits, textRuns } from './segments.ts';

describe('textRuns', () => {
  it('covers the whole text and marks each passage run', () => {
    const runs = textRuns(20, [
      { id: 'a', passage: { start: 2, end: 8 } },
      { id: 'b', passage: { start: 5, end: 12 } },
    ]);
    expect(runs).toEqual([
      { start: 0, end: 2, positionIds: [] },
      { start: 2, end: 5, positionIds: ['a'] },
      { start: 5, end: 8, positionIds: ['a', 'b'] },
      { start: 8, end: 12, positionIds: ['b'] },
      { start: 12, end: 20, positionIds: [] },
    ]);
  });

  it('ignores passages outside the text', () => {
    expect(textRuns(10, [{ id: 'x', passage: { start: 5, end: 40 } }])).toEqual([{ start: 0, end: 10, positionIds: [] }]);
    expect(passageFits({ start: 0, end: 10 }, 10)).toBe(true);
    expect(passageFits({ start: 0, end: 11 }, 10)).toBe(false);
  });

  it('gives nothing for an empty text', () => {
    expect(textRuns(0, [])).toEqual([]);
  });
});
