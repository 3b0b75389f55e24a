/**
 * The OnRecord corpus format: one runtime schema (valibot) from which the
 * TypeScript types and the JSON Schema (docs/corpus.schema.json) are derived.
 * Referential checks (dangling ids, offsets, verbatim quotes) live in
 * validate.ts; this file only describes shape.
 */
import * as v from 'valibot';
import { httpUrl } from '../schema/http-url.ts';

/** The format this build reads and writes. A corpus with a higher number is refused. */
export const FORMAT_VERSION = 1;

const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case letters, digits, ".", "_" or "-", starting with a letter or digit'),
  v.maxLength(120),
);
const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const IsoDay = v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD'));
const Lang = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "en" or "uk"'));

export const DatePrecision = v.picklist(['day', 'month', 'year']);

/** A date known to lie between `from` and `to` (inclusive), shown at `precision`. */
export const DateRange = v.pipe(
  v.object({
    from: IsoDay,
    to: IsoDay,
    precision: DatePrecision,
    /** The evidence that dated it, e.g. "353 days after the invasion of 24 February 2022". */
    reasoning: v.optional(v.string()),
    /**
     * No date was found (a candidate of \`onrecord extract\` from an undated article): \`from\` and \`to\` are only
     * the day it was read, not a date. Allowed on candidate positions and their sources only: a reviewer sets the
     * date (and drops this mark) before accepting; validation and merge refuse it anywhere else.
     */
    unknown: v.optional(v.literal(true)),
  }),
  v.check((d) => d.from <= d.to, '"from" must not be after "to"'),
);

export const Side = v.object({
  id: Id,
  label: NonEmpty,
  /** Side ids whose positions are shown as "the other side". */
  opposes: v.optional(v.array(Id), []),
});

export const Source = v.object({
  id: Id,
  title: NonEmpty,
  /** The outlet as far as the text shows; "unknown" is allowed and then `outletEvidence` says why. */
  outlet: NonEmpty,
  outletEvidence: v.optional(v.string()),
  url: v.optional(httpUrl('must be an absolute http or https address')),
  /** File name of the text, relative to the corpus file's `textDir` (for the seeds, e.g. "000_bbdc91fdf906eb6d.txt"). */
  file: v.optional(NonEmpty),
  /** The full text, when it is carried inside the corpus instead of in a file. */
  text: v.optional(v.string()),
  language: Lang,
  published: DateRange,
  /** Notes on the outlet's framing (word choices such as "Kiev", "sham republics"): never anyone's position. */
  framing: v.optional(v.array(NonEmpty), []),
});

export const EntityType = v.picklist(['person', 'organization', 'collective', 'place', 'event', 'topic']);

