#!/usr/bin/env node
// Launcher for the OnRecord CLI: runs the build in dist/cli/ (made by `npm ci` through the `prepare` script, or
// by `npm run build:cli`), so no TypeScript is compiled at run time. CommonJS, so that `onrecord annotate`, `check`
// and `extract` start without Node's ES module loader: each requires its own build (dist/cli/NAME-loader.cjs, which
// loads NAME.cjs through V8's code cache); every other command goes through the dispatcher, main.mjs.
'use strict';
const args = process.argv.slice(2);
const notBuilt = () => {
  process.stderr.write('onrecord: the command is not built yet; run "npm run build:cli" (npm ci does it) in the OnRecord folder\n');
  process.exit(1);
};
// The commands built each as one file with its own loader (scripts/build-cli.mjs, OWN_FILE_COMMANDS).
if (args[0] === 'annotate' || args[0] === 'check' || args[0] === 'extract') {
  const loader = `${args[0]}-loader.cjs`;
  let command;
  try {
    command = require(`../dist/cli/${loader}`);
  } catch (e) {
    if (e?.code !== 'MODULE_NOT_FOUND' || !String(e.message).includes(loader)) throw e;
    notBuilt();
  }
  command.main(args.slice(1)).then((code) => {
    process.exitCode = code;
  });
} else {
  import('../dist/cli/main.mjs').then(
    async (cli) => {
      process.exitCode = await cli.runCli(args);
    },
    (e) => {
      if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist/cli/main.mjs')) throw e;
      notBuilt();
    },
  );
}
