/**
 * Issue 12 in the background: the statements found on a tab's page (asked
 * from the page as text, found here, not on the page's main thread), which
 * of them the record already holds, and recording one (or a saved
 * highlight) in the user layer.
 */
import * as v from 'valibot';
import type { Position, Source } from '../core/corpus/schema.ts';
import { t } from '../core/i18n.ts';
import { draftFromStatement, todayRange, type RecordDraft } from '../core/recording/draft.ts';
import { findRecordedIn, indexRecorded, type RecordedIndex, type StatementSpan } from '../core/recording/recorded.ts';
import type { Corpus } from '../core/corpus/schema.ts';
import { spokenWords, StatementEdits, type PageSource, type PageStatement, type PageStatements } from '../core/recording/types.ts';
import { PageTextReply } from '../shared/messages.ts';
import type { OnRecordDb } from '../storage/db.ts';
import { readPageMeta } from '../core/recording/page-meta.ts';
import type { RecordService } from './record-service.ts';
import { findStatements } from './statement-finder.ts';
import { readUserLayer, recordDraft, removePosition, USER_ID_PREFIX, type UserLayer } from './user-layer.ts';
import { entityLabel } from '../core/record/entity-label.ts';
import { workerUiLocale } from './ui-locale.ts';

export interface MyRecord {
  positions: Position[];
  sources: Source[];
  labels: Record<string, string>;
}

interface TabPage {
  reply: PageTextReply;
  page: PageSource;
  /** The finder's result for this text under this record. */
  found: ReturnType<typeof findStatements>;
  fingerprint: string;
}

/** What recording answers; `already`: the record held it already (nothing written); `keptAside`: the user layer did not read, was kept aside as it was, and this started a fresh one. */
export interface Recorded {
  positionId: string;
  keptAside?: true;
  /** Nothing was recorded: the record already holds this statement, as `positionId`. */
  already?: true;
}

