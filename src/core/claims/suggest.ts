/**
 * The suggested verdict and the evidence that decides it. The moderator
 * decides; this says what the record supports and why:
 * - consistent: a position of the named speaker matches the content;
 * - contradicts: the speaker's matching positions say the opposite on the same
 *   concept (opposite polarity), or state a condition the claim drops;
 * - misattributed: the content matches another actor and nothing close of the
 *   named speaker exists (never when the speaker has a matching position);
 * - not-in-record: nothing in the record is about it (a shared place name or a
 *   common word is not enough: a match needs a shared concept or close words).
 */
import type { Position } from '../corpus/schema.ts';
import type { ConceptLexicon } from '../concepts/index.ts';
import type { Verdict } from './check-record.ts';
import { reversedContrast } from './contrast.ts';
import { reversedRoles, type ReversedRoles } from './roles.ts';
import type { TextFeatures } from './judge.ts';

export const VERDICT_THRESHOLDS = {
  /** Content similarity at which a position says what the claim says. */
  close: 0.34,
  /** At or above: about the same thing; below it a position is no evidence at all. */
  related: 0.22,
  /** The speaker's best match must reach this for consistent / contradicts. */
  ownClose: 0.26,
  /** Misattributed only when the speaker's best match stays below this … */
  ownAbsent: 0.2,
  /** … and another actor's beats it by this much. */
  margin: 0.12,
  /** Another actor's position beating the speaker's best by this much, while the speaker's stays below ownStrong, makes it misattributed. */
  misattributedMargin: 0.25,
  ownStrong: 0.4,
  /** A match sharing a single concept or entity needs this similarity (its words must echo too). */
  singleFeature: 0.6,
  /** Own positions this close to the speaker's best are weighed together (one agreeing is enough). */
  ownBand: 0.1,
  /** "At that time": the speaker's own stance counts against a misattribution within this many days of the other actor's. */
  sameTimeDays: 365,
  /** A stance axis found in more than this share of the record's positions (readiness, possibility) names no topic. */
  genericAxisShare: 0.1,
  /** A position of the speaker's own taking the claim's stance towards the same object rules out "misattributed" from this similarity (review 10A, RA12). */
  ownAgreeing: 0.08,
  /** How weak a match of the speaker's own "without preconditions" may be and still answer an added condition (session 10). */
  ownStanceFloor: 0.15,
} as const;

/** 'same-page-only': only positions taken from the claim's own page match it (audit A30), so it is not in the record. */
export type EvidenceReason = 'speaker-match' | 'opposite-polarity' | 'condition-dropped' | 'details-differ' | 'roles-reversed' | 'other-actor' | 'match-without-speaker' | 'nothing-matches' | 'speaker-unrelated' | 'same-page-only';

/** A year or figure the claim names where the position names another ("the lines of February 2022" / "the 1991 borders"). */
export interface DetailEvidence {
  kind: 'year' | 'number';
  claim: string;
  record: string;
}

export interface PolarityEvidence {
  /** The concept (axis) on which claim and record differ or agree. */
  conceptId: string;
  claim: 1 | -1;
  record: 1 | -1;
}

export interface Evidence {
  reason: EvidenceReason;
  /** The positions the suggestion rests on, strongest first. */
  positionIds: string[];
  /** Concepts the claim shares with them. */
  concepts: string[];
  polarity: PolarityEvidence | null;
  speakerId: string | null;
  /** For misattributed: the actor the record has saying it. */
  otherActorId: string | null;
  droppedCondition: boolean;
  /** For details-differ: the claim's year or figure and the record's. */
  details?: DetailEvidence;
  /** For roles-reversed: the concept, and the side doing it in the claim and in the record. */
  roles?: ReversedRoles;
}

export interface Suggestion {
  verdict: Verdict;
  evidence: Evidence;
}

export interface Candidate {
  position: Position;
  similarity: number;
  conceptCoverage: number;
  /** Concepts and entities shared with the claim. */
  sharedMeaning: number;
  features: TextFeatures;
  /** 1: the speaker's own; 0.5: relayed by them or of their collective; 0: someone else's. */
  relation: number;
}

