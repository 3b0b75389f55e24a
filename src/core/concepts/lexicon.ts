/**
 * The concept lexicon: a concept set compiled into a mention matcher (the
 * same alias machinery as entity names: folding, case endings, word-formation
 * endings, declined multi-word phrases), with its relations resolved once.
 * `find` returns the concepts of a text with the polarity each occurrence
 * carries (negated or not, which pole of a stance).
 */
import type { Alias, Entity } from '../corpus/schema.ts';
import { compileMatcher, type Matcher, type Mention } from '../match/index.ts';
import { allWords, BUNDLED_RULES, phraseRegExp } from './rules.ts';
import { CONCEPT_LANGUAGES, type Concept, type ConceptKind, type ConceptSet } from './schema.ts';

/** Words before a concept that negate it, within its clause (not, не, ні, nicht, kein…): rules data, every language. */
const NEGATORS: ReadonlySet<string> = allWords(BUNDLED_RULES.negators);
/**
 * Determiners and common adjectives that may stand between a negator and the topic it negates (rules data): "without
 * any preconditions", "без жодних попередніх умов", "без всяких предварительных условий", "ohne jegliche
 * Vorbedingungen", "no new sanctions". At most TOPIC_MODIFIER_WORDS of them.
 */
const TOPIC_MODIFIERS: ReadonlySet<string> = allWords(BUNDLED_RULES.topicModifiers);
const TOPIC_MODIFIER_WORDS = 2;
/** Russian and Ukrainian prepositions (rules data): a concept right after one modifies the negated subject. */
const PREPOSITIONS: ReadonlySet<string> = allWords(BUNDLED_RULES.prepositions);
/**
 * Russian and Ukrainian negate by concord: "никогда не отказывалась", "ніколи не відмовлялася", "ні в якому разі не"
 * are one negation, not two. There any negator in the window negates; in English and German they cancel in pairs.
 */
const NEGATIVE_CONCORD: ReadonlySet<string> = new Set(['ru', 'uk']);
/**
 * Refusing negates what it governs, as "not" does: "refuses to surrender" refuses surrender as "not ready for
 * surrender" does, and "surrender is out of the question", "о капитуляции речи не идёт" likewise. The refusing stances
 * are refusal and the stances it is broader than (impossibility, meaninglessness, a ban on talks).
 */
const REFUSING = 'refusal';
/** How many words after a concept a refusing predicate may stand and still govern it ("surrender is out of the question"). */
export const REFUSAL_AFTER_WORDS = 3;
/** The axis of "can", "could", "может": a modal before a refusing verb is its auxiliary, not its object. */
const MODAL_AXIS = 'possibility';
/** How many words before a stance a negator may stand ("is still not ready"). */
export const NEGATION_WINDOW_WORDS = 3;
/**
 * German puts the verb last and the negation early ("sei nicht mehr zu Verhandlungen bereit", "habe nie Frieden
 * gegen Neutralität angeboten"): a stance there may stand this many words after its negator.
 */
export const NEGATION_WINDOW_WORDS_DE = 5;
/**
 * Russian and Ukrainian also negate after the words ("прогресса достичь не удалось", "прогресу досягти не
 * вдалося", "переговоров нет"): a negated "succeed"/"be" or a bare "нет"/"немає" within this many words after a
 * concept, in its clause, negates it.
 */
