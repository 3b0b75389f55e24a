/** What the review page shows (answered by the background's review queue). */
import type { DateRange } from '../corpus/schema.ts';

export interface ReviewItem {
  id: string;
  actorId: string;
  actorLabel: string;
  /** The speaker is not in your record: accepting adds them. */
  newActor: boolean;
  quote?: string;
  paraphrase?: string;
  stance: string;
  date: DateRange;
  topics: { id: string; label: string }[];
  source: { title: string; outlet: string; url?: string };
  /** The passage with a little context: before, passage, after. */
  context: [string, string, string];
  evidence?: string;
  decision: 'pending' | 'accepted' | 'rejected';
  /**
   * No date was found for it (`onrecord extract` marked it `unknown: true`): `date` is only the day it was read.
   * The page says "Date unknown", and it is accepted only through the edit form, with the day it was said.
   */
  dateUnknown?: true;
  /** Not decided, and the record (or your layer) already holds it: the popup's "Already in your record"; it cannot be accepted. */
  held?: 'mine' | 'record';
}

/** Where accepted candidates go: the user layer, or a named corpus (created on the first acceptance when new). */
export type ReviewTarget = { kind: 'layer' } | { kind: 'corpus'; id: string; title: string };

export interface ReviewState {
  fileName: string | null;
  items: ReviewItem[];
  canUndo: boolean;
  target: ReviewTarget;
  /** Named corpora accepted candidates may join (imported ones; the bundled record is not one). */
  corpora: { id: string; title: string }[];
  /** A queue closed (or replaced) less than ten minutes ago, which can be opened again. */
  closed: { fileName: string; undecided: number; until: number } | null;
}

/** An import that would put away undecided candidates of the open queue asks first. */
export interface ReviewImportQuestion {
  /** The open queue's file and how many of its candidates are undecided and not in the new file. */
  replacing: string;
  undecided: number;
}
