/**
 * Who a claim says said it: the speaker, the cue, the reporting source apart
 * ("…, Peskov said, according to TASS": Peskov speaks, TASS reports), and the
 * span of the words put in the speaker's mouth. This is the claims side's
 * view of the statement finder: `speakerOfClaim` adapts whatever finder is
 * available to this one small shape, so judging does not depend on its
 * internals.
 */
import type { Entity } from '../corpus/schema.ts';
import type { Mention } from '../match/index.ts';
import type { Statement } from '../statements/index.ts';
import { findAttribution, type AttributionCue } from './attribution-pattern.ts';
import { BUNDLED_RULES } from '../concepts/rules.ts';

export interface ClaimSpeaker {
  speakerId: string;
  /** The speaker as the claim writes it. */
  speakerText: string;
  speakerStart: number;
  speakerEnd: number;
  cue: AttributionCue | string;
  /** The outlet the claim says reported it, when it names one of the record. */
  sourceId: string | null;
  /** The words put in the speaker's mouth. */
  content: string;
  contentStart: number;
  contentEnd: number;
  /**
   * The content piece by piece when a piece is said under a denial cue ("Peskov dismissed the idea that …, saying …"):
   * the denied piece's concepts are negated as a whole. Absent otherwise.
   */
  pieces?: ContentPiece[];
  /**
   * The cue verb when the words are its object ("исключил возможность …", "rejected talks", "welcomed the mediation"):
   * a verb that takes a stance itself is part of what is judged. Absent for a clause or a quote ("said that …").
   */
  objectCue?: { start: number; end: number };
}

/** One piece of a speaker's words, with its offsets in the claim. */
export interface ContentPiece {
  text: string;
  start: number;
  end: number;
  /** Said under a denial cue: negated as a whole. */
  denied: boolean;
}

/** Cue lemmas (the statement finder's) that deny their content: "denied that the talks had stalled", "rejected talks". */
const COMPLEMENTIZER = /(?:^|[^\p{L}])(?:that|что|будто|що|нібито|начебто|dass)(?:[^\p{L}]|$)/iu;
/** English drops "that": "denied Putin had offered talks" denies a clause (a subject, then its verb); "denied Putin's offer" an object. */
const ZERO_THAT_CLAUSE = /^(?:(?:he|she|it|they|we|I)|(?:[\p{Lu}][\p{L}-]*\s+){0,2}[\p{Lu}][\p{L}-]*)\s+(?:had|has|have|was|were|is|are|would|will|could|did|\p{Ll}+ed)(?!\p{L})/u;
export const DENIAL_CUES: ReadonlySet<string> = new Set(['deny', 'reject', 'dismiss', 'refute', 'dementieren', 'zurückweisen', 'bestreiten', 'опровергнуть', 'отвергнуть', 'отрицать', 'заперечити', 'спростувати', 'відкинути']);

/** Descriptions of entities that report rather than speak: news agencies, broadcasters, outlets. */
const REPORTER_DESCRIPTION = /\b(?:news agency|broadcaster|news outlet|outlet|tv channel|television channel|newspaper|website|news division)\b/iu;

/** Places that, as the subject of a speech verb, mean their government ("Moscow said"). */
export const GOVERNMENT_OF_PLACE: Readonly<Record<string, string>> = {
  moscow: 'russian-government',
  kremlin: 'russian-government',
  russia: 'russian-government',
  kyiv: 'ukrainian-government',
  ukraine: 'ukrainian-government',
  washington: 'united-states-government',
  'united-states': 'united-states-government',
  germany: 'german-government',
};

/**
 * The claim's speaker from the statement finder (src/core/statements): the
 * first statement whose speaker is an entity of the record. Null when the
 * finder found none (then speakerOfClaim's patterns are tried).
 */
