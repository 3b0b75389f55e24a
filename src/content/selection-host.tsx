/**
 * The researchers' UI on the page — the selection toolbar and the note
 * editor — in one CLOSED shadow root, in the top layer when shown. Notes,
 * tags and the page's highlight list exist only in here: the page's scripts
 * see an empty `<onrecord-selection>` element and nothing else.
 */
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render, type ComponentChild } from 'preact';
import resetCss from '../ui/shadow-reset.css?inline';
import { UI_ATTRIBUTE } from './page-text/element-rules.ts';
import selectionCss from './selection-ui.css?inline';

/** Space between the selection and the toolbar, and from the viewport's edge. */
const GAP_PX = 8;

/** Inline !important declarations on the host outrank any page rule. */
const HOST_STYLE = [
  'all: initial', 'display: block', 'position: fixed', 'inset: 0 auto auto 0', 'width: 0', 'height: 0',
  'margin: 0', 'padding: 0', 'border: 0', 'background: transparent', 'overflow: visible',
  'z-index: 2147483647', 'pointer-events: none', 'visibility: visible', 'opacity: 1', 'contain: none',
].map((d) => `${d} !important`).join('; ');

type Slot = 'toolbar' | 'editor';

export class SelectionHost {
  readonly #host: HTMLElement;
  readonly #shadow: ShadowRoot;
  readonly #frames: Record<Slot, HTMLDivElement>;
  readonly #stops: Partial<Record<Slot, () => void>> = {};

  constructor(signal: AbortSignal) {
    this.#host = document.createElement('onrecord-selection');
    this.#host.setAttribute(UI_ATTRIBUTE, '');
    this.#host.setAttribute('style', HOST_STYLE);
    this.#shadow = this.#host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = `${resetCss}\n${selectionCss}`;
    const root = document.createElement('div');
    root.className = 'or-sel';
    this.#frames = { toolbar: document.createElement('div'), editor: document.createElement('div') };
    for (const f of Object.values(this.#frames)) {
      f.className = 'or-frame';
      f.hidden = true;
      root.append(f);
    }
    this.#shadow.append(style, root);
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  isShown(slot: Slot): boolean {
    return !this.#frames[slot].hidden;
  }

  /** True when `target` (an event target as the page sees it) is our UI. */
  owns(target: EventTarget | null): boolean {
    return target === this.#host;
  }

  hasFocus(): boolean {
    return this.#shadow.activeElement !== null;
  }

  show(slot: Slot, content: ComponentChild, anchor: () => DOMRect): void {
    if (!this.#host.isConnected) document.documentElement.append(this.#host);
    if (typeof this.#host.showPopover === 'function' && !this.#host.matches(':popover-open')) {
      this.#host.popover = 'manual';
      this.#host.showPopover();
    }
    const frame = this.#frames[slot];
    frame.hidden = false;
    render(content, frame);
    this.#stops[slot]?.();
    const reference = { getBoundingClientRect: anchor };
    const placement = slot === 'toolbar' ? 'top' : 'bottom-start';
    this.#stops[slot] = autoUpdate(reference, frame, () => {
      void computePosition(reference, frame, {
        strategy: 'fixed',
        placement,
        middleware: [offset(GAP_PX), flip({ padding: GAP_PX }), shift({ padding: GAP_PX })],
      }).then(({ x, y }) => {
        frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    }, { animationFrame: false });
  }

  /** Re-renders a shown slot in place (status changes), keeping its position. */
  update(slot: Slot, content: ComponentChild): void {
    if (this.isShown(slot)) render(content, this.#frames[slot]);
  }

  hide(slot: Slot): void {
    const frame = this.#frames[slot];
    if (frame.hidden) return;
    this.#stops[slot]?.();
    delete this.#stops[slot];
    render(null, frame);
    frame.hidden = true;
    if (Object.values(this.#frames).every((f) => f.hidden)) {
      if (typeof this.#host.hidePopover === 'function' && this.#host.matches(':popover-open')) this.#host.hidePopover();
      this.#host.remove();
    }
  }

  destroy(): void {
    this.hide('toolbar');
    this.hide('editor');
    this.#host.remove();
  }
}
