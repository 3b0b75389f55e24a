/** The popover's topic-chip filter, kept pure so it is tested without a DOM. */
import type { EntityRecord, PositionView } from './types.ts';

/** Positions on `topicId`, or all of them when no chip is pressed (null). */
export function filterByTopic(positions: readonly PositionView[], topicId: string | null): PositionView[] {
  if (topicId === null) return [...positions];
  return positions.filter((p) => p.topics.some((t) => t.id === topicId));
}

/** Whether a position with this id is in the list: decides between scrolling to it and opening its actor. */
export function containsPosition(positions: readonly PositionView[], positionId: string): boolean {
  return positions.some((p) => p.id === positionId);
}

/** Every position a record shows, in display order (own, other side, relayed; or group by group). */
export function recordPositions(record: EntityRecord): PositionView[] {
  if (record.kind === 'topic') return record.groups.flatMap((g) => g.positions);
  return [...record.positions, ...record.otherSide, ...record.relayed];
}

/** Whether `positionId` stays visible in an actor record while the chip for `topicId` is pressed. */
export function visibleUnderFilter(record: EntityRecord, topicId: string | null, positionId: string): boolean {
  if (record.kind === 'topic' || topicId === null) return containsPosition(recordPositions(record), positionId);
  const lists = [record.positions, record.otherSide, record.relayed];
  return lists.some((list) => containsPosition(filterByTopic(list, topicId), positionId));
}
