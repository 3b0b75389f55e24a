/** The four lexicons merged into lookup tables, built once per module load. */
import { LEXICONS, type Lexicon } from './lexicon/index.ts';
import type { RoleKind } from './lexicon/types.ts';
import { MEDIA_NAMES } from './lexicon/media.ts';
import { normalizeWord } from './text.ts';
import type { Lang } from './types.ts';

export interface VerbEntry {
  lemma: string;
  lang: Lang;
  /** Every language that has this form (заявила: ru and uk). */
  langs: Lang[];
  /** The lemma in each of those languages. */
  lemmas: Partial<Record<Lang, string>>;
  female: boolean;
  plural: boolean;
  /** Words one of which must follow in the clause (lexicon `needs`). */
  needs?: string[];
  afterNeed?: boolean;
  opinion?: boolean;
  thatClause?: boolean;
  clauseAfter?: boolean;
}

export type PhraseKind = 'before' | 'after' | 'sourceBefore' | 'condition' | 'readiness' | 'refusal';

export interface PhraseEntry {
  words: string[];
  kind: PhraseKind;
  lang: Lang;
  text: string;
}

export interface LexiconIndex {
  verbs: Map<string, VerbEntry>;
  /** Speech verbs of several words ("ruled out", "дал понять", "machte deutlich") by their first word, longest first. */
  verbPhrases: Map<string, { words: string[]; verb: VerbEntry }[]>;
  sourceVerbs: Map<string, VerbEntry>;
  /** Multi- and single-word phrases by their first word, longest first. */
  phrases: Map<string, PhraseEntry[]>;
  pronouns: Map<string, { lang: Lang; gender: 'male' | 'female' | 'plural' }>;
  negation: Set<string>;
  complementizers: Set<string>;
  abbreviations: Set<string>;
  subjunctive: Set<string>;
  media: Set<string>;
  /** First words of the outlet names (a cheap test before joining words). */
  mediaFirst: Set<string>;
  /** Role head nouns by their first word, longest first ("press secretary", "пресс-секретаря"). */
  roleNouns: Map<string, { words: string[]; kind: RoleKind }[]>;
  /** Nominative forms of the Russian/Ukrainian one-word role nouns (lexicon `nominativeRoles`). */
  nominativeRoles: Set<string>;
  /** Nouns that refer back to an organization ("the company"), every language. */
  organizationAnaphors: Set<string>;
  /** Words that make a capitalised name an organization's (lexicon `organizationWords`). */
  organizationWords: Set<string>;
  /** Sentence-opening connectives that continue the previous statement (lexicon `continuers`), as word lists. */
  continuers: string[][];
  /** What keeps a continued sentence reported (lexicon `continuationOpeners`, `obligations`). */
  continuationOpeners: Set<string>;
  obligations: Set<string>;
  /** Section labels before a title's colon (lexicon `sectionLabels`), as word lists. */
  sectionLabels: string[][];
  /** German separable particles of speech verbs (lexicon `particles`). */
  particles: Set<string>;
  /** German role nouns that may end a compound ("Kremlsprecher", "Außenamtssprecherin"), longest first. */
  roleSuffixes: { suffix: string; kind: RoleKind }[];
}

