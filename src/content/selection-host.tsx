/**
 * The researchers' UI on the page — the selection toolbar — in a CLOSED
 * shadow root, in the top layer when shown (the note editor is a window of
 * its own, ADR 016). The page's scripts see an empty
 * `<div data-onrecord-ui="onrecord-selection">` element and nothing else. Part of the popover's script
 * (ui-bundle.ts), evaluated on the first selection: the session (selection-session.tsx) hands it props, not
 * preact elements, through LazySelectionHost (lazy-ui.ts).
 */
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import { SelectionToolbar, type SelectionToolbarProps } from './selection-toolbar.tsx';
import { createShadowHost, guardClicks, hideFromTopLayer, showInTopLayer } from './shadow-host.ts';
import { UI_HOST } from '../page-text/element-rules.ts';
import selectionCss from '../ui/selection-ui.css?inline';

/** Space between the selection and the toolbar, and from the viewport's edge. */
const GAP_PX = 8;

/** What the host shows; one slot since the note editor moved to its own window (ADR 016). */
export type Slot = 'toolbar';

export class SelectionHost {
  readonly #host: HTMLElement;
  readonly #shadow: ShadowRoot;
  readonly #frames: Record<Slot, HTMLDivElement>;
  readonly #stops: Partial<Record<Slot, () => void>> = {};

  constructor(signal: AbortSignal, onRefused: () => void = () => undefined) {
    ({ host: this.#host, shadow: this.#shadow } = createShadowHost(UI_HOST.selection, selectionCss));
    guardClicks(this.#host, this.#shadow, onRefused, signal);
    const root = document.createElement('div');
    root.className = 'or-sel';
    this.#frames = { toolbar: document.createElement('div') };
    for (const f of Object.values(this.#frames)) {
      f.className = 'or-frame';
      f.hidden = true;
      root.append(f);
    }
    this.#shadow.append(root);
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

  show(slot: Slot, props: SelectionToolbarProps, anchor: () => DOMRect): void {
    showInTopLayer(this.#host);
    const frame = this.#frames[slot];
    frame.hidden = false;
    render(<SelectionToolbar {...props} />, frame);
    this.#stops[slot]?.();
    const reference = { getBoundingClientRect: anchor };
    this.#stops[slot] = autoUpdate(reference, frame, () => {
      void computePosition(reference, frame, {
        strategy: 'fixed',
        placement: 'top',
        middleware: [offset(GAP_PX), flip({ padding: GAP_PX }), shift({ padding: GAP_PX })],
      }).then(({ x, y }) => {
        frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    }, { animationFrame: false });
  }

  /** Re-renders a shown slot in place (status changes), keeping its position. */
  update(slot: Slot, props: SelectionToolbarProps): void {
    if (this.isShown(slot)) render(<SelectionToolbar {...props} />, this.#frames[slot]);
  }

  hide(slot: Slot): void {
    const frame = this.#frames[slot];
    if (frame.hidden) return;
    this.#stops[slot]?.();
    delete this.#stops[slot];
    render(null, frame);
    frame.hidden = true;
    if (Object.values(this.#frames).every((f) => f.hidden)) {
      hideFromTopLayer(this.#host);
      this.#host.remove();
    }
  }

  destroy(): void {
    this.hide('toolbar');
    this.#host.remove();
  }
}
