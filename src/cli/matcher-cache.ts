/**
 * Compiled matchers from the CLI build's cache (build-cache.ts), keyed by the entities they were compiled from.
 * Stored as snapshots (snapshotMatcher: the matcher with its lazily decoded data decoded), so a command's first
 * scans do not decode it again: loaded as serialized automata, the statement finder's first scans of the seed's
 * role phrases spent about 250 ms of every `onrecord extract` start decoding it (issue 15; docs/benchmarks.md).
 */
import type { Entity, Side } from '../core/corpus/schema.ts';
import { compileMatcher, loadMatcherSnapshot, MATCHER_FORMAT, snapshotMatcher, type Matcher, type MatcherSnapshot } from '../core/match/index.ts';
import { cacheGet, cacheKey, cachePut } from './build-cache.ts';

/** `sides`: the corpus's sides, which tell the matcher the anchors of relevance. */
export function cachedMatcher(entities: readonly Entity[], sides?: readonly Side[]): Matcher {
  const key = cacheKey((h) => h.update(`${MATCHER_FORMAT}\n`).update(JSON.stringify(entities)).update(JSON.stringify(sides ?? null)));
  const stored = cacheGet('matcher-snapshots', key) as MatcherSnapshot | undefined;
  if (stored !== undefined) {
    try {
      return loadMatcherSnapshot(stored);
    } catch {
      // Another format: compile below.
    }
  }
  const matcher = compileMatcher(entities, sides);
  cachePut('matcher-snapshots', key, snapshotMatcher(matcher));
  return matcher;
}
