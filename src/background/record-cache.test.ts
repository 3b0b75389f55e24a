import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpusShape } from '../core/corpus/schema.ts';
import { compileMatcher, serializeMatcher } from '../core/match/index.ts';
import { claimChecker, liveMatcher, statementFinder } from './record-cache.ts';
import { sharePositionStrings } from './corpus-store.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../corpus/seed.json', import.meta.url), 'utf8')));

describe('what the worker derives from a record is made once and shared', () => {
  it('one loaded matcher, one statement finder and one claim checker per loaded record; a reloaded record gets new ones', () => {
    const record = { corpus, matcher: serializeMatcher(compileMatcher(corpus.entities)) };
    const matcher = liveMatcher(record.matcher);
    expect(liveMatcher(record.matcher)).toBe(matcher);
    expect(statementFinder(record)).toBe(statementFinder({ ...record }));
    const checker = claimChecker(record);
    expect(claimChecker({ ...record })).toBe(checker);
    expect(checker.check('Peskov said Russia is ready for negotiations.').actors.map((a) => a.id)).toContain('dmitry-peskov');

    const reloaded = { corpus, matcher: serializeMatcher(compileMatcher(corpus.entities)) };
    expect(liveMatcher(reloaded.matcher)).not.toBe(matcher);
    expect(claimChecker(reloaded)).not.toBe(checker);
  });
});

describe('positions as the worker keeps them', () => {
  it('have the same values, with the repeated ids and dates sharing strings', () => {
    const copy = structuredClone(corpus.positions);
    const shared = sharePositionStrings(copy);
    expect(shared).toEqual(corpus.positions);
    expect(shared).not.toBe(copy);
  });
});
