/** The benchmarks' synthetic record is a valid corpus of the size asked for, the same at every call. */
import { describe, expect, it } from 'vitest';
import { syntheticRecord } from '../../bench/lib/synthetic-record.ts';
import { formatProblem, validateCorpus } from '../../src/core/corpus/validate.ts';

describe('syntheticRecord', () => {
  it('passes the validator with exactly the entities and positions asked for', () => {
    const corpus = syntheticRecord({ entities: 3_000, positions: 6_000 });
    expect(corpus.entities).toHaveLength(3_000);
    expect(corpus.positions).toHaveLength(6_000);
    const result = validateCorpus(JSON.parse(JSON.stringify(corpus)), { fileName: 'synthetic.json' });
    expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(result.corpus?.positions).toHaveLength(6_000);
  });

  it('is deterministic', () => {
    const a = syntheticRecord({ entities: 500, positions: 800 });
    const b = syntheticRecord({ entities: 500, positions: 800 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
