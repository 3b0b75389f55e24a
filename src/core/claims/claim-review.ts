/**
 * Exports of the moderators' checks: CSV, and JSON shaped like schema.org
 * ClaimReview (https://schema.org/ClaimReview), one object per check.
 */
import { toCsv } from '../csv.ts';
import { VERDICT_LABELS, type CheckRow, type Verdict } from './check-record.ts';
import { REVIEW_ID_SLOT, type Reviewer } from '../settings.ts';

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
  /** Who reviewed (the options page's reviewer settings), for `author` and `url` of the review. */
  reviewer: Reviewer;
  /** Entity id → entity type ("person", "organization", "collective", …): the claim author's @type. */
  types?: ReadonlyMap<string, string>;
  /** Position id → where it is on record (source title and outlet), for the CSV. */
  positionSummary?: ReadonlyMap<string, string>;
}

type OrganizationJson = { '@type': 'Organization'; name: string; url?: string };
type AuthorJson = OrganizationJson | { '@type': 'Person'; name: string; affiliation?: OrganizationJson };

export interface ClaimReviewJson {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  /** The review itself (where the reviewer publishes it); left out when no address pattern is set. */
  url?: string;
  datePublished: string;
  dateModified: string;
  claimReviewed: string;
  author?: AuthorJson;
  publisher?: OrganizationJson;
  itemReviewed: {
    '@type': 'Claim';
    author?: { '@type': 'Person' | 'Organization'; name: string };
    appearance: { '@type': 'CreativeWork'; url: string; headline?: string };
  };
  reviewRating: { '@type': 'Rating'; ratingValue: number; bestRating: number; worstRating: number; alternateName: string; ratingExplanation?: string };
}

/** The review's address: the reviewer's pattern with the check's id in place of `{id}`. */
export function reviewUrl(pattern: string, id: string): string | undefined {
  const p = pattern.trim();
  return p.includes(REVIEW_ID_SLOT) ? p.split(REVIEW_ID_SLOT).join(encodeURIComponent(id)) : undefined;
}

/** The organisation, when named (with its site when given). */
function organisation(r: Reviewer): OrganizationJson | undefined {
  const name = r.organisation.trim();
  if (!name) return undefined;
  const url = r.organisationUrl.trim();
  return { '@type': 'Organization', name, ...(url ? { url } : {}) };
}

/** The review's author: the moderator by name (of their organisation), else the organisation; none when neither is set. */
function author(r: Reviewer): AuthorJson | undefined {
  const org = organisation(r);
  const name = r.name.trim();
  if (name) return { '@type': 'Person', name, ...(org ? { affiliation: org } : {}) };
  return org;
}

/**
 * schema.org type of a claim's author by entity type: an organisation or a collective speaking ("the Kremlin", "Moscow"
 * as a government) is an Organization; a person, or a type not known, a Person.
 */
export function authorType(type: string | undefined): 'Person' | 'Organization' {
  return type === 'organization' || type === 'collective' ? 'Organization' : 'Person';
}

export function toClaimReview(row: CheckRow, ctx: ExportContext): ClaimReviewJson {
  // The claim's author is the speaker the check attributed it to, and no one else: the first actor a claim names is
  // often what it is about ("Russia is still ready for talks, an analyst wrote"), not who said it (audit A16).
  const speaker = row.speakerId ?? undefined;
  const url = reviewUrl(ctx.reviewer.reviewUrl, row.id);
  const by = author(ctx.reviewer);
  const publisher = organisation(ctx.reviewer);
  const review: ClaimReviewJson = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    ...(url ? { url } : {}),
    datePublished: new Date(row.createdAt).toISOString().slice(0, 10),
    dateModified: new Date(row.updatedAt).toISOString().slice(0, 10),
    claimReviewed: row.claim,
    ...(by ? { author: by } : {}),
    ...(publisher ? { publisher } : {}),
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
  if (speaker) review.itemReviewed.author = { '@type': authorType(ctx.types?.get(speaker)), name: ctx.labels.get(speaker) ?? speaker };
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
