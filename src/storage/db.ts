/**
 * The one IndexedDB database, owned by the service worker and extension pages
 * (never opened from a content script: there it would belong to the page's origin).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { SavedHighlight } from '../core/annotations/model.ts';
import type { CheckRow } from '../core/claims/check-record.ts';
import type { Entity, Position, Side, Source } from '../core/corpus/schema.ts';

export interface CorpusRow {
  id: string;
  title: string;
  description?: string;
  version: string;
  formatVersion: number;
  /** Bundled with the extension (the seeds) or imported by the user. */
  origin: 'bundled' | 'imported';
  enabled: boolean;
  installedAt: number;
  /** The bundled corpus's content fingerprint when installed (see bundled-corpus.ts); updates are decided by it. */
  fingerprint?: string;
  /** The bundled record only: how many of its rows the user's edits put or remove, and why they are not applied, if so. */
  edits?: { count: number; problem?: string };
}

/** A corpus as the options page lists it: its row and how much it holds. */
export interface CorpusSummary extends CorpusRow {
  counts: { sources: number; entities: number; positions: number };
}

/** Corpus-scoped rows carry their corpus id; the compound key keeps ids unique per corpus. */
export type Scoped<T> = T & { corpusId: string };

export interface SourceRow extends Scoped<Source> { text: string }

export interface MatcherRow {
  key: 'active';
  /** Fingerprint of the corpora it was compiled from, so a stale matcher is never served. */
  fingerprint: string;
  compiledAt: number;
  /** SerializedMatcher from core/match, stored as is (IndexedDB keeps typed arrays). */
  data: unknown;
}

export class OnRecordDb extends Dexie {
  corpora!: EntityTable<CorpusRow, 'id'>;
  sides!: Dexie.Table<Scoped<Side>, [string, string]>;
  sources!: Dexie.Table<SourceRow, [string, string]>;
  entities!: Dexie.Table<Scoped<Entity>, [string, string]>;
  positions!: Dexie.Table<Scoped<Position>, [string, string]>;
  matchers!: EntityTable<MatcherRow, 'key'>;
  /** Researchers' saved highlights (issue: researchers); the row is core/annotations' SavedHighlight. */
  highlights!: Dexie.Table<SavedHighlight, string>;
  /** Moderators' claim checks and verdicts (issue: moderators). */
  checks!: Dexie.Table<CheckRow, string>;
  /** User settings, one row per key. */
  settings!: Dexie.Table<{ key: string; value: unknown }, string>;

  /** The rows of one corpus, keyed by [corpusId+id]. */
  get corpusRowTables() {
    return [this.sides, this.sources, this.entities, this.positions] as const;
  }

  /** Every table a corpus install, update or removal writes: one transaction spans them all. */
  get corpusTables() {
    return [this.corpora, ...this.corpusRowTables, this.matchers] as const;
  }

  /** The user's own data: never touched by a corpus install or update. */
  get userTables() {
    return [this.highlights, this.checks, this.settings] as const;
  }

  constructor(name = 'onrecord') {
    super(name);
    this.version(1).stores({
      corpora: 'id',
      sides: '[corpusId+id], corpusId',
      sources: '[corpusId+id], corpusId',
      entities: '[corpusId+id], corpusId, type',
      positions: '[corpusId+id], corpusId, actor, *topics, source',
      matchers: 'key',
    });
    // User data: never touched by a corpus install or update.
    this.version(2).stores({
      highlights: 'id, pageUrl, createdAt, updatedAt, *tags, *entityIds',
      checks: 'id, pageUrl, verdict, createdAt, *actorIds',
      settings: 'key',
    });
  }
}
