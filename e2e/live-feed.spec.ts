/**
 * A live feed appends inline content straight into a block, every frame (issue 14's mutation storm): OnRecord
 * rescans only the runs of inline children that got new ones, so a name split across an old and a new node
 * is still found whole, names already drawn in the feed stay, and new ones are drawn.
 */
import { contentIdle, expect, test } from './extension.ts';
import { highlightTexts } from './popover.ts';

test('inline content appended into a block: a name across old and new nodes is found, old names stay', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/article.html');
  await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
  // The start of a name, then (a batch later) its end as a new inline node beside it.
  await page.evaluate(() => document.getElementById('feed')!.append(Object.assign(document.createElement('span'), { textContent: 'Update: Mykhailo ' })));
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 150)));
  await page.evaluate(() => document.getElementById('feed')!.append(Object.assign(document.createElement('b'), { textContent: 'Podolyak' }), ' replied.'));
  await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Mykhailo Podolyak');
  // A frame of a storm: 1,000 spans and blocks at once, one name among them (near the top: only names near the
  // viewport are drawn); the name drawn before stays.
  await page.evaluate(() => {
    const batch = document.createDocumentFragment();
    for (let i = 0; i < 1_000; i++) {
      const el = document.createElement(i % 10 === 0 ? 'p' : 'span');
      el.textContent = i === 5 ? 'Sergey Lavrov said ' : `update ${i} `;
      batch.append(el);
    }
    document.getElementById('feed')!.append(batch);
  });
  await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Sergey Lavrov');
  await contentIdle(serviceWorker, page); // every batch answered: a duplicate drawn late would be counted
  const people = await highlightTexts(page, 'onrecord-person');
  expect(people.filter((t) => t === 'Mykhailo Podolyak')).toHaveLength(2); // the article's paragraph and the feed
  expect(people.filter((t) => t === 'Sergey Lavrov')).toHaveLength(1);
});

test('feed items appended and one of them moved in the same task are all underlined (review 8, B1)', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('/article.html');
  await expect.poll(() => highlightTexts(page, 'onrecord-person')).toContain('Dmitry Peskov');
  await contentIdle(serviceWorker, page);
  const count = async (name: string) => (await highlightTexts(page, 'onrecord-person')).filter((t) => t === name).length;
  const before = { lavrov: await count('Sergey Lavrov'), podolyak: await count('Mykhailo Podolyak') };
  await page.evaluate(() => {
    const feed = document.getElementById('feed')!;
    feed.scrollIntoView();
    const items = ['Update: the briefing is over.', 'Update: Sergey Lavrov spoke.', 'Update: Mykhailo Podolyak replied.'].map((t) => Object.assign(document.createElement('p'), { textContent: t }));
    feed.append(...items);
    feed.append(items[0]!); // a keyed list re-sorted in the same task
  });
  await expect.poll(() => count('Mykhailo Podolyak'), { timeout: 10_000 }).toBe(before.podolyak + 1);
  await contentIdle(serviceWorker, page);
  expect(await count('Sergey Lavrov')).toBe(before.lavrov + 1);
});
