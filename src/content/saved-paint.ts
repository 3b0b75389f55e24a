/**
 * Draws saved highlights with the CSS Custom Highlight API: a tinted
 * background, unlike the underlines of mentions. The registry is shared with
 * the page's scripts, so the highlight names carry only the colour
 * (`onrecord-saved-yellow`), never an id, a note or a tag.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../core/annotations/model.ts';
import { claimHighlight, releaseHighlight } from './shared-state-guard.ts';

export const SAVED_PREFIX = 'onrecord-saved-';

/** Backgrounds translucent enough that the text keeps its own colour and contrast on light and dark pages. */
export const SAVED_BACKGROUNDS: Readonly<Record<HighlightColor, string>> = {
  yellow: 'rgb(255 212 0 / 0.45)',
  green: 'rgb(60 200 90 / 0.35)',
  blue: 'rgb(70 150 255 / 0.35)',
  pink: 'rgb(255 105 180 / 0.35)',
  purple: 'rgb(160 100 255 / 0.35)',
};

export function savedHighlightCss(): string {
  return HIGHLIGHT_COLORS.map((c) => `::highlight(${SAVED_PREFIX}${c}) { background-color: ${SAVED_BACKGROUNDS[c]}; }`).join('\n');
}

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
