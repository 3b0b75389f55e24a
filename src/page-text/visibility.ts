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
  if (parent.checkVisibility({ visibilityProperty: true })) return true;
  // An element laid out as its children only (display: contents) has no box, so checkVisibility says no. Its text
  // is rendered when the nearest ancestor that has a box is, unless visibility hides it.
  const view = parent.ownerDocument.defaultView;
  if (typeof view?.getComputedStyle !== 'function') return false;
  const style = (element: Element) => view.getComputedStyle(element);
  let box: Element | null = parent;
  while (box !== null && style(box).display === 'contents') box = box.parentElement;
  if (box === parent || box === null) return false;
  return box.checkVisibility({ visibilityProperty: true }) && style(parent).visibility === 'visible';
}
