/**
 * One claim, checked against the record: the entities and concepts it names,
 * who it says said it (speaker, cue, reporting source, content span), the
 * ranked positions, the other side's positions apart, and a suggested verdict
 * with the evidence that decides it. DOM-free and JSON-safe: the background
 * computes it for the side panel, `onrecord check` prints it.
 */
import type { Corpus, EntityType, Position } from '../corpus/schema.ts';
import type { ConceptLexicon } from '../concepts/index.ts';
import type { Matcher, Mention } from '../match/index.ts';
import { indexCorpus } from '../record/corpus-index.ts';
import { toPositionView } from '../record/position-view.ts';
import type { PositionView } from '../record/types.ts';
import { claimDate, daysBetween } from './claim-date.ts';
import { createStatementFinder, guessLang, type StatementFinder, type StatementSpeaker } from '../statements/index.ts';
import { desiredBy, GOVERNMENT_OF_PLACE, relayedSpeaker, speakerFromStatements, speakerOfClaim, withLeadingPart, withSpeechVerb, type ClaimSpeaker } from './claim-speaker.ts';
import { buildFeatureIndex, explainMatch, matchContent, textFeatures, type ContentMatch, type StoredFeatureIndex, type TextFeatures } from './judge.ts';
import { BLAME_VERBS, sideLookup } from './roles.ts';
import { samePageKey } from './same-page.ts';
import { allWords, BUNDLED_RULES } from '../concepts/rules.ts';
import { suggestVerdict, type Suggestion } from './suggest.ts';
import { compareFeatures, type ComparisonRow } from './comparison.ts';

/** Longest claim checked: a long paragraph. A bigger selection is cut here rather than refused. */
export const MAX_CLAIM_CHARS = 4000;
/** Results shown in the main list. */
export const MAX_RESULTS = 10;
/** The other side's positions shown apart. */
export const MAX_OTHER_SIDE = 5;

export const RANK = {
  /** Added for a position of the claim's speaker: their own record comes first when it matches. */
  speaker: 0.35,
  /** For a position the speaker relayed, or of a member of the collective that speaks. */
  speakerRelated: 0.15,
  /** For a position of another actor the claim names (its object: "… talks with Putin"). */
  namedActor: 0.05,
  /** Closeness to a date the claim names. */
  date: 0.03,
  /** Below this content similarity a position is not shown, even the speaker's. */
  minSimilarity: 0.12,
  /** The speaker bonus needs at least this content similarity: the speaker's unrelated positions stay out. */
  speakerGate: 0.18,
} as const;
/** The speaker's own positions below the shown similarity that the verdict still weighs (for "misattributed" only). */
const MAX_WEAK_OWN = 20;
/** How many descriptions deep an actor's government is looked for (a director → his ministry → its country). */
const HOME_DEPTH = 3;
/** Date proximity halves every this many days. */
export const DATE_HALF_LIFE_DAYS = 180;

const ACTOR_TYPES: ReadonlySet<EntityType> = new Set(['person', 'organization', 'collective']);

export interface EntityRef {
  id: string;
  label: string;
  type: EntityType;
}

export interface ConceptRef {
  id: string;
  label: string;
}

export type RankReason =
  | { kind: 'concepts'; conceptIds: string[] }
  | { kind: 'topics'; topicIds: string[] }
  | { kind: 'words'; terms: string[] }
  | { kind: 'speaker'; actorId: string; relayed: boolean }
  | { kind: 'actor'; actorId: string }
  | { kind: 'date'; days: number };

export interface RankedPosition {
  positionId: string;
  score: number;
  /** Content similarity alone (0..1), without the speaker and date signals. */
  similarity: number;
  reasons: RankReason[];
}

export interface CheckedPosition extends RankedPosition {
  position: PositionView;
  /** Its source is the page the claim was checked on (audit A30): shown, marked, never deciding the suggestion. */
  samePage?: true;
}

