import {
  SEPARATOR_BLOCK,
  SEPARATOR_NONE,
  isSkippedByMarkup,
  needsStyleCheck,
  separatorForDisplay,
  separatorForTag,
  type SeparatorKind,
} from './element-rules.ts';
import { TextBuilder, type TextCheckpoint } from './text-builder.ts';
import type { ExtractOptions, PageText } from './types.ts';

// Node.nodeType values; the global Node does not exist in Node.js.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

/** Verdicts pack a SeparatorKind (bits 0-1) with a visibility override (bits 2-3). */
const SKIP = -1;
const SEPARATOR_BITS = 3;
const SHOWN = 4;
const INVISIBLE = 8;
/** Frames pack the closing SeparatorKind with the visibility to restore. */
const RESTORE_VISIBLE = 4;

interface WalkRules {
  readonly skipAriaHidden: boolean;
  readonly exclude: ((element: Element) => boolean) | undefined;
  readonly readStyle: ((element: Element) => CSSStyleDeclaration) | null;
}

/**
 * The visible text of `target` (a Document, Element, DocumentFragment or Text)
 * as one string with a map back to its text nodes. Works for any subtree, so
 * a mutation observer can rescan just what changed: an element whose
 * ancestors are skipped (script, editable region, our UI, display:none, …)
 * yields empty text.
 *
 * The walk is iterative (firstChild/nextSibling/parentNode), so it runs on
 * linkedom as in browsers and cannot overflow the stack on deep pages.
 */
export function extractText(target: Node, options: ExtractOptions = {}): PageText {
  const out = new TextBuilder();
  // Start a document at <html>: linkedom's doctype has no nextSibling.
  const root = target.nodeType === DOCUMENT_NODE ? (target as Document).documentElement : target;
  if (root === null) return out.finish();
  const rules = makeRules(root, options);
  const visible = visibilityAtRoot(root, rules);
  if (visible === null) return out.finish();
  if (root.nodeType === TEXT_NODE) {
    if (visible) out.addText(root as Text);
  } else {
    walkChildren(root, visible, rules, out, Infinity, null, null);
  }
  return out.finish();
}

/** Part of an element's text: see extractChildrenUpTo. */
export interface TextPart {
  readonly pageText: PageText;
  /** The child of the element the next part starts at, or null when this part reaches the end. */
  readonly next: Node | null;
  /**
   * With a node budget: the part's first child, a block-level element that alone holds more nodes than the budget.
   * Nothing of it is in `pageText` (which is empty): read it as a container of its own, then go on from `next`.
   */
  readonly own?: Element;
  /**
   * With a node budget: the part ends inside this child of the container, before its block-level child `from`
   * (`pageText` holds the element's text up to there): read the rest of the element from `from` on, then go on
   * from `next`. A large child is read once this way, where rolling the part back to its start and handing it back
   * whole (`own`) read its first nodes twice, or more (bench:page's 500 KB page: twice as many characters walked
   * as it holds, half of them rolled back).
   */
  readonly inner?: { readonly element: Element; readonly from: Node };
}

/**
 * The text of `container`'s children from `from` (default: the first) on, in
 * parts of about `maxChars` characters: once the text grows past `maxChars`,
 * it is cut before the last block-level child that started within it (a
 * block boundary never runs through a word), and that child is where the next
 * part starts. Null when no such cut exists (the first child alone is too
 * large): split the container instead. One walk sizes and extracts a part.
 * With `until` (a child of the container), the text ends before that child.
 * With `maxNodes`, a part also ends before the first block-level child met
 * once that many nodes have been walked: short text in many nodes (a page of
 * 200,000 nodes) costs by the node, not by the character; and when the
 * first child is a block-level element holding more nodes than that, the
 * walk stops inside it and hands it back as `own` (a page wrapped in one
 * <div> of 200,000 nodes: the walk went on to `maxChars`, thousands of nodes,
 * only to return null).
 */
export function extractChildrenUpTo(
  container: Element,
  from: Node | null,
  maxChars: number,
  options: ExtractOptions = {},
  until: Node | null = null,
  maxNodes = Infinity,
): TextPart | null {
  const out = new TextBuilder();
  const rules = makeRules(container, options);
  const visible = visibilityAtRoot(container, rules);
  if (visible === null) return { pageText: out.finish(), next: null };
  const cut: Cut = { at: null, until, maxNodes, own: null, inner: null };
  if (walkChildren(container, visible, rules, out, maxChars, from, cut)) return { pageText: out.finish(), next: null };
  if (cut.own !== null) return { pageText: out.finish(), next: cut.at, own: cut.own };
  if (cut.inner !== null) return { pageText: out.finish(), next: cut.at, inner: cut.inner };
  return cut.at === null ? null : { pageText: out.finish(), next: cut.at };
}

