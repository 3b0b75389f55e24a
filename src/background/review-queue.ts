/**
 * The review queue (issue 12): a candidates file imported whole, each
 * candidate accepted (into the user layer), edited, or rejected; progress
 * kept in the database so closing the page loses nothing; every decision
 * undoable, last first.
 */
import * as v from 'valibot';
import { t } from '../core/i18n.ts';
import type { Corpus, Position } from '../core/corpus/schema.ts';
import type { ReviewItem, ReviewState } from '../core/recording/review-types.ts';
import { draftFromCandidate, isCandidate, readCandidatesFile, type CandidatesFile } from '../core/recording/candidates.ts';
import { StatementEdits } from '../core/recording/types.ts';
import type { OnRecordDb } from '../storage/db.ts';
import type { RecordingService } from './recording-service.ts';
import type { RecordService } from './record-service.ts';

export const REVIEW_KEY = 'review-queue';
/** Undo keeps this many steps. */
const UNDO_STEPS = 100;

type Decision = { decision: 'accepted'; positionId: string } | { decision: 'rejected' };

interface Stored {
  fileName: string;
  importedAt: number;
  file: CandidatesFile;
  decisions: Record<string, Decision>;
  /** Undo stack: each step the ids it decided and what they were before. */
  history: { ids: string[]; before: Record<string, Decision | null> }[];
}

const EMPTY: ReviewState = { fileName: null, items: [], canUndo: false };
const CONTEXT = 160;

export class ReviewQueue {
  constructor(
    private readonly db: OnRecordDb,
    private readonly records: RecordService,
    private readonly recording: RecordingService,
  ) {}

  async #read(): Promise<Stored | null> {
    const row = await this.db.settings.get(REVIEW_KEY);
    return (row?.value as Stored | undefined) ?? null;
  }

  async #write(s: Stored | null): Promise<void> {
    if (s) await this.db.settings.put({ key: REVIEW_KEY, value: s });
    else await this.db.settings.delete(REVIEW_KEY);
  }

  async import(text: string, fileName: string): Promise<ReviewState> {
    const file = readCandidatesFile(text, fileName, {
      noCandidates: t('reviewNoCandidates', fileName),
      noText: (id) => t('reviewNoSourceText', id),
    });
    await this.#write({ fileName, importedAt: Date.now(), file, decisions: {}, history: [] });
    return this.state();
  }

  async clear(): Promise<ReviewState> {
    await this.#write(null);
    return EMPTY;
  }

  async setTarget(_target: unknown): Promise<ReviewState> {
    return this.state();
  }

  async state(): Promise<ReviewState> {
    const s = await this.#read();
    if (!s) return EMPTY;
    const { corpus } = await this.records.active();
    const known = new Map(corpus.entities.map((e) => [e.id, e.label]));
    const fileLabels = new Map(s.file.corpus.entities.map((e) => [e.id, e.label]));
    const label = (id: string) => known.get(id) ?? fileLabels.get(id) ?? id;
    const items = s.file.corpus.positions.filter(isCandidate).map((p): ReviewItem => {
      const source = s.file.corpus.sources.find((x) => x.id === p.source);
      const text = s.file.texts[p.source] ?? '';
      const d = s.decisions[p.id];
      return {
        id: p.id,
        actorId: p.actor,
        actorLabel: label(p.actor),
        newActor: !known.has(p.actor),
        ...(p.quote ? { quote: p.quote } : {}),
        ...(p.paraphrase ? { paraphrase: p.paraphrase } : {}),
        stance: p.stance,
        date: p.date,
        topics: p.topics.map((id) => ({ id, label: label(id) })),
        source: { title: source?.title ?? p.source, outlet: source?.outlet ?? '', ...(source?.url ? { url: source.url } : {}) },
        context: [
          text.slice(Math.max(0, p.passage.start - CONTEXT), p.passage.start),
          text.slice(p.passage.start, p.passage.end),
          text.slice(p.passage.end, p.passage.end + CONTEXT),
        ],
        ...((p as { evidence?: string }).evidence ? { evidence: (p as { evidence?: string }).evidence } : {}),
        decision: d ? d.decision : 'pending',
      };
    });
    return { fileName: s.fileName, items, canUndo: s.history.length > 0 };
  }

  /** Accepts or rejects candidates; edits apply to a single accepted one. A batch that fails part-way is undone. */
  async decide(ids: readonly string[], decision: 'accept' | 'reject', rawEdits: unknown): Promise<ReviewState> {
    const s = await this.#read();
    if (!s) throw new Error(t('reviewNothingLoaded'));
    const edits = rawEdits === undefined ? undefined : v.parse(StatementEdits, rawEdits);
    if (edits && ids.length !== 1) throw new Error('edits apply to one candidate');
    const byId = new Map(s.file.corpus.positions.filter(isCandidate).map((p) => [p.id, p]));
    for (const id of ids) if (!byId.has(id)) throw new Error(t('reviewUnknownCandidate', id));
    const { corpus } = await this.records.active();
    const known = new Set(corpus.entities.map((e) => e.id));
    const before: Record<string, Decision | null> = {};
    const done: string[] = [];
    try {
      for (const id of ids) {
        const prev = s.decisions[id] ?? null;
        // Accepting twice records once; a re-decision first takes back what the last one recorded.
        if (prev?.decision === 'accepted' && decision === 'accept' && !edits) continue;
        if (prev?.decision === 'rejected' && decision === 'reject') continue;
        before[id] = prev;
        if (prev?.decision === 'accepted') await this.recording.unrecord(prev.positionId, true);
        if (decision === 'accept') {
          const { positionId } = await this.recording.record(draftFromCandidate(s.file, byId.get(id) as Position, known, edits), true);
          s.decisions[id] = { decision: 'accepted', positionId };
        } else {
          s.decisions[id] = { decision: 'rejected' };
        }
        done.push(id);
      }
    } catch (err) {
      await this.#revert(s, done, before);
      await this.recording.notify();
      throw err;
    }
    // Rejections change no record: rebuild only when something was recorded or taken back.
    if (done.some((id) => decision === 'accept' || before[id]?.decision === 'accepted')) await this.recording.notify();
    if (done.length > 0) {
      s.history.push({ ids: done, before: Object.fromEntries(done.map((id) => [id, before[id] ?? null])) });
      if (s.history.length > UNDO_STEPS) s.history.shift();
    }
    await this.#write(s);
    return this.state();
  }

  async #revert(s: Stored, ids: readonly string[], before: Record<string, Decision | null>): Promise<void> {
    for (const id of [...ids].reverse()) {
      const now = s.decisions[id];
      if (now?.decision === 'accepted') await this.recording.unrecord(now.positionId, true);
      const prev = before[id] ?? null;
      if (prev?.decision === 'accepted') {
        // Re-record what the earlier acceptance had recorded (with the file's reading).
        const { corpus } = await this.records.active();
        const p = s.file.corpus.positions.find((x) => x.id === id) as Position;
        const { positionId } = await this.recording.record(draftFromCandidate(s.file, p, new Set(corpus.entities.map((e) => e.id))), true);
        s.decisions[id] = { decision: 'accepted', positionId };
      } else if (prev) s.decisions[id] = prev;
      else delete s.decisions[id];
    }
  }

  async undo(): Promise<ReviewState> {
    const s = await this.#read();
    const step = s?.history.pop();
    if (!s || !step) return this.state();
    await this.#revert(s, step.ids, step.before);
    await this.#write(s);
    await this.recording.notify();
    return this.state();
  }
}

export type { Corpus };
