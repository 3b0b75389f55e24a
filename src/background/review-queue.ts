/**
 * The review queue (issue 12): a candidates file imported whole, each
 * candidate accepted (into the user layer or a named corpus), edited, or
 * rejected; progress kept in the database so closing the page loses
 * nothing; every decision undoable, last first.
 *
 * A decision and what it records are written in one transaction (the queue
 * row, the user layer and the corpus tables together): a worker stopped
 * half-way through a bulk acceptance leaves either all of it or none, so
 * nothing is ever recorded twice. A candidate the record already holds (the
 * popup's "Already in your record" test, core/recording/recorded.ts) is
 * shown as such and is not accepted again; importing the same file again
 * keeps the decisions made on its candidates. Closing a queue (or replacing
 * it by an import) keeps it ten minutes, to be opened again.
 */
import * as v from 'valibot';
import { t } from '../core/i18n.ts';
import type { Corpus, Entity, Position } from '../core/corpus/schema.ts';
import type { ReviewImportQuestion, ReviewItem, ReviewState, ReviewTarget } from '../core/recording/review-types.ts';
import { draftFromCandidate, isCandidate, readCandidatesFile, type CandidatesFile } from '../core/recording/candidates.ts';
import { StatementEdits } from '../core/recording/types.ts';
import type { OnRecordDb } from '../storage/db.ts';
import { heldIn, recordedIndex, type RecordingService } from './recording-service.ts';
import { noteRecorded, type RecordedIndex } from '../core/recording/recorded.ts';
import type { RecordService } from './record-service.ts';
import { draftRows, readUserLayer, recordDraft, removePosition, USER_ID_PREFIX, type UserSource } from './user-layer.ts';
import { describeSpan } from '../core/anchoring/describe.ts';
import { tryNormalizePageUrl } from '../core/anchoring/page-url.ts';

export const REVIEW_KEY = 'review-queue';
/** The queue last closed or replaced, kept to be opened again. */
export const REVIEW_CLOSED_KEY = 'review-queue-closed';
/** Where accepted candidates go (kept across queues). */
export const REVIEW_TARGET_KEY = 'review-target';
/** How long a closed queue can be opened again: as long as the product's other undo. */
export const REOPEN_MS = 10 * 60 * 1000;
/** Undo keeps this many steps. */
const UNDO_STEPS = 100;
/** Ids minted for rows the queue writes into a named corpus. */
const CORPUS_ID_PREFIX = 'rv-';

/**
 * `into`: the named corpus an acceptance went to (absent: the user layer); `edits`: the reviewer's edits it was
 * recorded with (an undo that records it again uses them: an undated candidate has no date without them).
 */
type Decision = { decision: 'accepted'; positionId: string; into?: string; edits?: StatementEdits } | { decision: 'rejected' };

/** No date was found for the candidate or its article (`unknown: true`, from `onrecord extract`): a reviewer gives one. */
function undated(file: CandidatesFile, p: Position): boolean {
  return p.date.unknown === true || file.corpus.sources.find((x) => x.id === p.source)?.published.unknown === true;
}

interface Stored {
  fileName: string;
  importedAt: number;
  file: CandidatesFile;
  decisions: Record<string, Decision>;
  /** Undo stack: each step the ids it decided and what they were before. */
  history: { ids: string[]; before: Record<string, Decision | null> }[];
}

interface Closed {
  queue: Stored;
  closedAt: number;
}

const TargetInput = v.variant('kind', [
  v.object({ kind: v.literal('layer') }),
  v.object({
    kind: v.literal('corpus'),
    /** An existing corpus; absent for a new one, named by `title`. */
    id: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]*$/), v.maxLength(120))),
    title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  }),
]);

const LAYER: ReviewTarget = { kind: 'layer' };
const CONTEXT = 160;

/** The same candidate in two files: its id, speaker, passage and source (address and text). */
function sameCandidate(a: CandidatesFile, p: Position, b: CandidatesFile, q: Position): boolean {
  if (p.id !== q.id || p.actor !== q.actor || p.passage.start !== q.passage.start || p.passage.end !== q.passage.end) return false;
  const sa = a.corpus.sources.find((s) => s.id === p.source);
  const sb = b.corpus.sources.find((s) => s.id === q.source);
  return (sa?.url ?? '') === (sb?.url ?? '') && a.texts[p.source] === b.texts[q.source];
}

