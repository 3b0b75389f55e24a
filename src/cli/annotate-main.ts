/**
 * What the build's annotate.cjs holds (scripts/build-cli.mjs): the annotate command, and `main`, which runs it
 * as `onrecord annotate …` does. bin/onrecord.cjs calls `main` for `onrecord annotate` without loading the
 * dispatcher (main.mjs) or any ES module: Node's ES module loader and the stream modules behind `process.stdout`
 * are a large part of a short run's start (issue 15; docs/benchmarks.md). Same behaviour as through main.mjs:
 * `--help`, usage errors and internal errors come out the same.
 */
import * as annotate from './annotate.ts';
import { runCommand } from './dispatch.ts';
import { guarded, nodeIo } from './node-io.ts';

export const { usage, run } = annotate;

/** `onrecord annotate ARGS…` on the process's stdout and stderr; resolves to the exit status. */
export function main(args: string[]): Promise<number> {
  const io = nodeIo();
  return guarded(io, () => runCommand('onrecord annotate', annotate, args, io));
}
