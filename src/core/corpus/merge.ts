/**
 * Merging reviewed candidate positions (from `onrecord extract --out`, or the
 * review queue) into a corpus. DOM-free: the CLI and the extension share it.
 *
 * - Positions marked `accepted` (or with no status) are merged and lose their
 *   status; `rejected` ones are dropped; `candidate` ones (not reviewed) are
 *   left out unless `includeUnreviewed`, and then keep their status.
 * - A duplicate — the same speaker with a passage overlapping one of the
 *   same source already in the base or merged before — is refused and
 *   reported. The same source is the same id, the same URL, or the same text
 *   (a text file of the base, read through `opts.text`, carried again inside
 *   a candidates file: then the base's source is used and passages compare).
 * - A position with no known date, or whose source has none (\`unknown\`), is
 *   left out and reported: the reviewer dates it first.
 * - Sources and entities the merged positions need are added when the base
 *   lacks them; a source with the base's URL is the base's source; a new
 *   entity whose label is an alias of a base entity of the same type is that
 *   entity. Ids that collide get a numbered suffix.
 */
import type { Corpus, Entity, Position, Source } from './schema.ts';
import { foldString } from '../text/fold.ts';

export interface MergeOptions {
  includeUnreviewed?: boolean;
  /** The text of a source kept in a file (`file` under the corpus's textDir); without it only carried texts compare. */
  text?: (source: Source) => string | undefined;
}

export interface MergeReport {
  merged: string[];
  duplicates: { id: string; of: string }[];
  /** Positions left out because no date is known for them or their source ("unknown": true). */
  undated: string[];
  rejected: string[];
  unreviewed: string[];
  newSources: string[];
  newEntities: string[];
  /** Candidate entity id → the base entity it was recognised as. */
  recognised: { id: string; as: string }[];
}

function freeId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

export function mergeCandidates(base: Corpus, candidates: Corpus, opts: MergeOptions = {}): { corpus: Corpus; report: MergeReport } {
  const report: MergeReport = { merged: [], duplicates: [], undated: [], rejected: [], unreviewed: [], newSources: [], newEntities: [], recognised: [] };
  const sources = [...base.sources];
  const entities = [...base.entities];
  const positions = [...base.positions];
  const sourceIds = new Set(sources.map((s) => s.id));
  const entityIds = new Set(entities.map((e) => e.id));
  const positionIds = new Set(positions.map((p) => p.id));
  const byUrl = new Map(sources.filter((s) => s.url).map((s) => [s.url!, s.id]));
  const textOf = (s: Source): string | undefined => (s.text !== undefined ? s.text : opts.text?.(s));
  let byText: Map<string, string> | undefined;
  const baseWithText = (t: string): string | undefined => {
    if (!byText) {
      byText = new Map();
      for (const s of base.sources) {
        const bt = textOf(s);
        if (bt !== undefined && bt !== '' && !byText.has(bt)) byText.set(bt, s.id);
      }
    }
    return byText.get(t);
  };
  const aliasOwner = new Map<string, Entity>();
  for (const e of base.entities) for (const a of [{ text: e.label }, ...e.aliases]) if (!aliasOwner.has(foldString(a.text))) aliasOwner.set(foldString(a.text), e);

  const candSources = new Map(candidates.sources.map((s) => [s.id, s]));
  const candEntities = new Map(candidates.entities.map((e) => [e.id, e]));
  const sourceMap = new Map<string, string>();
  const entityMap = new Map<string, string>();

  const mapSource = (id: string): string => {
    const known = sourceMap.get(id);
    if (known) return known;
    const s = candSources.get(id)!;
    let to: string;
    const t = textOf(s);
    const sameText = t !== undefined && t !== '' ? baseWithText(t) : undefined;
    if (s.url && byUrl.has(s.url)) to = byUrl.get(s.url)!;
    else if (sameText !== undefined) to = sameText;
    else if (sourceIds.has(id) && sameSource(sources.find((x) => x.id === id)!, s)) to = id;
    else {
      to = freeId(id, sourceIds);
      sources.push({ ...s, id: to });
      sourceIds.add(to);
      if (s.url) byUrl.set(s.url, to);
      report.newSources.push(to);
    }
    sourceMap.set(id, to);
    return to;
  };
  const mapEntity = (id: string): string => {
    const known = entityMap.get(id);
    if (known) return known;
    let to: string;
    if (entityIds.has(id)) to = id;
    else {
      const e = candEntities.get(id)!;
      const owner = aliasOwner.get(foldString(e.label));
      if (owner && owner.type === e.type) {
        to = owner.id;
        report.recognised.push({ id, as: owner.id });
      } else {
        to = freeId(id, entityIds);
        entities.push({ ...e, id: to });
        entityIds.add(to);
        report.newEntities.push(to);
        if (e.speaksAs !== undefined) mapEntity(e.speaksAs);
      }
    }
    entityMap.set(id, to);
    return to;
  };

  for (const p of candidates.positions) {
    if (p.status === 'rejected') {
      report.rejected.push(p.id);
      continue;
    }
    if (p.status === 'candidate' && !opts.includeUnreviewed) {
      report.unreviewed.push(p.id);
      continue;
    }
    // A date nobody found never reaches the record, even as an unreviewed candidate.
    if (p.date.unknown === true || candSources.get(p.source)?.published.unknown === true) {
      report.undated.push(p.id);
      continue;
    }
    const source = mapSource(p.source);
    const actor = mapEntity(p.actor);
    const dup = positions.find((q) => q.actor === actor && q.source === source && q.passage.start < p.passage.end && p.passage.start < q.passage.end);
    if (dup) {
      report.duplicates.push({ id: p.id, of: dup.id });
      continue;
    }
    const { status, ...rest } = p;
    const merged: Position = {
      ...rest,
      ...(status === 'candidate' ? { status } : {}),
      id: freeId(p.id, positionIds),
      actor,
      source,
      topics: p.topics.map(mapEntity),
      ...(p.reportedBy !== undefined ? { reportedBy: mapEntity(p.reportedBy) } : {}),
    };
    positions.push(merged);
    positionIds.add(merged.id);
    report.merged.push(merged.id);
  }
  return { corpus: { ...base, sources, entities, positions }, report };
}

function sameSource(a: Source, b: Source): boolean {
  return a.title === b.title && a.outlet === b.outlet && (a.text === undefined || b.text === undefined || a.text === b.text);
}
