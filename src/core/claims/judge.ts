/**
 * Judging a claim against the record by meaning: what the claim says (its
 * concepts, with polarity, the entities and the words of its content) is
 * compared with every recorded position, in any of the four languages, and
 * who the claim says said it decides between consistent, contradicts and
 * misattributed. Every suggestion carries the evidence that decided it.
 *
 * Features of a text: concepts (by axis, so "ready" and "refuses" meet on one
 * feature and differ in sign), the broader concepts they imply (half weight),
 * the record's entities it names (topics, places, people talked about), and
 * content word stems (same-language echo). Each feature is weighted by its
 * inverse document frequency over the record's positions.
 */
import type { Corpus, Position } from '../corpus/schema.ts';
import type { ConceptLexicon } from '../concepts/index.ts';
import type { Matcher } from '../match/index.ts';
import { guessLang } from '../statements/index.ts';
import { contrastsOf, type Contrast, type KeySpan } from './contrast.ts';
import { addRoles, sideLookup, type Roles } from './roles.ts';
import { words } from './tokenize.ts';
import { allWords, BUNDLED_RULES } from '../concepts/rules.ts';

/** Feature kinds and their weight in the content similarity. */
export const FEATURE_WEIGHT = { concept: 1, entity: 0.8, place: 0.5, word: 0.45 } as const;
/** A broader concept implied by a narrower one counts this much of a direct one. */
export const IMPLIED_WEIGHT = 0.5;
/** Content similarity: this share is coverage of the claim's features, the rest Dice overlap. */
export const COVERAGE_SHARE = 0.7;

/** Speech verbs and reporting words: never content ("said", "заявил"). */
const SPEECH_WORDS = new Set(
  (
    'said says say told tell tells stated claimed claims insisted insists argued warned added declared announced wrote writes suggested stressed noted ' +
    'according reported reports spokesman spokeswoman spokesperson adviser minister president deputy official officials tuesday monday wednesday thursday friday saturday sunday ' +
    'sagte sagt erklärte erklärt betonte betont meinte schrieb laut zufolge sprecher berichtete ' +
    'заявил заявила заявили сказал сказала сказали отметил отметила подчеркнул подчеркнула написал написала сообщил сообщила словам передает пресс-секретарь ' +
    'заявив заявила сказав сказала наголосив наголосила зазначив зазначила написав повідомив словами речник'
  ).split(' '),
);

/**
 * Conditions too common to count as a position's condition ("if" opens hypotheticals as often as conditions), but a
 * claim stating one does not drop the record's condition ("ready to talk provided the realities are recognised").
 */
const COMPLETENESS = 'completeness';
/** How far (in words, in its clause) a scope word stands from the scoped noun it modifies. */
const SCOPE_REACH_WORDS = 3;
/** "All" before a scoped noun names it whole (en, ru, uk, de): "all Russian troops", "всех войск", "всіх військ", "aller Truppen". */
const ALL_WORD = /(?<!\p{L})(?:all|всех|все|всю|весь|всі|всіх|усіх|усі|усю|alle|aller|allen)(?!\p{L})/giu;

/** The scoped topics a scope word modifies, and whether one is named whole (review 9A, F11). */
/**
 * Topics a demand names whole unless it says otherwise are concept data (`scoped: true` in corpus/concepts.json: troops
 * and their withdrawal, territories, prisoners to exchange). "Some of the talks were useful" narrows nothing the record
 * says of talks; "a partial withdrawal" narrows "the withdrawal of Russian forces".
 */
function scopeOf(text: string, hits: readonly { conceptId: string; start: number; end: number; sign: 1 | -1; axis: string }[], completenessAxis: string | undefined, info: ConceptLexicon['info']): { narrowed: string[]; whole: boolean } {
  const near = (a: { start: number; end: number }, b: { start: number; end: number }) => {
    const gap = a.end <= b.start ? text.slice(a.end, b.start) : b.end <= a.start ? text.slice(b.end, a.start) : '';
    return !/[.;:!?,–—()]/u.test(gap) && (gap.match(/[\p{L}\p{N}]+/gu) ?? []).length <= SCOPE_REACH_WORDS;
  };
  const scoped = hits.filter((h) => info.get(h.conceptId)?.scoped === true);
  const narrowed: string[] = [];
  let whole = false;
  for (const h of hits) {
    if (completenessAxis === undefined || h.axis !== completenessAxis) continue;
    for (const t of scoped) {
      if (!near(h, t)) continue;
      if (h.sign === -1) narrowed.includes(t.conceptId) || narrowed.push(t.conceptId);
      else whole = true;
    }
  }
  for (const m of text.matchAll(ALL_WORD)) {
    const a = { start: m.index, end: m.index + m[0].length };
    if (scoped.some((t) => a.end <= t.start && near(a, t))) whole = true;
  }
  return { narrowed, whole };
}

/** Words that join a new predicate (en, ru, uk, de): a condition beyond one is said of that predicate. */
const COORDINATOR = /(?<!\p{L})(?:and|but|or|while|whereas|и|а|но|или|однако|тогда как|і|й|та|але|або|проте|und|aber|oder|sondern|doch|jedoch|während)(?!\p{L})/iu;
/** ", but", ", но", ", aber" right before a condition marker: the condition is still on the predicate before the comma. */
const CONDITION_LEAD = /^\s*,?\s*(?:(?:but|но|а|але|aber|doch|jedoch)\s+)?(?:(?:only|just|solely|только|лишь|лише|тільки|nur|erst)\s+)?$/iu;