export const NEGATION_AFTER_WORDS = 3;
const NEGATED_AFTER = /^(?:не|ні)\s+(?:удалось|удалося|удаётся|удается|вдалося|вдалось|вдається|было|было|будет|будет|було|буде)$|^(?:нет|немає|нема)$/u;
/** Verbs of claiming or pretending: a negation before them is theirs ("cannot claim to want", "не может утверждать, что"). */
const SAYING_VERBS: ReadonlySet<string> = new Set([
  'claim', 'claims', 'claimed', 'pretend', 'pretends', 'pretended', 'say', 'says', 'said', 'argue', 'argues', 'suggest',
  'утверждать', 'утверждает', 'утверждал', 'утверждала', 'говорить', 'притворяться', 'заявлять',
  'стверджувати', 'стверджує', 'стверджував', 'стверджувала', 'казати', 'говорити', 'вдавати', 'заявляти',
  'behaupten', 'behauptet', 'behauptete', 'sagen', 'vorgeben', 'vorgibt',
]);
/** Stances of saying or knowing something: a negation before them is theirs alone, never their object's. */
export const NEGATION_KEEPERS: ReadonlySet<string> = new Set(['confirmation', 'admission', 'denial']);
/** A topic is negated only by the word right before it ("no talks", "keine Verhandlungen"), not by a negated verb before it. */
export const TOPIC_NEGATION_WINDOW_WORDS = 1;
const CLAUSE_END = /[.;:!?,–—()«»“”"„]/u;
/**
 * Verbs that deny the clause after them as a whole ("rejected the idea that …", "отрицал, что …", "заперечив, що …",
 * "bestritt, dass …"): the concepts of that clause are negated, and the verb itself frames them rather than taking a
 * stance of the text (Peskov "rejected the idea that the offers were a sign of weakness" refuses nothing; he denies
 * the weakness). Only with "that"/"что"/"що"/"dass": "rejected talks" is a refusal, not a frame.
 */
const DENIAL_FRAMES: Readonly<Record<string, RegExp>> = {
  en: /\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|rebuff(?:s|ed|ing)?)\s+(?:(?:the|any|all)\s+)?(?:(?:idea|notion|suggestions?|claims?|reports?|allegations?|assertions?|speculation|accusations?)\s+)?that\b/giu,
  ru: /(?<!\p{L})(?:отрица\p{L}*|опроверг\p{L}*|отверг\p{L}*)(?:\s+[\p{L}-]+){0,3}\s*,\s*(?:что|будто)(?!\p{L})/giu,
  uk: /(?<!\p{L})(?:запереч\p{L}*|спростов\p{L}*|спростув\p{L}*|відкин\p{L}*|відкида\p{L}*)(?:\s+[\p{L}'’-]+){0,3}\s*,\s*(?:що|нібито|начебто)(?!\p{L})/giu,
  de: /(?<!\p{L})(?:bestr(?:eit|itt)\p{L}*|dementier\p{L}*|(?:wies|weist|wiesen|weisen)(?:\s+[\p{L}-]+){0,4}\s+zurück|zurückgewiesen)\s*,?\s*dass(?!\p{L})/giu,
};
/**
 * "Had nothing to do with …", "не имеет отношения к …", "не має жодного стосунку до …", "hat nichts mit … zu tun"
 * (session 9 also "is unrelated to", "никак не связано с", "не має нічого спільного з", "steht in keinem Zusammenhang
 * mit"): the
 * subject's part in what follows is denied, as a denial frame denies its clause (Kyiv "had nothing to do with derailing
 * the talks" answers "it was Kyiv that walked out of the talks").
 */
const NO_PART_FRAMES: Readonly<Record<string, RegExp>> = {
  en: /\b(?:nothing to do with|no part in|no role in|not involved in|no hand in|(?:is|was|are|were)\s+(?:entirely\s+|completely\s+|in no way\s+)?(?:unrelated to|not (?:related|linked|connected) to)|no (?:connection|link) (?:with|to)|nothing in common with)\b/giu,
  ru: /(?<!\p{L})(?:не\s+(?:имеет|имел|имела|имели|имело|имеют)\s+(?:никакого\s+|ни малейшего\s+)?отношения\s+к|ни\s+при\s+ч[её]м\s+в|непричаст\p{L}*\s+к|(?:никак\s+|никоим образом\s+)?не\s+связан(?:о|а|ы)?\s+с|не\s+(?:имеет|имел|имела|имели|имело|имеют)\s+ничего\s+общего\s+с)(?!\p{L})/giu,
  uk: /(?<!\p{L})(?:не\s+(?:має|мав|мала|мали|мало|мають)\s+(?:жодного\s+|ніякого\s+|найменшого\s+)?(?:стосунку|відношення)\s+до|непричетн\p{L}*\s+до|(?:ніяк\s+|жодним чином\s+)?не\s+пов['’ʼ]язан(?:о|а|ий|і|е)?\s+(?:з|із|зі)|не\s+(?:має|мав|мала|мали|мало|мають)\s+нічого\s+спільного\s+(?:з|із|зі))(?!\p{L})/giu,
  de: /(?<!\p{L})(?:(?:hat|habe|hatte|hätte|haben|hatten)\s+nichts\s+mit|nicht\s+beteiligt\s+an|keine\s+Rolle\s+(?:bei|an)|(?:steht|stehe|stand|stehen)\s+in\s+keinem\s+Zusammenhang\s+mit|(?:hat|habe|haben|hatte)\s+nichts\s+gemein\s+mit)(?!\p{L})/giu,
};
/**
 * A negative quantifier as the subject of a clause ("no country has come forward to mediate", "hardly any state is
 * willing to", "nobody is offering", "niemand bietet … an") denies what its clause says, as a denial frame does: the
 * quantity said is none, whatever the verb. Only English and German: in Russian and Ukrainian the subject ("ни одна
 * страна", "жодна країна", "никто", "ніхто") takes the verb's own "не" by concord, which already negates it. The nouns
 * are generic subjects, never a concept word ("no talks" stays a negated topic).
 */
const NEGATIVE_SUBJECTS: Readonly<Record<string, RegExp>> = {
  en: /(?:^|(?<=[,;:]\s*)|(?<=\b(?:that|said|says|while|but|and|as)\s+))(?:nobody|no one|no-one|none of (?:the |its |their )?[\p{L}-]+|(?:no|not a single|not one|hardly any|barely any|scarcely any|few if any|few, if any,)\s+(?:other\s+|single\s+|foreign\s+|western\s+|european\s+|third\s+)?(?:country|countries|state|states|nation|nations|government|governments|leader|leaders|capital|capitals|side|party|parties|one|body|partner|partners|ally|allies|power|powers))\b/giu,
  de: /(?<!\p{L})(?:niemand|keiner|kaum jemand|(?:kein|keine|kaum ein|kaum eine)(?:\s+einzig(?:es|er|e))?(?:\s+(?:anderes|andere|anderer|westliches|westliche|europäisches|europäische|dritter|drittes))?\s+(?:Land|Länder|Staat|Staaten|Regierung|Regierungen|Seite|Partei|Parteien|Partner|Verbündeter|Verbündete|Macht|Mächte|Hauptstadt|Hauptstädte))(?!\p{L})/giu,
};
/**
 * A negative quantifier followed by an exception or a comparison says the opposite of none: "no country but Turkey has
 * offered", "no other country has done as much as Russia to offer", "niemand anders als Putin habe angeboten", "kein Land
 * sei so bereit wie Russland", "никто, кроме Путина, не предлагал", "ніхто, крім Путіна, не пропонував". Per language:
 * the quantifier, the exception right after it, and the comparison later in its clause (its sentence in ru/uk, where a
 * comma always stands before "чем", "ніж").
 */
const EXCEPTED_QUANTIFIERS: Readonly<Record<string, { quantifier: RegExp; exception: RegExp; comparison: RegExp }>> = {
  en: {
    quantifier: NEGATIVE_SUBJECTS.en!,
    exception: /^\s*,?\s*(?:but|except|save|besides|apart from|aside from|other than|rather than)\b/iu,
    // "as far as he knows", "as long as", "as soon as", "as well as" are idioms, not a comparison (review 8).
    comparison: /\b(?:than|as\s+(?!(?:far|long|soon|well|usual|ever|always|yet)\s)(?:[\p{L}-]+\s+){1,3}?as)\b/iu,
  },
  de: {
    quantifier: NEGATIVE_SUBJECTS.de!,
    exception: /^\s*,?\s*(?:außer|ausgenommen|bis auf|abgesehen von|anders als|als)(?!\p{L})/iu,
    comparison: /(?<!\p{L})(?:als|wie)(?!\p{L})/iu,
  },
  ru: {
    quantifier: /(?<!\p{L})(?:никто|ничто|ни\s+од(?:ин|на|но|ного|ной|ному)|никак(?:ой|ая|ое|ие|ого|ой))(?!\p{L})/giu,
    exception: /^\s*,?\s*(?:кроме|помимо|за исключением)(?!\p{L})/iu,
    // "сколько бы ни говорили" concedes, it compares nothing (review 8).
    comparison: /(?<!\p{L})(?:чем|сколько(?!\s+бы(?!\p{L})))(?!\p{L})/iu,
  },
  uk: {
    quantifier: /(?<!\p{L})(?:ніхто|ніщо|жод(?:ен|на|не|ного|ної|ному|ні)|ні\s+од(?:ин|на|не|ного|ної))(?!\p{L})/giu,
    exception: /^\s*,?\s*(?:крім|окрім|опріч|за винятком)(?!\p{L})/iu,
    comparison: /(?<!\p{L})(?:ніж|скільки(?!\s+б(?:и)?(?!\p{L})))(?!\p{L})/iu,
  },
};
/** Where a Russian or Ukrainian comparison may stand after its quantifier: up to the sentence end or a coordinated clause. */
const COMPARED_CLAUSE_END = /[.;!?]|,\s*(?:а|но|и|і|й|та|але)(?!\p{L})/u;

/**
 * The text with the negation of excepted negative quantifiers blanked out (same length, so offsets hold): the
 * quantifier itself (it denies nothing, and it is no denial frame) and, in Russian and Ukrainian, the "не"/"ні" its verb
 * takes by concord.
 */
export function withoutExceptedNegatives(text: string, lang?: string): string {
  const langs = lang !== undefined ? (EXCEPTED_QUANTIFIERS[lang] ? [lang] : []) : Object.keys(EXCEPTED_QUANTIFIERS);
  let out = text;
  const blank = (from: number, to: number) => (out = out.slice(0, from) + ' '.repeat(to - from) + out.slice(to));
  for (const l of langs) {
    const { quantifier, exception, comparison } = EXCEPTED_QUANTIFIERS[l]!;
    const concord = NEGATIVE_CONCORD.has(l);
    for (const m of text.matchAll(quantifier)) {
      const end = m.index + m[0].length;
      const rest = text.slice(end);
      const stop = rest.search(concord ? COMPARED_CLAUSE_END : DENIED_CLAUSE_END);
      const clause = stop < 0 ? rest : rest.slice(0, stop);
      if (!exception.test(rest) && !comparison.test(clause)) continue;
      blank(m.index, end);
      if (!concord) continue;
      const verb = /(?<!\p{L})(?:не|ні)(?!\p{L})/u.exec(clause);
      if (verb) blank(end + verb.index, end + verb.index + verb[0].length);
    }
  }
  return out;
}

/** Where a denied clause ends. */
const DENIED_CLAUSE_END = /[.;!?,]/u;

/** The denial frames of a text: the verb phrase (dropped) and the clause it denies. */
export function denialScopes(text: string, lang?: string): { frameStart: number; frameEnd: number; end: number }[] {
  const out: { frameStart: number; frameEnd: number; end: number }[] = [];
  const patterns =
    lang !== undefined && DENIAL_FRAMES[lang]
      ? [DENIAL_FRAMES[lang]!, NO_PART_FRAMES[lang]!, ...(NEGATIVE_SUBJECTS[lang] ? [NEGATIVE_SUBJECTS[lang]!] : [])]
      : [...Object.values(DENIAL_FRAMES), ...Object.values(NO_PART_FRAMES), ...Object.values(NEGATIVE_SUBJECTS)];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const frameEnd = m.index + m[0].length;
      const stop = text.slice(frameEnd).search(DENIED_CLAUSE_END);
      out.push({ frameStart: m.index, frameEnd, end: stop < 0 ? text.length : frameEnd + stop });
    }
  }
  return out;
}
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’ʼ-]*/gu;

export interface ConceptHit {
  conceptId: string;
  start: number;
  end: number;
  /** A negator stands before it in its clause. */
  negated: boolean;
  /**
   * Polarity on the concept's axis (`axis`): +1 for the canonical pole
   * (readiness) said plainly or the other pole (refusal) negated; -1 otherwise.
   */
  sign: 1 | -1;
  /** The axis an opposite pair shares (the positive pole's id), or the concept's own id. */
  axis: string;
}

export interface ConceptInfo {
  id: string;
  label: string;
  kind: ConceptKind;
  /** Every broader concept and every part of a compound, transitively. */
  ancestors: readonly string[];
  /**
   * What the concept negated means: the broader concepts of its opposite pole ("no sense in talks" is meaninglessness,
   * which is a refusal; "not possible" is impossibility, a refusal too). Empty when no opposite implies more.
   */
  negatedAncestors: readonly string[];
  axis: string;
  /** +1 when this concept is its axis's canonical pole, -1 for the opposite pole. */
  pole: 1 | -1;
  /**
   * Whether an occurrence carries a polarity worth comparing: a stance, or either pole of an opposite pair (strength as
   * well as weakness: "strong people" answers "a sign of weakness").
   */
  polar: boolean;
  /** Named whole unless a scope word narrows it (`scoped` in the concept set): troops, withdrawal, territories. */
  scoped: boolean;
  /** Has an agent (roles): a stance, an act, or a topic marked `done` in the concept set (withdrawal, shelling). */
  agentive: boolean;
  /** Qualifies what else is said and names no subject (`modifier` in the concept set): "still", "fully", "many". */
  modifier: boolean;
}

export interface ConceptLexicon {
  readonly set: ConceptSet;
  readonly matcher: Matcher;
  readonly info: ReadonlyMap<string, ConceptInfo>;
  /** Compounds (allOf) by id, with their parts. */
  readonly compounds: ReadonlyArray<{ id: string; parts: readonly string[] }>;
  /**
   * The concepts of `text`. With `lang`, words of the other Latin-script language are ignored ("war" is German "was").
   * `denied`: the whole text is the clause of a denial said outside it (the content of "Peskov denied that …").
   */
  find(text: string, lang?: string, denied?: boolean): ConceptHit[];
}

/** Per language, the languages whose words are not looked for in its texts. */
const FOREIGN: Readonly<Record<string, ReadonlySet<string>>> = { en: new Set(['de']), de: new Set(['en']) };

/**
 * An abbreviation, written in capitals in the concept set ("СВО", "АЭС", "ICC"): matched as it is, never with endings
 * ("сво" with endings found "свою", "свои").
 */
const ABBREVIATION = /^[\p{Lu}\p{N}]{2,}$/u;
/**
 * Russian and Ukrainian outlets write some abbreviations in lower case on purpose ("так звана «днр»", "сво"): a Cyrillic
 * abbreviation is found in any case, and without endings or inflections ("свою" is no "сво") (review 9A, F5).
 */
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** One alias per word, in its language, with the word-formation endings (negotiate → negotiated), abbreviations apart. */
export function conceptEntities(set: ConceptSet): Entity[] {
  return set.concepts.map((c) => ({
    id: c.id,
    type: 'topic' as const,
    label: c.label,
    context: [],
    aliases: CONCEPT_LANGUAGES.flatMap((lang) =>
      c.words[lang].map((text): Alias => (!ABBREVIATION.test(text) ? { text, lang, stem: true } : CYRILLIC.test(text) ? { text, lang, stem: false, inflect: false, case: 'any' } : { text, lang, stem: false })),
    ),
  }));
}

function ancestorsOf(c: Concept, byId: ReadonlyMap<string, Concept>): string[] {
  const out: string[] = [];
  const stack = [...(c.broader ?? []), ...(c.allOf ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.includes(id) || id === c.id) continue;
    out.push(id);
    const b = byId.get(id);
    stack.push(...(b?.broader ?? []), ...(b?.allOf ?? []));
  }
  return out;
}

/**
 * The axis of each concept: concepts joined by `opposite` (directly or through
 * others: readiness ↔ refusal ↔ acceptance) share one axis, named by its first
 * positive stance (else its smallest id). A concept's pole is its polarity, or
 * for unpolarized opposites (victory ↔ defeat) +1 for the axis and alternating
 * across each opposite link.
 */
function axes(set: ConceptSet): Map<string, { axis: string; pole: 1 | -1; paired: boolean }> {
  const byId = new Map(set.concepts.map((c) => [c.id, c]));
  const partners = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!partners.has(a)) partners.set(a, new Set());
    partners.get(a)!.add(b);
  };
  for (const c of set.concepts) for (const o of c.opposite ?? []) (link(c.id, o), link(o, c.id));
  const out = new Map<string, { axis: string; pole: 1 | -1; paired: boolean }>();
  for (const c of set.concepts) {
    if (out.has(c.id)) continue;
    const component: string[] = [];
    const stack = [c.id];
    const seen = new Set(stack);
    while (stack.length > 0) {
      const id = stack.pop()!;
      component.push(id);
      for (const o of partners.get(id) ?? []) if (!seen.has(o)) (seen.add(o), stack.push(o));
    }
    component.sort();
    const axis = component.find((id) => byId.get(id)?.polarity === 1) ?? component[0]!;
    // Poles: polarity where given; else alternate from the axis across opposite links.
    const pole = new Map<string, 1 | -1>();
    const queue: string[] = [axis];
    pole.set(axis, byId.get(axis)?.polarity ?? 1);
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const o of partners.get(id) ?? []) {
        if (pole.has(o)) continue;
        pole.set(o, byId.get(o)?.polarity ?? ((-pole.get(id)!) as 1 | -1));
        queue.push(o);
      }
    }
    for (const id of component) out.set(id, { axis, pole: byId.get(id)?.polarity ?? pole.get(id) ?? 1, paired: component.length > 1 });
  }
  return out;
}

