/**
 * Who does what in a text: the side whose actor is the agent of each concept ("a US willingness to listen", "Moscow
 * being willing", "persuade Kyiv to withdraw", "the willingness of the United States", "готовность Москвы"). A claim
 * that has the same concept done by the other side than the record has it, with the record's agent named in the claim
 * elsewhere (to whom, of whom), reverses who does what to whom: "mediators should convince Moscow to withdraw" against
 * "should convince Kyiv to withdraw".
 *
 * Deliberately narrow, one sieve: the agent is an actor (or a capital or country speaking for its government) right
 * before the concept word in its clause (at most AGENT_GAP_WORDS words between, no preposition but "to"/"zu", no
 * punctuation), or right after a noun as its genitive ("of the United States", "der Ukraine", "Москвы" with no
 * preposition). A genitive or "by X" after the noun wins over the actor before it ("Moscow wants withdrawal of Kyiv
 * troops"), and an actor before a verb of wanting or demanding ("Ukraine demands withdrawal", "Украина требует
 * вывода", "Die Ukraine fordert den Abzug") is the subject of the wanting, not the doer, unless the act is its
 * infinitive ("Moscow wants to withdraw"). A pronoun, a role phrase or a name further away gives no agent, and no
 * agent is no judgement.
 */
import type { Mention } from '../match/index.ts';
import type { ConceptHit } from '../concepts/index.ts';
import type { Corpus } from '../corpus/schema.ts';
import { allWords, BUNDLED_RULES } from '../concepts/rules.ts';

/**
 * "The responsibility lies with Russia", "ответственность за гибель людей лежит на России", "die Verantwortung liegt
 * bei Russland": an actor after a holder verb and its preposition (rules data) holds the stance before them.
 */
const HOLDER_VERBS: ReadonlySet<string> = allWords(BUNDLED_RULES.holderVerbs);
const HOLDER_PREPOSITIONS: ReadonlySet<string> = allWords(BUNDLED_RULES.holderPrepositions);
/**
 * "Peskov blamed Kyiv for the failure of the talks", "обвинил Киев в срыве переговоров", "звинуватив Київ у зриві",
 * "machte Kiew für das Scheitern … verantwortlich" (rules data, `blameVerbs`): the actor right after the verb (a
 * determiner between at most) holds the blame and does what it is blamed for, up to the sentence's end.
 */
export const BLAME_VERBS: ReadonlySet<string> = allWords(BUNDLED_RULES.blameVerbs);
/** German light verbs of blaming ("machte … verantwortlich", "gab … die Schuld", "warf … vor") blame only with their complement. */
const GERMAN_BLAME_COMPLEMENT = /(?<![\p{L}])(?:verantwortlich|schuld|vor|vorgeworfen)(?![\p{L}])/iu;
const BLAME_DETERMINERS = new Set(['the', 'der', 'die', 'den', 'dem', 'das']);
const SENTENCE_END = /[.;!?]/u;

/** Each blamed actor (the object of a verb of blaming) with the span it holds: from the verb to the sentence's end. */
function blamedActors<A extends Mention>(text: string, actors: readonly A[], lang: string): { verbStart: number; actor: A; end: number }[] {
  const out: { verbStart: number; actor: A; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    if (!BLAME_VERBS.has(w)) continue;
    const verbEnd = m.index + m[0].length;
    const stop = SENTENCE_END.exec(text.slice(verbEnd));
    const sentenceEnd = stop ? verbEnd + stop.index : text.length;
    const actor = actors.find((a) => a.start >= verbEnd);
    if (!actor || actor.start >= sentenceEnd) continue;
    const gap = text.slice(verbEnd, actor.start);
    const gapWords = (gap.match(WORD) ?? []).map((x) => x.toLowerCase());
    // Right after the verb: "blamed Kyiv for", "обвинил Киев в"; or behind a holder preposition: "возложил на Москву вину".
    const direct = !PUNCT.test(gap) && (gapWords.length === 0 || (gapWords.length === 1 && (BLAME_DETERMINERS.has(gapWords[0]!) || HOLDER_PREPOSITIONS.has(gapWords[0]!))));
    if (direct) {
      if (lang === 'de' && !w.startsWith('beschuldig') && !GERMAN_BLAME_COMPLEMENT.test(text.slice(actor.end, sentenceEnd))) continue;
      out.push({ verbStart: m.index, actor, end: sentenceEnd });
      continue;
    }
    // After what is blamed: "blamed the failure of the talks on Moscow", "возложил ответственность за срыв переговоров
    // на Москву" (review 11A RA4): the holder does what stands between the verb and the preposition.
    const holder = actors.find((a) => {
      if (a.start >= sentenceEnd) return false;
      const lead = (text.slice(verbEnd, a.start).match(WORD) ?? []).map((x) => x.toLowerCase());
      const last = lead.at(-1) ?? '';
      const prep = BLAME_DETERMINERS.has(last) ? lead.at(-2) : last;
      return prep !== undefined && HOLDER_PREPOSITIONS.has(prep) && lead.length >= 2;
    });
    if (holder) out.push({ verbStart: m.index, actor: holder, end: holder.start });
  }
  return out;
}

