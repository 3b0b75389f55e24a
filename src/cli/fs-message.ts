/** What went wrong reading a file, in words for the command line. `directory` says what to give instead of a folder. */
export function fsMessage(e: unknown, directory?: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return directory ? `is a directory; ${directory}` : 'is a directory';
  return `cannot read the file: ${e instanceof Error ? e.message : String(e)}`;
}
