/**
 * Matcher accuracy on the labelled texts in texts/ (built from marked/ by
 * build.ts): precision and recall per entity type, exact span and entity.
 * Names (person, organization, place, event) must reach MIN_PRECISION and
 * MIN_RECALL, each type on its own; collectives and topics are reported only.
 * Method and current figures: docs/accuracy.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnnotator, documentText } from '../../src/cli/annotate.ts';
import type { Corpus, EntityType } from '../../src/core/corpus/schema.ts';
import { buildAll, goldFileName, goldJson, isHtmlName, SPLITS, TEXTS_DIR, UNTUNED2_MARKED_DIR, UNTUNED2_TEXTS_DIR, UNTUNED3_MARKED_DIR, UNTUNED3_TEXTS_DIR, UNTUNED4_MARKED_DIR, UNTUNED4_TEXTS_DIR, UNTUNED5_MARKED_DIR, UNTUNED5_TEXTS_DIR, UNTUNED6_MARKED_DIR, UNTUNED6_TEXTS_DIR, UNTUNED7_MARKED_DIR, UNTUNED7_TEXTS_DIR, UNTUNED8_MARKED_DIR, UNTUNED8_TEXTS_DIR, UNTUNED9_MARKED_DIR, UNTUNED9_TEXTS_DIR, UNTUNED10_MARKED_DIR, UNTUNED10_TEXTS_DIR, UNTUNED_MARKED_DIR, UNTUNED_TEXTS_DIR, type BuiltDocument, type GoldLabel } from './build.ts';
import { formatTable, NAME_TYPES, precision, recall, scoreDocument, sumRows, tally, type Counts, type DocumentScore, type ReportRow, type Span } from './score.ts';
import { parseCorpusShape } from '../../src/core/corpus/schema.ts';
import { compileMatcher } from '../../src/core/match/index.ts';

/** A highlight on the wrong words costs the reader more than a missed one, so precision has the higher bar. */
const MIN_PRECISION = 0.97;
const MIN_RECALL = 0.95;
/**
 * Targets on the untuned split (issue 13): texts written before the matcher
 * was tuned for them. "Names" are the actors and places (person,
 * organization, place, collective); events and topics together have the
 * lower bar, because a topic is drawn only on pages about the record.
 */
const UNTUNED = {
  names: { rows: ['person', 'organization', 'place', 'collective'] as ReportRow[], precision: 0.99, recall: 0.97 },
  'events and topics': { rows: ['event', 'topic'] as ReportRow[], precision: 0.95, recall: 0.85 },
} as const;
const MIN_DOCUMENTS = 12;
const MIN_WORDS = 120;
const MAX_WORDS = 300;
const LANGUAGES = ['en', 'de', 'ru', 'uk'];

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../corpus/seed.json', import.meta.url), 'utf8')));
const entityType = new Map(corpus.entities.map((e) => [e.id, e.type]));
const typeOf = (id: string): EntityType => entityType.get(id)!;
const docs = buildAll();
const untunedDocs = buildAll(UNTUNED_MARKED_DIR);
const untuned2Docs = buildAll(UNTUNED2_MARKED_DIR);
const untuned3Docs = buildAll(UNTUNED3_MARKED_DIR);
const untuned4Docs = buildAll(UNTUNED4_MARKED_DIR);
const untuned5Docs = buildAll(UNTUNED5_MARKED_DIR);
const untuned6Docs = buildAll(UNTUNED6_MARKED_DIR);
const untuned7Docs = buildAll(UNTUNED7_MARKED_DIR);
const untuned8Docs = buildAll(UNTUNED8_MARKED_DIR);
const untuned9Docs = buildAll(UNTUNED9_MARKED_DIR);
const untuned10Docs = buildAll(UNTUNED10_MARKED_DIR);

