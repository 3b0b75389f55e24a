/**
 * The CLI's IO on the real process: stdout, stderr and the working directory
 * (main.ts for every command; annotate-main.ts for annotate's fast path).
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import { EXIT_FAILURE, type CliIo } from './command.ts';

export function nodeIo(): CliIo {
  const err = (text: string): void => void process.stderr.write(text);
  if (stdoutIsFileOrNull()) return directIo(err);
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
    err,
    cwd: process.cwd(),
  };
}

/** Runs a command's work; anything unexpected prints one line (the stack only when ONRECORD_DEBUG is set) and fails. */
export async function guarded(io: CliIo, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.err(`onrecord: internal error: ${message}\n`);
    if (process.env['ONRECORD_DEBUG'] && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return EXIT_FAILURE;
  }
}

/**
 * Whether stdout is a regular file or /dev/null: Node would write to it through a SyncWriteStream, i.e. one
 * `writeSync` per write. Writing so directly skips creating `process.stdout` and loading the stream modules it
 * needs (about 10 ms of a command's start: issue 15). A terminal or a pipe goes through `process.stdout`.
 */
function stdoutIsFileOrNull(): boolean {
  try {
    const out = fstatSync(1);
    if (out.isFile()) return true;
    if (!out.isCharacterDevice()) return false;
    const devNull = statSync('/dev/null');
    return devNull.isCharacterDevice() && devNull.rdev === out.rdev;
  } catch {
    return false;
  }
}

/** Writes to fd 1 as SyncWriteStream would; a failed write ends the process as a stream error would. */
function directIo(err: (text: string) => void): CliIo {
  const write = (data: string | Uint8Array): void => {
    try {
      if (typeof data === 'string') data = Buffer.from(data, 'utf8');
      for (let at = 0; at < data.length; ) at += writeSync(1, data, at, data.length - at);
    } catch (e) {
      err(`onrecord: cannot write output: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(EXIT_FAILURE);
    }
  };
  return {
    out: (text) => write(text),
    outBytes: (bytes) => {
      write(bytes);
      return true;
    },
    outDrained: () => Promise.resolve(),
    err,
    cwd: process.cwd(),
  };
}
