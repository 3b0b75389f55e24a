/**
 * A windowed list: only the rows in view (plus a margin) are in the DOM, so
 * 10,000 highlights scroll as smoothly as ten. Rows have a fixed height per
 * kind, which makes every offset a prefix sum and finding the first visible
 * row a binary search. Keyboard: ↑/↓ (or k/j), Page Up/Down, Home/End move
 * between rows, which are focusable; Tab enters a row's buttons.
 */
import type { ComponentChild } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

/** Rows drawn beyond each edge of the viewport, so fast scrolling shows no gap. */
export const OVERSCAN_PX = 600;

export interface VirtualListProps<T> {
  items: readonly T[];
  heightOf(item: T): number;
  keyOf(item: T): string;
  render(item: T, index: number): ComponentChild;
  label: string;
}

export function firstAtOrAfter(offsets: ArrayLike<number>, y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((offsets[mid + 1] as number) <= y) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function VirtualList<T>({ items, heightOf, keyOf, render, label }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  const offsets = useMemo(() => {
    const o = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) o[i + 1] = (o[i] as number) + heightOf(items[i] as T);
    return o;
  }, [items, heightOf]);
  const total = offsets[items.length] as number;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || 800);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A layout effect, not a passive one: a passive effect runs after paint and could pull focus back to an
  // older row after a key pressed in between had already moved it on.
  useLayoutEffect(() => {
    if (focusIndex === null) return;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"]`)?.focus({ preventScroll: true });
  }, [focusIndex, scrollTop]);

  const first = items.length === 0 ? 0 : firstAtOrAfter(offsets, Math.max(0, scrollTop - OVERSCAN_PX));
  const bottom = scrollTop + viewport + OVERSCAN_PX;
  const shown: ComponentChild[] = [];
  for (let i = first; i < items.length && (offsets[i] as number) < bottom; i++) {
    const item = items[i] as T;
    shown.push(
      <div
        key={keyOf(item)}
        class="vl-row"
        data-index={i}
        tabIndex={-1}
        role="listitem"
        aria-posinset={i + 1}
        aria-setsize={items.length}
        style={{ top: `${offsets[i]}px`, height: `${heightOf(item)}px` }}
        onFocus={(e) => {
          if (e.target === e.currentTarget) setFocusIndex(i);
        }}
      >
        {render(item, i)}
      </div>,
    );
  }

  const moveTo = (index: number) => {
    const i = Math.max(0, Math.min(items.length - 1, index));
    const el = scroller.current;
    if (!el) return;
    const top = offsets[i] as number;
    const bottomEdge = offsets[i + 1] as number;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottomEdge > el.scrollTop + el.clientHeight) el.scrollTop = bottomEdge - el.clientHeight;
    setScrollTop(el.scrollTop);
    setFocusIndex(i);
    el.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus({ preventScroll: true });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (items.length === 0) return;
    const target = e.target as HTMLElement;
    // Keys typed into a field or on a button inside a row belong to it, except the arrows on a row itself.
    if (!target.classList.contains('vl-row') && target !== scroller.current) return;
    const at = focusIndex ?? -1;
    const page = Math.max(1, Math.floor(viewport / 120));
    const next: Record<string, number> = { ArrowDown: at + 1, j: at + 1, ArrowUp: at - 1, k: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: items.length - 1 };
    const to = next[e.key];
    if (to === undefined) return;
    e.preventDefault();
    moveTo(to);
  };

  return (
    <div
      ref={scroller}
      class="vl-scroller"
      tabIndex={0}
      role="list"
      aria-label={label}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div class="vl-spacer" style={{ height: `${total}px` }}>
        {shown}
      </div>
    </div>
  );
}
