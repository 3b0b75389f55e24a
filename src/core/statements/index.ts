/**
 * The statement finder: who said what in a text, in English, Russian,
 * Ukrainian and German. One DOM-free module for claim checking and for
 * growing the record from articles (docs/extraction.md).
 *
 *   const finder = createStatementFinder({ entities: corpus.entities, matcher });
 *   const statements = finder.find(text, { lang: 'en', published: '2022-11-15' });
 *
 * Each statement gives the speaker (an entity id, or a new candidate with the
 * name as written and a guessed type; how it was resolved: name, role,
 * collective, pronoun, headline, candidate), the cue (span and lemma), the
 * content span, the direct quote pieces verbatim, the kind (direct, indirect,
 * mixed), the reporting source kept apart from the speaker ("according to
 * TASS"), polarity and modality (negation, conditions, readiness/refusal),
 * the actors and topics named in the content, the passage, and for each
 * decision the sieve that made it (`reasons`).
 *
 * The finder compiles a role matcher from the entities' `roles` once; reuse
 * one finder per record. Offsets are UTF-16 indices into the text given.
 * Runs in the service worker, content scripts and Node: no DOM, no Node APIs.
 */
import { findInText, subjectInText, type FindOptions } from './find.ts';
import { RecordView, type RoleData, type StatementRecord } from './record-view.ts';
import type { Statement, StatementSpeaker } from './types.ts';

export type { FindOptions } from './find.ts';
export { roleEntities, type RoleData, type StatementRecord } from './record-view.ts';
export type * from './types.ts';
export { LEXICONS, type Lexicon } from './lexicon/index.ts';
export { guessLang } from './text.ts';
export { modalityOf } from './modality.ts';

export interface StatementFinder {
  /** The attributed statements of `text`, in text order. */
  find(text: string, opts?: FindOptions): Statement[];
  /**
   * The subject opening a text with no speech cue, as a speaker of the record ("Ukraine's president signed off
   * on …" → Zelensky, through the role phrase); null when none. Claims without a cue are judged by it.
   */
  subject(text: string, opts?: FindOptions): StatementSpeaker | null;
}

/** A finder, and what it derived from the record's roles (StatementRecord.roles: a cache's to keep). */
export function createStatementFinderWithRoles(record: StatementRecord): { finder: StatementFinder; roles: RoleData } {
  const view = new RecordView(record);
  return { finder: { find: (text, opts) => findInText(view, text, opts), subject: (text, opts) => subjectInText(view, text, opts) }, roles: view.roleData() };
}

export function createStatementFinder(record: StatementRecord): StatementFinder {
  const view = new RecordView(record);
  return { find: (text, opts) => findInText(view, text, opts), subject: (text, opts) => subjectInText(view, text, opts) };
}