export function speakerFromStatements(found: readonly Statement[], text?: string): ClaimSpeaker | null {
  const statements = text === undefined ? found : found.map((x) => withoutReportingContent(x, text));
  // The statement with the most words: "Nikolenko responded on Sunday. He accused Lavrov of …" is about the second.
  const s = statements
    .filter((x) => x.speaker.entityId !== null && x.content.end > x.content.start)
    .sort((a, b) => b.content.end - b.content.start - (a.content.end - a.content.start))[0];
  if (!s) return null;
  // Statements of the same speaker split by a shared-subject verb ("blamed …, and said …", "оцінив …, зазначивши, що …")
  // are one claim: its words run from the first statement's to the last one's.
  const same = statements.filter((x) => x.speaker.entityId === s.speaker.entityId && x.speaker.start === s.speaker.start && x.content.end > x.content.start);
  let from = Math.min(...same.map((x) => x.content.start));
  // "Зеленський позитивно оцінив посередництво Беннета, зазначивши, що …": a verb sharing the sentence's subject leaves
  // what the subject did before it out of its statement; the claim's words are all of it.
  const shared = same.find((x) => x.content.start === from && x.reasons.some((r) => r.sieve.startsWith('coordinated-subject')));
  if (shared && text !== undefined && shared.speaker.end < from) {
    const lead = text.slice(shared.speaker.end, from);
    const skip = lead.length - lead.trimStart().length;
    from = shared.speaker.end + skip;
  }
  const to = Math.max(...same.map((x) => x.content.end));
  const whole = shared && text !== undefined ? text.slice(from, to) : same.length > 1 ? joinedText(same, from, to) : s.content.text;
  // The words without the punctuation that closed them inside the quote ("…negotiations,”).
  const content = whole.replace(/[\s,;:.…–—-]+$/u, '');
  // A denied clause ("denied that …", "отверг идею, что …"); an object ("rejected the plan as detached from reality") is not.
  const deniesClause = (x: Statement) =>
    x.cue !== null && DENIAL_CUES.has(x.cue.lemma) && text !== undefined && (COMPLEMENTIZER.test(text.slice(x.cue.end, x.content.start)) || (x.cue.lang === 'en' && ZERO_THAT_CLAUSE.test(x.content.text)));
  const pieces = same.some(deniesClause) ? [...same].sort((a, b) => a.content.start - b.content.start).map((x) => ({ text: x.content.text, start: x.content.start, end: x.content.end, denied: deniesClause(x) })) : undefined;
  const withPieces = pieces ? { pieces } : {};
  // "…, Peskov said, adding that …": the finder gives the words before the attribution and the words after it as two
  // statements (a participle has its own cue); the claim's words are both, as pieces, as withLeadingPart builds them.
  const around = [...same].sort((a, b) => a.content.start - b.content.start);
  if (!pieces && around.length === 2 && around[0]!.content.end <= s.speaker.start && s.speaker.end <= around[1]!.content.start) {
    const [lead, after] = around as [Statement, Statement];
    const words = (x: Statement) => x.content.text.replace(/[\s,;:.…–—-]+$/u, '');
    return {
      speakerId: s.speaker.entityId!,
      speakerText: s.speaker.text,
      speakerStart: s.speaker.start,
      speakerEnd: s.speaker.end,
      cue: lead.cue?.lemma ?? s.speaker.via,
      sourceId: s.source?.entityId ?? null,
      content: words(after),
      contentStart: after.content.start,
      contentEnd: after.content.start + words(after).length,
      pieces: around.map((x) => ({ text: words(x), start: x.content.start, end: x.content.start + words(x).length, denied: false })),
    };
  }
  if (same.length > 1 || shared) return { speakerId: s.speaker.entityId!, speakerText: s.speaker.text, speakerStart: s.speaker.start, speakerEnd: s.speaker.end, cue: s.cue?.lemma ?? s.speaker.via, sourceId: s.source?.entityId ?? null, content, contentStart: from, contentEnd: from + content.length, ...withPieces };
  // The verb and its object with only a space between: no "that", no colon, no quote mark.
  const objectCue = s.cue && text !== undefined && s.cue.end <= s.content.start && /^\s+$/u.test(text.slice(s.cue.end, s.content.start)) ? { objectCue: { start: s.cue.start, end: s.cue.end } } : {};
  return {
    ...objectCue,
    speakerId: s.speaker.entityId!,
    speakerText: s.speaker.text,
    speakerStart: s.speaker.start,
    speakerEnd: s.speaker.end,
    cue: s.cue?.lemma ?? (s.speaker.via === 'headline' ? 'headline' : s.speaker.via),
    sourceId: s.source?.entityId ?? null,
    content,
    contentStart: s.content.start,
    contentEnd: s.content.start + content.length,
    ...withPieces,
  };
}

