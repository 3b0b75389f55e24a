/**
 * The content script's user interface, loaded on first need. What runs at
 * `document_start` (content/index.ts) finds and underlines mentions; the
 * popover (preact, floating-ui, its components and styles) is needed only
 * when a reader dwells on or focuses a mention, so it is a separate script,
 * `src/content/ui.js` (built from ui-bundle.ts by scripts/vite-lazy-ui.ts),
 * that the background injects into this tab's isolated world with
 * `scripting.executeScript({ files })` on the first request. Injected that
 * way it needs no web_accessible_resources, and the page cannot see it:
 * it registers itself on the isolated world's global object under a
 * registered symbol. See docs/adr/adr-009-lazy-content-ui.md.
 */
import type { PopoverHandlers, PopoverHost } from './popover-host.tsx';
import { askBackground } from './ask-background.ts';
import type { EntityRecord } from '../core/record/types.ts';

/** What ui-bundle.ts registers. */
export interface ContentUi {
  PopoverHost: typeof PopoverHost;
}

export const CONTENT_UI_KEY = Symbol.for('onrecord.content-ui');

type UiGlobal = { [CONTENT_UI_KEY]?: ContentUi };

let loading: Promise<ContentUi> | undefined;

/** The UI module, injected by the background on the first call (one request per document). */
export function loadContentUi(): Promise<ContentUi> {
  const present = (globalThis as UiGlobal)[CONTENT_UI_KEY];
  if (present) return Promise.resolve(present);
  loading ??= askBackground({ type: 'cs-bg-load-ui' }).then(() => {
    const ui = (globalThis as UiGlobal)[CONTENT_UI_KEY];
    if (!ui) throw new Error('cs-bg-load-ui: the popover did not load');
    return ui;
  });
  // A failed load (extension reloaded under the page) may be retried on the next hover.
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * The popover as the reader uses it, created from the UI module on the first
 * `ready()`: until then it is closed and has no focus.
 */
export class LazyPopover {
  #host: PopoverHost | undefined;
  #ready: Promise<void> | undefined;

  constructor(
    private readonly handlers: PopoverHandlers,
    private readonly signal: AbortSignal,
  ) {}

  /** Loads the UI (first call) and creates the popover; resolves when `show` may be called. */
  ready(): Promise<void> {
    this.#ready ??= loadContentUi().then((ui) => {
      if (!this.signal.aborted) this.#host ??= new ui.PopoverHost(this.handlers, this.signal);
    });
    this.#ready.catch(() => (this.#ready = undefined));
    return this.#ready;
  }

  get isOpen(): boolean {
    return this.#host?.isOpen ?? false;
  }

  hasFocus(): boolean {
    return this.#host?.hasFocus() ?? false;
  }

  contains(target: EventTarget | null): boolean {
    return this.#host?.contains(target) ?? false;
  }

  /** Shows the popover; call after `ready()` has resolved (it does nothing before). */
  show(record: EntityRecord, anchor: () => DOMRect, opts: Parameters<PopoverHost['show']>[2]): void {
    this.#host?.show(record, anchor, opts);
  }

  focus(): void {
    this.#host?.focus();
  }

  focusFirstControl(): void {
    this.#host?.focusFirstControl();
  }

  reanchor(anchor: () => DOMRect): void {
    this.#host?.reanchor(anchor);
  }

  hide(): void {
    this.#host?.hide();
  }

  destroy(): void {
    this.#host?.destroy();
  }
}
