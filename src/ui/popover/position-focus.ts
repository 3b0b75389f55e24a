import type { RefObject } from 'preact';

/** The attribute that marks a position's element, so links and timeline marks can find it. */
export const POSITION_ATTR = 'data-position-id';
/** Set on the position last jumped to, so the reader sees where a link landed (styled in popover.css). */
export const TARGET_ATTR = 'data-or-target';

/**
 * Scrolls to and focuses a rendered position inside the popover. Looks inside
 * the popover's own root: the popover lives in a closed shadow root, so
 * `document` cannot see it. Ids are kebab-case by the schema, safe inside a
 * quoted attribute selector.
 */
export function focusPosition(root: RefObject<HTMLElement | null>, positionId: string): boolean {
  const el = root.current?.querySelector<HTMLElement>(`[${POSITION_ATTR}="${positionId}"]`);
  if (!el) return false;
  root.current?.querySelector(`[${TARGET_ATTR}]`)?.removeAttribute(TARGET_ATTR);
  el.setAttribute(TARGET_ATTR, '');
  el.focus({ preventScroll: true });
  el.scrollIntoView?.({ block: 'nearest' });
  return true;
}
