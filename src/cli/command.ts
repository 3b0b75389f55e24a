/**
 * The shape every CLI command shares. A command is one module exporting
 * `usage` and `run`; a group (like `corpus`) exports `usage` and its own
 * `commands` table. Tables map a name to a summary and a lazy import, so
 * adding a command is one module plus one table line, and `--help` loads
 * nothing it does not show.
 */
export interface CliIo {
  out(text: string): void;
  /**
   * Bytes for stdout, when the IO can take them (large outputs: no string to build and encode again).
   * Returns true when they have been written out already, so that the caller may reuse their memory.
   */
  outBytes?(bytes: Uint8Array): boolean;
  /** Resolves when stdout can take more (at once when it can): a slow reader of a pipe holds the writer back. */
  outDrained?(): Promise<void>;
  err(text: string): void;
  /** Directory that relative paths given on the command line are resolved against. */
  cwd: string;
}

export interface CliModule {
  usage: string;
  run?: (args: string[], io: CliIo) => Promise<number>;
  commands?: CommandTable;
}

export interface CommandEntry {
  /** One line for the parent's command list. */
  summary: string;
  load: () => Promise<CliModule>;
}

export type CommandTable = Readonly<Record<string, CommandEntry>>;

export const EXIT_OK = 0;
/** The command ran and found a problem (an invalid corpus, an unreadable file). */
export const EXIT_FAILURE = 1;
/** The command line itself was wrong. */
export const EXIT_USAGE = 2;

/** Marks a CliError: a command may be built as a bundle of its own (annotate), with its own copy of this class. */
const CLI_ERROR = Symbol.for('onrecord.CliError');

/** An expected failure: shown as one line, no stack trace. */
export class CliError extends Error {
  readonly [CLI_ERROR] = true;

  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Whether `e` is a CliError, from this module or from another copy of it (see CLI_ERROR). */
export function isCliError(e: unknown): e is CliError {
  return e instanceof Error && (e as Partial<Record<typeof CLI_ERROR, boolean>>)[CLI_ERROR] === true;
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT_USAGE);
    this.name = 'UsageError';
  }
}
