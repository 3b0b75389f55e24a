/** `onrecord corpus merge BASE CANDIDATES --out NEW [--include-unreviewed]` */
import { writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { mergeCandidates } from '../core/corpus/merge.ts';
import { formatProblem } from '../core/corpus/problem.ts';
import { validateCorpus } from '../core/corpus/validate.ts';
import { readFileSync } from 'node:fs';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from './command.ts';
import { readCorpusFile } from './read-corpus.ts';

export const usage = `Usage: onrecord corpus merge BASE CANDIDATES --out NEW [--include-unreviewed]

Merges the reviewed positions of a candidates file (made by "onrecord
extract --out", then reviewed: "status" set to "accepted", or removed) into
BASE and writes the result to NEW; BASE is not changed. Positions marked
"rejected" are dropped; unreviewed ones ("status": "candidate") are left out
unless --include-unreviewed (then they keep their status). A position whose
speaker already has an overlapping passage of the same source (same id or
same URL) is refused as a duplicate. Sources and speakers the merged
positions need are added. Prints what it did.

Both files are validated first, and the result before it is written: nothing
is written when any of them is invalid.

Exit status: 0 when NEW was written, 1 when a file is invalid, 2 for usage errors.

Example:
  onrecord corpus merge corpus/seed.json candidates.json --out corpus/grown.json
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, 'include-unreviewed': { type: 'boolean' } }, true);
  if (positionals.length !== 2) throw new UsageError('give BASE and CANDIDATES');
  if (values.out === undefined) throw new UsageError('give --out NEW (the base file is never changed)');
  const [basePath, candPath] = positionals as [string, string];
  const base = await readCorpusFile(basePath, io);
  const cand = await readCorpusFile(candPath, io);
  let bad = false;
  for (const r of [base, cand]) {
    for (const p of r.problems) if (p.severity === 'error') io.err(`${formatProblem(p)}\n`);
    if (!r.corpus) bad = true;
  }
  if (bad || !base.corpus || !cand.corpus) throw new CliError('nothing written: fix the problems above first', EXIT_FAILURE);

  const { corpus, report } = mergeCandidates(base.corpus, cand.corpus, { includeUnreviewed: values['include-unreviewed'] === true });
  // Source files of the base stay where they are: the new file's textDir points at them.
  const outFull = resolve(io.cwd, values.out);
  const baseFull = resolve(io.cwd, basePath);
  const textDir = resolve(dirname(baseFull), base.corpus.textDir ?? '');
  const out = { ...corpus, textDir: relative(dirname(outFull), textDir) || '.' };
  const check = validateCorpus(JSON.parse(JSON.stringify(out)), {
    fileName: values.out,
    texts: (src) => (src.text !== undefined ? src.text : src.file !== undefined ? readFileSync(resolve(textDir, src.file), 'utf8') : undefined),
  } as Parameters<typeof validateCorpus>[1]);
  const errors = check.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    for (const p of errors) io.err(`${formatProblem(p)}\n`);
    throw new CliError('the merged corpus would be invalid; nothing written', EXIT_FAILURE);
  }
  await writeFile(outFull, `${JSON.stringify(out, null, 2)}\n`);
  const n = (xs: readonly unknown[], what: string) => `${xs.length} ${what}`;
  io.out(
    [
      `merged ${n(report.merged, 'positions')} into ${values.out}` + (report.merged.length > 0 ? `: ${report.merged.join(', ')}` : ''),
      ...report.duplicates.map((d) => `refused ${d.id}: duplicate of ${d.of} (same speaker, overlapping passage of the same source)`),
      report.rejected.length > 0 ? `dropped ${n(report.rejected, 'rejected positions')}` : '',
      report.unreviewed.length > 0 ? `left out ${n(report.unreviewed, 'unreviewed candidates')} (status "candidate"; review them or pass --include-unreviewed)` : '',
      report.newSources.length > 0 ? `added ${n(report.newSources, 'sources')}: ${report.newSources.join(', ')}` : '',
      report.newEntities.length > 0 ? `added ${n(report.newEntities, 'entities')}: ${report.newEntities.join(', ')}` : '',
      ...report.recognised.map((r) => `recognised new speaker ${r.id} as ${r.as}`),
    ]
      .filter((l) => l !== '')
      .join('\n') + '\n',
  );
  return EXIT_OK;
}
