/**
 * Speaker candidates of a paragraph, in text order: names the matcher found,
 * role phrases resolved through the record (with the role's dates), places
 * speaking as a government, pronouns, and capitalised names the record does
 * not know (new candidate people and organizations).
 */
import type { Entity, EntityType } from '../corpus/schema.ts';
import { foldString } from '../text/fold.ts';
import type { Mention } from '../match/index.ts';
import { roleNounAt, roleSuffixOf, type LexiconIndex } from './lexicon-index.ts';
import type { RoleKind } from './lexicon/types.ts';
import type { RecordView } from './record-view.ts';
import type { QuoteSpan } from './quotes.ts';
import { firstAtOrAfter, normalizeWord, type Range, type Token } from './text.ts';
import type { SpeakerVia, TextSpan } from './types.ts';

export interface Candidate {
  start: number;
  end: number;
  entityId: string | null;
  name: string;
  type: EntityType;
  via: SpeakerVia;
  /** Pronoun gender, or the entity's. */
  gender?: 'male' | 'female' | 'plural';
  media: boolean;
  /** The sieve that made this candidate. */
  sieve: string;
  resolvedFrom?: TextSpan;
  /** Written as a possessor ("Moscow’s", "Putin's"): names whose thing it is, not who speaks. */
  possessive?: boolean;
  /** An inflected (non-nominative) Russian/Ukrainian form, or an oblique pronoun (его, його, ihm): never the subject of a verb. */
  oblique?: boolean;
  /** A role phrase put together from a head noun and an entity ("the Kremlin's press secretary"): that entity. */
  composedFrom?: string;
  /** For a role noun standing for someone named before ("the diplomat", "der Präsident"): its kind. */
  roleKind?: RoleKind;
  /** "Ukrainian experts and officials say": the other group of the pair, who says the same. */
  alsoSpeaks?: Candidate;
}

const AND = new Set(['and', 'und', 'и', 'і', 'та']);

/** Words that name an organization when they appear in a capitalised name. */
const ORG_WORDS = new Set(
  (
    'ministry office agency council committee service government department army forces party command staff headquarters bureau union ' +
    'commission company bank embassy administration parliament court police guard navy ' +
    'министерство мид ведомство служба правительство совет комитет штаб посольство пресс-служба администрация офис минобороны генштаб партия ' +
    'міністерство мзс відомство служба уряд рада комітет штаб посольство пресслужба прес-служба адміністрація офіс міноборони генштаб партія ' +
    'ministerium amt regierung behörde rat ausschuss botschaft stab armee partei bundesregierung außenministerium'
  ).split(' '),
);

/** Capitalised words that never start a name: sentence openers, titles, days, months. */
const NOT_NAME = new Set(
  (
    'the a an he she it they we i this that these those his her its their our but and or if when while after before as in on at by for from to with of ' +
    'one another some many several two three four ' +
    'mr mrs ms dr president prime minister foreign defence defense spokesman spokeswoman spokesperson adviser advisor secretary general chief head deputy ' +
    'ambassador senator governor mayor commander colonel officer official officials kremlin monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december ukrainian russian german american british western european ' +
    'он она они оно мы я вы это этот эта в на по с и но а как что когда после до для его ее их президент министр глава пресс-секретарь представитель ' +
    'советник замминистра посол депутат спикер генерал понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье ' +
    'він вона вони воно ми я ви це цей ця в у на по з і та але як що коли після до для його її їх президент міністр голова речник прес-секретар ' +
    'представник радник посол депутат генерал понеділок вівторок середа середу четвер пʼятниця пятниця субота суботу неділя неділю ' +
    'er sie es wir ich ihr der die das den dem des ein eine einer einem einen und aber wenn als nach vor für von mit in im am an auf bei zu zum zur ' +
    'präsident präsidenten minister ministerin sprecher sprecherin berater chef kanzler kanzlerin außenminister botschafter montag dienstag mittwoch ' +
    'donnerstag freitag samstag sonntag laut zufolge according analysis update video watch read photo live breaking exclusive opinion comment image caption getty reuters afp russlands russische russischen ukrainische ukrainischen deutsche deutschen'
  ).split(' '),
);

/** Case endings of Russian and Ukrainian surnames (genitive, dative, instrumental, prepositional), longest first. */
const SURNAME_ENDINGS = ['ого', 'ому', 'ова', 'ову', 'ими', 'ові', 'еві', 'ом', 'ым', 'им', 'ем', 'ой', 'ою', 'ей', 'а', 'у', 'е', 'ю', 'я', 'і', 'и'];

/** The full name whose last word this Cyrillic word inflects (Ройтера → Штефан Ройтер, Корнилова → Андрей Корнилов). */
function inflectedName(names: NameMemory, low: string): string | undefined {
  if (!/^[\u0400-\u04ff]/u.test(low) || names.size === 0) return undefined;
  for (const end of SURNAME_ENDINGS) {
    if (low.length - end.length < 3 || !low.endsWith(end)) continue;
    const stem = low.slice(0, -end.length);
    const hit = names.get(stem) ?? (end.length > 1 ? names.get(stem + end[0]) : undefined);
    if (hit) return hit;
  }
  return undefined;
}

