/**
 * A matcher loaded from its snapshot (what the CLI keeps in its build cache:
 * snapshotMatcher, stored with plain-codec.ts, read back, loadMatcherSnapshot)
 * finds exactly what a freshly compiled matcher finds, on every labelled and
 * CLI fixture text, with one document context per text as annotate uses.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/cli/annotate.ts';
import { decodePlain, encodePlain } from '../../src/cli/plain-codec.ts';
import { parseCorpusShape } from '../../src/core/corpus/schema.ts';
import { compileMatcher, createDocumentContext, loadMatcherSnapshot, snapshotMatcher, type MatcherSnapshot } from '../../src/core/match/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const corpus = parseCorpusShape(JSON.parse(readFileSync(join(ROOT, 'corpus/seed.json'), 'utf8')));

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return filesUnder(full);
      return /\.(txt|html?)$/.test(name) ? [full] : [];
    });
}

const FILES = ['test/accuracy/texts', 'test/accuracy/untuned', 'test/accuracy/untuned-2', 'test/accuracy/untuned-3', 'test/fixtures/cli-annotate/input'].flatMap((d) => filesUnder(join(ROOT, d)));

describe('loadMatcherSnapshot', () => {
  it('finds the same mentions as a compiled matcher after a round trip through the build cache\'s format', () => {
    expect(FILES.length).toBeGreaterThan(40);
    const compiled = compileMatcher(corpus.entities, corpus.sides);
    const stored = decodePlain(encodePlain(snapshotMatcher(compileMatcher(corpus.entities, corpus.sides)))) as MatcherSnapshot;
    const loaded = loadMatcherSnapshot(stored);
    let mentions = 0;
    for (const file of FILES) {
      const text = documentText(file, readFileSync(file));
      const expected = compiled.scan(text, createDocumentContext());
      mentions += expected.length;
      expect(loaded.scan(text, createDocumentContext()), file).toEqual(expected);
    }
    expect(mentions).toBeGreaterThan(1000);
  });

  it('refuses a snapshot of another format', () => {
    const snapshot = snapshotMatcher(compileMatcher(corpus.entities.slice(0, 3)));
    expect(() => loadMatcherSnapshot({ ...snapshot, format: snapshot.format + 1 })).toThrow(/format/);
  });
});
