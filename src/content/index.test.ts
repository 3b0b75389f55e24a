/**
 * The `document_start` script (index.ts) and its hand-over to early-bundle.ts: nothing runs while the parser waits;
 * in the next task the sheet is adopted and the settings request is sent, messages from the extension that arrive before the site control exists are held and answered by it, and
 * messages from anyone else are not held.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: { id?: string; tab?: unknown }, respond: (reply: unknown) => void) => boolean | undefined;
const listeners = new Set<Listener>();
let answerSettings!: (reply: unknown) => void;
const sendMessage = vi.fn((message: { type: string }) =>
  message.type === 'cs-bg-get-settings' ? new Promise((resolve) => (answerSettings = resolve)) : Promise.resolve({ ok: true }));
const stubs = {
  window: undefined as unknown,
  location: { href: 'https://news.example/story' },
  document: { adoptedStyleSheets: [] as unknown[], readyState: 'complete', addEventListener: vi.fn() },
  CSSStyleSheet: class {
    css = '';
    replaceSync(css: string) {
      this.css = css;
    }
  },
  chrome: {
    runtime: {
      id: 'onrecord',
      sendMessage,
      onMessage: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
  },
};
stubs.window = globalThis;
vi.stubGlobal('top', globalThis);
for (const [name, value] of Object.entries(stubs)) vi.stubGlobal(name, value);
afterAll(() => vi.unstubAllGlobals());

const settings = { on: false, hoverDelayMs: 300, highlightStyle: 'underline', enabledTypes: ['person'], hideEmptyNames: false };

describe('the document_start script', () => {
  it('defers to the next task, then adopts the sheet, asks the settings, and holds the extension\'s messages until the site control answers them', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      await import('./index.ts');
      // At document_start itself: no sheet, no use of the extension API (the page's parser goes on at once).
      expect(stubs.document.adoptedStyleSheets).toHaveLength(0);
      expect(sendMessage).not.toHaveBeenCalled();
      expect(listeners.size).toBe(0);
      vi.runOnlyPendingTimers();
    } finally {
      vi.useRealTimers();
    }
    expect(stubs.document.adoptedStyleSheets).toHaveLength(1);
    expect(sendMessage.mock.calls.map((c) => c[0])).toEqual([{ type: 'cs-bg-get-settings' }]);
    expect(listeners.size).toBe(1);
    const [hold] = listeners;

    const fromPopup = vi.fn();
    expect(hold!({ type: 'popup-cs-get-mentions' }, { id: 'onrecord' }, fromPopup)).toBe(true);
    // A content script of a tab (or another extension) is not heard at all.
    const fromTab = vi.fn();
    expect(hold!({ type: 'popup-cs-get-mentions' }, { id: 'onrecord', tab: { id: 3 } }, fromTab)).toBe(false);
    expect(hold!({ type: 'popup-cs-get-mentions' }, { id: 'other' }, fromTab)).toBe(false);
    expect(fromPopup).not.toHaveBeenCalled();

    // The wrapped early script has loaded by the time the answer arrives (it is injected right after index.js).
    await import('./early-bundle.ts');
    answerSettings({ ok: true, settings, fingerprint: 'f' });
    await vi.waitFor(() => expect(fromPopup).toHaveBeenCalledWith({ site: 'news.example', on: false, mentions: [] }));
    expect(fromTab).not.toHaveBeenCalled();
    // The site control's own listener replaced the one that held messages; the settings were not asked twice.
    expect(listeners.size).toBe(1);
    expect(listeners.has(hold!)).toBe(false);
    expect(sendMessage.mock.calls.filter((c) => c[0].type === 'cs-bg-get-settings')).toHaveLength(1);
  });
});