/**
 * The stance axes a condition of the text is said of (review 9A, F4): a condition after the stance word with no clause
 * break or coordinator between (or only ", but (only)" before the marker), or before it in its sentence, its clause
 * closed by a comma, with no coordinator between.
 */
function conditionedAxes(text: string, hits: readonly { conceptId: string; start: number; end: number; axis: string }[], lexicon: ConceptLexicon): Set<string> {
  const out = new Set<string>();
  const isCondition = (id: string) => {
    const i = lexicon.info.get(id)!;
    return i.kind === 'condition' || i.ancestors.some((a) => lexicon.info.get(a)?.kind === 'condition');
  };
  const conditions = hits.filter((h) => isCondition(h.conceptId));
  for (const h of hits) {
    const i = lexicon.info.get(h.conceptId)!;
    if (i.kind !== 'stance' || isCondition(h.conceptId)) continue;
    const own = conditions.some((c) => {
      if (c.start >= h.end) {
        const gap = text.slice(h.end, c.start);
        // Up to a last comma that opens the condition itself ("nehme die Vermittlung erst an, wenn …", "ready for talks,
        // but only if …"): the words before it are the stance's clause.
        const comma = gap.lastIndexOf(',');
        const clause = comma >= 0 && CONDITION_LEAD.test(gap.slice(comma)) ? gap.slice(0, comma) : gap;
        return !/[.;:!?,–—()]/u.test(clause) && !COORDINATOR.test(clause);
      }
      if (c.end <= h.start) {
        const gap = text.slice(c.end, h.start);
        // "only if Kyiv agrees, Russia is ready": the condition's clause ends at a comma; a stance inside it ("if it is
        // approved") is what the condition asks, not what it conditions.
        return gap.includes(',') && !/[.;!?]/u.test(gap) && !COORDINATOR.test(gap);
      }
      return true;
    });
    if (!own) continue;
    out.add(h.axis);
    for (const a of i.ancestors) {
      const ai = lexicon.info.get(a);
      if (ai?.kind === 'stance') out.add(ai.axis);
    }
  }
  return out;
}

export const WEAK_CONDITIONS: ReadonlySet<string> = new Set(['weak-condition']);

/**
 * A requirement inside a condition ("if Russia really wants negotiations, it must stop …", "anyone who wants to
 * negotiate should not shell …", "wer verhandeln wolle, dürfe … nicht", "кто хочет переговоров, должен …") sets a
 * precondition: the text takes the `preconditions` pole, and a claim that the stance holds "even if" it is not met
 * ("auch dann, wenn", "даже если", "навіть якщо", "need not … before") says the opposite. Per language, as data.
 */
const REQUIREMENT: Readonly<Record<string, { modal: RegExp; whoWants: RegExp }>> = {
  en: { modal: /\b(?:must|mustn['’]t|should|shouldn['’]t|has to|have to|needs to|need to|ought to)\b/iu, whoWants: /\b(?:anyone|whoever|those|who)\s+(?:who\s+)?(?:really\s+)?wants?\b/iu },
  ru: { modal: /(?<!\p{L})(?:должна|должен|должны|обязана|обязан|обязаны|следует|надо)(?!\p{L})/iu, whoWants: /(?<!\p{L})(?:кто|тот, кто)\s+(?:действительно\s+)?хочет(?!\p{L})/iu },
  uk: { modal: /(?<!\p{L})(?:повинна|повинен|повинні|мусить|мусять|зобов['’]язана|зобов['’]язаний|слід|треба)(?!\p{L})/iu, whoWants: /(?<!\p{L})(?:хто|той, хто)\s+(?:справді\s+)?хоче(?!\p{L})/iu },
  de: { modal: /(?<!\p{L})(?:muss|müsse|müssen|soll|solle|sollte|sollten|darf|dürfe|dürfen)(?!\p{L})/iu, whoWants: /(?<!\p{L})wer\s+(?:[\p{L}-]+\s+){0,4}(?:will|wolle|möchte)(?!\p{L})/iu },
};
const PRECONDITIONS = 'preconditions';

function statesRequirement(text: string, lang: string, conditional: boolean): boolean {
  const r = REQUIREMENT[lang];
  return r !== undefined && r.modal.test(text) && (conditional || r.whoWants.test(text));
}

export type FeatureKind = 'concept' | 'entity' | 'place' | 'word';

export interface TextFeatures {
  /** Feature key → weight before idf. Keys: "c:<axis>", "e:<entity>", "w:<stem>". */
  weights: Map<string, number>;
  /** Concept axis → sign (+1 / -1) as this text says it (direct occurrences only). */
  signs: Map<string, 1 | -1>;
  /** Concept ids found directly (not implied), in text order, unique. */
  concepts: string[];
  /** Whether the text states a condition ("only if", "as long as", preconditions). */
  conditional: boolean;
  /** Whether it states any condition at all, weak ones too ("if", "provided", "once", "если"). */
  anyCondition: boolean;
  /** What it affirms and what it sets aside ("press Moscow, not Kyiv"), as feature keys. */
  contrasts: Contrast[];
  /** Keys a position has only from its topic tags, not from its words: no part of what it says in so many words. */
  tagged?: ReadonlySet<string>;
  /** The years and figures the texts name (see `specificsOf`). */
  specifics: Specifics;
  /**
   * Scoped topics (concept data, `scoped`) a partiality word modifies in its noun phrase ("a partial withdrawal", "some of the
   * troops", "часть войск", "einen Teil der Truppen"); a scope word elsewhere ("a few days after") narrows nothing.
   */
  narrowed?: string[];
  /**
   * Stance axes whose own clause holds a condition ("ready for talks only if …", "готова к переговорам, но только после
   * …", "erst dann bereit, wenn …"); a condition on another predicate ("welcomes X and will only sign if …") is not theirs.
   */
  conditioned?: Set<string>;
  /** Whether a scoped topic is named whole ("all Russian troops", "всех войск", "aller Truppen", "complete withdrawal"). */
  whole?: boolean;
  /** Concept axis → the sides of the actors doing it (roles.ts); with `sideOf` only. */
  roles?: Roles;
  /**
   * What an acceptance or readiness stance is taken towards (issue 11, review 10A RA6/RA7): object concept axis → the
   * stance towards it, as the governing words of its clause say it ("ready for dialogue" negotiations +1, "not ready for
   * surrender" surrender −1, "endorsed the ban on talks" negotiations −1, "на капитуляцию не согласится" surrender −1).
   * Only objects some governing word of their own clause speaks of.
   */
  objects?: Map<string, 1 | -1>;
  /** The keys of `objects` named as such (not only implied by a narrower object: "mediation" implies talks). */
  directObjects?: Set<string>;
  /** The keys of `directObjects` a readiness, acceptance or refusal word governs (not an offer alone: "the proposal of talks was a ruse"). */
  heldObjects?: Set<string>;
  /** The sides of every actor the texts name, the excluded ones (speaker, outlet) aside; with `sideOf` only. */
  sidesNamed?: Set<string>;
}

