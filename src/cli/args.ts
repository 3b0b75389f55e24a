/** `node:util` parseArgs with its errors turned into one-line usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<const O extends Options>(args: string[], options: O, allowPositionals: boolean) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    // Node's messages run on with advice about "--"; the first sentence is the useful part.
    const message = e instanceof Error ? e.message : String(e);
    throw new UsageError(message.split(/\.\s/)[0]!.replace(/\.$/, ''));
  }
}

/** Reads a `--format`-style option restricted to a few values. */
export function choice<const T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be ${allowed.map((a) => `"${a}"`).join(' or ')}, not "${value}"`);
}

/** True when -h/--help appears before a "--" terminator. */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * `--corpus FILE`, shared by every command that reads a record (annotate, check, extract):
 * spread it into the command's options and pass `values.corpus` to requireCorpus
 * (read-corpus.ts), which validates it (cached per build) or reads the bundled one.
 */
export const CORPUS_OPTION = { corpus: { type: 'string' } } as const;

/** The usage line for CORPUS_OPTION, aligned like the other option lines. */
export const CORPUS_USAGE = `  --corpus FILE   the corpus to match (default: the bundled corpus/seed.json);
                  it is validated first and refused if invalid`;
