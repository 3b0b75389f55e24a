/**
 * Empty-card rate (issue 13): of the underlines the matcher draws on the news
 * pages of the accuracy set (both splits, the off-topic texts aside), the
 * share whose card has nothing to show. A card has something when the entity
 * has positions of its own or relayed, positions about it, or speaks for a
 * government with positions (src/core/record/entity-record.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/core/match/index.ts';
import { createAnnotator, documentText } from '../../src/cli/annotate.ts';
import { parseCorpusShape } from '../../src/core/corpus/schema.ts';
import { entitiesWithNothingToShow } from '../../src/core/record/entity-record.ts';
import { buildAll, SPLITS } from './build.ts';

const MAX_EMPTY_RATE = 0.05;
/** Texts about something else, kept to check that nothing is drawn there: not news pages of the record. */
const isOffTopic = (name: string): boolean => name.includes('-offtopic-') || name.includes('-travel') || name.includes('-culture-');

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../corpus/seed.json', import.meta.url), 'utf8')));
const annotate = createAnnotator(corpus.entities, compileMatcher(corpus.entities, corpus.sides));
const nothing = new Set(entitiesWithNothingToShow(corpus));

describe('empty cards on the news pages of the accuracy set', () => {
  let underlines = 0;
  const empty: string[] = [];
  let pages = 0;
  for (const [markedDir, textsDir] of Object.values(SPLITS)) {
    for (const doc of buildAll(markedDir)) {
      if (isOffTopic(doc.name)) continue;
      pages++;
      const text = documentText(doc.name, readFileSync(join(textsDir, doc.name)));
      for (const m of annotate(text)) {
        underlines++;
        if (nothing.has(m.entityId)) empty.push(`${doc.name}: ${JSON.stringify(m.text)} ${m.entityId}`);
      }
    }
  }
  const rate = empty.length / underlines;
  console.log(`\nEmpty cards: ${empty.length} of ${underlines} underlines on ${pages} news pages (${(rate * 100).toFixed(1)}%)\n${empty.join('\n')}\n`);

  it(`is at most ${MAX_EMPTY_RATE * 100}%`, () => {
    expect(pages).toBeGreaterThanOrEqual(15);
    expect(rate, empty.join('\n')).toBeLessThanOrEqual(MAX_EMPTY_RATE);
  });
});
