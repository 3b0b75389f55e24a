/**
 * What the build's extract.cjs holds (scripts/build-cli.mjs): the extract command, and `main`, which runs it as
 * `onrecord extract …` does, without the dispatcher (main.mjs) or Node's ES module loader (as annotate-main.ts; issue
 * 15, command start). Same behaviour as through main.mjs: `--help`, usage errors and internal errors come out the same.
 */
import * as extract from './extract.ts';
import { runCommand } from './dispatch.ts';
import { guarded, nodeIo } from './node-io.ts';

export const { usage, run } = extract;

/** `onrecord extract ARGS…` on the process's stdout and stderr; resolves to the exit status. */
export function main(args: string[]): Promise<number> {
  const io = nodeIo();
  return guarded(io, () => runCommand('onrecord extract', extract, args, io));
}