export interface SuggestInput {
  speakerId: string | null;
  claim: TextFeatures;
  candidates: readonly Candidate[];
  lexicon: ConceptLexicon;
  /** Share of the record's positions that have a concept axis (0..1); unknown: every axis counts as specific. */
  axisShare?: (axis: string) => number;
  /** Whether two sides are at war with each other (the record's `opposes`), for stances whose holder is swapped. */
  opposes?: (a: string, b: string) => boolean;
}

const T = VERDICT_THRESHOLDS;

/**
 * Axes of saying so (confirming, admitting, denying): a stance on one is a stance on whatever is confirmed, never a topic
 * of its own. "Russia confirmed its willingness to negotiate" is no position on whether Russia confirmed a meeting.
 */
const SAYING_AXES: ReadonlySet<string> = new Set(['admission']);

function sharedConcepts(claim: TextFeatures, c: Candidate, lexicon: ConceptLexicon): string[] {
  const out: string[] = [];
  for (const id of claim.concepts) {
    const axis = lexicon.info.get(id)!.axis;
    if (c.features.weights.has(`c:${axis}`)) out.push(id);
  }
  return out;
}

const COMPLETENESS = 'completeness';

/** Scoped topics the claim shares with the position: what a scope word may narrow. */
function narrowedTopics(claim: TextFeatures, c: Candidate, lexicon: ConceptLexicon): boolean {
  // Only a topic the scope word modifies, and not when the claim names one whole ("some of the territories … all troops").
  if (claim.whole) return false;
  return (claim.narrowed ?? []).some((id) => {
    const info = lexicon.info.get(id)!;
    return info.scoped && c.features.weights.get(`c:${info.axis}`) === 1;
  });
}

/** The first concept axis on which the claim and the position take opposite polarity. */
export function polarityConflict(claim: TextFeatures, c: Candidate, lexicon: ConceptLexicon): PolarityEvidence | null {
  const co = claim.objects;
  const ro = c.features.objects;
  const readinessAxis = lexicon.info.get('readiness')?.axis;
  // An acceptance or readiness stance is compared per object (review 10A, RA6/RA7): "ready for a dialogue, not for
  // surrender" against "would not agree to capitulation" agrees on surrender; "endorsed the ban on talks" against
  // "turns down any talks" agrees on talks. A contradiction needs the same object with opposite stances.
  const bothGovern = co !== undefined && ro !== undefined && co.size > 0 && ro.size > 0;
  for (const [axis, a] of claim.signs) {
    const b = c.features.signs.get(axis);
    if (b === undefined || a === b) continue;
    // The stance word's own sign says nothing where both texts say what it is taken towards (compared below).
    if (axis === readinessAxis && bothGovern) continue;
    // An object's sign as its clause's governing words make it ("на капитуляцию не согласится": surrender refused).
    if (co?.has(axis) || ro?.has(axis)) {
      const ca = co?.get(axis) ?? a;
      const rb = ro?.get(axis) ?? b;
      if (ca === rb) continue;
      return { conceptId: axis, claim: ca, record: rb };
    }
    return { conceptId: axis, claim: a, record: b };
  }
  if (bothGovern) {
    for (const [key, a] of co) {
      const b = ro.get(key);
      if (b !== undefined && a !== b) return { conceptId: key, claim: a, record: b };
    }
  }
  // "A partial pullback" against a plain "withdrawal of Russian forces": what the record names without a scope it names
  // whole (session 9); only where the position names what the claim narrows.
  const scope = lexicon.info.get(COMPLETENESS)?.axis;
  if (scope !== undefined && claim.signs.get(scope) === -1 && !c.features.signs.has(scope) && narrowedTopics(claim, c, lexicon)) {
    return { conceptId: scope, claim: -1, record: 1 };
  }
  // "Press Moscow, not Kyiv" against "convince Kyiv": what the claim sets aside is what the record affirms.
  const reversed = reversedContrast(claim.contrasts, c.features);
  if (reversed !== null) return { conceptId: reversed.slice(2), claim: -1, record: 1 };
  return null;
}

