/**
 * Opening the claim panel beside a tab: Chrome's side panel, Firefox's
 * sidebar (`sidebarAction.open`), and a tab with the same page only where the
 * browser refuses both. Both browsers open their panel only in response to a
 * user action, and the gesture does not survive an `await`, so every `open`
 * is called synchronously by the caller's handler.
 *
 * A keyboard command or a context-menu click *is* a user action, but its claim
 * arrives a moment later, from the tab's content script (which reads the
 * selection), and that message carries no gesture in Firefox. So the command
 * and menu handlers open the panel at once (`openInGesture`, native panel
 * only, no fallback), and the content script's request then reuses that
 * attempt (`openClaimPanel` with the attempt): the fallback tab opens only when
 * the browser refused.
 */
import browser from 'webextension-polyfill';

export const SIDE_PANEL_PAGE = 'src/pages/sidepanel/index.html';

export function sidePanelPath(tabId: number): string {
  return `${SIDE_PANEL_PAGE}?tab=${tabId}`;
}

export type PanelOpened = 'side-panel' | 'tab';

/** The browser APIs the choice depends on (injected in unit tests). */
export interface PanelApis {
  /** Chrome's side panel (`chrome.sidePanel`), when the browser has it. */
  sidePanel?: {
    setOptions(options: { tabId: number; path: string; enabled: boolean }): Promise<void>;
    open(options: { tabId: number }): Promise<void>;
  };
  /** Firefox's sidebar (`browser.sidebarAction`), when the browser has it. */
  sidebarAction?: { open(): Promise<void> };
  /** Opens the panel's page in a tab next to the claim's tab. */
  openTab(path: string, openerTabId: number, index?: number): Promise<void>;
}

export function browserPanelApis(): PanelApis {
  const sidePanel = typeof chrome !== 'undefined' ? chrome.sidePanel : undefined;
  const sidebarAction = (browser as { sidebarAction?: PanelApis['sidebarAction'] }).sidebarAction;
  return {
    ...(sidebarAction?.open ? { sidebarAction } : {}),
    ...(sidePanel?.open ? { sidePanel } : {}),
    openTab: async (path, openerTabId, index) => {
      await browser.tabs.create({ url: browser.runtime.getURL(path), openerTabId, ...(index !== undefined ? { index: index + 1 } : {}) });
    },
  };
}

/**
 * Asks the browser's own panel to open for `tabId`: Firefox's sidebar first
 * (Firefox has no side panel), else Chrome's side panel. Resolves true when it
 * opened, false when the browser has none or refused. Synchronous up to the
 * `open` call: call it from the handler of the user's action.
 */
export function openNativePanel(tabId: number | undefined, apis: PanelApis): Promise<boolean> {
  const refused = (reason: unknown) => {
    console.info('OnRecord: the browser refused to open the panel:', reason instanceof Error ? reason.message : reason);
    return false;
  };
  try {
    if (apis.sidebarAction) {
      // The sidebar is one per window; it shows the active tab's claim (the page asks for it).
      return apis.sidebarAction.open().then(() => true, refused);
    }
    if (apis.sidePanel && tabId !== undefined) {
      // Both calls are queued in order before any await: setOptions points this tab's panel at its claim.
      const options = apis.sidePanel.setOptions({ tabId, path: sidePanelPath(tabId), enabled: true });
      const opened = apis.sidePanel.open({ tabId });
      return Promise.all([options, opened]).then(() => true, refused);
    }
  } catch (err) {
    return Promise.resolve(refused(err));
  }
  return Promise.resolve(false);
}

/**
 * Opens the panel for the claim of `tabId`: the attempt already made in the
 * user's gesture when there is one, else a native open now; a tab with the
 * panel's page only where that failed.
 */
export function openClaimPanel(tabId: number, tabIndex: number | undefined, apis: PanelApis = browserPanelApis(), attempt?: Promise<boolean>): Promise<PanelOpened> {
  const native = attempt ?? openNativePanel(tabId, apis);
  return native.then(async (opened) => {
    if (opened) return 'side-panel';
    await apis.openTab(sidePanelPath(tabId), tabId, tabIndex);
    return 'tab';
  });
}

/** How long a gesture's attempt stands for the claim that follows it (the content script answers in milliseconds). */
export const GESTURE_ATTEMPT_MS = 5_000;

/**
 * The panel opened by a command or menu click, remembered per tab until the
 * content script's claim for it arrives.
 */
export class GesturePanels {
  readonly #attempts = new Map<number | 'any', { at: number; opened: Promise<boolean> }>();

  constructor(
    private readonly apis: () => PanelApis = browserPanelApis,
    private readonly now: () => number = Date.now,
  ) {}

  /** Call synchronously from `commands.onCommand` or `contextMenus.onClicked`. */
  openInGesture(tabId: number | undefined): void {
    this.#attempts.set(tabId ?? 'any', { at: this.now(), opened: openNativePanel(tabId, this.apis()) });
  }

  /** The claim of `tabId` arrived: opens its panel, reusing a recent gesture's attempt. */
  openFor(tabId: number, tabIndex?: number): Promise<PanelOpened> {
    const attempt = this.#take(tabId);
    return openClaimPanel(tabId, tabIndex, this.apis(), attempt);
  }

  #take(tabId: number): Promise<boolean> | undefined {
    for (const key of [tabId, 'any'] as const) {
      const a = this.#attempts.get(key);
      this.#attempts.delete(key);
      if (a && this.now() - a.at <= GESTURE_ATTEMPT_MS) return a.opened;
    }
    return undefined;
  }
}
