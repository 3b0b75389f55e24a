/**
 * A host element for the extension's UI on a page: marked as ours (never
 * annotated, its mutations ignored), styled with inline !important
 * declarations that outrank any page rule (even `* { all: unset !important }`),
 * with a CLOSED shadow root the page's scripts cannot enter, holding `css`.
 */
import resetCss from '../ui/shadow-reset.css?inline';
import { UI_ATTRIBUTE } from '../page-text/element-rules.ts';

/**
 * What the guards below know of our hosts, shared by every copy of this module in the extension's isolated world: the
 * page script and the lazily evaluated UI script (ADR 015) each bundle it, and a host made by one is checked by the
 * other (the marks host is the page script's, the popover and toolbar the UI script's). The page cannot see this
 * world's globals.
 *
 * `hosts` tells our hosts from the page's elements by identity, never by UI_ATTRIBUTE: the page can put that
 * attribute on its own bait, and a click-through cover marked as "ours" would be skipped by every check but the
 * occlusion observer, which Firefox lacks (review 11B RB7). The attribute stays for what only needs a hint (text
 * extraction skips our hosts; tests find them).
 */
interface HostState {
  hosts: WeakSet<Element>;
  /** When each host last entered the top layer: a page element opened in the top layer after it paints above it. */
  shownAt: WeakMap<Element, number>;
  /** The page's top-layer elements that were open when each host was last shown (below it). */
  openBelow: WeakMap<Element, WeakSet<Element>>;
}
const STATE_KEY = Symbol.for('onrecord.shadow-hosts');
const hostState: HostState = ((globalThis as unknown as Record<symbol, HostState | undefined>)[STATE_KEY] ??= {
  hosts: new WeakSet(),
  shownAt: new WeakMap(),
  openBelow: new WeakMap(),
});
const isOurHost = (el: Element): boolean => hostState.hosts.has(el);
const { shownAt, openBelow } = hostState;

const HOST_STYLE = [
  'all: initial', 'display: block', 'position: fixed', 'inset: 0 auto auto 0', 'width: 0', 'height: 0',
  'margin: 0', 'padding: 0', 'border: 0', 'background: transparent', 'overflow: visible',
  'z-index: 2147483647', 'pointer-events: none', 'visibility: visible', 'opacity: 1', 'contain: none',
].map((d) => `${d} !important`).join('; ');

/**
 * The host is a built-in `div`, never a custom element: a page that defines a
 * custom element under our name before we create it would own it (its
 * `attachInternals().shadowRoot` reads a closed root), or could make
 * `attachShadow` throw and stop OnRecord. A `div` can be neither defined nor
 * pre-empted by page script. `kind` names the host in its marker attribute.
 */
export function createShadowHost(kind: string, css: string): { host: HTMLElement; shadow: ShadowRoot } {
  const host = document.createElement('div');
  hostState.hosts.add(host);
  host.setAttribute(UI_ATTRIBUTE, kind);
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `${resetCss}\n${css}`;
  shadow.append(style);
  return { host, shadow };
}

/**
 * The page's zoom reaches our hosts (children of <html>): `html { zoom: .25 }
 * body { zoom: 4 }` leaves the page looking normal and would shrink our UI
 * to a quarter. The host takes the inverse, so its effective zoom is 1.
 */
export function counterPageZoom(host: HTMLElement): void {
  const html = document.documentElement as HTMLElement & { currentCSSZoom?: number };
  const zoom = html.currentCSSZoom ?? (Number.parseFloat(getComputedStyle(html).zoom) || 1);
  const inverse = zoom > 0 && Math.abs(zoom - 1) > 1e-3 ? String(1 / zoom) : '1';
  if (host.style.getPropertyValue('zoom') !== inverse) host.style.setProperty('zoom', inverse, 'important');
}

/**
 * Puts the host on `<html>` (again, if the page took it away), at zoom 1, and
 * in the top layer, above everything the page draws, its own top-layer
 * elements included. The host is a manual popover: the page's light dismiss
 * (Esc, a click elsewhere) never closes it. Browsers without the Popover API
 * keep it as a fixed element at the highest z-index.
 */
