/**
 * Which elements carry readable prose, and which ones end a line of it.
 * Decisions (see README.md in this folder for the reasons):
 * - Form controls and buttons are UI, not prose: skipped.
 * - Embedded content (iframe, object, media, canvas, svg, math) is skipped:
 *   its children are fallback or graphics, and wrapping SVG text breaks it.
 * - ruby annotations (rt, rp) are skipped so the base text stays contiguous.
 * - `aria-hidden` subtrees are kept unless asked: they are still on screen.
 * - `hidden="until-found"` and closed `<details>` are kept: the browser's
 *   find-in-page reveals them, so a reader can reach that text too.
 */

/** Marks every element of the extension's own page UI; its subtree is never read. */
export const UI_ATTRIBUTE = 'data-onrecord-ui';

/** Whether `element` is one of the extension's own UI hosts (the one definition: its subtree is never read). */
export function isOurUi(element: Element): boolean {
  return element.hasAttribute(UI_ATTRIBUTE);
}

/** Whether `element` is one of the extension's own UI hosts or inside one. */
export function withinOurUi(element: Element): boolean {
  return element.closest(`[${UI_ATTRIBUTE}]`) !== null;
}

/** The value of `UI_ATTRIBUTE` on each of the extension's hosts (tests find the hosts by it). */
export const UI_HOST = {
  popover: 'onrecord-popover',
  selection: 'onrecord-selection',
  claimCard: 'onrecord-claim-card',
  marks: 'onrecord-marks',
  notice: 'onrecord-notice',
} as const;

/** Separator kinds, ordered: a stronger pending separator wins over a weaker one. */
export const SEPARATOR_NONE = 0;
export const SEPARATOR_CELL = 1;
export const SEPARATOR_BLOCK = 2;
export type SeparatorKind = typeof SEPARATOR_NONE | typeof SEPARATOR_CELL | typeof SEPARATOR_BLOCK;

/** Written between blocks (and for <br>); never mapped to a node. */
export const BLOCK_SEPARATOR = '\n';
/** Written between table cells of one row; never mapped to a node. */
export const CELL_SEPARATOR = ' ';

export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  // not rendered
  'head', 'title', 'meta', 'link', 'base', 'script', 'style', 'noscript', 'template', 'param', 'source', 'track',
  // form controls and buttons: UI, and their values are not text nodes anyway
  'textarea', 'input', 'select', 'option', 'optgroup', 'datalist', 'button',
  // embedded content: children are fallback or graphics
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'canvas', 'audio', 'video', 'svg', 'math',
  // ruby annotations
  'rt', 'rp',
]);

const BLOCK_TAGS: readonly string[] = [
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre',
  'search', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'xmp',
];
const CELL_TAGS: readonly string[] = ['td', 'th'];

const TAG_SEPARATORS: ReadonlyMap<string, SeparatorKind> = new Map<string, SeparatorKind>([
  ...BLOCK_TAGS.map((tag): [string, SeparatorKind] => [tag, SEPARATOR_BLOCK]),
  ...CELL_TAGS.map((tag): [string, SeparatorKind] => [tag, SEPARATOR_CELL]),
]);

/** The separator an element's default (UA stylesheet) display implies; unknown tags are inline. */
export function separatorForTag(localName: string): SeparatorKind {
  return TAG_SEPARATORS.get(localName) ?? SEPARATOR_NONE;
}

/**
 * The separator a computed `display` value implies. <br> is handled by tag:
 * its computed display is "inline" yet it breaks the line.
 */
export function separatorForDisplay(display: string): SeparatorKind {
  if (display.startsWith('inline') || display.startsWith('ruby') || display === 'contents') return SEPARATOR_NONE;
  if (display === 'table-cell') return SEPARATOR_CELL;
  return SEPARATOR_BLOCK;
}

/**
 * Elements whose own markup hides them or makes them someone else's: skipped
 * with their whole subtree, whatever the styles say. `tag`: the element's
 * localName, when the caller has read it already.
 */
export function isSkippedByMarkup(element: Element, skipAriaHidden: boolean, tag = element.localName): boolean {
  if (SKIPPED_TAGS.has(tag)) return true;
  // Most elements carry no attribute at all: one DOM call instead of five.
  if (!element.hasAttributes()) return tag === 'dialog';
  if (isOurUi(element)) return true;
  if (element.hasAttribute('hidden') && element.getAttribute('hidden') !== 'until-found') return true;
  // isContentEditable would force a style update in Chromium; the attribute is
  // enough because the walk never enters an editable root's subtree.
  if (element.hasAttribute('contenteditable') && element.getAttribute('contenteditable') !== 'false') return true;
  if (tag === 'dialog' && !element.hasAttribute('open')) return true;
  if (skipAriaHidden && element.getAttribute('aria-hidden') === 'true') return true;
  return false;
}

/**
 * Author styles reach an element mostly through its class, id or style
 * attribute, so only those elements pay for getComputedStyle. Bare elements
 * hidden by tag or attribute selectors alone are missed: an accepted gap.
 */
export function needsStyleCheck(element: Element): boolean {
  return (
    element.hasAttributes() &&
    (element.hasAttribute('class') || element.hasAttribute('style') || element.hasAttribute('id'))
  );
}
