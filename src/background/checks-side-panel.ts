/**
 * Opening the side panel for a tab. Chrome only opens it in response to a
 * user gesture, so `open` is called before anything is awaited; where the API
 * is missing or refuses (older Chrome, Firefox builds without sidePanel, a
 * message that lost its gesture), the same page opens in a new tab instead.
 */
import browser from 'webextension-polyfill';

export const SIDE_PANEL_PAGE = 'src/pages/sidepanel/index.html';

export function sidePanelPath(tabId: number): string {
  return `${SIDE_PANEL_PAGE}?tab=${tabId}`;
}

export type PanelOpened = 'side-panel' | 'tab';

/** Call synchronously from the message handler: the user gesture does not survive an await. */
export function openClaimPanel(tabId: number, tabIndex?: number): Promise<PanelOpened> {
  const fallback = async (reason: unknown): Promise<PanelOpened> => {
    console.info('OnRecord: side panel unavailable, opening the check in a tab instead:', reason instanceof Error ? reason.message : reason);
    await browser.tabs.create({ url: browser.runtime.getURL(sidePanelPath(tabId)), openerTabId: tabId, ...(tabIndex !== undefined ? { index: tabIndex + 1 } : {}) });
    return 'tab';
  };
  const panel = typeof chrome !== 'undefined' ? chrome.sidePanel : undefined;
  if (!panel?.open) return fallback(new Error('chrome.sidePanel is not available'));
  try {
    // Both calls are queued in order before any await: setOptions points this tab's panel at its claim.
    const options = panel.setOptions({ tabId, path: sidePanelPath(tabId), enabled: true });
    const opened = panel.open({ tabId });
    return Promise.all([options, opened]).then(
      () => 'side-panel' as const,
      (err: unknown) => fallback(err),
    );
  } catch (err) {
    return fallback(err);
  }
}