export class RecordingService {
  readonly #tabs = new Map<number, TabPage>();
  /** The recording in progress, if any: the next one waits for it (see recordStatement). */
  #recording: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: OnRecordDb,
    private readonly records: RecordService,
    /** Called after the user layer changed: rebuild the record, tell the tabs. */
    private readonly changed: () => Promise<void>,
    /** browser.tabs.sendMessage (injected: the service has no browser API of its own, so it runs in unit tests). */
    private readonly askTab: (tabId: number, message: { type: 'bg-cs-page-text' }) => Promise<unknown> = () => Promise.reject(new Error('no tabs')),
  ) {}

  forgetTab(tabId: number): void {
    this.#tabs.delete(tabId);
  }

  /** The page's text and metadata, asked from its content script (which answers only the extension). */
  async #pageText(tabId: number): Promise<PageTextReply> {
    let raw: unknown;
    try {
      raw = await this.askTab(tabId, { type: 'bg-cs-page-text' });
    } catch {
      throw new Error(t('statementsNoPage'));
    }
    const parsed = v.safeParse(PageTextReply, raw);
    if (!parsed.success) throw new Error(t('statementsNoPage'));
    return parsed.output;
  }

  /** Finds (or reuses) the statements of the tab's page; the finder runs again only when the text or the record changed. */
  async #tabPage(tabId: number, fresh: boolean): Promise<TabPage> {
    const cached = this.#tabs.get(tabId);
    const active = await this.records.active();
    if (cached && !fresh && cached.fingerprint === active.fingerprint) return cached;
    const reply = await this.#pageText(tabId);
    if (cached && cached.reply.text === reply.text && cached.reply.url === reply.url && cached.fingerprint === active.fingerprint) return cached;
    const page = readPageMeta(reply, reply.text);
    const found = findStatements(reply.text, active, page.published, page.language);
    const entry: TabPage = { reply, page, found, fingerprint: active.fingerprint };
    this.#tabs.set(tabId, entry);
    return entry;
  }

  async statements(tabId: number, fresh = true): Promise<PageStatements> {
    const tab = await this.#tabPage(tabId, fresh);
    const [active, layer] = await Promise.all([this.records.active(), readUserLayer(this.db)]);
    const { corpus } = active;
    const recorded = heldIn(recordedIndex(active, layer), tab.reply.url, tab.reply.text, tab.found);
    const statements: PageStatement[] = tab.found.map((f, i) => ({
      ...f,
      text: tab.reply.text.slice(f.start, f.end),
      recorded: recorded[i] ?? null,
    }));
    const named = new Set(statements.flatMap((s) => [...(s.speakerId ? [s.speakerId] : []), ...s.topics]));
    const entities = Object.fromEntries(corpus.entities.filter((e) => named.has(e.id)).map((e) => [e.id, { label: entityLabel(e, workerUiLocale()), type: e.type }]));
    return { page: tab.page, statements, entities };
  }

  /**
   * Records the statement at [start, end) of the tab's page, with the person's edits (or the finder's own reading).
   * `text`, the statement as the list showed it, must still be the page's text there: a page that changed since the
   * list was read could hold another statement at those offsets, which would be saved with edits meant for the first.
   * A statement the record already holds (the same passage of this page, the same quote of the speaker) is not
   * recorded again: the answer names the position that holds it (`already`). Recordings run one at a time, so two
   * views (the popup and the side panel) or a double submit cannot both pass that check.
   */
  recordStatement(tabId: number, start: number, end: number, rawEdits: unknown, text?: string): Promise<Recorded> {
    const run = this.#recording.then(() => this.#recordStatement(tabId, start, end, rawEdits, text));
    this.#recording = run.catch(() => undefined);
    return run;
  }

  async #recordStatement(tabId: number, start: number, end: number, rawEdits: unknown, text?: string): Promise<Recorded> {
    const tab = await this.#tabPage(tabId, false);
    const found = tab.found.find((f) => f.start === start && f.end === end);
    if (!found || (text !== undefined && tab.reply.text.slice(start, end) !== text)) throw new Error(t('statementsGone'));
    const edits = rawEdits === undefined ? defaultEdits(found, tab.reply.text, tab.page) : v.parse(StatementEdits, rawEdits);
    const held = await this.#alreadyRecorded(tab, found, edits.speakerId);
    if (held) return { positionId: held, already: true };
    return this.#record(draftFromStatement(tab.reply.text, tab.page, found, edits));
  }

  /** The position that already records `found` on this page (as the finder read it, or under the speaker chosen in the form), if any. */
  async #alreadyRecorded(tab: TabPage, found: TabPage['found'][number], speakerId: string | undefined): Promise<string | null> {
    const [active, layer] = await Promise.all([this.records.active(), readUserLayer(this.db)]);
    const readings = [found, ...(speakerId && speakerId !== found.speakerId ? [{ ...found, speakerId }] : [])];
    const marks = heldIn(recordedIndex(active, layer), tab.reply.url, tab.reply.text, readings);
    return marks.find((m) => m !== null)?.positionId ?? null;
  }

  async #record(draft: RecordDraft, quiet = false): Promise<Recorded> {
    const { corpus } = await this.records.active();
    const { position, keptAside } = await recordDraft(this.db, corpus, draft);
    if (!quiet) await this.changed();
    // Said, not silent: the user's earlier layer did not read, is kept aside, and this went into a fresh one.
    return { positionId: position.id, ...(keptAside ? { keptAside: true as const } : {}) };
  }

  /**
   * Records a drafted position from another feature (a highlight, the review
   * queue). `quiet` leaves rebuilding the record to one notify() after a batch.
   */
  record(draft: RecordDraft, quiet = false): Promise<Recorded> {
    return this.#record(draft, quiet);
  }

  async unrecord(positionId: string, quiet = false): Promise<void> {
    if (!positionId.startsWith(USER_ID_PREFIX)) throw new Error(t('statementsNotYours'));
    await removePosition(this.db, positionId);
    if (!quiet) await this.changed();
  }

  /** The library's "Your record": your positions, newest first, with their sources (no texts) and the labels they name. */
  async myRecord(): Promise<MyRecord> {
    const [{ corpus }, layer] = await Promise.all([this.records.active(), readUserLayer(this.db)]);
    const labels: Record<string, string> = {};
    for (const e of [...corpus.entities, ...layer.entities]) labels[e.id] = entityLabel(e, workerUiLocale());
    return {
      positions: [...layer.positions].reverse(),
      sources: layer.sources.map(({ text: _text, anchor: _anchor, ...s }) => s),
      labels,
    };
  }

  /** After a quiet batch: rebuild the record once and tell the tabs. */
  notify(): Promise<void> {
    return this.changed();
  }
}

