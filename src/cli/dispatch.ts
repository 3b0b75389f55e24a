/** Routes `onrecord <command> [<subcommand>] …` through command tables. */
import { wantsHelp } from './args.ts';
import { EXIT_OK, EXIT_USAGE, isCliError, type CliIo, type CliModule, type CommandTable } from './command.ts';

export function groupUsage(header: string, table: CommandTable): string {
  const names = Object.keys(table);
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.map((n) => `  ${n.padEnd(width)}  ${table[n]!.summary}`);
  return `${header.trimEnd()}\n\nCommands:\n${lines.join('\n')}\n`;
}

export async function dispatch(prefix: string, usage: string, table: CommandTable, args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) {
    io.err(usage);
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return EXIT_OK;
  }
  const entry = Object.hasOwn(table, name) ? table[name] : undefined;
  if (!entry) {
    const what = name.startsWith('-') ? `unknown option "${name}"` : `unknown command "${name}"`;
    io.err(`${prefix}: ${what}\n\n${usage}`);
    return EXIT_USAGE;
  }
  const mod = await entry.load();
  const path = `${prefix} ${name}`;
  if (mod.commands) return dispatch(path, groupUsage(mod.usage, mod.commands), mod.commands, rest, io);
  return runCommand(path, mod, rest, io);
}

/** Runs the command `mod` (`path`: "onrecord annotate") on its arguments: its usage on -h/--help, a CliError as one line. */
export async function runCommand(path: string, mod: CliModule, rest: string[], io: CliIo): Promise<number> {
  if (wantsHelp(rest) || !mod.run) {
    io.out(mod.usage);
    return EXIT_OK;
  }
  try {
    return await mod.run(rest, io);
  } catch (e) {
    if (!isCliError(e)) throw e;
    const hint = e.exitCode === EXIT_USAGE ? `\nRun "${path} --help" for usage.` : '';
    if (e.message !== '') io.err(`${path}: ${e.message}${hint}\n`);
    return e.exitCode;
  }
}
