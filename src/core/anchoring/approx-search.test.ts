import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approxSearch, editDistance, matchEnds, matchStart } from './approx-search.ts';

/** Reference: Sellers' dynamic programme, the best cost of the pattern ending at each text position. */
function naiveEndCosts(text: string, pattern: string): number[] {
  const m = pattern.length;
  let col = Array.from({ length: m + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let j = 0; j < text.length; j++) {
    const next = [0];
    for (let i = 1; i <= m; i++) {
      next[i] = Math.min(col[i - 1]! + (pattern[i - 1] === text[j] ? 0 : 1), col[i]! + 1, next[i - 1]! + 1);
    }
    col = next;
    out.push(col[m]!);
  }
  return out;
}

describe('matchEnds (Myers, blocked)', () => {
  it('agrees with the dynamic programme for short and multi-block patterns', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 160 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), minLength: 1, maxLength: 90 }),
        fc.nat({ max: 30 }),
        (text, pattern, k) => {
          const costs = naiveEndCosts(text, pattern);
          for (const { end, errors } of matchEnds(text, pattern, k)) {
            expect(errors).toBe(costs[end - 1]);
            expect(errors).toBeLessThanOrEqual(k);
          }
          // Every position at the global minimum (when within budget) is reported.
          const min = Math.min(...costs);
          if (costs.length > 0 && min <= k) {
            expect(matchEnds(text, pattern, k).some((e) => e.errors === min)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds an exact occurrence with zero errors', () => {
    const text = 'The minister said the talks would resume next week in Geneva.';
    const ends = matchEnds(text, 'talks would resume', 0);
    expect(ends).toEqual([{ end: text.indexOf('talks would resume') + 'talks would resume'.length, errors: 0 }]);
  });
});

describe('matchStart', () => {
  it('recovers the start of an edited match', () => {
    const text = 'xxxx the talks will resume next week yyyy';
    const pattern = 'the talks would resume next week';
    const [best] = approxSearch(text, pattern, 8);
    expect(best).toBeDefined();
    expect(text.slice(best!.start, best!.end)).toBe('the talks will resume next week');
    expect(best!.errors).toBe(editDistance(pattern, 'the talks will resume next week'));
  });

  it('is the alignment with the fewest edits ending there', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 40 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 12 }), (text, pattern) => {
        const end = text.length;
        const { start, errors } = matchStart(text, pattern, end, pattern.length);
        expect(errors).toBe(editDistance(pattern, text.slice(start, end)));
        for (let s = Math.max(0, end - 2 * pattern.length); s <= end; s++) {
          expect(errors).toBeLessThanOrEqual(editDistance(pattern, text.slice(s, end)));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
