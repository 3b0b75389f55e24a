/**
 * Mention underlines through the CSS Custom Highlight API: no DOM mutation,
 * so page scripts, framework re-renders and text selection are untouched.
 * The registry is shared with the page, so highlight names carry only the
 * entity type, never an id, a note or a tag.
 */
import type { EntityType } from '../core/corpus/schema.ts';
import { CURRENT_HIGHLIGHT, ENTITY_TYPES, HIGHLIGHT_PREFIX, QUIET_HIGHLIGHT } from './page-css.ts';
import { claimHighlight, releaseHighlight } from './shared-state-guard.ts';

// The names and their CSS are in page-css.ts, which the document_start script adopts without this class.
export { CURRENT_HIGHLIGHT, ENTITY_TYPES, HIGHLIGHT_PREFIX, QUIET_HIGHLIGHT, UNDERLINE_COLORS, highlightCss } from './page-css.ts';

/** Whether this browser draws highlights (the CSS Custom Highlight API). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class HighlightRegistry {
  readonly #byType = new Map<EntityType, Highlight>();
  readonly #current = new Highlight();
  readonly #quiet = new Highlight();

  constructor() {
    claimHighlight(QUIET_HIGHLIGHT, this.#quiet);
    for (const type of ENTITY_TYPES) {
      const h = new Highlight();
      this.#byType.set(type, h);
      claimHighlight(`${HIGHLIGHT_PREFIX}${type}`, h);
    }
    this.#current.priority = 1;
    claimHighlight(CURRENT_HIGHLIGHT, this.#current);
    // Styled by the page sheet adopted at document_start (page-styles.ts).
  }

  add(type: EntityType, range: AbstractRange, quiet = false): void {
    (quiet ? this.#quiet : this.#byType.get(type))?.add(range);
  }

  delete(type: EntityType, range: AbstractRange, quiet = false): void {
    (quiet ? this.#quiet : this.#byType.get(type))?.delete(range);
  }

  setCurrent(range: AbstractRange | null): void {
    this.#current.clear();
    if (range) this.#current.add(range);
  }

  get size(): number {
    let n = 0;
    for (const h of this.#byType.values()) n += h.size;
    return n + this.#quiet.size;
  }

  destroy(): void {
    for (const type of ENTITY_TYPES) releaseHighlight(`${HIGHLIGHT_PREFIX}${type}`);
    releaseHighlight(CURRENT_HIGHLIGHT);
    releaseHighlight(QUIET_HIGHLIGHT);
  }
}
