/**
 * Entry point of the `onrecord` CLI (started by bin/onrecord.mjs). Expected
 * failures print one line; anything unexpected prints one line too, with the
 * stack only when ONRECORD_DEBUG is set.
 */
import { COMMANDS } from './commands.ts';
import { EXIT_FAILURE, type CliIo } from './command.ts';
import { dispatch, groupUsage } from './dispatch.ts';

const USAGE = groupUsage(
  `Usage: onrecord <command> [options]

OnRecord: see what the actors in a news story are on record as having said.
Run "onrecord <command> --help" for a command's options.`,
  COMMANDS,
);

export async function runCli(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  try {
    return await dispatch('onrecord', USAGE, COMMANDS, argv, io);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.err(`onrecord: internal error: ${message}\n`);
    if (process.env['ONRECORD_DEBUG'] && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return EXIT_FAILURE;
  }
}

export function nodeIo(): CliIo {
  // A closed pipe (`onrecord corpus positions | head`) is a normal way to stop reading, not a crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.stderr.write(`onrecord: cannot write output: ${e.message}\n`);
    process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : EXIT_FAILURE);
  });
  return {
    out: (text) => void process.stdout.write(text),
    outBytes: (bytes) => {
      process.stdout.write(bytes);
      // A file is written at once; a pipe may keep the bytes queued.
      return process.stdout.writableLength === 0;
    },
    outDrained: () => (process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once('drain', resolve)) : Promise.resolve()),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
  };
}