/**
 * Words that only say where a statement was reported ("according to", "as reported by", "сообщает", "передает", "по
 * данным", "повідомляє", "за даними", "laut", "zufolge", "berichtet"): never what the speaker said.
 */
const REPORTING_ONLY =
  /^(?:(?:as\s+)?(?:according\s+to|reported\s+by|reports?|reported|citing|cited\s+by|quoted\s+by|told)|сообща(?:ет|ют|ло)|переда(?:ет|ёт|ют)|пиш(?:ет|ут)|по\s+(?:данным|сообщению|информации)|со\s+ссылкой\s+на|повідомля(?:є|ють)|переда(?:є|ють)|пиш(?:е|уть)|за\s+(?:даними|повідомленням|інформацією)|з\s+посиланням\s+на|laut|zufolge|(?:wie\s+)?(?:berichtet(?:e|en)?|meldet(?:e|en)?|schreibt|schrieb)|unter\s+Berufung\s+auf)$/iu;

/**
 * "…, Polishchuk complained, according to Interfax", "…, заявил Песков, сообщает РИА Новости": where the words after
 * the cue are only the reporting phrase before an outlet, the speaker's words are the clause before the speaker and cue.
 */
function withoutReportingContent(s: Statement, text: string): Statement {
  if (!REPORTING_ONLY.test(s.content.text.trim().replace(/[\s,;:.]+$/u, ''))) return s;
  const head = Math.min(s.speaker.start, s.cue?.start ?? s.speaker.start);
  if (s.content.start < head) return s;
  const before = text.slice(0, head);
  const from = Math.max(0, ...[...before.matchAll(/[.!?]\s+/gu)].map((m) => m.index + m[0].length));
  const lead = before.slice(from);
  const start = from + (lead.length - lead.trimStart().length);
  const words = lead.trim().replace(/^[«“"„‚‘]+/u, '').replace(/[\s,;:–—-]+$/u, '').replace(/[»”"“‘’]+$/u, '').replace(/[\s,;:–—-]+$/u, '');
  if (!/\p{L}/u.test(words)) return s;
  const at = text.indexOf(words, start);
  return { ...s, content: { start: at, end: at + words.length, text: words } };
}

/** The claim text from `from` to `to`, rebuilt from the statements' own words (the statements cover it in order). */
function joinedText(same: readonly Statement[], from: number, to: number): string {
  const sorted = [...same].sort((a, b) => a.content.start - b.content.start);
  let out = '';
  let at = from;
  for (const x of sorted) {
    if (x.content.start > at) out += ' ';
    if (x.content.end > at) out += x.content.text.slice(Math.max(0, at - x.content.start));
    at = Math.max(at, x.content.end);
  }
  return at >= to ? out : out;
}

/**
 * Speech verbs that relay what another actor said ("X said Y told …", "Арахамия рассказал, что Джонсон советовал …"),
 * right after Y (an auxiliary and an adverb may stand between: "has made clear", "had repeatedly said"). Only verbs of
 * saying, advising and urging: "Lavrov confirmed that Putin had offered talks" is Lavrov's confirmation of an act, not
 * Putin's words. German reported speech puts the participle last ("Johnson habe den Ukrainern geraten, …").
 */
