/**
 * Mounts the popover in a closed shadow root, in the browser's top layer when
 * it can (above any z-index the page uses), positioned beside the mention
 * with floating-ui so the viewport never clips it. Page CSS cannot reach in
 * and ours cannot leak out; the page's scripts cannot read the closed root.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render, type ComponentChild } from 'preact';
import { t } from '../core/i18n.ts';
import type { EntityRecord } from '../core/record/types.ts';
import { Popover } from '../ui/popover/popover.tsx';
import type { PageStatement } from '../core/recording/types.ts';
import type { PageStatementsOffer } from '../ui/popover/page-statements-offer.tsx';
import { askBackground } from './ask-background.ts';
import { holdCard, releaseCard } from './card-hold.ts';

/** Issue 12: the empty card asks the background for this page's statements by the actor (found there, on the page's text). */
const PAGE_STATEMENTS: PageStatementsOffer = {
  load: async (entityId) => (await askBackground<{ statements: PageStatement[] }>({ type: 'cs-bg-page-statements', entityId })).statements,
  add: async (s) => {
    // The record changes: the page's refresh waits until this card closes, so "Added · Undo" stays (A22).
    holdCard();
    const r = await askBackground<{ positionId: string; keptAside?: true; already?: true }>({ type: 'cs-bg-record-statement', start: s.start, end: s.end, text: s.text });
    return { positionId: r.positionId, keptAside: r.keptAside === true, already: r.already === true };
  },
  undo: async (positionId) => {
    holdCard();
    await askBackground<object>({ type: 'cs-bg-unrecord', positionId });
  },
};
import popoverCss from '../ui/popover/popover.css?inline';
import { createShadowHost, guardClicks, hideFromTopLayer, liveRegion, showInTopLayer } from './shadow-host.ts';
import { UI_HOST } from '../page-text/element-rules.ts';
import { interfaceLocale } from '../ui/dates.ts';

/** Space between the mention and the popover, and between the popover and the viewport's edge. */
const GAP_PX = 8;

/** Moved to ui/dates.ts (one date formatter for every page); kept here for its importers. */
export { interfaceLocale };

export interface PopoverHandlers {
  onClose(): void;
  onOpenSource(positionId: string, sourceId: string): void;
  sourceHref(positionId: string, sourceId: string): string;
  onOpenEntity(actorId: string, positionId?: string): void;
  onPointerEnter(): void;
  onPointerLeave(): void;
  /** Keys pressed inside the popover; `atRoot` when focus is on the dialog itself, not a control in it. */
  onKeyDown(e: KeyboardEvent, atRoot: boolean): void;
}

export class PopoverHost {
  readonly #host: HTMLElement;
  readonly #shadow: ShadowRoot;
  readonly #frame: HTMLDivElement;
  readonly #live: HTMLDivElement;
  #stopAutoUpdate: (() => void) | undefined;
  #anchor: (() => DOMRect) | undefined;
  #open = false;
  #destroyed = false;

