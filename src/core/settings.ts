/**
 * The user's settings: one schema (valibot) with defaults, shared by the
 * background (which stores them), the content script (which obeys them) and
 * the popup and options pages (which edit them). Unknown or damaged values
 * fall back to the default field by field, so a bad row never disables the
 * extension.
 */
import * as v from 'valibot';
import { EntityType } from './corpus/schema.ts';
import { siteOf } from './site.ts';
import { isHttpUrl } from './schema/http-url.ts';

export const ENTITY_TYPE_LIST: readonly EntityType[] = ['person', 'organization', 'collective', 'place', 'event', 'topic'];

/** "all": every http(s) site unless switched off; "allowlist": only the sites the user allowed. */
export const SiteMode = v.picklist(['all', 'allowlist']);
/** How mentions are drawn: an underline (quiet, the default) or a tinted background (easier to spot). */
export const HighlightStyle = v.picklist(['underline', 'background']);

/** Shortest dwell: below this a pointer sweeping across a page opens popovers by accident. */
export const MIN_HOVER_DELAY_MS = 100;
/** Longest dwell: past two seconds a deliberate hover feels broken. */
export const MAX_HOVER_DELAY_MS = 2000;
/** Dwell before a hover opens the popover (the user can change it): long enough that sweeping the pointer across a page opens nothing. */
export const DEFAULT_HOVER_DELAY_MS = 300;
/** More sites than anyone switches by hand; bounds the row and each tab's lookup. */
export const MAX_SITES = 5000;

const Site = v.pipe(v.string(), v.maxLength(253));

/** Longest reviewer name or organisation (a name, not a paragraph). */
export const MAX_REVIEWER_CHARS = 200;
/** Where the review's own id goes in the review address pattern. */
export const REVIEW_ID_SLOT = '{id}';

/** Why a reviewer field is refused; each is a message key of the options page. */
export type ReviewerProblem = 'optReviewerTooLong' | 'optReviewerUrlInvalid' | 'optReviewerPatternNoId';

/** A reviewer's address or review-link pattern, as the options form accepts it (one limit for the schema and the form's message). */
const MAX_REVIEWER_URL_CHARS = 2_000;
const ReviewerText = v.pipe(v.string(), v.trim(), v.maxLength(MAX_REVIEWER_CHARS));
const OptionalHttpUrl = v.pipe(v.string(), v.trim(), v.maxLength(MAX_REVIEWER_URL_CHARS), v.check((s) => s === '' || isHttpUrl(s)));
const ReviewUrlPattern = v.pipe(OptionalHttpUrl, v.check((s) => s === '' || s.includes(REVIEW_ID_SLOT)));

/**
 * Who signs the ClaimReview exports (issue 11): the moderator's name and
 * organisation, the organisation's site, and where the reviews are published
 * (a pattern with `{id}`, the check's id). Empty means not set. Stays in the
 * extension's pages: never sent to a tab.
 */
export const Reviewer = v.object({
  name: v.optional(ReviewerText, ''),
  organisation: v.optional(ReviewerText, ''),
  organisationUrl: v.optional(OptionalHttpUrl, ''),
  reviewUrl: v.optional(ReviewUrlPattern, ''),
});
export type Reviewer = v.InferOutput<typeof Reviewer>;

/** The fields of a reviewer form that cannot be saved, with why; empty when all can. */
export function reviewerProblems(draft: Reviewer): Partial<Record<keyof Reviewer, ReviewerProblem>> {
  const out: Partial<Record<keyof Reviewer, ReviewerProblem>> = {};
  for (const key of ['name', 'organisation'] as const) if (draft[key].trim().length > MAX_REVIEWER_CHARS) out[key] = 'optReviewerTooLong';
  for (const key of ['organisationUrl', 'reviewUrl'] as const) {
    const value = draft[key].trim();
    if (value !== '' && (!isHttpUrl(value) || value.length > MAX_REVIEWER_URL_CHARS)) out[key] = 'optReviewerUrlInvalid';
  }
  if (!out.reviewUrl && draft.reviewUrl.trim() !== '' && !draft.reviewUrl.includes(REVIEW_ID_SLOT)) out.reviewUrl = 'optReviewerPatternNoId';
  return out;
}