describe('the labelled set', () => {
  it('is what build.ts makes from marked/ (run "npx tsx test/accuracy/build.ts" after editing marked/)', () => {
    for (const [markedDir, textsDir] of Object.values(SPLITS)) {
      for (const doc of buildAll(markedDir)) {
        expect(readFileSync(join(textsDir, doc.name), 'utf8'), doc.name).toBe(doc.content);
        expect(readFileSync(join(textsDir, goldFileName(doc.name)), 'utf8'), goldFileName(doc.name)).toBe(goldJson(doc));
      }
    }
  });

  it('has enough texts of the right length in every language, some of them HTML', () => {
    expect(docs.length).toBeGreaterThanOrEqual(MIN_DOCUMENTS);
    const langOf = (name: string): string => name.split('-')[1]!;
    for (const lang of LANGUAGES) expect(docs.filter((d) => langOf(d.name) === lang).length, lang).toBeGreaterThanOrEqual(2);
    expect(docs.some((d) => langOf(d.name) === 'mixed')).toBe(true);
    expect(docs.filter((d) => isHtmlName(d.name)).length).toBeGreaterThanOrEqual(3);
    expect(untunedDocs.length * 3, 'the untuned split is at least a quarter of the set').toBeGreaterThanOrEqual(docs.length);
    expect(untuned2Docs.length * 3, 'the second untuned split is at least a quarter of the set').toBeGreaterThanOrEqual(docs.length);
    expect(untuned3Docs.length * 3, 'the third untuned split is at least a quarter of the set').toBeGreaterThanOrEqual(docs.length);
    expect(untuned4Docs.length * 3, 'the fourth untuned split is at least a quarter of the set').toBeGreaterThanOrEqual(docs.length);
    expect(untuned5Docs.length * 3, 'the fifth untuned split is at least a quarter of the set').toBeGreaterThanOrEqual(docs.length);
    expect(untuned6Docs.length * 3, 'the sixth untuned split is at least a quarter of the set').toBeGreaterThanOrEqual(docs.length);
    expect(untuned7Docs.length * 3, 'the seventh untuned split is at least a quarter of the set').toBeGreaterThanOrEqual(docs.length);
    expect(untuned8Docs.length * 3, 'the eighth untuned split is at least a quarter of the set').toBeGreaterThanOrEqual(docs.length);
    expect(untuned9Docs.length * 3, 'the ninth untuned split is at least a quarter of the set').toBeGreaterThanOrEqual(docs.length);
    for (const d of [...docs, ...untunedDocs, ...untuned2Docs, ...untuned3Docs, ...untuned4Docs, ...untuned5Docs, ...untuned6Docs, ...untuned7Docs, ...untuned8Docs, ...untuned9Docs]) {
      const words = d.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      expect(words, d.name).toBeGreaterThanOrEqual(MIN_WORDS);
      expect(words, d.name).toBeLessThanOrEqual(MAX_WORDS);
    }
  });

  it('labels only corpus entities, with non-empty, non-overlapping spans', () => {
    for (const d of [...docs, ...untunedDocs, ...untuned2Docs, ...untuned3Docs, ...untuned4Docs, ...untuned5Docs, ...untuned6Docs, ...untuned7Docs, ...untuned8Docs, ...untuned9Docs]) {
      let last = 0;
      for (const g of d.gold) {
        expect(entityType.has(g.entityId), `${d.name}: ${g.entityId}`).toBe(true);
        expect(g.start, `${d.name} at ${g.start}`).toBeGreaterThanOrEqual(last);
        expect(g.end).toBeGreaterThan(g.start);
        expect(d.text.slice(g.start, g.end).trim(), `${d.name} at ${g.start}`).toBe(d.text.slice(g.start, g.end));
        last = g.end;
      }
    }
  });
});

function evaluate(split: string, documents: readonly BuiltDocument[], textsDir: string): { table: Map<ReportRow, Counts>; errors: string[] } {
  const annotate = createAnnotator(corpus.entities, compileMatcher(corpus.entities, corpus.sides));
  const scores: DocumentScore[] = [];
  const errors: string[] = [];
  for (const doc of documents) {
    // The same path as `onrecord annotate`: bytes → documentText → annotator.
    const text = documentText(doc.name, readFileSync(join(textsDir, doc.name)));
    const gold: GoldLabel[] = JSON.parse(readFileSync(join(textsDir, goldFileName(doc.name)), 'utf8')) as GoldLabel[];
    const predicted: Span[] = annotate(text).map(({ start, end, entityId }) => ({ start, end, entityId }));
    const score = scoreDocument(gold, predicted);
    scores.push(score);
    const show = (kind: string, s: Span): string => `${doc.name}: ${kind} ${typeOf(s.entityId)} ${JSON.stringify(text.slice(s.start, s.end))} [${s.start},${s.end}) ${s.entityId}`;
    errors.push(...score.falsePositives.map((s) => show('false positive', s)), ...score.falseNegatives.map((s) => show('missed', s)));
  }
  const table = tally(scores, typeOf);
  console.log(`\nMatcher accuracy on the ${split} split, ${documents.length} labelled texts (exact span and entity):\n${formatTable(table)}\n\n${errors.join('\n')}\n`);
  return { table, errors };
}

