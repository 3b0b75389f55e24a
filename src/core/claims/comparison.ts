/**
 * The comparison behind a suggestion, aspect by aspect (issue 11, the side panel): how the claim and the position the
 * suggestion rests on stand on polarity, modality (readiness ↔ refusal, possibility), condition and roles (who does
 * it). The panel shows it as a small table, so a moderator sees every aspect at once, not only the one that decided.
 */
import type { ConceptLexicon } from '../concepts/index.ts';
import type { TextFeatures } from './judge.ts';
import type { ReversedRoles } from './roles.ts';

export type ComparisonAspect = 'polarity' | 'modality' | 'condition' | 'roles';

export interface ComparisonRow {
  aspect: ComparisonAspect;
  /** The concept (axis) compared; null when neither text takes one for this aspect. */
  conceptId: string | null;
  /** Each side's sign on it: 1 affirms, -1 denies, null not stated. For roles: unused (null). */
  claim: 1 | -1 | null;
  record: 1 | -1 | null;
  /** Roles: the actor (entity id) doing it in the claim and in the record, when the two differ. */
  claimActor?: string;
  recordActor?: string;
}

/** Axes of modality: readiness ↔ refusal, possibility ↔ impossibility. */
const MODAL_CONCEPTS = ['readiness', 'possibility'] as const;
const CONDITION_CONCEPT = 'preconditions';

/**
 * One row per aspect, in the order polarity, modality, condition, roles. For polarity and modality the axis shown is
 * the first on which the two differ, else the first the claim takes; condition counts a stated condition ("only if")
 * as affirming preconditions.
 */
export function compareFeatures(claim: TextFeatures, record: TextFeatures, lexicon: ConceptLexicon, roles?: ReversedRoles): ComparisonRow[] {
  // Readiness, possibility and what implies them (readiness to negotiate, acceptance, refusal, impossibility).
  const modal = new Set([...lexicon.info.values()].filter((i) => MODAL_CONCEPTS.some((m) => i.id === m || i.ancestors.includes(m) || i.negatedAncestors.includes(m))).map((i) => i.axis));
  const condition = lexicon.info.get(CONDITION_CONCEPT)?.axis;
  const row = (aspect: ComparisonAspect, axes: readonly string[]): ComparisonRow => {
    const stated = axes.filter((a) => claim.signs.has(a) || record.signs.has(a));
    const pick = stated.find((a) => claim.signs.has(a) && record.signs.has(a) && claim.signs.get(a) !== record.signs.get(a)) ?? stated.find((a) => claim.signs.has(a)) ?? stated[0] ?? null;
    return { aspect, conceptId: pick, claim: pick === null ? null : (claim.signs.get(pick) ?? null), record: pick === null ? null : (record.signs.get(pick) ?? null) };
  };
  const all = [...new Set([...claim.signs.keys(), ...record.signs.keys()])];
  const polarity = row('polarity', all.filter((a) => !modal.has(a) && a !== condition));
  const modality = row('modality', all.filter((a) => modal.has(a)));
  const conditionSign = (f: TextFeatures): 1 | -1 | null => (condition !== undefined && f.signs.has(condition) ? f.signs.get(condition)! : f.conditional ? 1 : null);
  const conditionRow: ComparisonRow = { aspect: 'condition', conceptId: condition ?? null, claim: conditionSign(claim), record: conditionSign(record) };
  const rolesRow: ComparisonRow = roles ? { aspect: 'roles', conceptId: roles.conceptId, claim: null, record: null, claimActor: roles.claim, recordActor: roles.record } : { aspect: 'roles', conceptId: null, claim: null, record: null };
  return [polarity, modality, conditionRow, rolesRow];
}
