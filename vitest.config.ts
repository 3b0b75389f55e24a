import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/support/i18n-setup.ts'],
    // The CLI tests run bin/onrecord.mjs, which loads the build in dist/cli/.
    globalSetup: ['test/support/build-cli.ts'],
    testTimeout: 30_000,
  },
});
