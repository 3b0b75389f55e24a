/** `onrecord corpus validate FILE…` */
import { formatProblem } from '../core/corpus/problem.ts';
import { parseCommandArgs } from './args.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from './command.ts';
import { readCorpusFile } from './read-corpus.ts';

export const usage = `Usage: onrecord corpus validate FILE…

Checks each corpus file: its shape, unique ids, references, passage offsets
against the source texts, verbatim quotes and shared aliases. Prints every
problem as "file: path: message", one per line.

Exit status: 0 when every file is valid (warnings allowed), 1 otherwise.

Example:
  onrecord corpus validate corpus/seed.json
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, true);
  if (positionals.length === 0) throw new UsageError('give at least one corpus file');
  let status = EXIT_OK;
  for (const file of positionals) {
    const result = await readCorpusFile(file, io);
    for (const p of result.problems) io.out(`${formatProblem(p)}\n`);
    if (result.corpus) {
      const c = result.corpus;
      const warnings = result.problems.length;
      io.out(
        `${result.name}: valid: ${c.sources.length} sources, ${c.entities.length} entities, ${c.positions.length} positions` +
          `${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}\n`,
      );
    } else {
      status = EXIT_FAILURE;
    }
  }
  return status;
}