const RELAY_VERBS: Readonly<Record<string, RegExp>> = {
  en: /^(?:\s+(?:has|had|have|would|repeatedly|also|once|personally|privately|publicly|allegedly|reportedly|often|again)){0,3}\s+(?:said|says|told|tells|advised|advises|urged|urges|warned|warns|insisted|insists|declared|declares|stated|states|asked|made (?:it )?clear|called on|(?:had |has )?repeatedly said)\b/iu,
  ru: /^(?:\s+(?:якобы|неоднократно|многократно|лично|тогда|также|ещё|еще|прямо|не раз|не единожды|не однажды)){0,2}\s+(?:сказал|сказала|сказали|заявил|заявила|заявили|заявлял|заявляла|заявляли|говорил|говорила|говорили|советовал|советовала|советовали|посоветовал|посоветовала|призвал|призвала|призывал|призывала|убеждал|убеждала|просил|просила|требовал|требовала|настаивал|настаивала|велел|велела|предупредил|предупредила|подчеркнул|подчеркнула|подчёркивал|подчеркивал)(?!\p{L})/iu,
  uk: /^(?:\s+(?:нібито|начебто|неодноразово|багаторазово|особисто|тоді|також|ще|прямо|не раз|не один раз|не раз і не два)){0,2}\s+(?:сказав|сказала|сказали|заявив|заявила|заявили|заявляв|заявляла|заявляли|говорив|говорила|казав|казала|радив|радила|порадив|порадила|закликав|закликала|закликали|переконував|переконувала|просив|просила|вимагав|вимагала|наполягав|наполягала|велів|веліла|попередив|попередила|наголосив|наголошував|наголосила)(?!\p{L})/iu,
  de: /^(?:\s+(?:habe|hätte|hat|hatte|sagte|erklärte|riet|forderte|warnte|betonte|mahnte)(?!\p{L})(?:\s+[\p{L}-]+){0,5}?\s+(?:gesagt|erklärt|geraten|empfohlen|aufgefordert|gewarnt|betont|gemahnt|gedrängt)|\s+(?:sagte|erklärte|riet|forderte|warnte|betonte|mahnte|drängte))(?!\p{L})/iu,
};
/**
 * Punctuation and a complementizer before the relayed actor ("said that Johnson told …") and before the relayed words
 * ("told them that …"). The complementizer is a whole word: "Thatcher", "Dassault", "Чтокин" are names, not "that".
 */
const COMPLEMENTIZER_LEAD = /^[\s,:;]*(?:(?:that|что|будто|що|нібито|начебто|dass)(?!\p{L})[\s,:;]*)?/iu;

/**
 * Relayed speech: when the words a speaker is said to have said open with another actor and a speech verb ("Arakhamia
 * said Boris Johnson had told Ukrainian negotiators …", "Арахамия рассказал, что Борис Джонсон советовал …"), the
 * claim is about what that actor said, as the record keeps relayed positions (Johnson's, `reportedBy` Arakhamia):
 * the inner actor speaks, the outer one reported it (`sourceId`, unless an outlet is named). Null when not relayed.
 */
/** A verb of declaring (en, de, ru, uk), which with "void" after its object revokes rather than says. */
const DECLARING = /declar|erklär|объяви|оголоси/iu;
/** What a declaring verb makes of its object when it revokes it ("… void", "für hinfällig", "недействительным"). */
const DECLARED_VOID =
  /(?<!\p{L})(?:null and void|void|invalid|obsolete|für\s+(?:hinfällig|ungültig|nichtig|obsolet|gegenstandslos)|недействительн\p{L}*|утратившим\p{L}*\s+силу|неактуальн\p{L}*|недійсн\p{L}*|таким,\s+що\s+втратил\p{L}*\s+чинність)(?!\p{L})/iu;

