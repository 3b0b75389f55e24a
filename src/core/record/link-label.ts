import type { LinkType } from '../corpus/schema.ts';
import { t, type MessageKey } from '../i18n.ts';
import type { LinkDirection } from './types.ts';

/** How a link reads from each end: A "contradicts" B, so B is "contradicted by" A. */
const LABELS: Record<LinkType, Record<LinkDirection, MessageKey>> = {
  contradicts: { outgoing: 'linkContradicts', incoming: 'linkContradictedBy' },
  reaffirms: { outgoing: 'linkReaffirms', incoming: 'linkReaffirmedBy' },
  'responds-to': { outgoing: 'linkRespondsTo', incoming: 'linkAnsweredBy' },
  'shifts-from': { outgoing: 'linkShiftsFrom', incoming: 'linkShiftedTo' },
};

export function linkLabel(type: LinkType, direction: LinkDirection): string {
  return t(LABELS[type][direction]);
}
