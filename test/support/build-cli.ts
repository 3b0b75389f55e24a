/**
 * Vitest global setup: builds dist/cli/ from the current sources before any
 * test runs, so the tests that start `node bin/onrecord.mjs` exercise the code
 * under test, not the build `npm ci` left behind.
 */
export default async function setup(): Promise<void> {
  // @ts-expect-error: a plain ES module script without type declarations
  const { buildCli } = (await import('../../scripts/build-cli.mjs')) as { buildCli: () => Promise<number> };
  await buildCli();
}
