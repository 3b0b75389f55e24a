/**
 * Issue 15, command start: what `onrecord check` and `extract` keep in the build's cache (src/cli/matcher-cache.ts,
 * src/cli/check.ts) and pass back, round-tripped through node:v8 as the cache stores it, gives the same results as
 * deriving it afresh: the statement finder's role tables (StatementRecord.roles) and role matcher, and the claim
 * checker's feature index (createClaimChecker's opts.features).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/cli/check.ts';
import { buildFeatureIndex, createClaimChecker, storedFeatureIndex, type StoredFeatureIndex } from '../../src/core/claims/index.ts';
import { BUNDLED_CONCEPTS, conceptEntities, createConceptLexicon } from '../../src/core/concepts/index.ts';
import { parseCorpusShape } from '../../src/core/corpus/schema.ts';
import { compileMatcher, loadMatcherSnapshot, snapshotMatcher } from '../../src/core/match/index.ts';
import { createStatementFinder, createStatementFinderWithRoles, roleEntities, type RoleData } from '../../src/core/statements/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const seed = parseCorpusShape(JSON.parse(readFileSync(join(ROOT, 'corpus/seed.json'), 'utf8')));
const clone = <T>(x: T): T => deserialize(serialize(x)) as T;
const label = new Map(seed.entities.map((e) => [e.id, e.label]));

/** The seed articles and sentences that name speakers by role phrase only ("the Kremlin spokesman", "глава МИД"). */
const texts = [
  ...readdirSync(join(ROOT, 'corpus/seeds'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(ROOT, 'corpus/seeds', f), 'utf8')),
  'The Kremlin spokesman said on Tuesday that talks in Istanbul were over. “We are ready,” the Russian foreign minister told reporters.',
  'Пресс-секретарь президента России заявил, что переговоры продолжатся. Глава МИД добавил: «Мы готовы».',
  'Радник керівника Офісу президента сказав, що делегації зустрінуться. Der Kremlsprecher sagte, die Gespräche seien beendet.',
];

describe('the statement finder from stored role tables', () => {
  it('finds the same statements as a finder that derives them', () => {
    const matcher = compileMatcher(seed.entities);
    const fresh = createStatementFinder({ entities: seed.entities, matcher });
    const { roles } = createStatementFinderWithRoles({ entities: seed.entities, matcher });
    // Something to compare: the seed's roles compose (the Kremlin's spokesperson) and give kinds.
    expect(roles.composed.length).toBeGreaterThan(0);
    expect(roles.kinds.length).toBeGreaterThan(0);
    const roleMatcher = loadMatcherSnapshot(clone(snapshotMatcher(compileMatcher(roleEntities(seed.entities)))));
    const stored = createStatementFinder({ entities: seed.entities, matcher, roleMatcher, roles: clone<RoleData>(roles) });
    let found = 0;
    for (const text of texts) {
      for (const lang of [undefined, 'en', 'ru', 'uk', 'de'] as const) {
        const a = fresh.find(text, { lang, published: '2022-11-15' });
        expect(stored.find(text, { lang, published: '2022-11-15' })).toEqual(a);
        found += a.length;
      }
      expect(stored.subject(text)).toEqual(fresh.subject(text));
    }
    expect(found).toBeGreaterThan(50);
  });

  it('refuses role tables that name a role the entities lack', () => {
    const bad: RoleData = { composed: [['spokesperson|kremlin', [['dmitry-peskov', 99]]]], kinds: [] };
    expect(() => createStatementFinder({ entities: seed.entities, roles: bad })).toThrow(/no role 99 of "dmitry-peskov"/u);
  });
});

describe('the claim checker from a stored feature index', () => {
  it('checks every claim as a checker that builds the index', () => {
    const matcher = compileMatcher(seed.entities);
    const lexicon = createConceptLexicon(BUNDLED_CONCEPTS, compileMatcher(conceptEntities(BUNDLED_CONCEPTS)));
    const fresh = createClaimChecker(seed, matcher, lexicon);
    const features = clone<StoredFeatureIndex>(storedFeatureIndex(buildFeatureIndex(seed, lexicon, matcher)));
    expect(features.postings.size).toBeGreaterThan(100);
    // A small record's index keeps every position's features too: the checker takes them instead of computing them.
    expect(features.features).toHaveLength(seed.positions.length);
    const stored = createClaimChecker(seed, matcher, lexicon, { features });
    const claims = seed.positions.flatMap((p) => [`${label.get(p.actor)} said ${p.stance}`, ...(p.quote ? [`${label.get(p.actor)}: ${p.quote}`] : [])]);
    expect(claims.length).toBeGreaterThan(90);
    claims.forEach((claim, i) => expect(checkRecord(stored.check(claim), i)).toEqual(checkRecord(fresh.check(claim), i)));
  });
});