/** Where the claim was read: positions taken from that very page are no evidence for it (audit A30). */
export interface CheckOptions {
  pageUrl?: string | null;
}

/** Why a check has nothing to show: nothing selected, no words, or no position close enough. */
export type EmptyReason = 'empty' | 'no-words' | 'no-match';

/** Who the claim says said it. */
export interface ClaimAttribution extends Omit<ClaimSpeaker, 'pieces'> {
  /** Polarity of the content as a whole: -1 when its main stance is negated or refusing. */
  polarity: 1 | -1;
  conditional: boolean;
  /**
   * The speaker's words piece by piece when they stand on both sides of the cue ("…, Peskov said, adding that …"):
   * then `content` is the pieces joined by " … " and contentStart/contentEnd run from the first piece to the last.
   */
  parts?: { text: string; start: number; end: number }[];
}

export interface ClaimCheck {
  claim: string;
  truncated: boolean;
  empty: EmptyReason | null;
  actors: EntityRef[];
  topics: EntityRef[];
  concepts: ConceptRef[];
  date: string | null;
  results: CheckedPosition[];
  otherSide: CheckedPosition[];
  /** The side whose opponents are shown apart, when one could be told. */
  sideId: string | null;
  attribution: ClaimAttribution | null;
  suggestion: Suggestion;
  /** Labels of every entity and concept id the check refers to, for display. */
  labels: Record<string, string>;
  /** Aspect by aspect, the claim against the position the suggestion rests on first; empty when it rests on none. */
  comparison?: ComparisonRow[];
}

export interface ClaimChecker {
  check(text: string, opts?: CheckOptions): ClaimCheck;
}

/** `opts.finder`: a statement finder of the same record and matcher, when the caller has one (the worker shares its). */
/**
 * `opts.finder`: the record's statement finder (made from the corpus's entities and `matcher` when absent);
 * `opts.features`: what buildFeatureIndex stored for this corpus, lexicon and matcher (storedFeatureIndex), to skip
 * reading every position again (a cache's: the CLI's build cache).
 */