/**
 * "Already in your record", the one test for every place that offers to record something (the statements
 * list, recording a statement, the review queue): for each span of `text` (the page or article at `url`), the
 * position that already holds it (core/recording/recorded.ts findRecordedIn), among the active record's corpora
 * and the user layer as stored, not only as the active record last built it: a position recorded a moment ago
 * counts.
 */
export function heldIn(index: RecordedIndex, url: string, text: string, spans: readonly StatementSpan[]): ReturnType<typeof findRecordedIn> {
  return findRecordedIn(index, url, text, spans, USER_ID_PREFIX);
}

/**
 * What heldIn looks statements up in: the active record's corpora and the user layer as stored (its sources
 * with their anchors), indexed once for a request (core/recording/recorded.ts indexRecorded).
 */
export function recordedIndex(active: Corpus | { corpus: Corpus; corporaKey?: string }, layer: UserLayer): RecordedIndex {
  const { corpus, corporaKey } = 'corpus' in active ? active : { corpus: active, corporaKey: undefined };
  const base = corporaIndex(corpus, corporaKey);
  // The layer as stored (its sources with their anchors) over the corpora's index: a position recorded a moment ago counts.
  const sources = layer.sources.map((s) => ({ id: s.id, url: s.url, anchor: s.anchor }));
  return indexRecorded(layer.positions, sources, base);
}

/**
 * The record's corpora (not the user layer) indexed for the "already in your record" test, kept with the active
 * record while its corpora stay the same (review 10B RB3): a decision in the review queue, a statement recorded or
 * a list of a page's statements indexes only the user layer again, not 100,000 positions twice per keypress.
 */
let corporaCache: { key: string; index: { base: RecordedIndex; basePositions: number } } | null = null;

function corporaIndex(corpus: Corpus, corporaKey: string | undefined): { base: RecordedIndex; basePositions: number } {
  const positions = corpus.positions.filter((p) => !p.id.startsWith(USER_ID_PREFIX));
  const sources = corpus.sources.filter((s) => !s.id.startsWith(USER_ID_PREFIX));
  // The counts too: two corpus changes within one millisecond leave the same install stamps.
  const key = corporaKey === undefined ? undefined : `${corporaKey}|${positions.length}|${sources.length}`;
  if (key !== undefined && corporaCache?.key === key) return corporaCache.index;
  const index = { base: indexRecorded(positions, sources.map((s) => ({ id: s.id, url: s.url }))), basePositions: positions.length };
  if (key !== undefined) corporaCache = { key, index };
  return index;
}

/** What the finder read, as edits: the statement's words as its paraphrase and stance. */
export function defaultEdits(found: ReturnType<typeof findStatements>[number], text: string, page: PageSource): StatementEdits {
  const words = spokenWords(text.slice(found.start, found.end).replace(/\s+/g, ' ').trim()).slice(0, 5000);
  return {
    ...(found.speakerId ? { speakerId: found.speakerId } : { speakerName: found.speakerName, speakerType: found.speakerType === 'organization' ? 'organization' : 'person' }),
    topics: found.topics,
    stance: words,
    keepQuote: true,
    date: found.date ?? page.published ?? todayRange(new Date(), t('statementsDateToday')),
  };
}
