/** Compiled matchers from the CLI build's cache (build-cache.ts), keyed by the entities they were compiled from. */
import type { Entity, Side } from '../core/corpus/schema.ts';
import { compileMatcher, loadMatcher, MATCHER_FORMAT, serializeMatcher, type Matcher, type SerializedMatcher } from '../core/match/index.ts';
import { cacheGet, cacheKey, cachePut } from './build-cache.ts';

/** `sides`: the corpus's sides, which tell the matcher the anchors of relevance. */
export function cachedMatcher(entities: readonly Entity[], sides?: readonly Side[]): Matcher {
  const key = cacheKey((h) => h.update(`${MATCHER_FORMAT}\n`).update(JSON.stringify(entities)).update(JSON.stringify(sides ?? null)));
  const stored = cacheGet('matchers', key) as SerializedMatcher | undefined;
  if (stored !== undefined) {
    try {
      return loadMatcher(stored);
    } catch {
      // Another format: compile below.
    }
  }
  const matcher = compileMatcher(entities, sides);
  cachePut('matchers', key, serializeMatcher(matcher));
  return matcher;
}
