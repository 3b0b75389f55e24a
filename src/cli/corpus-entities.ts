/** `onrecord corpus entities [--corpus FILE] [--format jsonl|csv]` */
import { choice, parseCommandArgs } from './args.ts';
import { EXIT_OK, type CliIo } from './command.ts';
import { ENTITY_COLUMNS, EXPORT_FORMATS, entityRecords, writeRecords } from './export-records.ts';
import { requireCorpus } from './read-corpus.ts';

export const usage = `Usage: onrecord corpus entities [--corpus FILE] [--format jsonl|csv]

Writes one record per entity to stdout, as JSON Lines (default) or CSV
(RFC 4180, header row, aliases joined with "; "). Columns:
  ${ENTITY_COLUMNS.join(', ')}

Example:
  onrecord corpus entities --format csv > entities.csv
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { corpus: { type: 'string' }, format: { type: 'string' } }, false);
  const format = choice('format', values.format, EXPORT_FORMATS, 'jsonl');
  const { corpus } = await requireCorpus(values.corpus, io);
  io.out(writeRecords(format, ENTITY_COLUMNS, entityRecords(corpus)));
  return EXIT_OK;
}
