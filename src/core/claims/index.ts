/** Claim checking for moderators: concepts, speaker, ranking, suggested verdict with evidence. DOM-free. */
export {
  createClaimChecker,
  DATE_HALF_LIFE_DAYS,
  MAX_CLAIM_CHARS,
  MAX_OTHER_SIDE,
  MAX_RESULTS,
  RANK,
  type CheckedPosition,
  type ClaimAttribution,
  type ClaimCheck,
  type ClaimChecker,
  type ConceptRef,
  type EmptyReason,
  type EntityRef,
  type RankedPosition,
  type RankReason,
} from './check-claim.ts';
export { speakerOfClaim, isReporter, type ClaimSpeaker } from './claim-speaker.ts';
export { buildFeatureIndex, matchContent, storedFeatureIndex, textFeatures, FEATURE_WEIGHT, IMPLIED_WEIGHT, type FeatureIndex, type StoredFeatureIndex, type TextFeatures } from './judge.ts';
export { suggestVerdict, polarityConflict, VERDICT_THRESHOLDS, type Evidence, type EvidenceReason, type PolarityEvidence, type Suggestion } from './suggest.ts';
export { findAttribution, type AttributedWords, type AttributionCue } from './attribution-pattern.ts';
export { diffWords, lcsMarks, type DiffWord, type WordDiff } from './word-diff.ts';
export { contentKeys, termKey, words, type Word } from './tokenize.ts';
export { claimDate } from './claim-date.ts';
export { CheckDraft, ClaimSelectors, pageKey, toCheckRow, VERDICT_LABELS, VERDICTS, type CheckRow, type Verdict } from './check-record.ts';
export { filterChecks, type CheckFilter } from './check-filter.ts';
export { checksToClaimReviewJson, checksToCsv, toClaimReview, VERDICT_RATING, type ClaimReviewJson } from './claim-review.ts';
