/**
 * Moderators (issue 6): select a claim, "Check claim", results in the side
 * panel page, verdict saved, drawn again on revisit, listed for export; the
 * panel driven from the keyboard; gibberish gets an empty state.
 * The real side panel cannot be observed headless, so the test opens the
 * panel's page in a tab with `?tab=<id>`, as the fallback path does.
 */
import type { Page, Worker } from '@playwright/test';
import { UI_HOST } from '../src/page-text/element-rules.ts';
import { countRows, expect, test } from './extension.ts';
import { saveConsistentVerdictByKeyboard } from './sidepanel.ts';
import { inShadow, shadowText } from './shadow.ts';
import { markedTexts } from './marks.ts';

const FIXTURE = '/claims.html';

/** The id of the tab in front (the extension has no "tabs" permission, so tabs cannot be looked up by URL). */
async function activeTabId(sw: Worker): Promise<number> {
  return sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** Selects the text of `#id` and asks for a check the way the context menu does (background → content script → background). */
async function checkSelection(page: Page, sw: Worker, id: string): Promise<number> {
  await page.evaluate((elId) => {
    const el = document.getElementById(elId)!;
    const range = document.createRange();
    range.selectNodeContents(el);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, id);
  await page.bringToFront();
  const tabId = await activeTabId(sw);
  await sw.evaluate((t) => chrome.tabs.sendMessage(t, { type: 'bg-cs-check-selection' }, { frameId: 0 }), tabId);
  return tabId;
}

/** The content script has started its session on the page (its highlight names are registered). */
async function contentScriptReady(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('onrecord-')))).toBe(true);
}

async function openPanel(page: Page, extensionId: string, tabId: number): Promise<Page> {
  const panel = await page.context().newPage();
  await panel.goto(`chrome-extension://${extensionId}/src/pages/sidepanel/index.html?tab=${tabId}`);
  return panel;
}


test('select, check, results; verdict from the keyboard; saved, drawn on revisit, listed', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE);
  await contentScriptReady(page);
  const tabId = await checkSelection(page, serviceWorker, 'claim');
  const panel = await openPanel(page, extensionId, tabId);

  await expect(panel.locator('#sp-claim')).toHaveValue(/Dmitry Peskov said Moscow remains ready/);
  await expect(panel.locator('.sp-page a')).toHaveText('Talks, again: what Moscow and Kyiv say');
  await expect(panel.locator('.sp-chip-actor', { hasText: 'Dmitry Peskov' })).toBeVisible();
  const first = panel.locator('#sp-results .sp-result').first();
  await expect(first.locator('.sp-actor')).toHaveText('Dmitry Peskov');
  await expect(first.locator('.sp-stance')).not.toBeEmpty();
  await expect(panel.locator('#sp-other .sp-result').first()).toBeVisible();
  await expect(panel.locator('.sp-suggestion')).toHaveAttribute('data-verdict', 'consistent');
  await expect(panel.locator('.sp-speaker')).toHaveAttribute('data-speaker-id', 'dmitry-peskov');

  // Open the source passage of the first result.
  const opened = context.waitForEvent('page');
  await first.getByRole('button', { name: 'Open source passage' }).click();
  const source = await opened;
  await expect(source).toHaveURL(/src\/pages\/source\/index\.html\?source=seed-/);
  await source.close();

  await saveConsistentVerdictByKeyboard(panel, 'Matches his December 2023 remarks.');
  expect(await countRows(serviceWorker, 'checks')).toBe(1);

  const stored = await panel.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ type: 'page-bg-list-checks' })) as { ok: boolean; checks: { verdict: string; note: string; positionIds: string[]; pageUrl: string; selectors?: unknown }[] };
    return reply.checks;
  });
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ verdict: 'consistent', note: 'Matches his December 2023 remarks.', pageUrl: new URL(FIXTURE, page.url()).href });
  expect(stored[0]!.positionIds).toHaveLength(1);
  expect(stored[0]!.selectors).toBeDefined();

  // Revisit: the claim is drawn again, in the private marks layer, never in the page's highlight registry (ADR 019).
  await page.reload();
  await expect.poll(async () => (await markedTexts(page, 'checked')).length).toBe(1);
  const [drawn] = await markedTexts(page, 'checked');
  expect(drawn).toContain('Dmitry Peskov said Moscow remains ready for negotiations');
  expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.includes('checked') || k.includes('saved')))).toEqual([]);

  // Reopening the panel for the same claim shows the saved verdict.
  await checkSelection(page, serviceWorker, 'claim');
  const again = await openPanel(page, extensionId, tabId);
  await expect(again.getByRole('radio', { name: 'Consistent with the record' })).toBeChecked();
  await expect(again.locator('#sp-note')).toHaveValue('Matches his December 2023 remarks.');
});

