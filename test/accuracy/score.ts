/**
 * Scoring of predicted mentions against gold labels: a prediction is correct
 * only with the exact span and the same entity (so a right name with a wrong
 * span counts once as a false positive and once as a false negative).
 */
import type { EntityType } from '../../src/core/corpus/schema.ts';

export interface Span {
  start: number;
  end: number;
  entityId: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface DocumentScore {
  truePositives: Span[];
  falsePositives: Span[];
  falseNegatives: Span[];
}

const key = (s: Span): string => `${s.start}:${s.end}:${s.entityId}`;

export function scoreDocument(gold: readonly Span[], predicted: readonly Span[]): DocumentScore {
  const goldKeys = new Set(gold.map(key));
  const predictedKeys = new Set(predicted.map(key));
  return {
    truePositives: predicted.filter((p) => goldKeys.has(key(p))),
    falsePositives: predicted.filter((p) => !goldKeys.has(key(p))),
    falseNegatives: gold.filter((g) => !predictedKeys.has(key(g))),
  };
}

/** Rows of the report: each entity type, then the gated group. */
export const NAME_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'event'];
export const REPORT_ROWS = ['person', 'organization', 'place', 'event', 'names', 'collective', 'topic', 'all'] as const;
export type ReportRow = (typeof REPORT_ROWS)[number];

function rowsOf(type: EntityType): ReportRow[] {
  const rows: ReportRow[] = [type, 'all'];
  if (NAME_TYPES.includes(type)) rows.push('names');
  return rows;
}

/** Sums document scores into one Counts per report row; the type of a span is its entity's. */
export function tally(scores: readonly DocumentScore[], typeOf: (entityId: string) => EntityType): Map<ReportRow, Counts> {
  const table = new Map<ReportRow, Counts>(REPORT_ROWS.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));
  const add = (spans: readonly Span[], field: keyof Counts): void => {
    for (const s of spans) for (const row of rowsOf(typeOf(s.entityId))) table.get(row)![field]++;
  };
  for (const s of scores) {
    add(s.truePositives, 'tp');
    add(s.falsePositives, 'fp');
    add(s.falseNegatives, 'fn');
  }
  return table;
}

/** The counts of several report rows added up (rows of distinct types only, so nothing is counted twice). */
export function sumRows(table: ReadonlyMap<ReportRow, Counts>, rows: readonly ReportRow[]): Counts {
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const r of rows) for (const k of ['tp', 'fp', 'fn'] as const) sum[k] += table.get(r)![k];
  return sum;
}

/** Precision and recall; 1 when there is nothing to get wrong (no predictions, no gold). */
export const precision = (c: Counts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

/** A Markdown table, as pasted into docs/accuracy.md. */
export function formatTable(table: ReadonlyMap<ReportRow, Counts>): string {
  const lines = ['| type | gold | predicted | correct | precision | recall |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const [row, c] of table) {
    lines.push(`| ${row} | ${c.tp + c.fn} | ${c.tp + c.fp} | ${c.tp} | ${precision(c).toFixed(3)} | ${recall(c).toFixed(3)} |`);
  }
  return lines.join('\n');
}
