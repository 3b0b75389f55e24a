import { defineConfig } from 'vitest/config';

/** `npm run eval:claims`: issue 11's targets on the claims set's test split (test/claims-eval/targets.eval.ts). */
export default defineConfig({
  test: {
    include: ['test/claims-eval/targets.eval.ts'],
    environment: 'node',
    setupFiles: ['test/support/i18n-setup.ts'],
    testTimeout: 60_000,
  },
});