describe('matcher accuracy, tuned split', () => {
  let table!: Map<ReportRow, Counts>;
  let errors!: string[];
  beforeAll(() => {
    ({ table, errors } = evaluate('tuned', docs, TEXTS_DIR));
  });

  it('reads every text as build.ts extracted it', () => {
    for (const doc of docs) expect(documentText(doc.name, readFileSync(join(TEXTS_DIR, doc.name))), doc.name).toBe(doc.text);
  });

  for (const type of NAME_TYPES) {
    it(`finds ${type} names with precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL}`, () => {
      const c = table.get(type)!;
      const mine = errors.filter((e) => e.includes(`: false positive ${type} `) || e.includes(`: missed ${type} `));
      expect(c.tp + c.fn, `${type}: the set has gold labels`).toBeGreaterThan(0);
      expect(precision(c), `${type} precision\n${mine.join('\n')}`).toBeGreaterThanOrEqual(MIN_PRECISION);
      expect(recall(c), `${type} recall\n${mine.join('\n')}`).toBeGreaterThanOrEqual(MIN_RECALL);
    });
  }
});

/**
 * The fourth untuned split missed the names target when it was measured blind (P 192/197 = 0.975, R 192/198 = 0.9697
 * at 420580f: docs/accuracy.md). Until a rule made for its errors is in, this floor holds the matcher to that blind figure, so a
 * regression fails; it is a floor, not the target, and the target stays unmet on it. Events and topics met the target
 * blind and are held to it.
 */
const UNTUNED4_BLIND_FLOOR = blindNamesFloor(0.974, 0.969); // 192 of 197 predicted, 192 of 198 gold, blind

/**
 * A split that missed the names target when it was measured blind: its names are held to the blind figure, its events
 * and topics (which met the target blind on every such split so far) to the target.
 */
function blindNamesFloor(namesPrecision: number, namesRecall: number, eventsAndTopics?: { precision: number; recall: number }) {
  return {
    names: { ...UNTUNED.names, precision: namesPrecision, recall: namesRecall },
    'events and topics': { ...UNTUNED['events and topics'], ...eventsAndTopics },
  } as const;
}

function untunedTargets(split: string, documents: readonly BuiltDocument[], textsDir: string, targets: Record<string, { rows: readonly ReportRow[]; precision: number; recall: number }> = UNTUNED): void {
  // The matcher runs only when a scoring test of this split runs: a label-format check (`-t "the labelled set"`) on a
  // new blind split must not show its writer the matcher's output.
  let table!: Map<ReportRow, Counts>;
  let errors!: string[];
  beforeAll(() => {
    ({ table, errors } = evaluate(split, documents, textsDir));
    const groups = Object.entries(targets).map(([group, target]) => {
      const c = sumRows(table, target.rows);
      return `${group}: gold ${c.tp + c.fn}, predicted ${c.tp + c.fp}, correct ${c.tp}, P ${precision(c).toFixed(3)}, R ${recall(c).toFixed(3)}`;
    });
    console.log(`Targets' groups on the ${split} split:\n${groups.join('\n')}\n`);
  });

  it('reads every text as build.ts extracted it', () => {
    for (const doc of documents) expect(documentText(doc.name, readFileSync(join(textsDir, doc.name))), doc.name).toBe(doc.text);
  });

  for (const [group, target] of Object.entries(targets)) {
    it(`finds ${group} with precision ≥ ${target.precision} and recall ≥ ${target.recall}`, () => {
      const c = sumRows(table, target.rows);
      const mine = errors.filter((e) => target.rows.some((t) => e.includes(`: false positive ${t} `) || e.includes(`: missed ${t} `)));
      expect(c.tp + c.fn, `${group}: the split has gold labels`).toBeGreaterThan(0);
      expect(precision(c), `${group} precision\n${mine.join('\n')}`).toBeGreaterThanOrEqual(target.precision);
      expect(recall(c), `${group} recall\n${mine.join('\n')}`).toBeGreaterThanOrEqual(target.recall);
    });
  }
}

