/**
 * Moderators' checks in the background: the claim checker over the active
 * record (rebuilt when the record changes), the claim each tab last asked to
 * check, and the verdicts in the `checks` table.
 */
import * as v from 'valibot';
import type { ClaimCheck, ClaimChecker } from '../core/claims/check-claim.ts';
import { CheckDraft, CheckRowSchema, ClaimSelectors, pageKey, toCheckRow, type CheckRow } from '../core/claims/check-record.ts';
import { evidenceSnapshot, summarizePositions, type PositionSummary } from '../core/claims/position-summary.ts';
import { claimChecker } from './record-cache.ts';
import { BUNDLED_CONCEPTS } from '../core/concepts/bundled.ts';
import { labeller, localizeCheck } from './localize-check.ts';
import { workerUiLocale } from './ui-locale.ts';
import type { OnRecordDb } from '../storage/db.ts';
import type { RecordService } from './record-service.ts';
import { entityLabel } from '../core/record/entity-label.ts';

export interface PendingClaim {
  tabId: number;
  text: string;
  pageUrl: string;
  pageTitle: string;
  selectors?: ClaimSelectors;
  /** When the moderator asked (ms since epoch). */
  at: number;
}

/** Longest claim kept from a selection; the checker reads at most MAX_CLAIM_CHARS of it. */
const MAX_PENDING_CHARS = 20_000;

export class ChecksService {
  /**
   * The claim each tab sent last. In memory: the side panel asks for it
   * right after it opens, while the worker is awake; the panel then keeps
   * its own copy, so a worker restart later loses nothing on screen.
   */
  readonly #pending = new Map<number, PendingClaim>();

  constructor(
    private readonly db: OnRecordDb,
    private readonly records: RecordService,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  async #getChecker(): Promise<ClaimChecker> {
    return claimChecker(await this.records.active());
  }

  setPending(tabId: number, claim: { text: string; pageUrl: string; pageTitle: string; selectors?: unknown }): PendingClaim {
    const selectors = v.safeParse(ClaimSelectors, claim.selectors);
    const pending: PendingClaim = {
      tabId,
      text: claim.text.slice(0, MAX_PENDING_CHARS),
      pageUrl: claim.pageUrl,
      pageTitle: claim.pageTitle,
      ...(selectors.success ? { selectors: selectors.output } : {}),
      at: this.now(),
    };
    this.#pending.set(tabId, pending);
    return pending;
  }

  pending(tabId: number): PendingClaim | null {
    return this.#pending.get(tabId) ?? null;
  }

  forgetTab(tabId: number): void {
    this.#pending.delete(tabId);
  }

  /** Checks a claim; the names in the answer are in the interface language `locale` (concepts, entities). */
  async check(text: string, locale: string = workerUiLocale(), pageUrl?: string): Promise<ClaimCheck> {
    // Positions taken from the page the claim is on are marked and never decide the suggestion (audit A30).
    const checked = (await this.#getChecker()).check(text, { pageUrl: pageUrl ?? null });
    const { corpus } = await this.records.active();
    return localizeCheck(checked, labeller(BUNDLED_CONCEPTS.concepts, corpus, locale));
  }

  /** Saves a verdict (new, or an edit when the draft has the id of a saved one). */
  async save(input: unknown): Promise<CheckRow> {
    const parsed = v.safeParse(CheckDraft, input);
    if (!parsed.success) throw new Error(`invalid verdict: ${parsed.issues.map((i) => `${v.getDotPath(i) ?? '(draft)'}: ${i.message}`).join('; ')}`);
    const draft = parsed.output;
    const existing = draft.id ? await this.db.checks.get(draft.id) : undefined;
    const { corpus } = await this.records.active();
    // The words the verdict rests on, kept with it (issue 11, audit A20): a position later taken out of the record
    // (a user position undone or deleted) still shows what it said. An edit keeps the snapshot of positions gone since.
    const evidence = evidenceSnapshot(corpus, [...draft.positionIds, ...(draft.suggestion?.positionIds ?? [])], existing?.evidence);
    const row: CheckRow = { ...toCheckRow(draft, this.now(), existing?.id ?? this.newId(), existing?.createdAt), evidence };
    await this.db.checks.put(row);
    return row;
  }

  async list(): Promise<CheckRow[]> {
    return this.db.checks.orderBy('createdAt').reverse().toArray();
  }

  /** Labels for entity ids (actors of saved checks), from the active record; unknown ids are left out. */
  async labels(ids: Iterable<string>): Promise<Record<string, string>> {
    const { corpus } = await this.records.active();
    const wanted = new Set(ids);
    const locale = workerUiLocale();
    return Object.fromEntries(corpus.entities.filter((e) => wanted.has(e.id)).map((e) => [e.id, entityLabel(e, locale)]));
  }

  /** Entity types by id ("person", "organization", "collective", …), for the ClaimReview author's @type (audit A16). */
  async types(ids: Iterable<string>): Promise<Record<string, string>> {
    const { corpus } = await this.records.active();
    const wanted = new Set(ids);
    return Object.fromEntries(corpus.entities.filter((e) => wanted.has(e.id)).map((e) => [e.id, e.type]));
  }

  /** What the checks' positions say and who said it, from the active record, by position id. */
  async positions(ids: Iterable<string>): Promise<Record<string, PositionSummary>> {
    const { corpus } = await this.records.active();
    const locale = workerUiLocale();
    const named = { ...corpus, entities: corpus.entities.map((e) => ({ ...e, label: entityLabel(e, locale) })) };
    return Object.fromEntries(summarizePositions(named, ids));
  }

  /** One check of the page at `url` (the sender's own page), or null: a page never reads another page's checks. */
  async onPage(id: string, url: string): Promise<CheckRow | null> {
    const row = await this.db.checks.get(id);
    if (!row) return null;
    let key: string;
    try {
      key = pageKey(url);
    } catch {
      return null;
    }
    return row.pageUrl === key ? row : null;
  }

  /** Undo: puts a check back exactly as it was (after a delete or an edit), validated whole. */
  async restore(input: unknown): Promise<CheckRow> {
    const parsed = v.safeParse(CheckRowSchema, input);
    if (!parsed.success) throw new Error(`invalid check: ${parsed.issues.map((i) => `${v.getDotPath(i) ?? '(check)'}: ${i.message}`).join('; ')}`);
    await this.db.checks.put(parsed.output);
    return parsed.output;
  }

  async forPage(url: string): Promise<CheckRow[]> {
    let key: string;
    try {
      key = pageKey(url);
    } catch {
      return [];
    }
    return this.db.checks.where('pageUrl').equals(key).toArray();
  }

  async remove(id: string): Promise<void> {
    await this.db.checks.delete(id);
  }
}
