/** Kept for its importers: the interface language now lives with the one date formatter (ui/dates.ts). */
export { interfaceLocale } from './dates.ts';