/** A short quoted name right after a legal form: « Ромашка», „Nordlicht“, "Acme". */
const QUOTED_NAME_AFTER = /^\s*[«„“"][\p{Lu}\p{N}][^«»„“”"\n]{0,50}[»“”"]/u;

const CAP_WORD = /^[\p{Lu}][\p{L}\p{M}'’-]*$/u;

function entityGender(view: RecordView, id: string): Candidate['gender'] {
  const e = view.entities.get(id);
  if (!e) return undefined;
  if (e.type !== 'person') return 'plural';
  return e.gender;
}

/** Role nouns that, after an article or alone, refer back to a person named before ("the diplomat", "дипломат", "der Präsident"). */
const ROLE_NOUNS: ReadonlyMap<string, 'male' | 'female' | undefined> = new Map([
  ...'president minister diplomat spokesman adviser advisor official politician expert analyst lawmaker ambassador leader professor researcher chancellor negotiator envoy'.split(' ').map((w) => [w, undefined] as const),
  ...'spokeswoman'.split(' ').map((w) => [w, 'female'] as const),
  // Session 6: more nouns news writing refers back to a person with ("the senator", "парламентарий", "der Bürgermeister").
  ...'senator governor mayor congressman lawmaker legislator general commander prosecutor economist historian journalist officer executive chairman'.split(' ').map((w) => [w, undefined] as const),
  ...'congresswoman chairwoman'.split(' ').map((w) => [w, 'female'] as const),
  ...'парламентарий парламентар сенатор губернатор мэр генерал командующий экономист историк журналист собеседник'.split(' ').map((w) => [w, undefined] as const),
  ...'нардеп губернатор мер командувач економіст історик журналіст співрозмовник очільник'.split(' ').map((w) => [w, undefined] as const),
  ...'senator gouverneur bürgermeister general kommandeur ökonom historiker journalist politiker regierungschef staatschef'.split(' ').map((w) => [w, 'male'] as const),
  ...'senatorin gouverneurin bürgermeisterin kommandeurin ökonomin historikerin journalistin politikerin regierungschefin staatschefin'.split(' ').map((w) => [w, 'female'] as const),
  ...'президент министр дипломат эксперт депутат политолог аналитик посол советник спикер замглавы замминистра премьер политик чиновник переговорщик'.split(' ').map((w) => [w, undefined] as const),
  ...'президент міністр дипломат експерт депутат політолог аналітик посол радник речник посадовець політик переговірник'.split(' ').map((w) => [w, undefined] as const),
  ...'präsident minister diplomat experte politologe wissenschaftler politikwissenschaftler sprecher berater botschafter abgeordnete kanzler analyst unterhändler'.split(' ').map((w) => [w, 'male'] as const),
  ...'präsidentin ministerin diplomatin expertin politologin wissenschaftlerin politikwissenschaftlerin sprecherin beraterin botschafterin kanzlerin analystin'.split(' ').map((w) => [w, 'female'] as const),
]);

/** Russian/Ukrainian role nouns many people hold at once (not one office such as "президент", "министр", "канцлер"). */
const COMMON_ROLES = new Set(
  'дипломат посол чиновник эксперт аналитик политолог депутат переговорщик политик экономист историк журналист генерал парламентарий посадовець радник нардеп аналітик політолог експерт переговірник політик економіст історик журналіст'.split(' '),
);
/** A Russian/Ukrainian adjective in the nominative singular ("европейский", "украинская", "західний"). */
const CYRILLIC_ADJECTIVE = /^[\u0400-\u04ff]{3,}(?:ый|ий|ой|ая|яя|ій|ня)$/u;
/** Adjectives that describe a person already named rather than introduce another ("главный российский дипломат" for Lavrov). */
const EPITHETS_RU = new Set('главный головний'.split(' '));

/** The record's places, bodies and groups written in Cyrillic, each as a stem ("росси" of "Россия") and the side it stands for. */
const sideStems = new WeakMap<RecordView, { stem: string; side: string | undefined }[]>();
function cyrillicSideStems(view: RecordView): { stem: string; side: string | undefined }[] {
  let list = sideStems.get(view);
  if (list) return list;
  list = [];
  for (const e of view.entities.values()) {
    if (e.type === 'person' || e.type === 'topic' || e.type === 'event') continue;
    // A place stands for the side of the same id (the place "russia" for the side "russia"); a body for its own side.
    const side = e.side ?? (e.type === 'place' ? e.id : undefined);
    for (const a of e.aliases) {
      const w = normalizeWord(a.text);
      if (/^[\u0400-\u04ff]{5,}$/u.test(w)) list.push({ stem: w.slice(0, -1), side });
    }
  }
  sideStems.set(view, list);
  return list;
}

/**
 * "Сергей Лавров прилетел в Анкару. Российский дипломат заявил …": whether adjectives before a role noun may describe
 * this person of the record rather than introduce someone new — each is an epithet ("главный") or names the person's
 * own side ("российский", "російський"); another side, another place or any other word ("западный", "высокопоставленный") does not.
 */
function describesPerson(view: RecordView, adjectives: readonly Token[], entityId: string): boolean {
  const side = view.entities.get(entityId)?.side;
  if (side === undefined) return false;
  const stems = cyrillicSideStems(view);
  return adjectives.every((w) => EPITHETS_RU.has(w.low) || stems.some((s) => w.low.startsWith(s.stem) && s.side === side));
}

/** Words after a Russian/Ukrainian role phrase saying the speaker is unnamed or anonymous. */
const ANONYMOUS_RU = /анонимн|анонімн|неназва|не назва|не пожелавш|пожелавш|попросивш|побажав|попросив|на условиях|на умовах/u;

/** Pronoun-like adjectives that point back ("этот дипломат", "той самий посадовець"): not a description. */
const NOT_DESCRIBING_RU = new Set('этот тот такой который каждый сам самый наш ваш свой другой той этой такая которая эта та наша ваша своя цей той такий який кожний кожен наш ваш свій самий інший'.split(' '));

/** Russian/Ukrainian adjectives of a country and the country's name in the genitive, as the record's aliases write it. */
const COUNTRY_GENITIVE: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^российск/u, ['России', 'РФ']],
  [/^украинск/u, ['Украины']],
  [/^белорусск/u, ['Белоруссии', 'Беларуси']],
  [/^американск/u, ['США']],
  [/^російськ/u, ['Росії', 'РФ']],
  [/^українськ/u, ['України']],
  [/^білоруськ/u, ['Білорусі']],
  [/^американськ/u, ['США']],
];

/** The record's body written "<body> <country>" for "<country adjective> <body>", or undefined. */
function countryGenitiveEntity(view: RecordView, adjective: string, body: string): Entity | undefined {
  const row = COUNTRY_GENITIVE.find(([re]) => re.test(adjective));
  if (!row) return undefined;
  for (const country of row[1]) {
    const alt = `${body} ${country}`;
    const m = view.matcher.scan(alt).find((x) => x.start === 0 && x.end === alt.length);
    const e = m ? view.entities.get(m.entityId) : undefined;
    if (e && e.type === 'organization' && view.isSpeakerType(e.id)) return e;
  }
  return undefined;
}

/** A role noun, allowing Russian/Ukrainian/German case endings (дипломата, радника, Präsidenten). */
function roleNoun(low: string): { gender: 'male' | 'female' | undefined } | undefined {
  const key = roleNounKey(low);
  return key === undefined ? undefined : { gender: ROLE_NOUNS.get(key) };
}

/** The listed form of a role noun written with a case ending ("посла" → "посол" is not found; "дипломата" → "дипломат"), or undefined. */
export function roleNounKey(low: string): string | undefined {
  if (ROLE_NOUNS.has(low)) return low;
  for (let cut = 1; cut <= 2 && cut < low.length - 3; cut++) {
    const stem = low.slice(0, -cut);
    if (ROLE_NOUNS.has(stem)) return stem;
  }
  return undefined;
}

const PLACE_MODIFIER_BEFORE = /(?:^|\s)(?:of|from|at|in|with)\s+(?:a|an)\s+$/iu;
const MODIFIER_BEFORE = /(?:^|\s)(?:von|vom|der|des|of|from|at|из|от|с|у|з|від|при)\s+$/iu;