/** Words from the stance to its holder: the stance's complement, the verb, an adverb, the preposition. */
const HOLDER_GAP_WORDS = 7;

/** Words between an agent and the concept word it does ("Moscow being willing", "Kyiv to withdraw"). */
export const AGENT_GAP_WORDS = 2;

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
const PUNCT = /[.;:!?,–—()«»“”"„]/u;
/** Prepositions: an actor behind one is not the agent ("talks with Kyiv", "pressure on Moscow" … are not what it does). */
const PREPOSITION = new Set(
  'in at on from for with by about against between over under into after before without than as of im am an auf aus bei mit nach von vor über für gegen zwischen ohne unter als в во на у из с со о об от к по под при без для против между з із до від про під для проти між'.split(' '),
);
/**
 * Between a noun and its genitive or passive agent: "of", "of the", "of all", "by", "of troops by", "der", "des",
 * "aller", "всех"/"всіх" (ru/uk put the genitive right after the noun).
 */
const GENITIVE_LEAD = /^\s*(?:(?:of\s+(?:the\s+)?[\p{L}]+\s+)?by\s+(?:the\s+)?|of\s+(?:the\s+|all\s+(?:the\s+)?)?|der\s+|des\s+|aller\s+|sämtlicher\s+|всех\s+|всіх\s+)?$/iu;
/** A ru/uk genitive plural adjective opening a name ("российских войск", "російських військ"): the act's object is that side's. */
const SLAVIC_GENITIVE_ADJECTIVE = /^[\p{L}]+(?:их|ых)\s/u;

/**
 * Verbs of wanting, demanding, rejecting or offering (en, ru, uk, de): an actor before one is the subject of the wanting,
 * not the doer of the act it wants ("Moscow wants withdrawal of Kyiv troops", "Украина требует вывода", "Die Ukraine
 * fordert den Abzug"), unless the act is its infinitive ("Moscow wants to withdraw", "Москва хочет вывести").
 */
const WANTING_VERBS = new Set(
  [
    'want wants wanted demand demands demanded seek seeks sought urge urges urged reject rejects rejected refuse refuses refused expect expects expected propose proposes proposed offer offers offered insist insists insisted ask asks asked require requires required oppose opposes opposed',
    'хочет хотят хотел хотела хотели требует требуют требовал требовала требовали потребовал потребовала потребовали отвергает отвергают отверг отвергла отвергли отклоняет отклоняют отклонил отклонила отклонили предлагает предлагают предложил предложила предложили добивается добиваются ожидает ожидают ждёт ждет ждут настаивает настаивают призывает призывают призвал призвала просит просят просил просила',
    'хоче хочуть хотів хотіла хотіли вимагає вимагають вимагав вимагала вимагали вимагатиме відкидає відкидають відкинув відкинула відкинули відхиляє відхиляють відхилив відхилила пропонує пропонують запропонував запропонувала запропонували домагається домагаються очікує очікують чекає чекають наполягає наполягають закликає закликають закликав закликала просить просять просив просила',
    'will wollen wollte wollten fordert fordern forderte forderten verlangt verlangen verlangte verlangten lehnt lehnen lehnte lehnten ablehnt ablehnen ablehnte erwartet erwarten erwartete erwarteten wünscht wünschen wünschte schlägt schlagen schlug vorschlägt bietet bieten bot anbietet drängt drängen drängte strebt streben',
  ].join(' ').split(' '),
);

/** A Russian or Ukrainian verb form: past ("предлагал", "запропонував"), infinitive ("вывести"; not "-сть": "готовность"), present. */
const SLAVIC_VERB_END = /(?:л|ла|ли|ло|в|ти|(?<!с)ть|ться|ет|ют|ит|ят|ує|ють)$/iu;
/** A genitive-looking name ("Москвы", "Киева", "Росії", "США"); the dative ("Украине", "Києву") is not. */
const SLAVIC_GENITIVE_END = /(?:[ыаяиі]|США|ЄС|ЕС)$/u;

/** Axis → side → the first actor of that side doing it, in the texts given (several texts: any of them). */
export type Roles = Map<string, Map<string, string>>;

/** The side an entity acts for: its own, or its government's for a place ("Moscow", "Washington"); null for none. */
export function sideLookup(corpus: Corpus): (entityId: string) => string | null {
  const byId = new Map(corpus.entities.map((e) => [e.id, e]));
  return (id) => {
    const e = byId.get(id);
    if (!e) return null;
    return e.side ?? (e.speaksAs !== undefined ? (byId.get(e.speaksAs)?.side ?? null) : null);
  };
}

/** Adds to `roles` the agent sides of `hits` in `text`, and to `named` the side of every actor it names. */
export function addRoles(roles: Roles, named: Set<string>, text: string, hits: readonly ConceptHit[], mentions: readonly Mention[], sideOf: (entityId: string) => string | null, lang: string): void {
  const actors = mentions.flatMap((m) => {
    const side = sideOf(m.entityId);
    return side === null ? [] : [{ ...m, side }];
  });
  for (const a of actors) named.add(a.side);
  if (actors.length === 0) return;
  const add = (axis: string, actor: { side: string; entityId: string }) => {
    const sides = roles.get(axis) ?? new Map<string, string>();
    if (!sides.has(actor.side)) sides.set(actor.side, actor.entityId);
    roles.set(axis, sides);
  };
  const blamed = blamedActors(text, actors, lang);
  for (const h of hits) {
    let agent: (typeof actors)[number] | null = null;
    const concept = text.slice(h.start, h.end);
    // The object of a verb of blaming holds the blame (the verb itself, "blamed") and does what it is blamed for
    // ("accused Kyiv of wrecking the talks"), unless another actor stands between (a genitive after the act still wins).
    const blame = blamed.find((b) =>
      b.actor.start >= b.end
        ? h.start >= b.verbStart && h.end <= b.end
        : h.start >= b.verbStart && h.end <= b.end && !actors.some((a) => a.start > b.actor.end && a.end <= h.start),
    );
    // After a noun: its genitive or passive agent ("the willingness of the United States", "withdrawal of Kyiv troops",
    // "by Kyiv", "готовность Москвы", "aller russischen Truppen"). It names the doer and wins over an actor before.
    {
      const after = actors.find((a) => a.start >= h.end);
      const gap = after ? text.slice(h.end, after.start) : '';
      // ru/uk put the genitive bare after a noun ("готовность Москвы", not the dative after a verb: "предлагал Украине"),
      // German a name's too ("Bereitschaft Moskaus"); English needs "of".
      const name = after ? text.slice(after.start, after.end) : '';
      const bare =
        ((lang === 'ru' || lang === 'uk') && !SLAVIC_VERB_END.test(concept) && (SLAVIC_GENITIVE_END.test(name) || SLAVIC_GENITIVE_ADJECTIVE.test(name))) || (lang === 'de' && /s$/u.test(name));
      const genitive = bare ? /^\s+$/u.test(gap) || GENITIVE_LEAD.test(gap) : GENITIVE_LEAD.test(gap) && /\S/u.test(gap);
      if (after && genitive && !PUNCT.test(gap)) agent = after;
    }
    if (agent === null && blame) agent = blame.actor;
    // After it, past a holder verb: "the responsibility lies entirely with Russia".
    // "Blamed the deaths of thousands in Ukraine on Russia": the verb may be the concept word itself, and an actor on the
    // way ("in Ukraine") is not the holder.
    if (agent === null) {
      const own = (concept.match(WORD) ?? []).map((w) => w.toLowerCase());
      for (const after of actors.filter((a) => a.start >= h.end)) {
        const gap = text.slice(h.end, after.start);
        const words = (gap.match(WORD) ?? []).map((w) => w.toLowerCase());
        if (PUNCT.test(gap) || words.length > HOLDER_GAP_WORDS) break;
        if (HOLDER_PREPOSITIONS.has(words.at(-1) ?? '') && [...own, ...words].some((w) => HOLDER_VERBS.has(w))) {
          agent = after;
          break;
        }
      }
    }
    // Before it: the nearest actor, with at most AGENT_GAP_WORDS words and no preposition but "to" between.
    const k = actors.findLastIndex((a) => a.end <= h.start);
    const before = agent === null ? actors[k] : undefined;
    if (before) {
      const gap = text.slice(before.end, h.start).replace(/^['’]s\b/u, '');
      const words = gap.match(WORD) ?? [];
      // Behind a preposition an actor right before a word is where or to whom ("in Ukraine crimes"), but with a verb
      // between it is the subject of a gerund or an infinitive ("on Moscow being willing", "for Kyiv to withdraw").
      const lead = /([\p{L}]+)\s*$/u.exec(text.slice(Math.max(0, before.start - 20), before.start))?.[1]?.toLowerCase();
      // A verb of wanting between makes the actor its subject, unless the act is its infinitive ("wants to withdraw").
      const infinitive =
        (lang === 'en' && words.at(-1)?.toLowerCase() === 'to') || ((lang === 'ru' || lang === 'uk') && SLAVIC_VERB_END.test(concept.split(/\s/u)[0]!)) || (lang === 'de' && /^\p{Ll}/u.test(concept));
      const wanting = !infinitive && words.some((w) => WANTING_VERBS.has(w.toLowerCase()));
      if (!wanting && !PUNCT.test(gap) && words.length <= AGENT_GAP_WORDS && !words.some((w) => PREPOSITION.has(w.toLowerCase())) && (words.length > 0 || lead === undefined || !PREPOSITION.has(lead))) {
        agent = before;
        // Coordinated agents do it together: "Ukraine and Russia are …" is both sides'.
        const pair = actors[k - 1];
        if (pair && /^\s*(?:and|or|und|oder|и|или|і|й|та|чи)\s*$/iu.test(text.slice(pair.end, before.start))) add(h.axis, pair);
      }
    }
    if (agent !== null) add(h.axis, agent);
  }
}

export interface ReversedRoles {
  /** The concept (axis) done by another side in the claim than in the record. */
  conceptId: string;
  /** The actor (entity id) doing it in the claim, and in the record. */
  claim: string;
  record: string;
}

/**
 * The claim has a shared concept done by one side and the record by another, and one text names the other's agent too
 * (the roles are swapped, not a different story): "Moscow willing to hear Washington" / "a US willingness to listen to
 * Russia". Only where every agent the record gives differs from the claim's.
 */
export function reversedRoles(
  claim: { roles?: Roles; sidesNamed?: ReadonlySet<string> },
  record: { roles?: Roles; sidesNamed?: ReadonlySet<string> },
  /** For a stance (who is responsible, who is ready): sides at war with each other swap roles whether or not both are named. */
  opposedStance?: (axis: string, a: string, b: string) => boolean,
): ReversedRoles | null {
  if (!claim.roles || !record.roles || !claim.sidesNamed || !record.sidesNamed) return null;
  for (const [axis, sides] of claim.roles) {
    const theirs = record.roles.get(axis);
    if (!theirs || sides.size !== 1) continue;
    const [mine, agent] = [...sides][0]!;
    if (theirs.has(mine)) continue;
    // The claim's agent named in the record, or the record's in the claim: the same parties, their roles swapped.
    const other =
      [...theirs.keys()].find((s) => claim.sidesNamed!.has(s)) ??
      (record.sidesNamed.has(mine) ? [...theirs.keys()][0] : undefined) ??
      (opposedStance ? [...theirs.keys()].find((s) => opposedStance(axis, mine, s)) : undefined);
    if (other !== undefined) return { conceptId: axis, claim: agent, record: theirs.get(other)! };
  }
  return null;
}
