/** Runs the statement finder over annotated documents and totals the scores per split, language and span type. */
import type { Statement, StatementFinder } from '../../src/core/statements/index.ts';
import { add, emptyCounts, joinContinuations, precision, recall, scoreDocument, type Counts, type GoldLike, type PredStatement, type SpanScores } from './score.ts';

export interface EvalDoc {
  doc: string;
  lang: string;
  split: 'dev' | 'test';
  text: string;
  statements: GoldLike[];
}

export interface SplitReport {
  docs: number;
  all: Counts;
  direct: Counts;
  byLang: Record<string, Counts>;
  speaker: SpanScores;
  cue: SpanScores;
  content: SpanScores;
}

export function toPred(s: Statement): PredStatement {
  return {
    speakerId: s.speaker.entityId,
    speakerName: s.speaker.name,
    speakerStart: s.speaker.start,
    speakerEnd: s.speaker.end,
    cueStart: s.cue?.start ?? null,
    cueEnd: s.cue?.end ?? null,
    start: s.content.start,
    end: s.content.end,
    kind: s.kind,
  };
}

const emptySpan = (): SpanScores => ({ exact: emptyCounts(), overlap: emptyCounts() });
const addSpan = (a: SpanScores, b: SpanScores): SpanScores => ({ exact: add(a.exact, b.exact), overlap: add(a.overlap, b.overlap) });

/** Scored units: gold and predictions after joining a statement with its continuation (score.ts, joinContinuations). */
export interface DocResult {
  doc: EvalDoc;
  /** Gold units. */
  gold: GoldLike[];
  /** Predicted units. */
  preds: PredStatement[];
  /** For each predicted unit, the finder's statement it starts with. */
  statements: Statement[];
  /** For each predicted unit, the gold unit it matched or -1. */
  matches: number[];
}

export function evaluate(finder: StatementFinder, docs: readonly EvalDoc[]): { reports: Record<'dev' | 'test', SplitReport>; results: DocResult[] } {
  const reports = {
    dev: { docs: 0, all: emptyCounts(), direct: emptyCounts(), byLang: {}, speaker: emptySpan(), cue: emptySpan(), content: emptySpan() } as SplitReport,
    test: { docs: 0, all: emptyCounts(), direct: emptyCounts(), byLang: {}, speaker: emptySpan(), cue: emptySpan(), content: emptySpan() } as SplitReport,
  };
  const results: DocResult[] = [];
  for (const doc of docs) {
    const found = finder.find(doc.text, { lang: doc.lang as 'en' });
    const joined = joinContinuations(found.map(toPred), doc.text);
    const preds = joined.units;
    const statements = joined.members.map((m) => found[m[0]!]!);
    const gold = joinContinuations(doc.statements, doc.text).units;
    const s = scoreDocument(preds, gold);
    const r = reports[doc.split];
    r.docs++;
    r.all = add(r.all, s.all);
    r.direct = add(r.direct, s.direct);
    r.byLang[doc.lang] = add(r.byLang[doc.lang] ?? emptyCounts(), s.all);
    r.speaker = addSpan(r.speaker, s.speaker);
    r.cue = addSpan(r.cue, s.cue);
    r.content = addSpan(r.content, s.content);
    results.push({ doc, gold, preds, statements, matches: s.matches });
  }
  return { reports, results };
}

const f = (x: number) => x.toFixed(3);
const pr = (c: Counts) => `P ${f(precision(c))} R ${f(recall(c))} (${c.tp}/${c.pred} found ${c.found}/${c.gold})`;

export function formatReport(name: string, r: SplitReport): string {
  const lines = [`${name}: ${r.docs} documents`, `  statements      ${pr(r.all)}`, `  direct quotes   ${pr(r.direct)}`];
  for (const [lang, c] of Object.entries(r.byLang).sort()) lines.push(`  ${lang.padEnd(15)} ${pr(c)}`);
  for (const t of ['speaker', 'cue', 'content'] as const) {
    lines.push(`  ${(t + ' exact').padEnd(15)} ${pr(r[t].exact)}`);
    lines.push(`  ${(t + ' overlap').padEnd(15)} ${pr(r[t].overlap)}`);
  }
  return lines.join('\n');
}