/** Plural nouns for unnamed groups that speak ("officials said", "эксперты считают"). */
const COLLECTIVE_NOUNS = new Set(
  (
    'officials experts analysts diplomats observers critics sources volunteers residents police prosecutors investigators lawmakers ' +
    'scientists researchers doctors economists activists campaigners witnesses authorities groups military ' +
    'эксперты аналитики чиновники дипломаты наблюдатели источники волонтеры жители власти политологи военные ' +
    'експерти фахівці аналітики посадовці дипломати спостерігачі джерела волонтери мешканці політологи військові ' +
    'experten analysten diplomaten beobachter kritiker regierungsvertreter politologen militärs'
  ).split(' '),
);

/** A single unnamed source that speaks ("a source said", "источник сообщил", "eine Quelle sagte"). */
const UNNAMED_SOURCE = new Set(['source', 'источник', 'джерело', 'quelle', 'insider']);
const INDEFINITE_ARTICLES = new Set(['a', 'an', 'one', 'another', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its']);
const GERMAN_INDEFINITE = new Set(['ein', 'eine', 'einer', 'eines', 'einem', 'einen']);

/**
 * A word that can stand between "a" and a role noun: lower-case words that are no verb, article or preposition
 * ("senior", "former", "hochrangiger"), or a capitalised adjective of origin ("Western", "Ukrainian", "U.S.", "EU").
 */
function isAdjectiveLike(text: string, w: Token, lex: LexiconIndex): boolean {
  if (lex.verbs.has(w.low) || INDEFINITE_ARTICLES.has(w.low) || NOT_ADJECTIVE.has(w.low)) return false;
  if (!w.cap) return true;
  const written = text.slice(w.start, w.end + 1);
  return /(?:an|ian|ean|ese|ish|ern|ic|i)$/u.test(w.low) || /^[A-Z]\.$/u.test(written) || /^[A-Z]{2,4}$/u.test(text.slice(w.start, w.end)) || /(?:isch|ische|ischer|ischen)$/u.test(w.low);
}
const NOT_ADJECTIVE = new Set('the of to for in on at by with from and or but that who which der die das des dem den von für mit und oder'.split(' '));
const DEFINITE_ARTICLES = new Set(['the', 'das', 'der', 'die', 'den', 'dem', 'des']);
const SOURCE_ARTICLES = new Set(['a', 'an', 'the', 'one', 'eine', 'die', 'der']);

const OBLIQUE_PRONOUNS = new Set(['его', 'ее', 'её', 'их', 'його', 'її', 'їх', 'ihm', 'ihr']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'president', 'sen', 'senator', 'gov', 'governor', 'minister', 'chancellor', 'prime']);

/** Names seen so far in the document, by their last word: "Mr Obama" after "Barack Obama" is Barack Obama. */
export type NameMemory = Map<string, string>;

export interface CandidateInput {
  text: string;
  para: Range;
  tokens: readonly Token[];
  mentions: readonly Mention[];
  roleMentions: readonly Mention[];
  quotes: readonly QuoteSpan[];
  date?: string;
  names: NameMemory;
  /** A headline in title case ("Obama Visits Prison, Says …"): capitals mark no names there. */
  titleCase?: boolean;
  /** For a title-case headline: the full name ending in this word written elsewhere in the document, if any. */
  documentName?: (word: string) => string | undefined;
}

/** Longest paragraph read as a headline for a role noun without its article ("…, health chief says"). */
const HEADLINE_CHARS = 240;

const LETTER = /[\p{L}\p{M}]/u;
const NAME_BEFORE = /(?<![\p{L}\p{M}'’-])([\p{Lu}][\p{Ll}\p{M}'’-]+)[ \u00a0]+$/u;

/**
 * The full name ending in `word` ("Obama" → "Barack Obama": a capitalised word, not a title or function word, right
 * before it) written in the document outside its title-case lines: a title-case headline above the article may name
 * someone the article introduces only further down. A search for the word itself, not a scan of every name.
 */
export function documentName(text: string, word: string, titleLines: readonly Range[]): string | undefined {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    if ((at > 0 && LETTER.test(text.charAt(at - 1))) || LETTER.test(text.charAt(at + word.length))) continue;
    if (titleLines.some((r) => at >= r.start && at < r.end)) continue;
    const m = NAME_BEFORE.exec(text.slice(Math.max(0, at - 32), at));
    if (m && !NOT_NAME.has(normalizeWord(m[1]!))) return `${m[1]} ${word}`;
  }
  return undefined;
}

/**
 * A short line with most of its longer words capitalised is a title-case headline ("Peskov Says Talks Stalled",
 * "Obama Visits Prison, Says He Could Have Wound Up There"). German capitalises nouns, so there verbs and
 * adjectives must be capitalised too: the test counts every word of four letters or more after the first.
 */
export function isTitleCase(tokens: readonly Token[], para: Range): boolean {
  if (para.end - para.start > 240) return false;
  let long = 0;
  let caps = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.end - t.start < 4 || /\d/u.test(t.low)) continue;
    long++;
    if (t.cap) caps++;
  }
  return long >= 3 && caps >= long * 0.8;
}

/** One zeroed mask of covered units per paragraph, reused: a fresh typed array per paragraph costs more than the work. */
let maskBuffer = new Uint8Array(4096);
function coverMask(length: number): Uint8Array {
  if (maskBuffer.length < length) maskBuffer = new Uint8Array(Math.max(length, maskBuffer.length * 2));
  const m = maskBuffer.subarray(0, length);
  m.fill(0);
  return m;
}