/**
 * True when `node` lies in a subtree extractText never reads (its own or an
 * ancestor's markup, the exclude option, or computed display:none). Useful to
 * ignore mutations inside the extension's own UI or editable regions.
 */
export function isSkippedNode(node: Node, options: ExtractOptions = {}): boolean {
  return visibilityAtRoot(node, makeRules(node, options)) === null;
}

function makeRules(root: Node, options: ExtractOptions): WalkRules {
  const view = ownerDocument(root)?.defaultView;
  const canStyle = typeof view?.getComputedStyle === 'function';
  return {
    skipAriaHidden: options.skipAriaHidden ?? false,
    exclude: options.exclude,
    readStyle: canStyle && (options.computeStyle ?? true) && view ? (element) => view.getComputedStyle(element) : null,
  };
}

function ownerDocument(node: Node): Document | null {
  return node.nodeType === DOCUMENT_NODE ? (node as Document) : node.ownerDocument;
}

/** Whether text directly under `root` starts visible, or null when the whole root is skipped. */
function visibilityAtRoot(root: Node, rules: WalkRules): boolean | null {
  if (ownerDocument(root)?.designMode === 'on') return null;
  for (let up = root.parentNode; up !== null && up.nodeType === ELEMENT_NODE; up = up.parentNode) {
    const element = up as Element;
    if (isExcluded(element, rules)) return null;
    if (rules.readStyle !== null && rules.readStyle(element).display === 'none') return null;
  }
  if (root.nodeType === ELEMENT_NODE && judgeElement(root as Element, rules) === SKIP) return null;
  const styled = root.nodeType === ELEMENT_NODE ? (root as Element) : root.parentElement;
  if (rules.readStyle === null || styled === null) return true;
  const visibility = rules.readStyle(styled).visibility;
  return visibility === '' || visibility === 'visible';
}

function isExcluded(element: Element, rules: WalkRules, tag = element.localName): boolean {
  return isSkippedByMarkup(element, rules.skipAriaHidden, tag) || (rules.exclude !== undefined && rules.exclude(element));
}

/** SKIP, or the element's separator plus an optional visibility override. */
function judgeElement(element: Element, rules: WalkRules): number {
  const tag = element.localName;
  if (isExcluded(element, rules, tag)) return SKIP;
  const tagSeparator = separatorForTag(tag);
  if (rules.readStyle === null || !needsStyleCheck(element)) return tagSeparator;
  const style = rules.readStyle(element);
  const display = style.display;
  if (display === 'none') return SKIP;
  // <br> computes to display:inline yet breaks the line; '' means no layout.
  const separator = display === '' || tag === 'br' ? tagSeparator : separatorForDisplay(display);
  // visibility is inherited, so a computed value is exact for this subtree.
  const visibility = style.visibility;
  if (visibility === '') return separator;
  return separator | (visibility === 'visible' ? SHOWN : INVISIBLE);
}

/** Where a part of a container's text was cut: the block-level child the next part starts at. */
interface Cut {
  at: Node | null;
  /** The child of the container where the walk ends (exclusive), or null for its end. */
  readonly until: Node | null;
  /** Past this many nodes walked, the part ends at the next block-level child of the container. */
  readonly maxNodes: number;
  /** Set when the walk stopped inside the first child, a block-level element past the node budget (TextPart.own). */
  own: Element | null;
  /** Set when the part ends inside a child of the container, before that child's block-level child (TextPart.inner). */
  inner: { element: Element; from: Node } | null;
}

/**
 * Writes the text under `container` (its children from `from` on, or all) to
 * `out`; false (and stops) once `out` holds more than `maxChars`. With `cut`,
 * `out` is then rolled back to the start of the last block-level child of
 * `container` visited after the first one, recorded in `cut.at` (left null
 * when there is none).
 */
