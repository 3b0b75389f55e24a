/**
 * Announcements to tabs and extension pages. Nobody listening is normal (a
 * tab without the content script, no extension page open) and is the only
 * failure ignored; any other failure is logged with what was being sent.
 */
import browser from 'webextension-polyfill';

/** Chrome's and Firefox's wording when a message has no receiver. */
const NO_RECEIVER = /Receiving end does not exist|Could not establish connection|No matching message handler/i;

export function isNoReceiver(err: unknown): boolean {
  return NO_RECEIVER.test(err instanceof Error ? err.message : String(err));
}

function report(what: string) {
  return (err: unknown): void => {
    if (!isNoReceiver(err)) console.error(`OnRecord: could not announce ${what}`, err);
  };
}

export async function announceToTab(tabId: number, message: { type: string }): Promise<void> {
  await browser.tabs.sendMessage(tabId, message).then(() => undefined, report(`${message.type} to tab ${tabId}`));
}

export async function announceToPages(message: { type: string; [key: string]: unknown }): Promise<void> {
  await browser.runtime.sendMessage(message).then(() => undefined, report(message.type));
}

export async function announceToAllTabs(message: { type: string }): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((t) => (t.id !== undefined ? announceToTab(t.id, message) : undefined)));
}
