import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { tabs: { create: vi.fn() }, runtime: { getURL: (p: string) => `ext://id/${p}` } } }));

const { GESTURE_ATTEMPT_MS, GesturePanels, openClaimPanel, sidePanelPath } = await import('./checks-side-panel.ts');
type PanelApis = import('./checks-side-panel.ts').PanelApis;

/** A browser: Firefox (sidebarAction), Chrome (sidePanel) or neither; `refuse` makes its open reject as outside a user action does. */
function fakeBrowser(kind: 'firefox' | 'chrome' | 'none', refuse = false) {
  const calls: string[] = [];
  const reject = () => Promise.reject(new Error('sidebarAction.open may only be called from a user input handler'));
  const apis: PanelApis = {
    openTab: vi.fn(async (path: string, opener: number, index?: number) => void calls.push(`tab ${path} opener=${opener} index=${index}`)),
  };
  if (kind === 'firefox') apis.sidebarAction = { open: vi.fn(() => (calls.push('sidebarAction.open'), refuse ? reject() : Promise.resolve())) };
  if (kind === 'chrome') {
    apis.sidePanel = {
      setOptions: vi.fn(async (o: { tabId: number; path: string }) => void calls.push(`setOptions ${o.tabId} ${o.path}`)),
      open: vi.fn((o: { tabId: number }) => (calls.push(`sidePanel.open ${o.tabId}`), refuse ? reject() : Promise.resolve())),
    };
  }
  return { apis, calls };
}

describe('opening the claim panel', () => {
  it('Firefox: opens the sidebar with sidebarAction.open, synchronously, and opens no tab', async () => {
    const { apis, calls } = fakeBrowser('firefox');
    const opened = openClaimPanel(7, 2, apis);
    // Called before the first await: the user's gesture is still there.
    expect(calls).toEqual(['sidebarAction.open']);
    await expect(opened).resolves.toBe('side-panel');
    expect(apis.openTab).not.toHaveBeenCalled();
  });

  it('Firefox: falls back to a tab next to the page only when the sidebar is refused', async () => {
    const { apis, calls } = fakeBrowser('firefox', true);
    await expect(openClaimPanel(7, 2, apis)).resolves.toBe('tab');
    expect(calls).toEqual(['sidebarAction.open', `tab ${sidePanelPath(7)} opener=7 index=2`]);
  });

  it('Chrome: points the tab\'s side panel at its claim and opens it, both before any await', async () => {
    const { apis, calls } = fakeBrowser('chrome');
    const opened = openClaimPanel(7, 2, apis);
    expect(calls).toEqual([`setOptions 7 ${sidePanelPath(7)}`, 'sidePanel.open 7']);
    await expect(opened).resolves.toBe('side-panel');
    expect(apis.openTab).not.toHaveBeenCalled();
  });

  it('Chrome refused, or a browser with neither panel: a tab', async () => {
    const refused = fakeBrowser('chrome', true);
    await expect(openClaimPanel(3, undefined, refused.apis)).resolves.toBe('tab');
    expect(refused.calls.at(-1)).toBe(`tab ${sidePanelPath(3)} opener=3 index=undefined`);
    const none = fakeBrowser('none');
    await expect(openClaimPanel(3, 0, none.apis)).resolves.toBe('tab');
    expect(none.calls).toEqual([`tab ${sidePanelPath(3)} opener=3 index=0`]);
  });

  it('a keyboard command opens the sidebar in its gesture; the claim that follows reuses it and opens no tab', async () => {
    const { apis, calls } = fakeBrowser('firefox');
    const panels = new GesturePanels(() => apis);
    panels.openInGesture(7);
    expect(calls).toEqual(['sidebarAction.open']);
    await expect(panels.openFor(7, 1)).resolves.toBe('side-panel');
    // One open only: the message from the content script, which has no gesture, did not try again.
    expect(calls).toEqual(['sidebarAction.open']);
  });

  it('a gesture the browser refused leads to the tab when the claim arrives; a stale attempt is not reused', async () => {
    const refused = fakeBrowser('firefox', true);
    const panels = new GesturePanels(() => refused.apis);
    panels.openInGesture(undefined);
    await expect(panels.openFor(7, 1)).resolves.toBe('tab');
    expect(refused.calls).toEqual(['sidebarAction.open', `tab ${sidePanelPath(7)} opener=7 index=1`]);

    let now = 0;
    const ok = fakeBrowser('firefox');
    const later = new GesturePanels(() => ok.apis, () => now);
    later.openInGesture(7);
    now = GESTURE_ATTEMPT_MS + 1;
    await later.openFor(7);
    // Too old to stand for this claim: a fresh open is asked for.
    expect(ok.calls).toEqual(['sidebarAction.open', 'sidebarAction.open']);
  });
});