export function relayedSpeaker(text: string, speaker: ClaimSpeaker, mentions: readonly Mention[], entities: ReadonlyMap<string, Entity>, actorTypes: ReadonlySet<string>, lang: string): ClaimSpeaker | null {
  if (speaker.cue === 'subject' || speaker.cue === 'headline') return null;
  const verbs = RELAY_VERBS[lang];
  if (!verbs) return null;
  const lead = COMPLEMENTIZER_LEAD.exec(text.slice(speaker.contentStart, speaker.contentEnd))?.[0].length ?? 0;
  const at = speaker.contentStart + lead;
  const inner = mentions
    .filter((m) => m.start >= at && m.start <= at + 1 && m.entityId !== speaker.speakerId)
    .filter((m) => {
      const e = entities.get(m.entityId);
      return e !== undefined && actorTypes.has(e.type) && !isReporter(e);
    })
    .sort((a, b) => b.end - a.end)[0];
  if (!inner) return null;
  const verb = verbs.exec(text.slice(inner.end, speaker.contentEnd));
  if (!verb) return null;
  const afterVerb = inner.end + verb[0].length;
  // "declared his offer void", "erklärte das Angebot für hinfällig": an act of revoking, not words relayed.
  if (DECLARING.test(verb[0]) && DECLARED_VOID.test(text.slice(afterVerb, speaker.contentEnd).split(/[.;!?,]/u)[0]!)) return null;
  const tail = COMPLEMENTIZER_LEAD.exec(text.slice(afterVerb, speaker.contentEnd))?.[0].length ?? 0;
  const contentStart = afterVerb + tail;
  if (contentStart >= speaker.contentEnd) return null;
  return {
    speakerId: inner.entityId,
    speakerText: text.slice(inner.start, inner.end),
    speakerStart: inner.start,
    speakerEnd: inner.end,
    cue: 'relayed',
    sourceId: speaker.sourceId ?? speaker.speakerId,
    content: text.slice(contentStart, speaker.contentEnd),
    contentStart,
    contentEnd: speaker.contentEnd,
  };
}

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s+');
/** Per language: a verb of wanting or demanding (rules data `desireVerbs`), then a link word (`desireLinks`) at most. */
const DESIRE: Readonly<Record<string, RegExp>> = Object.fromEntries(
  (['en', 'ru', 'uk', 'de'] as const).map((l) => {
    const verbs = [...BUNDLED_RULES.desireVerbs[l]].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
    const links = [...BUNDLED_RULES.desireLinks[l]].map(escapeRe).join('|');
    return [l, new RegExp(`^\\s+(?:${verbs})(?!\\p{L})[\\s,]*(?:(?:${links})(?!\\p{L})[\\s,]*)?(?:(?:the|der|die|den|dem)\\s+)?$`, 'iu')];
  }),
);

/**
 * Another actor's wish or demand on a third party inside the words (review 10A RA13): "Zelensky said Russia wants
 * Ukraine to give up Crimea", "…, что Россия хочет, чтобы Украина …", "…, що Росія вимагає, щоб Україна …", "…, Russland
 * verlange, dass die Ukraine …". The wanting actor holds the stance, relayed by the speaker, as relayed words are; the
 * speaker takes none of their own. Only with a third actor after the verb: "Russia wants to negotiate" is left alone.
 */
