/**
 * The concept layer's format (corpus/concepts.json): what claims and recorded
 * positions talk about, independent of language. Each concept has its words
 * in the four languages of the record; the words are compiled by the mention
 * matcher (src/core/match) with its inflection rules, so "перемирие",
 * "перемирия", "Waffenruhe" and "ceasefires" all find `ceasefire`.
 */
import * as v from 'valibot';

export const CONCEPTS_FORMAT_VERSION = 1;

/** The languages every concept must have words in. */
export const CONCEPT_LANGUAGES = ['en', 'ru', 'uk', 'de'] as const;
export type ConceptLanguage = (typeof CONCEPT_LANGUAGES)[number];

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'concept ids are lower-case letters, digits and "-"'), v.maxLength(80));
const Word = v.pipe(v.string(), v.trim(), v.minLength(1, 'a word must not be empty'), v.maxLength(120));
const Words = v.pipe(v.array(Word), v.minLength(1, 'each language needs at least one word'));

/**
 * topic: what is talked about (default). stance: an attitude with a polarity
 * (readiness +1, refusal -1). act: something done or not done (offer, sign):
 * negated as a stance is ("never offered", "not to sign") and compared by that
 * sign, but no attitude (a negated act refuses nothing). condition: marks a
 * condition ("only if", "as long as"). negation: a negating word with meaning
 * of its own ("never").
 */
export const ConceptKind = v.picklist(['topic', 'stance', 'act', 'condition', 'negation']);

const Label = v.pipe(v.string(), v.trim(), v.minLength(1, 'a label must not be empty'), v.maxLength(200));

/**
 * The languages a concept's name is shown in (the interface's: uk, ru; de for the CLI and a future German
 * interface). `label` is the English one and the fallback.
 */
export const LABEL_LANGUAGES = ['uk', 'ru', 'de'] as const;
export type LabelLanguage = (typeof LABEL_LANGUAGES)[number];

export const Concept = v.object({
  id: Id,
  /** The name shown to users in English, and wherever `labels` has none for the interface language. */
  label: Label,
  /** The name in other interface languages (audit 10 A17): strict, so a misspelt language key is refused. */
  labels: v.optional(v.strictObject({ uk: v.optional(Label), ru: v.optional(Label), de: v.optional(Label) })),
  kind: v.optional(ConceptKind),
  /** For a stance: +1 (readiness, acceptance) or -1 (refusal, impossibility). */
  polarity: v.optional(v.picklist([1, -1])),
  /** The other pole(s) of a stance or topic (readiness ↔ refusal, victory ↔ defeat). Symmetric: one side is enough. */
  opposite: v.optional(v.array(Id)),
  /** Broader concepts: a text about a narrower one is also about these (peace talks → negotiations). */
  broader: v.optional(v.array(Id)),
  /** Present in a text when all of these are (readiness + negotiations → readiness to negotiate). */
  allOf: v.optional(v.array(Id)),
  /**
   * A topic a demand names whole unless it says otherwise (troops, their withdrawal, territories, prisoners to
   * exchange): a claim narrowing it to a part ("a partial withdrawal", "часть войск", "einen Teil der Truppen")
   * contradicts a record that names it without a scope. "Some of the talks" narrows nothing: talks are not scoped.
   */
  scoped: v.optional(v.boolean()),
  /**
   * A topic that is something a side does (withdrawing, shelling, recognising), so it has an agent whose side is
   * compared ("who does what to whom"); stances and acts have one too. Things and adverbs (territories, "still") have none.
   */
  done: v.optional(v.boolean()),
  /**
   * A word that qualifies what else is said ("still", "never", "fully", "many", "at any moment") and names no subject of
   * its own: a text whose only concepts are modifiers is about none of them ("the metro will run all night" is no
   * completeness of anything the record says).
   */
  modifier: v.optional(v.boolean()),
  words: v.object({ en: Words, ru: Words, uk: Words, de: Words }),
});

export const ConceptSet = v.object({
  $schema: v.optional(v.string()),
  formatVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  id: Id,
  title: v.string(),
  description: v.optional(v.string()),
  version: v.string(),
  concepts: v.array(Concept),
});

export type ConceptKind = v.InferOutput<typeof ConceptKind>;
export type Concept = v.InferOutput<typeof Concept>;
export type ConceptSet = v.InferOutput<typeof ConceptSet>;

/**
 * A concept's name in the interface language `locale` ("uk", "ru-RU", "de"): its label in that language, else the
 * English label.
 */
export function conceptLabel(concept: Pick<Concept, 'label' | 'labels'>, locale: string): string {
  const base = locale.replace('_', '-').split('-')[0]!.toLowerCase();
  return (LABEL_LANGUAGES as readonly string[]).includes(base) ? (concept.labels?.[base as LabelLanguage] ?? concept.label) : concept.label;
}
