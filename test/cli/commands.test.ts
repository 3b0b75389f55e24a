/** Conventions of the command tables, checked in-process (fast) rather than by memory. */
import { describe, expect, it } from 'vitest';
import type { CliIo, CommandTable } from '../../src/cli/command.ts';
import { COMMANDS } from '../../src/cli/commands.ts';
import { runCli } from '../../src/cli/main.ts';

async function walk(table: CommandTable, prefix: string, visit: (path: string, usage: string, isGroup: boolean) => void) {
  for (const [name, entry] of Object.entries(table)) {
    const mod = await entry.load();
    const path = `${prefix} ${name}`;
    visit(path, mod.usage, mod.commands !== undefined);
    expect(entry.summary).toMatch(/^[a-z].*[^.]$/);
    if (mod.commands) await walk(mod.commands, path, visit);
    else expect(typeof mod.run).toBe('function');
  }
}

function memoryIo(out: (t: string) => void = () => {}): CliIo & { output: string[]; errors: string[] } {
  const output: string[] = [];
  const errors: string[] = [];
  return { output, errors, cwd: process.cwd(), out: (t) => { output.push(t); out(t); }, err: (t) => void errors.push(t) };
}

describe('command tables', () => {
  it('give every command a usage text that starts with its own command line', async () => {
    const seen: string[] = [];
    await walk(COMMANDS, 'onrecord', (path, usage) => {
      seen.push(path);
      expect(usage.startsWith(`Usage: ${path} `), `${path} usage`).toBe(true);
      expect(usage.endsWith('\n'), `${path} usage ends with a newline`).toBe(true);
    });
    expect(seen).toEqual(expect.arrayContaining(['onrecord corpus', 'onrecord corpus validate', 'onrecord corpus stats', 'onrecord corpus positions', 'onrecord corpus entities']));
  });

  it('print --help for every command on stdout with status 0', async () => {
    const paths: string[] = [];
    await walk(COMMANDS, 'onrecord', (path) => void paths.push(path));
    for (const path of paths) {
      const io = memoryIo();
      expect(await runCli([...path.split(' ').slice(1), '--help'], io)).toBe(0);
      expect(io.output.join('')).toMatch(new RegExp(`^Usage: ${path} `));
      expect(io.errors).toEqual([]);
    }
  });
});

describe('runCli', () => {
  it('turns an unexpected exception into one line on stderr and status 1', async () => {
    const io = memoryIo(() => {
      throw new TypeError('disk on fire');
    });
    expect(await runCli(['--help'], io)).toBe(1);
    expect(io.errors).toEqual(['onrecord: internal error: disk on fire\n']);
  });
});