export function desiredBy(text: string, speaker: ClaimSpeaker, mentions: readonly Mention[], entities: ReadonlyMap<string, Entity>, actorTypes: ReadonlySet<string>, lang: string): ClaimSpeaker | null {
  if (speaker.cue === 'subject' || speaker.cue === 'headline') return null;
  const desire = DESIRE[lang];
  if (!desire) return null;
  // A capital or country speaks for its government ("Russia wants …", "Москва требует …").
  const actorOf = (m: Mention) => GOVERNMENT_OF_PLACE[m.entityId] ?? m.entityId;
  const isActor = (m: Mention) => {
    const e = entities.get(actorOf(m));
    return e !== undefined && actorTypes.has(e.type) && !isReporter(e) && actorOf(m) !== speaker.speakerId;
  };
  // The wanting actor opens the speaker's words (after "that" and a determiner), or stands before them when the
  // finder gave only the clause after the link ("Moscow demands that | Ukraine recognise …").
  const from = Math.min(speaker.speakerEnd, speaker.contentStart);
  const actors = mentions.filter((m) => m.start >= from && m.end <= speaker.contentEnd && isActor(m)).sort((a, b) => a.start - b.start);
  let inner: Mention | undefined;
  let third: Mention | undefined;
  for (const [k, m] of actors.entries()) {
    const next = actors.slice(k + 1).find((o) => actorOf(o) !== actorOf(m));
    if (!next || !desire.test(text.slice(m.end, next.start))) continue;
    const lead = text.slice(from, m.start);
    if (/[.;!?]/u.test(lead)) continue;
    inner = m;
    third = next;
    break;
  }
  if (!inner || !third) return null;
  // The words keep the verb of wanting ("demands that Ukraine recognise …" is a demand).
  const contentStart = inner.end + (text.slice(inner.end, third.start).length - text.slice(inner.end, third.start).trimStart().length);
  return {
    speakerId: actorOf(inner),
    speakerText: text.slice(inner.start, inner.end),
    speakerStart: inner.start,
    speakerEnd: inner.end,
    cue: 'relayed',
    sourceId: speaker.sourceId ?? speaker.speakerId,
    content: text.slice(contentStart, speaker.contentEnd),
    contentStart,
    contentEnd: speaker.contentEnd,
  };
}

/**
 * A subject found without a cue whose verb is one of saying, advising or urging ("Поліщук порадив …", "Polishchuk
 * advised …"): it is a cue after all, and the words start after it. Null when the verb is not one.
 */
export function withSpeechVerb(text: string, speaker: ClaimSpeaker, lang: string): ClaimSpeaker | null {
  const verb = RELAY_VERBS[lang]?.exec(text.slice(speaker.speakerEnd, speaker.contentEnd));
  if (!verb) return null;
  const after = speaker.speakerEnd + verb[0].length;
  const contentStart = after + (COMPLEMENTIZER_LEAD.exec(text.slice(after, speaker.contentEnd))?.[0].length ?? 0);
  if (contentStart >= speaker.contentEnd) return null;
  return { ...speaker, cue: 'verb', contentStart, content: text.slice(contentStart, speaker.contentEnd) };
}

/** "…, Peskov said, adding that …", "…, заявил Песков, добавив, что …", "…, sagte Peskow und fügte hinzu, …". */
const ADDING_WORDS = '(?:adding|and added|добавив|добавила|добавили|отметив|подчеркнув|додавши|додав|зазначивши|наголосивши|und fügte hinzu|und ergänzte|fügte hinzu|ergänzte)(?!\\p{L})';
const ADDING = new RegExp(`^[^,.;:!?]{0,30},?\\s*${ADDING_WORDS}`, 'iu');
/** The finder's words may open with the adding verb ("sagte Peskow und fügte hinzu, Putin sei …"). */
const ADDING_OPENS = new RegExp(`^${ADDING_WORDS}[\\s,:]*(?:(?:that|что|що|dass)(?!\\p{L})[\\s,:]*)?`, 'iu');
/** How far before the speaker the comma closing the first part may stand ("…, заявил Песков"). */
const LEAD_REACH = 24;

/**
 * A two-part claim around its cue: "Moscow would rather use diplomacy, Peskov said, adding that Putin …". The finder
 * gives the part after "adding that"; the part before the speaker is theirs too, so the claim's words are both
 * (as pieces). Null when the claim is not built that way.
 */
