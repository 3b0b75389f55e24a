/**
 * Cuts a source text into runs at every passage boundary, so the page can wrap
 * passages in elements built from text slices (never markup). Overlapping
 * passages give runs that belong to several positions.
 */
import type { Span } from '../../core/corpus/schema.ts';

export interface TextRun {
  start: number;
  end: number;
  /** Positions whose passage covers this run, in input order. */
  positionIds: string[];
}

export interface PassageRef {
  id: string;
  passage: Span;
}

/** Whether a passage lies inside a text of `length` UTF-16 units. */
export function passageFits(passage: Span, length: number): boolean {
  return passage.start >= 0 && passage.end <= length && passage.start < passage.end;
}

export function textRuns(length: number, passages: readonly PassageRef[]): TextRun[] {
  const usable = passages.filter((p) => passageFits(p.passage, length));
  const cuts = new Set([0, length]);
  for (const p of usable) {
    cuts.add(p.passage.start);
    cuts.add(p.passage.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    const positionIds = usable.filter((p) => p.passage.start <= start && p.passage.end >= end).map((p) => p.id);
    runs.push({ start, end, positionIds });
  }
  return runs;
}