function slug(title: string): string {
  return title.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

export class ReviewQueue {
  constructor(
    private readonly db: OnRecordDb,
    private readonly records: RecordService,
    private readonly recording: RecordingService,
    private readonly now: () => number = Date.now,
  ) {}

  async #read(): Promise<Stored | null> {
    const row = await this.db.settings.get(REVIEW_KEY);
    return (row?.value as Stored | undefined) ?? null;
  }

  async #write(s: Stored | null): Promise<void> {
    if (s) await this.db.settings.put({ key: REVIEW_KEY, value: s });
    else await this.db.settings.delete(REVIEW_KEY);
  }

  async #closed(): Promise<Closed | null> {
    const c = (await this.db.settings.get(REVIEW_CLOSED_KEY))?.value as Closed | undefined;
    return c && this.now() - c.closedAt < REOPEN_MS ? c : null;
  }

  async #target(): Promise<ReviewTarget> {
    return ((await this.db.settings.get(REVIEW_TARGET_KEY))?.value as ReviewTarget | undefined) ?? LAYER;
  }

  /**
   * Opens a candidates file as the queue. Decisions already made on the same candidates (the open queue's, or
   * a closed one's) are kept. When the open queue has undecided candidates the new file does not carry, nothing
   * is changed unless `replace`: the answer is the question to ask. A replaced queue is kept as the closed one.
   */
  async import(text: string, fileName: string, replace = false): Promise<{ state: ReviewState } | { confirm: ReviewImportQuestion }> {
    const file = readCandidatesFile(text, fileName, {
      noCandidates: t('reviewNoCandidates', fileName),
      noText: (id) => t('reviewNoSourceText', id),
    });
    const incoming = file.corpus.positions.filter(isCandidate);
    const asked: { question?: ReviewImportQuestion } = {};
    await this.db.transaction('rw', this.db.settings, async () => {
      const open = await this.#read();
      const closed = await this.#closed();
      if (open && !replace) {
        const undecided = open.file.corpus.positions
          .filter(isCandidate)
          .filter((p) => !open.decisions[p.id] && !incoming.some((q) => sameCandidate(open.file, p, file, q))).length;
        if (undecided > 0) {
          asked.question = { replacing: open.fileName, undecided };
          return;
        }
      }
      const decisions: Record<string, Decision> = {};
      const carried = new Set<string>();
      for (const from of [closed?.queue, open]) {
        if (!from) continue;
        for (const q of incoming) {
          const p = from.file.corpus.positions.find((x) => x.id === q.id);
          const d = from.decisions[q.id];
          if (p && d && sameCandidate(from.file, p, file, q)) {
            decisions[q.id] = d;
            carried.add(q.id);
          }
        }
      }
      // Undo steps of the carried decisions still apply (the positions they recorded are the same).
      const history = (open?.history ?? []).filter((h) => h.ids.every((id) => carried.has(id)));
      await this.#write({ fileName, importedAt: this.now(), file, decisions, history });
      // The replaced queue is kept to be opened again only when the new one does not carry all of it.
      const left = open?.file.corpus.positions.filter(isCandidate).some((p) => !incoming.some((q) => sameCandidate(open.file, p, file, q)));
      if (open && left) await this.db.settings.put({ key: REVIEW_CLOSED_KEY, value: { queue: open, closedAt: this.now() } satisfies Closed });
      else if (closed && closed.queue.file.corpus.positions.filter(isCandidate).some((p) => !closed.queue.decisions[p.id] && !incoming.some((q) => sameCandidate(closed.queue.file, p, file, q)))) {
        // Review 10B RB1: a queue closed less than ten minutes ago, with candidates still to decide that the new
        // file does not carry, stays closed and can still be opened again (nothing was asked: no open queue was put away).
      } else await this.db.settings.delete(REVIEW_CLOSED_KEY);
    });
    if (asked.question) return { confirm: asked.question };
    return { state: await this.state() };
  }

  /** Closes the queue: kept ten minutes (see reopen), its decisions with it. */
  async clear(): Promise<ReviewState> {
    await this.db.transaction('rw', this.db.settings, async () => {
      const open = await this.#read();
      if (!open) return;
      await this.db.settings.put({ key: REVIEW_CLOSED_KEY, value: { queue: open, closedAt: this.now() } satisfies Closed });
      await this.#write(null);
    });
    return this.state();
  }

  /** Opens the queue closed less than ten minutes ago again (an open one, if any, takes its place as the closed one). */
  async reopen(): Promise<ReviewState> {
    await this.db.transaction('rw', this.db.settings, async () => {
      const closed = await this.#closed();
      if (!closed) throw new Error(t('reviewNothingToReopen'));
      const open = await this.#read();
      await this.#write(closed.queue);
      if (open) await this.db.settings.put({ key: REVIEW_CLOSED_KEY, value: { queue: open, closedAt: this.now() } satisfies Closed });
      else await this.db.settings.delete(REVIEW_CLOSED_KEY);
    });
    return this.state();
  }

  /** Where the next acceptances go: the user layer, or a named corpus (an existing imported one, or a new one by name). */
  async setTarget(raw: unknown): Promise<ReviewState> {
    const input = v.parse(TargetInput, raw);
    let target: ReviewTarget = LAYER;
    if (input.kind === 'corpus') {
      if (input.id) {
        const row = await this.db.corpora.get(input.id);
        if (!row || row.origin !== 'imported') throw new Error(t('reviewTargetUnknown', input.title));
        target = { kind: 'corpus', id: row.id, title: row.title };
      } else {
        // A new corpus by name: the imported corpus of that name if there is one, else a free id from the name.
        const rows = await this.db.corpora.toArray();
        const same = rows.find((r) => r.origin === 'imported' && r.title.trim().toLowerCase() === input.title.toLowerCase());
        let id = same?.id ?? `review-${slug(input.title) || 'corpus'}`;
        if (!same) for (let n = 2; rows.some((r) => r.id === id); n++) id = `review-${slug(input.title) || 'corpus'}-${n}`;
        target = { kind: 'corpus', id, title: same?.title ?? input.title };
      }
    }
    await this.db.settings.put({ key: REVIEW_TARGET_KEY, value: target });
    return this.state();
  }

  /**
   * The record as the "already in your record" test reads it (recording-service.ts recordedIndex): the user
   * layer as stored and the active record's corpora, indexed once for this state or decision.
   */
  async #index(s: Stored, record: { corpus: Corpus; corporaKey?: string }): Promise<RecordedIndex> {
    const active = record.corpus;
    const layer = await readUserLayer(this.db);
    // What this queue (or an earlier one) accepted into a named corpus is one position per source, as in your
    // layer: its passage is found in the article again by its words, so another file of the same article is held too.
    const urls = new Set(s.file.corpus.sources.map((x) => tryNormalizePageUrl(x.url)).filter((u) => u));
    const mineInCorpora = active.sources.filter((x) => x.id.startsWith(CORPUS_ID_PREFIX) && urls.has(tryNormalizePageUrl(x.url)));
    const extra: UserSource[] = [];
    if (mineInCorpora.length > 0) {
      const corpusIds = (await this.db.corpora.toArray()).filter((r) => r.enabled && r.origin === 'imported').map((r) => r.id);
      for (const x of mineInCorpora) {
        const position = active.positions.find((p) => p.source === x.id);
        for (const corpusId of corpusIds) {
          const row = await this.db.sources.get([corpusId, x.id]);
          if (!row || !position || position.passage.end > row.text.length) continue;
          const { corpusId: _c, ...source } = row;
          const { quote, position: at } = describeSpan(row.text, position.passage.start, position.passage.end);
          extra.push({ ...source, anchor: { quote, position: at } });
          break;
        }
      }
    }
    return recordedIndex(record, extra.length > 0 ? { ...layer, sources: [...layer.sources, ...extra] } : layer);
  }

  /** How the test reads candidate `p` of the file: its source's address and text, its passage, its speaker when the record knows it, its quote. */
  #asStatement(s: Stored, p: Position, known: ReadonlySet<string>) {
    return {
      url: s.file.corpus.sources.find((x) => x.id === p.source)?.url ?? '',
      text: s.file.texts[p.source] ?? '',
      span: { start: p.passage.start, end: p.passage.end, speakerId: known.has(p.actor) ? p.actor : null, quote: p.quote ?? null },
    };
  }

  /**
   * The ids of undecided candidates the record already holds, by the popup's own test (same speaker,
   * overlapping passage of the same page, or the same quote of the speaker).
   */
  #held(s: Stored, active: Corpus, index: RecordedIndex): Map<string, 'mine' | 'record'> {
    const known = new Set(active.entities.map((e) => e.id));
    const open = s.file.corpus.positions.filter((p) => isCandidate(p) && s.decisions[p.id]?.decision !== 'accepted');
    const held = new Map<string, 'mine' | 'record'>();
    const bySource = new Map<string, Position[]>();
    for (const p of open) bySource.set(p.source, [...(bySource.get(p.source) ?? []), p]);
    for (const list of bySource.values()) {
      const { url, text } = this.#asStatement(s, list[0] as Position, known);
      const marks = heldIn(index, url, text, list.map((p) => this.#asStatement(s, p, known).span));
      marks.forEach((m, i) => m && held.set((list[i] as Position).id, m.mine ? 'mine' : 'record'));
    }
    return held;
  }

  async state(): Promise<ReviewState> {
    const [s, closed, target, rows] = await Promise.all([this.#read(), this.#closed(), this.#target(), this.db.corpora.toArray()]);
    const corpora = rows.filter((r) => r.origin === 'imported').map((r) => ({ id: r.id, title: r.title })).sort((a, b) => a.title.localeCompare(b.title));
    const closedInfo = closed
      ? {
          fileName: closed.queue.fileName,
          undecided: closed.queue.file.corpus.positions.filter((p) => isCandidate(p) && !closed.queue.decisions[p.id]).length,
          until: closed.closedAt + REOPEN_MS,
        }
      : null;
    if (!s) return { fileName: null, items: [], canUndo: false, target, corpora, closed: closedInfo };
    const record = await this.records.active();
    const { corpus } = record;
    const held = this.#held(s, corpus, await this.#index(s, record));
    const known = new Map(corpus.entities.map((e) => [e.id, e.label]));
    const fileLabels = new Map(s.file.corpus.entities.map((e) => [e.id, e.label]));
    const label = (id: string) => known.get(id) ?? fileLabels.get(id) ?? id;
    const items = s.file.corpus.positions.filter(isCandidate).map((p): ReviewItem => {
      const source = s.file.corpus.sources.find((x) => x.id === p.source);
      const text = s.file.texts[p.source] ?? '';
      const d = s.decisions[p.id];
      // An acceptance with the reviewer's edits shows (and opens its Edit form with) what was recorded, not the file's reading.
      const edited = d?.decision === 'accepted' ? d.edits : undefined;
      return {
        id: p.id,
        actorId: p.actor,
        actorLabel: label(p.actor),
        newActor: !known.has(p.actor),
        ...(p.quote ? { quote: p.quote } : {}),
        ...(p.paraphrase ? { paraphrase: p.paraphrase } : {}),
        stance: edited?.stance ?? p.stance,
        date: edited?.date ?? p.date,
        topics: (edited?.topics ?? p.topics).map((id) => ({ id, label: label(id) })),
        source: { title: source?.title ?? p.source, outlet: source?.outlet ?? '', ...(source?.url ? { url: source.url } : {}) },
        context: [
          text.slice(Math.max(0, p.passage.start - CONTEXT), p.passage.start),
          text.slice(p.passage.start, p.passage.end),
          text.slice(p.passage.end, p.passage.end + CONTEXT),
        ],
        ...((p as { evidence?: string }).evidence ? { evidence: (p as { evidence?: string }).evidence } : {}),
        decision: d ? d.decision : 'pending',
        ...(undated(s.file, p) && !edited ? { dateUnknown: true as const } : {}),
        ...(!d && held.has(p.id) ? { held: held.get(p.id) } : {}),
      };
    });
    return { fileName: s.fileName, items, canUndo: s.history.length > 0, target, corpora, closed: closedInfo };
  }

  /** Records one candidate where `into` says (the user layer, or a named corpus), inside the caller's transaction. */
  async #record(s: Stored, p: Position, active: Corpus, into: ReviewTarget, edits?: StatementEdits): Promise<{ decision: Decision; position: Position }> {
    const known = new Set(active.entities.map((e) => e.id));
    const draft = draftFromCandidate(s.file, p, known, edits);
    const kept = edits ? { edits } : {};
    if (into.kind === 'layer') {
      const { position } = await recordDraft(this.db, active, draft);
      return { decision: { decision: 'accepted', positionId: position.id, ...kept }, position };
    }
    const db = this.db;
    const row = await db.corpora.get(into.id);
    if (row && row.origin !== 'imported') throw new Error(t('reviewTargetUnknown', into.title));
    const own = await db.entities.where('corpusId').equals(into.id).toArray();
    const { position, source, entity } = draftRows(draft, active, own, CORPUS_ID_PREFIX);
    const { anchor: _anchor, ...sourceRow } = source;
    // A speaker of your layer named here is copied in: the corpus must not depend on a layer position that may go.
    const copied: Entity[] = [position.actor, ...position.topics]
      .filter((id) => id.startsWith(USER_ID_PREFIX) && !own.some((e) => e.id === id))
      .map((id) => active.entities.find((e) => e.id === id))
      .filter((e): e is Entity => e !== undefined);
    if (row) await db.corpora.update(into.id, { installedAt: this.now() });
    else await db.corpora.put({ id: into.id, title: into.title, version: '1', formatVersion: 1, origin: 'imported', enabled: true, installedAt: this.now() });
    await db.sources.put({ ...sourceRow, corpusId: into.id });
    for (const e of [...copied, ...(entity ? [entity] : [])]) await db.entities.put({ ...e, corpusId: into.id });
    await db.positions.put({ ...position, corpusId: into.id });
    await db.matchers.clear();
    return { decision: { decision: 'accepted', positionId: position.id, into: into.id, ...kept }, position };
  }

  /** Takes back what an acceptance recorded, inside the caller's transaction. */
  async #unrecord(d: Decision & { decision: 'accepted' }): Promise<void> {
    if (!d.into) {
      await removePosition(this.db, d.positionId);
      return;
    }
    const db = this.db;
    const gone = await db.positions.get([d.into, d.positionId]);
    if (!gone) return;
    await db.positions.delete([d.into, d.positionId]);
    const rest = await db.positions.where('corpusId').equals(d.into).toArray();
    if (!rest.some((p) => p.source === gone.source)) await db.sources.delete([d.into, gone.source]);
    const used = new Set(rest.flatMap((p) => [p.actor, ...p.topics]));
    for (const id of [gone.actor, ...gone.topics]) {
      if (!used.has(id) && (id.startsWith(CORPUS_ID_PREFIX) || id.startsWith(USER_ID_PREFIX))) await db.entities.delete([d.into, id]);
    }
    await db.corpora.update(d.into, { installedAt: this.now() });
    await db.matchers.clear();
  }

  get #tables() {
    return [this.db.settings, ...this.db.corpusTables];
  }

  /**
   * Accepts or rejects candidates; edits apply to a single accepted one. Everything (what is recorded, what is
   * taken back, the decisions and the undo step) is one transaction: all of it or nothing. A candidate the
   * record already holds is not accepted: alone it is refused, in a bulk it is left out.
   */
  async decide(ids: readonly string[], decision: 'accept' | 'reject', rawEdits: unknown): Promise<ReviewState> {
    const edits = rawEdits === undefined ? undefined : v.parse(StatementEdits, rawEdits);
    if (edits && ids.length !== 1) throw new Error('edits apply to one candidate');
    const record = await this.records.active();
    const { corpus } = record;
    const target = await this.#target();
    let changedRecord = false;
    await this.db.transaction('rw', this.#tables, async () => {
      const s = await this.#read();
      if (!s) throw new Error(t('reviewNothingLoaded'));
      const byId = new Map(s.file.corpus.positions.filter(isCandidate).map((p) => [p.id, p]));
      for (const id of ids) if (!byId.has(id)) throw new Error(t('reviewUnknownCandidate', id));
      // The record as it is, and (RB2) what this decision records as it goes: a bulk never records one statement twice.
      const index = decision === 'accept' ? await this.#index(s, record) : null;
      const held = index ? this.#held(s, corpus, index) : new Map<string, 'mine' | 'record'>();
      if (decision === 'accept' && ids.length === 1 && held.has(ids[0] as string) && s.decisions[ids[0] as string]?.decision !== 'accepted') {
        throw new Error(t('reviewAlreadyHeld'));
      }
      // An undated candidate is accepted only with a date the reviewer gives (the edit form): alone it is refused,
      // in a bulk it is left to decide.
      if (decision === 'accept' && !edits && ids.length === 1 && undated(s.file, byId.get(ids[0] as string) as Position) && s.decisions[ids[0] as string]?.decision !== 'accepted') {
        throw new Error(t('reviewDateNeeded'));
      }
      const known = new Set(corpus.entities.map((e) => e.id));
      const before: Record<string, Decision | null> = {};
      const done: string[] = [];
      for (const id of ids) {
        const prev = s.decisions[id] ?? null;
        const p = byId.get(id) as Position;
        // Accepting twice records once; a re-decision first takes back what the last one recorded.
        if (prev?.decision === 'accepted' && decision === 'accept' && !edits) continue;
        if (prev?.decision === 'rejected' && decision === 'reject') continue;
        if (decision === 'accept' && !edits && undated(s.file, p)) continue;
        if (index && prev?.decision !== 'accepted') {
          if (held.has(id)) continue;
          // Held by a candidate accepted earlier in this same bulk (the index notes each one below).
          const { url, text, span } = this.#asStatement(s, p, known);
          if (heldIn(index, url, text, [span])[0]) continue;
        }
        before[id] = prev;
        if (prev?.decision === 'accepted') {
          await this.#unrecord(prev);
          changedRecord = true;
        }
        if (decision === 'accept') {
          const { decision: d, position } = await this.#record(s, p, corpus, target, edits);
          s.decisions[id] = d;
          const { url } = this.#asStatement(s, p, known);
          if (index) noteRecorded(index, url, p.passage, position.actor, position.id, position.quote);
          changedRecord = true;
        } else {
          s.decisions[id] = { decision: 'rejected' };
        }
        done.push(id);
      }
      if (done.length > 0) {
        s.history.push({ ids: done, before: Object.fromEntries(done.map((id) => [id, before[id] ?? null])) });
        if (s.history.length > UNDO_STEPS) s.history.shift();
      }
      await this.#write(s);
    });
    // Rejections change no record: rebuild only when something was recorded or taken back.
    if (changedRecord) await this.recording.notify();
    return this.state();
  }

  async undo(): Promise<ReviewState> {
    const { corpus } = await this.records.active();
    let changedRecord = false;
    await this.db.transaction('rw', this.#tables, async () => {
      const s = await this.#read();
      const step = s?.history.pop();
      if (!s || !step) return;
      for (const id of [...step.ids].reverse()) {
        const now = s.decisions[id];
        if (now?.decision === 'accepted') {
          await this.#unrecord(now);
          changedRecord = true;
        }
        const prev = step.before[id] ?? null;
        if (prev?.decision === 'accepted') {
          // Re-record what the earlier acceptance had recorded (with its edits, else the file's reading), where it had gone.
          const p = s.file.corpus.positions.find((x) => x.id === id) as Position;
          const into: ReviewTarget = prev.into ? { kind: 'corpus', id: prev.into, title: (await this.db.corpora.get(prev.into))?.title ?? prev.into } : LAYER;
          s.decisions[id] = (await this.#record(s, p, corpus, into, prev.edits)).decision;
          changedRecord = true;
        } else if (prev) s.decisions[id] = prev;
        else delete s.decisions[id];
      }
      await this.#write(s);
    });
    if (changedRecord) await this.recording.notify();
    return this.state();
  }
}

export type { Corpus };
