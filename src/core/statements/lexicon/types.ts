/**
 * The shape of a statement-finder lexicon: one data module per language,
 * reviewed like code (docs/extraction.md). Every word is written as the press
 * prints it, lower case; matching folds case, ё/е and typographic apostrophes.
 */
export interface CueVerb {
  /** Dictionary form, reported as the cue's lemma. */
  lemma: string;
  /** Every inflected form that counts (past m/f/pl, present, participle or gerund). */
  forms: string[];
  /** Forms that say the speaker is female (ru/uk past tense -ла): used to check pronouns and candidates. */
  female?: string[];
  /** Forms that say the subject is plural. */
  plural?: string[];
  /** Words one of which must follow in the verb's clause for it to report speech ("hält … für", "sprach … von"). */
  needs?: string[];
  /** The words begin after the needed word ("sprach … von „gewissen Entwicklungen“"), not right after the verb. */
  afterNeed?: boolean;
  /**
   * An opinion ("считает", "вважає", "glaubt", "уверен"): reported only for a speaker the article quotes or spoke to,
   * never for a collective ("Украинские эксперты считают …": the extraction set's guidelines).
   */
  opinion?: boolean;
  /** Reports only with a clause opened right after it by a complementizer ("уверен, что …", "ist überzeugt, dass …"). */
  thatClause?: boolean;
  /**
   * Speech only before a clause, a colon or a quote: "made clear that …", "machte deutlich, dass …" / "…: …"; not
   * "made clear gains", "machte deutlich mehr" (an adjective or adverb of the same spelling).
   */
  clauseAfter?: boolean;
}

/** Kinds of role head nouns: the synonyms of one kind name the same role ("spokesman", "press secretary", "речник"). */
export type RoleKind = 'spokesperson' | 'adviser' | 'president' | 'head' | 'minister' | 'director' | 'prime-minister' | 'deputy' | 'diplomat';

export interface Lexicon {
  lang: 'en' | 'ru' | 'uk' | 'de';
  /** Speech verbs: "X said", "“…,” said X", "X заявил, что …". A form of several words ("ruled out", "дал понять") is a fixed phrase. */
  verbs: CueVerb[];
  /** Phrases before the speaker: "according to X", "по словам X", "laut X". Multi-word, space separated. */
  before: string[];
  /** Phrases after the speaker: "X zufolge". */
  after: string[];
  /**
   * Verbs whose subject is normally a news outlet: "сообщает РИА Новости",
   * "reports Reuters", "berichtet dpa". With a media subject they mark the
   * source; with a person they are ordinary speech verbs.
   */
  sourceVerbs: CueVerb[];
  /** Phrases that introduce the outlet that reported it: "as reported by", "со ссылкой на". */
  sourceBefore: string[];
  /** Words that open the reported clause and are not part of it: that, что, що, dass. */
  complementizers: string[];
  pronouns: { male: string[]; female: string[]; plural: string[] };
  negation: string[];
  /** Multi-word phrases first: the longest match wins. */
  conditions: string[];
  readiness: string[];
  refusal: string[];
  /** Abbreviations that end in a full stop without ending the sentence (without the final "."). */
  abbreviations: string[];
  /**
   * Connectives that open a sentence adding to what the previous one reported ("Also, …", "Кроме того, …", "Крім
   * того, …", "Außerdem …"): such a sentence with no cue of its own goes on with the previous statement's speaker.
   */
  continuers: string[];
  /**
   * What keeps such a sentence reported (a demand going on): an infinitive or clause opener right after the
   * connective ("Also, to accept …", "Кроме того, чтобы …") …
   */
  continuationOpeners: string[];
  /** … or a word of obligation in it ("must", "должен", "має", "müsse"). Without either, "In addition, the apparatus sees …" is the writer's own sentence. */
  obligations: string[];
  /**
   * Section labels that open a title before a colon ("In pictures: …", "Фоторепортаж: …", "Liveblog: …"): such a
   * title names a gallery, a video or a live page, not words, even with a speaker after a dash at its end.
   */
  sectionLabels?: string[];
  /** German only: separable particles that close a speech verb ("teilte … mit", "fügte … hinzu") and are not the words. */
  particles?: string[];
  /** German only: Konjunktiv I forms that carry reported speech on into the next sentence. */
  subjunctive?: string[];
  /**
   * Head nouns of role phrases by kind, with their inflected forms, multi-word ones space separated: with an
   * organization, place or person of the record next to them ("the Kremlin's press secretary", "представитель
   * украинского МИД", "aide to the head of Ukraine's presidential office") they name whoever holds a role of the
   * record whose phrases pair the same kind with the same entity. German forms also end compounds ("Kremlsprechers").
   */
  roleNouns: Partial<Record<RoleKind, string[]>>;
  /**
   * What an entity's description says that makes it fit a role kind its role phrases do not name ("Deputy Foreign
   * Minister" fits "the diplomat"): a pattern per kind, matched against the English description of the record.
   */
  roleDescriptions?: Partial<Record<RoleKind, string>>;
  /**
   * Russian/Ukrainian only: the nominative forms of the one-word role nouns ("представитель", not
   * "представителя"). A composed role phrase opening with another form is inflected and never a subject.
   */
  nominativeRoles?: string[];
  /**
   * Nouns by which the press refers back to an organization named before ("the company said", "das
   * Unternehmen teilte mit", "компания заявила", "відомство повідомило"): resolved to the nearest earlier
   * organization, never to a person.
   */
  organizationAnaphors: string[];
  /**
   * Words that make a capitalised name an organization's rather than a person's: legal forms ("Inc", "Ltd",
   * "GmbH", "ООО", "ТОВ") and head nouns ("Holdings", "Foods", "Bank", "Konzern", "Банк"). A name the record does
   * not know is typed an organization only with one of them (or a word of the built-in organization list), so that
   * "the company said" never refers back to "John Smith".
   */
  organizationWords: string[];
  /** Words removed from the cue lists because they gave false positives on the dev split, and why. */
  removed: { word: string; why: string }[];
}
