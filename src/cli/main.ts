/**
 * Entry point of the `onrecord` CLI (started by bin/onrecord.cjs; annotate alone starts through annotate-main.ts). Expected
 * failures print one line; anything unexpected prints one line too, with the
 * stack only when ONRECORD_DEBUG is set.
 */
import { COMMANDS } from './commands.ts';
import type { CliIo } from './command.ts';
import { dispatch, groupUsage } from './dispatch.ts';
import { guarded, nodeIo } from './node-io.ts';

export { nodeIo } from './node-io.ts';

const USAGE = groupUsage(
  `Usage: onrecord <command> [options]

OnRecord: see what the actors in a news story are on record as having said.
Run "onrecord <command> --help" for a command's options.`,
  COMMANDS,
);

export function runCli(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  return guarded(io, () => dispatch('onrecord', USAGE, COMMANDS, argv, io));
}
