import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpusShape } from '../corpus/schema.ts';
import { SNIPPET_CHARS, snippet, summarizePositions } from './position-summary.ts';

const seed = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));

describe('positions a verdict rests on, by speaker and words', () => {
  it('names the speaker and gives the quote (else the paraphrase), in the order asked, leaving out unknown ids', () => {
    const quoted = seed.positions.find((p) => p.quote !== undefined)!;
    const paraphrased = seed.positions.find((p) => p.quote === undefined)!;
    const got = summarizePositions(seed, [paraphrased.id, 'no-such-position', quoted.id]);
    expect([...got.keys()]).toEqual([paraphrased.id, quoted.id]);
    const q = got.get(quoted.id)!;
    expect(q.kind).toBe('quote');
    expect(q.speaker).toBe(seed.entities.find((e) => e.id === quoted.actor)!.label);
    expect(q.speaker).not.toBe(quoted.actor);
    expect(quoted.quote!.replace(/\s+/gu, ' ')).toContain(q.words.replace(/…$/u, ''));
    expect(got.get(paraphrased.id)!.kind).toBe('paraphrase');
    expect(q.outlet).toBe(seed.sources.find((s) => s.id === quoted.source)!.outlet);
  });

  it('shortens long words at a word boundary', () => {
    const long = `${'word '.repeat(100)}end`;
    const s = snippet(long);
    expect(s.length).toBeLessThanOrEqual(SNIPPET_CHARS + 1);
    expect(s.endsWith('word…')).toBe(true);
    expect(snippet('  short\n text ')).toBe('short text');
  });
});