/** Written before issue 13's rules; its misses were later seen and fixed, so it no longer measures blind. */
describe('matcher accuracy, untuned split', () => untunedTargets('untuned', untunedDocs, UNTUNED_TEXTS_DIR));

/**
 * Written in session 3 before any tuning for it, and measured blind first (names 0.969/0.918, docs/accuracy.md);
 * general rules and corpus forms were then added for some of its misses, so it no longer measures blind either.
 * Its texts and labels have not been edited. The next matcher work needs a third split, written first.
 */
describe('matcher accuracy, second untuned split', () => untunedTargets('untuned-2', untuned2Docs, UNTUNED2_TEXTS_DIR));

/**
 * Written in session 4 before any matcher change of that session, committed alone (9f276ca) and measured blind
 * first: names 0.922/0.956, missing the target (docs/accuracy.md). Fixes for the real pages' errors took it to
 * 0.975/0.956; rules chosen after its own errors were seen took it to 0.994/0.988, so it no longer measures blind
 * either. Its texts and labels have not been edited.
 */
describe('matcher accuracy, third untuned split', () => untunedTargets('untuned-3', untuned3Docs, UNTUNED3_TEXTS_DIR));

/**
 * Written in session 5 outside the repository by an engineer who never ran the matcher on it nor read its code, while
 * another engineer changed the matcher, and measured blind by the lead once at the end of that session: names P 0.975
 * / R 0.9697 (target 0.99 / 0.97: both missed), events and topics 0.971 / 0.971 (met). Held to the blind figure
 * as a floor (UNTUNED4_BLIND_FLOOR), not to the names target, until the matcher meets it. Its texts and labels are
 * never edited.
 */
describe('matcher accuracy, fourth untuned split (blind floor)', () =>
  untunedTargets('untuned-4', untuned4Docs, UNTUNED4_TEXTS_DIR, UNTUNED4_BLIND_FLOOR));

/**
 * The fifth untuned split missed the names target when it was measured blind (P 217/223 = 0.973, R 217/224 = 0.969 at
 * 7c7491a: docs/accuracy.md). This floor holds the matcher to that blind figure, so a regression fails; it is a
 * floor, not the target, which stays unmet on it. Events and topics met the target blind and are held to it.
 */
const UNTUNED5_BLIND_FLOOR = blindNamesFloor(0.973, 0.968); // 217 of 223 predicted, 217 of 224 gold, blind

/**
 * Written in session 6 outside the repository, before any matcher change of that session, by an engineer who never
 * ran the matcher on it nor read its code, while another engineer changed the matcher; measured blind by the lead
 * once at the end of that session: names P 0.973 / R 0.969 (target 0.99 / 0.97: both missed), events and topics
 * 1.000 / 0.942 (met). Held to the blind figure as a floor. Its texts and labels are never edited.
 */
describe('matcher accuracy, fifth untuned split (blind floor)', () =>
  untunedTargets('untuned-5', untuned5Docs, UNTUNED5_TEXTS_DIR, UNTUNED5_BLIND_FLOOR));

/**
 * The sixth untuned split missed the names precision target when it was measured blind at the end of session 7 (P
 * 235/238 = 0.987, R 235/241 = 0.975 at 47de0f4: recall met, precision one false positive short; docs/accuracy.md).
 * This floor holds the matcher to that blind figure, so a regression fails; it is a floor, not the target, which
 * stays unmet on it. Events and topics met the target blind (0.978 / 0.910) and are held to it.
 */
const UNTUNED6_BLIND_FLOOR = blindNamesFloor(0.987, 0.975); // 235 of 238 predicted, 235 of 241 gold, blind

/**
 * Written in session 7 outside the repository, before any matcher change of that session, by an engineer who never
 * ran the matcher on it nor read its code, while other engineers changed the matcher; measured blind by the lead
 * once, on everything merged at the end of that session. Held to the blind figure as a floor. Its texts and labels
 * are never edited.
 */
describe('matcher accuracy, sixth untuned split (blind floor)', () =>
  untunedTargets('untuned-6', untuned6Docs, UNTUNED6_TEXTS_DIR, UNTUNED6_BLIND_FLOOR));