/** Claim and position take the same stance towards an object they both name (`TextFeatures.objects`). */
function sameObjectStance(claim: TextFeatures, c: Candidate): boolean {
  const ro = c.features.objects;
  // Named in both: "mediation" implies talks, and a stance on mediation is no stance on talks in general.
  // The claim's own stance towards it: "the proposal of talks was a ruse" takes none on talks.
  const named = (key: string) => claim.heldObjects?.has(key) === true && c.features.directObjects?.has(key) === true;
  return ro !== undefined && [...(claim.objects ?? [])].some(([key, sign]) => named(key) && ro.get(key) === sign);
}

/** The position states a condition for a stance the claim states without one. */
function conditionDropped(claim: TextFeatures, c: Candidate, lexicon: ConceptLexicon): boolean {
  if (!c.features.conditional || claim.anyCondition) return false;
  return claim.concepts.some((id) => {
    const info = lexicon.info.get(id)!;
    return info.kind === 'stance' && c.features.signs.has(info.axis);
  });
}

const PRECONDITIONS = 'preconditions';

/**
 * The claim makes a positive stance depend on a condition ("only if", "not until", "лишь после", "тільки після",
 * "erst wenn") that the position states without any: "Zelensky would accept mediation only once Israel sends arms"
 * against his plain welcome of mediation. Only for a stance both hold positively (readiness, acceptance): a condition
 * on a refusal is how a refusal is lifted, not added.
 */
export function conditionAdded(claim: TextFeatures, c: Candidate, lexicon: ConceptLexicon): boolean {
  const pre = lexicon.info.get(PRECONDITIONS)?.axis;
  if (pre === undefined || !claim.conditional || claim.signs.get(pre) !== 1) return false;
  if (c.features.conditional || c.features.signs.has(pre)) return false;
  return [...claim.signs].some(([axis, sign]) => {
    if (axis === pre || sign !== 1) return false;
    const info = lexicon.info.get(axis);
    // The condition must be said of this stance, in its clause (review 9A, F4).
    return info !== undefined && info.kind === 'stance' && c.features.signs.get(axis) === 1 && (claim.conditioned === undefined || claim.conditioned.has(axis));
  });
}

/** The years a position's date spans ("2022-11-01" to "2023-12-05": 2022, 2023): when it was said. */
function yearsSaid(p: Position): string[] {
  const from = Number(p.date.from.slice(0, 4));
  const to = Number(p.date.to.slice(0, 4));
  const out: string[] = [];
  for (let y = from; y <= to && out.length < 50; y++) out.push(String(y));
  return out;
}

/**
 * The claim names a year or a figure of what was said and the position names others, none of them the claim's: "only
 * back to the lines of February 2022" against "the 1991 borders", "500,000 reservists" against "300,000". A year the
 * claim gives as a time adverbial ("in March 2022") within the position's own date is when it was said, not what.
 */
export function detailsDiffer(claim: TextFeatures, c: Candidate): DetailEvidence | null {
  const said = yearsSaid(c.position);
  const years = claim.specifics.years.filter((y) => !(claim.specifics.when.includes(y) && said.includes(y)));
  const record = c.features.specifics;
  if (years.length > 0 && record.years.length > 0 && !years.some((y) => record.years.includes(y))) return { kind: 'year', claim: years[0]!, record: record.years[0]! };
  const numbers = claim.specifics.numbers;
  if (numbers.length > 0 && record.numbers.length > 0 && !numbers.some((n) => record.numbers.includes(n))) return { kind: 'number', claim: numbers[0]!, record: record.numbers[0]! };
  return null;
}

/** Evidence at all: related, sharing a concept, and either two concepts or entities or close words ("talks" alone is a common word). */
const meaningful = (c: Candidate): boolean => c.similarity >= T.related && c.conceptCoverage > 0 && (c.sharedMeaning >= 2 || c.similarity >= T.singleFeature);

/** A position's date as a day number (the middle of its range). */
function midDay(p: Position): number {
  return (Date.parse(`${p.date.from}T00:00:00Z`) + Date.parse(`${p.date.to}T00:00:00Z`)) / 2 / 86_400_000;
}

