/** The popover's topic-chip filter, kept pure so it is tested without a DOM. */
import type { PositionView } from './types.ts';

/** Positions on `topicId`, or all of them when no chip is pressed (null). */
export function filterByTopic(positions: readonly PositionView[], topicId: string | null): PositionView[] {
  if (topicId === null) return [...positions];
  return positions.filter((p) => p.topics.some((t) => t.id === topicId));
}

/** Whether a position with this id is in the list: decides between scrolling to it and opening its actor. */
export function containsPosition(positions: readonly PositionView[], positionId: string): boolean {
  return positions.some((p) => p.id === positionId);
}
