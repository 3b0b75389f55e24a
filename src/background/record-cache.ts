/**
 * What the worker derives from one loaded record, made once and shared by every service: the loaded matcher
 * (page scans, highlights, claims, statements), the statement finder (recording and the claim checker) and the
 * claim checker. Keyed by the record's stored matcher object, which is new at every load of a changed record,
 * so a record's derived structures go with it (no service keeps an old record's copy alive until its next use).
 * Each service used to load its own matcher and the checker its own finder (issue 15: worker memory).
 */
import { createClaimChecker, type ClaimChecker } from '../core/claims/check-claim.ts';
import { BUNDLED_CONCEPTS, createConceptLexicon, type ConceptLexicon } from '../core/concepts/index.ts';
import type { Corpus } from '../core/corpus/schema.ts';
import { loadMatcher, type Matcher, type SerializedMatcher } from '../core/match/index.ts';
import { createStatementFinder, type StatementFinder } from '../core/statements/index.ts';

interface Derived {
  matcher?: Matcher;
  finder?: StatementFinder;
  checker?: ClaimChecker;
}

const derived = new WeakMap<SerializedMatcher, Derived>();

function of(serialized: SerializedMatcher): Derived {
  let d = derived.get(serialized);
  if (!d) derived.set(serialized, (d = {}));
  return d;
}

/** The loaded matcher of a stored one, once per worker life and record (loading derives 64 K-entry tables). */
export function liveMatcher(serialized: SerializedMatcher): Matcher {
  const d = of(serialized);
  return (d.matcher ??= loadMatcher(serialized));
}

/** The record's statement finder (it compiles the role matcher), shared by recording and the claim checker. */
export function statementFinder(record: { corpus: Corpus; matcher: SerializedMatcher }): StatementFinder {
  const d = of(record.matcher);
  return (d.finder ??= createStatementFinder({ entities: record.corpus.entities, matcher: liveMatcher(record.matcher) }));
}

/** The concept lexicon is the same for every record: compiled once per worker, on first need. */
let lexicon: ConceptLexicon | undefined;

/** The record's claim checker, built on the first check. */
export function claimChecker(record: { corpus: Corpus; matcher: SerializedMatcher }): ClaimChecker {
  const d = of(record.matcher);
  return (d.checker ??= createClaimChecker(record.corpus, liveMatcher(record.matcher), (lexicon ??= createConceptLexicon(BUNDLED_CONCEPTS)), {
    finder: statementFinder(record),
  }));
}
