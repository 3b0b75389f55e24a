/**
 * Geometry of the popover's compact timeline: an axis of whole calendar
 * years, one tick per 1 January, and one mark per position whose width shows
 * how precisely it is dated (a day is a dot, a month or a year a bar).
 */
import type { TimelineMark } from './types.ts';

const DAY_MS = 86_400_000;
/** Bars narrower than this are drawn as dots: a day is invisible on a multi-year axis. */
export const MIN_BAR_WIDTH = 3;

export interface PlacedMark {
  positionId: string;
  /** Left edge and width in px; the centre is x + width / 2. */
  x: number;
  width: number;
}

export interface YearTick {
  year: number;
  x: number;
  /** Where the year's label goes: the middle of its span. */
  labelX: number;
}

export interface TimelineLayout {
  marks: PlacedMark[];
  ticks: YearTick[];
}

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

function yearStart(year: number): number {
  return Math.floor(Date.UTC(year, 0, 1) / DAY_MS);
}

/** Lays out `marks` over `width` px, leaving `pad` px at both ends so dots at the edges stay whole. */
export function layoutTimeline(marks: readonly TimelineMark[], width: number, pad = 4): TimelineLayout {
  if (marks.length === 0) return { marks: [], ticks: [] };
  const firstYear = Math.min(...marks.map((m) => Number(m.from.slice(0, 4))));
  const lastYear = Math.max(...marks.map((m) => Number(m.to.slice(0, 4))));
  const start = yearStart(firstYear);
  const end = yearStart(lastYear + 1);
  const scale = (width - 2 * pad) / (end - start);
  const toX = (day: number) => pad + (day - start) * scale;
  const ticks: YearTick[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    ticks.push({ year: y, x: toX(yearStart(y)), labelX: (toX(yearStart(y)) + toX(yearStart(y + 1))) / 2 });
  }
  const placed = marks.map((m) => {
    const x0 = toX(dayNumber(m.from));
    const x1 = toX(dayNumber(m.to) + 1);
    return { positionId: m.positionId, x: x0, width: Math.max(x1 - x0, 0) };
  });
  return { marks: placed, ticks };
}
