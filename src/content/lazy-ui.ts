/**
 * The content script's user interface, evaluated on first need. What runs at
 * `document_start` (content/index.ts) finds and underlines mentions; the
 * popover (preact, floating-ui, its components and styles) is needed only
 * when a reader dwells on or focuses a mention. It is a second content script
 * (ui-bundle.ts, run at document_idle) that scripts/vite-lazy-ui.ts wraps in
 * a function: loading it only pre-parses that function, and the first
 * `loadContentUi()` calls it, which evaluates the popover's code and
 * registers it here. Both scripts share the isolated world, so no
 * web_accessible_resources and no extra permission are needed, and the page
 * cannot see any of it. See docs/adr/adr-015-lazy-content-ui.md.
 */
import type { PopoverHandlers, PopoverHost } from './popover-host.tsx';
import type { ClaimCardHost } from './claim-card-host.tsx';
import type { SelectionHost, Slot } from './selection-host.tsx';
import type { SelectionToolbarProps } from './selection-toolbar.tsx';
import { track } from './activity.ts';
import type { EntityRecord } from '../core/record/types.ts';
import { lazyScript } from './lazy-script.ts';

/** What ui-bundle.ts registers. */
export interface ContentUi {
  PopoverHost: typeof PopoverHost;
  SelectionHost: typeof SelectionHost;
  ClaimCardHost: typeof ClaimCardHost;
}

/** The name its script registers under (ui-bundle.ts; scripts/vite-lazy-ui.ts wraps it). */
export const CONTENT_UI = 'content-ui';

/** The UI module: evaluated on the first call, after waiting (at most 10 s) for its script if it has not run yet. */
export const loadContentUi = lazyScript<ContentUi>(CONTENT_UI, 10_000);

/**
 * One of the UI module's hosts (popover, selection toolbar, claim card), made on first need: the module is loaded
 * once (again on the next need after a failure, which the caller reports), the host made once, none once the
 * session has ended. The load counts as work in progress (activity.ts) until it settles.
 */
export class LazyHost<H> {
  #host: H | undefined;
  #loading: Promise<H | undefined> | undefined;

  constructor(
    private readonly make: (ui: ContentUi) => H,
    private readonly signal: AbortSignal,
  ) {}

  /** The host, once made. */
  get current(): H | undefined {
    return this.#host;
  }

  /** Loads the module (first call) and makes the host; resolves with it, or undefined once the session has ended. */
  load(): Promise<H | undefined> {
    this.#loading ??= track(loadContentUi()).then((ui) => (this.signal.aborted ? undefined : (this.#host ??= this.make(ui))));
    this.#loading.catch(() => (this.#loading = undefined));
    return this.#loading;
  }
}

/**
 * The popover as the reader uses it, created from the UI module on the first
 * `ready()`: until then it is closed and has no focus.
 */
export class LazyPopover {
  readonly #lazy: LazyHost<PopoverHost>;

  constructor(handlers: PopoverHandlers, signal: AbortSignal) {
    this.#lazy = new LazyHost((ui) => new ui.PopoverHost(handlers, signal), signal);
  }

  get #host(): PopoverHost | undefined {
    return this.#lazy.current;
  }

  /** Loads the UI (first call) and creates the popover; resolves when `show` may be called. */
  async ready(): Promise<void> {
    await this.#lazy.load();
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

  /** Says the record could not be loaded, where the popover would be (loads the UI first if need be). */
  showError(message: string, anchor: () => DOMRect, opts: { focus: boolean }): void {
    this.ready().then(
      () => this.#host?.showError(message, anchor, opts),
      (err: unknown) => console.error('OnRecord: could not load the popover to say the record failed to load', err),
    );
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

/**
 * The selection toolbar as the session (selection-session.tsx) uses it: the UI module is loaded on the first
 * `show`, which is applied once it has loaded (with the latest props and unless hidden meanwhile). Until then
 * nothing of it is on the page.
 */
export class LazySelectionHost {
  readonly #lazy: LazyHost<SelectionHost>;
  /** A load under way (at most one, however many `show`s wait for it). */
  #loading = false;
  /** A `show` waiting for the module. */
  #wanted: { slot: Slot; props: SelectionToolbarProps; anchor: () => DOMRect } | undefined;

  constructor(signal: AbortSignal, onRefused: () => void) {
    this.#lazy = new LazyHost((ui) => new ui.SelectionHost(signal, onRefused), signal);
  }

  get #host(): SelectionHost | undefined {
    return this.#lazy.current;
  }

  #load(): void {
    if (this.#loading) return;
    this.#loading = true;
    this.#lazy.load().then(
      (host) => {
        this.#loading = false;
        const wanted = this.#wanted;
        this.#wanted = undefined;
        if (host && wanted) host.show(wanted.slot, wanted.props, wanted.anchor);
      },
      // Once per load, however many `show`s wait for it: one failure, one message. Nothing is shown, so nothing is
      // wanted any more (isShown says false); the next `show` tries loading again.
      (err: unknown) => {
        this.#loading = false;
        this.#wanted = undefined;
        console.error('OnRecord: could not load the selection toolbar', err);
      },
    );
  }

  isShown(slot: Slot): boolean {
    return this.#host ? this.#host.isShown(slot) : this.#wanted?.slot === slot;
  }

  owns(target: EventTarget | null): boolean {
    return this.#host?.owns(target) ?? false;
  }

  hasFocus(): boolean {
    return this.#host?.hasFocus() ?? false;
  }

  show(slot: Slot, props: SelectionToolbarProps, anchor: () => DOMRect): void {
    if (this.#host) return this.#host.show(slot, props, anchor);
    this.#wanted = { slot, props, anchor };
    this.#load();
  }

  update(slot: Slot, props: SelectionToolbarProps): void {
    if (this.#host) this.#host.update(slot, props);
    else if (this.#wanted?.slot === slot) this.#wanted.props = props;
  }

  hide(slot: Slot): void {
    if (this.#wanted?.slot === slot) this.#wanted = undefined;
    this.#host?.hide(slot);
  }
}