/**
 * Time shifts (session 9; the phrases are rules data, `noLonger`): "no longer", "stopped being", "больше не", "уже не", "перестала", "більше не", "вже не", "перестав", "nicht
 * mehr", "nicht länger" say the stance that follows has ended. The first stance after the marker in its clause, within
 * NO_LONGER_WORDS words, is negated even beyond the negation window ("больше не считает переговоры с Украиной
 * возможными"); "перестал", "перестав" carry no "не" of their own and negate by themselves.
 */
const NO_LONGER: Readonly<Record<string, RegExp>> = Object.fromEntries(Object.entries(BUNDLED_RULES.noLonger).map(([lang, phrases]) => [lang, phraseRegExp(phrases)]));
const NO_LONGER_WORDS = 8;
/** Coordinators that join a new predicate after the shifted one (en, ru, uk, de): the time shift does not reach past them. */
const COORDINATORS = /^(?:and|but|or|и|а|но|или|і|й|та|але|або|und|aber|oder|sondern)$/u;

/** The time-shift markers of a text: where each starts and ends, and whether it holds a negator of its own. */
function noLongerMarkers(text: string, lang: string | undefined): { start: number; end: number; negator: boolean }[] {
  const patterns = lang !== undefined && NO_LONGER[lang] ? [NO_LONGER[lang]!] : Object.values(NO_LONGER);
  const out: { start: number; end: number; negator: boolean }[] = [];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, negator: (m[0].match(WORD_RE) ?? []).some((w) => isNegator(w)) });
  }
  return out;
}