test('a verdict typed and not saved is never lost: the next claim says so and goes back to it; closing the panel keeps it; Discard drops it', async ({ context, serviceWorker, extensionId }) => {
  // Issue 14: the draft used to be replaced without a word by the next claim, a re-check or the panel closing.
  const page = await context.newPage();
  await page.goto(FIXTURE);
  await contentScriptReady(page);
  const tabId = await checkSelection(page, serviceWorker, 'claim');
  let panel = await openPanel(page, extensionId, tabId);
  await expect(panel.locator('#sp-claim')).toHaveValue(/Dmitry Peskov said Moscow remains ready/);
  await expect(panel.locator('#sp-note-kept')).toHaveText('Kept as a draft until you save, even if the panel closes.');
  await panel.getByRole('radio', { name: 'Consistent with the record' }).check();
  await panel.locator('#sp-note').fill('Half a thought about Peskov');

  // The next claim from the page takes the form; the panel says the draft is kept and leads back to it.
  await checkSelection(page, serviceWorker, 'misattributed');
  await expect(panel.locator('#sp-claim')).not.toHaveValue(/Dmitry Peskov said Moscow remains ready/);
  await expect(panel.locator('#sp-note')).toHaveValue('');
  const left = panel.locator('.sp-draft-left');
  await expect(left).toContainText('Your unsaved verdict on “Kremlin spokesman Dmitry Peskov said Moscow');
  await left.getByRole('button', { name: 'Back to it' }).click();
  await expect(panel.locator('#sp-claim')).toHaveValue(/Dmitry Peskov said Moscow remains ready/);
  await expect(panel.locator('#sp-note')).toHaveValue('Half a thought about Peskov');
  await expect(panel.getByRole('radio', { name: 'Consistent with the record' })).toBeChecked();
  await expect(panel.locator('.sp-draft-back')).toHaveText(/What you typed last time was not saved, and is back here\./);
  expect(await countRows(serviceWorker, 'checks')).toBe(0);
  // Kept in the extension's own storage: nothing of it reaches the page.
  expect(await page.content()).not.toContain('Half a thought');

  // The panel closes: opened again (on the page's newest claim), it still leads back to the draft.
  await panel.close();
  panel = await openPanel(page, extensionId, tabId);
  await expect(panel.locator('.sp-draft-left')).toContainText('Your unsaved verdict on “Kremlin spokesman Dmitry Peskov said Moscow');
  await panel.locator('.sp-draft-left').getByRole('button', { name: 'Back to it' }).click();
  await expect(panel.locator('#sp-note')).toHaveValue('Half a thought about Peskov');
  // Discard gives back what is saved (nothing), and the draft is gone for good.
  await panel.locator('.sp-draft-back').getByRole('button', { name: 'Discard it' }).click();
  await expect(panel.locator('#sp-note')).toHaveValue('');
  await expect(panel.getByRole('radio', { name: 'Consistent with the record' })).not.toBeChecked();
  await panel.close();
  panel = await openPanel(page, extensionId, tabId);
  await expect(panel.locator('#sp-note')).toBeVisible();
  await expect(panel.locator('.sp-draft-left')).toHaveCount(0);
  await expect(panel.locator('.sp-draft-back')).toHaveCount(0);
  expect(await countRows(serviceWorker, 'checks')).toBe(0);
});

