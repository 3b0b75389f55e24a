/**
 * A checked claim's card (issue 11): a dwell on a claim mark, a click on it,
 * or Alt+Shift+C with nothing selected (which walks the page's checked
 * claims) opens the card with the verdict, note and evidence. WCAG 1.4.13 as
 * the mention popover: the pointer may move onto the card, which stays until
 * the pointer leaves both or the reader presses Esc; from the keyboard the
 * card takes focus and Esc gives it back. The verdict and note are asked for
 * when a card opens and live only in the closed shadow root, as text. The card's view and its placement (preact,
 * floating-ui: claim-card-host.tsx) are in the popover's script, evaluated when the first card opens (ADR 015).
 */
import type * as v from 'valibot';
import type { CheckCardReply } from '../core/claims/position-summary.ts';
import { DEFAULT_HOVER_DELAY_MS } from '../core/settings.ts';
import type { ClaimCardState } from '../ui/claim-card.tsx';
import { clearTrackedTimeout, setTrackedTimeout } from './activity.ts';
import { askBackground } from './ask-background.ts';
import type { ClaimCardHost } from './claim-card-host.tsx';
import { LazyHost } from './lazy-ui.ts';
import { CLOSE_GRACE_MS } from './reader.ts';
import { liveRange } from './saved-layer.ts';

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
  /** The card's host in the page, from the popover's script: made when the first card opens. */
  readonly #lazyUi: LazyHost<ClaimCardHost>;
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
    this.#lazyUi = new LazyHost((ui) => new ui.ClaimCardHost(signal, {
      enter: () => {
        this.#overCard = true;
        this.#cancelClose();
      },
      leave: () => {
        this.#overCard = false;
        if (this.#open?.mode === 'hover') this.#scheduleClose();
      },
    }), signal);
    const opts = { signal, passive: true } as const;
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
      this.#ui?.destroy();
    }, { once: true });
  }

  get #ui(): ClaimCardHost | undefined {
    return this.#lazyUi.current;
  }

  /** The card's host, loading the popover's script the first time. */
  #host(): Promise<ClaimCardHost | undefined> {
    return this.#lazyUi.load();
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
    this.#ui?.unmount();
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
    if (!e.isTrusted || this.#ui?.owns(e.target)) return;
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
    const card = fetchCard(claim.id).catch((err: unknown): ClaimCardState => ({ status: 'error', error: err instanceof Error ? err.message : String(err) }));
    const stale = () => generation !== this.#generation || this.signal.aborted || this.#open?.claim.id !== claim.id;
    let ui: ClaimCardHost | undefined;
    try {
      ui = await this.#host();
    } catch (err) {
      console.error('OnRecord: could not load the claim card', err);
    }
    if (!ui || stale()) return;
    this.#mount(ui, { status: 'loading' }, position, mode === 'keyboard');
    const state = await card;
    if (stale()) return;
    this.#mount(ui, state, position, mode === 'keyboard');
  }

  #mount(ui: ClaimCardHost, state: ClaimCardState, position: { index: number; total: number } | undefined, focus: boolean): void {
    if (!this.#open) return;
    ui.mount(state, position, () => this.close(true), {
      getBoundingClientRect: () => {
        const now = this.#open;
        if (!now) return new DOMRect();
        // Follow the claim as the page scrolls or reflows: the same line if it is still there.
        const boxes = rectsOf(now.claim);
        return boxes.find((b) => Math.abs(b.left - now.anchor.left) < 2 && Math.abs(b.width - now.anchor.width) < 2) ?? boxes[0] ?? now.anchor;
      },
    }, focus);
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
