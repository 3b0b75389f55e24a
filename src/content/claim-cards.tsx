/**
 * A checked claim's card (issue 11): a dwell on a claim mark, a click on it,
 * or Alt+Shift+C with nothing selected (which walks the page's checked
 * claims) opens the card with the verdict, note and evidence. WCAG 1.4.13 as
 * the mention popover: the pointer may move onto the card, which stays until
 * the pointer leaves both or the reader presses Esc; from the keyboard the
 * card takes focus and Esc gives it back. The verdict and note are asked for
 * when a card opens and live only in the closed shadow root, as text.
 */
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import * as v from 'valibot';
import { CheckCardReply } from '../core/claims/position-summary.ts';
import { DEFAULT_HOVER_DELAY_MS } from '../core/settings.ts';
import { CLAIM_CARD_CSS, ClaimCardView, type ClaimCardState } from '../ui/claim-card.tsx';
import { interfaceLocale } from '../ui/dates.ts';
import selectionCss from '../ui/selection-ui.css?inline';
import { clearTrackedTimeout, setTrackedTimeout } from './activity.ts';
import { askBackground } from './ask-background.ts';
import { CLOSE_GRACE_MS } from './reader.ts';
import { liveRange } from './saved-layer.ts';
import { counterPageZoom, createShadowHost, guardClicks } from './shadow-host.ts';

/** Space between the mark and the card, and from the viewport's edge. */
const GAP_PX = 8;
/** Slack around a mark's boxes, in CSS pixels. */
const EDGE_SLACK_PX = 1;

export interface PlacedClaim {
  readonly id: string;
  readonly range: StaticRange;
}

type Mode = 'hover' | 'click' | 'keyboard';

async function fetchCard(id: string): Promise<ClaimCardState> {
  // askBackground reads the reply by its schema (shared/messages.ts: CheckCardReply).
  const reply = await askBackground<v.InferOutput<typeof CheckCardReply>>({ type: 'cs-bg-get-check-detail', id });
  return reply.check ? { status: 'ready', check: reply.check } : { status: 'gone' };
}

function rectsOf(p: PlacedClaim): DOMRect[] {
  return p.range.startContainer.isConnected ? [...liveRange(p.range).getClientRects()] : [];
}

export class ClaimCards {
  readonly #host: HTMLElement;
  readonly #shadow: ShadowRoot;
  readonly #frame: HTMLDivElement;
  #stopPlacing: (() => void) | undefined;
  #open: { claim: PlacedClaim; mode: Mode; anchor: DOMRect } | null = null;
  #generation = 0;
  #dwell: { claim: PlacedClaim; timer: number } | null = null;
  #closeTimer: number | undefined;
  #overCard = false;
  #returnFocus: HTMLElement | null = null;
  #frameRequested = false;
  #pointer = { x: 0, y: 0 };
  /** The last claim the keyboard walk opened: the next Alt+Shift+C goes on from there. */
  #walkedFrom: string | null = null;