test('misattribution is suggested with the actor the record has saying it, and the evidence', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE);
  await contentScriptReady(page);
  const tabId = await checkSelection(page, serviceWorker, 'misattributed');
  const panel = await openPanel(page, extensionId, tabId);
  const suggestion = panel.locator('.sp-suggestion');
  await expect(suggestion).toHaveAttribute('data-verdict', 'misattributed');
  await expect(suggestion.locator('.sp-suggested')).toContainText('Alexei Polishchuk');
  await expect(suggestion.locator('.sp-evidence li').first()).toHaveAttribute('data-position-id', 'p-000-04');
});

test('who does what reversed: contradicts, with the actor the record has doing it and the claim’s', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE);
  await contentScriptReady(page);
  const tabId = await checkSelection(page, serviceWorker, 'reversed');
  const panel = await openPanel(page, extensionId, tabId);
  const suggestion = panel.locator('.sp-suggestion');
  await expect(suggestion).toHaveAttribute('data-verdict', 'contradicts');
  await expect(suggestion.locator('.sp-suggested')).toContainText('Alexei Polishchuk is on record with “Troop withdrawal” done by Kyiv; the claim has it done by Moscow.');
  await expect(suggestion.locator('.sp-evidence li').first()).toHaveAttribute('data-position-id', 'p-000-04');
});

for (const [id, label] of [
  ['tass', '“…,” Kremlin spokesman Dmitry Peskov said, according to TASS'],
  ['peskov-tuesday', 'Peskov said on Tuesday that Russia is still ready (Putin said it too)'],
] as const) {
  test(`speaker, not source: ${label} → Peskov, no misattribution`, async ({ context, serviceWorker, extensionId }) => {
    const page = await context.newPage();
    await page.goto(FIXTURE);
    await contentScriptReady(page);
    const tabId = await checkSelection(page, serviceWorker, id);
    const panel = await openPanel(page, extensionId, tabId);
    await expect(panel.locator('.sp-speaker')).toHaveAttribute('data-speaker-id', 'dmitry-peskov');
    await expect(panel.locator('.sp-speaker strong')).toHaveText('Said by Dmitry Peskov');
    if (id === 'tass') await expect(panel.locator('.sp-speaker')).toContainText('reported by TASS');
    await expect(panel.locator('.sp-suggestion')).toHaveAttribute('data-verdict', 'consistent');
    await expect(panel.locator('#sp-results .sp-result').first()).toHaveAttribute('data-position-id', 'p-003-10');
    await expect(panel.getByText('Did TASS say it?')).toHaveCount(0);
  });
}

test('a Russian claim reaches the English positions that say it', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE);
  await contentScriptReady(page);
  const tabId = await checkSelection(page, serviceWorker, 'russian');
  const panel = await openPanel(page, extensionId, tabId);
  await expect(panel.locator('#sp-results .sp-result').first()).toHaveAttribute('data-position-id', 'p-003-01');
  await expect(panel.locator('.sp-speaker')).toHaveAttribute('data-speaker-id', 'dmitry-peskov');
  await expect(panel.locator('.sp-suggestion')).toHaveAttribute('data-verdict', 'consistent');
});

test('gibberish and empty claims get a clear empty state', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE);
  await contentScriptReady(page);
  const tabId = await checkSelection(page, serviceWorker, 'gibberish');
  const panel = await openPanel(page, extensionId, tabId);
  await expect(panel.locator('[data-empty="no-match"]')).toContainText('Nothing in the record matches this claim');
  await expect(panel.locator('.sp-error')).toHaveCount(0);
  // Emptying the claim and checking again, from the keyboard.
  await panel.locator('#sp-claim').fill('   ');
  await panel.locator('#sp-claim').press('Tab');
  await panel.keyboard.press('Enter');
  await expect(panel.locator('[data-empty="empty"]')).toContainText('The selection is empty');
});

