/**
 * What importing a corpus would change, for the preview shown before it is
 * applied: entities and positions added, changed and removed, compared by id
 * against the installed corpus of the same id (none installed: all added).
 */
import type { Corpus } from '../../core/corpus/schema.ts';

export interface SectionDiff {
  added: string[];
  changed: string[];
  removed: string[];
}

export interface CorpusDiff {
  /** The installed version being replaced, if any. */
  replaces?: string;
  entities: SectionDiff;
  positions: SectionDiff;
  sources: SectionDiff;
}

/** Canonical JSON (sorted keys), so reordered fields are not a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function diffSection<T extends { id: string }>(before: readonly T[], after: readonly T[]): SectionDiff {
  const old = new Map(before.map((x) => [x.id, canonical(x)]));
  const now = new Set(after.map((x) => x.id));
  const added: string[] = [];
  const changed: string[] = [];
  for (const x of after) {
    const was = old.get(x.id);
    if (was === undefined) added.push(x.id);
    else if (was !== canonical(x)) changed.push(x.id);
  }
  const removed = before.filter((x) => !now.has(x.id)).map((x) => x.id);
  return { added, changed, removed };
}

/** Sources compare without their text's origin: a text carried inline equals the same text read from a file. */
function comparableSources(c: Corpus): { id: string }[] {
  return c.sources.map(({ file: _file, ...s }) => s);
}

export function diffCorpus(installed: Corpus | undefined, incoming: Corpus): CorpusDiff {
  const empty: Corpus = { ...incoming, sides: [], sources: [], entities: [], positions: [] };
  const before = installed ?? empty;
  return {
    ...(installed ? { replaces: installed.version } : {}),
    entities: diffSection(before.entities, incoming.entities),
    positions: diffSection(before.positions, incoming.positions),
    sources: diffSection(comparableSources(before), comparableSources(incoming)),
  };
}

export function isNoChange(d: CorpusDiff): boolean {
  return [d.entities, d.positions, d.sources].every((s) => s.added.length + s.changed.length + s.removed.length === 0);
}
