/** One text node's characters inside {@link PageText.text}: `text.slice(start, end) === node.data` at extraction time (see segmentsOf). */
export interface TextSegment {
  readonly start: number;
  readonly end: number;
  readonly node: Text;
}

/**
 * The visible text of a document or subtree as one string, plus the map back
 * to the DOM: per text node read (in document order), where its characters
 * start and end in `text`, in three parallel arrays rather than an object per
 * node (a 5 MB page has about 150,000 text nodes; see segmentsOf for objects).
 * The spans are sorted, non-empty and non-overlapping, and
 * `text.slice(starts[i], ends[i]) === nodes[i].data` at extraction time;
 * characters no span covers are synthetic separators (see BLOCK_SEPARATOR,
 * CELL_SEPARATOR) that exist only in `text`.
 */
export interface PageText {
  readonly text: string;
  readonly nodes: readonly Text[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/** A half-open span [start, end) of {@link PageText.text}, e.g. a matched mention. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** A position in the DOM: a text node and a UTF-16 offset into its data. */
export interface TextPosition {
  readonly node: Text;
  readonly offset: number;
}

/** A slice [start, end) of one text node's data. */
export interface NodeSlice {
  readonly node: Text;
  readonly start: number;
  readonly end: number;
}

/** The four numbers of a DOM Range, usable as a StaticRange init. */
export interface RangeBoundaries {
  readonly startContainer: Text;
  readonly startOffset: number;
  readonly endContainer: Text;
  readonly endOffset: number;
}

export interface ExtractOptions {
  /**
   * Ask the browser for computed `display`/`visibility` of elements that have a
   * class, id or style attribute (see needsStyleCheck). Defaults to true when
   * the document has a `defaultView.getComputedStyle`; pass false for linkedom
   * (no layout) or when a caller prefers speed over precision.
   */
  readonly computeStyle?: boolean;
  /** Also skip `aria-hidden="true"` subtrees. Default false: they are hidden from screen readers, not from eyes. */
  readonly skipAriaHidden?: boolean;
  /** Extra exclusions, e.g. the extension's shadow host. A true result skips the element and its subtree. */
  readonly exclude?: (element: Element) => boolean;
}
