/**
 * Exports of the moderators' checks: CSV, and JSON shaped like schema.org
 * ClaimReview (https://schema.org/ClaimReview), one object per check.
 */
import { toCsv } from '../csv.ts';
import { VERDICT_LABELS, type CheckRow, type Verdict } from './check-record.ts';

/**
 * Rating scale for reviewRating: 1 = the claim contradicts the record (false),
 * 5 = consistent with it. Misattributed is false as stated (2); not in the
 * record cannot be rated true or false (3, the middle).
 */
export const VERDICT_RATING: Record<Verdict, number> = { contradicts: 1, misattributed: 2, 'not-in-record': 3, consistent: 5 };
export const RATING_WORST = 1;
export const RATING_BEST = 5;

export interface ExportContext {
  /** Entity id → label, for author names and actor columns. */
  labels: ReadonlyMap<string, string>;
  /** Who reviewed, for `author` of the review. */
  reviewer: string;
  /** Position id → where it is on record (source title and outlet), for the CSV. */
  positionSummary?: ReadonlyMap<string, string>;
}

export interface ClaimReviewJson {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  datePublished: string;
  claimReviewed: string;
  author: { '@type': 'Organization'; name: string };
  itemReviewed: {
    '@type': 'Claim';
    author?: { '@type': 'Person' | 'Organization'; name: string };
    appearance: { '@type': 'CreativeWork'; url: string; headline?: string };
  };
  reviewRating: { '@type': 'Rating'; ratingValue: number; bestRating: number; worstRating: number; alternateName: string; ratingExplanation?: string };
}

export function toClaimReview(row: CheckRow, ctx: ExportContext): ClaimReviewJson {
  const speaker = row.speakerId ?? row.actorIds[0];
  const review: ClaimReviewJson = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: row.pageUrl,
    datePublished: new Date(row.createdAt).toISOString().slice(0, 10),
    claimReviewed: row.claim,
    author: { '@type': 'Organization', name: ctx.reviewer },
    itemReviewed: {
      '@type': 'Claim',
      appearance: { '@type': 'CreativeWork', url: row.pageUrl, ...(row.pageTitle ? { headline: row.pageTitle } : {}) },
    },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: VERDICT_RATING[row.verdict],
      bestRating: RATING_BEST,
      worstRating: RATING_WORST,
      alternateName: VERDICT_LABELS[row.verdict],
      ...(row.note ? { ratingExplanation: row.note } : {}),
    },
  };
  if (speaker) review.itemReviewed.author = { '@type': 'Person', name: ctx.labels.get(speaker) ?? speaker };
  return review;
}

export function checksToClaimReviewJson(rows: readonly CheckRow[], ctx: ExportContext): string {
  return JSON.stringify(rows.map((r) => toClaimReview(r, ctx)), null, 2);
}

export const CHECK_CSV_COLUMNS = ['date', 'verdict', 'claim', 'speaker', 'actors', 'note', 'positions', 'page_title', 'page_url', 'site'] as const;

export function checksToCsv(rows: readonly CheckRow[], ctx: ExportContext): string {
  const label = (id: string) => ctx.labels.get(id) ?? id;
  return toCsv(
    CHECK_CSV_COLUMNS,
    rows.map((r) => ({
      date: new Date(r.createdAt).toISOString(),
      verdict: VERDICT_LABELS[r.verdict],
      claim: r.claim,
      speaker: r.speakerId ? label(r.speakerId) : '',
      actors: r.actorIds.map(label),
      note: r.note,
      positions: r.positionIds.map((id) => (ctx.positionSummary?.get(id) ? `${id} (${ctx.positionSummary.get(id)})` : id)),
      page_title: r.pageTitle,
      page_url: r.pageUrl,
      site: r.site,
    })),
  );
}
