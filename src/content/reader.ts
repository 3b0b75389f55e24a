/**
 * The reading experience: a dwell on a mention opens its popover; the pointer
 * may move onto the popover, which stays until the pointer leaves both or the
 * reader presses Esc (WCAG 1.4.13). From the keyboard, Alt+Shift+O focuses
 * the next mention and opens its popover; Tab and Shift+Tab then move between
 * mentions, Enter or ↓ moves into the popover, Esc closes and returns focus.
 */
import browser, { type MessageSender } from './runtime.ts';
import type { EntityRecord } from '../core/record/types.ts';
import type { HighlightRegistry } from './highlight-registry.ts';
import { anchorRect, mentionAtPoint } from './hit-test.ts';
import type { MentionStore, PageMention } from './mention-store.ts';
import { LazyPopover } from './lazy-ui.ts';
import { sourcePagePath } from '../shared/source-page-path.ts';
import { fetchRecord, openSource } from './records.ts';
import { BgCsFocusNextMention, messageType } from '../shared/messages.ts';
import { clearTrackedTimeout, setTrackedTimeout } from './activity.ts';
import { DEFAULT_HOVER_DELAY_MS } from '../core/settings.ts';
import { CLICK_RETRY_DELAYS_MS, withRetry } from '../core/retry.ts';
import { clearFailure, showFailure } from './page-notice.ts';

/** Grace after the pointer leaves mention and popover, so it can cross the gap between them. */
export const CLOSE_GRACE_MS = 300;

export function isFocusShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyO';
}

export class Reader {
  /** Its UI is injected on the first open (lazy-ui.ts). */
  readonly #popover: LazyPopover;
  #current: PageMention | undefined;
  #mode: 'hover' | 'keyboard' = 'hover';
  #dwellTimer: number | undefined;
  #closeTimer: number | undefined;
  #dwellTarget: PageMention | undefined;
  #overPopover = false;
  #returnFocus: HTMLElement | null = null;
  #frameRequested = false;
  #lastPointer = { x: 0, y: 0 };
  /** The mention the keyboard path was on when its popover closed: the next Tab or shortcut resumes there (issue 13). */
  #resumeFrom: PageMention | undefined;
  #generation = 0;