/** Tokens a role noun may stand from the entity it is paired with: before it ("the Kremlin's press secretary") and after ("aide to the head of Ukraine's presidential office"). */
const COMPOSED_BEFORE = 3;
const COMPOSED_AFTER = 8;
/** What may not stand between a role noun and its entity. */
const COMPOSED_STOP = /[.,;:!?()«»“”„"]/u;

/**
 * Role phrases the record does not list word for word, put together from a head noun and an entity of the
 * record next to it ("the Kremlin's press secretary", "представителя украинского МИД", "Kremlsprechers"):
 * the holder of a role pairing the same kind of noun with the same entity (RecordView.composedRoleHolder).
 * Organizations and people next to the noun are tried before places; a place is tried only when no
 * organization or person stands there (then "adviser to Ukraine's defence minister" is nobody's role).
 */
function composedRoles(view: RecordView, lex: LexiconIndex, input: CandidateInput, listed: readonly Candidate[]): Candidate[] {
  const { text, tokens } = input;
  const out: Candidate[] = [];
  const inQuote = (pos: number) => input.quotes.some((q) => pos >= q.inner.start && pos < q.inner.end);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const noun = roleNounAt(lex, tokens, i);
    const compound = noun ? undefined : roleSuffixOf(lex, t.low);
    if (!noun && !compound) continue;
    const last = tokens[i + (noun ? noun.words.length : 1) - 1]!;
    if (inQuote(t.start) || listed.some((r) => r.start <= t.start && r.end >= last.end) || out.some((r) => r.end > t.start)) continue;
    const kind = (noun ?? compound)!.kind;
    const near: { entityId: string; start: number; end: number }[] = [];
    if (compound) {
      const prefix = text.slice(t.start, t.start + compound.at).replace(/[-s]$/u, '');
      for (const m of view.matcher.scan(prefix)) near.push({ entityId: m.entityId, start: t.start, end: t.end });
    } else {
      const from = tokens[Math.max(0, i - COMPOSED_BEFORE)]!.start;
      const to = tokens[Math.min(tokens.length - 1, i + noun!.words.length - 1 + COMPOSED_AFTER)]!.end;
      // Between the noun and its entity only lower-case words (articles, prepositions, adjectives) or other role
      // nouns: not a name, not a verb ("Представитель британского МИД Джеймс Холлоуэй назвал … Кремля" is no Kremlin role).
      const plain = (a: number, b: number) => {
        if (COMPOSED_STOP.test(text.slice(a, b))) return false;
        for (let k = firstAtOrAfter(tokens, a); k < tokens.length && tokens[k]!.end <= b; k++) {
          const w = tokens[k]!;
          if (lex.verbs.has(w.low) || (w.cap && !roleNounAt(lex, tokens, k) && !input.mentions.some((m) => m.start <= w.start && m.end >= w.end))) return false;
        }
        return true;
      };
      for (const m of input.mentions) {
        if (m.end <= t.start && m.start >= from && plain(m.end, t.start)) near.push(m);
        else if (m.start >= last.end && m.end <= to && plain(last.end, m.start)) near.push(m);
      }
      near.sort((a, b) => Math.min(Math.abs(a.start - last.end), Math.abs(t.start - a.end)) - Math.min(Math.abs(b.start - last.end), Math.abs(t.start - b.end)));
    }
    const isPlace = (id: string) => view.entities.get(id)?.type === 'place';
    const bodies = near.filter((m) => !isPlace(m.entityId));
    for (const m of bodies.length > 0 ? bodies : near) {
      const holder = view.composedRoleHolder(kind, m.entityId, input.date);
      if (!holder) continue;
      const e = view.entities.get(holder.entityId)!;
      const start = Math.min(t.start, m.start);
      const end = Math.max(last.end, m.end);
      out.push({
        ...roleCandidate(view, text, e, start, end, 'role-composed'),
        oblique: /[\u0400-\u04ff]/u.test(t.low) && !(lex.roleNouns.get(t.low)?.some((n) => n.words.length === 1) && lex.nominativeRoles.has(t.low)),
        composedFrom: m.entityId,
      });
      break;
    }
  }
  return out;
}


/** A speaker named by a role phrase at start..end of the text: the holder, with the phrase it was resolved from. */
function roleCandidate(view: RecordView, text: string, e: Entity, start: number, end: number, sieve: string): Candidate {
  return { start, end, entityId: e.id, name: e.label, type: e.type, via: 'role', gender: entityGender(view, e.id), media: false, sieve, resolvedFrom: { start, end, text: text.slice(start, end) } };
}


/** The folded words of tokens i..k joined by one space (a loop, not slice/map/join: no arrays on the hot path). */
function lowRun(tokens: readonly Token[], i: number, k: number): string {
  let s = tokens[i]!.low;
  for (let j = i + 1; j <= k; j++) s += ` ${tokens[j]!.low}`;
  return s;
}

/**
 * Every candidate with the same properties in the same order, absent ones undefined: one hidden class, so that the
 * sieves reading them (here and in find.ts) stay monomorphic instead of deoptimising on each new combination.
 */
function shaped(c: Candidate): Candidate {
  return {
    start: c.start,
    end: c.end,
    entityId: c.entityId,
    name: c.name,
    type: c.type,
    via: c.via,
    gender: c.gender,
    media: c.media,
    sieve: c.sieve,
    resolvedFrom: c.resolvedFrom,
    possessive: c.possessive ?? false,
    oblique: c.oblique ?? false,
    composedFrom: c.composedFrom,
    roleKind: c.roleKind,
    alsoSpeaks: c.alsoSpeaks,
  };
}

/** What the per-token candidate rules share with the scan of `findCandidates`. */
interface CandidateScan {
  text: string;
  tokens: readonly Token[];
  lex: LexiconIndex;
  view: RecordView;
  input: CandidateInput;
  out: Candidate[];
  add: (c: Candidate) => void;
  covered: (s: number, e: number) => boolean;
  inQuote: (pos: number) => boolean;
}

/**
 * Headlines drop the article: "NHS doctors feel 'dirty' …, health chief says", "…, minister says". A role noun (also
 * "chief", "head", which in running text open longer titles: "said chief inspector Jennifer Mattinson") with up to two
 * words describing it, opening a short paragraph or a phrase after a comma or dash, right before an English speech
 * verb, is a new unnamed speaker as written. The index of its last token, or -1.
 */
function headlineRole(sc: CandidateScan, i: number, rnEnd: number, multiWords: number): number {
  const { text, tokens, lex, add } = sc;
  const para = sc.input.para;
  if (para.end - para.start > HEADLINE_CHARS) return -1;
  const verbAfter = tokens[i + (multiWords > 0 ? multiWords : 1)];
  if (!verbAfter || !/^\s+$/u.test(text.slice(rnEnd, verbAfter.start)) || !lex.verbs.get(verbAfter.low)?.langs.includes('en')) return -1;
  let h = i;
  while (h > 0 && i - h < 2 && tokens[h - 1]!.start >= para.start && /^\s+$/u.test(text.slice(tokens[h - 1]!.end, tokens[h]!.start)) && !lex.verbs.has(tokens[h - 1]!.low) && !INDEFINITE_ARTICLES.has(tokens[h - 1]!.low) && !lex.pronouns.has(tokens[h - 1]!.low) && !NOT_ADJECTIVE.has(tokens[h - 1]!.low)) h--;
  const opener = tokens[h - 1];
  if (!(opener === undefined || opener.end <= para.start || /[,—–:]\s*$/u.test(text.slice(opener.end, tokens[h]!.start)))) return -1;
  const from = tokens[h]!.start;
  add({ start: from, end: rnEnd, entityId: null, name: text.slice(from, rnEnd), type: 'person', via: 'candidate', gender: roleNoun(tokens[i]!.low)?.gender, media: false, sieve: 'indefinite-role' });
  return i + (multiWords > 0 ? multiWords - 1 : 0);
}

