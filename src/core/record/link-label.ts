import type { LinkType } from '../corpus/schema.ts';
import type { LinkDirection } from './types.ts';

/** How a link reads from each end: A "contradicts" B, so B is "contradicted by" A. */
const LABELS: Record<LinkType, Record<LinkDirection, string>> = {
  contradicts: { outgoing: 'contradicts', incoming: 'contradicted by' },
  reaffirms: { outgoing: 'reaffirms', incoming: 'reaffirmed by' },
  'responds-to': { outgoing: 'responds to', incoming: 'answered by' },
  'shifts-from': { outgoing: 'shifts from', incoming: 'shifted to' },
};

export function linkLabel(type: LinkType, direction: LinkDirection): string {
  return LABELS[type][direction];
}