export function createClaimChecker(corpus: Corpus, matcher: Matcher, lexicon: ConceptLexicon, opts: { finder?: StatementFinder; features?: StoredFeatureIndex } = {}): ClaimChecker {
  const index = indexCorpus(corpus);
  const features = buildFeatureIndex(corpus, lexicon, matcher, opts.features);
  const finder = opts.finder ?? createStatementFinder({ entities: corpus.entities, matcher });
  const places = features.places;
  const sideOfEntity = sideLookup(corpus);
  const axisShare = (axis: string): number => (features.postings.get(`c:${axis}`)?.ids.length ?? 0) / Math.max(1, corpus.positions.length);
  const sideOf = (actorId: string): string | null => index.entities.get(actorId)?.side ?? null;
  const opponentsOf = (sideId: string): Set<string> => {
    const out = new Set(index.sides.get(sideId)?.opposes ?? []);
    for (const s of index.sides.values()) if (s.opposes?.includes(sideId)) out.add(s.id);
    return out;
  };
  const ref = (id: string): EntityRef => {
    const e = index.entities.get(id);
    return { id, label: e?.label ?? id, type: e?.type ?? 'topic' };
  };
  /** How a position relates to the speaker: 1 own, 0.5 relayed by them or of a collective they speak for, 0 else. */
  const speakerRelation = (p: Position, speakerId: string, judging = false): number => {
    if (p.actor === speakerId) return 1;
    if (p.reportedBy === speakerId) return 0.5;
    const speaker = index.entities.get(speakerId);
    const actor = index.entities.get(p.actor);
    // A collective ("Moscow", "the Russian government") speaks through its side's officials, and they for it; not
    // through an ally's (Lukashenko is on Russia's side but speaks for Belarus; Johnson for the UK, not Washington).
    // An organization speaking as its government ("the Kremlin": speaksAs) does so too (review 11A RA2).
    if (speaker && actor && speaker.side !== undefined && speaker.side === actor.side && (speaker.type === 'collective' || actor.type === 'collective' || speaker.speaksAs !== undefined || actor.speaksAs !== undefined)) {
      // Only for the verdict's few candidates: per ranked position (tens of thousands at 100,000) it cost the check 2×.
      if (!judging) return 0.5;
      const a = homeOf(speakerId);
      const b = homeOf(p.actor);
      return a !== null && b !== null && a !== b ? 0 : 0.5;
    }
    return 0;
  };
  /**
   * The government an actor speaks for, from the record's own words: a collective is its own, "speaksAs" says it, else
   * the first country, capital or actor its description names ("President of Belarus", "Kremlin spokesman", "… of the
   * Russian Foreign Ministry" through that ministry). "place:<id>" for a country with no government in the record;
   * null when the description does not tell.
   */
  const surnames = surnameIndex(corpus);
  const homes = new Map<string, string | null>();
  const homeOf = (id: string, depth = 0): string | null => {
    if (depth === 0 && homes.has(id)) return homes.get(id)!;
    const e = index.entities.get(id);
    let home: string | null = null;
    if (!e) home = null;
    else if (e.type === 'collective') home = e.id;
    else if (e.speaksAs) home = e.speaksAs;
    else if (GOVERNMENT_OF_PLACE[id] !== undefined) home = GOVERNMENT_OF_PLACE[id]!;
    else if (depth < HOME_DEPTH && e.description) {
      for (const m of matcher.scan(e.description)) {
        const t = index.entities.get(m.entityId);
        if (!t || m.entityId === id || (t.type !== 'place' && !ACTOR_TYPES.has(t.type))) continue;
        home = GOVERNMENT_OF_PLACE[m.entityId] ?? (t.type === 'place' ? `place:${m.entityId}` : homeOf(m.entityId, depth + 1));
        if (home !== null) break;
      }
    }
    if (depth === 0) homes.set(id, home);
    return home;
  };

  return {
    check(input, opts = {}) {
      const page = samePageKey(opts.pageUrl);
      const fromThisPage = (p: Position): boolean => page !== null && samePageKey(index.sources.get(p.source)?.url) === page;
      const truncated = input.length > MAX_CLAIM_CHARS;
      const claim = input.slice(0, MAX_CLAIM_CHARS).replace(/\s+/gu, ' ').trim();
      const none: Suggestion = { verdict: 'not-in-record', evidence: { reason: 'nothing-matches', positionIds: [], concepts: [], polarity: null, speakerId: null, otherActorId: null, droppedCondition: false } };
      const base: ClaimCheck = { claim, truncated, empty: null, actors: [], topics: [], concepts: [], date: null, results: [], otherSide: [], sideId: null, attribution: null, suggestion: none, labels: {}, comparison: [] };
      if (claim.length === 0) return { ...base, empty: 'empty' };
      const mentions = matcher.scan(claim);
      const entityIds = [...new Set(mentions.map((m) => m.entityId))];
      const actorIds = entityIds.filter((id) => ACTOR_TYPES.has(ref(id).type));
      const named = [...mentions, ...surnameMentions(claim, mentions, surnames)];
      const lang = guessLang(claim);
      const found =
        speakerFromStatements(finder.find(claim), claim) ??
        speakerOfClaim(claim, named, index.entities, ACTOR_TYPES) ??
        openingPerson(claim, named, index.entities, lang) ??
        subjectFromFinder(claim, finder.subject(claim)) ??
        subjectOf(claim, mentions, actorIds, index.entities);
      const relayed = found ? (relayedSpeaker(claim, found, named, index.entities, ACTOR_TYPES, lang) ?? desiredBy(claim, found, named, index.entities, ACTOR_TYPES, lang)) : null;
      /** Who relayed the words ("Arakhamia said Johnson told …"): they said it too, so it is never misattributed to them. */
      const relayer = relayed ? found!.speakerId : null;
      const speaker = relayed ?? (found ? (withLeadingPart(claim, found) ?? found) : null);
      const contentText = speaker ? speaker.content : claim;
      const exclude = new Set<string>(speaker ? [speaker.speakerId, ...(speaker.sourceId ? [speaker.sourceId] : [])] : []);
      const pieces = speaker?.pieces;
      // "исключил возможность …", "rejected talks": a cue verb that takes a stance is judged with its object.
      // A verb of blaming too: "blamed Kyiv for …" says who holds the blame (roles.ts).
      const cueWord = speaker?.objectCue ? claim.slice(speaker.objectCue.start, speaker.objectCue.end) : '';
      const judged = speaker?.objectCue && !pieces && (stanceOf(cueWord, lang, lexicon) || BLAME_VERBS.has(cueWord.toLowerCase())) ? claim.slice(speaker.objectCue.start, speaker.contentEnd) : contentText;
      const claimFeatures = textFeatures(pieces ? pieces.map((x) => x.text) : [judged], { lexicon, matcher, exclude, places, lang, sideOf: sideOfEntity, ...(pieces ? { denied: pieces.map((x) => x.denied) } : {}) });
      if (claimFeatures.weights.size === 0 && !speaker) return { ...base, empty: 'no-words' };
      const date = claimDate(claim);
      const matches = matchContent(features, claimFeatures, lang);
      const ranked: (RankedPosition & { match: ContentMatch })[] = [];
      for (const m of matches) {
        if (m.similarity < RANK.minSimilarity) continue;
        const p = corpus.positions[m.index]!;
        const relation = speaker ? speakerRelation(p, speaker.speakerId) : 0;
        let score = m.similarity;
        const reasons: RankReason[] = [];
        if (relation > 0 && m.similarity >= RANK.speakerGate) {
          score += relation === 1 ? RANK.speaker : RANK.speakerRelated;
          reasons.push({ kind: 'speaker', actorId: speaker!.speakerId, relayed: relation < 1 });
        } else if (actorIds.includes(p.actor) && p.actor !== speaker?.speakerId) {
          score += RANK.namedActor;
          reasons.push({ kind: 'actor', actorId: p.actor });
        }
        if (date) {
          const days = daysBetween(date, midpoint(p));
          score += RANK.date * 0.5 ** (days / DATE_HALF_LIFE_DAYS);
          reasons.push({ kind: 'date', days: Math.round(days) });
        }
        ranked.push({ positionId: p.id, score, similarity: m.similarity, reasons, match: m });
      }
      // Ties by id in code-unit order: localeCompare (ICU collation) on tens of thousands of tied candidates cost seconds at 100,000 positions.
      ranked.sort((a, b) => b.score - a.score || (a.positionId < b.positionId ? -1 : a.positionId > b.positionId ? 1 : 0));
      const explain = (r: (typeof ranked)[number]): RankedPosition & { match: ContentMatch } => {
        const m = explainMatch(features, claimFeatures, r.match);
        const extra: RankReason[] = [];
        if (m.shared.concepts.length > 0) extra.push({ kind: 'concepts', conceptIds: m.shared.concepts });
        if (m.shared.entities.length > 0) extra.push({ kind: 'topics', topicIds: m.shared.entities });
        if (m.shared.words.length > 0) extra.push({ kind: 'words', terms: m.shared.words });
        return { ...r, match: m, reasons: [...extra, ...r.reasons] };
      };
      const topSide = ranked[0] ? sideOf(corpus.positions[ranked[0].match.index]!.actor) : null;
      const sideId = (speaker ? sideOf(speaker.speakerId) : null) ?? topSide;
      const opponents = sideId ? opponentsOf(sideId) : new Set<string>();
      const main: CheckedPosition[] = [];
      const apart: CheckedPosition[] = [];
      for (const r of ranked) {
        if (main.length >= MAX_RESULTS && apart.length >= MAX_OTHER_SIDE) break;
        const p = corpus.positions[r.match.index]!;
        const side = sideOf(p.actor);
        const list = side !== null && opponents.has(side) && speakerRelation(p, speaker?.speakerId ?? '') === 0 ? apart : main;
        if (list.length >= (list === main ? MAX_RESULTS : MAX_OTHER_SIDE)) continue;
        const { match: _m, ...shown } = explain(r);
        list.push({ ...shown, position: toPositionView(index, p), ...(fromThisPage(p) ? { samePage: true as const } : {}) });
      }
      const candidates = [
          ...ranked.slice(0, 60).map((r) => r.match),
          // The speaker's own positions too weak to be shown still answer "did they take this stance at all?" (RA12).
          ...(speaker ? matches.filter((m) => m.similarity < RANK.minSimilarity && corpus.positions[m.index]!.actor === speaker.speakerId).slice(0, MAX_WEAK_OWN) : []),
        ].map((m) => {
          const p = corpus.positions[m.index]!;
          return { position: p, similarity: m.similarity, conceptCoverage: m.conceptCoverage, sharedMeaning: m.sharedMeaning, features: features.featuresOf(m.index), relation: speaker ? speakerRelation(p, speaker.speakerId, true) : 0 };
        });
      // The claim's own page does not vouch for it (audit A30): the verdict is suggested from the other positions, and
      // when only positions from this page match, it is not in the record, with those positions shown as such.
      const ownPage = candidates.filter((c) => fromThisPage(c.position));
      const suggest = (cs: typeof candidates) => suggestVerdict({ opposes: (a, b) => opponentsOf(a).has(b), speakerId: speaker?.speakerId ?? null, claim: claimFeatures, candidates: cs, lexicon, axisShare });
      let suggested = suggest(ownPage.length === 0 ? candidates : candidates.filter((c) => !fromThisPage(c.position)));
      // Nor is a claim misattributed because the speaker's own words are on this page only: they are the speaker's.
      const onlyHere = ownPage.length > 0 && (suggested.verdict === 'not-in-record' || (suggested.verdict === 'misattributed' && suggest(candidates).verdict !== 'misattributed'));
      if (onlyHere) {
        const alone = suggest(ownPage);
        const shown = alone.verdict === 'not-in-record' ? ownPage.slice(0, 3).map((c) => c.position.id) : alone.evidence.positionIds;
        if (alone.verdict !== 'not-in-record' || suggested.verdict === 'misattributed') suggested = { verdict: 'not-in-record', evidence: { ...alone.evidence, positionIds: shown, reason: 'same-page-only', polarity: null, otherActorId: null, droppedCondition: false } };
      }
      const suggestion = guardMisattribution(suggested, speaker, actorIds, relayer);
      const decidingId = suggestion.evidence.positionIds[0];
      const deciding = decidingId === undefined ? undefined : ranked.find((r) => corpus.positions[r.match.index]!.id === decidingId);
      const comparison = deciding ? compareFeatures(claimFeatures, features.featuresOf(deciding.match.index), lexicon, suggestion.evidence.roles) : [];
      const attribution: ClaimAttribution | null = speaker ? { ...shownWords(speaker), polarity: overallPolarity(claimFeatures, lexicon), conditional: claimFeatures.conditional } : null;
      const conceptRefs = claimFeatures.concepts.map((id) => ({ id, label: lexicon.info.get(id)?.label ?? id }));
      const swapped = suggestion.evidence.roles;
      const labelIds = new Set([...entityIds, ...(speaker ? [speaker.speakerId] : []), ...(suggestion.evidence.otherActorId ? [suggestion.evidence.otherActorId] : []), ...(swapped ? [swapped.claim, swapped.record] : [])]);
      const labels: Record<string, string> = Object.fromEntries([...labelIds].map((id) => [id, ref(id).label]));
      for (const info of lexicon.info.values()) if (claimFeatures.weights.has(`c:${info.axis}`) || suggestion.evidence.concepts.includes(info.id)) labels[info.id] = info.label;
      for (const r of comparison) {
        if (r.conceptId !== null) labels[r.conceptId] ??= lexicon.info.get(r.conceptId)?.label ?? r.conceptId;
        for (const id of [r.claimActor, r.recordActor]) if (id !== undefined) labels[id] ??= ref(id).label;
      }
      return {
        ...base,
        empty: main.length === 0 && apart.length === 0 ? 'no-match' : null,
        actors: actorIds.map(ref),
        topics: entityIds.filter((id) => !actorIds.includes(id)).map(ref),
        concepts: conceptRefs,
        date,
        results: main,
        otherSide: apart,
        sideId,
        attribution,
        suggestion,
        labels,
        comparison,
      };
    },
  };
}