/** Role heads that are read as one only in a headline (headlineRole). */
const HEADLINE_ROLE_HEADS = new Set(['chief', 'head', 'boss']);

/**
 * A role noun at token i ("a spokesman", "Zelensky's adviser", "Европейский посол", "the diplomat"): the candidate it
 * makes, and the index of its last token; -1 when it makes none. Its own function, apart from the scan of
 * `findCandidates`, so that each is optimised on its own (one function of both cost seconds of optimising compile).
 */
function roleNounCandidate(sc: CandidateScan, i: number): number {
  const { text, tokens, lex, view, out, add, covered, inQuote } = sc;
  const t = tokens[i]!;
  // "Ein Regierungssprecher sagte", "eine Ministeriumssprecherin erklärte": a German compound ending in a role noun after
  // an indefinite article is a new, unnamed speaker as written (the record's own compounds, "Kremlsprecher", were taken
  // by the role matcher and are covered).
  const article0 = tokens[i - 1];
  if (t.cap && article0 && GERMAN_INDEFINITE.has(article0.low) && /^\s+$/u.test(text.slice(article0.end, t.start)) && !roleNoun(t.low) && roleSuffixOf(lex, t.low) && !inQuote(t.start)) {
    add({ start: t.start, end: t.end, entityId: null, name: text.slice(t.start, t.end), type: 'person', via: 'candidate', gender: /in(?:nen)?$/u.test(t.low) ? 'female' : 'male', media: false, sieve: 'indefinite-role' });
    return i;
  }
  // A plural group noun ("officials say") is a collective, found below, not a role noun standing for one person.
  // "глава государства", "head of state": a role of several words the lexicons list, standing for one person.
  const multi = COLLECTIVE_NOUNS.has(t.low) ? undefined : roleNounAt(lex, tokens, i);
  const multiWords = multi && multi.words.length > 1 && !roleNoun(t.low) ? multi.words.length : 0;
  const rn = COLLECTIVE_NOUNS.has(t.low) ? undefined : roleNoun(t.low) ?? (multiWords > 0 ? { gender: undefined } : undefined);
  const rnEnd = multiWords > 0 ? tokens[i + multiWords - 1]!.end : t.end;
  if (!rn && HEADLINE_ROLE_HEADS.has(t.low) && !inQuote(t.start)) {
    const h = headlineRole(sc, i, t.end, 0);
    if (h >= 0) return h;
  }
  if (rn && !inQuote(t.start)) {
    // Not when a name follows ("Präsident Wladimir Putin", "President Obama"): the name is the speaker.
    const next = tokens[i + 1];
    const nextText = next ? text.slice(next.start, next.end) : '';
    const named = next && next.cap && /^\s+$/u.test(text.slice(t.end, next.start)) && !ORG_WORDS.has(next.low) && !/^[\p{Lu}]{2,}$/u.test(nextText) && (covered(next.start, next.end) || !NOT_NAME.has(next.low));
    const prev = tokens[i - 1];
    const title = prev && (TITLES.has(prev.low) || roleNoun(prev.low)) ;
    // "Ein Regierungssprecher sagte", "a spokesman said", "a senior official said", "a Western diplomat told
    // Reuters", "ein hochrangiger Diplomat": after an indefinite article (and up to three adjectives) a role noun is a
    // new, unnamed speaker as written, not someone named before.
    let adj = i;
    // ("U.S." is two words with full stops: one adjective.)
    const joined = (a: Token, b: Token) => /^\s+$/u.test(text.slice(a.end, b.start)) || (a.end - a.start === 1 && a.cap && /^\.\s*$/u.test(text.slice(a.end, b.start)));
    // A body's name may stand among them and only says whose the role is: "a senior European Union official", "a
    // Foreign Office spokeswoman", "a Turkish foreign ministry official" (a capitalised word, or words a record name covers).
    const describes = (w: Token) => isAdjectiveLike(text, w, lex) || ((w.cap || covered(w.start, w.end)) && !lex.verbs.has(w.low) && !INDEFINITE_ARTICLES.has(w.low) && !NOT_ADJECTIVE.has(w.low) && !lex.pronouns.has(w.low));
    while (adj > 0 && i - adj < 5 && joined(tokens[adj - 1]!, tokens[adj]!) && describes(tokens[adj - 1]!)) adj--;
    const article = tokens[adj - 1];
    if (!named && !title && article && INDEFINITE_ARTICLES.has(article.low) && /^\s+$/u.test(text.slice(article.end, tokens[adj]!.start))) {
      const from = tokens[adj]!.start;
      add({ start: from, end: rnEnd, entityId: null, name: text.slice(from, rnEnd), type: 'person', via: 'candidate', gender: rn.gender, media: false, sieve: 'indefinite-role' });
      i += multiWords > 0 ? multiWords - 1 : 0;
      return i;
    }
    if (!named && !title) {
      const h = headlineRole(sc, i, rnEnd, multiWords);
      if (h >= 0) return h;
    }
    // "Zelensky's spokesman said", "his adviser told reporters": someone else's role, a new unnamed speaker as written
    // (never the possessor); the record's own pairs ("the Kremlin's press secretary") were taken as composed roles.
    const possessor = prev && /^\s+$/u.test(text.slice(prev.end, t.start)) && (POSSESSIVE_PRONOUNS.has(prev.low) || /['’]s?$/u.test(text.slice(prev.start, prev.end)) && prev.cap);
    if (!named && !title && possessor) {
      let from = prev.start;
      const owner = tokens[i - 2];
      if (!POSSESSIVE_PRONOUNS.has(prev.low) && owner && owner.cap && /^\s+$/u.test(text.slice(owner.end, prev.start))) from = owner.start;
      add({ start: from, end: rnEnd, entityId: null, name: text.slice(from, rnEnd), type: 'person', via: 'candidate', gender: rn.gender, media: false, sieve: 'possessed-role' });
      i += multiWords > 0 ? multiWords - 1 : 0;
      return i;
    }
    // "Европейский посол в Киеве сказал", "Украинский дипломат рассказал", "Західний дипломат заявив": Russian and
    // Ukrainian have no article; an adjective before a role noun many people hold (not a single office such as the
    // president's) introduces a new, unnamed speaker as written.
    if (!named && multiWords === 0 && /[\u0400-\u04ff]/u.test(t.low)) {
      const key = roleNounKey(t.low);
      let a = i;
      while (a > 0 && i - a < 3 && /^\s+$/u.test(text.slice(tokens[a - 1]!.end, tokens[a]!.start)) && CYRILLIC_ADJECTIVE.test(tokens[a - 1]!.low) && !NOT_DESCRIBING_RU.has(tokens[a - 1]!.low) && !covered(tokens[a - 1]!.start, tokens[a - 1]!.end)) a--;
      // Unless a person of the record named earlier in the paragraph fits the role and the adjectives ("Сергей Лавров
      // прилетел в Анкару. Российский дипломат заявил …"): then the role noun refers back to them, as without adjectives.
      const kind = multi?.kind;
      const from = tokens[a]!.start;
      // A role phrase that says it is unnamed ("…, пожелавший остаться неназванным", "на условиях анонимности") is
      // someone new, never the person named before (review 8).
      const anonymous = ANONYMOUS_RU.test((text.slice(t.end, t.end + 90).split(/[.!?\n]/u)[0]) ?? '');
      const antecedent = !anonymous && kind !== undefined && out.some((c) => c.end <= from && c.entityId !== null && c.type === 'person' && c.via === 'name' && !c.media && view.fitsRole(c.entityId, kind) && describesPerson(view, tokens.slice(a, i), c.entityId));
      if (key !== undefined && COMMON_ROLES.has(key) && a < i && !antecedent) {
        add({ start: from, end: t.end, entityId: null, name: text.slice(from, t.end), type: 'person', via: 'candidate', gender: rn.gender, media: false, sieve: 'unnamed-role' });
        return i;
      }
    }
    if (!named && !title) {
      const kind = multi?.kind;
      add({ start: t.start, end: rnEnd, entityId: null, name: text.slice(t.start, rnEnd), type: 'person', via: 'pronoun', gender: rn.gender, media: false, sieve: 'role-noun-anaphor', ...(kind ? { roleKind: kind } : {}) });
      i += multiWords > 0 ? multiWords - 1 : 0;
      return i;
    }
  }
  return -1;
}

/** A capitalised run at token i: a new name, an outlet, or nothing. Returns the index of the run's last token. */
function capitalisedCandidate(sc: CandidateScan, i: number): number {
  const { text, tokens, lex, view, input, add, covered, inQuote } = sc;
  const t = tokens[i]!;
  if (!t.cap || NOT_NAME.has(t.low) || lex.verbs.has(t.low) || !CAP_WORD.test(text.slice(t.start, t.end))) return i;
  if (inQuote(t.start)) return i;
  // A run of capitalised words (with hyphens), the name as written.
  let j = i;
  while (
    j + 1 < tokens.length &&
    tokens[j + 1]!.cap &&
    /^\s+$/u.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start)) &&
    !covered(tokens[j + 1]!.start, tokens[j + 1]!.end) &&
    !lex.verbs.has(tokens[j + 1]!.low)
  )
    j++;
  const first = t;
  const last = tokens[j]!;
  const words = tokens.slice(i, j + 1);
  i = j;
  // In a title-case headline a run of capitals is no name: only the words of names written elsewhere speak there
  // ("Obama Visits Prison, Says …" after "Barack Obama"); names of the record come from the matcher. A run right
  // before a speech verb ("Amazon Says …", "Whole Foods Says …") is still taken as written.
  const verbNext = tokens[i + 1] !== undefined && lex.verbs.has(tokens[i + 1]!.low) && /^\s+$/u.test(text.slice(last.end, tokens[i + 1]!.start));
  if (input.titleCase && !verbNext) {
    for (const w of words) {
      if (w.end - w.start < 3 || NOT_NAME.has(w.low) || lex.verbs.has(w.low)) continue;
      const full = input.names.get(w.low) ?? input.documentName?.(text.slice(w.start, w.end));
      if (full && !covered(w.start, w.end)) add({ start: w.start, end: w.end, entityId: null, name: full, type: 'person', via: 'candidate', media: false, sieve: 'name-seen-before' });
    }
    return i;
  }
  let from = 0;
  // An outlet at the end of the run ("Agentur Interfax", "the news agency Reuters").
  // Suffixes of the run, longest first (built from the end, so each is one concatenation).
  const suffixes: string[] = [];
  for (let k = words.length - 1; k >= 0; k--) suffixes[k] = k === words.length - 1 ? words[k]!.low : `${words[k]!.low} ${suffixes[k + 1]}`;
  for (let k = 0; k < words.length; k++) {
    const low = suffixes[k]!;
    if (lex.media.has(low) || view.mediaAliases.has(low)) {
      const id = view.mediaAliases.get(low) ?? null;
      const start = words[k]!.start;
      add({ start, end: last.end, entityId: id, name: id ? view.entities.get(id)!.label : text.slice(start, last.end), type: 'organization', via: id ? 'name' : 'candidate', media: true, sieve: 'media-list' });
      from = -1;
      break;
    }
  }
  if (from < 0) return i;
  // A legal form or a head noun alone is no name ("Energy prices rose"): it makes an organization of a longer run.
  const org = words.some((w) => ORG_WORDS.has(w.low) || (words.length >= 2 && lex.organizationWords.has(w.low))) || (words.length === 1 && /^[\p{Lu}]{2,}$/u.test(text.slice(first.start, last.end)));
  // A person's name is the last two words of a longer run ("Kiewer Politologin Switlana Bondar").
  if (!org && words.length >= 3) from = words.length - 2;
  const w0 = words[from]!;
  // A legal form before a quoted name is one name: "ООО «Ромашка»", "ТОВ «Вектор Плюс»", "Firma „Nordlicht“".
  const quoted = org && lex.organizationWords.has(last.low) ? QUOTED_NAME_AFTER.exec(text.slice(last.end, last.end + 64)) : null;
  if (quoted) {
    const end = last.end + quoted[0].length;
    while (j + 1 < tokens.length && tokens[j + 1]!.start < end) j++;
    i = j;
    add({ start: w0.start, end, entityId: null, name: text.slice(w0.start, end), type: 'organization', via: 'candidate', media: false, sieve: 'legal-form-name' });
    return i;
  }
  const name = text.slice(w0.start, last.end);
  if (words.length - from === 1 && !org) {
    // One capitalised word: a person only after a title ("Mr Obama") or as the last word of a name seen before.
    // "По словам Ройтера" after "Штефан Ройтер": a Russian/Ukrainian case form of a surname seen before, never a subject.
    const inflected = input.names.has(w0.low) ? undefined : inflectedName(input.names, w0.low);
    const full = input.names.get(w0.low) ?? inflected;
    const prev = tokens[i - words.length];
    const titled = prev !== undefined && TITLES.has(prev.low);
    if (!full && !titled) {
      // Right before an English speech verb ("Obama admits …", "Turkey vows …", "her mother, Fiona, said"; German
      // capitalises every noun, so not there): a new speaker; a
      // person when set off by commas as an apposition, else (a company, a country) an organization.
      const next = tokens[i + 1];
      const gap = next ? text.slice(last.end, next.start) : '';
      if (!next || !lex.verbs.has(next.low) || !/^,?\s+$/u.test(gap) || !lex.verbs.get(next.low)!.langs.includes('en')) return i;
      const apposition = gap.startsWith(',') && /,\s*$/u.test(text.slice(Math.max(input.para.start, w0.start - 3), w0.start));
      if (gap.startsWith(',') && !apposition) return i;
      add({ start: w0.start, end: last.end, entityId: null, name, type: apposition ? 'person' : 'organization', via: 'candidate', media: false, sieve: 'name-before-verb' });
      return i;
    }
    add({ start: w0.start, end: last.end, entityId: null, name: full ?? name, type: 'person', via: 'candidate', media: false, sieve: full ? 'name-seen-before' : 'titled-name', ...(inflected ? { oblique: true } : {}) });
    return i;
  }
  // The first full name stays ("Barack Obama", then a caption "Five Obama moments" does not rename him).
  if (!org && words.length - from >= 2 && !input.names.has(last.low)) input.names.set(last.low, name);
  // "Российское Минобороны", "Українське Міноборони": a country's adjective before a body is the record's
  // "Минобороны России", "Міноборони України".
  const byCountry = org && words.length - from === 2 ? countryGenitiveEntity(view, words[from]!.low, text.slice(words[from + 1]!.start, last.end)) : undefined;
  if (byCountry) {
    add({ start: w0.start, end: last.end, entityId: byCountry.id, name: byCountry.label, type: byCountry.type, via: 'name', media: view.isMedia(byCountry.id), sieve: 'record-name-country-adjective' });
    return i;
  }
  add({
    start: w0.start,
    end: last.end,
    entityId: null,
    name,
    type: org ? 'organization' : 'person',
    via: 'candidate',
    media: false,
    sieve: org ? 'capitalised-organization' : 'capitalised-name',
  });
  return i;
}

