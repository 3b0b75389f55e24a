import type { Selectors } from './types.ts';

/**
 * Context kept either side of the quote. 32 characters tell apart repeated
 * phrases ("the minister said") on long pages, yet stay short enough that an
 * edit nearby rarely reaches them.
 */
export const CONTEXT_CHARS = 32;

/** The selectors of [start, end) in `text`; throws on an empty or out-of-range span, which is a caller bug. */
export function describeSpan(text: string, start: number, end: number): Selectors {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end)) {
    throw new RangeError(`describeSpan: bad span [${start}, ${end}) of a ${text.length}-character text`);
  }
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { start, end },
  };
}
