/** `onrecord corpus positions [--corpus FILE] [--format jsonl|csv]` */
import { choice, parseCommandArgs } from './args.ts';
import { EXIT_OK, type CliIo } from './command.ts';
import { EXPORT_FORMATS, POSITION_COLUMNS, positionRecords, writeRecords } from './export-records.ts';
import { requireCorpus } from './read-corpus.ts';

export const usage = `Usage: onrecord corpus positions [--corpus FILE] [--format jsonl|csv]

Writes one record per position to stdout, as JSON Lines (default) or CSV
(RFC 4180, header row, lists joined with "; "). Columns:
  ${POSITION_COLUMNS.join(', ')}
start and end are UTF-16 offsets (end exclusive) of the passage in the source text.

Examples:
  onrecord corpus positions --format csv > positions.csv
  onrecord corpus positions --corpus my-corpus.json | jq -r .quote
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { corpus: { type: 'string' }, format: { type: 'string' } }, false);
  const format = choice('format', values.format, EXPORT_FORMATS, 'jsonl');
  const { corpus } = await requireCorpus(values.corpus, io);
  io.out(writeRecords(format, POSITION_COLUMNS, positionRecords(corpus)));
  return EXIT_OK;
}
