import { describe, expect, it } from 'vitest';
import { checksToClaimReviewJson, checksToCsv, toClaimReview } from './claim-review.ts';
import { filterChecks } from './check-filter.ts';
import { pageKey, toCheckRow, type CheckRow } from './check-record.ts';
import { DEFAULT_SETTINGS, readSettings, reviewerIsSet, reviewerProblems, type Reviewer } from '../settings.ts';

const DAY = 86_400_000;
// Noon local time: the same calendar day in UTC and locally, wherever the tests run.
const base = new Date(2024, 0, 10, 12).getTime();

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
const NOBODY: Reviewer = DEFAULT_SETTINGS.reviewer;
const REVIEWER: Reviewer = { name: 'Olena Koval', organisation: 'Fact Desk Kyiv', organisationUrl: 'https://factdesk.example', reviewUrl: 'https://factdesk.example/reviews/{id}' };

describe('check rows', () => {
  it('keys a page without its fragment and records the site', () => {
    const r = row({ id: 'a' });
    expect(r.pageUrl).toBe('https://news.example/a');
    expect(r.site).toBe('news.example');
    expect(pageKey('https://x.test/p?q=1&utm_source=x#c')).toBe('https://x.test/p?q=1');
  });
});

describe('ClaimReview export', () => {
  it("names as the claim's author only the speaker the check attributed it to, typed by entity type (audit A16)", () => {
    const unattributed = toClaimReview(row({ id: 'u', claim: 'Moscow is still open to talks, a commentator wrote.', speakerId: undefined, actorIds: ['russian-government'] }), { labels, reviewer: REVIEWER });
    expect(unattributed.itemReviewed.author).toBeUndefined();
    const types = new Map([['kremlin', 'organization'], ['russian-government', 'collective'], ['dmitry-peskov', 'person']]);
    const ctx = { labels: new Map([...labels, ['kremlin', 'Kremlin'], ['russian-government', 'Russian government']]), reviewer: REVIEWER, types };
    expect(toClaimReview(row({ id: 'k', speakerId: 'kremlin', actorIds: ['kremlin'] }), ctx).itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Kremlin' });
    expect(toClaimReview(row({ id: 'g', speakerId: 'russian-government', actorIds: ['russian-government'] }), ctx).itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Russian government' });
    expect(toClaimReview(row({ id: 'p' }), ctx).itemReviewed.author).toEqual({ '@type': 'Person', name: 'Dmitry Peskov' });
  });
  it('has the schema.org fields a fact-check consumer reads', () => {
    const review = toClaimReview(row({ id: 'a' }), { labels, reviewer: REVIEWER });
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'Peskov said Kyiv must withdraw before any talks',
      datePublished: '2024-01-10',
      itemReviewed: { '@type': 'Claim', author: { name: 'Dmitry Peskov' }, appearance: { url: 'https://news.example/a', headline: 'Talks, again' } },
      reviewRating: { '@type': 'Rating', alternateName: 'Misattributed', ratingValue: 2, worstRating: 1, bestRating: 5 },
    });
    expect(JSON.parse(checksToClaimReviewJson([row({ id: 'a' }), row({ id: 'b' })], { labels, reviewer: REVIEWER }))).toHaveLength(2);
  });

  it('is signed by the reviewer from the options; url is the review, itemReviewed.appearance the page', () => {
    const review = toClaimReview(row({ id: 'check 7/ü' }), { labels, reviewer: REVIEWER });
    // The review's own address, with the check's id escaped into the pattern; never the page that was reviewed.
    expect(review.url).toBe('https://factdesk.example/reviews/check%207%2F%C3%BC');
    expect(review.itemReviewed.appearance).toEqual({ '@type': 'CreativeWork', url: 'https://news.example/a', headline: 'Talks, again' });
    expect(review.author).toEqual({
      '@type': 'Person',
      name: 'Olena Koval',
      affiliation: { '@type': 'Organization', name: 'Fact Desk Kyiv', url: 'https://factdesk.example' },
    });
    expect(review.publisher).toEqual({ '@type': 'Organization', name: 'Fact Desk Kyiv', url: 'https://factdesk.example' });
    expect(JSON.stringify(review)).not.toContain('OnRecord moderator');
  });

  it('an organisation alone signs as the organisation; no pattern leaves url out rather than pointing at the page', () => {
    const review = toClaimReview(row({ id: 'a' }), { labels, reviewer: { ...NOBODY, organisation: '  Fact Desk  ' } });
    expect(review.author).toEqual({ '@type': 'Organization', name: 'Fact Desk' });
    expect(review).not.toHaveProperty('url');
    const unsigned = toClaimReview(row({ id: 'a' }), { labels, reviewer: NOBODY });
    expect(unsigned).not.toHaveProperty('author');
    expect(unsigned).not.toHaveProperty('url');
  });

  it('writes CSV with quoted fields and labels for actors', () => {
    const csv = checksToCsv([row({ id: 'a' })], { labels, reviewer: REVIEWER, positionSummary: new Map([['p-000-04', 'NV']]) });
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

describe('reviewer settings', () => {
  it('start empty, and an export needs a name or an organisation', () => {
    expect(DEFAULT_SETTINGS.reviewer).toEqual({ name: '', organisation: '', organisationUrl: '', reviewUrl: '' });
    expect(reviewerIsSet(NOBODY)).toBe(false);
    expect(reviewerIsSet({ ...NOBODY, name: '  ' })).toBe(false);
    expect(reviewerIsSet({ ...NOBODY, organisation: 'Desk' })).toBe(true);
  });

  it('refuse what cannot be exported, field by field, and store what can', () => {
    expect(reviewerProblems(REVIEWER)).toEqual({});
    expect(reviewerProblems({ name: 'x'.repeat(201), organisation: 'ok', organisationUrl: 'javascript:alert(1)', reviewUrl: 'https://desk.example/reviews/' })).toEqual({
      name: 'optReviewerTooLong',
      organisationUrl: 'optReviewerUrlInvalid',
      reviewUrl: 'optReviewerPatternNoId',
    });
    expect(reviewerProblems({ ...NOBODY, reviewUrl: 'ftp://desk.example/{id}' })).toEqual({ reviewUrl: 'optReviewerUrlInvalid' });
    // Stored values are trimmed; a damaged stored field falls back to empty without touching the other fields or settings.
    expect(readSettings({ reviewer: { ...REVIEWER, name: '  Olena Koval ' } }).reviewer.name).toBe('Olena Koval');
    const damaged = readSettings({ hoverDelayMs: 500, reviewer: { ...REVIEWER, reviewUrl: 'https://desk.example/no-slot' } });
    expect(damaged.hoverDelayMs).toBe(500);
    expect(damaged.reviewer).toEqual({ ...REVIEWER, reviewUrl: '' });
    expect(readSettings({ reviewer: 'garbage' }).reviewer).toEqual(NOBODY);
  });
});
