/**
 * Failures on the page side reach the reader: a record the background cannot
 * give makes the hover say so, instead of showing nothing.
 */
import { expect, test } from './extension.ts';
import { highlightTexts, popover, textCenter } from './popover.ts';

test('a record that fails to load makes the hover say so', async ({ context, serviceWorker }) => {
  // The background answers every record request with an error (a listener that replies first, synchronously).
  await serviceWorker.evaluate(() => {
    chrome.runtime.onMessage.addListener((message: { type?: string }, _sender, reply) => {
      if (message?.type !== 'cs-bg-get-record') return undefined;
      reply({ ok: false, error: 'the record store could not be read' });
      return undefined;
    });
  });
  const page = await context.newPage();
  await page.goto('/article.html');
  await expect.poll(() => highlightTexts(page, 'onrecord-person'), { timeout: 15_000 }).toContain('Dmitry Peskov');
  const at = await textCenter(page, 'body', 'Dmitry Peskov');
  await page.mouse.move(at.x, at.y);
  const shown = await expect.poll(async () => (await popover(page))?.text ?? '').toContain('OnRecord could not load this record')
    .then(() => popover(page));
  expect(shown!.text).toContain('the record store could not be read');
});
