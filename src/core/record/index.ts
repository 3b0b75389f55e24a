export * from './types.ts';
export { buildEntityRecord, OTHER_SIDE_LIMIT, UnknownEntityError } from './entity-record.ts';
export { formatDate } from './format-date.ts';
export { filterByTopic, containsPosition, recordPositions, visibleUnderFilter } from './filter.ts';
export { linkLabel } from './link-label.ts';
export { layoutTimeline, MIN_BAR_WIDTH, type PlacedMark, type TimelineLayout, type YearTick } from './timeline-scale.ts';
export { compareNewestFirst, newestFirst } from './sort.ts';
export { indexCorpus } from './corpus-index.ts';
