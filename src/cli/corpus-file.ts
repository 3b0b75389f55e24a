/** Where a command's corpus is (--corpus FILE, or the bundled one) and the name its problems use. */
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The corpus shipped with OnRecord, found from this file rather than from the working directory. */
export const BUNDLED_CORPUS = fileURLToPath(new URL('../../corpus/seed.json', import.meta.url));

/** `name`: the path as given, or relative to the cwd for the bundled corpus. */
export function corpusFile(path: string | undefined, cwd: string): { full: string; name: string } {
  const full = path === undefined ? BUNDLED_CORPUS : resolve(cwd, path);
  return { full, name: path ?? displayPath(full, cwd) };
}

function displayPath(full: string, cwd: string): string {
  const rel = relative(cwd, full);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? full : rel;
}