  constructor(
    private readonly store: MentionStore,
    private readonly registry: HighlightRegistry,
    private readonly signal: AbortSignal,
    /** From the user's settings (options page); DEFAULT_HOVER_DELAY_MS (core/settings) when absent. */
    private readonly options: { hoverDelayMs?: number } = {},
  ) {
    this.#popover = new LazyPopover(
      {
        onClose: () => this.close({ restoreFocus: true }),
        onOpenSource: (positionId, sourceId) => {
          this.#openSource(sourceId, positionId);
        },
        sourceHref: (positionId, sourceId) => browser.runtime.getURL(sourcePagePath(sourceId, positionId)),
        onOpenEntity: (actorId, positionId) => void this.#switchEntity(actorId, positionId),
        onPointerEnter: () => {
          this.#overPopover = true;
          this.#cancelClose();
        },
        onPointerLeave: () => {
          this.#overPopover = false;
          if (this.#mode === 'hover') this.#scheduleClose();
        },
        onKeyDown: (e, atRoot) => this.#popoverKey(e, atRoot),
      },
      signal,
    );
    const opts = { signal, passive: true } as const;
    // A page can dispatch pointer events too: only the reader's own pointer opens or closes a popover.
    window.addEventListener('pointermove', (e) => e.isTrusted && this.#onPointerMove(e), opts);
    document.addEventListener('pointerleave', (e) => e.isTrusted && this.#onPointerOut(), opts);
    window.addEventListener('keydown', (e) => this.#onKeyDown(e), { signal, capture: true });
    browser.runtime.onMessage.addListener(this.#onMessage);
    signal.addEventListener('abort', () => {
      browser.runtime.onMessage.removeListener(this.#onMessage);
      this.#cancelDwell();
      this.#cancelClose();
    }, { once: true });
  }

  get current(): PageMention | undefined {
    return this.#current;
  }

  get isOpen(): boolean {
    return this.#popover.isOpen;
  }

  /** The toolbar command arrives from the background; only the extension itself may send it. */
  readonly #onMessage = (message: unknown, sender: MessageSender): undefined => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === messageType(BgCsFocusNextMention)) {
      void this.focusNext(1);
    }
    return undefined;
  };

  #onPointerMove(e: PointerEvent): void {
    this.#lastPointer = { x: e.clientX, y: e.clientY };
    if (this.#frameRequested) return;
    this.#frameRequested = true;
    requestAnimationFrame(() => {
      this.#frameRequested = false;
      if (!this.signal.aborted) this.#hoverAt(this.#lastPointer.x, this.#lastPointer.y);
    });
  }

  #hoverAt(x: number, y: number): void {
    if (this.#overPopover) return;
    const m = mentionAtPoint(this.store, x, y);
    if (m && m === this.#current && this.#popover.isOpen) {
      this.#cancelClose();
      return;
    }
    if (m) {
      if (m !== this.#dwellTarget) {
        this.#cancelDwell();
        this.#dwellTarget = m;
        this.#dwellTimer = setTrackedTimeout(() => {
          this.#dwellTimer = undefined;
          this.#dwellTarget = undefined;
          if (m.range.startContainer.isConnected) void this.open(m, { focus: false, mode: 'hover' });
        }, this.options.hoverDelayMs ?? DEFAULT_HOVER_DELAY_MS);
      }
      return;
    }
    this.#cancelDwell();
    if (this.#popover.isOpen && this.#mode === 'hover') this.#scheduleClose();
  }

  #onPointerOut(): void {
    this.#cancelDwell();
    if (this.#popover.isOpen && this.#mode === 'hover' && !this.#overPopover) this.#scheduleClose();
  }

  #onKeyDown(e: KeyboardEvent): void {
    // A page script can dispatch keydown events too: only the reader's own keys count.
    if (!e.isTrusted) return;
    if (isFocusShortcut(e)) {
      e.preventDefault();
      e.stopPropagation();
      void this.focusNext(1);
      return;
    }
    if (e.key === 'Escape' && this.#popover.isOpen && !this.#popover.hasFocus()) {
      // A hover popover is dismissed with Esc without moving the pointer (WCAG 1.4.13).
      e.stopPropagation();
      this.close({ restoreFocus: false });
    }
  }

  #popoverKey(e: KeyboardEvent, atRoot: boolean): void {
    if (e.key === 'Tab' && atRoot && this.#mode === 'keyboard') {
      e.preventDefault();
      e.stopPropagation();
      void this.focusNext(e.shiftKey ? -1 : 1);
    } else if ((e.key === 'Enter' || e.key === 'ArrowDown') && atRoot) {
      e.preventDefault();
      this.#popover.focusFirstControl();
    }
  }

  /** Moves to the next (1) or previous (-1) mention in document order and opens it with focus. */
  async focusNext(direction: 1 | -1, only?: (m: PageMention) => boolean): Promise<void> {
    const all = only ? this.store.ordered().filter(only) : this.store.ordered();
    if (all.length === 0) return;
    let index: number;
    const from = this.#current ?? this.#resumeFrom;
    const at = from ? all.indexOf(from) : -1;
    if (at >= 0) {
      index = (at + direction + all.length) % all.length;
    } else {
      // Start from the first mention at or below the top of the viewport.
      const first = all.findIndex((m) => anchorRect(m).bottom >= 0);
      index = first >= 0 ? first : 0;
      if (direction === -1) index = (index - 1 + all.length) % all.length;
    }
    const m = all[index];
    if (!m) return;
    if (this.#mode !== 'keyboard' || !this.#popover.isOpen) {
      const active = document.activeElement;
      this.#returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
    }
    m.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    await this.open(m, { focus: true, mode: 'keyboard', position: { index: index + 1, total: all.length } });
  }

