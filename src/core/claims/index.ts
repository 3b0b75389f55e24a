/** Claim checking for moderators: search, ranking, attribution, diffs. DOM-free. */
export { createClaimChecker, MAX_CLAIM_CHARS, MAX_OTHER_SIDE, MAX_RESULTS, type CheckedPosition, type ClaimCheck, type ClaimChecker, type EmptyReason, type EntityRef } from './check-claim.ts';
export { checkAttribution, similarity, type AttributionCheck, type AttributionStatus, type FlaggedWord, type Wording } from './attribution.ts';
export { findAttribution, type AttributedWords, type AttributionCue } from './attribution-pattern.ts';
export { buildSearchIndex, type ClaimSearchIndex, type TextHit } from './search-index.ts';
export { rankPositions, RANK_WEIGHTS, type RankedPosition, type RankReason } from './rank.ts';
export { diffWords, lcsMarks, type DiffWord, type WordDiff } from './word-diff.ts';
export { contentKeys, termKey, words, type Word } from './tokenize.ts';
export { claimDate } from './claim-date.ts';
export { CheckDraft, ClaimSelectors, pageKey, toCheckRow, VERDICT_LABELS, VERDICTS, type CheckRow, type Verdict } from './check-record.ts';
export { filterChecks, type CheckFilter } from './check-filter.ts';
export { checksToClaimReviewJson, checksToCsv, toClaimReview, VERDICT_RATING, type ClaimReviewJson } from './claim-review.ts';
