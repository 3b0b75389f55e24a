import type { PageStatementsOffer } from './page-statements-offer.tsx';
import type { EntityRecord } from '../../core/record/types.ts';

/** What the host (the content script) gives the popover. */
export interface PopoverProps {
  record: EntityRecord;
  /** Close the popover (the close button and Escape). */
  onClose(): void;
  /** Open the source page at a position's passage; the link's own navigation is prevented. */
  onOpenSource(positionId: string, sourceId: string): void;
  /** The source page URL for a position, used as the link's href (copy link, hover preview of the address). */
  sourceHref(positionId: string, sourceId: string): string;
  /** Show another actor's record, focused on one of its positions (a link that leaves this record). */
  onOpenEntity(actorId: string, positionId?: string): void;
  /** A position to scroll to and focus when the record opens. */
  focusPositionId?: string;
  /** BCP 47 tag for dates; English by default. */
  locale?: string;
  /** Issue 12: for an actor with nothing on record, the page's own statements by them, to add. */
  pageStatements?: PageStatementsOffer;
}

/** What every position row needs from the popover. */
export interface PositionActions {
  locale: string;
  sourceHref(positionId: string, sourceId: string): string;
  onOpenSource(positionId: string, sourceId: string): void;
  /** Follow a link or timeline mark to a position, here or in another actor's record. */
  goTo(positionId: string, actorId: string): void;
}
