import { defineConfig } from '@playwright/test';

export const E2E_PORT = Number(process.env.ONRECORD_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  // A flaky test is fixed, never retried; a stray test.only fails CI instead of skipping the rest.
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { baseURL: `http://127.0.0.1:${E2E_PORT}` },
  webServer: {
    command: `node scripts/serve.mjs e2e/fixtures ${E2E_PORT}`,
    url: `http://127.0.0.1:${E2E_PORT}/__health`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