/**
 * The years and figures a text names, as what it says ("the 1991 borders", "the lines of February 2022", "300,000
 * reservists") apart from when it was said: `when` holds years introduced as a time adverbial ("in March 2022", "в
 * марте 2022 года", "у березні 2022", "im März 2022", "spring 2022"), which may be the date of the saying.
 */
export interface Specifics {
  years: string[];
  /** Years said as a time adverbial, a subset of `years`. */
  when: string[];
  /** Figures of two or more digits that are not years, without separators ("300000"). */
  numbers: string[];
}

const YEAR = /(?<![\p{N}\p{L},.])(1[89]\d\d|20\d\d)(?![\p{N}]|[,.]\d)/gu;
const FIGURE = /(?<![\p{N}\p{L},.])(\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d{2,})(?![\p{N}]|[,.]\d)/gu;
/**
 * A time adverbial before a year, per language as one pattern: a temporal preposition, then at most a day, a month or
 * a season and "of" ("in the autumn of 2023", "since 2014", "в марте", "з весни", "im Frühjahr", "seit").
 */
const MONTHS_AND_SEASONS =
  'january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter|' +
  'январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|весн[аыеу]|лет[оа]|осен[ьи]|зим[аыеу]|' +
  'січ(?:ень|ня|ні)|лют(?:ий|ого|ому)|берез(?:ень|ня|ні)|квіт(?:ень|ня|ні)|трав(?:ень|ня|ні)|черв(?:ень|ня|ні)|лип(?:ень|ня|ні)|серп(?:ень|ня|ні)|верес(?:ень|ня|ні)|жовт(?:ень|ня|ні)|листопад[аі]?|груд(?:ень|ня|ні)|весн[аиуі]|літ[аоі]|осен[іь]|зим[аиуі]|' +
  'januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|frühjahr|frühling|sommer|herbst|winter';
/**
 * A time adverbial before a year: a temporal preposition, then at most a day, a month or a season and "of" ("in the
 * autumn of 2023", "since 2014", "в марте", "з весни", "im Frühjahr", "seit"); or, in Russian and Ukrainian, a season
 * adverb alone ("весной 2022 года", "навесні 2022 року").
 */
const WHEN_BEFORE_YEAR = new RegExp(
  `(?:(?:^|[^\p{L}])(?:in|on|since|until|till|by|during|before|after|from|в|во|с|со|до|после|к|у|з|із|від|після|im|am|seit|bis|nach|vor|ab|anfang|ende|mitte)(?:\s+the)?(?:\s+(?:early|late|mid|end of|beginning of|\d{1,2}(?:st|nd|rd|th|\.)?))?(?:\s+(?:${MONTHS_AND_SEASONS}))?(?:\s+of)?|(?:^|[^\p{L}])(?:весной|летом|осенью|зимой|навесні|влітку|восени|взимку|весною|літом|восени|зимою))\s*$`,
  'iu',
);

export function specificsOf(text: string): Specifics {
  const years: string[] = [];
  const when: string[] = [];
  for (const m of text.matchAll(YEAR)) {
    const y = m[1]!;
    if (!years.includes(y)) years.push(y);
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (WHEN_BEFORE_YEAR.test(before) && !when.includes(y)) when.push(y);
  }
  const numbers: string[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const n = m[1]!.replace(/[,.\u00a0\u202f ]/gu, '');
    if (/^(?:1[89]\d\d|20\d\d)$/u.test(m[1]!) || numbers.includes(n)) continue;
    numbers.push(n);
  }
  return { years, when, numbers };
}


export interface FeatureOptions {
  lexicon: ConceptLexicon;
  matcher: Matcher;
  /** Entity ids left out (the speaker, outlets). */
  exclude?: ReadonlySet<string>;
  /** Entity ids that are places: a place alone never makes a match. */
  places: ReadonlySet<string>;
  /**
   * The language of the texts when known better than from each text alone: a claim's content ("Kiew lehne Verhandlungen
   * ab") is too short to tell, the whole claim is not.
   */
  lang?: string;
  /**
   * Where texts disagree on an axis, the later one decides. A position's stance (its last text) is the record's whole
   * sentence; its quote is often a fragment without the negation around it (quote "sign anything", stance "told them
   * not to sign anything").
   */
  laterTextsDecide?: boolean;
  /** Per text: its whole content is denied by a verb outside it ("Peskov denied that …": the content of the denial). */
  denied?: readonly boolean[];
  /** An entity's side (roles.ts `sideLookup`): given, the features say who does what (`roles`). */
  sideOf?: (entityId: string) => string | null;
}

