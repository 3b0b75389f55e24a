/**
 * What the build's check.cjs holds (scripts/build-cli.mjs): the check command, and `main`, which runs it as
 * `onrecord check …` does, without the dispatcher (main.mjs) or Node's ES module loader (as annotate-main.ts; issue
 * 15, command start). Same behaviour as through main.mjs: `--help`, usage errors and internal errors come out the same.
 */
import * as check from './check.ts';
import { runCommand } from './dispatch.ts';
import { guarded, nodeIo } from './node-io.ts';

export const { usage, run } = check;

/** `onrecord check ARGS…` on the process's stdout and stderr; resolves to the exit status. */
export function main(args: string[]): Promise<number> {
  const io = nodeIo();
  return guarded(io, () => runCommand('onrecord check', check, args, io));
}