function build(): LexiconIndex {
  const ix: LexiconIndex = {
    verbs: new Map(),
    verbPhrases: new Map(),
    sourceVerbs: new Map(),
    phrases: new Map(),
    pronouns: new Map(),
    negation: new Set(),
    complementizers: new Set(),
    abbreviations: new Set(),
    subjunctive: new Set(),
    media: new Set(MEDIA_NAMES.map((m) => m.split(/\s+/).map(normalizeWord).join(' '))),
    mediaFirst: new Set(MEDIA_NAMES.map((m) => normalizeWord(m.split(/\s+/)[0]!))),
    roleNouns: new Map(),
    roleSuffixes: [],
    nominativeRoles: new Set(),
    organizationAnaphors: new Set(),
    organizationWords: new Set(),
    particles: new Set(),
    sectionLabels: [],
    continuers: [],
    continuationOpeners: new Set(),
    obligations: new Set(),
  };
  const addPhrase = (text: string, kind: PhraseKind, lang: Lang) => {
    const words = text.split(/\s+/).map(normalizeWord);
    const list = ix.phrases.get(words[0]!) ?? [];
    list.push({ words, kind, lang, text });
    list.sort((a, b) => b.words.length - a.words.length);
    ix.phrases.set(words[0]!, list);
  };
  for (const lex of Object.values(LEXICONS) as Lexicon[]) {
    const lang = lex.lang;
    for (const verb of lex.verbs) {
      for (const f of verb.forms) {
        if (/\s/u.test(f)) {
          const words = f.split(/\s+/u).map(normalizeWord);
          const list = ix.verbPhrases.get(words[0]!) ?? [];
          list.push({ words, verb: { lemma: verb.lemma, lang, langs: [lang], lemmas: { [lang]: verb.lemma }, female: verb.female?.includes(f) ?? false, plural: verb.plural?.includes(f) ?? false, ...(verb.opinion ? { opinion: true } : {}), ...(verb.thatClause ? { thatClause: true } : {}), ...(verb.clauseAfter ? { clauseAfter: true } : {}) } });
          list.sort((a, b) => b.words.length - a.words.length);
          ix.verbPhrases.set(words[0]!, list);
          continue;
        }
        const key = normalizeWord(f);
        const known = ix.verbs.get(key);
        if (known) {
          if (!known.langs.includes(lang)) known.langs.push(lang);
          known.lemmas[lang] ??= verb.lemma;
        } else ix.verbs.set(key, { lemma: verb.lemma, lang, langs: [lang], lemmas: { [lang]: verb.lemma }, female: verb.female?.includes(f) ?? false, plural: verb.plural?.includes(f) ?? false, ...(verb.needs ? { needs: verb.needs, afterNeed: verb.afterNeed ?? false } : {}), ...(verb.opinion ? { opinion: true } : {}), ...(verb.thatClause ? { thatClause: true } : {}), ...(verb.clauseAfter ? { clauseAfter: true } : {}) });
      }
    }
    for (const verb of lex.sourceVerbs) {
      for (const f of verb.forms) ix.sourceVerbs.set(normalizeWord(f), { lemma: verb.lemma, lang, langs: [lang], lemmas: { [lang]: verb.lemma }, female: false, plural: false });
    }
    for (const p of lex.before) addPhrase(p, 'before', lang);
    for (const p of lex.after) addPhrase(p, 'after', lang);
    for (const p of lex.sourceBefore) addPhrase(p, 'sourceBefore', lang);
    for (const p of lex.conditions) addPhrase(p, 'condition', lang);
    for (const p of lex.readiness) addPhrase(p, 'readiness', lang);
    for (const p of lex.refusal) addPhrase(p, 'refusal', lang);
    for (const g of ['male', 'female', 'plural'] as const) for (const p of lex.pronouns[g]) ix.pronouns.set(p, { lang, gender: g });
    for (const w of lex.negation) ix.negation.add(w);
    for (const w of lex.complementizers) ix.complementizers.add(w);
    for (const w of lex.abbreviations) ix.abbreviations.add(w);
    for (const w of lex.subjunctive ?? []) ix.subjunctive.add(w);
    for (const w of lex.nominativeRoles ?? []) ix.nominativeRoles.add(normalizeWord(w));
    for (const w of lex.organizationAnaphors) ix.organizationAnaphors.add(normalizeWord(w));
    for (const w of lex.organizationWords) ix.organizationWords.add(normalizeWord(w));
    for (const w of lex.particles ?? []) ix.particles.add(normalizeWord(w));
    for (const p of lex.sectionLabels ?? []) ix.sectionLabels.push(p.split(/\s+/u).map(normalizeWord));
    for (const p of lex.continuers) ix.continuers.push(p.split(/\s+/u).map(normalizeWord));
    for (const w of lex.continuationOpeners) ix.continuationOpeners.add(normalizeWord(w));
    for (const w of lex.obligations) ix.obligations.add(normalizeWord(w));
    for (const [kind, nouns] of Object.entries(lex.roleNouns) as [RoleKind, string[]][]) {
      for (const n of nouns) {
        const words = n.split(/\s+/).map(normalizeWord);
        const list = ix.roleNouns.get(words[0]!) ?? [];
        if (!list.some((e) => e.words.join(' ') === words.join(' '))) list.push({ words, kind });
        list.sort((a, b) => b.words.length - a.words.length);
        ix.roleNouns.set(words[0]!, list);
        if (lang === 'de' && words.length === 1) ix.roleSuffixes.push({ suffix: words[0]!, kind });
      }
    }
  }
  ix.roleSuffixes.sort((a, b) => b.suffix.length - a.suffix.length);
  return ix;
}

