/**
 * Mention underlines through the CSS Custom Highlight API: no DOM mutation,
 * so page scripts, framework re-renders and text selection are untouched.
 * The registry is shared with the page, so highlight names carry only the
 * entity type, never an id, a note or a tag.
 */
import type { EntityType } from '../core/corpus/schema.ts';
import { claimHighlight, releaseHighlight } from './shared-state-guard.ts';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'collective', 'place', 'event', 'topic'];
export const HIGHLIGHT_PREFIX = 'onrecord-';
/** The mention that keyboard navigation or an open popover points at. */
export const CURRENT_HIGHLIGHT = `${HIGHLIGHT_PREFIX}current`;
/** Names whose card has nothing to show (issue 13): one quiet highlight for every type, so the page learns nothing more. */
export const QUIET_HIGHLIGHT = `${HIGHLIGHT_PREFIX}quiet`;

/** Underline colours per type: mid-tone hues that read on white and on near-black pages alike. */
export const UNDERLINE_COLORS: Record<EntityType, string> = {
  person: '#e0a100',
  organization: '#2f8fdd',
  collective: '#9b6ad6',
  place: '#2aa876',
  event: '#e0603a',
  topic: '#8c8c8c',
};

/** Dotted for topics (many, weaker claims), solid for named actors and places. */
function underlineStyle(type: EntityType): string {
  return type === 'topic' ? 'dotted' : 'solid';
}

export function highlightCss(enabled: ReadonlySet<EntityType> = new Set(ENTITY_TYPES)): string {
  const rules = ENTITY_TYPES.filter((t) => enabled.has(t)).map(
    (t) =>
      `::highlight(${HIGHLIGHT_PREFIX}${t}) { text-decoration: underline ${underlineStyle(t)} ${UNDERLINE_COLORS[t]} 2px; text-underline-offset: 3px; }`,
  );
  rules.push(`::highlight(${QUIET_HIGHLIGHT}) { text-decoration: underline dotted rgba(128, 128, 128, 0.55) 1px; text-underline-offset: 3px; }`);
  rules.push(`::highlight(${CURRENT_HIGHLIGHT}) { background-color: rgba(255, 193, 7, 0.35); text-decoration: underline solid #b07d00 2px; }`);
  return rules.join('\n');
}

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