/** Whether a ClaimReview export can be signed: a name or an organisation is set. */
export function reviewerIsSet(r: Reviewer): boolean {
  return r.name.trim() !== '' || r.organisation.trim() !== '';
}

export const Settings = v.object({
  mode: v.optional(SiteMode, 'all'),
  /** Stops every tab at once without forgetting the per-site choices. */
  paused: v.optional(v.boolean(), false),
  /** Host names switched off (mode "all"). */
  disabledSites: v.optional(v.pipe(v.array(Site), v.maxLength(MAX_SITES)), []),
  /** Host names switched on (mode "allowlist"). */
  allowedSites: v.optional(v.pipe(v.array(Site), v.maxLength(MAX_SITES)), []),
  hoverDelayMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(MIN_HOVER_DELAY_MS), v.maxValue(MAX_HOVER_DELAY_MS)), DEFAULT_HOVER_DELAY_MS),
  highlightStyle: v.optional(HighlightStyle, 'underline'),
  /** Entity types drawn on pages; the others are still in the record. */
  enabledTypes: v.optional(v.array(EntityType), [...ENTITY_TYPE_LIST]),
  /** Names whose card would have nothing to show are drawn in a quieter style; with this on, not at all. */
  hideEmptyNames: v.optional(v.boolean(), false),
  /** Who signs ClaimReview exports (options page); empty until the moderator says. */
  reviewer: v.optional(Reviewer, { name: '', organisation: '', organisationUrl: '', reviewUrl: '' }),
});

export type SiteMode = v.InferOutput<typeof SiteMode>;
export type HighlightStyle = v.InferOutput<typeof HighlightStyle>;
export type Settings = v.InferOutput<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = v.parse(Settings, {});

/** A stored value read field by field: a damaged field takes its default, the rest survive. */
export function readSettings(raw: unknown): Settings {
  const whole = v.safeParse(Settings, raw ?? {});
  if (whole.success) return whole.output;
  const out = salvage(Settings.entries, raw);
  // The reviewer is a group of fields: a damaged address keeps the name.
  if (!('reviewer' in out)) out['reviewer'] = salvage(Reviewer.entries, (raw as { reviewer?: unknown } | null)?.reviewer);
  return v.parse(Settings, out);
}

/** The fields of `raw` that pass their own schema. */
function salvage(entries: Record<string, unknown>, raw: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [key, schema] of Object.entries(entries)) {
    const field = v.safeParse(schema as v.GenericSchema, (raw as Record<string, unknown>)[key]);
    if (field.success) out[key] = field.output;
  }
  return out;
}

export const SettingsPatch = v.partial(v.object(Settings.entries));
export type SettingsPatch = v.InferOutput<typeof SettingsPatch>;


export { siteOf };

/** Whether OnRecord runs on `site` under these settings (pause first, then the mode's list). */
export function isSiteOn(settings: Settings, site: string | undefined): boolean {
  if (!site || settings.paused) return false;
  return settings.mode === 'all' ? !settings.disabledSites.includes(site) : settings.allowedSites.includes(site);
}

/** The settings with `site` switched on or off in the current mode (the list stays sorted and unique). */
export function withSite(settings: Settings, site: string, on: boolean): Settings {
  const key = settings.mode === 'all' ? 'disabledSites' : 'allowedSites';
  const listed = settings.mode === 'all' ? !on : on;
  const rest = settings[key].filter((s) => s !== site);
  return { ...settings, [key]: listed ? [...rest, site].sort() : rest };
}

/** What a tab needs to know, computed by the background for the tab's own URL. */
export interface TabSettings {
  on: boolean;
  hoverDelayMs: number;
  highlightStyle: HighlightStyle;
  enabledTypes: EntityType[];
  hideEmptyNames: boolean;
}

export function tabSettings(settings: Settings, site: string | undefined): TabSettings {
  return {
    on: isSiteOn(settings, site),
    hoverDelayMs: settings.hoverDelayMs,
    highlightStyle: settings.highlightStyle,
    enabledTypes: settings.enabledTypes,
    hideEmptyNames: settings.hideEmptyNames,
  };
}