let cached: LexiconIndex | undefined;
export function lexiconIndex(): LexiconIndex {
  cached ??= build();
  return cached;
}

/** The role head noun that starts at token i ("press secretary" takes two tokens), longest first. */
export function roleNounAt(ix: LexiconIndex, words: readonly { low: string }[], i: number): { words: string[]; kind: RoleKind } | undefined {
  return entryAt(ix.roleNouns, words, i);
}

/**
 * The entry of `byFirst` (entries of several words, keyed by their first word, longest first) whose words start at
 * token i; `accept` passes over entries of other kinds.
 */
function entryAt<E extends { words: readonly string[] }>(byFirst: ReadonlyMap<string, readonly E[]>, words: readonly { low: string }[], i: number, accept?: (e: E) => boolean): E | undefined {
  const list = byFirst.get(words[i]!.low);
  if (!list) return undefined;
  outer: for (const p of list) {
    if (accept && !accept(p)) continue;
    if (i + p.words.length > words.length) continue;
    for (let k = 1; k < p.words.length; k++) if (words[i + k]!.low !== p.words[k]) continue outer;
    return p;
  }
  return undefined;
}

const tails = new WeakMap<LexiconIndex, Set<string>>();
function roleSuffixTails(ix: LexiconIndex): Set<string> {
  let t = tails.get(ix);
  if (!t) tails.set(ix, (t = new Set(ix.roleSuffixes.map((r) => r.suffix.slice(-4)))));
  return t;
}

/** A German compound ending in a role noun: the kind and where the noun starts ("Kreml|sprechers"); undefined for the bare noun. */
export function roleSuffixOf(ix: LexiconIndex, low: string): { kind: RoleKind; at: number } | undefined {
  // Most words end in none of the nouns: one set lookup of the last four letters spares the scan of every suffix.
  if (low.length < 7 || !roleSuffixTails(ix).has(low.slice(-4))) return undefined;
  for (const { suffix, kind } of ix.roleSuffixes) {
    if (low.length >= suffix.length + 3 && low.endsWith(suffix)) return { kind, at: low.length - suffix.length };
  }
  return undefined;
}

/** The phrase of `kinds` that starts at token i, longest first. */
export function phraseAt(ix: LexiconIndex, words: readonly { low: string }[], i: number, kinds: readonly PhraseKind[]): PhraseEntry | undefined {
  return entryAt(ix.phrases, words, i, (p) => kinds.includes(p.kind));
}

/** The speech verb of several words that starts at token i ("ruled out", "дал понять"), longest first. */
export function verbPhraseAt(ix: LexiconIndex, words: readonly { low: string }[], i: number): { words: string[]; verb: VerbEntry } | undefined {
  return entryAt(ix.verbPhrases, words, i);
}
