/**
 * Compiled matchers from the CLI build's cache (build-cache.ts), keyed by the entities they were compiled from.
 * Stored as snapshots (snapshotMatcher: the matcher with its lazily decoded data decoded), so a command's first
 * scans do not decode it again: loaded as serialized automata, the statement finder's first scans of the seed's
 * role phrases spent about 250 ms of every `onrecord extract` start decoding it (issue 15; docs/benchmarks.md).
 */
import type { Entity, Side } from '../core/corpus/schema.ts';
import { compileMatcher, loadMatcherSnapshot, MATCHER_FORMAT, snapshotMatcher, type Matcher, type MatcherSnapshot } from '../core/match/index.ts';
import { createStatementFinder, createStatementFinderWithRoles, roleEntities, type RoleData, type StatementFinder } from '../core/statements/index.ts';
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

/**
 * The statement finder of `entities` with everything it derives from the record out of the build's cache: the name
 * matcher, the role matcher (its roles' phrases) and the role tables (composed roles, role kinds: a scan of every
 * role phrase). Deriving them was most of `onrecord extract`'s and `check`'s start (issue 15; docs/benchmarks.md).
 */
export function cachedStatementFinder(entities: readonly Entity[], matcher: Matcher = cachedMatcher(entities)): StatementFinder {
  const roles = roleEntities(entities);
  const roleMatcher = roles.length > 0 ? cachedMatcher(roles) : null;
  const key = cacheKey((h) => h.update(`${MATCHER_FORMAT}\nroles\n`).update(JSON.stringify(entities)));
  const stored = cacheGet('statement-roles', key) as RoleData | undefined;
  if (stored !== undefined) {
    try {
      return createStatementFinder({ entities, matcher, roleMatcher, roles: stored });
    } catch {
      // Not this record's: derive below.
    }
  }
  const { finder, roles: data } = createStatementFinderWithRoles({ entities, matcher, roleMatcher });
  cachePut('statement-roles', key, data);
  return finder;
}

/**
 * What a statement finder derives from a record, as plain data for a start snapshot (corpus-snapshot.ts): the name
 * matcher and the role matcher as snapshots, and the role tables.
 */
export interface FinderStart {
  matcher: MatcherSnapshot;
  roleMatcher: MatcherSnapshot | null;
  roles: RoleData;
}

/** FinderStart of `entities` (the matchers from the build's cache when it holds them). */
export function finderStart(entities: readonly Entity[]): FinderStart {
  const matcher = cachedMatcher(entities);
  const roles = roleEntities(entities);
  const roleMatcher = roles.length > 0 ? cachedMatcher(roles) : null;
  const derived = createStatementFinderWithRoles({ entities, matcher, roleMatcher });
  return { matcher: snapshotMatcher(matcher), roleMatcher: roleMatcher && snapshotMatcher(roleMatcher), roles: derived.roles };
}

/** The name matcher and the statement finder of `entities` from their FinderStart. */
export function loadFinderStart(entities: readonly Entity[], start: FinderStart): { matcher: Matcher; finder: StatementFinder } {
  const matcher = loadMatcherSnapshot(start.matcher);
  const roleMatcher = start.roleMatcher && loadMatcherSnapshot(start.roleMatcher);
  return { matcher, finder: createStatementFinder({ entities, matcher, roleMatcher, roles: start.roles }) };
}
