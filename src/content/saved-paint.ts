/**
 * Draws saved highlights with the CSS Custom Highlight API: a tinted
 * background, unlike the underlines of mentions. The registry is shared with
 * the page's scripts, so the highlight names carry only the colour
 * (`onrecord-saved-yellow`), never an id, a note or a tag.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../core/annotations/model.ts';
import { claimHighlight, releaseHighlight } from './shared-state-guard.ts';

import { SAVED_PREFIX } from './page-css.ts';

// The backgrounds and their CSS live in page-css.ts (adopted at document_start).
export { SAVED_BACKGROUNDS, SAVED_PREFIX, savedHighlightCss } from './page-css.ts';

export class SavedPainter {
  readonly #byColor = new Map<HighlightColor, Highlight>();

  constructor() {
    for (const color of HIGHLIGHT_COLORS) {
      const h = new Highlight();
      this.#byColor.set(color, h);
      claimHighlight(`${SAVED_PREFIX}${color}`, h);
    }
    // Styled by the page sheet adopted at document_start (page-styles.ts).
  }

  /** Replaces everything drawn with `ranges`. */
  paint(ranges: Iterable<{ color: HighlightColor; range: AbstractRange }>): void {
    for (const h of this.#byColor.values()) h.clear();
    for (const { color, range } of ranges) this.#byColor.get(color)?.add(range);
  }

  destroy(): void {
    for (const color of HIGHLIGHT_COLORS) releaseHighlight(`${SAVED_PREFIX}${color}`);
  }
}