export function showInTopLayer(host: HTMLElement): void {
  if (!host.isConnected) document.documentElement.append(host);
  counterPageZoom(host);
  if (typeof host.showPopover === 'function' && !host.matches(':popover-open')) {
    host.popover = 'manual';
    host.showPopover();
    shownAt.set(host, performance.now());
    // What the page has open in the top layer now is below the host, even if its toggle event is delivered later.
    openBelow.set(host, new WeakSet(pageTopLayer()));
  }
}

/** The page's own elements in the top layer now: open popovers and modal dialogs (not ours). */
function pageTopLayer(): Element[] {
  return [...document.querySelectorAll(':popover-open, dialog:modal')].filter((el) => !isOurHost(el));
}

/** When each of the page's top-layer elements last closed. */
const pageClosedAt = new WeakMap<Element, number>();

/** When each of the page's own top-layer elements (popovers, dialogs) last opened, from their toggle events. */
const pageOpenedAt = new WeakMap<Element, number>();

/**
 * Whether one of the page's own top-layer elements, opened after `host` entered the top layer (so painted above it),
 * covers the point. Works without IntersectionObserver v2 (Firefox), and whatever the cover's pointer-events.
 */
function pageTopLayerCovers(host: HTMLElement, point: { x: number; y: number }): boolean {
  const since = shownAt.get(host);
  if (since === undefined) return false;
  const covers = (el: Element | null): boolean => {
    if (!el || el === host || isOurHost(el)) return false;
    const opened = pageOpenedAt.get(el);
    if (opened === undefined || opened < since) return false;
    // Open already when the host was shown, and not closed since: below the host (its toggle was merely late).
    if (openBelow.get(host)?.has(el) && (pageClosedAt.get(el) ?? -1) < since) return false;
    const r = el.getBoundingClientRect();
    return point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom;
  };
  for (const el of pageTopLayer()) if (covers(el)) return true;
  return covers(document.fullscreenElement);
}

/** Notes when the page opens a top-layer element of its own (popover, dialog, full screen). */
function watchPageTopLayer(signal: AbortSignal): void {
  const opened = (el: EventTarget | null): void => {
    if (el instanceof Element && !isOurHost(el)) pageOpenedAt.set(el, performance.now());
  };
  window.addEventListener('toggle', (e) => {
    const state = (e as Event & { newState?: string }).newState;
    if (state === 'open') opened(e.target);
    else if (state === 'closed' && e.target instanceof Element) pageClosedAt.set(e.target, performance.now());
  }, { capture: true, signal });
  document.addEventListener('fullscreenchange', () => opened(document.fullscreenElement), { signal });
}

/** Takes the host out of the top layer (it stays on the page, empty or hidden). */
export function hideFromTopLayer(host: HTMLElement): void {
  if (typeof host.hidePopover === 'function' && host.matches(':popover-open')) host.hidePopover();
}

