/** `onrecord corpus merge BASE CANDIDATES --out NEW [--include-unreviewed]` */
import { dirname, relative, resolve } from 'node:path';
import { mergeCandidates } from '../core/corpus/merge.ts';
import { formatProblem } from '../core/corpus/problem.ts';
import { validateCorpus } from '../core/corpus/validate.ts';
import { readFileSync, realpathSync } from 'node:fs';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from './command.ts';
import { checkOutFile, writeOutFile } from './out-file.ts';
import { readCorpusFile } from './read-corpus.ts';

export const usage = `Usage: onrecord corpus merge BASE CANDIDATES --out NEW [--include-unreviewed]

Merges the reviewed positions of a candidates file (made by "onrecord
extract --out", then reviewed: "status" set to "accepted", or removed) into
BASE and writes the result to NEW; BASE is not changed. Positions marked
"rejected" are dropped; unreviewed ones ("status": "candidate") are left out
unless --include-unreviewed (then they keep their status). A position whose
speaker already has an overlapping passage of the same source (same id,
same URL, or the same text: a base source's file under its textDir carried
again in the candidates file) is refused as a duplicate. Sources and speakers the merged
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
  // BASE is never changed: --out naming it (or the candidates file) is refused before anything is read.
  const same = (a: string, b: string): boolean => {
    const ra = resolve(io.cwd, a);
    const rb = resolve(io.cwd, b);
    if (ra === rb) return true;
    try {
      return realpathSync(ra) === realpathSync(rb);
    } catch {
      return false;
    }
  };
  if (same(values.out, basePath)) throw new UsageError(`--out ${values.out} is the base file; the base is never changed: give a new file name`);
  if (same(values.out, candPath)) throw new UsageError(`--out ${values.out} is the candidates file; give a new file name`);
  // A wrong --out is said before anything is read (review 11B RB6).
  const outFull = checkOutFile(io.cwd, values.out);
  const base = await readCorpusFile(basePath, io);
  const cand = await readCorpusFile(candPath, io);
  let bad = false;
  for (const r of [base, cand]) {
    for (const p of r.problems) if (p.severity === 'error') io.err(`${formatProblem(p)}\n`);
    if (!r.corpus) bad = true;
  }
  if (bad || !base.corpus || !cand.corpus) throw new CliError('nothing written: fix the problems above first', EXIT_FAILURE);

  // Source files of the base stay where they are: the new file's textDir points at them.
  const baseFull = resolve(io.cwd, basePath);
  const textDir = resolve(dirname(baseFull), base.corpus.textDir ?? '');
  const fileText = (src: { file?: string }): string | undefined => {
    if (src.file === undefined) return undefined;
    try {
      return readFileSync(resolve(textDir, src.file), 'utf8');
    } catch {
      return undefined;
    }
  };
  const { corpus, report } = mergeCandidates(base.corpus, cand.corpus, { includeUnreviewed: values['include-unreviewed'] === true, text: fileText });
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
  await writeOutFile(outFull, values.out, `${JSON.stringify(out, null, 2)}\n`);
  const n = (xs: readonly unknown[], what: string) => `${xs.length} ${what}`;
  io.out(
    [
      `merged ${n(report.merged, 'positions')} into ${values.out}` + (report.merged.length > 0 ? `: ${report.merged.join(', ')}` : ''),
      ...report.duplicates.map((d) => `refused ${d.id}: duplicate of ${d.of} (same speaker, overlapping passage of the same source)`),
      ...report.undated.map((id) => `refused ${id}: no date was found for it or its source ("unknown": true); set the date before merging`),
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