  constructor(
    private readonly claims: () => readonly PlacedClaim[],
    private readonly signal: AbortSignal,
    private readonly options: { hoverDelayMs?: number; overMention?: (x: number, y: number) => boolean } = {},
  ) {
    ({ host: this.#host, shadow: this.#shadow } = createShadowHost('onrecord-claim-card', `${selectionCss}\n${CLAIM_CARD_CSS}`));
    guardClicks(this.#host, this.#shadow, () => undefined, signal);
    const root = document.createElement('div');
    root.className = 'or-sel';
    this.#frame = document.createElement('div');
    this.#frame.className = 'or-frame';
    root.append(this.#frame);
    this.#shadow.append(root);
    const opts = { signal, passive: true } as const;
    this.#frame.addEventListener('pointerenter', () => {
      this.#overCard = true;
      this.#cancelClose();
    }, opts);
    this.#frame.addEventListener('pointerleave', (e) => {
      if (!e.isTrusted) return;
      this.#overCard = false;
      if (this.#open?.mode === 'hover') this.#scheduleClose();
    }, opts);
    // Only the reader's pointer opens or closes a card: a page's synthetic pointer events could otherwise probe
    // for checked claims (a card appears where one is).
    window.addEventListener('pointermove', (e) => e.isTrusted && this.#onPointerMove(e), opts);
    document.addEventListener('pointerleave', (e) => {
      if (!e.isTrusted) return;
      this.#cancelDwell();
      if (this.#open?.mode === 'hover' && !this.#overCard) this.#scheduleClose();
    }, opts);
    document.addEventListener('click', (e) => this.#onClick(e), opts);
    window.addEventListener('keydown', (e) => {
      if (!e.isTrusted || e.key !== 'Escape' || !this.#open) return;
      // Dismissed without moving the pointer (WCAG 1.4.13), from the page or from inside the card.
      e.stopPropagation();
      this.close(true);
    }, { signal, capture: true });
    signal.addEventListener('abort', () => {
      this.#cancelDwell();
      this.#cancelClose();
      this.close(false);
      this.#host.remove();
    }, { once: true });
  }

  get isOpen(): boolean {
    return this.#open !== null;
  }

  /** The claim drawn under the point. */
  at(x: number, y: number): PlacedClaim | undefined {
    for (const c of this.claims()) {
      for (const b of rectsOf(c)) {
        if (x >= b.left - EDGE_SLACK_PX && x <= b.right + EDGE_SLACK_PX && y >= b.top - EDGE_SLACK_PX && y <= b.bottom + EDGE_SLACK_PX) return c;
      }
    }
    return undefined;
  }

  /** Keyboard: opens the next checked claim after the last one opened (or the first in view), with focus. False when the page has none. */
  openNext(): boolean {
    const all = [...this.claims()].filter((c) => c.range.startContainer.isConnected);
    if (all.length === 0) return false;
    const from = this.#open?.claim.id ?? this.#walkedFrom;
    const at = from ? all.findIndex((c) => c.id === from) : -1;
    let index = at >= 0 ? (at + 1) % all.length : all.findIndex((c) => (rectsOf(c)[0]?.bottom ?? -1) >= 0);
    if (index < 0) index = 0;
    const claim = all[index]!;
    claim.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    if (!this.#open || this.#open.mode !== 'keyboard') {
      const active = document.activeElement;
      this.#returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
    }
    this.#walkedFrom = claim.id;
    void this.#show(claim, 'keyboard', undefined, { index: index + 1, total: all.length });
    return true;
  }

  /** Drops the card when its claim left the page. */
  revalidate(): void {
    if (this.#open && !this.claims().some((c) => c.id === this.#open?.claim.id && c.range.startContainer.isConnected)) this.close(false);
  }

  close(restoreFocus: boolean): void {
    ++this.#generation;
    this.#cancelClose();
    const wasKeyboard = this.#open?.mode === 'keyboard';
    this.#open = null;
    this.#overCard = false;
    this.#stopPlacing?.();
    this.#stopPlacing = undefined;
    render(null, this.#frame);
    if (typeof this.#host.hidePopover === 'function' && this.#host.matches(':popover-open')) this.#host.hidePopover();
    this.#host.remove();
    if (restoreFocus && wasKeyboard && this.#returnFocus?.isConnected) this.#returnFocus.focus({ preventScroll: true });
    this.#returnFocus = null;
  }

  #onPointerMove(e: PointerEvent): void {
    this.#pointer = { x: e.clientX, y: e.clientY };
    if (this.#frameRequested) return;
    this.#frameRequested = true;
    requestAnimationFrame(() => {
      this.#frameRequested = false;
      if (!this.signal.aborted) this.#hoverAt(this.#pointer.x, this.#pointer.y);
    });
  }

  #hoverAt(x: number, y: number): void {
    if (this.#overCard) return;
    // A name inside the claim is the mention popover's: the card waits for a spot of the claim without one.
    const claim = this.options.overMention?.(x, y) ? undefined : this.at(x, y);
    if (claim && this.#open?.claim.id === claim.id) {
      this.#cancelClose();
      return;
    }
    if (claim) {
      if (this.#dwell?.claim.id !== claim.id) {
        this.#cancelDwell();
        const timer = setTrackedTimeout(() => {
          this.#dwell = null;
          if (claim.range.startContainer.isConnected) void this.#show(claim, 'hover', { x, y });
        }, this.options.hoverDelayMs ?? DEFAULT_HOVER_DELAY_MS);
        this.#dwell = { claim, timer };
      }
      return;
    }
    this.#cancelDwell();
    if (this.#open?.mode === 'hover') this.#scheduleClose();
  }

  #onClick(e: MouseEvent): void {
    if (!e.isTrusted || e.target === this.#host) return;
    if (!document.getSelection()?.isCollapsed) return;
    const claim = this.at(e.clientX, e.clientY);
    if (claim && !this.options.overMention?.(e.clientX, e.clientY)) {
      // A click keeps the card open until Esc, Close or a click elsewhere.
      if (this.#open?.claim.id === claim.id) this.#open.mode = 'click';
      else void this.#show(claim, 'click', { x: e.clientX, y: e.clientY });
    } else if (this.#open) {
      this.close(false);
    }
  }

  /** The box of the claim nearest the point (the line the pointer is on), else its first line. */
  #anchorBox(claim: PlacedClaim, point?: { x: number; y: number }): DOMRect {
    const boxes = rectsOf(claim);
    if (point) {
      const under = boxes.find((b) => point.y >= b.top - EDGE_SLACK_PX && point.y <= b.bottom + EDGE_SLACK_PX);
      if (under) return under;
    }
    return boxes[0] ?? new DOMRect();
  }

  async #show(claim: PlacedClaim, mode: Mode, point?: { x: number; y: number }, position?: { index: number; total: number }): Promise<void> {
    const generation = ++this.#generation;
    this.#cancelDwell();
    this.#cancelClose();
    this.#open = { claim, mode, anchor: this.#anchorBox(claim, point) };
    this.#mount({ status: 'loading' }, position, mode === 'keyboard');
    let state: ClaimCardState;
    try {
      state = await fetchCard(claim.id);
    } catch (err) {
      state = { status: 'error', error: err instanceof Error ? err.message : String(err) };
    }
    if (generation !== this.#generation || this.signal.aborted || this.#open?.claim.id !== claim.id) return;
    this.#mount(state, position, mode === 'keyboard');
  }

  #mount(state: ClaimCardState, position: { index: number; total: number } | undefined, focus: boolean): void {
    const open = this.#open;
    if (!open) return;
    if (!this.#host.isConnected) document.documentElement.append(this.#host);
    counterPageZoom(this.#host);
    if (typeof this.#host.showPopover === 'function' && !this.#host.matches(':popover-open')) {
      this.#host.popover = 'manual';
      this.#host.showPopover();
    }
    render(
      <ClaimCardView
        state={state}
        locale={interfaceLocale()}
        {...(position ? { position } : {})}
        onClose={() => this.close(true)}
      />,
      this.#frame,
    );
    if (!this.#stopPlacing) {
      const reference = {
        getBoundingClientRect: () => {
          const now = this.#open;
          if (!now) return new DOMRect();
          // Follow the claim as the page scrolls or reflows: the same line if it is still there.
          const boxes = rectsOf(now.claim);
          return boxes.find((b) => Math.abs(b.left - now.anchor.left) < 2 && Math.abs(b.width - now.anchor.width) < 2) ?? boxes[0] ?? now.anchor;
        },
      };
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

  #scheduleClose(): void {
    if (this.#closeTimer !== undefined) return;
    this.#closeTimer = setTrackedTimeout(() => {
      this.#closeTimer = undefined;
      if (!this.#overCard && this.#open?.mode === 'hover') this.close(false);
    }, CLOSE_GRACE_MS);
  }

  #cancelClose(): void {
    clearTrackedTimeout(this.#closeTimer);
    this.#closeTimer = undefined;
  }

  #cancelDwell(): void {
    if (this.#dwell) clearTrackedTimeout(this.#dwell.timer);
    this.#dwell = null;
  }
}
