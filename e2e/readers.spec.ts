/** Issue 13 in real Chromium: case rules, relevance of topic words, coordinated names, the Kremlin's card. */
import { contentIdle, expect, test } from './extension.ts';
import { highlightTexts, popover, textCenter } from './popover.ts';

const ALL = ['onrecord-person', 'onrecord-organization', 'onrecord-collective', 'onrecord-place', 'onrecord-event', 'onrecord-topic', 'onrecord-quiet'];
const everything = async (page: import('@playwright/test').Page): Promise<string[]> => (await Promise.all(ALL.map((n) => highlightTexts(page, n)))).flat();

test.describe('issue 13: every underline worth hovering', () => {
  test('a war-news page: the topic word is drawn, "us", "un" and a domain part are not, a coordinated list name by name', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/readers-war.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-place')).toContain('Запорізької областей');
    expect(await highlightTexts(page, 'onrecord-place')).toEqual(expect.arrayContaining(['Херсонської', 'Запорізької областей']));
    expect(await highlightTexts(page, 'onrecord-topic')).toContain('talks');
    const drawn = await everything(page);
    expect(drawn).toContain('UN');
    expect(drawn.filter((t) => t === 'us' || t === 'un' || t === 'uk')).toEqual([]);
  });

  test('an unrelated page: the same topic words and "us" are not drawn', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('/readers-offtopic.html');
    // The content script reports when its work on the page is done (contentIdle): only then is "nothing drawn" true.
    await contentIdle(serviceWorker, page);
    expect(await everything(page)).toEqual([]);
  });

  test("the Kremlin's card shows the positions of the Russian government", async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/readers-war.html');
    await expect.poll(() => highlightTexts(page, 'onrecord-organization')).toContain('Kremlin');
    const at = await textCenter(page, '#p1', 'Kremlin');
    await page.mouse.move(at.x, at.y);
    await expect.poll(async () => (await popover(page))?.text ?? '', { timeout: 5_000 }).toContain('Russian government');
    const shown = (await popover(page))!;
    expect(shown.text).not.toContain('No recorded positions yet');
    expect(shown.text).toMatch(/\d+ recorded positions?/i);
  });
});
