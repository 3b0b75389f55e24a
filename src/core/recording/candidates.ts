/**
 * Candidates files (`onrecord extract --out`): a corpus whose positions are
 * `status: "candidate"`. Read whole and checked with the corpus validator
 * before anything is kept; the review queue shows each candidate with its
 * speaker, passage and evidence.
 */
import { loadCorpusText } from '../corpus/load.ts';
import type { Corpus, Position } from '../corpus/schema.ts';
import { explainProblem } from '../corpus/problem-words.ts';
import { describeSpan } from '../anchoring/describe.ts';
import { passageWindow, verbatimQuote, type RecordDraft } from './draft.ts';
import type { StatementEdits } from './types.ts';

export interface CandidatesFile {
  corpus: Corpus;
  /** Texts of the file's sources (carried inline), by source id. */
  texts: Record<string, string>;
}

/** Reads and validates a candidates file; throws one message listing every problem. */
export function readCandidatesFile(text: string, fileName: string, messages: { noCandidates: string; noText: (id: string) => string }): CandidatesFile {
  const { corpus, problems } = loadCorpusText(text, { fileName });
  // Each problem where it is and what is wrong, in the interface language (as the options page's corpus import).
  if (!corpus) throw new Error(problems.filter((p) => p.severity === 'error').map(explainProblem).join('\n'));
  const candidates = corpus.positions.filter(isCandidate);
  if (candidates.length === 0) throw new Error(messages.noCandidates);
  const texts: Record<string, string> = {};
  for (const s of corpus.sources) {
    if (typeof s.text === 'string') texts[s.id] = s.text;
  }
  for (const p of candidates) if (texts[p.source] === undefined) throw new Error(messages.noText(p.source));
  return { corpus: { ...corpus, sources: corpus.sources.map(({ text: _t, ...s }) => s) }, texts };
}

export function isCandidate(p: Position): boolean {
  return (p as { status?: string }).status === 'candidate';
}

/** A candidate as a draft for the user layer, with the reviewer's edits (if any) over the file's reading. */
export function draftFromCandidate(file: CandidatesFile, p: Position, knownIds: ReadonlySet<string>, edits?: StatementEdits): RecordDraft {
  const source = file.corpus.sources.find((s) => s.id === p.source);
  if (!source) throw new Error(`source "${p.source}" is missing`);
  const full = file.texts[p.source] ?? '';
  const { from, to } = passageWindow(full, p.passage.start, p.passage.end);
  const text = full.slice(from, to);
  const passage = { start: p.passage.start - from, end: p.passage.end - from };
  const entity = file.corpus.entities.find((e) => e.id === p.actor);
  const actor = edits
    ? edits.speakerId ? { id: edits.speakerId } : { name: edits.speakerName as string, type: edits.speakerType ?? 'person' }
    : knownIds.has(p.actor) ? { id: p.actor } : { name: entity?.label ?? p.actor, type: entity?.type ?? 'person' };
  const quote = edits && !edits.keepQuote ? undefined : verbatimQuote(p.quote, text.slice(passage.start, passage.end));
  const paraphrase = edits?.paraphrase ?? p.paraphrase ?? (quote ? undefined : text.slice(passage.start, passage.end).trim().slice(0, 5000));
  const date = edits?.date ?? p.date;
  return {
    actor,
    topics: (edits?.topics ?? p.topics).filter((t) => knownIds.has(t)),
    stance: edits?.stance ?? p.stance,
    ...(quote ? { quote } : {}),
    ...(paraphrase ? { paraphrase } : {}),
    date,
    source: {
      ...(source.url ? { url: source.url } : {}),
      title: source.title,
      outlet: source.outlet,
      language: source.language,
      // An article with no date found (`unknown: true`) is dated by the day the reviewer gives the statement, as
      // the popup dates an undated page (draft.ts draftFromStatement); the mark never reaches the record.
      published: source.published.unknown === true && date.unknown !== true ? date : source.published,
      text,
      // Where the passage is in the article: the record finds it there again (and knows it as already recorded).
      anchor: (({ quote, position }) => ({ quote, position }))(describeSpan(full, p.passage.start, p.passage.end)),
    },
    passage,
    origin: 'review',
  };
}
