/** checkVisibility's options, made once (this runs for every element holding a mention). */
const VISIBILITY_PROPERTY = { visibilityProperty: true } as const;

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
  if (parent.checkVisibility(VISIBILITY_PROPERTY)) return readsAsWritten(parent);
  // An element laid out as its children only (display: contents) has no box, so checkVisibility says no. Its text
  // is rendered when the nearest ancestor that has a box is, unless visibility hides it.
  const view = parent.ownerDocument.defaultView;
  if (typeof view?.getComputedStyle !== 'function') return false;
  const style = (element: Element) => view.getComputedStyle(element);
  let box: Element | null = parent;
  while (box !== null && style(box).display === 'contents') box = box.parentElement;
  if (box === parent || box === null) return false;
  return box.checkVisibility(VISIBILITY_PROPERTY) && style(parent).visibility === 'visible' && readsAsWritten(parent);
}

/** Alpha of a computed colour ("rgba(0, 0, 0, 0)", "rgb(0 0 0 / 0)", "transparent"); 1 when it has none or cannot tell. */
export function colorAlpha(color: string): number {
  if (color === 'transparent') return 0;
  // The usual computed colour, "rgb(r, g, b)": opaque, read without a regexp (once per element holding a mention).
  if (color.startsWith('rgb(') && !color.includes('/')) {
    const second = color.indexOf(',', color.indexOf(',') + 1);
    if (second > 0 && color.indexOf(',', second + 1) < 0) return 1;
  }
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
  if (Number.parseFloat(s.fontSize) === 0) return false;
  // Each property read serialises a computed value: the clip is read only for text drawn transparent (rare), and the
  // direction only for an override (bench:page, session 8: this check was about a tenth of the extension's script).
  const prop = (name: string): string => (typeof s.getPropertyValue === 'function' ? s.getPropertyValue(name) : '');
  const fill = prop('-webkit-text-fill-color') || s.color || '';
  if (colorAlpha(fill) === 0 && prop('background-clip') !== 'text' && prop('-webkit-background-clip') !== 'text') return false;
  const bidi = s.unicodeBidi;
  return !((bidi === 'bidi-override' || bidi === 'isolate-override') && s.direction === 'rtl');
}
