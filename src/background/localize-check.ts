/**
 * A claim check told in the interface language (audit 10 A17, A19): concept names from the concept set's
 * per-language labels, entity names from the record's aliases (core/record/entity-label.ts). The checker itself
 * stays language-free (the CLI prints ids and English labels); only what the side panel shows is relabelled.
 */
import type { ClaimCheck } from '../core/claims/check-claim.ts';
import { conceptLabel, type Concept } from '../core/concepts/schema.ts';
import type { Corpus } from '../core/corpus/schema.ts';
import { entityLabel } from '../core/record/entity-label.ts';

export interface Labeller {
  concept(id: string): string | undefined;
  entity(id: string): string | undefined;
  /** The English label the checker gave a concept id (to tell a concept from an entity of the same id). */
  conceptEnglish(id: string): string | undefined;
}

export function labeller(concepts: readonly Pick<Concept, 'id' | 'label' | 'labels'>[], corpus: Pick<Corpus, 'entities'>, locale: string): Labeller {
  const byConcept = new Map(concepts.map((c) => [c.id, c]));
  const byEntity = new Map(corpus.entities.map((e) => [e.id, e]));
  return {
    concept: (id) => {
      const c = byConcept.get(id);
      return c ? conceptLabel(c, locale) : undefined;
    },
    conceptEnglish: (id) => byConcept.get(id)?.label,
    entity: (id) => {
      const e = byEntity.get(id);
      return e ? entityLabel(e, locale) : undefined;
    },
  };
}

export function localizeCheck(check: ClaimCheck, names: Labeller): ClaimCheck {
  const entity = <T extends { id: string; label: string }>(r: T): T => ({ ...r, label: names.entity(r.id) ?? r.label });
  const concept = <T extends { id: string; label: string }>(r: T): T => ({ ...r, label: names.concept(r.id) ?? r.label });
  // The checker's map holds concepts and entities under one key space ("peace-talks" is both): what it wrote
  // tells which one the label names.
  const labels = Object.fromEntries(
    Object.entries(check.labels).map(([id, label]) => [id, (label === names.conceptEnglish(id) ? names.concept(id) : names.entity(id)) ?? label]),
  );
  const position = (r: ClaimCheck['results'][number]): ClaimCheck['results'][number] => ({
    ...r,
    // A side is named like the country entity of the same id, where there is one ("russia" → "Росія").
    position: { ...r.position, actor: { ...entity(r.position.actor), ...(r.position.actor.side ? { side: entity(r.position.actor.side) } : {}) } },
  });
  return {
    ...check,
    actors: check.actors.map(entity),
    topics: check.topics.map(entity),
    concepts: check.concepts.map(concept),
    results: check.results.map(position),
    otherSide: check.otherSide.map(position),
    labels,
  };
}

/**
 * A popover's record (core/record/types.ts) with the names of the record's entities in the interface language:
 * every `{ id, label }` whose id is an entity (actors, topics, sides named like their country, the entity
 * itself) and every `actorId`/`actorLabel` pair of a linked position. Built after the record, so the record's
 * own name matching (affiliations, named topics) keeps reading the English labels.
 */
export function localizeRecord<T>(record: T, names: Pick<Labeller, 'entity'>): T {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const o = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = walk(v);
    if (typeof o.id === 'string' && typeof o.label === 'string') out.label = names.entity(o.id) ?? o.label;
    if (typeof o.actorId === 'string' && typeof o.actorLabel === 'string') out.actorLabel = names.entity(o.actorId) ?? o.actorLabel;
    return out;
  };
  return walk(record) as T;
}
