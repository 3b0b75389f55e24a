/** What the content script needs to show the popover. */
export { Popover, type PopoverProps } from './popover.tsx';
export { TYPE_COLORS, TYPE_LABELS, SURFACE, type TypeColor } from '../theme.ts';
