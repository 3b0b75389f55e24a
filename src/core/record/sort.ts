import type { DateRange } from '../corpus/schema.ts';

/** Newest first: the later end wins, then the later start; ties keep a stable id order. */
export function compareNewestFirst(a: { id: string; date: DateRange }, b: { id: string; date: DateRange }): number {
  if (a.date.to !== b.date.to) return a.date.to < b.date.to ? 1 : -1;
  if (a.date.from !== b.date.from) return a.date.from < b.date.from ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function newestFirst<T extends { id: string; date: DateRange }>(items: readonly T[]): T[] {
  return [...items].sort(compareNewestFirst);
}