/** A visually hidden polite live region, for what a host announces to screen readers. */
export function liveRegion(): HTMLDivElement {
  const live = document.createElement('div');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('style', 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap');
  return live;
}

/**
 * Whether the page has restyled or covered the host so that the reader
 * cannot see what they click: opacity, filter, visibility, clipping,
 * transforms, blending on the host or <html>, or (for a pointer click)
 * another element on top at the click point.
 */
export function hostIsObscured(host: HTMLElement, click?: { x: number; y: number }): boolean {
  if (!host.isConnected) return true;
  const own = getComputedStyle(host);
  if (Number.parseFloat(own.opacity) < 1 || own.filter !== 'none' || own.clipPath !== 'none' || own.mixBlendMode !== 'normal') return true;
  if (own.visibility !== 'visible' || own.display === 'none' || own.transform !== 'none') return true;
  // <html> may carry a filter for its own reasons (dark themes invert it): only what fades everything counts there.
  const page = getComputedStyle(document.documentElement);
  if (Number.parseFloat(page.opacity) < 1 || page.filter.includes('opacity(') || page.visibility !== 'visible') return true;
  if (click) {
    // From the page's side, anything inside our closed root is the host itself.
    const top = document.elementFromPoint(click.x, click.y);
    if (top !== host) return true;
    // elementFromPoint skips a cover with pointer-events: none; the page's later top-layer elements are checked apart.
    if (pageTopLayerCovers(host, click)) return true;
  }
  return false;
}

/**
 * Refuses every click inside the shadow root while the host is obscured
 * (clickjacking: a real, trusted click on bait under an invisible toolbar).
 * The click is stopped before any button sees it; `onRefused` tells the reader.
 */
export function guardClicks(host: HTMLElement, shadow: ShadowRoot, onRefused: () => void, signal: AbortSignal): void {
  const painted = watchPaintedOver(shadow, signal);
  watchPageTopLayer(signal);
  shadow.addEventListener(
    'click',
    (event) => {
      const e = event as MouseEvent;
      const pointer = e.detail > 0 ? { x: e.clientX, y: e.clientY } : undefined;
      if (!e.isTrusted || hostIsObscured(host, pointer) || (painted(e.composedPath()[0]) && !laterHostOfOursOpen(host))) {
        e.stopPropagation();
        e.preventDefault();
        if (e.isTrusted) onRefused();
      }
    },
    { capture: true, signal },
  );
}

/**
 * Whether another of our hosts entered the top layer after `host` and is still there. It paints over `host` (its
 * frame, or only its transparent ::backdrop), which the browser's occlusion check cannot tell from a page's cover:
 * its verdict is then left aside, and the other checks stand.
 */
function laterHostOfOursOpen(host: HTMLElement): boolean {
  const since = shownAt.get(host) ?? Number.POSITIVE_INFINITY;
  for (const el of document.querySelectorAll(`[${UI_ATTRIBUTE}]`)) {
    if (el !== host && isOurHost(el) && el.matches(':popover-open') && (shownAt.get(el) ?? Number.NEGATIVE_INFINITY) > since) return true;
  }
  return false;
}

/** The boxes of our UI inside a host's shadow root: every host draws into `.or-frame` elements. */
const FRAME_SELECTOR = '.or-frame';
/**
 * How often (ms) the browser may re-compute whether a frame is painted over: the smallest delay the
 * IntersectionObserver allows with `trackVisibility`. A cover that arrives after our UI is shown is known at most
 * this long later, quicker than anyone can read the bait and click.
 */
const OCCLUSION_DELAY_MS = 100;

/**
 * Whether the page paints something over one of our frames. `elementFromPoint` cannot tell: it skips elements with
 * `pointer-events: none`, so a page can open its own top-layer element above ours, opaque and click-through, and the
 * reader's click on its bait lands on our button. IntersectionObserver v2 (`trackVisibility`, Chromium) computes the
 * occlusion with pointer-events ignored, as clickjacking protection needs. Where it is not supported (Firefox), the
 * answer is always false and the other checks stand alone. Returns a test for a click target: true when the frame
 * holding it was last seen painted over.
 */
export function watchPaintedOver(shadow: ShadowRoot, signal: AbortSignal): (target: EventTarget | undefined) => boolean {
  const visible = new WeakMap<Element, boolean>();
  let io: IntersectionObserver;
  try {
    io = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const seen = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible;
          // A frame out of the viewport or hidden is neither: only a frame on screen can be painted over.
          if (typeof seen === 'boolean') visible.set(entry.target, seen || !entry.isIntersecting);
        }
      },
      { trackVisibility: true, delay: OCCLUSION_DELAY_MS } as IntersectionObserverInit,
    );
  } catch {
    return () => false;
  }
  signal.addEventListener('abort', () => io.disconnect(), { once: true });
  // The hosts add their frames right after installing the guard, and keep them for their lifetime.
  queueMicrotask(() => {
    if (!signal.aborted) for (const frame of shadow.querySelectorAll(FRAME_SELECTOR)) io.observe(frame);
  });
  return (target) => {
    const frame = target instanceof Element ? target.closest(FRAME_SELECTOR) : null;
    return frame !== null && visible.get(frame) === false;
  };
}
