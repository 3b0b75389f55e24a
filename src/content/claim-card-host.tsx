/**
 * Where a checked claim's card (claim-cards.tsx) is drawn: a CLOSED shadow root in the top layer, the card's view
 * (preact) placed beside the claim (floating-ui). Part of the popover's script (ui-bundle.ts), evaluated when the
 * first card opens (ADR 015); the page's scripts see an empty `<div data-onrecord-ui="onrecord-claim-card">`.
 */
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import { t } from '../core/i18n.ts';
import { CLAIM_CARD_CSS, ClaimCardView, type ClaimCardState } from '../ui/claim-card.tsx';
import { interfaceLocale } from '../ui/dates.ts';
import selectionCss from '../ui/selection-ui.css?inline';
import { createShadowHost, guardClicks, hideFromTopLayer, liveRegion, showInTopLayer } from './shadow-host.ts';
import { UI_HOST } from '../page-text/element-rules.ts';

/** Space between the mark and the card, and from the viewport's edge. */
const GAP_PX = 8;

export class ClaimCardHost {
  readonly #host: HTMLElement;
  readonly #frame: HTMLDivElement;
  #stopPlacing: (() => void) | undefined;

  /** `pointer`: the pointer entered or left the card (it stays open while the pointer is on it, WCAG 1.4.13). */
  constructor(signal: AbortSignal, pointer: { enter(): void; leave(): void }) {
    const { host, shadow } = createShadowHost(UI_HOST.claimCard, `${selectionCss}\n${CLAIM_CARD_CSS}`);
    this.#host = host;
    const root = document.createElement('div');
    root.className = 'or-sel';
    this.#frame = document.createElement('div');
    this.#frame.className = 'or-frame';
    const live = liveRegion();
    root.append(this.#frame);
    shadow.append(root, live);
    // A click on the card while the page hides or covers it is refused (clickjacking), and the refusal is announced.
    guardClicks(host, shadow, () => { live.textContent = t('selectionObscured'); }, signal);
    const opts = { signal, passive: true } as const;
    this.#frame.addEventListener('pointerenter', () => pointer.enter(), opts);
    this.#frame.addEventListener('pointerleave', () => pointer.leave(), opts);
  }

  /** True when `target` (an event target as the page sees it) is the card. */
  owns(target: EventTarget | null): boolean {
    return target === this.#host;
  }

  /** Shows `state` beside `reference` (placed again as the page scrolls or reflows); `focus` moves the keyboard focus into it. */
  mount(state: ClaimCardState, position: { index: number; total: number } | undefined, onClose: () => void, reference: { getBoundingClientRect(): DOMRect }, focus: boolean): void {
    showInTopLayer(this.#host);
    render(<ClaimCardView state={state} locale={interfaceLocale()} {...(position ? { position } : {})} onClose={onClose} />, this.#frame);
    if (!this.#stopPlacing) {
      this.#stopPlacing = autoUpdate(reference, this.#frame, () => {
        void computePosition(reference, this.#frame, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [offset(GAP_PX), flip({ padding: GAP_PX }), shift({ padding: GAP_PX })],
        }).then(({ x, y }) => {
          this.#frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
        });
      }, { animationFrame: false });
    }
    if (focus) this.#frame.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
  }

  /** Takes the card off the page. */
  unmount(): void {
    this.#stopPlacing?.();
    this.#stopPlacing = undefined;
    render(null, this.#frame);
    hideFromTopLayer(this.#host);
    this.#host.remove();
  }

  destroy(): void {
    this.unmount();
  }
}