const CARD = UI_HOST.claimCard;

/** The claim mark's card: its dialog's text and what has focus in it (undefined when none is shown). */
async function claimCard(page: Page): Promise<{ text: string; label: string; focused: string | null; rect: { x: number; y: number; width: number; height: number } } | undefined> {
  return inShadow(
    page,
    CARD,
    `function () {
      const dialog = this.querySelector('[role="dialog"]');
      if (!dialog) return undefined;
      const r = dialog.getBoundingClientRect();
      const a = this.activeElement;
      return { text: dialog.innerText, label: dialog.getAttribute('aria-label'), focused: a ? (a.getAttribute('role') || a.localName) : null, rect: { x: r.x, y: r.y, width: r.width, height: r.height } };
    }`,
  );
}

/** The centre of a word of `#id`'s text: a spot of the claim mark that is not a name (names open their own popover). */
async function pointOnWord(page: Page, id: string, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([elId, w]) => {
      const el = document.getElementById(elId)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(w);
        if (at < 0) continue;
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + w.length);
        const box = r.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      throw new Error(`"${w}" is not in #${elId}`);
    },
    [id, word] as const,
  );
}

/** Presses Tab until `target` has focus (at most `max` presses): how a keyboard user gets somewhere. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('a saved verdict shows on hover of its mark: verdict, note, evidence; WCAG 1.4.13; nothing private in the page', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE);
  await contentScriptReady(page);
  const tabId = await checkSelection(page, serviceWorker, 'claim');
  const panel = await openPanel(page, extensionId, tabId);
  await expect(panel.locator('#sp-results .sp-result').first()).toBeVisible();
  await saveConsistentVerdictByKeyboard(panel, 'Private note: matches his December 2023 remarks.');
  await panel.close();

  await page.reload();
  await expect.poll(async () => (await markedTexts(page, 'checked')).length).toBe(1);
  await page.evaluate(() => getSelection()?.removeAllRanges());
  expect(await claimCard(page)).toBeUndefined();

  // A dwell on the mark (on a word that is not a name) opens the card.
  const spot = await pointOnWord(page, 'claim', 'remains');
  await page.mouse.move(spot.x, spot.y);
  await expect.poll(async () => (await claimCard(page))?.text ?? '').toContain('Private note: matches his December 2023 remarks.');
  const card = (await claimCard(page))!;
  expect(card.label).toBe('Checked claim: Consistent with the record');
  expect(card.text).toContain('said by Dmitry Peskov');
  // The evidence by speaker and words: the position the verdict rests on, not its id.
  expect(card.text).toMatch(/Dmitry Peskov: .+ — .+, \d{1,2} \w{3} \d{4}/u);
  expect(card.text).not.toMatch(/\bp-\d{3}-\d\d\b/u);
  // Hoverable: the pointer crosses onto the card and it stays.
  await page.mouse.move(card.rect.x + 20, card.rect.y + 10, { steps: 4 });
  await page.mouse.move(card.rect.x + 40, card.rect.y + card.rect.height / 2, { steps: 2 });
  await expect.poll(async () => (await claimCard(page))?.text ?? '').toContain('Private note');
  // Dismissible without moving the pointer.
  await page.keyboard.press('Escape');
  await expect.poll(() => claimCard(page)).toBeUndefined();

  // A click on the mark opens it too, and it stays after the pointer leaves, until a click elsewhere.
  await page.mouse.click(spot.x, spot.y);
  await expect.poll(async () => (await claimCard(page))?.text ?? '').toContain('Consistent with the record');
  await page.mouse.move(5, 5);
  await page.mouse.click(5, 5);
  await expect.poll(() => claimCard(page)).toBeUndefined();

  // Nothing private reached the page: not its DOM, not the shared highlight registry.
  await page.mouse.move(spot.x, spot.y);
  await expect.poll(async () => (await claimCard(page))?.text ?? '').toContain('Private note');
  const seen = await page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    text: document.documentElement.innerText,
    highlights: [...CSS.highlights.keys()],
    host: (() => {
      const host = document.querySelector('[data-onrecord-ui="onrecord-claim-card"]');
      return host ? { shadowRoot: host.shadowRoot, text: host.textContent, children: host.childElementCount } : null;
    })(),
  }));
  expect(seen.html).not.toContain('Private note');
  expect(seen.text).not.toContain('Private note');
  expect(seen.html).not.toContain('Consistent with the record');
  expect(seen.highlights.filter((k) => /consistent|contradict|misattrib|verdict|note/iu.test(k))).toEqual([]);
  expect(seen.host).toEqual({ shadowRoot: null, text: '', children: 0 });
});

test('keyboard only: Alt+Shift+C on a selection, results, verdict, save; the card of the saved claim from the keyboard', async ({ context, serviceWorker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE);
  await contentScriptReady(page);
  // The selection is the test's set-up; from here on only keys.
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('tass')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.bringToFront();
  const tabId = await activeTabId(serviceWorker);
  await page.keyboard.press('Alt+Shift+C');
  // The page took the key: the toolbar says the claim went to be checked.
  await expect.poll(() => shadowText(page, UI_HOST.selection)).toContain('Checking the claim…');
  // Headless Chromium shows no side panel: its page is opened in a tab for the tab's claim, as the fallback does.
  const panel = await openPanel(page, extensionId, tabId);
  await expect(panel.locator('#sp-claim')).toHaveValue(/Kremlin spokesman Dmitry Peskov said, according to TASS/);
  await expect(panel.locator('.sp-speaker')).toHaveAttribute('data-speaker-id', 'dmitry-peskov');
  await expect(panel.locator('.sp-suggestion')).toHaveAttribute('data-verdict', 'consistent');
  const first = panel.locator('#sp-results .sp-result').first();
  await expect(first).toHaveAttribute('data-position-id', 'p-003-10');

  // Results: tick the first by Tab and Space; the verdict by Tab and arrows; the note; save with Enter.
  await tabTo(panel, first.locator('input[type=checkbox]'));
  await panel.keyboard.press('Space');
  await expect(first.locator('input[type=checkbox]')).toBeChecked();
  await tabTo(panel, panel.locator('input[name=verdict]').first());
  await expect(panel.getByRole('radio', { name: 'Consistent with the record' })).toBeFocused();
  await panel.keyboard.press('Space');
  await expect(panel.getByRole('radio', { name: 'Consistent with the record' })).toBeChecked();
  await panel.keyboard.press('Tab');
  await expect(panel.locator('#sp-note')).toBeFocused();
  await panel.keyboard.type('Peskov said it to RTVI; TASS reported it.');
  await panel.keyboard.press('Tab');
  await panel.keyboard.press('Enter');
  await expect(panel.locator('.sp-saved')).toContainText('Saved: Consistent with the record');

  // Back on the page: Alt+Shift+C with nothing selected walks to the checked claim and opens its card with focus.
  await page.bringToFront();
  await page.evaluate(() => getSelection()?.removeAllRanges());
  await expect.poll(async () => (await markedTexts(page, 'checked')).length).toBe(1);
  await page.keyboard.press('Alt+Shift+C');
  await expect.poll(async () => (await claimCard(page))?.focused ?? null).toBe('dialog');
  const card = (await claimCard(page))!;
  expect(card.text).toContain('Peskov said it to RTVI; TASS reported it.');
  expect(card.text).toContain('said by Dmitry Peskov');
  expect(card.text).toContain('1 of 1');
  // Tab reaches its buttons; Esc closes it and gives focus back.
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await claimCard(page))?.focused ?? null).toBe('button');
  await page.keyboard.press('Escape');
  await expect.poll(() => claimCard(page)).toBeUndefined();
});