export function createConceptLexicon(set: ConceptSet, matcher: Matcher = compileMatcher(conceptEntities(set))): ConceptLexicon {
  const byId = new Map(set.concepts.map((c) => [c.id, c]));
  const ax = axes(set);
  // The concepts that list each one as their opposite, in the set's order (a filter of the whole set per concept was
  // quadratic: a tenth of `onrecord check`'s start).
  const opposedBy = new Map<string, string[]>();
  for (const o of set.concepts) for (const id of new Set(o.opposite ?? [])) (opposedBy.get(id) ?? opposedBy.set(id, []).get(id)!).push(o.id);
  const info = new Map<string, ConceptInfo>(
    set.concepts.map((c) => {
      const { axis, pole, paired } = ax.get(c.id)!;
      const kind = c.kind ?? 'topic';
      const opposites = [...(c.opposite ?? []), ...(opposedBy.get(c.id) ?? [])];
      const own = new Set(ancestorsOf(c, byId));
      const negatedAncestors = [...new Set(opposites.flatMap((o) => (byId.has(o) ? ancestorsOf(byId.get(o)!, byId) : [])))].filter((a) => !own.has(a) && a !== c.id);
      return [c.id, { id: c.id, label: c.label, kind, ancestors: [...own], negatedAncestors, axis, pole, polar: kind === 'stance' || kind === 'act' || paired, scoped: c.scoped === true, agentive: kind === 'stance' || kind === 'act' || c.done === true, modifier: c.modifier === true }];
    }),
  );
  const aliasLang: string[] = [];
  /**
   * Per alias: every language whose words for that concept include it. "Washington", "Bennett", "Biden" are German
   * words as well as English ones: a German text finds them, whichever language's alias the matcher reports.
   */
  const aliasLangs: string[][] = [];
  /** German separable verbs ("lehnt ab", "schlug vor"): the finite verb → its particle, concept and alias. */
  const separable = new Map<string, { particle: string; conceptId: string; aliasIndex: number }[]>();
  for (const c of set.concepts) {
    // Each language's words of the concept, lower-cased once (not once per word of every language).
    const lowered = new Map(CONCEPT_LANGUAGES.map((l) => [l, new Set(c.words[l].map((w) => w.toLowerCase()))]));
    for (const lang of CONCEPT_LANGUAGES) {
      for (const word of c.words[lang]) {
        const sep = lang === 'de' ? SEPARABLE_WORD.exec(word) : null;
        if (sep) {
          const list = separable.get(sep[1]!) ?? [];
          if (!list.some((x) => x.particle === sep[2])) list.push({ particle: sep[2]!, conceptId: c.id, aliasIndex: aliasLang.length });
          separable.set(sep[1]!, list);
        }
        aliasLang.push(lang);
        const low = word.toLowerCase();
        aliasLangs.push(CONCEPT_LANGUAGES.filter((l) => lowered.get(l)!.has(low)));
      }
    }
  }
  const compounds = set.concepts.filter((c) => (c.allOf?.length ?? 0) > 0).map((c) => ({ id: c.id, parts: c.allOf! }));
  /** German nouns of acts and demands ("angebot", "forderung"), lower case: the heads of compounds that name one. */
  const actHeadConcept = new Map(
    set.concepts
      .filter((c) => c.kind === 'act' || c.id === DEMANDING)
      .flatMap((c) => c.words.de.filter((w) => /^\p{Lu}\p{Ll}{4,}$/u.test(w)).map((w) => [w.toLowerCase(), c.id] as const)),
  );
  const actHeads = [...actHeadConcept.keys()];
  /** A German compound of another concept headed by an act noun ("Gesprächsangebot"): that act, or undefined. */
  const headAct = (surface: string, conceptId: string): string | undefined => {
    const s = surface.toLowerCase();
    const head = actHeads.find((w) => s.length > w.length && s.endsWith(w));
    const id = head === undefined ? undefined : actHeadConcept.get(head);
    return id === conceptId ? undefined : id;
  };
  return {
    set,
    matcher,
    info,
    compounds,
    find(said, lang, denied = false) {
      // "No one but Putin offered …": the excepted quantifier's negation is read as none (withoutExceptedNegatives).
      const text = withoutExceptedNegatives(said, lang);
      const hits: ConceptHit[] = [];
      const foreign = lang === undefined ? undefined : FOREIGN[lang];
      const frames = denialScopes(text, lang);
      // A negator before a verb of saying-so stays with it: "has not confirmed the possibility of a meeting" negates the
      // confirming, not the possibility. (An attitude passes it on: "not ready for surrender" refuses surrender.)
      let floor = 0;
      /** Per hit: the denial it is said under (a frame, or the whole text), if any. */
      const scopes: (object | null)[] = [];
      /** Per hit: whether the denial around it negates it. */
      const flips: boolean[] = [];
      const scanned = matcher.scan(text);
      const separated = lang === 'de' || lang === undefined ? withSeparated(text, scanned, separable) : { mentions: scanned, negatedInside: NONE };
      const negatedInside = separated.negatedInside;
      const mentions = info.has(CONDITION_MARKER) ? withSplitConditions(text, lang, separated.mentions) : separated.mentions;
      // A condition marker's own negator ("no earlier than", "not before", "не раньше", "nicht vor") is the marker's,
      // never a negation of what stands near it (session 11): it is blanked for the negation checks below.
      const negText = markerNegatorsBlanked(text, mentions, info);
      const shifts = noLongerMarkers(text, lang);
      /** Time-shift markers already spent on a stance. */
      const spent = new Set<number>();
      for (const m of mentions) {
        const i = info.get(m.entityId);
        if (!i) continue;
        if (foreign !== undefined && foreign.has(aliasLang[m.aliasIndex] ?? '') && (aliasLangs[m.aliasIndex] ?? []).every((l) => foreign.has(l))) continue;
        if (frames.some((f) => m.start < f.frameEnd && m.end > f.frameStart)) continue;
        // "cannot claim to", "refuses to say": a stance on claiming something is no stance on what is claimed.
        if (i.kind === 'stance' && SAYING_VERBS.has(nextWord(text, m.end))) continue;
        const stance = i.kind === 'stance' || i.kind === 'act' || i.kind === 'condition';
        // A frame's own negation ("nothing", "не имеет") is the frame's, not counted again for what it frames.
        const framedBy = frames.find((f) => m.start >= f.frameEnd && m.start < f.end);
        const from = framedBy ? Math.max(floor, framedBy.frameEnd) : floor;
        // A topic is negated by the word right before it, or before the determiners and adjectives in front of it ("without
        // any preconditions", "без жодних попередніх умов").
        const before = negatedAt(negText, stance ? m.start : pastModifiers(text, m.start, from), stance ? (lang === 'de' ? NEGATION_WINDOW_WORDS_DE : NEGATION_WINDOW_WORDS) : TOPIC_NEGATION_WINDOW_WORDS, from, lang !== undefined && NEGATIVE_CONCORD.has(lang));
        // A refusing verb keeps the negation right before it too: "никогда не отвергала возможность" leaves the
        // possibility standing (not refusing it), where an attitude passes it on ("not ready for surrender").
        if (NEGATION_KEEPERS.has(m.entityId) || (i.kind === 'stance' && i.pole === -1 && (m.entityId === REFUSING || i.ancestors.includes(REFUSING)) && negatedAt(text, m.start, 1, floor))) floor = m.end;
        // English and German negate a modal after it: "could never have ended", "könne nicht" (Russian and Ukrainian before it).
        const modalNegated = i.axis === MODAL_AXIS && i.kind === 'stance' && lang !== 'ru' && lang !== 'uk' && NEGATORS.has(nextWord(negText, m.end));
        let plain = (lang === 'ru' || lang === 'uk' || lang === undefined ? before !== negatedAfter(negText, m.end, m.start) : before) !== negatedInside.has(m.start) !== modalNegated;
        // "No longer" reaches the first stance after it in its clause, however far (the window may not have reached it).
        if (i.kind === 'stance') {
          const shift = shifts.find((x, k) => {
            if (spent.has(k) || x.end > m.start || CLAUSE_END.test(text.slice(x.end, m.start))) return false;
            const words = text.slice(x.end, m.start).match(WORD_RE) ?? [];
            // A coordinator ends the shifted predicate: "no longer controls Kherson | and remains ready for talks" (F15).
            return words.length <= NO_LONGER_WORDS && !words.some((w) => COORDINATORS.test(w.toLowerCase()));
          });
          if (shift !== undefined) {
            spent.add(shifts.indexOf(shift));
            const reached = shift.negator && negatedAt(text, m.start, lang === 'de' ? NEGATION_WINDOW_WORDS_DE : NEGATION_WINDOW_WORDS, shift.start, lang !== undefined && NEGATIVE_CONCORD.has(lang));
            if (!reached) plain = !plain;
          }
        }
        // A denial negates what is said of its subject, not the subject: in "rejected the idea that the offers were a
        // sign of weakness" the offers stand; acts ("offers", "signing") are left as they are here (see deniedActs).
        // It is applied last, to the clause as it reads plainly ("denied that Russia ever refused a settlement": the
        // refusal is denied, the settlement it governs is not).
        flips.push(i.kind !== 'act' && i.kind !== 'condition' && denied !== (framedBy !== undefined));
        // A condition marker is not negated: "cannot … unless" is the exceptive itself (see exceptions()).
        const negated = i.kind === 'condition' ? false : plain;
        const sign = (i.pole * (negated ? -1 : 1)) as 1 | -1;
        hits.push({ conceptId: m.entityId, start: m.start, end: m.end, negated, sign, axis: i.axis });
        scopes.push(framedBy ?? (denied ? WHOLE : null));
        // German compounds are head-final: "Gesprächsangebot" (readiness to talk) is an offer too, as "offer of talks" is.
        const act = lang === 'de' || lang === undefined ? headAct(text.slice(m.start, m.end), m.entityId) : undefined;
        if (act !== undefined) {
          const a = info.get(act)!;
          hits.push({ conceptId: act, start: m.start, end: m.end, negated: plain, sign: (a.pole * (plain ? -1 : 1)) as 1 | -1, axis: a.axis });
          scopes.push(framedBy ?? (denied ? WHOLE : null));
          flips.push(false);
        }
      }
      const plainly = revocations(text, lang, refusalScopes(text, lang, exceptions(text, lang, hits, info), info), info, actHeads);
      const denials = plainly.map((h, k) => (flips[k] ? negate(h, info) : h));
      return withScopedWords(text, endedMeetings(text, deniedActs(denials, scopes, info), info), info);
    },
  };
}

/** A German separable verb as a concept word: a lower-case finite verb and its particle ("lehnt ab", "bot an"). */
const SEPARABLE_WORD = /^(\p{Ll}+) (ab|aus|an|ein|zu|zurück|vor|fort|hinzu|weiter)$/u;

/**
 * German puts a separable verb's particle at the end of its clause: "lehnte eine diplomatische Lösung ab", "bot Kiew
 * Gespräche an". The finite verb counts as the concept word ("lehnt ab") when its particle closes its clause.
 */
function withSeparated(text: string, found: readonly Mention[], separable: ReadonlyMap<string, readonly { particle: string; conceptId: string; aliasIndex: number }[]>): { mentions: readonly Mention[]; negatedInside: ReadonlySet<number> } {
  if (separable.size === 0) return { mentions: found, negatedInside: NONE };
  const extra: Mention[] = [];
  /** Starts of separated verbs negated between verb and particle ("lehne sie nicht ab"). */
  const negatedInside = new Set<number>();
  for (const w of text.matchAll(WORD_RE)) {
    const options = separable.get(w[0].toLowerCase());
    if (!options) continue;
    const start = w.index;
    const end = start + w[0].length;
    if (found.some((m) => m.start < end && m.end > start)) continue;
    const rest = text.slice(end);
    const stop = rest.search(CLAUSE_END);
    const clause = stop < 0 ? rest : rest.slice(0, stop);
    const last = /(\p{L}+)\s*$/u.exec(clause)?.[1]?.toLowerCase();
    const option = options.find((o) => o.particle === last);
    const inside = clause.match(WORD_RE) ?? [];
    if (!option || inside.length < 2) continue;
    extra.push({ start, end, entityId: option.conceptId, aliasIndex: option.aliasIndex });
    if (inside.filter((x) => NEGATORS.has(x.toLowerCase())).length % 2 === 1) negatedInside.add(start);
  }
  return { mentions: extra.length === 0 ? found : [...found, ...extra].sort((a, b) => a.start - b.start), negatedInside };
}
const NONE: ReadonlySet<number> = new Set();