export function findCandidates(view: RecordView, lex: LexiconIndex, input: CandidateInput): Candidate[] {
  const { text, tokens } = input;
  const out: Candidate[] = [];
  const inQuote = (pos: number) => input.quotes.some((q) => pos >= q.inner.start && pos < q.inner.end);

  // Role phrases first: a name inside or right after a role phrase refines it ("Kremlin spokesman Dmitry Peskov").
  const roles: Candidate[] = [];
  for (const m of input.roleMentions) {
    const holder = view.roleHolder(m.aliasIndex, input.date);
    if (!holder) continue;
    const e = view.entities.get(holder.entityId);
    if (!e) continue;
    roles.push({
      ...roleCandidate(view, text, e, m.start, m.end, holder.role.from || holder.role.to ? 'role-dated' : 'role'),
      oblique: /[\u0400-\u04ff]/u.test(text.slice(m.start, m.end)) && foldString(text.slice(m.start, m.end)) !== view.roleFolded[m.aliasIndex],
    });
  }

  roles.push(...composedRoles(view, lex, input, roles));
  roles.sort((a, b) => a.start - b.start);

  const names: Candidate[] = [];
  for (const m of input.mentions) {
    const e = view.entities.get(m.entityId);
    if (!e) continue;
    // An organization named inside a role phrase ("Kremlin" in "Kremlin spokesman") is not a speaker.
    if (roles.some((r) => m.start >= r.start && m.end <= r.end && e.type !== 'person')) continue;
    const written = text.slice(m.start, m.end);
    const lang = view.aliasLang[m.aliasIndex];
    const oblique = (lang === 'ru' || lang === 'uk' || /[\u0400-\u04ff]/u.test(written)) && foldString(written) !== view.aliasFolded[m.aliasIndex];
    if (view.isSpeakerType(e.id)) {
      const collective = e.type === 'collective' || (e.type === 'organization' && /metonymy|speaking as one/i.test(e.description ?? ''));
      names.push({
        start: m.start,
        end: m.end,
        entityId: e.id,
        name: e.label,
        type: e.type,
        via: collective ? 'collective' : 'name',
        gender: entityGender(view, e.id),
        media: view.isMedia(e.id),
        sieve: collective ? 'collective-name' : 'record-name',
        oblique,
      });
    } else if (e.speaksAs !== undefined && view.entities.has(e.speaksAs)) {
      const g = view.entities.get(e.speaksAs)!;
      names.push({
        start: m.start,
        end: m.end,
        entityId: g.id,
        name: g.label,
        type: g.type,
        via: 'collective',
        gender: 'plural',
        media: false,
        sieve: 'place-speaks-as',
        oblique,
        resolvedFrom: { start: m.start, end: m.end, text: text.slice(m.start, m.end) },
      });
    }
  }

  for (const r of roles) {
    // A person's name inside or right after the role phrase wins (the name is more specific); the role is dropped.
    const named = names.find((n) => n.via === 'name' && n.type === 'person' && n.start >= r.start && n.start <= r.end + 2 && n.entityId !== r.composedFrom);
    if (named) continue;
    // A name right before the role ("Peskov, the Kremlin spokesman") also wins.
    const before = names.find((n) => n.via === 'name' && n.end <= r.start && /^[\s,]*(?:the\s+|der\s+|des\s+)?$/iu.test(text.slice(n.end, r.start)));
    if (before) continue;
    out.push(shaped(r));
  }
  for (const n of names) out.push(shaped(n));

  // Pronouns and unknown capitalised names. `mask` marks the units already taken by a candidate (linear, not a scan of `out` per word).
  const base = input.para.start;
  const mask = coverMask(input.para.end - base);
  const take = (c: { start: number; end: number }) => mask.fill(1, Math.max(0, c.start - base), Math.max(0, c.end - base));
  for (const c of out) take(c);
  const covered = (s: number, e: number) => {
    for (let k = Math.max(0, s - base); k < e - base; k++) if (mask[k] === 1) return true;
    return false;
  };
  /** Every candidate from here on goes through `add`, so the mask knows its units. */
  const add = (c: Candidate) => {
    take(c);
    out.push(shaped(c));
  };
  const sc: CandidateScan = { text, tokens, lex, view, input, out, add, covered, inQuote };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (covered(t.start, t.end)) continue;
    const p = lex.pronouns.get(t.low);
    if (p) {
      // German "sie" is "they" as often as "she"; Sie (formal you) is capitalised mid-sentence.
      add({ start: t.start, end: t.end, entityId: null, name: text.slice(t.start, t.end), type: 'person', via: 'pronoun', gender: p.gender, media: false, sieve: 'pronoun', oblique: OBLIQUE_PRONOUNS.has(t.low) });
      continue;
    }
    // "the company said", "das Unternehmen teilte mit", "компания заявила": an organization named before (resolved with the pronouns).
    if (lex.organizationAnaphors.has(t.low) && !inQuote(t.start)) {
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      const latin = !/[\u0400-\u04ff]/u.test(t.low);
      // In English and German only after a definite article ("the company", "das Unternehmen"); not before a name ("the company Gazprom").
      const definite = !latin || (prev !== undefined && DEFINITE_ARTICLES.has(prev.low) && /^\s+$/u.test(text.slice(prev.end, t.start)));
      const named = next !== undefined && next.cap && /^\s+$/u.test(text.slice(t.end, next.start));
      if (definite && !named) {
        const start = latin && prev ? prev.start : t.start;
        add({ start, end: t.end, entityId: null, name: text.slice(start, t.end), type: 'organization', via: 'pronoun', gender: 'plural', media: false, sieve: 'organization-anaphor' });
        continue;
      }
    }
    const r = roleNounCandidate(sc, i);
    if (r >= 0) {
      i = r;
      continue;
    }
    // Outlets written in lower case or too ambiguous for the matcher ("dpa", "AP"): up to four words from the media list.
    let outlet = -1;
    if (lex.mediaFirst.has(t.low) || view.mediaAliases.has(t.low)) for (let k = Math.min(tokens.length - 1, i + 3); k >= i; k--) {
      const low = lowRun(tokens, i, k);
      if (lex.media.has(low) || view.mediaAliases.has(low)) {
        outlet = k;
        break;
      }
    }
    if (outlet >= 0 && !inQuote(t.start)) {
      const end = tokens[outlet]!.end;
      const low = lowRun(tokens, i, outlet);
      const id = view.mediaAliases.get(low) ?? null;
      add({ start: t.start, end, entityId: id, name: id ? view.entities.get(id)!.label : text.slice(t.start, end), type: 'organization', via: id ? 'name' : 'candidate', media: true, sieve: 'media-list' });
      i = outlet;
      continue;
    }
    i = capitalisedCandidate(sc, i);
  }
  // Lower-case organizations ("МИД России" is caught by the matcher; "the foreign ministry" is left alone).
  for (const c of out) {
    if (/['’]s?$/u.test(text.slice(Math.max(c.start, c.end - 2), c.end)) && c.via !== 'role') c.possessive = true;
    // "Jan Kowalski von der Universität Krakau", "Клаус Беренс из Фонда": a name after a preposition modifies, it does not speak.
    if (c.via === 'candidate' && MODIFIER_BEFORE.test(text.slice(Math.max(0, c.start - 12), c.start))) c.oblique = true;
    // "Iryna Bondar of a Kyiv university", "an expert from a Moscow institute": a place after "of a" describes a thing.
    if (c.sieve === 'place-speaks-as' && PLACE_MODIFIER_BEFORE.test(text.slice(Math.max(0, c.start - 12), c.start))) c.oblique = true;
  }
  // Unnamed groups speaking: "experts say", "фахівці попереджають", "Experten warnen".
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (UNNAMED_SOURCE.has(t.low) && !covered(t.start, t.end) && !inQuote(t.start)) {
      // "a source said", "a senior political source told Reuters", "источник сообщил": named as written, from its article.
      let k = i;
      while (k > 0 && i - k < 3 && /^\s+$/u.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start)) && !tokens[k - 1]!.cap && !covered(tokens[k - 1]!.start, tokens[k - 1]!.end) && !lex.verbs.has(tokens[k - 1]!.low)) {
        k--;
        if (SOURCE_ARTICLES.has(tokens[k]!.low)) break;
      }
      const start = SOURCE_ARTICLES.has(tokens[k]!.low) || k === i ? tokens[k]!.start : t.start;
      add({ start, end: t.end, entityId: null, name: text.slice(start, t.end), type: 'person', via: 'candidate', gender: undefined, media: false, sieve: 'unnamed-source' });
      continue;
    }
    if (!COLLECTIVE_NOUNS.has(t.low) || covered(t.start, t.end) || inQuote(t.start)) continue;
    const prev = tokens[i - 1];
    const adj = prev && /^\s+$/u.test(text.slice(prev.end, t.start)) && /(?:ian|ish|ern|ean|ese|ий|ые|ие|і|ські|цькі|ische|ischen|ische)$/u.test(prev.low) && !covered(prev.start, prev.end) ? prev : undefined;
    const start = adj?.start ?? t.start;
    // "Ukrainian experts and officials say": the adjective goes with both groups, and both speak.
    const pair = !adj && prev && AND.has(prev.low) ? out.find((c) => c.via === 'collective' && !c.media && c.end === tokens[i - 2]?.end) : undefined;
    const pairAdj = pair && pair.start < tokens[i - 2]!.start ? text.slice(pair.start, tokens[i - 2]!.start) : '';
    const name = pairAdj + text.slice(start, t.end);
    // A pair's name may be a group of the record ("Ukrainian officials").
    const known = pairAdj ? view.matcher.scan(name).find((m) => m.start === 0 && m.end === name.length && view.entities.get(m.entityId)?.type === 'collective') : undefined;
    const e = known ? view.entities.get(known.entityId)! : undefined;
    add({ start, end: t.end, entityId: e?.id ?? null, name: e?.label ?? name, type: e ? e.type : 'organization', via: 'collective', gender: 'plural', media: false, sieve: 'collective-noun', ...(pair ? { alsoSpeaks: pair } : {}) });
  }
  out.sort((a, b) => a.start - b.start);
  // "a European ambassador in Kyiv said", "ein Diplomat in Moskau sagte": a place right after another speaker and "in"
  // says where that speaker is; it does not speak.
  for (let k = 1; k < out.length; k++) {
    const c = out[k]!;
    if (c.sieve !== 'place-speaks-as') continue;
    const gap = text.slice(out[k - 1]!.end, c.start);
    if (out[k - 1]!.end <= c.start && /^\s+(?:in|im|в|у)\s+$/iu.test(gap) && out[k - 1]!.sieve !== 'place-speaks-as') c.oblique = true;
  }
  // "a senior U.S. official", "Zelensky's spokesman": a name inside an unnamed speaker's phrase only describes them.
  for (const c of out) {
    if (c.sieve !== 'indefinite-role' && c.sieve !== 'possessed-role') continue;
    for (const o of out) if (o !== c && o.start >= c.start && o.end <= c.end) o.oblique = true;
  }
  return out;
}
