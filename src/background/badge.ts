import browser from 'webextension-polyfill';

/** The badge shows at most this; a page with more mentions shows it too. */
export const MAX_BADGE_COUNT = 999;

/** The toolbar badge: the number of mentions on the tab's page, empty when none. */
export async function showMentionCount(tabId: number, count: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, MAX_BADGE_COUNT)) : '' });
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#4a5568' });
}
