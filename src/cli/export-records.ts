/** Flat records for `corpus positions` and `corpus entities`, written as JSON Lines or CSV. */
import { toCsv, type CsvValue } from '../core/csv.ts';
import type { Corpus } from '../core/corpus/schema.ts';

export const EXPORT_FORMATS = ['jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const POSITION_COLUMNS = [
  'id', 'actor', 'actorLabel', 'side', 'reportedBy', 'topics',
  'dateFrom', 'dateTo', 'datePrecision', 'source', 'sourceFile', 'start', 'end',
  'quote', 'paraphrase', 'stance', 'medium', 'links',
] as const;
export const ENTITY_COLUMNS = ['id', 'type', 'label', 'side', 'description', 'aliases'] as const;

type Row<K extends string> = Record<K, CsvValue>;

export function positionRecords(c: Corpus): Row<(typeof POSITION_COLUMNS)[number]>[] {
  const entities = new Map(c.entities.map((e) => [e.id, e]));
  const sources = new Map(c.sources.map((s) => [s.id, s]));
  return c.positions.map((p) => {
    const actor = entities.get(p.actor);
    return {
      id: p.id,
      actor: p.actor,
      actorLabel: actor?.label,
      side: actor?.side,
      reportedBy: p.reportedBy,
      topics: p.topics,
      dateFrom: p.date.from,
      dateTo: p.date.to,
      datePrecision: p.date.precision,
      source: p.source,
      sourceFile: sources.get(p.source)?.file,
      start: p.passage.start,
      end: p.passage.end,
      quote: p.quote,
      paraphrase: p.paraphrase,
      stance: p.stance,
      medium: p.medium,
      links: p.links.map((l) => `${l.type}:${l.target}`),
    };
  });
}

export function entityRecords(c: Corpus): Row<(typeof ENTITY_COLUMNS)[number]>[] {
  return c.entities.map((e) => ({
    id: e.id,
    type: e.type,
    label: e.label,
    side: e.side,
    description: e.description,
    aliases: e.aliases.map((a) => a.text),
  }));
}

/** JSON Lines keeps every column on every line (absent values as null) so consumers see one shape. */
export function writeRecords<K extends string>(format: ExportFormat, columns: readonly K[], rows: Row<K>[]): string {
  if (format === 'csv') return toCsv(columns, rows);
  return rows.map((r) => `${JSON.stringify(Object.fromEntries(columns.map((c) => [c, r[c] ?? null])))}\n`).join('');
}
