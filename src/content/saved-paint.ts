/**
 * Draws saved highlights: tinted boxes in the private marks layer
 * (private-marks.ts, ADR 019), never ranges in the CSS highlight registry,
 * which page scripts can read.
 */
import type { HighlightColor } from '../core/annotations/model.ts';
import { privateMarks, type PrivateMarks } from './private-marks.ts';

export class SavedPainter {
  readonly #marks: PrivateMarks;

  constructor(signal: AbortSignal) {
    this.#marks = privateMarks(signal);
  }

  /** Replaces everything drawn with `ranges`. */
  paint(ranges: Iterable<{ color: HighlightColor; range: AbstractRange }>): void {
    this.#marks.set('saved', [...ranges].map(({ color, range }) => ({ range, kind: `saved-${color}` })));
  }
}