/** Shortest surname looked up on its own: shorter ones are too often other words. */
const MIN_SURNAME_CHARS = 4;

/**
 * A person's surname alone ("Polishchuk said", "Полищук заявил", "Bennett said"), which the matcher leaves alone in
 * running text unless the full name came first. Only as the subject of a speech cue (speakerOfClaim's patterns), and
 * only surnames one person of the record has: the last word of each of their names and aliases, capitalised.
 */
function surnameIndex(corpus: Corpus): Map<string, string> {
  const owner = new Map<string, string | null>();
  for (const e of corpus.entities) {
    if (e.type !== 'person') continue;
    for (const name of [e.label, ...e.aliases.map((a) => a.text)]) {
      const last = /([\p{Lu}][\p{L}'’-]+)$/u.exec(name.trim())?.[1];
      if (!last || last.length < MIN_SURNAME_CHARS || name.trim() === last) continue;
      const seen = owner.get(last);
      owner.set(last, seen === undefined || seen === e.id ? e.id : null);
    }
  }
  return new Map([...owner].filter((x): x is [string, string] => x[1] !== null));
}

/** Russian and Ukrainian case endings of a surname ("по словам Полищука", "за словами Поліщука", "с Полищуком"). */
const SURNAME_CASE_ENDING = /(?<=[бвгджзйклмнпрстфхцчшщ])(?:ом|ым|ем|ові|еві|а|у|ю|е|і)$/u;

function surnameMentions(claim: string, mentions: readonly Mention[], surnames: ReadonlyMap<string, string>): Mention[] {
  const out: Mention[] = [];
  // One sweep over the words and the mentions together, both by start (was a scan of every mention per word).
  const byStart = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  let j = 0;
  let reach = -1;
  for (const m of claim.matchAll(/[\p{Lu}][\p{L}'’-]+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    // `reach`: the furthest end of the mentions that start before this word ends.
    while (j < byStart.length && byStart[j]!.start < end) reach = Math.max(reach, byStart[j++]!.end);
    const id = surnames.get(m[0]) ?? surnames.get(m[0].replace(SURNAME_CASE_ENDING, ''));
    if (id === undefined || reach > start) continue;
    out.push({ start, end, entityId: id, aliasIndex: -1 });
  }
  return out;
}

/**
 * The speaker's words as shown and printed: the pieces are the judge's; when some stand outside the content span (the
 * first part of "…, Peskov said, adding that …") the content is every piece, joined by " … ", with each one's offsets.
 */
function shownWords(speaker: ClaimSpeaker): Omit<ClaimAttribution, 'polarity' | 'conditional'> {
  const { pieces, objectCue: _objectCue, ...rest } = speaker;
  if (!pieces || pieces.every((x) => x.start >= speaker.contentStart && x.end <= speaker.contentEnd)) return rest;
  const parts = [...pieces].sort((a, b) => a.start - b.start).map(({ text, start, end }) => ({ text, start, end }));
  return { ...rest, content: parts.map((x) => x.text).join(' … '), contentStart: parts[0]!.start, contentEnd: parts[parts.length - 1]!.end, parts };
}

function midpoint(p: Position): string {
  const from = Date.parse(`${p.date.from}T00:00:00Z`);
  const to = Date.parse(`${p.date.to}T00:00:00Z`);
  return new Date((from + to) / 2).toISOString().slice(0, 10);
}

/**
 * A wrong "misattributed" is the worst suggestion a moderator can get, so it stands only on a clear attribution: "not in
 * the record" (the speaker has nothing close) instead when the claim has no speech cue (it says what its subject did,
 * not who said what), or when the actor the record has saying it is named in the claim too ("Boris Johnson advised …,
 * Arakhamia recalled": the claim may well attribute the words to them).
 */
function guardMisattribution(s: Suggestion, speaker: ClaimSpeaker | null, actorIds: readonly string[], relayer: string | null): Suggestion {
  if (s.verdict !== 'misattributed' || !speaker) return s;
  const other = s.evidence.otherActorId;
  const uncued = speaker.cue === 'subject' && !holdsAView(speaker.content);
  const named = other !== null && other !== speaker.speakerId && actorIds.includes(other);
  if (!uncued && !named && other !== relayer) return s;
  return { verdict: 'not-in-record', evidence: { ...s.evidence, reason: 'speaker-unrelated', otherActorId: null } };
}

/** Verbs of holding a view (rules data, `opinionVerbs`) opening the claim's words after its subject. */
const OPINION_OPENING = new RegExp(`^(?:${[...allWords(BUNDLED_RULES.opinionVerbs)].sort((a, b) => b.length - a.length).map((w) => w.replace(/\s+/gu, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
/** German "führt X auf Y zurück": attributes X to Y, a view held. */
const GERMAN_ATTRIBUTES = /^(?:führt|führte|führen|führten)\s[^.;!?]*\sauf\s[^.;!?]*\szurück(?![\p{L}])/iu;

/**
 * "The German government is convinced that …", "Johnson believes …", "считает, что …", "ist überzeugt, …": a claim whose
 * subject holds a view attributes those words to it as a verb of saying does (review of c381–c428: c426, c427).
 */
function holdsAView(content: string): boolean {
  const text = content.trimStart();
  return OPINION_OPENING.test(text) || GERMAN_ATTRIBUTES.test(text);
}

/** A claim without a speech cue is about what its subject did: the finder's subject (role phrases resolved: "Ukraine's president signed off …" is Zelensky's). */
function subjectFromFinder(claim: string, subject: StatementSpeaker | null): ClaimSpeaker | null {
  if (!subject?.entityId) return null;
  const contentStart = subject.end + (/^[\s,:;]*/u.exec(claim.slice(subject.end))?.[0].length ?? 0);
  return {
    speakerId: subject.entityId,
    speakerText: subject.text,
    speakerStart: subject.start,
    speakerEnd: subject.end,
    cue: 'subject',
    sourceId: null,
    content: claim.slice(contentStart),
    contentStart,
    contentEnd: claim.length,
  };
}

/**
 * A person of the record opening the claim, by name or surname ("Поліщук порадив …"), is its subject before any role
 * phrase the finder reads further on ("… українським посадовцям" is to whom, not who).
 */
function openingPerson(claim: string, named: readonly Mention[], entities: ReadonlyMap<string, { type: string }>, lang: string): ClaimSpeaker | null {
  const first = [...named].sort((a, b) => a.start - b.start)[0];
  if (!first || entities.get(first.entityId)?.type !== 'person' || !/^[\s“"«„‚‘]*$/u.test(claim.slice(0, first.start))) return null;
  const ids = named.filter((m) => m.start === first.start).map((m) => m.entityId);
  if (new Set(ids).size > 1) return null;
  const personIds = named.filter((m) => entities.get(m.entityId)?.type === 'person').map((m) => m.entityId);
  const subject = subjectOf(claim, [first], [...new Set(personIds)], entities);
  const cued = subject ? withSpeechVerb(claim, subject, lang) : null;
  // A surname alone speaks only with a verb of saying (surnameMentions): "Bennett and the talks" names no speaker.
  return cued ?? (first.aliasIndex === -1 ? null : subject);
}

const PREPOSITIONS = new Set('in at on from to for with by about im am an auf aus bei mit nach von vor zu über für в во на у из с со о об от к по под при з із до від про під'.split(' '));

/** Without a speech cue, an actor (or a capital speaking for its government) opening the sentence is its subject: "Zelensky rejected talks …", "Москва требует …". */
function subjectOf(claim: string, mentions: readonly Mention[], actorIds: readonly string[], entities: ReadonlyMap<string, unknown>): ClaimSpeaker | null {
  // "According to RIA Novosti, Moscow is ready …": the outlet opening the sentence is where it was reported, and the
  // subject opens the clause after it (review 10A, RA26).
  const opener = reportingOpener(claim);
  const first = mentions.find((m) => m.start >= opener && (actorIds.includes(m.entityId) || (GOVERNMENT_OF_PLACE[m.entityId] !== undefined && entities.has(GOVERNMENT_OF_PLACE[m.entityId]!))));
  // The subject opens the sentence: at most two words before it, none a preposition ("In Kiew war es …" has no subject).
  if (!first) return null;
  const before = claim.slice(opener, first.start).match(/[\p{L}\p{N}'’]+/gu) ?? [];
  if (before.length > 2 || before.some((w) => PREPOSITIONS.has(w.toLowerCase()))) return null;
  const speakerId = actorIds.includes(first.entityId) ? first.entityId : GOVERNMENT_OF_PLACE[first.entityId]!;
  return {
    speakerId,
    speakerText: claim.slice(first.start, first.end),
    speakerStart: first.start,
    speakerEnd: first.end,
    cue: 'subject',
    sourceId: null,
    content: claim.slice(first.end).replace(/^[\s,:;'’s]+/u, ''),
    contentStart: first.end,
    contentEnd: claim.length,
  };
}

/**
 * An outlet phrase opening the claim up to its comma ("According to RIA Novosti,", "По данным РИА Новости,", "За даними
 * РІА Новини,", "Laut dpa,"): where the claim was reported, never its subject. The offset after it, or 0.
 */
const REPORTING_OPENER =
  /^\s*(?:(?:as\s+)?according\s+to|as\s+reported\s+by|citing|по\s+(?:данным|сообщению|информации|словам\s+источников\s+в)|со\s+ссылкой\s+на|как\s+(?:сообща(?:ет|ют|ли)|переда(?:ет|ёт|ют)|пиш(?:ет|ут))|за\s+(?:даними|повідомленням|інформацією)|з\s+посиланням\s+на|як\s+(?:повідомля(?:є|ють)|пиш(?:е|уть))|laut|unter\s+Berufung\s+auf|wie\s+[^,.;:]{1,40}\s+(?:berichtet(?:e|en)?|meldet(?:e|en)?))\s[^,.;:!?]{1,60},\s*/iu;

function reportingOpener(claim: string): number {
  return REPORTING_OPENER.exec(claim)?.[0].length ?? 0;
}

/** Whether a word takes a stance of its own (a polar concept that is not an act): "rejected", "исключил", "welcomed". */
function stanceOf(word: string, lang: string, lexicon: ConceptLexicon): boolean {
  return lexicon.find(word, lang).some((h) => {
    const info = lexicon.info.get(h.conceptId)!;
    return info.polar && info.kind !== 'act';
  });
}

/** The polarity of the first stance the content takes (or +1 when it takes none). */
function overallPolarity(f: TextFeatures, lexicon: ConceptLexicon): 1 | -1 {
  for (const id of f.concepts) {
    const info = lexicon.info.get(id)!;
    if (info.kind === 'stance') return f.signs.get(info.axis) ?? 1;
  }
  return 1;
}