/** Clause breaks for stances and their objects: punctuation (not brackets: "leave the (occupied) territories"). */
const CLAUSE_BREAK = /[.;:!?,–—]/u;
/** Stance words that are prepositions too ("against", "gegen", "против", "проти"): "peace against neutrality" is a trade, not a refusal of neutrality. */
const PREPOSITIONAL_STANCES = allWords(BUNDLED_RULES.prepositionalStances);


/**
 * Governing words: acceptance and readiness or their refusal (the axis of `readiness`), an offer (`proposal`, +1), and
 * stances that are a readiness or refusal of a topic ("readiness to negotiate", "a ban on talks": their compound's
 * pole, and the compound's topics). Null when a concept governs nothing.
 */
export function governorPole(conceptId: string, lexicon: ConceptLexicon): { pole: 1 | -1; topics: string[] } | null {
  const info = lexicon.info.get(conceptId);
  const readinessAxis = lexicon.info.get('readiness')?.axis;
  if (!info || readinessAxis === undefined) return null;
  if (info.axis === readinessAxis) return { pole: info.pole, topics: [] };
  if (conceptId === 'proposal') return { pole: 1, topics: [] };
  for (const id of [conceptId, ...info.ancestors]) {
    const compound = lexicon.compounds.find((c) => c.id === id);
    if (!compound || !compound.parts.some((part) => lexicon.info.get(part)?.axis === readinessAxis)) continue;
    const topics = compound.parts.filter((part) => (lexicon.info.get(part)?.kind ?? 'topic') === 'topic').map((part) => lexicon.info.get(part)!.axis);
    if (topics.length > 0) return { pole: lexicon.info.get(id)!.pole, topics };
  }
  return null;
}

/** How many words may stand between two words of one stance ("will not be ready": one). */
const STANCE_RUN_WORDS = 2;
const PAIRED = new WeakMap<ConceptLexicon, Set<string>>();
/** Axes that two opposite concepts share (readiness/refusal, strength/weakness, genuine offer/ruse). */
function pairedAxes(lexicon: ConceptLexicon): Set<string> {
  let out = PAIRED.get(lexicon);
  if (!out) {
    const seen = new Map<string, number>();
    for (const info of lexicon.info.values()) seen.set(info.axis, (seen.get(info.axis) ?? 0) + 1);
    PAIRED.set(lexicon, (out = new Set([...seen].filter(([, n]) => n > 1).map(([axis]) => axis))));
  }
  return out;
}

/**
 * The object stances of one text (see `TextFeatures.objects`): an object takes the signs of the governing words before
 * it in its clause ("rejected the offer of talks": − × + = −), or of the nearest one after it when none stands before
 * ("на капитуляцию … не согласится", "auf eine Kapitulation … nicht einlassen"). A governing word's sign carries its
 * negation ("not ready for surrender"); the object's own negation is the same negator and is not counted again.
 * Objects are topics and unpaired stances (surrender), with the broader topics they imply.
 */
function objectStances(text: string, hits: readonly { conceptId: string; start: number; end: number; negated: boolean; axis: string }[], lexicon: ConceptLexicon, direct: Set<string>, held: Set<string>): Map<string, 1 | -1> {
  const out = new Map<string, 1 | -1>();
  const paired = pairedAxes(lexicon);
  const sameClause = (a: { start: number; end: number }, b: { start: number; end: number }) => {
    const gap = a.end <= b.start ? text.slice(a.end, b.start) : b.end <= a.start ? text.slice(b.end, a.start) : '';
    return !CLAUSE_BREAK.test(gap) && !COORDINATOR.test(gap);
  };
  const governing = hits.map((h) => (PREPOSITIONAL_STANCES.has(text.slice(h.start, h.end).toLowerCase()) ? null : governorPole(h.conceptId, lexicon)));
  const signOf = (j: number) => (governing[j]!.pole * (hits[j]!.negated ? -1 : 1)) as 1 | -1;
  hits.forEach((o, i) => {
    const info = lexicon.info.get(o.conceptId)!;
    if (info.kind === 'negation' || info.kind === 'condition' || info.modifier || WEAK_CONDITIONS.has(o.conceptId)) return;
    const own = governing[i];
    // A pole of an opposite pair carries its own polarity ("a sign of weakness", "a smokescreen", "defeats"): compared
    // as said, not as an object of acceptance; the broader topics it names are objects still ("diplomatic means": talks).
    const pairedObject = !own && paired.has(o.axis);
    // A governing word is no object of its own, except a compound naming its topic ("readiness to negotiate").
    if (own && own.topics.length === 0) return;
    const inClause = hits.map((h, j) => (j !== i && governing[j] && governing[j]!.topics.length === 0 && sameClause(h, o) ? j : -1)).filter((j) => j !== -1);
    const before = inClause.filter((j) => hits[j]!.end <= o.start);
    const after = inClause.filter((j) => hits[j]!.start >= o.end);
    // Words of one stance close together are one stance, said by the first ("наотрез отвергает", "will not be ready",
    // "not ready to accept"), not a double negative; a stance on an offer is another ("rejected the offer of talks").
    const govs = (before.length > 0 ? before : after.slice(0, 1)).filter((j, k, all) => {
      const prev = all[k - 1];
      return prev === undefined || hits[prev]!.axis !== hits[j]!.axis || (text.slice(hits[prev]!.end, hits[j]!.start).match(/[\p{L}\p{N}]+/gu) ?? []).length > STANCE_RUN_WORDS;
    });
    if (govs.length === 0 && !own) return;
    let sign: number = own ? signOf(i) : info.polar ? info.pole : 1;
    for (const j of govs) sign *= signOf(j);
    // A negator reaches forward only: before a governing word that follows, the object's negation is its own ("dropped
    // its demand that Ukraine accept …").
    if (!own && before.length === 0 && o.negated && !govs.some((j) => hits[j]!.negated)) sign = -sign;
    // What it is taken towards, and the broader topics that implies ("a diplomatic settlement" is a settlement of talks).
    const keys = own ? own.topics : [...(pairedObject ? [] : [o.axis]), ...info.ancestors.filter((a) => (lexicon.info.get(a)?.kind ?? 'topic') === 'topic' && !lexicon.info.get(a)!.modifier && !paired.has(lexicon.info.get(a)!.axis)).map((a) => lexicon.info.get(a)!.axis)];
    for (const key of keys) if (!out.has(key)) out.set(key, sign as 1 | -1);
    const named = own ? own.topics : pairedObject ? [] : [o.axis];
    const heldBy = own !== null || govs.some((j) => hits[j]!.conceptId !== 'proposal');
    for (const key of named) {
      direct.add(key);
      if (heldBy) held.add(key);
    }
  });
  return out;
}

