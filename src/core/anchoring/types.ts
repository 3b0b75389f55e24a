/**
 * Where a highlight sits in a page's text, in the W3C Web Annotation terms
 * (https://www.w3.org/TR/annotation-model/#selectors): the quote with a little
 * context either side, and the character offsets. Both describe the same span
 * of the page-text string (see src/page-text), so either can find it again.
 */
export interface TextQuote {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** A half-open span [start, end) of the page text. */
export interface TextPositionSpan {
  readonly start: number;
  readonly end: number;
}

export interface Selectors {
  readonly quote: TextQuote;
  readonly position: TextPositionSpan;
}

/** How a highlight was found again, from the cheapest and surest to the most tolerant. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchor {
  readonly start: number;
  readonly end: number;
  readonly method: AnchorMethod;
  /** 0..1: how well quote, context and position agree (1 for an untouched page). */
  readonly score: number;
}
