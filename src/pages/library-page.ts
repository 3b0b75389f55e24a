/** The library of saved highlights and checks: its path, and opening it in a new tab (popup, note window, welcome page). */
import browser from 'webextension-polyfill';

export const LIBRARY_PAGE = 'src/pages/library/index.html';

export function openLibrary(): void {
  void browser.tabs.create({ url: browser.runtime.getURL(LIBRARY_PAGE) });
}
