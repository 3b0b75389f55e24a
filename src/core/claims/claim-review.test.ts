import { describe, expect, it } from 'vitest';
import { checksToClaimReviewJson, checksToCsv, toClaimReview } from './claim-review.ts';
import { filterChecks } from './check-filter.ts';
import { pageKey, toCheckRow, type CheckRow } from './check-record.ts';

const DAY = 86_400_000;
const base = Date.UTC(2024, 0, 10);

function row(over: Partial<CheckRow> & Pick<CheckRow, 'id'>): CheckRow {
  return {
    ...toCheckRow(
      {
        claim: 'Peskov said Kyiv must withdraw before any talks',
        pageUrl: 'https://news.example/a#top',
        pageTitle: 'Talks, again',
        verdict: 'misattributed',
        note: 'Polishchuk said it, "not" Peskov',
        positionIds: ['p-000-04'],
        actorIds: ['dmitry-peskov'],
        topicIds: ['troop-withdrawal'],
        speakerId: 'dmitry-peskov',
      },
      base,
      over.id,
    ),
    ...over,
  };
}

const labels = new Map([['dmitry-peskov', 'Dmitry Peskov'], ['volodymyr-zelensky', 'Volodymyr Zelensky']]);

describe('check rows', () => {
  it('keys a page without its fragment and records the site', () => {
    const r = row({ id: 'a' });
    expect(r.pageUrl).toBe('https://news.example/a');
    expect(r.site).toBe('news.example');
    expect(pageKey('https://x.test/p?q=1&utm_source=x#c')).toBe('https://x.test/p?q=1');
  });
});

describe('ClaimReview export', () => {
  it('has the schema.org fields a fact-check consumer reads', () => {
    const review = toClaimReview(row({ id: 'a' }), { labels, reviewer: 'OnRecord moderator' });
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'Peskov said Kyiv must withdraw before any talks',
      url: 'https://news.example/a',
      datePublished: '2024-01-10',
      itemReviewed: { '@type': 'Claim', author: { name: 'Dmitry Peskov' }, appearance: { url: 'https://news.example/a', headline: 'Talks, again' } },
      reviewRating: { '@type': 'Rating', alternateName: 'Misattributed', ratingValue: 2, worstRating: 1, bestRating: 5 },
    });
    expect(JSON.parse(checksToClaimReviewJson([row({ id: 'a' }), row({ id: 'b' })], { labels, reviewer: 'r' }))).toHaveLength(2);
  });

  it('writes CSV with quoted fields and labels for actors', () => {
    const csv = checksToCsv([row({ id: 'a' })], { labels, reviewer: 'r', positionSummary: new Map([['p-000-04', 'NV']]) });
    const [header, line] = csv.split('\r\n');
    expect(header).toBe('date,verdict,claim,speaker,actors,note,positions,page_title,page_url,site');
    expect(line).toContain('Misattributed');
    expect(line).toContain('"Polishchuk said it, ""not"" Peskov"');
    expect(line).toContain('p-000-04 (NV)');
  });
});

describe('filterChecks', () => {
  const rows = [
    row({ id: 'a', createdAt: base }),
    row({ id: 'b', createdAt: base + 3 * DAY, verdict: 'consistent', site: 'other.example', actorIds: ['volodymyr-zelensky'], speakerId: 'volodymyr-zelensky', claim: 'Zelensky ready for dialogue', note: 'matches p-004-10' }),
  ];
  it('filters by verdict, site, actor, dates and folded words, newest first', () => {
    expect(filterChecks(rows, {}).map((r) => r.id)).toEqual(['b', 'a']);
    expect(filterChecks(rows, { verdict: 'consistent' }).map((r) => r.id)).toEqual(['b']);
    expect(filterChecks(rows, { site: 'news.example' }).map((r) => r.id)).toEqual(['a']);
    expect(filterChecks(rows, { actorId: 'dmitry-peskov' }).map((r) => r.id)).toEqual(['a']);
    expect(filterChecks(rows, { from: '2024-01-11' }).map((r) => r.id)).toEqual(['b']);
    expect(filterChecks(rows, { to: '2024-01-10' }).map((r) => r.id)).toEqual(['a']);
    expect(filterChecks(rows, { text: 'DIALOGUE zelensky' }).map((r) => r.id)).toEqual(['b']);
    expect(filterChecks(rows, { text: 'peskov' }, labels).map((r) => r.id)).toEqual(['a']);
  });
});