export const Alias = v.object({
  /** The surface form as the press writes it. Matching folds case, diacritics, quotes, dashes and whitespace. */
  text: NonEmpty,
  /** Language of this form; selects the inflection rules (en possessive, de genitive, ru/uk case endings). */
  lang: v.optional(Lang),
  /** Too ambiguous to match without context (a bare "Johnson", "Istanbul"): see docs/matching.md. */
  ambiguous: v.optional(v.boolean()),
  /**
   * An ambiguous alias whose other sense is a common noun, written in lowercase ("turkey" the bird): capitalised
   * inside a sentence (not its first word, not in a headline in title case or a run of capitals) it is the name,
   * with no context word needed (docs/matching.md, "Ambiguous aliases").
   */
  lowercaseSense: v.optional(v.boolean()),
  /**
   * An ambiguous alias whose other senses do not occur in news about the record (Turkey, Washington, Bennett):
   * with no context word near, it counts on a page (or in a block) about the record, like a topic
   * (docs/matching.md, "Ambiguous aliases"). Not for names a war page also uses for something else (a city
   * that is not the oblast, Istanbul the city, Speaker Johnson).
   */
  confirmedByPage: v.optional(v.boolean()),
  /** Apply the language's suffix set for names (default true). */
  inflect: v.optional(v.boolean()),
  /** The text is a stem: also match the language's word-formation endings (annex → annexed, annexation). */
  stem: v.optional(v.boolean()),
  /** May open a German compound whose head names the entity (Kreml → Kremlsprecher). */
  compound: v.optional(v.boolean()),
  /**
   * Case rule (docs/matching.md, "Case and form"): "caps" — only in capitals (an acronym: US, UK, UN, РФ);
   * "capital" — with at least one capital letter (a lowercase-only "belarus" or "uk" is no name);
   * "any" — in any case; "lower" — only in lowercase (dpa: the agency writes itself so, while "DPA" in capitals
   * is a data-protection authority or a data processing agreement). Default: "capital" when the text has a
   * capital letter, else "any".
   */
  case: v.optional(v.picklist(['caps', 'capital', 'any', 'lower'])),
  /** Languages in which this spelling is a common word ("un" in French and Spanish, "us" in English): the language guard applies. */
  commonWordIn: v.optional(v.array(Lang)),
  /** A common noun ("talks", "mediator"): drawn only on pages about the record's subject, like a topic. */
  common: v.optional(v.boolean()),
  /**
   * A word that is the record's only in a sentence about its subject ("verhandeln": a court and a union negotiate
   * too; "нейтральність": a judge's): besides the page gate of a topic or a common noun, drawn only when an actor,
   * place or event of the record stands in its own sentence (docs/matching.md, "Relevance").
   */
  sentence: v.optional(v.boolean()),
  /**
   * A place name that often ends another proper name ("Mozilla Europe", "Radio Free Europe", "Breitbart
   * Jerusalem"): a capitalised word right before it that is no title, qualifier or sentence opener makes it
   * part of that name (docs/matching.md, "Case and form"). On an organization named after its building (the
   * Kremlin) only another city's name or adjective before it does ("the Kazan Kremlin"), or "of <city>" after it.
   */
  partOfNames: v.optional(v.boolean()),
  /**
   * Languages in which this spelling names something else (the German "Europa" is Jupiter's moon or the
   * Europa League in English): not a mention where the words around it are of one of these languages.
   */
  otherSenseIn: v.optional(v.array(Lang)),
  /**
   * Words that show the spelling's other sense nearby (within the context window, as word prefixes): "Jupiter",
   * "moon", "Mond" for Europa. Not a mention when one of them is near.
   */
  otherSenseWords: v.optional(v.array(NonEmpty)),
  /**
   * The head noun of an action named by its object (ru "вывод", uk "виведення": also a conclusion, an output, the
   * withdrawal of funds or of goods from shelves): counts only when one of these words starts a word among the next
   * few words of its clause ("вывода российских войск", "вывод ВСУ"); a word ending in "-" is a stem (any ending), the
   * others are whole words (docs/matching.md, "Session 11").
   */
  objectWords: v.optional(v.array(NonEmpty)),
  /** Where this spelling comes from, e.g. "typo in seed 004". */
  note: v.optional(v.string()),
});

/**
 * An office or function an entity held, with the dates it held it: role
 * phrases in articles ("the Kremlin spokesman", "пресс-секретарь Кремля",
 * "Kremlsprecher") resolve to the entity holding the role on the article's
 * date. `aliases` are matched with the matcher's alias and inflection rules.
 */
export const Role = v.pipe(
  v.object({
    label: NonEmpty,
    /** First day in the role; absent when it began before anything the corpus covers. */
    from: v.optional(IsoDay),
    /** Last day in the role; absent while it is held. */
    to: v.optional(IsoDay),
    aliases: v.array(Alias),
  }),
  v.check((r) => r.from === undefined || r.to === undefined || r.from <= r.to, '"from" must not be after "to"'),
);

export const Gender = v.picklist(['female', 'male']);

