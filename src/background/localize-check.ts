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
