/** `onrecord corpus stats [FILE]` */
import type { Corpus } from '../core/corpus/schema.ts';
import { choice, parseCommandArgs } from './args.ts';
import { EXIT_OK, UsageError, type CliIo } from './command.ts';
import { requireCorpus } from './read-corpus.ts';

export const usage = `Usage: onrecord corpus stats [FILE] [--format text|json]

Counts entities by type, entities and positions by side (the side of the
position's actor), positions by source and by topic, and links by type.

Examples:
  onrecord corpus stats
  onrecord corpus stats my-corpus.json --format json
`;

/** Key used for entities, and positions whose actor, belong to no side. */
export const NO_SIDE = '(no side)';

export interface CorpusStats {
  totals: { sides: number; sources: number; entities: number; positions: number; links: number };
  entitiesByType: Record<string, number>;
  bySide: Record<string, { entities: number; positions: number }>;
  positionsBySource: Record<string, number>;
  positionsByTopic: Record<string, number>;
  linksByType: Record<string, number>;
}

export function corpusStats(c: Corpus): CorpusStats {
  const sideOf = new Map(c.entities.map((e) => [e.id, e.side ?? NO_SIDE]));
  const bySide: CorpusStats['bySide'] = {};
  for (const s of c.sides) bySide[s.id] = { entities: 0, positions: 0 };
  const side = (id: string) => (bySide[id] ??= { entities: 0, positions: 0 });
  for (const e of c.entities) side(e.side ?? NO_SIDE).entities++;
  for (const p of c.positions) side(sideOf.get(p.actor) ?? NO_SIDE).positions++;

  const positionsBySource = Object.fromEntries(c.sources.map((s) => [s.id, 0]));
  const positionsByTopic: Record<string, number> = {};
  const linksByType: Record<string, number> = {};
  for (const p of c.positions) {
    positionsBySource[p.source] = (positionsBySource[p.source] ?? 0) + 1;
    for (const t of p.topics) positionsByTopic[t] = (positionsByTopic[t] ?? 0) + 1;
    for (const l of p.links) linksByType[l.type] = (linksByType[l.type] ?? 0) + 1;
  }
  return {
    totals: {
      sides: c.sides.length,
      sources: c.sources.length,
      entities: c.entities.length,
      positions: c.positions.length,
      links: c.positions.reduce((n, p) => n + p.links.length, 0),
    },
    entitiesByType: count(c.entities.map((e) => e.type)),
    bySide,
    positionsBySource,
    positionsByTopic,
    linksByType,
  };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { format: { type: 'string' } }, true);
  if (positionals.length > 1) throw new UsageError('give at most one corpus file');
  const format = choice('format', values.format, ['text', 'json'], 'text');
  const { corpus, name } = await requireCorpus(positionals[0], io);
  const stats = corpusStats(corpus);
  io.out(format === 'json' ? `${JSON.stringify(stats, null, 2)}\n` : renderStats(name, corpus, stats));
  return EXIT_OK;
}

function renderStats(name: string, c: Corpus, s: CorpusStats): string {
  const t = s.totals;
  const sides = Object.fromEntries(Object.entries(s.bySide).map(([k, v]) => [k, `${v.entities} entities, ${v.positions} positions`]));
  return [
    `${name}: ${c.title} (id ${c.id}, version ${c.version}, format ${c.formatVersion})`,
    `${t.sources} sources, ${t.entities} entities, ${t.positions} positions, ${t.links} links, ${t.sides} sides`,
    table('Entities by type', s.entitiesByType),
    table('By side', sides),
    table('Positions by source', s.positionsBySource),
    table('Positions by topic', s.positionsByTopic),
    table('Links by type', s.linksByType),
  ].join('\n') + '\n';
}

function count(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/** A titled two-column block, largest counts first. */
function table(title: string, rows: Record<string, number | string>): string {
  const entries = Object.entries(rows).sort(([a, x], [b, y]) =>
    typeof x === 'number' && typeof y === 'number' && x !== y ? y - x : a.localeCompare(b),
  );
  if (entries.length === 0) return `\n${title}: none`;
  const width = Math.max(...entries.map(([k]) => k.length));
  return `\n${title}:\n${entries.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}`;
}