export const Entity = v.object({
  id: Id,
  type: EntityType,
  label: NonEmpty,
  /** Role or description, e.g. "Kremlin spokesman". */
  description: v.optional(v.string()),
  /** A side id from `corpus.sides`, when the entity belongs to one. */
  side: v.optional(Id),
  /** Affiliation in words, e.g. "Office of the President of Ukraine". */
  affiliation: v.optional(v.string()),
  aliases: v.array(Alias),
  /** Words that, near an ambiguous alias, confirm this entity is meant (word starts); ">draft": only as the word right after the alias. */
  context: v.optional(v.array(NonEmpty), []),
  /** Offices held, with their dates (people): how role phrases in articles find their speaker. */
  roles: v.optional(v.array(Role)),
  /** For people: lets pronouns ("she", "вона", "sie") and gendered verb forms ("заявила") resolve. */
  gender: v.optional(Gender),
  /**
   * For places: the entity that speaks when the place is the subject of a
   * speech verb ("Moscow said" → the Russian government).
   */
  speaksAs: v.optional(Id),
});

export const LinkType = v.picklist(['contradicts', 'reaffirms', 'responds-to', 'shifts-from']);

export const PositionLink = v.object({
  type: LinkType,
  target: Id,
  note: v.optional(v.string()),
});

export const Span = v.pipe(
  v.object({
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.check((s) => s.start < s.end, '"start" must be less than "end"'),
);

/** A reviewed position has no status; one found by `onrecord extract` is a candidate until a person accepts it. */
export const PositionStatus = v.picklist(['candidate', 'accepted', 'rejected']);

export const Position = v.pipe(
  v.object({
    id: Id,
    /** Absent for reviewed positions. */
    status: v.optional(PositionStatus),
    /** For a candidate: how it was found (speaker, cue, the sieves that decided), for the reviewer. */
    evidence: v.optional(v.string()),
    /** The entity whose position this is. */
    actor: Id,
    /** Who relayed it, for second-hand statements (what Peskov says Putin said). */
    reportedBy: v.optional(Id),
    topics: v.array(Id),
    /** One neutral sentence stating the position. */
    stance: NonEmpty,
    /** Verbatim words, exactly as the source prints them, found inside `passage`. */
    quote: v.optional(NonEmpty),
    /** Near-verbatim indirect speech. */
    paraphrase: v.optional(NonEmpty),
    /** How it was said: "televised interview", "Twitter", "state television", … */
    medium: v.optional(v.string()),
    date: DateRange,
    source: Id,
    /** UTF-16 offsets (end exclusive) of the supporting passage in the source text. */
    passage: Span,
    links: v.optional(v.array(PositionLink), []),
  }),
  v.check((p) => p.quote !== undefined || p.paraphrase !== undefined, 'a position needs a "quote" or a "paraphrase"'),
);

export const Corpus = v.object({
  formatVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  id: Id,
  title: NonEmpty,
  description: v.optional(v.string()),
  /** The corpus's own version, e.g. "2026.11.1"; a higher one replaces an installed copy. */
  version: NonEmpty,
  /** Folder of the source text files, relative to the corpus file. */
  textDir: v.optional(v.string()),
  sides: v.optional(v.array(Side), []),
  sources: v.array(Source),
  entities: v.array(Entity),
  positions: v.array(Position),
});

export type DatePrecision = v.InferOutput<typeof DatePrecision>;
export type DateRange = v.InferOutput<typeof DateRange>;
export type Side = v.InferOutput<typeof Side>;
export type Source = v.InferOutput<typeof Source>;
export type EntityType = v.InferOutput<typeof EntityType>;
export type Alias = v.InferOutput<typeof Alias>;
export type Entity = v.InferOutput<typeof Entity>;
export type Role = v.InferOutput<typeof Role>;
export type Gender = v.InferOutput<typeof Gender>;
export type PositionStatus = v.InferOutput<typeof PositionStatus>;
export type LinkType = v.InferOutput<typeof LinkType>;
export type PositionLink = v.InferOutput<typeof PositionLink>;
export type Span = v.InferOutput<typeof Span>;
export type Position = v.InferOutput<typeof Position>;
export type Corpus = v.InferOutput<typeof Corpus>;
export type CorpusInput = v.InferInput<typeof Corpus>;

/** A corpus value through the schema (defaults applied), for tests and tools that read a known-good file. */
export function parseCorpusShape(input: unknown): Corpus {
  return v.parse(Corpus, input);
}
