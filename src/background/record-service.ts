/**
 * The background's view of the record: installs the bundled corpus when the
 * database lacks it (or holds an older version), keeps the active corpus and
 * its compiled matcher in memory, and answers the router's questions.
 */
import type { Corpus, EntityType } from '../core/corpus/schema.ts';
import type { SerializedMatcher } from '../core/match/index.ts';
import { entitiesWithNothingToShow } from '../core/record/entity-record.ts';
import { BUNDLED, type BundledCorpus } from './bundled-corpus.ts';
import { ensureMatcher, readActiveCorpus } from './corpus-store.ts';
import { ensureBundled } from './bundled-edits.ts';
import type { OnRecordDb } from '../storage/db.ts';
import { InstallProgress } from './install-progress.ts';

export interface ActiveRecord {
  corpus: Corpus;
  /** A source's text, read from the database when asked (the texts are not kept in memory). */
  textOf(sourceId: string): Promise<string | undefined>;
  matcher: SerializedMatcher;
  fingerprint: string;
  /** The fingerprint of the corpora alone, without the user layer: what was indexed from them stays valid while it does (RB3). */
  corporaKey?: string;
  /** What a tab's scans are answered with besides offsets (ADR 017): each entity's type, and the entities whose card has nothing to show (drawn quieter). */
  wire: { types: Record<string, EntityType>; quiet: string[] };
}

/** The title of the run that loads a stored record (the pages show their own words for the `loading` phase). */
export const LOADING_TITLE = 'your record';

export class RecordService {
  #active: Promise<ActiveRecord> | undefined;

  constructor(
    private readonly db: OnRecordDb,
    private readonly bundled: BundledCorpus = BUNDLED,
    /** Reported to while a record is installed (an import runs the reload inside its install). */
    readonly progress: InstallProgress = new InstallProgress(() => undefined),
  ) {}

  /**
   * Installs or updates the bundled corpus when the stored copy is missing or
   * its content differs: decided by a fingerprint of seed.json and its texts,
   * not by `version` (which authors forget to bump). Only the corpus tables
   * are rewritten: highlights, checks, settings and the user layer stay, and
   * the user's own edits of the bundled record are laid over the new one.
   */
  async ensureBundledCorpus(): Promise<void> {
    // The user's edits of the bundled record are laid over each new version (bundled-edits.ts).
    if (await ensureBundled(this.db, this.bundled)) this.#active = undefined;
  }

  /** The active record, loaded once per service-worker life and after every corpus change. */
  active(): Promise<ActiveRecord> {
    // Outside an install (the worker's start, a change of the record): the popup and the options page say that the
    // record is being loaded, with the phase, instead of nothing while a large record is read (audit 11 A8).
    this.#active ??= this.progress.running
      ? this.#load()
      : this.progress.run(LOADING_TITLE, () => this.#load(), 'loading');
    this.#active.catch(() => (this.#active = undefined));
    return this.#active;
  }

  invalidate(): void {
    this.#active = undefined;
  }

  async #load(): Promise<ActiveRecord> {
    await this.ensureBundledCorpus();
    const { corpus, textOf, fingerprint, corporaKey } = await readActiveCorpus(this.db);
    // Compiling is reported only when the stored matcher cannot be reused (a start with an unchanged record reuses it).
    const matcher = await ensureMatcher(this.db, corpus, fingerprint, () => this.progress.phase('compiling'));
    const types = Object.fromEntries(corpus.entities.map((e) => [e.id, e.type]));
    return { corpus, textOf, matcher, fingerprint, corporaKey, wire: { types, quiet: entitiesWithNothingToShow(corpus) } };
  }
}
