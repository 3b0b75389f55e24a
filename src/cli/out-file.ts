/**
 * `--out FILE` is checked before any work (review 11B RB6): a folder that does not exist or cannot be written, or
 * an --out that is itself a folder, is the user's path to fix, said at once — not an "internal error" after a long run.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError, UsageError } from './command.ts';
import { fsMessage } from './fs-message.ts';

/** Throws a UsageError naming what is wrong with `out` (relative to `cwd`); returns its full path. */
export function checkOutFile(cwd: string, out: string): string {
  const full = resolve(cwd, out);
  let isDir = false;
  try {
    isDir = statSync(full).isDirectory();
  } catch {
    // Not there yet: its folder must be.
  }
  if (isDir) throw new UsageError(`--out ${out}: is a directory; give a file name`);
  const folder = dirname(full);
  let folderOk = false;
  try {
    folderOk = statSync(folder).isDirectory();
  } catch {
    folderOk = false;
  }
  if (!folderOk) throw new UsageError(`--out ${out}: the folder ${folder} does not exist`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`--out ${out}: the folder ${folder} cannot be written (permission denied)`);
  }
  try {
    accessSync(full, constants.F_OK);
    accessSync(full, constants.W_OK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`--out ${out}: ${fsMessage(e)}`);
  }
  return full;
}

/** The write itself, should the path change under us after the check: said in words, exit 1. */
export async function writeOutFile(full: string, out: string, text: string): Promise<void> {
  try {
    await writeFile(full, text);
  } catch (e) {
    throw new CliError(`--out ${out}: ${fsMessage(e, 'give a file name')}; nothing written`);
  }
}
