/**
 * The CSS of every highlight the content script draws, in a module with no dependency: page-styles.ts adopts it at `document_start`, where nothing heavier may be evaluated (issue 15).
 */
import type { EntityType } from '../core/corpus/schema.ts';
import type { HighlightStyle } from '../core/settings.ts';

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

/** Alpha (hex) of the tinted-background style: light enough that the text stays readable. */
const BACKGROUND_ALPHA = '40';

/** CSS for the chosen mention style, adopted after the registry's own sheet so it wins. */
export function highlightStyleCss(style: HighlightStyle): string {
  if (style === 'underline') return '';
  return ENTITY_TYPES.map(
    (t) => `::highlight(${HIGHLIGHT_PREFIX}${t}) { text-decoration: none; background-color: ${UNDERLINE_COLORS[t]}${BACKGROUND_ALPHA}; }`,
  ).join('\n');
}

/** The whole page sheet for a mention style (page-styles.ts). */
export function pageCss(style: HighlightStyle): string {
  return [highlightCss(), highlightStyleCss(style)].join('\n');
}
