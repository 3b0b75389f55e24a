#!/usr/bin/env node
// Launcher for the OnRecord CLI: runs the build in dist/cli/ (made by `npm ci` through the
// `prepare` script, or by `npm run build:cli`), so no TypeScript is compiled at run time.
let cli;
try {
  cli = await import('../dist/cli/main.mjs');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist/cli/main.mjs')) throw e;
  process.stderr.write('onrecord: the command is not built yet; run "npm run build:cli" (npm ci does it) in the OnRecord folder\n');
  process.exit(1);
}
process.exitCode = await cli.runCli(process.argv.slice(2));
