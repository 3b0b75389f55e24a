/**
 * Circular evidence (audit 10 A30): positions taken from the page a claim is read on are marked and never decide the
 * suggestion by themselves.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../concepts/index.ts';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { createClaimChecker } from './check-claim.ts';
import { samePage, samePageKey } from './same-page.ts';

const raw = JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')) as { sources: { id: string; url?: string }[] };
const URLS: Record<string, string> = {
  'seed-000': 'https://news.example.org/2022/10/annexation-and-talks',
  'seed-004': 'https://news.example.org/2022/03/zelensky-jerusalem',
  'seed-003': 'https://tass.example.com/politics/1716093',
};
for (const s of raw.sources) if (URLS[s.id]) s.url = URLS[s.id];
const corpus = parseCorpusShape(raw);
const checker = createClaimChecker(corpus, compileMatcher(corpus.entities), createConceptLexicon(BUNDLED_CONCEPTS));

describe('samePageKey', () => {
  it('treats scheme, www, fragment, tracking parameters and a trailing slash as the same page', () => {
    expect(samePage('https://www.tass.example.com/politics/1716093/?utm_source=x&fbclid=1#top', 'http://tass.example.com/politics/1716093')).toBe(true);
  });
  it('keeps other query parameters and paths apart', () => {
    expect(samePage('https://a.example/p?id=1', 'https://a.example/p?id=2')).toBe(false);
    expect(samePage('https://a.example/p', 'https://a.example/q')).toBe(false);
  });
  it('is null for what is not an http(s) address', () => {
    expect(samePageKey('file:///tmp/x.html')).toBeNull();
    expect(samePageKey('not a url')).toBeNull();
    expect(samePageKey(undefined)).toBeNull();
  });
});

describe('same-page evidence (A30)', () => {
  const peskov = 'Peskov said Kyiv withdrew from the talks in spring 2022.';

  it('marks positions from the claim’s own page and never lets them alone make it consistent', () => {
    const r = checker.check(peskov, { pageUrl: 'https://www.tass.example.com/politics/1716093/?utm_source=feed#x' });
    const own = [...r.results, ...r.otherSide].find((x) => x.positionId === 'p-003-02');
    expect(own?.samePage).toBe(true);
    expect(r.suggestion.verdict).not.toBe('consistent');
    // The speaker's own words are on this page: the claim is never misattributed for it.
    expect(r.suggestion.verdict).not.toBe('misattributed');
    expect(r.suggestion.verdict).toBe('not-in-record');
    expect(r.suggestion.evidence.reason).toBe('same-page-only');
    expect(r.suggestion.evidence.positionIds).toContain('p-003-02');
  });

  it('checked on another page, the same claim is consistent and nothing is marked', () => {
    const r = checker.check(peskov, { pageUrl: 'https://elsewhere.example.net/story' });
    expect(r.suggestion.verdict).toBe('consistent');
    expect([...r.results, ...r.otherSide].some((x) => x.samePage)).toBe(false);
    expect(checker.check(peskov).suggestion.verdict).toBe('consistent');
  });

  it('a claim the record holds from another page is judged on that page’s positions', () => {
    const r = checker.check('Putin said Russia was ready to negotiate with Ukraine.', { pageUrl: URLS['seed-003'] });
    expect(r.suggestion.verdict).toBe('consistent');
    expect(r.suggestion.evidence.positionIds).toContain('p-000-09');
  });

  it('only this page holds it: not in the record, with the same-page positions shown as such', () => {
    const claim = 'Zelensky said he was ready for high-level talks with Russia and suggested Jerusalem as a venue.';
    const r = checker.check(claim, { pageUrl: URLS['seed-004'] });
    expect(r.suggestion.verdict).toBe('not-in-record');
    expect(r.suggestion.evidence.reason).toBe('same-page-only');
    expect(r.suggestion.evidence.positionIds).toContain('p-004-01');
    expect(r.results.find((x) => x.positionId === 'p-004-01')?.samePage).toBe(true);
    expect(checker.check(claim, { pageUrl: URLS['seed-000'] }).suggestion.verdict).toBe('consistent');
  });
});