/**
 * The seventh untuned split missed the names precision target when it was measured blind at the end of session 8 (P
 * 229/234 = 0.979, R 229/233 = 0.983 at 6ddfdc5: recall met; docs/accuracy.md). Events and topics met the target
 * blind (0.979 / 0.929) and are held to it.
 */
const UNTUNED7_BLIND_FLOOR = blindNamesFloor(0.978, 0.982); // 229 of 234 predicted, 229 of 233 gold, blind

/**
 * Written in session 8 outside the repository, before any matcher change of that session, by an engineer who never
 * ran the matcher on it nor read its code, while another engineer changed the matcher; measured blind by the lead
 * once, on everything merged at the end of that session. Held to the blind figure as a floor. Its texts and labels
 * are never edited.
 */
describe('matcher accuracy, seventh untuned split (blind floor)', () =>
  untunedTargets('untuned-7', untuned7Docs, UNTUNED7_TEXTS_DIR, UNTUNED7_BLIND_FLOOR));

/**
 * The eighth untuned split missed both targets when it was measured blind at the end of session 9 (at fdbf58b: names
 * P 192/202 = 0.950, R 192/198 = 0.970 (0.9697); events and topics P 53/55 = 0.964, R 53/65 = 0.815; docs/accuracy.md).
 * Held to those blind figures as floors; the targets stay unmet on it.
 */
const UNTUNED8_BLIND_FLOOR = blindNamesFloor(0.950, 0.969, { precision: 0.963, recall: 0.815 }); // blind

/**
 * Written in session 9 outside the repository by an engineer who never read the matcher's code, while another engineer
 * changed the matcher. Its writer saw part of main's (290f0ae) errors on it once, after every text and label was
 * frozen (a format check that also scored; fixed in 0984311); nothing was edited after that, and the engineer who
 * changed the matcher never saw it. Measured blind by the lead once, on everything merged. Texts and labels are never
 * edited.
 */
describe('matcher accuracy, eighth untuned split (blind floor)', () =>
  untunedTargets('untuned-8', untuned8Docs, UNTUNED8_TEXTS_DIR, UNTUNED8_BLIND_FLOOR));

/**
 * The ninth untuned split missed every target but events and topics recall when it was measured blind by the lead:
 * at 6da76af, before session 10's matcher changes, names P 221/231 = 0.957, R 221/236 = 0.936, events and topics P
 * 99/111 = 0.892, R 99/110 = 0.900; at ebef1d5, everything of session 10 merged, names P 222/231 = 0.961, R 222/236 =
 * 0.941, events and topics P 99/108 = 0.917, R 99/110 = 0.900 (docs/accuracy.md). Held to the second as floors.
 */
const UNTUNED9_BLIND_FLOOR = blindNamesFloor(0.961, 0.940, { precision: 0.916, recall: 0.899 }); // blind

/**
 * Written in session 10 outside the repository by an engineer who never read the matcher's code nor ran it on it, while
 * another engineer changed the matcher. Measured blind by the lead, on main before the session's changes and once on
 * everything merged. Texts and labels are never edited.
 */
describe('matcher accuracy, ninth untuned split (blind floor)', () =>
  untunedTargets('untuned-9', untuned9Docs, UNTUNED9_TEXTS_DIR, UNTUNED9_BLIND_FLOOR));

/**
 * The tenth untuned split (texts 111–122, 379 labels), written in session 11 outside the repository by an engineer
 * who never read the matcher's code nor ran it on them, while others changed the matcher; measured blind by the lead
 * only, at 4119b48 (before session 11's matcher changes): names P 252/260 = 0.969, R 252/266 = 0.947, events and
 * topics P 105/110 = 0.955, R 105/113 = 0.929; and at 3107b89 (everything of session 11 merged): names P 253/261 =
 * 0.969, R 253/266 = 0.951, events and topics P 106/106 = 1.000, R 106/113 = 0.938. Names miss the target: held to
 * the second figure as a floor; events and topics met it blind and are held to it. Texts and labels are never edited.
 */
const UNTUNED10_BLIND_FLOOR = blindNamesFloor(0.969, 0.951); // 253 of 261 predicted, 253 of 266 gold, blind
describe('matcher accuracy, tenth untuned split (blind floor)', () =>
  untunedTargets('untuned-10', untuned10Docs, UNTUNED10_TEXTS_DIR, UNTUNED10_BLIND_FLOOR));
