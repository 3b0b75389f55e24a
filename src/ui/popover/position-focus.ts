import type { RefObject } from 'preact';

/** The attribute that marks a position's element, so links and timeline marks can find it. */
export const POSITION_ATTR = 'data-position-id';

/**
 * Scrolls to and focuses a rendered position inside the popover. Looks inside
 * the popover's own root: the popover lives in a closed shadow root, so
 * `document` cannot see it. Ids are kebab-case by the schema, safe inside a
 * quoted attribute selector.
 */
export function focusPosition(root: RefObject<HTMLElement | null>, positionId: string): boolean {
  const el = root.current?.querySelector<HTMLElement>(`[${POSITION_ATTR}="${positionId}"]`);
  if (!el) return false;
  el.focus({ preventScroll: true });
  el.scrollIntoView?.({ block: 'nearest' });
  return true;
}