/**
 * "Скептически отозвался о готовности России к встрече", "скептично оцінив готовність Росії", "skeptical about Russia's
 * readiness", "skeptisch gegenüber Russlands Bereitschaft": a refusal or doubt word whose object, within a few words and
 * no punctuation, is a readiness held by another actor (its genitive right after, "of X", or "X's"/"Xs" right before)
 * doubts that actor's readiness. Neither word is a stance of the speaker's own: both hits are returned to be left
 * unsigned (review 10A, RA23). A refusal of a proposal, of mediation or of talks keeps its sign.
 */
function doubtedReadiness<H extends { start: number; end: number; sign: 1 | -1; axis: string; conceptId: string }>(
  text: string,
  hits: readonly H[],
  lexicon: ConceptLexicon,
  mentions: readonly { start: number; end: number; entityId: string }[],
  otherActor: (entityId: string) => boolean,
): Set<H> {
  const out = new Set<H>();
  const readiness = lexicon.info.get('readiness');
  if (!readiness) return out;
  const actors = mentions.filter((m) => otherActor(m.entityId));
  if (actors.length === 0) return out;
  for (const doubt of hits) {
    if (doubt.sign !== -1 || doubt.axis !== readiness.axis || lexicon.info.get(doubt.conceptId)?.kind !== 'stance') continue;
    const ready = hits.find((h) => h.start >= doubt.end && h.conceptId === 'readiness' && h.sign === 1);
    if (!ready) continue;
    const gap = text.slice(doubt.end, ready.start);
    if (/[.;:!?,–—()«»“”"„]/u.test(gap) || (gap.match(/[\p{L}\p{N}]+/gu) ?? []).length > 4) continue;
    // The holder: an actor right after the readiness word (genitive, "of X") or right before it ("Russia's", "Russlands").
    const after = actors.find((a) => a.start >= ready.end && /^\s*(?:of\s+(?:the\s+)?)?$/iu.test(text.slice(ready.end, a.start)));
    const before = actors.find((a) => a.end <= ready.start && a.start >= doubt.end && /^(?:['’]s|s)?\s*$/u.test(text.slice(a.end, ready.start)));
    if (after || before) out.add(doubt).add(ready);
  }
  return out;
}

export function textFeatures(texts: readonly string[], opts: FeatureOptions): TextFeatures {
  const weights = new Map<string, number>();
  const allSigns = new Map<string, 1 | -1>();
  const concepts: string[] = [];
  let conditional = false;
  let anyCondition = false;
  const contrasts: Contrast[] = [];
  const specifics: Specifics = { years: [], when: [], numbers: [] };
  let roles: Roles | undefined;
  let sidesNamed: Set<string> | undefined;
  const narrowed: string[] = [];
  let whole = false;
  const conditioned = new Set<string>();
  const objects = new Map<string, 1 | -1>();
  const directObjects = new Set<string>();
  const heldObjects = new Set<string>();
  const completenessAxis = opts.lexicon.info.get(COMPLETENESS)?.axis;
  const put = (key: string, w: number) => weights.set(key, Math.max(weights.get(key) ?? 0, w));
  for (const [t, text] of texts.entries()) {
    if (!text) continue;
    const sp = specificsOf(text);
    for (const k of ['years', 'when', 'numbers'] as const) for (const x of sp[k]) if (!specifics[k].includes(x)) specifics[k].push(x);
    // Within a text the first occurrence on an axis sets its sign.
    const signs = new Map<string, 1 | -1>();
    /** Spans of entity mentions: a name is an entity feature, not words. */
    const names: [number, number][] = [];
    const found = opts.lexicon.find(text, opts.lang ?? guessLang(text), opts.denied?.[t] ?? false);
    // Modifiers alone ("still", "all night", "many") say nothing about anything (concept data, `modifier`).
    const hits = found.every((h) => opts.lexicon.info.get(h.conceptId)!.modifier) ? [] : found;
    // Doubt about another actor's readiness takes no stance of the speaker's own (review 10A, RA23).
    const unsigned = opts.sideOf ? doubtedReadiness(text, hits, opts.lexicon, opts.matcher.scan(text), (id) => !opts.exclude?.has(id) && opts.sideOf!(id) !== null) : new Set<(typeof hits)[number]>();
    const scope = scopeOf(text, hits, completenessAxis, opts.lexicon.info);
    for (const id of scope.narrowed) if (!narrowed.includes(id)) narrowed.push(id);
    whole ||= scope.whole;
    for (const axis of conditionedAxes(text, hits, opts.lexicon)) conditioned.add(axis);
    for (const [key, sign] of objectStances(text, unsigned.size > 0 ? hits.filter((h) => !unsigned.has(h)) : hits, opts.lexicon, directObjects, heldObjects)) if (opts.laterTextsDecide || !objects.has(key)) objects.set(key, sign);
    let stanceTaken = false;
    let negatedTopic = false;
    let plainTopic = false;
    let weakCondition = false;
    for (const hit of hits) {
      const info = opts.lexicon.info.get(hit.conceptId)!;
      if (info.kind === 'negation') continue;
      if (info.kind === 'condition') conditional = true;
      if (WEAK_CONDITIONS.has(hit.conceptId)) (anyCondition = true), (weakCondition = true);
      if (!concepts.includes(hit.conceptId)) concepts.push(hit.conceptId);
      put(`c:${hit.axis}`, 1);
      // Polarity is compared on stances (and both poles of opposite pairs) only: "should not be shelling" is no stance on shelling.
      if (unsigned.has(hit)) continue;
      if (info.polar && !signs.has(hit.axis)) signs.set(hit.axis, hit.sign);
      if (info.kind === 'stance') stanceTaken = true;
      else if (hit.negated) negatedTopic = true;
      else if (info.kind === 'topic') plainTopic = true;
      for (const a of info.ancestors) {
        const ai = opts.lexicon.info.get(a)!;
        if (ai.kind === 'condition') conditional = true;
        put(`c:${ai.axis}`, IMPLIED_WEIGHT);
        // A stance implied by a compound takes its truth (refusal to negotiate → refusal).
        if (ai.kind === 'stance') {
          stanceTaken = true;
          if (!signs.has(ai.axis)) signs.set(ai.axis, (ai.pole * (hit.negated ? -1 : 1)) as 1 | -1);
        }
      }
      // A pole negated is its opposite, with what that implies: "не видит смысла в переговорах" is meaninglessness, which
      // refuses, as "pointless" does.
      if (hit.negated && info.polar) {
        for (const a of info.negatedAncestors) {
          const ai = opts.lexicon.info.get(a)!;
          if (ai.axis === hit.axis) continue;
          put(`c:${ai.axis}`, IMPLIED_WEIGHT);
          if (ai.kind === 'stance') {
            stanceTaken = true;
            if (!signs.has(ai.axis)) signs.set(ai.axis, ai.pole);
          }
        }
      }
    }
    // "never negotiate", "no talks", "keine Verhandlungen" with no stance word: a refusal of that topic. Not when
    // another topic is said plainly beside it: "wer verhandeln wolle, dürfe … nicht zerstören" refuses no talks.
    if (negatedTopic && !plainTopic && !stanceTaken && opts.lexicon.info.has('refusal')) {
      const refusal = opts.lexicon.info.get('refusal')!;
      if (!signs.has(refusal.axis)) signs.set(refusal.axis, refusal.pole);
    }
    const pre = opts.lexicon.info.get(PRECONDITIONS);
    if (pre && !signs.has(pre.axis) && statesRequirement(text, opts.lang ?? guessLang(text), weakCondition)) {
      signs.set(pre.axis, pre.pole);
      put(`c:${pre.axis}`, IMPLIED_WEIGHT);
    }
    for (const [axis, sign] of signs) if (opts.laterTextsDecide || !allSigns.has(axis)) allSigns.set(axis, sign);
    const spans: KeySpan[] = hits.map((h) => ({ key: `c:${h.axis}`, start: h.start, end: h.end }));
    const mentions = opts.matcher.scan(text);
    for (const m of mentions) {
      names.push([m.start, m.end]);
      const key = `${opts.places.has(m.entityId) ? 'p' : 'e'}:${m.entityId}`;
      spans.push({ key, start: m.start, end: m.end });
      if (opts.exclude?.has(m.entityId)) continue;
      put(key, 1);
    }
    contrasts.push(...contrastsOf(text, opts.lang ?? guessLang(text), spans));
    if (opts.sideOf) {
      const actors = opts.exclude ? mentions.filter((m) => !opts.exclude!.has(m.entityId)) : mentions;
      // Topics that are things a side does (`done` in the concept set: withdrawing, shelling, recognising), stances and
      // acts have an agent. Adverbs ("always", "still") and things (territories, crimes) have none: "в Украине
      // преступления", "Moskau stets" name where and to whom, not who.
      const done = hits.filter((h) => opts.lexicon.info.get(h.conceptId)!.agentive);
      addRoles((roles ??= new Map()), (sidesNamed ??= new Set()), text, done, actors, opts.sideOf, opts.lang ?? guessLang(text));
    }
    for (const w of words(text)) {
      if (w.key === null || w.key.length < 3 || SPEECH_WORDS.has(w.folded) || /^\d+$/u.test(w.key)) continue;
      if (names.some(([s, e]) => w.start >= s && w.end <= e)) continue;
      put(`w:${w.key}`, 1);
    }
  }
  return { weights, signs: allSigns, concepts, conditional, anyCondition: anyCondition || conditional, contrasts, specifics, narrowed, whole, conditioned, objects, directObjects, heldObjects, ...(roles ? { roles, sidesNamed: sidesNamed! } : {}) };
}

export function featureKind(key: string): FeatureKind {
  return key.startsWith('c:') ? 'concept' : key.startsWith('e:') ? 'entity' : key.startsWith('p:') ? 'place' : 'word';
}

/** The positions that have one feature, ascending, with each one's weight for it (before idf). */
export interface Posting {
  ids: Int32Array;
  /** 1 or IMPLIED_WEIGHT: exact in 32 bits. */
  weights: Float32Array;
}

/**
 * The record, indexed by feature for fast scoring: postings (with each position's weight), idf and each
 * position's mass. A position's whole features are not kept: at 100,000 positions their Maps held 130 MB of a
 * service worker's memory (issue 15); the few a check shows or judges are computed again (`featuresOf`).
 */
export interface FeatureIndex {
  positions: readonly Position[];
  postings: Map<string, Posting>;
  places: ReadonlySet<string>;
  idf(key: string): number;
  /** Σ weight·idf·kind weight of each position's features. */
  mass: Float64Array;
  /** The part of `mass` from word features. */
  wordMass: Float64Array;
  /** Language of each position's source ("en", "ru", …). */
  langs: readonly string[];
  /** The features of position `i`, as the index was built from (computed again; the last few are kept). */
  featuresOf(i: number): TextFeatures;
}

export function positionTexts(p: Position): string[] {
  return [p.quote ?? '', p.paraphrase ?? '', p.stance];
}

export function placesOf(corpus: Corpus): Set<string> {
  return new Set(corpus.entities.filter((e) => e.type === 'place').map((e) => e.id));
}

/** How many recomputed position features a feature index keeps (a check reads at most about 75). */
const FEATURES_KEPT = 512;

/**
 * What buildFeatureIndex computes from every position (the posting lists and the masses), as plain data: a process
 * that starts often (the CLI) keeps it in a cache and passes it back, so that no position is read at its start.
 * Valid only for the same corpus, lexicon, matcher and code.
 */
export interface StoredFeatureIndex {
  postings: Map<string, Posting>;
  mass: Float64Array;
  wordMass: Float64Array;
  /** Every position's features, in order, for a record of at most FEATURES_KEPT positions (featuresOf keeps them all). */
  features?: TextFeatures[];
}

/** The part of a feature index that StoredFeatureIndex keeps (each position's features too, for a small record). */
export function storedFeatureIndex(index: FeatureIndex): StoredFeatureIndex {
  const n = index.positions.length;
  const features = n <= FEATURES_KEPT ? Array.from({ length: n }, (_, i) => index.featuresOf(i)) : undefined;
  return { postings: index.postings, mass: index.mass, wordMass: index.wordMass, ...(features ? { features } : {}) };
}

export function buildFeatureIndex(corpus: Corpus, lexicon: ConceptLexicon, matcher: Matcher, stored?: StoredFeatureIndex): FeatureIndex {
  const positions = corpus.positions;
  const places = placesOf(corpus);
  const sideOf = sideLookup(corpus);
  const features = (p: Position): TextFeatures => {
    const exclude = new Set([p.actor, ...(p.reportedBy ? [p.reportedBy] : [])]);
    const f = textFeatures(positionTexts(p), { lexicon, matcher, exclude, places, laterTextsDecide: true, sideOf });
    const tagged = new Set<string>();
    for (const t of p.topics) {
      const key = `${places.has(t) ? 'p' : 'e'}:${t}`;
      if (exclude.has(t)) continue;
      if (!f.weights.has(key)) tagged.add(key);
      f.weights.set(key, 1);
    }
    return tagged.size > 0 ? { ...f, tagged } : f;
  };
  const { postings, mass, wordMass, features: known } = stored ?? indexPositions(positions, features);
  const n = positions.length;
  const idf = (key: string): number => Math.log(1 + (n + 1) / ((postings.get(key)?.ids.length ?? 0) + 1));
  const sourceLang = new Map(corpus.sources.map((src) => [src.id, src.language.split('-')[0]!]));
  const langs = positions.map((p) => sourceLang.get(p.source) ?? 'en');
  const kept = new Map<number, TextFeatures>();
  // A small record's features, as the index was built from them (or stored): featuresOf would compute each again.
  if (known !== undefined && known.length === positions.length && known.length <= FEATURES_KEPT) known.forEach((f, i) => kept.set(i, f));
  const featuresOf = (i: number): TextFeatures => {
    let f = kept.get(i);
    if (!f) {
      if (kept.size >= FEATURES_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(i, (f = features(positions[i]!)));
    }
    return f;
  };
  return { positions, postings, idf, mass, wordMass, places, langs, featuresOf };
}

/** The posting lists of every position's features and each position's masses (buildFeatureIndex). */
function indexPositions(positions: readonly Position[], features: (p: Position) => TextFeatures): StoredFeatureIndex {
  // One pass: each position's features go into the posting lists and are dropped; their keys are remembered
  // (as numbers, in the features' order) only until each position's mass is summed in that same order.
  const keyIds = new Map<string, number>();
  const lists: { key: string; ids: number[]; weights: number[] }[] = [];
  const order: number[] = [];
  const starts = new Int32Array(positions.length + 1);
  const all: TextFeatures[] | undefined = positions.length <= FEATURES_KEPT ? [] : undefined;
  positions.forEach((p, i) => {
    const f = features(p);
    all?.push(f);
    for (const [key, w] of f.weights) {
      let k = keyIds.get(key);
      if (k === undefined) {
        keyIds.set(key, (k = lists.length));
        lists.push({ key, ids: [], weights: [] });
      }
      const l = lists[k]!;
      l.ids.push(i);
      l.weights.push(w);
      order.push(k);
    }
    starts[i + 1] = order.length;
  });
  const postings = new Map<string, Posting>();
  for (const l of lists) postings.set(l.key, { ids: Int32Array.from(l.ids), weights: Float32Array.from(l.weights) });
  const n = positions.length;
  const idf = (key: string): number => Math.log(1 + (n + 1) / ((postings.get(key)?.ids.length ?? 0) + 1));
  // Summed as before this index was compact (w · idf · kind weight, left to right), so every score is the same.
  const idfs = lists.map((l) => idf(l.key));
  const kinds = lists.map((l) => FEATURE_WEIGHT[featureKind(l.key)]);
  const isWord = lists.map((l) => l.key.startsWith('w:'));
  const mass = new Float64Array(n);
  const wordMass = new Float64Array(n);
  const cursor = new Int32Array(lists.length);
  for (let i = 0; i < n; i++) {
    let m = 0;
    let wm = 0;
    for (let j = starts[i]!; j < starts[i + 1]!; j++) {
      const k = order[j]!;
      const x = lists[k]!.weights[cursor[k]!]! * idfs[k]! * kinds[k]!;
      cursor[k]!++;
      m += x;
      if (isWord[k]) wm += x;
    }
    mass[i] = m;
    wordMass[i] = wm;
  }
  return { postings, mass, wordMass, ...(all ? { features: all } : {}) };
}

export interface ContentMatch {
  index: number;
  /** 0..1: how much of the claim's content this position covers, blended with Dice overlap. */
  similarity: number;
  /** Shared features by kind, for the reasons. */
  shared: { concepts: string[]; entities: string[]; words: string[] };
  /** Shared concept weight alone, 0..1 of the claim's concept mass. */
  conceptCoverage: number;
  /** How many concepts and entities (places aside) it shares with the claim. */
  sharedMeaning: number;
}

/** Every position sharing a feature with the claim, scored by content similarity. */
export function matchContent(index: FeatureIndex, claim: TextFeatures, claimLang?: string): ContentMatch[] {
  let claimMass = 0;
  let wordMass = 0;
  let conceptMass = 0;
  const entries: { key: string; w: number; list: Posting }[] = [];
  for (const [key, w] of claim.weights) {
    const kw = w * index.idf(key) * FEATURE_WEIGHT[featureKind(key)];
    claimMass += kw;
    if (key.startsWith('c:')) conceptMass += kw;
    if (key.startsWith('w:')) wordMass += kw;
    const list = index.postings.get(key);
    if (list) entries.push({ key, w, list });
  }
  if (claimMass === 0) return [];
  // Per-position sums in typed arrays, touched positions listed once: with 100,000 positions a claim's
  // common concepts reach tens of thousands of them, and Map updates per posting dominated the check.
  const n = index.positions.length;
  const shared = new Float64Array(n);
  const sharedConcept = new Float64Array(n);
  const sharedWords = new Float64Array(n);
  const sharedMeaning = new Uint16Array(n);
  const substantive = new Uint8Array(n);
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  for (const { key, w, list } of entries) {
    const idf = index.idf(key);
    const kind = featureKind(key);
    const weight = idf * FEATURE_WEIGHT[kind];
    const { ids, weights } = list;
    for (let j = 0; j < ids.length; j++) {
      const i = ids[j]!;
      const pw = weights[j]!;
      const s = Math.min(w, pw) * weight;
      if (seen[i] === 0) {
        seen[i] = 1;
        touched.push(i);
      }
      shared[i] = shared[i]! + s;
      if (kind === 'concept') sharedConcept[i] = sharedConcept[i]! + s;
      if (kind !== 'place') substantive[i] = 1;
      if (kind === 'word') sharedWords[i] = sharedWords[i]! + s;
      else if (kind !== 'place') sharedMeaning[i] = sharedMeaning[i]! + 1;
    }
  }
  const out: ContentMatch[] = [];
  for (const i of touched) {
    if (!substantive[i]) continue;
    const s = shared[i]!;
    const coverage = s / claimMass;
    const dice = (2 * s) / (claimMass + index.mass[i]!);
    let similarity = COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * dice;
    // Without the words: a claim in another language than the position shares no words, and its words should not dilute it.
    const meaningMass = claimMass - wordMass;
    if (meaningMass > 0 && claimLang !== undefined && index.langs[i] !== claimLang) {
      const sm = s - sharedWords[i]!;
      const pm = index.mass[i]! - index.wordMass[i]!;
      similarity = Math.max(similarity, COVERAGE_SHARE * (sm / meaningMass) + (1 - COVERAGE_SHARE) * ((2 * sm) / (meaningMass + pm)));
    }
    out.push({ index: i, similarity, sharedMeaning: sharedMeaning[i]!, shared: { concepts: [], entities: [], words: [] }, conceptCoverage: conceptMass > 0 ? sharedConcept[i]! / conceptMass : 0 });
  }
  return out;
}

/** Fills in which features a match shares (only for the few shown: cheaper than for every candidate). */
export function explainMatch(index: FeatureIndex, claim: TextFeatures, m: ContentMatch): ContentMatch {
  const pf = index.featuresOf(m.index).weights;
  const shared = { concepts: [] as string[], entities: [] as string[], words: [] as string[] };
  for (const key of claim.weights.keys()) {
    if (!pf.has(key)) continue;
    const kind = featureKind(key);
    const id = key.slice(2);
    if (kind === 'concept') shared.concepts.push(id);
    else if (kind === 'entity' || kind === 'place') shared.entities.push(id);
    else shared.words.push(id);
  }
  return { ...m, shared };
}