function walkChildren(container: Node, visibleAtStart: boolean, rules: WalkRules, out: TextBuilder, maxChars: number, from: Node | null, cut: Cut | null): boolean {
  const frames: number[] = [];
  let visible = visibleAtStart;
  let node: Node | null = from ?? container.firstChild ?? null;
  const first = node;
  let mark: TextCheckpoint | null = null;
  let markNode: Node | null = null;
  let walked = 0;
  // While the walk is inside `first`, a block-level element, with a finite node budget: past the budget there, the
  // part could only end after it (or give up at maxChars), so `first` is handed back to be read on its own.
  const firstBlock =
    cut !== null && cut.maxNodes !== Infinity && first !== null && first.nodeType === ELEMENT_NODE && separatorForTag((first as Element).localName) !== SEPARATOR_NONE
      ? (first as Element)
      : null;
  const start = firstBlock !== null ? out.checkpoint() : null;
  let inFirst = false;
  // With a node budget: the container's child the walk is in (`top`), and the last block-level child of it the walk
  // entered after its first (`inner`, with the text's state before it). A part that must end inside `top` ends there,
  // and the rest of `top` is read from it (TextPart.inner), so nothing already read is read again.
  const innerCuts = cut !== null && cut.maxNodes !== Infinity;
  let top: Node | null = null;
  /** The first node walked inside `top`: a part that ends before it holds nothing of `top` (rather `own`, or `mark`). */
  let topFirst: Node | null = null;
  let inner: TextCheckpoint | null = null;
  let innerNode: Node | null = null;
  const stopInside = (): boolean => {
    out.rollback(inner!);
    const next = top!.nextSibling ?? null;
    cut!.inner = { element: top as Element, from: innerNode! };
    cut!.at = next === cut!.until ? null : next;
    return false;
  };
  const stop = (): boolean => {
    if (inner !== null) return stopInside();
    if (cut !== null && mark !== null) {
      out.rollback(mark);
      cut.at = markNode;
    }
    return false;
  };
  // Each DOM property read below is a call into the browser: on a 5 MB page this walk visits about 150,000 nodes,
  // so each is read once per node (bench:page, session 8: extraction was 40% of the extension's sampled time there).
  while (node !== null) {
    walked++;
    if (firstBlock !== null) {
      if (frames.length === 0) inFirst = node === firstBlock;
      else if (inFirst && walked > cut!.maxNodes) {
        if (inner !== null) return stopInside();
        out.rollback(start!);
        const next = firstBlock.nextSibling ?? null;
        cut!.own = firstBlock;
        cut!.at = next === cut!.until ? null : next;
        return false;
      }
    }
    if (innerCuts) {
      if (frames.length === 0) {
        top = node;
        topFirst = null;
        inner = null;
        innerNode = null;
      } else if (frames.length === 1 && topFirst === null) {
        topFirst = node;
      }
    }
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      if (visible) {
        out.addText(node as Text);
        if (out.size > maxChars) return stop();
      }
    } else if (type === ELEMENT_NODE) {
      if (cut !== null && node === cut.until && frames.length === 0) return true;
      if (innerCuts && frames.length === 1 && node !== topFirst && separatorForTag((node as Element).localName) !== SEPARATOR_NONE) {
        inner = out.checkpoint();
        innerNode = node;
      }
      if (cut !== null && frames.length === 0 && node !== first && separatorForTag((node as Element).localName) !== SEPARATOR_NONE) {
        // A child of the container that starts a block: a part may end here, and does past the node budget.
        mark = out.checkpoint();
        markNode = node;
        if (walked > cut.maxNodes) return stop();
      }
      const verdict = judgeElement(node as Element, rules);
      if (verdict !== SKIP) {
        const separator = (verdict & SEPARATOR_BITS) as SeparatorKind;
        out.breakWith(separator);
        const first: Node | null = node.firstChild ?? null;
        if (first !== null) {
          frames.push(separator | (visible ? RESTORE_VISIBLE : 0));
          if ((verdict & SHOWN) !== 0) visible = true;
          else if ((verdict & INVISIBLE) !== 0) visible = false;
          node = first;
          continue;
        }
      }
    }
    // Next node in document order, closing every element we climb out of.
    let current: Node = node;
    // `?? null`: linkedom answers undefined, not null, for some missing siblings.
    let next: Node | null = current.nextSibling ?? null;
    while (next === null) {
      const parent: Node | null = current.parentNode ?? null;
      if (parent === null || parent === container) return true;
      const frame = frames.pop() ?? SEPARATOR_BLOCK;
      out.breakWith((frame & SEPARATOR_BITS) as SeparatorKind);
      visible = (frame & RESTORE_VISIBLE) !== 0;
      current = parent;
      next = current.nextSibling ?? null;
    }
    node = next;
  }
  return true;
}