  constructor(private readonly handlers: PopoverHandlers, signal: AbortSignal) {
    ({ host: this.#host, shadow: this.#shadow } = createShadowHost(
      UI_HOST.popover,
      `${popoverCss}\n.or-frame { position: fixed; top: 0; left: 0; pointer-events: auto; max-width: min(420px, calc(100vw - ${2 * GAP_PX}px)); }`,
    ));
    this.#frame = document.createElement('div');
    this.#frame.className = 'or-frame';
    // Announces keyboard moves between mentions to screen readers.
    this.#live = liveRegion();
    this.#shadow.append(this.#frame, this.#live);
    // The popover has actions that write ("Add to my record" on an empty card): a click on it while the page hides
    // or covers it is refused (clickjacking), and the refusal is announced, as for the selection toolbar.
    guardClicks(this.#host, this.#shadow, () => { this.#live.textContent = t('selectionObscured'); }, signal);
    this.#frame.addEventListener('keydown', (e) => {
      const dialog = this.#dialog();
      handlers.onKeyDown(e, dialog !== null && this.#shadow.activeElement === dialog);
    }, { signal });
    this.#frame.addEventListener('pointerenter', () => handlers.onPointerEnter(), { signal });
    this.#frame.addEventListener('pointerleave', () => handlers.onPointerLeave(), { signal });
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** True when focus is inside the popover. */
  hasFocus(): boolean {
    return this.#shadow.activeElement !== null;
  }

  contains(target: EventTarget | null): boolean {
    return target === this.#host;
  }

  /** The record could not be loaded: the reader is told so where the popover would be, instead of nothing. */
  showError(message: string, anchor: () => DOMRect, opts: { focus: boolean }): void {
    this.#mount(
      anchor,
      <div class="or-popover or-load-error" role="dialog" aria-label={t('popoverLoadFailedTitle')} tabIndex={-1}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); this.handlers.onClose(); } }}>
        <div class="or-empty">
          <p class="or-empty-title">{t('popoverLoadFailedTitle')}</p>
          <p class="or-empty-hint">{t('popoverLoadFailedHint', message)}</p>
        </div>
      </div>,
      opts,
    );
  }

  #mount(anchor: () => DOMRect, content: ComponentChild, opts: { focus: boolean; announce?: string }): void {
    if (this.#destroyed) return;
    this.#anchor = anchor;
    showInTopLayer(this.#host);
    this.#open = true;
    render(content, this.#frame);
    this.#stopAutoUpdate?.();
    const reference = { getBoundingClientRect: () => this.#anchor?.() ?? new DOMRect() };
    this.#stopAutoUpdate = autoUpdate(reference, this.#frame, () => void this.#place(reference), { animationFrame: false });
    if (opts.focus) this.focus();
    this.#live.textContent = opts.announce ?? '';
  }

  show(record: EntityRecord, anchor: () => DOMRect, opts: { focus: boolean; focusPositionId?: string; announce?: string }): void {
    this.#mount(
      anchor,
      <Popover
        record={record}
        onClose={this.handlers.onClose}
        onOpenSource={this.handlers.onOpenSource}
        sourceHref={this.handlers.sourceHref}
        onOpenEntity={this.handlers.onOpenEntity}
        {...(opts.focusPositionId ? { focusPositionId: opts.focusPositionId } : {})}
        locale={interfaceLocale()}
        pageStatements={PAGE_STATEMENTS}
      />,
      opts,
    );
  }

  #dialog(): HTMLElement | null {
    return this.#frame.querySelector<HTMLElement>('[role="dialog"]');
  }

  focus(): void {
    this.#dialog()?.focus({ preventScroll: true });
  }

  /** Moves focus from the dialog to its first button or link. */
  focusFirstControl(): void {
    this.#dialog()?.querySelector<HTMLElement>('button:not([disabled]), a[href], [tabindex="0"]')?.focus();
  }

  /** Moves the popover to a new anchor without re-rendering. */
  reanchor(anchor: () => DOMRect): void {
    this.#anchor = anchor;
  }

  async #place(reference: { getBoundingClientRect(): DOMRect }): Promise<void> {
    const { x, y } = await computePosition(reference, this.#frame, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(GAP_PX),
        flip({ padding: GAP_PX }),
        shift({ padding: GAP_PX }),
        size({
          padding: GAP_PX,
          apply: ({ availableHeight }) => {
            this.#frame.style.setProperty('--or-available-height', `${Math.max(160, availableHeight)}px`);
          },
        }),
      ],
    });
    this.#frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }

  hide(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#stopAutoUpdate?.();
    this.#stopAutoUpdate = undefined;
    render(null, this.#frame);
    hideFromTopLayer(this.#host);
    this.#host.remove();
    releaseCard();
  }

  destroy(): void {
    this.#destroyed = true;
    this.hide();
    this.#host.remove();
  }
}