/** The concept of a condition marker ("only if", "лишь после", "erst wenn"). */
const CONDITION_MARKER = 'condition-marker';
/**
 * A condition marker split by the words it restricts: "would only be ready to talk after …", "готова лишь к переговорам
 * после …", "лише тоді готова, коли …", "nur dann verhandeln, wenn …". The second word is the marker's place.
 */
const SPLIT_CONDITION: Readonly<Record<string, RegExp>> = {
  en: /\bonly\b(?:\s+[\p{L}'’-]+){1,6}?\s+(after|if|when|once|provided)\b/giu,
  ru: /(?<!\p{L})(?:только|лишь)(?:\s+[\p{L}-]+){1,6}?\s*,?\s+(после|если|когда)(?!\p{L})/giu,
  uk: /(?<!\p{L})(?:тільки|лише)(?:\s+[\p{L}'’-]+){1,6}?\s*,?\s+(після|якщо|коли)(?!\p{L})/giu,
  // German puts the verb last: "nur dann zu einer diplomatischen Lösung mit Kiew bereit, wenn" (session 9).
  de: /(?<!\p{L})(?:nur|erst)(?:\s+[\p{L}-]+){1,9}?\s*,?\s+(wenn|falls|nachdem|sobald)(?!\p{L})/giu,
};

function withSplitConditions(text: string, lang: string | undefined, found: readonly Mention[]): readonly Mention[] {
  const extra: Mention[] = [];
  const patterns = lang !== undefined && SPLIT_CONDITION[lang] ? [SPLIT_CONDITION[lang]!] : Object.values(SPLIT_CONDITION);
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      // Within one clause, and not a marker found whole already ("only if").
      if (/[.;!?]/u.test(m[0])) continue;
      const end = m.index + m[0].length;
      const start = end - m[1]!.length;
      if (found.some((x) => x.entityId === CONDITION_MARKER && x.start < end && x.end > m.index)) continue;
      extra.push({ start, end, entityId: CONDITION_MARKER, aliasIndex: -1 });
    }
  }
  return extra.length === 0 ? found : [...found.filter((x) => !extra.some((e) => x.start < e.end && x.end > e.start)), ...extra].sort((a, b) => a.start - b.start);
}

/** The text with the negators inside condition markers ("no earlier than", "не раньше", "nicht vor") blanked, offsets kept. */
function markerNegatorsBlanked(text: string, mentions: readonly Mention[], info: ReadonlyMap<string, ConceptInfo>): string {
  let out: string | null = null;
  for (const m of mentions) {
    if (info.get(m.entityId)?.kind !== 'condition') continue;
    const span = text.slice(m.start, m.end);
    const blanked = span.replace(WORD_RE, (w) => (isNegator(w) ? ' '.repeat(w.length) : w));
    if (blanked !== span) out = (out ?? text).slice(0, m.start) + blanked + (out ?? text).slice(m.end);
  }
  return out ?? text;
}

const END_OF_WAR = 'end-of-war';
/** A phrase of ending that names what ends ("end the war", "конец войны", "it will all end", "Kriegsende"). */
const NAMES_WHAT_ENDS = /war|conflict|all\b|войн|конфликт|вс[её]\b|війн|конфлікт|вс[еі]\b|усе\b|krieg|konflikt/iu;
/**
 * A bare verb of ending ("ended", "закончилась", "завершилася", "beendet") is the war's end only when it is not a meeting
 * or talks that ended (review 10A RA19): "the meeting in Istanbul ended without a result", "встреча закончилась",
 * "раунд переговорів завершився" end the meeting. The subject is the nearest topic before it in its sentence.
 */
function endedMeetings(text: string, hits: ConceptHit[], info: ReadonlyMap<string, ConceptInfo>): ConceptHit[] {
  if (!hits.some((h) => h.conceptId === END_OF_WAR)) return hits;
  const meetingLike = (id: string) => id === 'meeting' || id === 'negotiations' || (info.get(id)?.ancestors.includes('negotiations') ?? false);
  return hits.filter((h) => {
    if (h.conceptId !== END_OF_WAR || NAMES_WHAT_ENDS.test(text.slice(h.start, h.end))) return true;
    let from = h.start;
    while (from > 0 && !/[.;!?]/u.test(text[from - 1]!)) from--;
    const topics = hits.filter((o) => o.start >= from && o.end <= h.start && (info.get(o.conceptId)?.kind ?? 'topic') === 'topic').sort((a, b) => a.start - b.start);
    const subject = topics.at(-1);
    return subject === undefined || !meetingLike(subject.conceptId);
  });
}

/** The whole text as one denied clause ("Peskov denied that …": the content said under a denial cue). */
const WHOLE = {};

/**
 * An act is what a denied clause denies when nothing else in that clause takes a stance: "denied that Putin had offered
 * talks", "отрицал, что Путин предлагал переговоры", "bestritt, dass Putin Verhandlungen angeboten habe" unmake the
 * offer. Beside a stance or a polar concept the act is the clause's subject and stands ("rejected the idea that the
 * offers were a sign of weakness" denies the weakness, not the offers).
 */
function deniedActs(hits: ConceptHit[], scopes: readonly (object | null)[], info: ReadonlyMap<string, ConceptInfo>): ConceptHit[] {
  return hits.map((h, k) => {
    const scope = scopes[k];
    const i = info.get(h.conceptId)!;
    if (scope === null || i.kind !== 'act') return h;
    const other = hits.some((o, j) => {
      if (scopes[j] !== scope || j === k) return false;
      const oi = info.get(o.conceptId)!;
      return oi.polar && oi.kind !== 'act' && oi.kind !== 'condition';
    });
    return other ? h : negate(h, info);
  });
}

function negate(h: ConceptHit, info: ReadonlyMap<string, ConceptInfo>): ConceptHit {
  const negated = !h.negated;
  return { ...h, negated, sign: (info.get(h.conceptId)!.pole * (negated ? -1 : 1)) as 1 | -1 };
}

/**
 * Exceptive conditions ("unless", "until", "пока … не", "доки … не", "es sei denn", ", bis"): "talks cannot happen
 * unless Washington listens" is "talks can happen only if it does", so a negation (or a negative stance: "cannot",
 * "refuses") before the marker in its sentence is a condition, not a refusal; in Russian and Ukrainian the "не" of the
 * marker's own clause is part of the marker ("пока Россия не выведет войска": the condition is that it withdraws).
 */
const EXCEPTIVE: Readonly<Record<string, RegExp>> = {
  en: /\b(?:unless|until|till)\b/giu,
  ru: /(?<!\p{L})(?:пока|если|покуда)(?:\s+[\p{L}-]+){0,3}?\s+не(?!\p{L})/giu,
  uk: /(?<!\p{L})(?:поки|доки|допоки|якщо)(?:\s+[\p{L}'’-]+){0,3}?\s+не(?!\p{L})/giu,
  de: /(?<!\p{L})es sei denn(?!\p{L})|,\s*bis(?!\p{L})/giu,
};
const SENTENCE_END = /[.;!?]/u;

function exceptions(text: string, lang: string | undefined, hits: ConceptHit[], info: ReadonlyMap<string, ConceptInfo>): ConceptHit[] {
  const patterns = lang !== undefined && EXCEPTIVE[lang] ? [EXCEPTIVE[lang]!] : Object.values(EXCEPTIVE);
  const markers: { at: number; end: number; from: number; to: number }[] = [];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      let from = m.index;
      while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
      const rest = text.slice(m.index + m[0].length);
      const stop = rest.search(CLAUSE_END);
      markers.push({ at: m.index, end: m.index + m[0].length, from, to: m.index + m[0].length + (stop < 0 ? rest.length : stop) });
    }
  }
  if (markers.length === 0) return hits;
  return hits.map((h) => {
    const i = info.get(h.conceptId)!;
    const main = markers.some((k) => h.start >= k.from && h.end <= k.at);
    const own = (lang === 'ru' || lang === 'uk') && markers.some((k) => h.start >= k.at && h.start < k.to);
    const negativeStance = i.kind === 'stance' && i.pole === -1 && !h.negated;
    if (!(main && (h.negated || negativeStance)) && !(own && h.negated)) return h;
    const negated = !h.negated;
    return { ...h, negated, sign: (i.pole * (negated ? -1 : 1)) as 1 | -1 };
  });
}

/**
 * A refusing stance said plainly (not negated, no negator of its own: "cannot" is counted as a negation already)
 * negates the polar concepts it governs in its clause: those after it within the negation window ("refuses to
 * surrender", "lehnt … eine Kapitulation ab" is left to the German window) and, for any refusing predicate, those just
 * before it ("surrender is out of the question", "о капитуляции речи не идёт", "Kapitulation kommt nicht in Frage").
 * Acts are left as they are (rejecting an offer does not unmake the offer), as are conditions, sayings
 * (NEGATION_KEEPERS) and the refusal's own axis.
 */
function refusalScopes(text: string, lang: string | undefined, hits: ConceptHit[], info: ReadonlyMap<string, ConceptInfo>): ConceptHit[] {
  const refusing = (h: ConceptHit) => {
    const i = info.get(h.conceptId)!;
    return i.kind === 'stance' && i.pole === -1 && !h.negated && (h.conceptId === REFUSING || i.ancestors.includes(REFUSING));
  };
  const passers = hits.filter(refusing);
  if (passers.length === 0) return hits;
  const window = lang === 'de' ? NEGATION_WINDOW_WORDS_DE : NEGATION_WINDOW_WORDS;
  const wordsIn = (from: number, to: number): string[] | null => {
    const gap = text.slice(from, to);
    return CLAUSE_END.test(gap) ? null : (gap.match(WORD_RE) ?? []);
  };
  return hits.map((h) => {
    const i = info.get(h.conceptId)!;
    if (!i.polar || i.kind === 'act' || i.kind === 'condition' || NEGATION_KEEPERS.has(h.conceptId) || refusing(h)) return h;
    const governs = passers.some((g) => {
      if (g.axis === h.axis) return false;
      if (g.end <= h.start) {
        // Before it: within the window, and only a refusing word with no negator in it.
        const gap = wordsIn(g.end, h.start);
        const own = text.slice(g.start, g.end).match(WORD_RE) ?? [];
        const hasNegator = own.some((w) => NEGATORS.has(w.toLowerCase()) || /n['’]t$/iu.test(w));
        return gap !== null && gap.length < (i.kind === 'topic' ? TOPIC_NEGATION_WINDOW_WORDS + 1 : window) && !hasNegator;
      }
      // After it: what the refusing predicate is said of ("surrender is out of the question"); not a modal before it ("could
      // do without" is no impossibility).
      if (g.start >= h.end && h.axis !== MODAL_AXIS) {
        const gap = wordsIn(h.end, g.start);
        return gap !== null && gap.length < REFUSAL_AFTER_WORDS;
      }
      return false;
    });
    if (!governs) return h;
    const negated = !h.negated;
    return { ...h, negated, sign: (i.pole * (negated ? -1 : 1)) as 1 | -1 };
  });
}

/**
 * Words whose reading depends on what they stand beside (review 9A, F2 and F3), in en, ru, uk, de:
 * - "at any moment", "в любой момент", "будь-коли", "jederzeit" is readiness without preconditions only in a clause of
 *   readiness or talks ("ready to talk at any moment"); of a threat ("Russia could attack at any moment") it is timing,
 *   and no concept;
 * - a consent noun governed by "without" ("without the consent of Ukrainians", "без согласия", "без згоди", "ohne
 *   Zustimmung") names a requirement, not the speaker's acceptance: no acceptance is read from it.
 */
const ANY_TIME = 'at-any-time';
const ANY_TIME_PARTNERS = ['readiness', 'negotiations'];
const CONSENT_NOUNS = new Set(['consent', 'согласие', 'согласия', 'согласии', 'згода', 'згоди', 'згоду', 'zustimmung', 'einverständnis']);
const WITHOUT = /^(?:without|без|ohne)$/u;
/** Words (a determiner, "the … of") that may stand between "without" and its consent noun. */
const WITHOUT_REACH_WORDS = 3;

function withScopedWords(text: string, hits: ConceptHit[], info: ReadonlyMap<string, ConceptInfo>): ConceptHit[] {
  const clauseOf = (at: number): [number, number] => {
    let a = at;
    while (a > 0 && !CLAUSE_END.test(text[a - 1]!)) a--;
    let b = at;
    while (b < text.length && !CLAUSE_END.test(text[b]!)) b++;
    return [a, b];
  };
  const partner = (h: ConceptHit) => {
    const i = info.get(h.conceptId);
    return i !== undefined && ANY_TIME_PARTNERS.some((p) => h.conceptId === p || i.ancestors.includes(p));
  };
  return hits.filter((h) => {
    if (h.conceptId === ANY_TIME) {
      const [a, b] = clauseOf(h.start);
      return hits.some((o) => o !== h && o.start >= a && o.end <= b && partner(o));
    }
    if (CONSENT_NOUNS.has(text.slice(h.start, h.end).toLowerCase())) {
      const words = clauseWordsBefore(text, h.start).slice(-(WITHOUT_REACH_WORDS + 1));
      if (words.some((w) => WITHOUT.test(w.toLowerCase()))) return false;
    }
    return true;
  });
}

/**
 * Predicates that unmake an act or a demand ("withdrew the offer", "the proposal is no longer valid", "dropped its
 * demand", "отозвал предложение", "предложение утратило силу", "пропозицію відкликано", "більше не діє", "erklärte das
 * Angebot für hinfällig", "verzichtete auf die Forderung", "zog das Angebot zurück"): the acts of their clause (an
 * offer, a signature, a demand) are negated, as a denial of the act would. Refusing an offer leaves the offer made
 * (refusalScopes); revoking it unmakes it. Per language, as data; forms by stem.
 */
const REVOKING: Readonly<Record<string, { before: RegExp; after: RegExp }>> = {
  en: {
    // A verb before its object: "withdrew the offer", "dropped its demand", "called off the signing"; "declared the offer
    // void" around it (a bare "declared" revokes nothing: "declared a ceasefire and offered talks").
    before: /\b(?:withdr[ae]w(?:s|n|ing)?|retract(?:s|ed|ing)?|revok(?:e|es|ed|ing)|rescind(?:s|ed|ing)?|cancel(?:s|ed|led|ing|ling)?|annul(?:s|led|ling)?|scrap(?:s|ped|ping)?|drop(?:s|ped|ping)?|abandon(?:s|ed|ing)?|g[ai]ve up|giv(?:es|ing|en) up|call(?:s|ed|ing)? off|declar(?:e|es|ed|ing)\s+(?:[\p{L}'’-]+\s+){1,8}?(?:null and void|void|invalid|obsolete|dead|over))\b/giu,
    // A predicate after its subject: "the offer was withdrawn", "the proposal is void", "no longer stands", "off the table".
    after: /\b(?:(?:is|was|were|are|be|been|being|now|as|had|has|have)\s+(?:now\s+|effectively\s+|formally\s+)?(?:withdrawn|retracted|revoked|rescinded|cancell?ed|annulled|scrapped|dropped|abandoned|called off|given up|null and void|void|invalid|obsolete|moot|dead|expired|lapsed|off the table)|null and void|no longer (?:valid|stands?|stood|appl(?:y|ies)|on the table|in force|exists?)|off the table|has (?:expired|lapsed))\b/giu,
  },
  ru: {
    before: /(?<!\p{L})(?:отозва(?:л|ла|ли|ть)|отзыва(?:ет|ют|л|ла|ли|ть)|отмени(?:л|ла|ли|ть)|отменя(?:ет|ют|л|ла|ли)|аннулирова(?:л|ла|ли|ть)|аннулиру(?:ет|ют)|снял[аи]?|сня(?:ть|ла)|объяви(?:л|ла|ли)\s+(?:недействительн\p{L}*|утратившим\p{L}*\s+силу|неактуальн\p{L}*))(?!\p{L})/giu,
    after: /(?<!\p{L})(?:отозван[аоы]?|отменен[аоы]?|отменён[аоы]?|аннулирован[аоы]?|снят[аоы]?|больше не (?:действует|действуют|актуальн\p{L}*|в силе)|утратил\p{L}*\s+(?:силу|актуальность)|потерял\p{L}*\s+актуальность|неактуальн\p{L}*|недействительн\p{L}*)(?!\p{L})/giu,
  },
  uk: {
    before: /(?<!\p{L})(?:відклика(?:в|ла|ли|ти|є|ють)|відкликав|відкликала|відкликали|скасува(?:в|ла|ли|ти)|скасову(?:є|ють)|анулюва(?:в|ла|ли|ти)|анулю(?:є|ють)|зня(?:в|ла|ли|ти)|оголоси(?:в|ла|ли)\s+(?:недійсн\p{L}*|неактуальн\p{L}*))(?!\p{L})/giu,
    after: /(?<!\p{L})(?:відкликан[аоі]?|відкликано|скасован[аоі]?|скасовано|анульован[аоі]?|анульовано|знят[аоі]?|знято|більше не (?:діє|діють|актуальн\p{L}*|чинн\p{L}*)|втратил\p{L}*\s+(?:чинність|актуальність)|неактуальн\p{L}*|недійсн\p{L}*)(?!\p{L})/giu,
  },
  de: {
    // German puts the verb or its particle last as often as first: both directions, verb forms only ("Verzicht" is a noun).
    before: /(?<!\p{L})(?:zurückgezogen|zurückziehen|zurückzuziehen|(?:zog|zogen|zieht|ziehen|ziehe)\s+(?:[\p{L}-]+,?\s+){0,8}zurück|zurückgenommen|zurücknehmen|zurückzunehmen|(?:nahm|nahmen|nimmt|nehmen|nehme)\s+(?:[\p{L}-]+,?\s+){0,8}zurück|widerrufen|widerrief(?:en)?|widerruft|aufgehoben|annulliert|verzichtet(?:e|en)?|verzichten|verzichte|fallen\s*gelassen|fallenlassen|(?:ließ|ließen|lässt)\s+(?:[\p{L}-]+,?\s+){0,8}fallen|gestrichen|für\s+(?:hinfällig|ungültig|nichtig|obsolet|gegenstandslos|erledigt)|hinfällig|ungültig|nichtig|obsolet|gegenstandslos|nicht mehr gültig|vom Tisch)(?!\p{L})/giu,
    after: /(?<!\p{L})(?:zurückgezogen|(?:zog|zogen|zieht|ziehen|ziehe)\s+(?:[\p{L}-]+,?\s+){0,8}zurück|zurückgenommen|(?:nahm|nahmen|nimmt|nehmen|nehme)\s+(?:[\p{L}-]+,?\s+){0,8}zurück|widerrufen|aufgehoben|annulliert|verzichtet(?:e|en)?|verzichten|verzichte|fallen\s*gelassen|gestrichen|für\s+(?:hinfällig|ungültig|nichtig|obsolet|gegenstandslos|erledigt)|hinfällig|ungültig|nichtig|obsolet|gegenstandslos|nicht mehr gültig|vom Tisch)(?!\p{L})/giu,
  },
};
/** How many words an act may stand from the revoking predicate, in its clause. */
const REVOKING_WINDOW_WORDS = 8;
/** How many words (a determiner, a possessive) may stand between a revoking verb and the readiness it revokes. */
const STANCE_OBJECT_WORDS = 2;
/** Demands are unmade as acts are ("dropped its demand"): the concept of demanding, where the set has one. */
const DEMANDING = 'ultimatum';
/**
 * Readiness and what implies it (acceptance, consent) are unmade as acts are (session 9): "withdrew its acceptance of
 * mediation", "отозвала согласие", "відкликала свою згоду", "hat seine Bereitschaft widerrufen" say the readiness no
 * longer holds.
 */
const READINESS = 'readiness';

/**
 * Words that open a new clause or a new predicate inside a sentence: a revoking predicate on the far side of one is said
 * of something else ("offered talks after the sanctions were dropped", "предложил переговоры, а старый план утратил
 * силу", "angeboten, nachdem die Sanktionen aufgehoben wurden").
 */
const CLAUSE_BREAK: Readonly<Record<string, RegExp>> = {
  en: /^(?:and|or|but|after|before|once|when|whenever|while|since|because|as|if|then|that|which|who|whom|although|though|whereas|until|unless|so)$/u,
  ru: /^(?:и|а|но|или|либо|после|когда|пока|потому|так|поскольку|чтобы|если|хотя|затем|потом|что|который|которое|которая|которые|которого|которой|которых)$/u,
  uk: /^(?:і|й|та|а|але|або|чи|після|коли|поки|доки|бо|оскільки|щоб|якщо|хоча|потім|що|який|яке|яка|які|якого|якої|яких)$/u,
  de: /^(?:und|oder|aber|sondern|nachdem|bevor|ehe|als|wenn|weil|da|während|sobald|seit|seitdem|dass|ob|obwohl|dann|denn|doch)$/u,
};
/** Relative pronouns that may open an aside about the act ("the offer, which Putin made in March, …"). */
const RELATIVE: Readonly<Record<string, RegExp>> = {
  en: /^(?:which|who|whom|that)$/u,
  ru: /^котор\p{L}+$/u,
  uk: /^(?:який|яке|яка|які|якого|якої|яких|якому|яким|якими|якій)$/u,
  de: /^(?:der|die|das|den|dem|deren|dessen|welche[rsnm]?)$/u,
};
/** Longest aside skipped between an act and its revoking predicate, in words. */
const ASIDE_WORDS = 8;
/** Longest English relative clause without commas skipped before the predicate ("the offer that Putin made was …"). */
const RELATIVE_CLAUSE_WORDS = 5;

/**
 * Asides about the act between it and its predicate, left out (review 8, M2): a comma-bounded participle, relative or
 * zu-infinitive phrase ("the offer, made in March, was withdrawn", "предложение, которое Путин сделал в марте,
 * отозвано", "sein Angebot, mit der Ukraine zu verhandeln, zurückgezogen") and, with `relative`, an English relative
 * clause right before it ("the offer that Putin made was withdrawn"). An aside holds no clause break but its opening
 * relative pronoun: ", and the plan," or "that would stand until …" are not asides, and stay in the gap.
 */
function withoutAsides(gap: string, langs: readonly string[], relative: boolean): string {
  const breaks = (w: string) => langs.some((l) => CLAUSE_BREAK[l]!.test(w));
  const isRelative = (w: string) => langs.some((l) => RELATIVE[l]?.test(w));
  const plainAside = (words: string[], max: number) =>
    words.length > 0 && words.length <= max && words.every((w, k) => (k === 0 && isRelative(w)) || !breaks(w));
  const lower = (seg: string) => (seg.match(WORD_RE) ?? []).map((w) => w.toLowerCase());
  const parts = gap.split(',');
  let out = gap;
  if (parts.length >= 3) {
    out = parts[0]!;
    let dropped = false;
    for (const part of parts.slice(1, -1)) {
      dropped = !CLAUSE_END.test(part) && plainAside(lower(part), ASIDE_WORDS);
      if (!dropped) out += `,${part}`;
    }
    out += (dropped ? '' : ',') + parts[parts.length - 1]!;
  }
  if (relative && langs.includes('en') && !CLAUSE_END.test(out)) {
    // The relative clause closes the gap: "the offer (of talks) | that Putin made | was withdrawn".
    const found = [...out.matchAll(WORD_RE)];
    const at = found.findLastIndex((m) => RELATIVE.en!.test(m[0].toLowerCase()));
    const clause = at === -1 ? [] : found.slice(at).map((m) => m[0].toLowerCase());
    if (clause.length > 1 && plainAside(clause, RELATIVE_CLAUSE_WORDS + 1) && !clause.some(isNegator)) return out.slice(0, found[at]!.index);
  }
  return out;
}

/** Prepositions that tie a phrase to the act noun before them ("the offer of talks with Kyiv was withdrawn"). */
const ACT_PREPOSITIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['of', 'with', 'to', 'for', 'from', 'on', 'about', 'by', 'in', 'at', 'between', 'over', 'toward', 'towards', 'regarding']),
  de: new Set(['von', 'vom', 'mit', 'an', 'am', 'für', 'über', 'zu', 'zur', 'zum', 'nach', 'aus', 'bei', 'gegenüber', 'um', 'zwischen']),
};
/** Words that open a noun phrase of its own (a new subject) outside such a prepositional phrase. Genitive "der", "des" tie. */
const NEW_PHRASE: Readonly<Record<string, RegExp>> = {
  en: /^(?:the|a|an|this|these|those|its|their|his|her|our|my|your)$/u,
  de: /^(?:die|das|den|ein|eine|einen|sein|seine|ihr|ihre|dieser|diese|dieses)$/u,
};
/** Auxiliaries and adverbs that close the act's noun phrase before its predicate ("… was no longer", "… sei nicht"). */
const PREDICATE_LEAD = /^(?:is|was|were|are|be|been|being|has|have|had|will|would|could|may|might|must|now|not|never|already|effectively|formally|officially|also|ist|sei|war|wäre|wurde|wurden|worden|seien|sind|habe|hat|hatte|wird|werde|bereits|schon|nicht|nie|niemals|inzwischen|offiziell|endgültig|auch)$/iu;

/** Whether a negator stands within NEGATION_WINDOW_WORDS words before `at`, in its clause (any one in ru/uk). */
function negatorBefore(text: string, at: number, lang: string | undefined): boolean {
  const words = clauseWordsBefore(text, at).slice(-NEGATION_WINDOW_WORDS);
  const n = words.filter(isNegator).length;
  return lang !== undefined && NEGATIVE_CONCORD.has(lang) ? n > 0 : n % 2 === 1;
}
function clauseWordsBefore(text: string, at: number): string[] {
  let before = text.slice(Math.max(0, at - 80), at);
  for (let k = before.length - 1; k >= 0; k--) {
    if (CLAUSE_END.test(before[k]!)) {
      before = before.slice(k + 1);
      break;
    }
  }
  return before.match(WORD_RE) ?? [];
}
const isNegator = (w: string) => NEGATORS.has(w.toLowerCase()) || /n['’]t$/iu.test(w);

/**
 * A revoking predicate unmakes an act only when it governs the act (en, ru, uk, de):
 * - before the act, the words between are its object phrase: no clause break ("withdrew the offer", not "dropped the
 *   sanctions and offered talks");
 * - after the act, the act is its subject (or, German verb-last, its object): only the act's own prepositional phrases,
 *   auxiliaries and a negation between ("the offer of talks with Kyiv was withdrawn", "das Angebot sei zurückgezogen
 *   worden"), no clause break and no new subject ("offered talks after the sanctions were dropped");
 * - around it (German "zog das Angebot zurück", "declared the offer void").
 * A negated revocation is none: "not withdrawn", "не отозвано", "не відкликано", "nicht zurückgezogen", "zog das Angebot
 * nicht zurück"; the negation before a revoking verb is the verb's, not the act's ("had not withdrawn his offer").
 */
function revocations(text: string, lang: string | undefined, hits: ConceptHit[], info: ReadonlyMap<string, ConceptInfo>, actHeads: readonly string[]): ConceptHit[] {
  // German compounds are head-final: "Gesprächsangebot" is an offer (of talks) whatever concept the whole word names.
  const revocable = (h: ConceptHit) => {
    const i = info.get(h.conceptId)!;
    if (i.kind === 'act' || h.conceptId === DEMANDING) return true;
    if (i.kind === 'stance' && (h.conceptId === READINESS || i.ancestors.includes(READINESS))) return true;
    if (lang !== 'de') return false;
    const surface = text.slice(h.start, h.end).toLowerCase();
    return actHeads.some((w) => surface.length > w.length && surface.endsWith(w));
  };
  if (!hits.some(revocable)) return hits;
  const langs = lang !== undefined && REVOKING[lang] ? [lang] : Object.keys(REVOKING);
  const before: [number, number][] = [];
  const after: [number, number][] = [];
  for (const l of langs) {
    for (const m of text.matchAll(REVOKING[l]!.before)) before.push([m.index, m.index + m[0].length]);
    for (const m of text.matchAll(REVOKING[l]!.after)) after.push([m.index, m.index + m[0].length]);
  }
  if (before.length === 0 && after.length === 0) return hits;
  const breaks = (w: string) => langs.some((l) => CLAUSE_BREAK[l]!.test(w.toLowerCase()));
  /** The words between, or null across a clause break or beyond the window. */
  const between = (from: number, to: number, limit = REVOKING_WINDOW_WORDS, relative = false): string[] | null => {
    const gap = withoutAsides(text.slice(from, to), langs, relative);
    const words = gap.match(WORD_RE) ?? [];
    return CLAUSE_END.test(gap) || words.length > limit || words.some(breaks) ? null : words;
  };
  const concord = lang !== undefined && NEGATIVE_CONCORD.has(lang);
  const negatorsIn = (words: readonly string[]) => {
    const n = words.filter(isNegator).length;
    return concord ? n > 0 : n % 2 === 1;
  };
  /** The words after the act up to its predicate: its prepositional phrases, auxiliaries, a negation; no new subject. */
  const ownPhrase = (words: readonly string[]) => {
    let inPhrase = false;
    for (const w of words) {
      const f = w.toLowerCase();
      if (langs.some((l) => ACT_PREPOSITIONS[l]?.has(f))) inPhrase = true;
      else if (PREDICATE_LEAD.test(f) || isNegator(w)) inPhrase = false;
      else if (!inPhrase && langs.some((l) => NEW_PHRASE[l]?.test(f) || (l === 'en' && /^\p{Lu}/u.test(w)))) return false;
    }
    return true;
  };
  /** Revoking verbs that revoked something: a verb there, not a concept of its own ("withdrew its readiness" is no troop withdrawal). */
  const used: [number, number][] = [];
  const revoked = hits.map((h) => {
    if (!revocable(h)) return h;
    const window = lang === 'de' ? NEGATION_WINDOW_WORDS_DE : NEGATION_WINDOW_WORDS;
    // Around it: a negation inside is the revocation's ("zog das Angebot nicht zurück").
    for (const [a, b] of [...before, ...after]) {
      if (a < h.start && b > h.end) {
        const inside = between(a, b, Infinity);
        if (inside !== null) return negatorsIn(inside) ? h : negate(h, info);
      }
    }
    // Before it: the nearest revoking verb whose object phrase reaches the act. A readiness word (a stance, not an act)
    // must be the verb's object itself, with at most a determiner between ("withdrew its acceptance", "отозвала свою
    // готовность"): "withdrew its troops to show its readiness", "сняла часть требований в знак готовности" revoke the
    // troops and the demands, not the readiness (review 9A, F1).
    const limit = info.get(h.conceptId)!.kind === 'stance' ? STANCE_OBJECT_WORDS : REVOKING_WINDOW_WORDS;
    const verb = before.filter(([, b]) => b <= h.start && between(b, h.start, limit) !== null).sort((x, y) => y[1] - x[1])[0];
    if (verb) {
      used.push(verb);
      if (!negatorBefore(text, verb[0], lang)) return negate(h, info);
      // Negated: no revocation, and the negation that reached the act was the verb's ("had not withdrawn his offer").
      const took = negatedAt(text, h.start, window, 0, concord) !== negatedAt(text, h.start, window, verb[1], concord);
      return took ? negate(h, info) : h;
    }
    // After it: a predicate the act is the subject of.
    for (const [a] of after) {
      if (a < h.end) continue;
      // Past a relative clause only a noun is the subject ("the offer that Putin made was withdrawn"; not "offered talks
      // that …"), and only of a passive or copular predicate: in "the offer that Kyiv has abandoned" the perfect is the
      // relative clause's own verb.
      const relative = !/(?:ed|ing)$/iu.test(text.slice(h.start, h.end)) && !/^(?:has|have|had)\b/iu.test(text.slice(a, a + 5));
      const gap = between(h.end, a, REVOKING_WINDOW_WORDS, relative);
      if (gap === null || !ownPhrase(gap)) continue;
      return negatorsIn(gap) ? h : negate(h, info);
    }
    return h;
  });
  return used.length === 0 ? revoked : revoked.filter((h) => info.get(h.conceptId)!.kind !== 'topic' || !used.some(([a, b]) => h.start >= a && h.end <= b));
}

/** The next word after `end` in its clause, lower case, skipping "to", "zu" ("" when none). */
function nextWord(text: string, end: number): string {
  const m = /^\s+(?:(?:to|zu)\s+)?([\p{L}'’-]+)/u.exec(text.slice(end, end + 40));
  return m ? m[1]!.toLowerCase() : '';
}

/** Whether a Russian/Ukrainian negation follows within NEGATION_AFTER_WORDS words after `end`, in the same clause. */
export function negatedAfter(text: string, end: number, start = end): boolean {
  // A concept right after a preposition modifies the subject the negation is said of: "прорыва на переговорах не было"
  // negates the breakthrough, not the talks (rules data, `prepositions`).
  const previous = clauseWordsBefore(text, start).at(-1)?.toLowerCase();
  if (previous !== undefined && PREPOSITIONS.has(previous)) return false;
  let after = text.slice(end, end + 60);
  const stop = after.search(CLAUSE_END);
  if (stop >= 0) after = after.slice(0, stop);
  // The window counts where the negation starts: "не было" starting on the window's last word still counts.
  const words = (after.match(WORD_RE) ?? []).slice(0, NEGATION_AFTER_WORDS + 1).map((w) => w.toLowerCase());
  for (let k = 0; k < Math.min(words.length, NEGATION_AFTER_WORDS); k++) {
    if (NEGATED_AFTER.test(words[k]!) || (k + 1 < words.length && NEGATED_AFTER.test(`${words[k]} ${words[k + 1]}`))) return true;
  }
  return false;
}

/** Where a topic's negator would stand: before up to TOPIC_MODIFIER_WORDS determiners and adjectives right before it. */
function pastModifiers(text: string, start: number, floor: number): number {
  let at = start;
  for (let k = 0; k < TOPIC_MODIFIER_WORDS; k++) {
    const m = /([\p{L}\p{N}][\p{L}\p{M}\p{N}'’ʼ-]*)\s+$/u.exec(text.slice(Math.max(floor, at - 40), at));
    if (!m || !TOPIC_MODIFIERS.has(m[1]!.toLowerCase())) break;
    at -= m[0].length;
  }
  return at;
}

/** Whether a negator stands within NEGATION_WINDOW_WORDS words before `start`, in the same clause. */
export function negatedAt(text: string, start: number, window = NEGATION_WINDOW_WORDS, floor = 0, concord = false): boolean {
  let before = text.slice(Math.max(0, floor, start - 80), start);
  for (let k = before.length - 1; k >= 0; k--) {
    if (CLAUSE_END.test(before[k]!)) {
      before = before.slice(k + 1);
      break;
    }
  }
  const words = before.match(WORD_RE) ?? [];
  let count = 0;
  // From the concept back: a verb of claiming between a negator and the concept keeps the negation ("cannot claim to
  // want talks" does not say they do not want them).
  for (const w of words.slice(-window).reverse()) {
    const f = w.toLowerCase();
    if (SAYING_VERBS.has(f)) break;
    if (NEGATORS.has(f) || f.endsWith("n't") || f.endsWith('n’t')) count++;
  }
  return concord ? count > 0 : count % 2 === 1;
}
