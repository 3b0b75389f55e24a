/**
 * One colour per entity type, shared by the popover and the in-page
 * underlines. `light` is for light pages and the light popover, `dark` for
 * dark ones; theme.test.ts checks each keeps WCAG AA text contrast
 * (4.5:1) against its background.
 */
import type { EntityType } from '../core/corpus/schema.ts';

export interface TypeColor {
  light: string;
  dark: string;
}

export const TYPE_COLORS: Readonly<Record<EntityType, TypeColor>> = {
  person: { light: '#1d4ed8', dark: '#93c5fd' },
  organization: { light: '#6d28d9', dark: '#c4b5fd' },
  collective: { light: '#0e7490', dark: '#67e8f9' },
  place: { light: '#92400e', dark: '#fcd34d' },
  event: { light: '#be123c', dark: '#fda4af' },
  topic: { light: '#3f6212', dark: '#bef264' },
};

/** The popover's own backgrounds; the type colours are checked against these. */
export const SURFACE = { light: '#ffffff', dark: '#1c1c1f' } as const;

/** Human words for the types, as the popover header shows them. */
export const TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  person: 'Person',
  organization: 'Organization',
  collective: 'Group',
  place: 'Place',
  event: 'Event',
  topic: 'Topic',
};
