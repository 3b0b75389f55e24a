import { countRows, expect, test } from './extension.ts';

test('the extension loads, its service worker starts and installs the seed corpus', async ({ serviceWorker, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  await expect.poll(() => countRows(serviceWorker, 'positions'), { timeout: 15_000 }).toBeGreaterThan(20);
  expect(await countRows(serviceWorker, 'sources')).toBe(5);
  expect(await countRows(serviceWorker, 'entities')).toBeGreaterThan(40);
  expect(await countRows(serviceWorker, 'corpora')).toBe(1);
  // The compiled matcher is stored, so tabs never compile it themselves.
  await expect.poll(() => countRows(serviceWorker, 'matchers')).toBe(1);
});
