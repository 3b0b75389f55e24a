/**
 * Whether a text node is rendered, asked of the browser only for the few
 * nodes that hold mentions. This is the cheap alternative to computeStyle:
 * on a 5 MB page, reading computed styles during extraction doubled its time
 * (about 100 ms more for 60,000 elements), while checking the parents of a
 * few dozen mentions costs microseconds. Without a layout engine (linkedom)
 * every attached node counts as rendered.
 */
export function isTextRendered(node: Text): boolean {
  const parent = node.parentElement;
  if (parent === null) return false;
  if (typeof parent.checkVisibility !== 'function') return true;
  if (parent.checkVisibility({ visibilityProperty: true })) return readsAsWritten(parent);
  // An element laid out as its children only (display: contents) has no box, so checkVisibility says no. Its text
  // is rendered when the nearest ancestor that has a box is, unless visibility hides it.
  const view = parent.ownerDocument.defaultView;
  if (typeof view?.getComputedStyle !== 'function') return false;
  const style = (element: Element) => view.getComputedStyle(element);
  let box: Element | null = parent;
  while (box !== null && style(box).display === 'contents') box = box.parentElement;
  if (box === parent || box === null) return false;
  return box.checkVisibility({ visibilityProperty: true }) && style(parent).visibility === 'visible' && readsAsWritten(parent);
}

/** Alpha of a computed colour ("rgba(0, 0, 0, 0)", "rgb(0 0 0 / 0)", "transparent"); 1 when it has none or cannot tell. */
export function colorAlpha(color: string): number {
  if (color === 'transparent') return 0;
  const m = /^rgba?\(([^)]*)\)$/.exec(color.trim());
  if (!m) return 1;
  const body = m[1]!;
  const slash = body.split('/');
  const last = slash.length === 2 ? slash[1]!.trim() : (() => {
    const parts = body.split(',').map((p) => p.trim());
    return parts.length === 4 ? parts[3]! : undefined;
  })();
  if (last === undefined) return 1;
  const value = last.endsWith('%') ? Number.parseFloat(last) / 100 : Number.parseFloat(last);
  return Number.isFinite(value) ? value : 1;
}

/**
 * Whether the reader sees the text as it is written: not drawn in a fully
 * transparent colour (a page can hide a name and show another with a
 * `::after` overlay), and not reversed by a bidi override (`<bdo dir=rtl>`
 * shows "vokseP" for "Peskov"). Such text is not underlined: a popover for a
 * name the reader does not see would mislead. Text clipped to a background
 * (gradient headlines) still counts as seen.
 */
export function readsAsWritten(parent: Element): boolean {
  const view = parent.ownerDocument.defaultView;
  if (typeof view?.getComputedStyle !== 'function') return true;
  const s = view.getComputedStyle(parent);
  const prop = (name: string): string => (typeof s.getPropertyValue === 'function' ? s.getPropertyValue(name) : '');
  const fill = prop('-webkit-text-fill-color') || s.color || '';
  const clipped = prop('background-clip') === 'text' || prop('-webkit-background-clip') === 'text';
  if (!clipped && colorAlpha(fill) === 0) return false;
  if (Number.parseFloat(s.fontSize) === 0) return false;
  const override = s.unicodeBidi === 'bidi-override' || s.unicodeBidi === 'isolate-override';
  if (override && s.direction === 'rtl') return false;
  return true;
}