export function withLeadingPart(text: string, speaker: ClaimSpeaker): ClaimSpeaker | null {
  if (speaker.pieces || speaker.contentStart < speaker.speakerEnd) return null;
  let second = speaker;
  if (!ADDING.test(text.slice(speaker.speakerEnd, speaker.contentStart))) {
    const opening = ADDING_OPENS.exec(speaker.content);
    if (!opening || opening[0].length >= speaker.content.length) return null;
    const contentStart = speaker.contentStart + opening[0].length;
    second = { ...speaker, contentStart, content: text.slice(contentStart, speaker.contentEnd) };
  }
  const comma = text.lastIndexOf(',', speaker.speakerStart);
  if (comma < 0 || speaker.speakerStart - comma > LEAD_REACH) return null;
  const start = /^[\s“"«„‚‘]*/u.exec(text)![0].length;
  const end = start + text.slice(start, comma).replace(/[\s”"»“’‘]+$/u, '').length;
  const lead = text.slice(start, end);
  if ((lead.match(/[\p{L}\p{N}]+/gu) ?? []).length < 3) return null;
  return { ...second, pieces: [{ text: lead, start, end, denied: false }, { text: second.content, start: second.contentStart, end: second.contentEnd, denied: false }] };
}

export function isReporter(entity: Entity | undefined): boolean {
  return entity !== undefined && entity.type === 'organization' && REPORTER_DESCRIPTION.test(entity.description ?? '');
}

/**
 * The claim's speaker from the matcher's mentions, or null. Mentions of
 * outlets never speak here: an "according to TASS" elsewhere in the sentence
 * is recorded as the source.
 */
export function speakerOfClaim(text: string, mentions: readonly Mention[], entities: ReadonlyMap<string, Entity>, actorTypes: ReadonlySet<string>): ClaimSpeaker | null {
  const actors = mentions.filter((m) => {
    const e = entities.get(m.entityId);
    return e !== undefined && actorTypes.has(e.type) && !isReporter(e) && GOVERNMENT_OF_PLACE[m.entityId] === undefined;
  });
  // A place speaks for its government only when no person or body does ("Moscow said …", not "Peskov said Russia …").
  const governments = mentions.flatMap((m) => {
    const gov = GOVERNMENT_OF_PLACE[m.entityId];
    return gov !== undefined && entities.has(gov) ? [{ ...m, entityId: gov }] : [];
  });
  let speaking: Mention[] = actors;
  let found = findAttribution(text, actors);
  if (!found) {
    speaking = governments;
    found = findAttribution(text, governments);
    // "… said it was Kyiv that …": a place after the verb is what was said, not who said it.
    if (found?.cue === 'inverted-verb') found = null;
  }
  if (!found) return null;
  const speakerMention = speaking.find((m) => m.entityId === found.speakerId && text.slice(m.start, m.end) === found.speakerText) ?? speaking.find((m) => m.entityId === found.speakerId)!;
  const reporter = mentions.find((m) => isReporter(entities.get(m.entityId)));
  // The content should not carry the reporting clause: "…, according to TASS" is cut off the words.
  let contentEnd = found.end;
  if (reporter && reporter.start >= found.start && reporter.start < found.end) {
    const cut = text.slice(found.start, reporter.start).search(/[\s,;–—-]*(?:according to|as reported by|reported|laut|zufolge|сообщает|сообщил|передает|по данным|повідомляє|за даними)?\s*$/iu);
    contentEnd = found.start + Math.max(0, cut);
  }
  let contentStart = found.start;
  if (contentEnd <= contentStart) {
    // "“…,” Kremlin spokesman Dmitry Peskov said, according to TASS": the words are the quote before the speaker.
    const quoted = /[“"«„‚‘]([^”"»“‘’]{2,})[”"»“’‘]/u.exec(text.slice(0, speakerMention.start));
    if (quoted) {
      contentStart = quoted.index + 1;
      contentEnd = contentStart + quoted[1]!.replace(/[\s,.;:]+$/u, '').length;
    }
  }
  return {
    speakerId: found.speakerId,
    speakerText: found.speakerText,
    speakerStart: speakerMention.start,
    speakerEnd: speakerMention.end,
    cue: found.cue,
    sourceId: reporter?.entityId ?? null,
    content: text.slice(contentStart, contentEnd),
    contentStart,
    contentEnd,
  };
}