  /** Opens the source passage: one quick second try, then the reader is told (a notice with "Try again"), not just the console. */
  #openSource(sourceId: string, positionId: string | undefined): void {
    withRetry(() => openSource(sourceId, positionId), { signal: this.signal, delaysMs: CLICK_RETRY_DELAYS_MS }).then(
      () => clearFailure('source'),
      (err: unknown) => {
        if (this.signal.aborted) return;
        console.error('OnRecord: could not open the source', err);
        showFailure('source', () => this.#openSource(sourceId, positionId), this.signal);
      },
    );
  }

  /** Moves to the next mention of one entity (the toolbar popup's list) and opens it with focus. */
  focusNextOf(entityId: string): Promise<void> {
    return this.focusNext(1, (m) => m.entityId === entityId);
  }

  async open(
    m: PageMention,
    opts: { focus: boolean; mode: 'hover' | 'keyboard'; position?: { index: number; total: number } },
  ): Promise<void> {
    const generation = ++this.#generation;
    this.#cancelDwell();
    this.#cancelClose();
    let record: EntityRecord;
    try {
      // The popover's UI loads (once) while the record is asked for.
      [record] = await Promise.all([fetchRecord(m.entityId), this.#popover.ready()]);
    } catch (err) {
      console.error('OnRecord: could not load the record for this mention', err);
      if (generation !== this.#generation || this.signal.aborted) return;
      // Shown, not swallowed: the reader hovered a name and learns why nothing is there.
      this.#current = m;
      this.#mode = opts.mode;
      this.#popover.showError(err instanceof Error ? err.message : String(err), () => anchorRect(m), { focus: opts.focus });
      return;
    }
    if (generation !== this.#generation || this.signal.aborted) return;
    this.#current = m;
    this.#mode = opts.mode;
    this.registry.setCurrent(m.range);
    this.#popover.show(record, () => anchorRect(m), {
      focus: opts.focus,
      ...(opts.position ? { announce: `${record.entity.label}, mention ${opts.position.index} of ${opts.position.total}` } : {}),
    });
  }

  close(opts: { restoreFocus: boolean }): void {
    ++this.#generation;
    this.#cancelClose();
    this.#cancelDwell();
    const wasKeyboard = this.#mode === 'keyboard';
    if (wasKeyboard && this.#current) this.#resumeFrom = this.#current;
    this.#popover.hide();
    this.registry.setCurrent(null);
    this.#current = undefined;
    this.#overPopover = false;
    this.#mode = 'hover';
    if (opts.restoreFocus && wasKeyboard) {
      this.#returnFocus?.focus({ preventScroll: true });
      this.#returnFocus = null;
    }
  }

  /** Drops the open popover when its mention left the page. */
  revalidate(): void {
    if (this.#current && !this.#current.range.startContainer.isConnected) this.close({ restoreFocus: false });
  }

  #scheduleClose(): void {
    if (this.#closeTimer !== undefined) return;
    this.#closeTimer = setTrackedTimeout(() => {
      this.#closeTimer = undefined;
      if (!this.#overPopover && this.#mode === 'hover') this.close({ restoreFocus: false });
    }, CLOSE_GRACE_MS);
  }

  #cancelClose(): void {
    clearTrackedTimeout(this.#closeTimer);
    this.#closeTimer = undefined;
  }

  #cancelDwell(): void {
    clearTrackedTimeout(this.#dwellTimer);
    this.#dwellTimer = undefined;
    this.#dwellTarget = undefined;
  }

  async #switchEntity(actorId: string, positionId?: string): Promise<void> {
    const m = this.#current;
    if (!m) return;
    const generation = ++this.#generation;
    let record: EntityRecord;
    try {
      record = await fetchRecord(actorId);
    } catch (err) {
      console.error('OnRecord: could not load the linked record', err);
      // Said in the popover, not swallowed: the reader followed a link and learns why nothing opened.
      if (generation === this.#generation && !this.signal.aborted) {
        this.#popover.showError(err instanceof Error ? err.message : String(err), () => anchorRect(m), { focus: true });
      }
      return;
    }
    if (generation !== this.#generation || this.signal.aborted) return;
    this.#popover.show(record, () => anchorRect(m), { focus: true, ...(positionId ? { focusPositionId: positionId } : {}) });
  }
}