export function suggestVerdict(input: SuggestInput): Suggestion {
  const { speakerId, claim, lexicon } = input;
  const evidence = (reason: EvidenceReason, cs: readonly Candidate[], extra: Partial<Evidence> = {}): Evidence => ({
    reason,
    positionIds: cs.map((c) => c.position.id),
    concepts: cs[0] ? sharedConcepts(claim, cs[0], lexicon) : [],
    polarity: null,
    speakerId,
    otherActorId: null,
    droppedCondition: false,
    ...extra,
  });
  const candidates = input.candidates.filter(meaningful).sort((a, b) => b.similarity - a.similarity);

  const opposedStance = input.opposes ? (axis: string, a: string, b: string) => lexicon.info.get(axis)?.kind === 'stance' && input.opposes!(a, b) : undefined;
  if (candidates.length === 0) return { verdict: 'not-in-record', evidence: evidence('nothing-matches', []) };

  /**
   * Among positions that say the same thing, those taking a stance on the
   * claim's stance axes decide: one agreeing makes it consistent; if all that
   * take one say the opposite, it contradicts. A recorded condition the claim
   * drops contradicts too. No stance either way: consistent.
   */
  // The claim's stances proper come before its acts: in "was declining the mediation on offer" the refusal is what is
  // said, the offer what it is said of. Acts decide only when the claim takes no other stance a position shares.
  const isAct = (axis: string) => lexicon.info.get(axis)?.kind === 'act';
  const stanceAxes = [...claim.signs.keys()].filter((axis) => !isAct(axis));
  // A contrast takes a stance on what it names: a position naming either side of it is judged on it.
  const contrastKeys = claim.contrasts.flatMap((x) => [...x.affirmed, ...x.denied]);
  const sharesContrast = (c: Candidate) => contrastKeys.some((key) => c.features.weights.has(key));
  const sharesStanceProper = (c: Candidate) => stanceAxes.some((axis) => c.features.signs.has(axis)) || sharesContrast(c);
  // A scope the claim narrows where the position names the thing whole is a stance on it too (session 9).
  const scopeAxis = lexicon.info.get(COMPLETENESS)?.axis;
  const narrows = (c: Candidate) => scopeAxis !== undefined && claim.signs.get(scopeAxis) === -1 && polarityConflict(claim, c, lexicon)?.conceptId === scopeAxis;
  const sharesStance = (c: Candidate) => [...claim.signs.keys()].some((axis) => c.features.signs.has(axis)) || sharesContrast(c) || narrows(c);
  const ownAgainstAddedCondition = (group: readonly Candidate[], deciding: Candidate): Candidate | undefined => {
    const pre = lexicon.info.get(PRECONDITIONS)?.axis;
    if (pre === undefined || speakerId === null || deciding.relation === 1 || !claim.conditional || claim.signs.get(pre) !== 1) return undefined;
    // Not when a position of the speaker's own among those weighed takes a stance on the claim's axes: it decides.
    if (group.some((c) => c.relation === 1 && sharesStance(c))) return undefined;
    // A topic of the claim the position names, or implies ("resolve the conflict through diplomatic means" implies talks).
    const topics = (c: Candidate) => claim.concepts.some((id) => lexicon.info.get(id)!.kind === 'topic' && !lexicon.info.get(id)!.modifier && (c.features.weights.get(`c:${lexicon.info.get(id)!.axis}`) ?? 0) > 0);
    return input.candidates
      .filter((c) => c.relation === 1 && c.similarity >= T.ownStanceFloor && c.sharedMeaning >= 2 && !c.features.conditional && c.features.signs.get(pre) === -1 && topics(c))
      .sort((a, b) => b.similarity - a.similarity)[0];
  };
  const judgeAgainst = (group: Candidate[], agreeReason: EvidenceReason): Suggestion => {
    const conflicts = group.map((c) => polarityConflict(claim, c, lexicon));
    // The closest position that takes a stance on the claim's axes decides (group is best first); the speaker's own
    // before what they relayed or their government said ("without preconditions" is Vershinin's own line, whatever
    // Moscow's "as long as" says).
    // Among those, the one taking a stance on most of the claim's axes: in "Russia has repeatedly confirmed the
    // possibility of a meeting" the confirming is what is said, and a position on the confirming and the possibility
    // decides before one on the possibility alone.
    const axesShared = (c: Candidate) => [...claim.signs.keys()].filter((axis) => c.features.signs.has(axis)).length;
    const best = (pred: (c: Candidate) => boolean) => {
      let at = -1;
      group.forEach((c, i) => {
        if (pred(c) && (at === -1 || axesShared(c) > axesShared(group[at]!))) at = i;
      });
      return at;
    };
    const first = (pred: (c: Candidate) => boolean) => {
      const own = best((c) => c.relation === 1 && pred(c));
      return own !== -1 ? own : best(pred);
    };
    const proper = first(sharesStanceProper);
    let decider = proper !== -1 ? proper : first(sharesStance);
    const agreeing = group.filter((c, i) => sharesStance(c) && conflicts[i] === null && !conditionDropped(claim, c, lexicon));
    // Agreeing in stance but not in its details: the closest position names another year or figure, and none of the
    // weighed positions names the claim's.
    const detailed = (c: Candidate): Suggestion | null => {
      const d = detailsDiffer(claim, c);
      if (d === null || group.some((o) => o !== c && detailsDiffer(claim, o) === null && (o.features.specifics.years.length > 0 || o.features.specifics.numbers.length > 0))) return null;
      return { verdict: 'contradicts', evidence: evidence('details-differ', [c], { details: d }) };
    };
    // Same concept, same polarity, but done by the other side ("convince Moscow to withdraw" / "convince Kyiv to withdraw").
    const judged = decider !== -1 ? decider : 0;
    const swapped = group[judged] && conflicts[judged] === null ? reversedRoles(claim, group[judged].features, opposedStance) : null;
    if (swapped !== null) {
      // Another weighed position of the same stance has it done by the claim's own side (review 10A RA8): "Россия никогда
      // не отказывалась от переговоров" is Peskov's "Russia has never rejected such an option", whatever his "US
      // willingness to listen" says of Washington. That position decides.
      const side = [...(claim.roles?.get(swapped.conceptId)?.keys() ?? [])][0];
      // Only a position as close as the one judged (within the band): a far one says something else.
      const near = (c: Candidate) => c.similarity >= group[judged]!.similarity - T.ownBand;
      const sameDoer = side === undefined ? -1 : group.findIndex((c, i) => i !== judged && near(c) && conflicts[i] === null && sharesStance(c) && c.features.roles?.get(swapped.conceptId)?.has(side) === true && reversedRoles(claim, c.features, opposedStance) === null);
      if (sameDoer === -1) return { verdict: 'contradicts', evidence: evidence('roles-reversed', [group[judged]!], { roles: swapped }) };
      decider = sameDoer;
    }
    if (decider !== -1 && conflicts[decider] === null && !conditionDropped(claim, group[decider]!, lexicon)) {
      // A condition the claim adds against the speaker's own "without preconditions" / "at any moment", where only a
      // relayed or collective position states one (session 10): "Vershinin: talks only if Ukraine first recognises the
      // new borders" is his "only talks without preconditions" contradicted, whatever Moscow's "as long as" says. The
      // claim's condition words dilute its match with his position, so it is looked for below the evidence threshold.
      const own = ownAgainstAddedCondition(group, group[decider]!);
      if (own !== undefined) {
        const axis = lexicon.info.get(PRECONDITIONS)!.axis;
        return { verdict: 'contradicts', evidence: evidence('opposite-polarity', [own], { polarity: { conceptId: axis, claim: 1, record: -1 } }) };
      }
      // A condition the claim adds where none of the weighed positions states one (session 9).
      if (conditionAdded(claim, group[decider]!, lexicon) && !group.some((c) => sharesStance(c) && (c.features.conditional || c.features.signs.has(lexicon.info.get(PRECONDITIONS)!.axis)))) {
        const axis = lexicon.info.get(PRECONDITIONS)!.axis;
        return { verdict: 'contradicts', evidence: evidence('opposite-polarity', [group[decider]!], { polarity: { conceptId: axis, claim: 1, record: -1 } }) };
      }
      return detailed(group[decider]!) ?? { verdict: 'consistent', evidence: evidence(agreeReason, agreeing.slice(0, 3)) };
    }
    const opposed = group.filter((_, i) => conflicts[i] !== null);
    if (decider !== -1 && conflicts[decider] !== null) {
      return { verdict: 'contradicts', evidence: evidence('opposite-polarity', opposed.slice(0, 3), { polarity: polarityConflict(claim, opposed[0]!, lexicon) }) };
    }
    const dropped = group.filter((c) => conditionDropped(claim, c, lexicon));
    if (dropped.length > 0 && dropped.length === group.filter(sharesStance).length) {
      return { verdict: 'contradicts', evidence: evidence('condition-dropped', dropped.slice(0, 3), { droppedCondition: true }) };
    }
    return (group[0] ? detailed(group[0]) : null) ?? { verdict: 'consistent', evidence: evidence(agreeReason, group.slice(0, 3)) };
  };

  if (speakerId === null) {
    const best = candidates[0]!;
    if (best.similarity < T.close) return { verdict: 'not-in-record', evidence: evidence('nothing-matches', []) };
    return judgeAgainst(candidates.filter((c) => c.similarity >= best.similarity - T.ownBand), 'match-without-speaker');
  }

  // The speaker's own positions first; relayed ones and those of the collective they speak for only when no own one is close.
  const strict = candidates.filter((c) => c.relation === 1);
  const own = strict.length > 0 && strict[0]!.similarity >= T.ownClose ? strict : candidates.filter((c) => c.relation > 0);
  // Another actor says the claim's words only when saying them the same way: "rejected talks with Putin" is about the
  // claim's "offer of talks with Putin" but is not the claim said by someone else.
  // Nor when it has the stance held by the other side (review 10A, RA21): "Kyiv bears full responsibility" is not
  // Zelensky's "the responsibility lies entirely with Russia" said by someone else, whatever words they share.
  const others = candidates.filter((c) => c.relation === 0 && polarityConflict(claim, c, lexicon) === null && reversedRoles(claim, c.features, opposedStance) === null);
  const bestOwn = own[0]?.similarity ?? 0;
  const bestOther = others[0];
  const clearlySomeoneElse = bestOther !== undefined && bestOther.similarity >= T.close && bestOther.similarity - bestOwn >= T.misattributedMargin && bestOwn < T.ownStrong;
  if (own.length > 0 && bestOwn >= T.ownClose && !clearlySomeoneElse) {
    const band = own.filter((c) => c.similarity >= bestOwn - T.ownBand);
    // The speaker's own positions taking a stance on the claim's axes are weighed even below the band.
    const ownStance = strict.filter((c) => !band.includes(c) && sharesStance(c));
    return judgeAgainst([...band, ...ownStance], 'speaker-match');
  }
  // "Misattributed" is the worst thing to get wrong: it needs another actor's position that shares at least two concepts
  // or entities with the claim (one domain word is no evidence that the words are someone else's).
  // A claim that takes no stance and names only a meeting or talks ("the meeting in Istanbul ended on Monday") names an
  // event, not words someone else said: it is never misattributed on that alone (session 11, RA19). Other single
  // topics may be ("Lavrov said grain exports must not be blocked" is Nikolenko's, review 11A).
  const only = claim.concepts.length === 1 ? lexicon.info.get(claim.concepts[0]!) : undefined;
  const eventOnly = only !== undefined && (only.id === 'meeting' || only.id === 'negotiations' || only.ancestors.includes('negotiations'));
  const saysSomething = claim.signs.size > 0 || claim.contrasts.length > 0 || !eventOnly;
  if (bestOther && saysSomething && bestOther.sharedMeaning >= 2 && (clearlySomeoneElse || (bestOther.similarity >= T.close && bestOwn < T.ownAbsent && bestOther.similarity - bestOwn >= T.margin))) {
    // Never when a position of the speaker's own takes the claim's stance towards the same object (review 10A, RA12),
    // however much closer another actor's words are: Lavrov's "confirmed Putin's offer … for negotiations" is his own
    // readiness to negotiate, and "Lavrov said Russia was ready for talks" is not Putin's words put in his mouth.
    const ownAgreeing = input.candidates.filter((c) => c.relation === 1 && c.similarity >= T.ownAgreeing && sameObjectStance(claim, c) && polarityConflict(claim, c, lexicon) === null);
    if (ownAgreeing.length > 0) return judgeAgainst(ownAgreeing.slice(0, 3), 'speaker-match');
    // … and the speaker has no position of their own on what the claim is about, at about that time: a speaker on
    // record with a stance on the claim's own topic (an axis few positions take: signing, surrender, the deciding
    // voice; not readiness or possibility, which nearly everyone takes) said something of their own on it, compatible
    // (consistent) or not (contradicts). "Johnson advised them to sign a deal" is about Johnson's "not to sign
    // anything", whoever else signed agreements.
    const topical = [...claim.signs.keys()].filter((axis) => !SAYING_AXES.has(axis) && (input.axisShare?.(axis) ?? 0) <= T.genericAxisShare);
    const when = midDay(bestOther.position);
    const onRecord = input.candidates.filter(
      (c) => c.relation > 0 && c.similarity >= T.related && topical.some((axis) => c.features.signs.has(axis)) && Math.abs(midDay(c.position) - when) <= T.sameTimeDays,
    );
    if (onRecord.length > 0) return judgeAgainst(onRecord.slice(0, 3), 'speaker-match');
    // … nor, for a claim taking only generic stances, a position of their own on the same topic that says the opposite
    // (session 9): "Vershinin says Moscow no
    // longer considers talks possible" is Vershinin's "willing to have talks" contradicted, whoever else said talks were
    // impossible.
    const topics = (c: Candidate) => claim.concepts.some((id) => lexicon.info.get(id)!.kind === 'topic' && c.features.weights.get(`c:${lexicon.info.get(id)!.axis}`) === 1);
    const opposedOwn = input.candidates.filter((c) => c.relation === 1 && c.similarity >= T.related && topics(c) && polarityConflict(claim, c, lexicon) !== null && Math.abs(midDay(c.position) - when) <= T.sameTimeDays);
    // Only for a claim whose stances are all generic (readiness, possibility): a claim with a topical stance of its own
    // ("only strong people reach out for peace") is about that, and the speaker has none on it.
    if (topical.length === 0 && opposedOwn.length > 0) return judgeAgainst(opposedOwn.slice(0, 3), 'speaker-match');
    // … nor when the claim adds a condition and the speaker is on record without one ("at any moment", "without
    // preconditions"), however weakly its words echo (session 11): "talks with Kyiv possible not before summer" put in
    // Peskov's mouth is his "ready at any moment" contradicted, whoever else set conditions for talks.
    const pre = lexicon.info.get(PRECONDITIONS)?.axis;
    if (pre !== undefined && claim.conditional && claim.signs.get(pre) === 1) {
      const unconditional = input.candidates
        .filter((c) => c.relation === 1 && c.similarity >= T.ownStanceFloor && c.sharedMeaning >= 2 && !c.features.conditional && c.features.signs.get(pre) === -1)
        .sort((a, b) => b.similarity - a.similarity)[0];
      if (unconditional !== undefined) return { verdict: 'contradicts', evidence: evidence('opposite-polarity', [unconditional], { polarity: { conceptId: pre, claim: 1, record: -1 } }) };
    }
    return { verdict: 'misattributed', evidence: evidence('other-actor', others.slice(0, 3), { otherActorId: bestOther.position.actor }) };
  }
  if (own.length > 0) return judgeAgainst(own.slice(0, 3), 'speaker-match');
  return { verdict: 'not-in-record', evidence: evidence(bestOther ? 'speaker-unrelated' : 'nothing-matches', bestOther ? others.slice(0, 3) : []) };
}
