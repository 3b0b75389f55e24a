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
}

export interface ReviewState {
  fileName: string | null;
  items: ReviewItem[];
  canUndo: boolean;
}
