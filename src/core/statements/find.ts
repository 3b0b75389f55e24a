/**
 * The sieves that turn a text into attributed statements, per paragraph:
 *
 *   quotes      top-level quote spans in every mark style; «…, — сказал он. — …»
 *               interrupters split a quote in two
 *   candidates  names, role phrases, collectives, pronouns, new names (speakers.ts)
 *   cues        speech verbs, "according to"-phrases, "zufolge" (lexicons as data)
 *   speaker     the candidate next to each cue: inverted ("said Peskov", "заявил
 *               Песков") or regular ("Peskov said"), news outlets set apart as sources
 *   content     the adjacent quote ("…," he said / said: "…"; split quotes joined),
 *               else the reported clause on the far side of the cue
 *   headline    a short paragraph "Peskov: …"
 *   follow-on   a later quote paragraph, or German Konjunktiv I, continuing the speaker
 *   pronouns    resolved to the nearest compatible preceding speaker or person
 *
 * Every decision records the sieve that made it in `reasons`.
 */
import type { Mention } from '../match/index.ts';
import { createDocumentContext } from '../match/index.ts';
import { lexiconIndex, phraseAt, verbPhraseAt, type LexiconIndex, type PhraseEntry, type VerbEntry } from './lexicon-index.ts';
import { modalityOf } from './modality.ts';
import { findQuotes, trimRange, type QuoteSpan } from './quotes.ts';
import type { RecordView } from './record-view.ts';
import { documentName, findCandidates, isTitleCase, roleNounKey, type Candidate, type NameMemory } from './speakers.ts';
import { firstAtOrAfter, guessLang, isSpaceAt, normalizeWord, paragraphs, sentences, tokenize, type Range, type Token } from './text.ts';
import type { Lang, Reason, ReportingSource, Statement, StatementKind, StatementSpeaker, TextSpan } from './types.ts';

export interface FindOptions {
  /** The text's language; guessed from its letters when absent. Cues of all four languages are found either way. */
  lang?: Lang;
  /** Publication date (YYYY-MM-DD): picks who held a role phrase on that day. */
  published?: string;
}

/** Words allowed between a speaker and its verb on the speaker's side ("Peskov on Tuesday said", "Песков в четверг заявил"). */
const GAP_BEFORE_VERB = 4;
/** Words allowed between an inverted verb and its speaker ("заявил журналистам Песков", "said on Tuesday Peskov"). */
const GAP_AFTER_VERB = 3;
/** Words of time, place and role that may stand between a verb and its subject in ru, uk, de (see speakerOfVerb). */
const FAR_GAP = 9;
/** Words that open a short adverbial between a verb and its clause ("sagte am Dienstag, …", "said on Tuesday, …"). */
const ADVERBIAL_OPENERS = new Set('am im an in auf bei vor nach gegenüber dem der den zu on in at during earlier later today yesterday в во на у при во время сегодня вчера журналистам репортерам у під сьогодні вчора журналістам'.split(' '));

/** Longest headline that "Name: …" is read as an attribution in. */
const MAX_HEADLINE = 240;

interface Cue {
  start: number;
  end: number;
  lemma: string;
  lang: Lang;
  kind: 'verb' | 'source-verb' | 'before' | 'after' | 'source-before';
  /** Token indices of the cue (first, last). */
  first: number;
  last: number;
  verb?: VerbEntry;
}

/** "Obama also said:" at the end of a paragraph: the lines after it are its items. */
interface ListLead {
  speaker: Candidate;
  cue: Cue;
  items: number;
}

/** Most items a "said:" list is read for. */
/** After a headline's speaker: a preposition of subject matter and up to six words, then the colon. */
/**
 * English "NAME on the …:" names a topic only with a noun of what is said or negotiated in it ("Kyiv on the peace plan:
 * …", "Moscow on the grain deal: …"); otherwise "on the front line", "on the offensive", "on the back foot" say where or
 * how the person is (review 9A, F17). Without "the" ("Kyiv on Moscow's offer", "on peace talks") the phrase stands.
 */
const HEADLINE_TOPIC_NOUNS = /^\s+(?:to|on|about|over)\s+the\s+(?:[^\s:.!?“”«»„"]+\s+){0,4}?(?:offers?|talks|negotiations?|peace|plans?|proposals?|deals?|ceasefire|truce|war|sanctions|referendums?|demands?|ultimatum|agreements?|accords?|treaty|mediation|guarantees?|exchanges?|withdrawal|annexation|mobili[sz]ation|strikes?|attacks?|invasion|conflict|summit|meeting|call|question|issue|crisis|accusations?|claims?|reports?|remarks|statements?|prospects|corridor|formula|terms|conditions|settlement|dialogue|aid|weapons|arms)(?:['’]s)?:\s+/iu;
const HEADLINE_TOPIC_COLON = /^\s+(?:to|on|about|over|о|об|про|щодо|zu|über)\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+(?:day|eve|ground|edge|brink|move|alert)|alert|edge|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|\d)(?![\p{L}]))(?:[^\s:.!?“”«»„"]+\s+){0,5}[^\s:.!?“”«»„"]+:\s+/iu;
const MAX_LIST_ITEMS = 8;
/** Navigation lines that end a list ("Read the full transcript"). */
const LIST_STOP = /^(?:read|watch|see|listen|click|follow|share|subscribe|more|related|читайте|смотрите|читайте также|дивіться|читайте також|lesen sie|mehr)\b/iu;

function listItem(text: string, para: Range, tokens: readonly Token[], quotes: readonly QuoteSpan[], lex: LexiconIndex, lang: Lang, lead: ListLead): Draft | undefined {
  if (lead.items >= MAX_LIST_ITEMS || para.end - para.start > 300) return undefined;
  const body = text.slice(para.start, para.end);
  if (LIST_STOP.test(body.replace(/^[\s•·*–—-]+/u, ''))) return undefined;
  if (findCues(text, tokens, para, quotes, lex, lang).some((c) => c.kind === 'verb')) return undefined;
  const content = trimContent(text, { start: para.start + (/^[•·*–—-]\s*/u.exec(body)?.[0].length ?? 0), end: para.end });
  if (wordsBetween(tokens, content.start, content.end) < 3) return undefined;
  return withQuotes(text, { speaker: { ...lead.speaker }, cue: lead.cue, content, quotes: [], passage: para, reasons: [{ step: 'content', sieve: 'colon-list-item' }], source: null }, quotes, new Set());
}

interface Draft {
  speaker: Candidate;
  cue: Cue | null;
  content: Range;
  quotes: QuoteSpan[];
  passage: Range;
  reasons: Reason[];
  source: ReportingSource | null;
  /** Kind forced by the sieve (direct when the content is a quote). */
  kind?: StatementKind;
}

const span = (text: string, r: Range): TextSpan => ({ start: r.start, end: r.end, text: text.slice(r.start, r.end) });
const between = (text: string, a: number, b: number) => (a <= b ? text.slice(a, b) : '');

/** Trims spaces, dashes, commas and colons at both ends, and final sentence punctuation. */
function trimContent(text: string, r: Range): Range {
  let s = r.start;
  let e = r.end;
  while (s < e && /[\s,:;—–-]/u.test(text.charAt(s))) s++;
  while (e > s && /[\s,:;.—–-]/u.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}

export function findInText(view: RecordView, text: string, opts: FindOptions = {}): Statement[] {
  const lex = lexiconIndex();
  const lang = opts.lang ?? guessLang(text);
  const ctx = createDocumentContext();
  const mentions = view.matcher.scan(text, ctx);
  const roleMentions = view.roleMatcher ? view.roleMatcher.scan(text) : [];
  const drafts: Draft[] = [];
  let mi = 0;
  let ri = 0;
  const paras = paragraphs(text);
  /** Every paragraph's candidates, in text order (what pronouns look back through). */
  const allCandidates: Candidate[] = [];
  const names: NameMemory = new Map();
  let listLead: ListLead | null = null;
  // Title-case headlines name people the article may introduce only further down: their full names, looked up when needed.
  const titleLines: Range[] = [];
  const docNames = new Map<string, string | undefined>();
  const documentNameOf = (word: string) => {
    if (!docNames.has(word)) docNames.set(word, documentName(text, word, titleLines));
    return docNames.get(word);
  };
  let prevPara: Range | null = null;
  for (const para of paras) {
    const pm: Mention[] = [];
    while (mi < mentions.length && mentions[mi]!.start < para.start) mi++;
    for (let k = mi; k < mentions.length && mentions[k]!.start < para.end; k++) pm.push(mentions[k]!);
    const pr: Mention[] = [];
    while (ri < roleMentions.length && roleMentions[ri]!.start < para.start) ri++;
    for (let k = ri; k < roleMentions.length && roleMentions[k]!.start < para.end; k++) pr.push(roleMentions[k]!);
    const tokens = tokenize(text, para.start, para.end);
    const quotes = splitInterrupters(text, findQuotes(text, para.start, para.end), lex);
    const titleCase = isTitleCase(tokens, para);
    if (titleCase) titleLines.push(para);
    const cands = findCandidates(view, lex, { text, para, tokens, mentions: pm, roleMentions: pr, quotes, date: opts.published, names, titleCase, documentName: documentNameOf });
    for (const c of cands) {
      // "A source said … ⏎ …, the source, who …, told Reuters": a definite article refers back to the unnamed source
      // introduced with the same noun, in this paragraph or an earlier one.
      if (c.sieve === 'unnamed-source' && DEFINITE_SOURCE.test(c.name)) {
        const head = normalizeWord(c.name.split(/\s+/u).pop() ?? '');
        for (let k = allCandidates.length - 1; k >= 0; k--) {
          const o = allCandidates[k]!;
          if (o.sieve === 'unnamed-source' && o !== c && !DEFINITE_SOURCE.test(o.name) && normalizeWord(o.name.split(/\s+/u).pop() ?? '') === head) {
            c.name = o.name;
            break;
          }
        }
      }
      allCandidates.push(c);
    }
    if (listLead) {
      const item = listItem(text, para, tokens, quotes, lex, lang, listLead);
      if (item) {
        drafts.push(item);
        listLead.items++;
        continue;
      }
      listLead = null;
    }
    listLead = findInParagraph(text, para, tokens, quotes, cands, lex, drafts, lang, prevPara);
    prevPara = para;
  }
  resolvePronouns(view, text, drafts, allCandidates, paras, lex);
  // One person per page (audit A29): a surname alone as a new speaker ("Obama admits …" in a headline, "Mr Obama told …")
  // is the person whose full name the page writes, before or after it ("President Barack Obama"); the CLI and the
  // extension then list one speaker, not two.
  for (const d of drafts) {
    const sp = d.speaker;
    if (sp.entityId !== null || sp.media || !/^\p{Lu}[\p{L}\p{M}'’-]*$/u.test(sp.name)) continue;
    if (sp.type !== 'person' && sp.sieve !== 'name-before-verb') continue;
    const full = names.get(normalizeWord(sp.name));
    if (full && full !== sp.name && /^\p{Lu}\S*\s+\p{Lu}/u.test(full)) d.speaker = { ...sp, name: full, type: 'person' };
  }
  // A headline "Name: …" of a person the record does not know stands only if the document quotes that person elsewhere.
  const lastWord = (name: string) => normalizeWord(name.split(/\s+/u).pop() ?? '');
  const quoted = new Set(drafts.filter((d) => !d.reasons.some((r) => r.sieve === 'headline-colon-new-speaker')).map((d) => lastWord(d.speaker.name)));
  const kept = drafts.filter((d) => !d.reasons.some((r) => r.sieve === 'headline-colon-new-speaker') || quoted.has(lastWord(d.speaker.name)));
  return finish(view, text, lang, kept, mentions);
}

/** An unnamed source written with a definite article and its noun alone ("the source", "die Quelle"). */
const DEFINITE_SOURCE = /^(?:the|der|die|das)\s+\S+$/iu;

/** Prepositions that keep the word after them from being a sentence's subject ("In Kiew …", "В Москве …"). */
const SUBJECT_BLOCKERS = new Set('in at on from to for with by about after before during im am an auf aus bei mit nach von vor zu über für в во на у из с со о об от к по под при после з із до від про під після'.split(' '));

/**
 * The subject opening a text that has no speech cue ("Russia's top diplomat Sergei Lavrov reaffirmed …",
 * "Ukraine's president signed off on …", "Москва требует …"): the first speaker candidate of the record (name,
 * role phrase, collective) with at most two words before it, none a preposition; not a possessor, an inflected
 * form or an outlet. Null when there is none.
 */
export function subjectInText(view: RecordView, text: string, opts: FindOptions = {}): StatementSpeaker | null {
  const para = paragraphs(text)[0];
  if (!para) return null;
  const lex = lexiconIndex();
  const mentions = view.matcher.scan(text, createDocumentContext()).filter((m) => m.start < para.end);
  const roleMentions = view.roleMatcher ? view.roleMatcher.scan(text).filter((m) => m.start < para.end) : [];
  const tokens = tokenize(text, para.start, para.end);
  const quotes = findQuotes(text, para.start, para.end);
  const cands = findCandidates(view, lex, { text, para, tokens, mentions, roleMentions, quotes, date: opts.published, names: new Map() });
  const c = cands.find((c) => c.entityId !== null && c.via !== 'pronoun' && !c.media && !c.possessive && !c.oblique && !inInterior(quotes, c.start));
  if (!c) return null;
  // Words of a role phrase the name refines ("Russia's top diplomat Sergei Lavrov") do not count.
  const before = tokens.filter((t) => t.end <= c.start && !roleMentions.some((r) => r.start <= t.start && r.end >= t.end));
  if (before.length > 2 || before.some((t) => SUBJECT_BLOCKERS.has(t.low))) return null;
  return { start: c.start, end: c.end, text: text.slice(c.start, c.end), entityId: c.entityId, name: c.name, type: c.type, via: c.via, ...(c.resolvedFrom ? { resolvedFrom: c.resolvedFrom } : {}) };
}

/**
 * «Мы готовы, — сказал Песков. — Но …»: a dash-framed cue inside one pair of
 * marks splits it into two quotes with the attribution between them.
 */
function splitInterrupters(text: string, quotes: QuoteSpan[], lex: LexiconIndex): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const re = /[,.!?…]\s*[—–]\s+([^—–«»“”„]{2,120}?)[,.:]\s*[—–]\s+/gu;
  for (const q of quotes) {
    const inner = text.slice(q.inner.start, q.inner.end);
    re.lastIndex = 0;
    let from = q.inner.start;
    let piece = q;
    let split = false;
    for (let m = re.exec(inner); m; m = re.exec(inner)) {
      const mid = tokenize(m[1]!, 0, m[1]!.length);
      if (!mid.some((t) => lex.verbs.has(t.low))) continue;
      const cut = q.inner.start + m.index + 1; // after the comma or full stop
      const resume = q.inner.start + m.index + m[0].length;
      out.push({ start: from === q.inner.start ? q.start : from, end: cut, inner: { start: from, end: cut }, open: false });
      from = resume;
      split = true;
    }
    if (!split) out.push(piece);
    else out.push({ start: from, end: q.end, inner: { start: from, end: q.inner.end }, open: q.open });
    piece = q;
  }
  return out;
}

function inInterior(quotes: readonly QuoteSpan[], pos: number): boolean {
  for (const q of quotes) if (pos >= q.inner.start && pos < q.inner.end) return true;
  return false;
}

/** Sentences, merged so that no quote crosses a boundary. */
function segments(text: string, para: Range, quotes: readonly QuoteSpan[], lex: LexiconIndex): Range[] {
  const out: Range[] = [];
  for (const s of sentences(text, para, lex.abbreviations)) {
    const last = out[out.length - 1];
    if (last && quotes.some((q) => q.start < last.end && q.end > last.end)) last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

function findCues(text: string, tokens: readonly Token[], seg: Range, quotes: readonly QuoteSpan[], lex: LexiconIndex, docLang: Lang): Cue[] {
  const cues: Cue[] = [];
  for (let i = firstAtOrAfter(tokens, seg.start); i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.end > seg.end) break;
    if (inInterior(quotes, t.start)) continue;
    const p: PhraseEntry | undefined = phraseAt(lex, tokens, i, ['before', 'after', 'sourceBefore']);
    if (p) {
      const last = tokens[i + p.words.length - 1]!;
      cues.push({ start: t.start, end: last.end, lemma: p.text, lang: p.lang, kind: p.kind === 'sourceBefore' ? 'source-before' : p.kind === 'after' ? 'after' : 'before', first: i, last: i + p.words.length - 1 });
      // "told" is also a verb: fall through for single-word source phrases.
      if (p.words.length > 1) {
        i += p.words.length - 1;
        continue;
      }
    }
    // A fixed phrase of several words ("ruled out", "called on", "дал понять", "machte deutlich"), written as one run.
    const vp = verbPhraseAt(lex, tokens, i);
    // Not in a title-case line ("Calling For Action After …" is a headline's words, not a cue).
    if (vp && tokens.slice(i + 1, i + vp.words.length).every((w, k) => !w.cap && /^\s+$/u.test(text.slice(tokens[i + k]!.end, w.start)))) {
      const last = tokens[i + vp.words.length - 1]!;
      const lang0 = vp.verb.lang;
      const otherLatin = lang0 !== docLang && (docLang === 'en' || docLang === 'de') && (lang0 === 'en' || lang0 === 'de');
      if (!otherLatin && !negatedSpeech(text, tokens, i, vp.verb) && (!vp.verb.thatClause || thatClauseAfter(text, tokens, i + vp.words.length, lex)) && (!vp.verb.clauseAfter || clauseAfter(text, tokens, i + vp.words.length, lex))) {
        cues.push({ start: t.start, end: last.end, lemma: vp.verb.lemma, lang: lang0, kind: 'verb', first: i, last: i + vp.words.length - 1, verb: vp.verb });
        i += vp.words.length - 1;
        continue;
      }
    }
    const v = lex.verbs.get(t.low);
    if (v) {
      if (v.thatClause && !thatClauseAfter(text, tokens, i + 1, lex)) continue;
      // German "so" only in ", so Peskow." and "sagte … zu" style particles are not handled.
      if (v.lemma === 'so' && !/,\s*$/u.test(between(text, seg.start, t.start))) continue;
      // "äußerte sich zurückhaltend", "zeigte sich": reflexive, not speech.
      if (v.lang === 'de' && tokens[i + 1]?.low === 'sich') continue;
      // A Latin-script verb of the other Latin-script language is a word of this one ("so" in English is no German cue).
      if (!v.langs.includes(docLang) && (docLang === 'en' || docLang === 'de') && v.langs.every((l) => l === 'en' || l === 'de')) continue;
      // "hält … für", "sprach … von": only with the word the verb needs later in its clause.
      if (v.needs && !needed(text, tokens, i, seg, v.needs)) continue;
      if (negatedSpeech(text, tokens, i, v)) continue;
      if (docLang === 'en' && passiveOrAdjective(text, tokens, i)) continue;
      // "…, who asked not to be named", "asked for anonymity", "asked to remain anonymous": a request not to be named is no statement.
      if (v.lemma === 'ask' && ANONYMITY_AFTER_ASK.test(text.slice(t.end, t.end + 40))) continue;
      const cueLang = v.langs.includes(docLang) ? docLang : v.lang;
      cues.push({ start: t.start, end: t.end, lemma: v.lemmas[cueLang] ?? v.lemma, lang: cueLang, kind: 'verb', first: i, last: i, verb: v });
      continue;
    }
    const sv = lex.sourceVerbs.get(t.low);
    if (sv) cues.push({ start: t.start, end: t.end, lemma: sv.lemma, lang: sv.lang, kind: 'source-verb', first: i, last: i, verb: sv });
  }
  return cues;
}

/** What joins an unnamed person to the body they belong to: a preposition (en) or a genitive article (de), no punctuation. */
const BODY_OF_UNNAMED = /^\s+(?:for|in|at|to|of|from|with|within|inside|close\s+to|des|der|im|beim|aus\s+dem|aus\s+der)\s+[^,.;:!?“”"«»„()—–]*$/u;

/** Articles that may open an unnamed person's phrase ("a spokesman", "ein Sprecher"). */
const ARTICLES_OF_UNNAMED = new Set('a an the one ein eine einer eines einem der die das'.split(' '));
/** Prepositions that make the word after them an object, never the subject ("with an envoy", "nach einem Gespräch mit"). */
const PREPOSITIONS_BEFORE_UNNAMED = new Set(
  ('with after following before from to by for of about against at in on during under over among between via like than into ' +
    'mit nach von vom bei beim zu zum zur für gegen über unter zwischen vor').split(' '),
);

/**
 * Is `body`, the candidate right before the cue, the body an unnamed person belongs to ("A spokesman for the Kremlin
 * said", "an adviser to Zelensky said")? Not when it is a person named after the body's words ("A spokesman for the
 * Kremlin Dmitry Peskov said", "an adviser to the Ukrainian president Mykhailo Podolyak said", "an envoy from Ankara
 * Peskov said"): that person is the subject, the rest an apposition. A person is the body only when nothing but
 * lowercase words (an article, adjectives) stands between the preposition and the name.
 */
function isBodyOfUnnamed(text: string, tokens: readonly Token[], unnamed: Candidate, body: Candidate, free: readonly Candidate[], lex: LexiconIndex): boolean {
  if (body.type !== 'person') return true;
  if (free.some((c) => c !== body && c.start >= unnamed.end && c.end <= body.start)) return false;
  const words = tokens.slice(firstAtOrAfter(tokens, unnamed.end), firstAtOrAfter(tokens, body.start)).slice(1);
  return words.every((w) => !/^\p{Lu}/u.test(text.slice(w.start, w.end)) && !lex.roleNouns.has(w.low));
}

/** The unnamed person is the clause's subject: not the object of a preposition or a verb ("Following a call with an envoy …"). */
function unnamedIsSubject(text: string, tokens: readonly Token[], seg: Range, unnamed: Candidate, lex: LexiconIndex): boolean {
  let k = firstAtOrAfter(tokens, unnamed.start) - 1;
  if (k >= 0 && tokens[k]!.start >= seg.start && ARTICLES_OF_UNNAMED.has(tokens[k]!.low) && /^\s+$/u.test(between(text, tokens[k]!.end, unnamed.start))) k--;
  const prev = tokens[k];
  if (!prev || prev.start < seg.start) return true;
  const next = tokens[k + 1]!;
  if (!/^\s+$/u.test(between(text, prev.end, next.start))) return true;
  return !PREPOSITIONS_BEFORE_UNNAMED.has(prev.low) && !lex.verbs.has(prev.low);
}

/** After a section label and its colon opening `r` ("In pictures:", "Фоторепортаж:", "Liveblog:"): where the title starts; -1 when there is none. */
function sectionLabelEnd(text: string, tokens: readonly Token[], r: Range, lex: LexiconIndex): number {
  const first = firstAtOrAfter(tokens, r.start);
  for (const words of lex.sectionLabels) {
    const last = first + words.length - 1;
    if (last >= tokens.length || tokens[last]!.end > r.end) continue;
    if (!words.every((w, j) => tokens[first + j]!.low === w && (j === 0 || /^\s+$/u.test(between(text, tokens[first + j - 1]!.end, tokens[first + j]!.start))))) continue;
    const colon = /^\s*[:|]\s*/u.exec(text.slice(tokens[last]!.end, r.end));
    if (colon) return tokens[last]!.end + colon[0].length;
  }
  return -1;
}

/** English speech verbs whose object is often a person or a body (lemmas): they invert only before a full stop. */
const EN_OBJECT_VERBS = new Set('blame accuse urge warn criticise criticize praise thank invite call ask tell slam dismiss reject condemn'.split(' '));

/** Endings of the participles that continue a speaker's sentence ("adding", "добавив", "додавши"). */
const PARTICIPLE_ENDING: Partial<Record<Lang, RegExp>> = { en: /ing$/u, ru: /(?:ив|ав|ев|ув|вши)$/u, uk: /(?:вши|вшись)$/u };

const EN_BE = new Set('is was are were be been being'.split(' '));
const EN_BEFORE_ADJECTIVE = new Set('the a an this these those his her its their our over of about for against with on in into by'.split(' '));

/**
 * An English speech verb that is no one's saying: passive after a form of "be" ("Father Mukonori is said to be
 * mediating", "It was said that …", "he was asked whether …"; not the progressive "is saying") or a participle used as
 * an adjective after an article or a preposition ("charges over alleged bribery", "the alleged plot").
 */
function passiveOrAdjective(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  if (prev === undefined || t.low.endsWith('ing')) return false;
  // One run of words only: a quote mark, comma or sentence end between ("“… will be,” said X") parts them.
  const spaced = (a: Token, b: Token) => /^\s+$/u.test(text.slice(a.end, b.start));
  if (!spaced(prev, t)) return false;
  // Adverbs between ("was widely said", "is often claimed").
  const before = prev.low.endsWith('ly') && i >= 2 && spaced(tokens[i - 2]!, prev) ? tokens[i - 2]! : prev;
  if (EN_BE.has(before.low)) return true;
  return t.low.endsWith('ed') && EN_BEFORE_ADJECTIVE.has(prev.low);
}

/** Token k opens a clause with a complementizer, after at most a comma ("уверен, что …", "ist überzeugt, dass …"). */
/** A clause, a colon or a quote right after a verb phrase (lexicon `clauseAfter`): "made clear that", "machte deutlich, …", "made clear: …". */
function clauseAfter(text: string, tokens: readonly Token[], k: number, lex: LexiconIndex): boolean {
  if (thatClauseAfter(text, tokens, k, lex)) return true;
  const from = k > 0 ? tokens[k - 1]!.end : 0;
  return /^\s*[:,«“„"‘‚]/u.test(text.slice(from, from + 4));
}
function thatClauseAfter(text: string, tokens: readonly Token[], k: number, lex: LexiconIndex): boolean {
  const w = tokens[k];
  return w !== undefined && k > 0 && lex.complementizers.has(w.low) && /^\s*,?\s*$/u.test(text.slice(tokens[k - 1]!.end, w.start));
}

/**
 * Plain speech verbs that say nothing when negated: "did not say whether …", "не заявлял, что …", "hat nicht gesagt,
 * dass …" (test/extraction-set/README.md: negated or declined speech does not count). Verbs whose negation is itself
 * a stance stay cues: "не исключил, что …", "did not rule out", "schloss nicht aus".
 */
const NEGATABLE_SPEECH = new Set(
  ('say tell state claim declare announce confirm comment specify elaborate explain mention reveal disclose write ' +
    'сказать заявить заявлять сообщить подтвердить уточнить написать пояснить объяснить рассказать ' +
    'сказати заявити заявляти говорити повідомити підтвердити уточнити написати пояснити розповісти ' +
    'sagen erklären mitteilen bestätigen äußern schreiben erläutern').split(' '),
);
/** Negations right before a speech verb (after an auxiliary in English: "did not say", "has never said"). */
const NEGATION_BEFORE = new Set(['not', 'never', 'не', 'ни', 'nicht', 'nie', 'niemals']);
/** German V2 negation after the verb: "sagte nicht, ob …", "erklärte nie, …". */
const NEGATION_AFTER_DE = new Set(['nicht', 'nie', 'niemals']);
/** What turns a following negation back into speech: "not only said …", "nicht nur", "не только". */
const NOT_ONLY = new Set(['only', 'just', 'nur', 'только', 'лише', 'тільки']);
/** English verbs that decline the speech verb after them: "declined to say", "refused to comment". */
const DECLINE_EN = new Set(['declined', 'declines', 'declining', 'refused', 'refuses', 'refusing']);

/** Token i is a plain speech verb that its clause negates or declines ("did not say", "не сказал", "sagte nicht, ob"). */
function negatedSpeech(text: string, tokens: readonly Token[], i: number, v: VerbEntry): boolean {
  if (!v.langs.some((l) => NEGATABLE_SPEECH.has(v.lemmas[l] ?? v.lemma))) return false;
  const prev = tokens[i - 1];
  const adjacent = (a: Token | undefined, b: Token) => a !== undefined && /^\s+$/u.test(text.slice(a.end, b.start));
  if (prev && adjacent(prev, tokens[i]!)) {
    if (NEGATION_BEFORE.has(prev.low) || prev.low.endsWith("n't")) return true;
    // "has not yet said", "did not publicly say".
    const prev2 = tokens[i - 2];
    if (prev2 && adjacent(prev2, prev) && (NEGATION_BEFORE.has(prev2.low) || prev2.low.endsWith("n't")) && /^(?:yet|publicly|explicitly|directly|ever|been|always|clearly|specifically|прямо|публично|явно|публічно|öffentlich|ausdrücklich|explizit)$/u.test(prev.low)) return true;
    if (prev.low === 'to' && prev2 && adjacent(prev2, prev) && DECLINE_EN.has(prev2.low)) return true;
  }
  // German: "sagte nicht, ob …", "erklärte nicht." (not "sagte nicht nur …").
  const next = tokens[i + 1];
  if (next && v.langs.includes('de') && NEGATION_AFTER_DE.has(next.low) && adjacent(tokens[i], next)) {
    const after = tokens[i + 2];
    if (!after || !NOT_ONLY.has(after.low) || !adjacent(next, after)) return /^\s*(?:[,.;:]|$)/u.test(text.slice(next.end, next.end + 2));
  }
  return false;
}

/** One of `words` follows token i in its clause (before a comma, colon, semicolon or quote). */
function needed(text: string, tokens: readonly Token[], i: number, seg: Range, words: readonly string[]): boolean {
  for (let k = i + 1; k < tokens.length && tokens[k]!.end <= seg.end; k++) {
    if (/[,;:“”«»„"]/u.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) return false;
    if (words.includes(tokens[k]!.low)) return true;
  }
  return false;
}

/** Tokens lying wholly between two offsets (binary search: this is asked for every cue and candidate pair). */
function wordsBetween(tokens: readonly Token[], a: number, b: number): number {
  if (b <= a) return 0;
  const i = firstAtOrAfter(tokens, a);
  let j = firstAtOrAfter(tokens, b);
  // A token that starts before b but ends after it is not wholly inside.
  if (j > i && tokens[j - 1]!.end > b) j--;
  return Math.max(0, j - i);
}

function findInParagraph(
  text: string,
  para: Range,
  tokens: readonly Token[],
  quotes: readonly QuoteSpan[],
  cands: readonly Candidate[],
  lex: LexiconIndex,
  drafts: Draft[],
  lang: Lang,
  prevPara: Range | null = null,
): ListLead | null {
  let listLead: ListLead | null = null;
  let prevSeg: Range | null = null;
  const usedQuotes = new Set<QuoteSpan>();
  const firstDraft = drafts.length;
  const outside = cands.filter((c) => !inInterior(quotes, c.start));

  // Headline: "Peskov: …" as a short paragraph of its own.
  if (para.end - para.start <= MAX_HEADLINE) {
    // The name opens the line, or follows a short label ("Media caption Barack Obama: “…”").
    const c = outside.find((c) => c.start === para.start || /^[\s«"“„]*$/u.test(between(text, para.start, c.start)) || (c.via === 'candidate' && /^[\p{L}\s]{0,24}$/u.test(between(text, para.start, c.start)) && wordsBetween(tokens, para.start, c.start) <= 2));
    // A speaker the record knows; a new person only if the document quotes them elsewhere (checked once all is found):
    // "Gone Girl: An Interview …" and "Jane Doe: 206-…" bylines are not attributions.
    const known = c !== undefined && c.entityId !== null && c.start === para.start || (c !== undefined && c.entityId !== null && /^[\s«"“„]*$/u.test(between(text, para.start, c.start)));
    const tentative = c !== undefined && c.entityId === null && c.type === 'person' && (c.sieve === 'capitalised-name' || c.sieve === 'name-seen-before' || c.sieve === 'titled-name');
    if (c && c.via !== 'pronoun' && !c.media && (known || tentative) && !c.possessive) {
      // "Kyiv to Moscow's offer: …", "Киев о предложении Москвы: …", "Kiew zu Moskaus Angebot: …": a short phrase of
      // what the speaker answers may stand before the colon (its names are the subject matter, not speakers).
      const colon = /^\s*:\s+/u.exec(text.slice(c.end, para.end)) ?? (c.entityId !== null ? HEADLINE_TOPIC_COLON.exec(text.slice(c.end, para.end)) : null);
      const onThe = colon !== null && /^\s+(?:to|on|about|over)\s+the\s/iu.test(colon[0]) && !HEADLINE_TOPIC_NOUNS.test(colon[0]);
      if (colon && !onThe && (colon[0].trimStart().startsWith(':') ? !cands.some((o) => o !== c && o.start < c.end + colon[0].length && o.start > c.end) : true)) {
        const content = trimContent(text, { start: c.end + colon[0].length, end: para.end });
        const q = quotes.find((q) => q.inner.start >= content.start - 1 && q.start <= content.start + 1);
        if (content.end > content.start) {
          if (q) usedQuotes.add(q);
          drafts.push({
            speaker: { ...c, via: c.via === 'name' || c.via === 'candidate' ? 'headline' : c.via },
            cue: null,
            content: q ? trimRange(text, q.inner) : content,
            quotes: q ? [q] : [],
            passage: para,
            reasons: [{ step: 'speaker', sieve: known ? 'headline-colon' : 'headline-colon-new-speaker' }],
            source: null,
            kind: q ? 'direct' : 'indirect',
          });
          return null;
        }
      }
    }
  }

  // Headline: "No talks until troops leave – Zelensky", "Переговоров не будет — Кремль": a short paragraph whose last
  // words, after a dash, are a speaker and nothing else.
  if (para.end - para.start <= MAX_HEADLINE) {
    const last = [...outside].reverse().find((c) => /^[\s.!?”"»]*$/u.test(between(text, c.end, para.end)));
    const dash = last ? /\s[–—-]\s*$/u.exec(between(text, para.start, last.start)) : null;
    const speaks = last !== undefined && !last.media && !last.possessive && last.via !== 'pronoun' && (last.entityId !== null || (last.type === 'person' && (last.sieve === 'capitalised-name' || last.sieve === 'titled-name' || last.sieve === 'name-seen-before')));
    if (last && dash && speaks) {
      let content = trimContent(text, { start: para.start, end: para.start + dash.index });
      // "In pictures: a year of war in Kyiv – Zelensky", "Video: …", "Фоторепортаж: …": a title after a section label
      // names a gallery or a page, not words; only a quotation after the label is ("Video: ‘We will not give up’ – …").
      const label = sectionLabelEnd(text, tokens, content, lex);
      if (label >= 0) content = trimContent(text, { start: label, end: content.end });
      const q = quotes.find((q) => q.start <= content.start + 1 && q.end >= content.end - 1);
      if ((label < 0 || q) && wordsBetween(tokens, content.start, content.end) >= 3 && !findCues(text, tokens, content, quotes, lex, lang).some((c) => c.kind === 'verb')) {
        const at = para.start + dash.index + dash[0].search(/[–—-]/u);
        if (q) usedQuotes.add(q);
        drafts.push({
          speaker: { ...last, via: last.via === 'name' || last.via === 'candidate' ? 'headline' : last.via },
          cue: { start: at, end: at + 1, lemma: '–', lang, kind: 'after', first: -1, last: -1 },
          content: q ? trimRange(text, q.inner) : content,
          quotes: q ? [q] : [],
          passage: para,
          reasons: [{ step: 'speaker', sieve: 'headline-dash' }],
          source: null,
          kind: q ? 'direct' : 'indirect',
        });
        return null;
      }
    }
  }

  for (const seg of segments(text, para, quotes, lex)) {
    const segBefore: Range | null = prevSeg;
    prevSeg = seg;
    const cues = findCues(text, tokens, seg, quotes, lex, lang);
    if (cues.length === 0) {
      if (!konjunktivContinuation(text, tokens, seg, quotes, lex, drafts, para)) connectiveContinuation(text, tokens, seg, quotes, cands, lex, drafts);
      continue;
    }
    const segCands = outside.filter((c) => c.start >= seg.start && c.end <= seg.end);
    const sources: ReportingSource[] = [];
    const taken = new Set<Candidate>();
    const segDrafts: Draft[] = [];

    // Sources first: "according to TASS", "as reported by Reuters", "сообщает РИА Новости", "laut dpa".
    for (const cue of cues) {
      if (cue.kind === 'verb' && cue.lemma !== 'tell') continue;
      const after = segCands.find((c) => c.start >= cue.end && wordsBetween(tokens, cue.end, c.start) <= 1);
      const before = [...segCands].reverse().find((c) => c.end <= cue.start && wordsBetween(tokens, c.end, cue.start) === 0);
      const media = cue.kind === 'after' ? before : after?.media ? after : cue.kind === 'source-verb' && before?.media ? before : undefined;
      if (media?.media) {
        sources.push({ start: media.start, end: media.end, text: text.slice(media.start, media.end), entityId: media.entityId, name: media.name });
        taken.add(media);
      }
    }

    for (const cue of cues) {
      if (cue.kind === 'source-before') continue;
      if (cue.kind === 'verb' || cue.kind === 'source-verb') {
        let sp = speakerOfVerb(text, tokens, seg, cue, segCands, quotes, taken);
        // "«…», — отметил он, добавив, что …", "…, sagte er und fügte hinzu": a verb right after a comma or "and" with no
        // subject of its own goes on with the speaker of the sentence's statement before it.
        const before = segDrafts[segDrafts.length - 1];
        if (!sp && cue.kind === 'verb' && before?.cue && before.cue.end <= cue.start && coordinatedAt(text, seg.start, cue.start) >= before.cue.end - 1) sp = { cand: before.speaker, sieve: 'coordinated-subject' };
        // "Russia wants guarantees, Lavrov told reporters, adding that …", "Росія воліла б …, заявив Пєсков, додавши, що …":
        // a participle after a comma goes on with the speaker of the statement before it in the sentence, not with the
        // subject that opens the sentence.
        else if (sp?.sieve === 'coordinated-subject' && PARTICIPLE_ENDING[cue.lang]?.test(text.slice(cue.start, cue.end)) && before?.cue && before.cue.end <= cue.start && /,\s*$/u.test(between(text, before.cue.end, cue.start))) sp = { cand: before.speaker, sieve: 'coordinated-subject' };
        // "…, заявил Песков, добавив, что …", "…, sagte Peskow und fügte hinzu, …": the verb right after the statement
        // before's attribution (its cue and speaker) goes on with that speaker, whatever opens the sentence.
        else if (before?.cue && cue.kind === 'verb' && cue.start >= before.cue.end && continuedBySpeech(text, tokens, Math.max(before.cue.end, before.speaker.end), cue.end, lex, cue.lang)) sp = { cand: before.speaker, sieve: 'coordinated-subject' };
        if (!sp) continue;
        // "…, adding to the confusion": "adding to" adds to something, it says nothing.
        if (cue.lang === 'en' && cue.lemma === 'add' && /^\s+to(?![\p{L}])/iu.test(text.slice(cue.end, cue.end + 6))) continue;
        if (sp.cand.media) continue; // an outlet as subject: already a source
        // An opinion ascribed to a collective ("Українські експерти вважають …", "в Москве считают …") is no statement.
        if (cue.verb?.opinion && sp.cand.via === 'collective') continue;
        if (cue.kind === 'source-verb' && sp.cand.via !== 'name' && sp.cand.via !== 'role') continue;
        taken.add(sp.cand);
        // "Россия готова к диалогу. Об этом заявил Сергей Лавров.", "Про це заявив …", "Das sagte Lawrow am Dienstag.": the
        // words are the sentence before (unless a statement already holds it).
        const pointer = POINTER_BACK.exec(between(text, seg.start, cue.start));
        // German "Das"/"Dies" only right before the verb ("Das Auswärtige Amt erklärte" is no pointer).
        if (pointer && !/[,—–]/u.test(between(text, seg.start, cue.start)) && wordsBetween(tokens, seg.start, cue.start) <= (/^\s*(?:об|про)/iu.test(pointer[0]) ? 4 : 1) && sp.cand.start > seg.start + pointer[0].length - 1) {
          const prevSentence = segBefore ?? (prevPara ? lastSentence(text, prevPara, lex) : null);
          // The sentence before is already attributed: this one only says where it was said ("Об этом дипломат рассказал в эфире …").
          if (prevSentence && (drafts.some((o) => overlap(o.content, prevSentence) > 0) || segDrafts.length > 0)) continue;
          if (prevSentence && !findCues(text, tokenize(text, prevSentence.start, prevSentence.end), prevSentence, findQuotes(text, prevSentence.start, prevSentence.end), lex, lang).some((c) => c.kind === 'verb' || c.kind === 'before')) {
            const content = trimContent(text, prevSentence);
            if (wordsBetween(tokens, content.start, content.end) >= 3 || prevSentence !== segBefore) {
              taken.add(sp.cand);
              const q = findQuotes(text, prevSentence.start, prevSentence.end);
              const d = withQuotes(text, { speaker: sp.cand, cue, content, quotes: [], passage: { start: prevSentence.start, end: seg.end }, reasons: [{ step: 'cue', sieve: `verb:${cue.lang}` }, { step: 'speaker', sieve: `${sp.sieve}+${sp.cand.sieve}` }, { step: 'content', sieve: 'pointer-to-previous-sentence' }], source: null }, q, usedQuotes);
              segDrafts.push(d);
              continue;
            }
          }
        }
        const d = contentOfVerb(text, tokens, seg, para, cue, sp.cand, quotes, usedQuotes, lex);
        // "У Кремлі відповіли майже одразу": an impersonal verb speaks for a body only with a clause, a quote or a colon.
        if (d && sp.sieve === 'impersonal-in-body' && d.reasons.some((r) => r.sieve === 'clause-after-cue')) continue;
        // A new person's gender from the verb they speak with (заявила, сказав): "він" later is not "Гелен Кларк, заявила".
        if (d && sp.cand.via === 'candidate' && sp.cand.type === 'person' && sp.cand.gender === undefined && cue.verb) {
          const g = verbGender(cue, text.slice(cue.start, cue.end));
          if (g) sp.cand.gender = g;
        }
        if (!d) {
          if (seg.end === para.end && /^[^.!?]{0,40}:\s*$/u.test(between(text, Math.max(cue.end, sp.cand.end), para.end))) listLead = { speaker: sp.cand, cue, items: 0 };
          continue;
        }
        // "Moscow responded with a mixture of irony and warnings", "Николенко ответил на слова Лаврова": a verb of reply with
        // a prepositional object says to what or how, not what (unless a clause, quote or colon follows).
        if (cue.verb && REPLY_LEMMAS.has(cue.lemma) && d.quotes.length === 0 && d.reasons.some((r) => r.sieve === 'clause-after-cue') && d.content.start >= cue.end) {
          const w0 = tokens[firstAtOrAfter(tokens, d.content.start)];
          // Up to the first comma: "ответил на слова Лаврова, который …, что …" has its clauses further on.
          const comma = text.indexOf(',', d.content.start);
          const clauseEnd = comma >= 0 && comma < d.content.end ? comma : d.content.end;
          if (w0 && REPLY_PREPOSITIONS.has(w0.low) && !/[:“”«»„"]/u.test(text.slice(d.content.start, clauseEnd)) && !tokens.slice(firstAtOrAfter(tokens, d.content.start), firstAtOrAfter(tokens, clauseEnd)).some((t) => lex.complementizers.has(t.low))) continue;
        }
        // "the source, who said he had spoken to people inside, | told Reuters": a relative clause ends at the comma before
        // the main clause's verb.
        if (sp.sieve === 'relative-subject') {
          const main = cues.find((c) => c !== cue && c.kind === 'verb' && c.start > d.content.start && c.start < d.content.end && /,\s*$/u.test(between(text, d.content.start, c.start)));
          if (main) d.content = trimContent(text, { start: d.content.start, end: text.lastIndexOf(',', main.start) });
          // "Zelensky, who said … he was ready for talks, | is waiting …", "Зеленский, который заявил, что …, | ждёт …",
          // "Selenskyj, der erklärte, er sei bereit, | wartet …": an antecedent that opens the sentence is the main
          // clause's subject, and the comma after the words closes the relative clause whatever the main verb (F7).
          else if (wordsBetween(tokens, seg.start, sp.cand.start) === 0) {
            const comma = text.indexOf(',', d.content.start);
            if (comma > d.content.start && comma < d.content.end && wordsBetween(tokens, d.content.start, comma) >= 2) d.content = trimContent(text, { start: d.content.start, end: comma });
          }
        }
        d.reasons.unshift({ step: 'cue', sieve: `verb:${cue.lang}` }, { step: 'speaker', sieve: `${sp.sieve}+${sp.cand.sieve}` });
        segDrafts.push(d);
        // "Ukrainian experts and officials say …": one statement per group.
        const pair = sp.cand.alsoSpeaks;
        if (pair && !taken.has(pair)) {
          taken.add(pair);
          segDrafts.push({ ...d, speaker: pair, reasons: d.reasons.map((r) => (r.step === 'speaker' ? { step: 'speaker', sieve: `coordinated-group+${pair.sieve}` } : r)) });
        }
      } else if (cue.kind === 'before') {
        // "по его словам", "за його словами": the speaker is the pronoun inside the phrase; "in his words", "according
        // to her" (English possessive and object pronouns are no candidates elsewhere: "his wife said").
        const inside = segCands.find((c) => c.start > cue.start && c.end < cue.end && c.via === 'pronoun') ?? phrasePronounEn(text, tokens, cue);
        // "according to diplomats", "по словам дипломатов": a name of the record that holds the phrase itself.
        const holding = segCands.find((c) => c.start <= cue.start && c.end > cue.end && c.via !== 'pronoun');
        const sp = inside ?? holding ?? segCands.find((c) => c.start >= cue.end && wordsBetween(tokens, cue.end, c.start) <= 3);
        if (!sp || sp.media || taken.has(sp) || (sp.via === 'pronoun' && !inside && sp.sieve !== 'role-noun-anaphor' && !sp.oblique)) continue;
        taken.add(sp);
        const lead = wordsBetween(tokens, seg.start, cue.start);
        let content: Range;
        // "Ukraine, in his words, had become …", "Russia, according to Peskov, is ready …": a phrase set off by commas
        // after a short opening is inside the clause, and the words are the whole clause.
        const framed = lead >= 1 && lead <= 3 && /^[^,]*,\s*$/u.test(between(text, seg.start, cue.start)) && /^\s*,/u.test(between(text, Math.max(sp.end, cue.end), seg.end)) && !relativeBefore(text, tokens, seg, cue.start) && !RELATIVE_WORDS.has(tokens[firstAtOrAfter(tokens, seg.start)]?.low ?? '') && wordsBetween(tokens, Math.max(sp.end, cue.end), seg.end) >= 3;
        if (framed) content = trimContent(text, seg);
        else if (lead <= 2 || relativeBefore(text, tokens, seg, cue.start)) content = trimContent(text, { start: skipPlaceAfter(text, tokens, Math.max(sp.end, cue.end), skipLead(text, Math.max(sp.end, cue.end), seg.end), seg.end), end: seg.end });
        else content = trimContent(text, { start: seg.start, end: cue.start });
        if (content.end - content.start < 3) continue;
        segDrafts.push(withQuotes(text, { speaker: sp, cue, content, quotes: [], passage: seg, reasons: [{ step: 'cue', sieve: `according-to:${cue.lang}` }, { step: 'speaker', sieve: `after-according-to+${sp.sieve}` }], source: null }, quotes, usedQuotes));
      } else if (cue.kind === 'after') {
        // "Diplomaten zufolge": also a name of the record that holds the phrase itself.
        const sp = [...segCands].reverse().find((c) => ((c.end <= cue.start && wordsBetween(tokens, c.end, cue.start) <= 1) || (c.start < cue.start && c.end >= cue.end && c.via !== 'pronoun')) && !taken.has(c));
        if (!sp || sp.media) continue;
        taken.add(sp);
        const lead = wordsBetween(tokens, seg.start, sp.start);
        const content = lead <= 2 ? trimContent(text, { start: cue.end, end: seg.end }) : trimContent(text, { start: seg.start, end: sp.start });
        if (content.end - content.start < 3) continue;
        segDrafts.push(withQuotes(text, { speaker: sp, cue, content, quotes: [], passage: seg, reasons: [{ step: 'cue', sieve: `zufolge:${cue.lang}` }, { step: 'speaker', sieve: `before-zufolge+${sp.sieve}` }], source: null }, quotes, usedQuotes));
      }
    }
    const source = sources[0] ?? null;
    // A statement ends where a clause with a speaker of its own is joined on ("… he was confined to his home | and the
    // military said …", "He vowed to keep trying, | but the BBC's editor said …"); a speaker named inside it without
    // "and"/"but" before it is a nested statement and leaves the outer one whole.
    for (const d of segDrafts) {
      for (const o of segDrafts) {
        // Only for words after their cue: what precedes "…, Vershinin told" is all his, "and Moscow has signalled …" too.
        if (o === d || !d.cue || d.content.start < d.cue.end || o.speaker.start <= d.content.start || o.speaker.start >= d.content.end) continue;
        const m = JOINED_CLAUSE.exec(text.slice(Math.max(d.content.start, o.speaker.start - 24), o.speaker.start));
        if (m) d.content = trimContent(text, { start: d.content.start, end: Math.max(d.content.start, o.speaker.start - 24) + m.index });
      }
    }
    // A statement ends before a verb that shares its subject ("said … were “legitimate” | but insisted …").
    for (const d of segDrafts) {
      for (const o of segDrafts) {
        if (o === d || !o.cue || !o.reasons.some((r) => r.sieve.startsWith('coordinated-subject'))) continue;
        const at = coordinatedAt(text, seg.start, o.cue.start);
        if (at > d.content.start && at < d.content.end) d.content = trimContent(text, { start: d.content.start, end: at });
      }
    }
    // "Podolyak criticised Lavrov, who said …", "Подоляк раскритиковал Лаврова, который заявил, что …": the relative
    // clause's words are its antecedent's; the outer verb, whose object the antecedent is, gives them up (review 9A, F8).
    const relatives = segDrafts.filter((r) => r.reasons.some((x) => x.step === 'speaker' && x.sieve.startsWith('relative-subject')));
    const outer = (d: Draft) => relatives.some((r) => r !== d && d.cue !== null && d.cue.end <= r.speaker.start && d.content.start <= r.content.start && d.content.end >= r.content.end);
    for (const d of segDrafts) {
      if (outer(d)) continue;
      // The content stops before a source phrase inside it ("…, сообщает РИА Новости", "…, according to TASS"), but not
      // at its own attribution between the pieces of a split quote ("“…,” Lavrov told CNN. “…”": who was told).
      const pieces = d.quotes;
      for (const c of cues) {
        if (pieces.length > 1 && c.start > pieces[0]!.end && c.start < pieces[pieces.length - 1]!.start) continue;
        if (c.start > d.content.start && c.start < d.content.end && (c.kind === 'source-verb' || c.kind === 'source-before' || c.kind === 'before') && sources.some((src) => src.start >= c.end - 1 && src.start - c.end < 40 || src.end <= c.start && c.start - src.end < 3)) {
          d.content = trimContent(text, { start: d.content.start, end: c.start });
        }
        if (c.kind === 'after' && sources.some((src) => src.end <= c.start && c.start - src.end < 3 && src.start > d.content.start && src.start < d.content.end)) {
          d.content = trimContent(text, { start: d.content.start, end: sources.find((src) => src.end <= c.start && c.start - src.end < 3)!.start });
        }
      }
      for (const src of sources) {
        if (src.start <= d.content.start || src.start >= d.content.end || d.quotes.length > 0) continue;
        // "told the BBC he would …": an outlet opening the content is who was told; the words follow it.
        if (wordsBetween(tokens, d.content.start, src.start) <= 1 && d.cue?.lemma === 'tell') d.content = trimContent(text, { start: src.end, end: d.content.end });
        else d.content = trimContent(text, { start: d.content.start, end: src.start });
      }
      d.source = source;
      if (source) d.reasons.push({ step: 'source', sieve: 'reporting-source' });
      // The same words claimed twice in one sentence ("Peskov said, according to TASS"): keep the first.
      // Only this paragraph's drafts can hold the same words (contents never cross a paragraph).
      if (drafts.some((o, k) => k >= firstDraft && o.speaker.entityId === d.speaker.entityId && o.speaker.name === d.speaker.name && overlap(o.content, d.content) > 0)) continue;
      drafts.push(d);
    }
  }

  // Follow-on quotes: a quote the attribution sieves left, right after a direct statement of this or the previous paragraph.
  const prev = drafts[drafts.length - 1];
  // After an indirect statement, only a paragraph that is one quote and follows the statement's own sentence goes on
  // with its speaker ("However, he defended his decision to engage with those governments. ⏎ “Well, they're not
  // ideal institutions …”").
  // The quote a colon at the end of the previous paragraph announced (contentOfVerb, quote-in-next-paragraph).
  const announced = prev !== undefined && prev.content.start === prev.content.end && prev.reasons.some((r) => r.sieve === 'quote-in-next-paragraph') ? quotes.find((q) => q.start === para.start && !usedQuotes.has(q)) : undefined;
  if (announced && prev) {
    usedQuotes.add(announced);
    prev.content = trimRange(text, announced.inner);
    prev.quotes = [announced];
    prev.passage = { start: prev.passage.start, end: announced.end };
    return listLead;
  }
  const wholeQuote = quotes.length === 1 && quotes[0]!.start === para.start && /^[\s.,]*$/u.test(between(text, quotes[0]!.end, para.end));
  const afterIndirect = prev !== undefined && prev.quotes.length === 0 && wholeQuote && prev.passage.end <= para.start && /^[\s.!?…”"»]*$/u.test(between(text, prev.passage.end, para.start));
  if (prev && (prev.quotes.length > 0 || afterIndirect)) {
    for (const q of quotes) {
      if (usedQuotes.has(q)) continue;
      const inner = trimRange(text, q.inner);
      if (wordsBetween(tokens, inner.start, inner.end) < 4) continue;
      // Typewriter single quotes mark titles and headlines as often as words ('The Deepest, Darkest Secret …' in a list
      // of links): they go on only from a quote in the same marks.
      if (text.charCodeAt(q.start) === 39 && !prev.quotes.some((p) => text.charCodeAt(p.start) === 39)) continue;
      // Only a quote that opens the paragraph or follows the previous statement's sentence.
      const opensPara = q.start === para.start;
      const afterPrev = drafts.length > firstDraft && q.start >= prev.passage.end;
      if (!opensPara && !afterPrev) continue;
      if (cands.some((c) => c.start >= para.start && c.end <= para.end && !inInterior(quotes, c.start) && c.via !== 'pronoun' && c.via !== 'candidate')) continue;
      usedQuotes.add(q);
      drafts.push({
        speaker: { ...prev.speaker },
        cue: null,
        content: inner,
        quotes: [q],
        passage: { start: q.start, end: q.end },
        reasons: [{ step: 'speaker', sieve: opensPara ? 'quote-paragraph-continues-speaker' : 'quote-continues-speaker' }],
        source: prev.source,
        kind: 'direct',
      });
    }
  }
  return listLead;
}

/**
 * German reported speech runs on in Konjunktiv I: "…, sagte Selenskyj.
 * Russland müsse zuerst abziehen." A following sentence of the same or the
 * next paragraph with a subjunctive verb and no cue of its own continues the
 * last speaker.
 */
function konjunktivContinuation(text: string, tokens: readonly Token[], seg: Range, quotes: readonly QuoteSpan[], lex: LexiconIndex, drafts: Draft[], para: Range): boolean {
  const prev = drafts[drafts.length - 1];
  if (!prev || !(prev.cue?.lang === 'de' || prev.reasons.some((r) => r.sieve === 'konjunktiv-i-continues-speaker'))) return false;
  if (seg.start - prev.passage.end > 400 || prev.passage.end > seg.start) return false;
  if (quotes.some((q) => q.start < seg.end && q.end > seg.start)) return false;
  const words = tokens.filter((t) => t.start >= seg.start && t.end <= seg.end);
  if (words.length < 3 || !words.some((t) => lex.subjunctive.has(t.low))) return false;
  // Not across a paragraph that begins with a new name: only the same paragraph or the next one.
  if (prev.passage.end < para.start && /\n[^\n]*\n/u.test(text.slice(prev.passage.end, para.start))) return false;
  const content = trimContent(text, seg);
  drafts.push({ speaker: { ...prev.speaker }, cue: null, content, quotes: [], passage: seg, reasons: [{ step: 'speaker', sieve: 'konjunktiv-i-continues-speaker' }], source: prev.source, kind: 'indirect' });
  return true;
}

/**
 * "Moscow asked that Ukraine cease military actions … . Also, to accept Crimea as Russian territory …": the sentence
 * right after a reported clause, opening with a connective that adds to it ("Also,", "Кроме того,", "Крім того,",
 * "Außerdem"), with no cue, quote or speaker of its own, goes on with the same speaker.
 */
function connectiveContinuation(text: string, tokens: readonly Token[], seg: Range, quotes: readonly QuoteSpan[], cands: readonly Candidate[], lex: LexiconIndex, drafts: Draft[]): void {
  const prev = drafts[drafts.length - 1];
  if (!prev || prev.quotes.length > 0 || prev.passage.end > seg.start || !/^[\s.!?…”"»]*$/u.test(between(text, prev.passage.end, seg.start))) return;
  if (quotes.some((q) => q.start < seg.end && q.end > seg.start)) return;
  const i = firstAtOrAfter(tokens, seg.start);
  const lead = lex.continuers.find((words) => words.every((w, k) => tokens[i + k]?.low === w && tokens[i + k]!.end <= seg.end));
  if (!lead) return;
  const after = tokens[i + lead.length - 1]!.end;
  // "Also," with its comma; the multi-word ones ("Кроме того", "In addition") need none.
  if (lead.length === 1 && !/^\s*,/u.test(text.slice(after, after + 2))) return;
  if (wordsBetween(tokens, after, seg.end) < 4) return;
  // Still reported: an infinitive or clause opener first ("Also, to accept …"), or a word of obligation ("Киев должен").
  const next = firstAtOrAfter(tokens, after);
  let reported = tokens[next] !== undefined && lex.continuationOpeners.has(tokens[next]!.low);
  for (let k = next; !reported && k < tokens.length && tokens[k]!.end <= seg.end; k++) if (lex.obligations.has(tokens[k]!.low)) reported = true;
  if (!reported) return;
  // Someone else speaking in it ("Also, Kyiv said …" has its cue; "Also, Peskov …" names a new subject) is not a continuation.
  const subject = cands.find((c) => c.start >= after && c.end <= seg.end && !c.oblique && !c.possessive);
  if (subject && subject.type === 'person' && wordsBetween(tokens, after, subject.start) === 0 && subject.entityId !== prev.speaker.entityId) return;
  drafts.push({ speaker: { ...prev.speaker }, cue: null, content: trimContent(text, seg), quotes: [], passage: seg, reasons: [{ step: 'speaker', sieve: 'connective-continues-speaker' }], source: prev.source, kind: 'indirect' });
}

function overlap(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** English pronouns that a source phrase holds ("in his words", "according to her", "in their view"), with their gender. */
const PHRASE_PRONOUNS_EN: Record<string, 'male' | 'female' | 'plural'> = { his: 'male', him: 'male', her: 'female', their: 'plural', them: 'plural' };

/** The pronoun inside or right after an English source phrase, closing it ("in his words", "according to him,"). */
function phrasePronounEn(text: string, tokens: readonly Token[], cue: Cue): Candidate | undefined {
  if (cue.lang !== 'en') return undefined;
  for (let k = cue.first; k <= cue.last + 1 && k < tokens.length; k++) {
    const t = tokens[k]!;
    const g = PHRASE_PRONOUNS_EN[t.low];
    if (!g) continue;
    // After the phrase, only a pronoun that closes it ("according to him," not "according to his aides").
    if (k > cue.last && !/^\s*(?:[,.;:—–]|$)/u.test(text.slice(t.end, t.end + 2))) return undefined;
    return { start: t.start, end: t.end, entityId: null, name: text.slice(t.start, t.end), type: 'person', via: 'pronoun', gender: g, media: false, sieve: 'pronoun', resolvedFrom: undefined, possessive: false, oblique: true, composedFrom: undefined, roleKind: undefined, alsoSpeaks: undefined };
  }
  return undefined;
}

/** After the speaker of "according to X, …": skips ", who …," appositions are not skipped; only spaces and a comma. */
/** Words that open a relative or subordinate clause and stand alone before a parenthetical source ("which, according to …"). */
const RELATIVE_WORDS = new Set('which where who that when где куда когда что который которая которое которые де куди коли що який яка яке які wo wohin wann dass der die das welche welcher welches'.split(' '));

/**
 * "…, which, according to diplomats, was received …", "…, где, по данным Генштаба, за сутки …": only a relative word
 * stands between the comma before the source phrase and the phrase; the words are the rest of that clause after it.
 */
function relativeBefore(text: string, tokens: readonly Token[], seg: Range, cueStart: number): boolean {
  const comma = text.lastIndexOf(',', cueStart - 1);
  if (comma < seg.start || !/^,\s*$/u.test(text.slice(comma, cueStart))) return false;
  const before = text.lastIndexOf(',', comma - 1);
  if (before < seg.start) return false;
  const k = firstAtOrAfter(tokens, before + 1);
  return wordsBetween(tokens, before + 1, comma) === 1 && tokens[k] !== undefined && RELATIVE_WORDS.has(tokens[k]!.low);
}

/**
 * "according to diplomats in New York, …", "по словам дипломатов в Женеве, …": a short phrase of place before the comma
 * after the speaker. Only right after the speaker, with no comma between: in "According to Peskov, in Moscow, nobody …"
 * and "По словам Пескова, в Кремле, …" the place is part of the words.
 */
function skipPlaceAfter(text: string, tokens: readonly Token[], speakerEnd: number, from: number, end: number): number {
  if (from > speakerEnd && text.slice(speakerEnd, from).includes(',')) return from;
  const t = tokens[firstAtOrAfter(tokens, from)];
  if (!t || t.start !== from || !/^(?:in|at|в|во|у|in|im|bei)$/u.test(t.low)) return from;
  const comma = text.indexOf(',', from);
  if (comma < 0 || comma >= end || /[.:;“”«»„"]/u.test(text.slice(from, comma)) || wordsBetween(tokens, from, comma) > 4) return from;
  return wordsBetween(tokens, comma, end) >= 3 ? skipLead(text, comma, end) : from;
}

function skipLead(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && /[\s,:]/u.test(text.charAt(i))) i++;
  return i;
}

/** The speaker of a speech verb, and which side of it the speaker was on. */
function speakerOfVerb(
  text: string,
  tokens: readonly Token[],
  seg: Range,
  cue: Cue,
  cands: readonly Candidate[],
  quotes: readonly QuoteSpan[],
  taken: ReadonlySet<Candidate>,
): { cand: Candidate; sieve: string } | undefined {
  const free = cands.filter((c) => !taken.has(c) && !c.media && !c.possessive && !c.oblique);
  // "…, заявил глава МИД России Сергей Лавров", "Об этом сообщил глава МИД Сергей Лавров": a body inside the role phrase
  // before the name is whose role it is; the person named right after it speaks.
  const personAfterBody = (right: Candidate): { cand: Candidate; sieve: string } | undefined => {
    const roleNoun = right.sieve === 'role-noun-anaphor';
    if (right.type === 'person' && !roleNoun) return undefined;
    const person = free.find((c) => c.start > right.end && c.type === 'person' && c.via !== 'pronoun' && wordsBetween(tokens, right.end, c.start) <= (roleNoun ? 5 : 4) && !/[“”«»„",.:;!?—–()]/u.test(between(text, right.end, c.start)));
    return person ? { cand: person, sieve: 'inverted-role-name' } : undefined;
  };
  // "Sergey Lavrov, who confirmed …", "Лаврова, который накануне подтвердил, что …", "Вершиніна, який напередодні
  // запросив …", "Peskow, der am Dienstag erklärte, …": a relative pronoun opens the verb's clause; its antecedent (in any
  // case: the relative word is the nominative) right before the comma speaks.
  const rel = RELATIVE_SUBJECT.exec(between(text, seg.start, cue.start));
  if (rel && cue.kind === 'verb') {
    const comma = seg.start + rel.index;
    const head = [...cands].reverse().find((c) => c.end <= comma && /^\s*$/u.test(between(text, c.end, comma)) && !taken.has(c) && !c.media && !c.possessive && !inInterior(quotes, c.start));
    if (head && !(head.via === 'pronoun' && head.sieve === 'pronoun') && !cands.some((c) => c.start > comma && c.end <= cue.start)) return { cand: { ...head, oblique: false }, sieve: 'relative-subject' };
  }
  let left = [...free].reverse().find((c) => c.end <= cue.start && wordsBetween(tokens, c.end, cue.start) <= GAP_BEFORE_VERB && !/[“”«»„"]|[.!?]\s/u.test(between(text, c.end, cue.start)));
  // "A senior official in the Ukrainian presidential office told", "A spokesman for the Russian foreign ministry said",
  // "Ein Sprecher des russischen Außenministeriums sagte": the body after the preposition is whose person speaks; the
  // unnamed person speaks, as written.
  if (left) {
    const unnamed = [...free].reverse().find((c) => c.end <= left!.start && (c.sieve === 'indefinite-role' || c.sieve === 'unnamed-source'));
    if (unnamed && BODY_OF_UNNAMED.test(between(text, unnamed.end, left.start)) && wordsBetween(tokens, unnamed.end, cue.start) <= 9 && isBodyOfUnnamed(text, tokens, unnamed, left, free, lexiconIndex()) && unnamedIsSubject(text, tokens, seg, unnamed, lexiconIndex())) left = unnamed;
  }
  // A name after "that" opens the reported clause: in "…, Peskov said, adding that Putin sees …" Putin is talked about.
  const complementizers = lexiconIndex().complementizers;
  const right0 = free.find((c) => c.start >= cue.end && wordsBetween(tokens, cue.end, c.start) <= GAP_AFTER_VERB && !/[“”«»„",.:;!?—–]/u.test(between(text, cue.end, c.start)) && !tokens.slice(firstAtOrAfter(tokens, cue.end), firstAtOrAfter(tokens, c.start)).some((t) => complementizers.has(t.low)));
  // English inverts only a subject that closes the clause ("…, said Peskov.", "…, said Peskov on Monday"): in "…, said
  // Moscow was aiming at Washington" the name opens the reported clause.
  // A verb that takes a person as its object ("…, blames Kyiv for stalemate", "…, urges Berlin to act") inverts only
  // with the name closing the sentence ("…, warned Peskov.").
  const objectVerb = cue.lang === 'en' && EN_OBJECT_VERBS.has(cue.lemma) && right0 !== undefined && !/^\s*(?:[.!?]|$)/u.test(text.slice(right0.end, right0.end + 2));
  const right = right0 && cue.lang === 'en' && (objectVerb || !closesClauseEn(text, tokens, right0.end)) ? undefined : right0;
  // Inverted after reported words: ", — заявил Песков", "," said Peskov", ", sagte Peskow".
  const lead = between(text, Math.max(seg.start, left?.end ?? seg.start), cue.start);
  const trailing = /[,”"»“’—–:]\s*$/u.test(lead) || inInteriorEnd(quotes, cue.start, text);
  // "…, заявил в понедельник официальный представитель правительства Германии Штефан Ройтер.": after reported words a
  // longer phrase of time and role may stand between the verb and a name that closes the sentence.
  if (trailing && !right && cue.lang !== 'en') {
    const far = free.find((c) => c.start >= cue.end && c.via !== 'pronoun' && wordsBetween(tokens, cue.end, c.start) <= FAR_GAP && !/[“”«»„",.:;!?—–()]/u.test(between(text, cue.end, c.start)) && /^\s*(?:[.!?,]|$)/u.test(text.slice(c.end, c.end + 2)));
    if (far) return { cand: far, sieve: 'inverted-far' };
  }
  // English puts a pronoun after the verb only as the subject of the reported clause ("…, said he believed …").
  if (trailing && right && !(cue.lang === 'en' && right.sieve === 'pronoun' && /^\s+[\p{L}]/u.test(text.slice(right.end, right.end + 2)))) {
    // "…, schrieb der Sprecher des Außenministeriums, Oleh Nikolenko": a name in apposition to the role noun wins.
    if (right.sieve === 'role-noun-anaphor') {
      const named = free.find((c) => c.start > right.end && c.type === 'person' && c.via !== 'pronoun' && wordsBetween(tokens, right.end, c.start) <= 6 && !/[.!?;:]/u.test(between(text, right.end, c.start)));
      if (named) return { cand: named, sieve: 'inverted-apposition' };
    }
    // "…, заявил глава МИД России Сергей Лавров", "…, said the head of the agency John Smith": a body inside the role
    // phrase before the name is whose role it is; the person named after it speaks.
    return personAfterBody(right) ?? { cand: right, sieve: 'inverted' };
  }
  // "Oleh Nikolenko, who speaks for Ukraine's foreign ministry, said", "Mykhailo Podolyak, an adviser to Zelensky,
  // said": the name before an apposition is the subject, not a name inside it.
  const app = APPOSITION_BEFORE_CUE.exec(between(text, seg.start, cue.start));
  if (app) {
    const open = seg.start + app.index;
    const head = [...free].reverse().find((c) => c.end <= open && /^\s*$/u.test(between(text, c.end, open)));
    const lex = lexiconIndex();
    const inner = tokens.slice(firstAtOrAfter(tokens, open), firstAtOrAfter(tokens, cue.start));
    if (head && head.via !== 'pronoun' && (!left || left === head || left.start > open) && !inner.some((t) => lex.verbs.has(t.low))) {
      // "A government spokesman, Klaus Brenner, told …", "Its spokesman, Dmitry Peskov, said …": when the apposition is
      // only the name of a person, the role phrase before it is who that person is, and the name speaks.
      if (head.type === 'person' && head.entityId === null || head.sieve === 'role-noun-anaphor' || head.via === 'role') {
        const close = seg.start + app.index + app[0].lastIndexOf(',');
        const name = free.find((c) => c.start > open && c.end <= close && c.type === 'person' && (c.via === 'name' || c.sieve === 'capitalised-name' || c.sieve === 'name-seen-before' || c.sieve === 'titled-name') && /^[\s,]*$/u.test(between(text, open, c.start)) && /^[\s,]*$/u.test(between(text, c.end, close)));
        if (name && (UNNAMED_SIEVES.has(head.sieve) || head.sieve === 'role-noun-anaphor' || head.via === 'role')) return { cand: name, sieve: 'name-in-apposition' };
      }
      return { cand: head, sieve: 'subject-before-apposition' };
    }
  }
  // "Владимир Зеленский в интервью американскому телеканалу ABC News заявил": in ru, uk and de a prepositional phrase
  // (no comma, no other name that could speak) may stand between an opening subject and its verb.
  if (!left && cue.lang !== 'en') {
    const far = [...free].reverse().find((c) => c.end <= cue.start && c.via !== 'pronoun' && wordsBetween(tokens, c.end, cue.start) <= FAR_GAP && wordsBetween(tokens, seg.start, c.start) <= 4);
    const gapTokens = far ? tokens.slice(firstAtOrAfter(tokens, far.end), firstAtOrAfter(tokens, cue.start)) : [];
    if (far && gapTokens.length > GAP_BEFORE_VERB && SUBJECT_BLOCKERS.has(gapTokens[0]!.low) && !/[“”«»„",.:;!?—–()]/u.test(between(text, far.end, cue.start)) && !cands.some((c) => c.start >= far.end && c.end <= cue.start && !c.media && !c.oblique && !c.possessive)) {
      return { cand: far, sieve: 'subject-far' };
    }
  }
  if (left) {
    // "Peskov, the Kremlin spokesman, said": an apposition between commas is allowed; another clause is not.
    const gap = between(text, left.end, cue.start);
    const commas = (gap.match(/,/g) ?? []).length;
    if (commas === 0 || (commas === 2 && /^\s*,[^,]*,\s*$/u.test(gap))) return { cand: left, sieve: 'subject' };
    // "Der Berater …, Mychajlo Podoljak, schrieb": the name closes an apposition.
    if (commas === 1 && /^\s*,\s*$/u.test(gap) && /,\s*$/u.test(between(text, seg.start, left.start))) return { cand: left, sieve: 'subject-apposition' };
  }
  // Verb-second order: "Am Dienstag sagte Peskow", "Вчера заявил Песков"; English only right after reported words.
  // Not a verb right after "и"/"і"/"та"/"und": "…, и обвинило Киев в срыве эвакуации" shares the sentence's subject and
  // what follows it is its object.
  const prevWord = tokens[firstAtOrAfter(tokens, cue.start) - 1];
  const coordinated = prevWord !== undefined && COORDINATORS.has(prevWord.low) && /^\s+$/u.test(between(text, prevWord.end, cue.start));
  if (right && !coordinated && (cue.lang !== 'en' || wordsBetween(tokens, seg.start, cue.start) === 0)) return personAfterBody(right) ?? { cand: right, sieve: 'inverted' };
  // "Mr Obama said … but insisted progress had been made", "Amazon earns $3.6 billion profit, vows to shift …": a verb
  // right after "and", "but" or a comma, with no subject of its own, shares the subject that opens the sentence.
  if (cue.kind === 'verb' && coordinatedAt(text, seg.start, cue.start) >= 0) {
    const subj = cands.find((c) => c.start >= seg.start && c.end <= cue.start && !c.media && !c.possessive && !c.oblique && !inInterior(quotes, c.start) && (wordsBetween(tokens, seg.start, c.start) <= 2 || /^[^,]*,\s*$/u.test(between(text, seg.start, c.start))));
    if (subj && !/[“”«»„"]/u.test(between(text, subj.end, cue.start))) return { cand: subj, sieve: 'coordinated-subject' };
  }
  // "В Кремле заявили, что …", "У МЗС повідомили", "В министерстве обороны России повторили": an impersonal plural
  // verb after "в"/"у" and a body of the record (an organization, a collective, a place speaking as a government).
  if (cue.kind === 'verb' && (cue.lang === 'ru' || cue.lang === 'uk') && cue.verb && pluralVerb(cue.verb, text.slice(cue.start, cue.end))) {
    const body = cands.find((c) => c.start >= seg.start && c.end <= cue.start && c.entityId !== null && c.type !== 'person' && !c.media && !taken.has(c) && LOCATIVE_BEFORE.test(text.slice(Math.max(seg.start, c.start - 4), c.start)) && wordsBetween(tokens, c.end, cue.start) <= GAP_BEFORE_VERB && !/[“”«»„".:;!?—–()]/u.test(between(text, c.end, cue.start)));
    if (body && !cands.some((c) => c !== body && c.start > body.end && c.end <= cue.start && !c.oblique && !c.media)) return { cand: { ...body, oblique: false, via: 'collective' }, sieve: 'impersonal-in-body' };
  }
  return undefined;
}

/** After "asked": the request to stay unnamed that news writing gives for an anonymous source. */
const ANONYMITY_AFTER_ASK = /^\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|for\s+anonymity|to\s+remain\s+(?:anonymous|unnamed)|that\s+(?:his|her|their)\s+names?\s+not)/iu;

/** Verbs of reply ("responded", "ответил", "відповів", "antwortete") and the prepositions of their objects ("with", "to", "на", "auf"). */
const REPLY_LEMMAS = new Set(['respond', 'reply', 'answer', 'ответить', 'відповісти', 'antworten']);
const REPLY_PREPOSITIONS = new Set(['with', 'to', 'by', 'on', 'на', 'в', 'у', 'з', 'із', 'auf', 'mit']);
/** ", who [in turn] has", ", который накануне", ", який напередодні", ", der am Dienstag": a comma, a relative pronoun of a person and up to three words with no punctuation, at the end of the text before a verb. */
const RELATIVE_SUBJECT = /,\s*(?:who|который|которая|которые|кто|який|яка|які|хто|der|die|welcher|welche)((?:\s+[\p{L}\p{N}'’-]+){0,3})\s*$/iu;

const COORDINATORS = new Set(['и', 'і', 'та', 'й', 'und', 'and']);

/** Words that may follow an English subject placed after its verb ("said Peskov on Monday", "told Peskov, who …"). */
const AFTER_INVERTED_EN = new Set('in on at during after before late earlier yesterday today tonight last this who whose which adding according speaking writing as when while from of to for with and but'.split(' '));

/** Prepositions that open a phrase of manner or means after an inverted subject ("said Podolyak by phone", "said Peskov via Telegram"). */
const PREPOSITIONS_EN = new Set('by via through over under into within without amid among across against toward towards upon about around despite like since until beside behind near outside inside'.split(' '));

/**
 * After `end` (an English subject after its verb) comes punctuation, the end, or a word that does not open a clause:
 * a preposition, a listed word, or an adverb in -ly that is not itself followed by another word ("said Peskov simply.",
 * "said Peskov tersely, adding …", "said Peskov quietly on Monday"; not "said Moscow clearly wanted …").
 */
function closesClauseEn(text: string, tokens: readonly Token[], end: number): boolean {
  const k = firstAtOrAfter(tokens, end);
  const next = tokens[k];
  if (!next || !/^\s*$/u.test(text.slice(end, next.start))) return true;
  if (next.cap || AFTER_INVERTED_EN.has(next.low) || PREPOSITIONS_EN.has(next.low)) return true;
  if (!/^\p{L}{3,}ly$/u.test(next.low)) return false;
  const after = tokens[k + 1];
  return !after || !/^\s*$/u.test(text.slice(next.end, after.start)) || after.cap || AFTER_INVERTED_EN.has(after.low) || PREPOSITIONS_EN.has(after.low);
}

/** The speaker's gender a Russian/Ukrainian past-tense verb shows (-ла female; ru -л, uk -в male), else undefined. */
function verbGender(cue: Cue, written: string): 'male' | 'female' | undefined {
  if (!cue.verb || (cue.lang !== 'ru' && cue.lang !== 'uk')) return undefined;
  if (cue.verb.female) return 'female';
  if (cue.verb.plural) return undefined;
  const w = normalizeWord(written);
  return (cue.lang === 'ru' && /[^ь]л$/u.test(w)) || (cue.lang === 'uk' && /[^о]в$/u.test(w)) ? 'male' : undefined;
}

/** "в"/"во"/"у" right before a word: where something is said ("в Кремле", "у Києві"). */
const LOCATIVE_BEFORE = /(?:^|[\s,])(?:в|во|у)\s+$/iu;

/** A plural form of a Russian/Ukrainian speech verb: past -ли (lexicon), present 3rd person plural (-ют, -ят, -уть, -ять). */
function pluralVerb(v: VerbEntry, written: string): boolean {
  return v.plural || /(?:ют|ят|уть|ять|ють)$/u.test(normalizeWord(written));
}

/** ", and the", "but the BBC's": a conjunction (and a determiner) right before a clause's own speaker. */
const JOINED_CLAUSE = /(?:[,;]?\s+(?:and|but|while|whereas|und|aber|während|и|а|но|і|та|а|але)|\s+[—–])\s+(?:(?:the|a|an|his|her|its|their|der|die|das)\s+)?(?:[\p{L}'’.-]+\s+){0,2}$/iu;

/** "and", "but" or a comma (perhaps with "also") right before a verb: where the conjunction starts, or -1. */
const COORDINATED = /(?:,|\s(?:and|but|und|aber|и|но|а|і|та|але))\s+(?:(?:also|then|later|while|whilst|auch|также|тоже|також)\s+)?$/iu;
function coordinatedAt(text: string, from: number, cue: number): number {
  const m = COORDINATED.exec(text.slice(Math.max(from, cue - 30), cue));
  return m ? Math.max(from, cue - 30) + m.index : -1;
}

/** A sentence opening with a pointer back to the one before it: "Об этом заявил …", "Про це повідомив …", "Das sagte …". */
const POINTER_BACK = /^\s*(?:об этом|про це|das|dies|darüber)(?![\p{L}\p{N}])/iu;

/** The last sentence of a paragraph. */
function lastSentence(text: string, para: Range, lex: LexiconIndex): Range | null {
  const all = sentences(text, para, lex.abbreviations);
  return all[all.length - 1] ?? null;
}

/** A dateline: a place in capitals, a dash or full stop ("MOSCOW — ", "KYIV, Ukraine — ", "КИЕВ. "). */
const DATELINE = /^\p{Lu}{2,}(?:[\s,]+\p{L}+){0,2}\s*(?:[—–]|\.)\s+/u;

/** Up to four words between a comma or dash and a name: perhaps the name's role ("…, spokesman Dmitry Peskov"). */
const ROLE_WORDS_BEFORE = /[,—–]\s+((?:[\p{L}][\p{L}'’.-]*\s+){1,4})$/u;
const ROLE_MODIFIERS = new Set('senior former chief deputy foreign press top acting first vice state'.split(' '));
const NOT_ROLE_WORD = new Set('and but or while as so then also which who that the a an he she it they we'.split(' '));

/** A title abbreviation right before a name ("Mr. ", "Dr ", "Sen. "). */
const TITLE_BEFORE = /(?<![\p{L}\p{N}])(?:mr|mrs|ms|dr|prof|sen|rep|gov|gen|lt|col|capt|sgt|rev|st)\.?\s+$/iu;

/** An article or possessive right before a speaker's phrase. */
const DETERMINER_BEFORE = /(?<![\p{L}\p{N}])(?:the|a|an|one|another|his|her|its|their|der|die|das|den|dem|des|ein|eine|einer)\s+$/iu;

/** A relative pronoun or an article right after ", ": an apposition to the speaker ("…, said Tom Forte, who follows …"). */
const APPOSITION_AFTER = /^\s*,\s*(?:who|whose|which|a|an|the|der|die|das|welcher|welche|который|которая|которые|який|яка|які)(?![\p{L}\p{N}])/iu;

/** ", an adviser to Zelensky," / ", who speaks for the ministry," right before a cue: an apposition (no quote marks, no sentence end). */
const APPOSITION_BEFORE_CUE = /,([^,.!?;:“”«»„"]{2,120}),\s*$/u;

/** A quote ends right before `pos` (only spaces, commas and dashes between). */
function inInteriorEnd(quotes: readonly QuoteSpan[], pos: number, text: string): boolean {
  return quotes.some((q) => q.end <= pos && /^[\s,—–-]*$/u.test(text.slice(q.end, pos)));
}

const EN_ADDRESSEE_DETERMINERS = new Set('a an the his her their its our this these those several some'.split(' '));
const EN_ADDRESSEES = new Set(
  ('reporters journalists media press conference briefing meeting audience crowd parliament lawmakers legislators senators deputies ' +
    'students supporters interviewer broadcaster television tv radio newspaper channel summit assembly council forum gathering session ' +
    'committee congress rally delegates diplomats officials leaders ministers colleagues counterparts nation country public people ' +
    'viewers listeners readers voters citizens agency outlet daily magazine website network programme program show interview podcast').split(' '),
);
/** Object pronouns: the whole of whom "told" addresses. */
const EN_OBJECT_PRONOUNS = new Set('him her them us me you'.split(' '));
/** Heads that may follow an addressee noun in one compound ("a press conference", "a television interview"). */
const EN_ADDRESSEE_COMPOUND = new Set('conference briefing meeting summit session interview channel programme program show gathering forum agency'.split(' '));
/** What ends the phrase after "told": a preposition or an auxiliary ("told reporters on Tuesday", "told CNN officials were"). */
const EN_ADDRESSEE_STOP = new Set(
  ('on in at to of about for during after before from by with without over under into than as if when while because ' +
    'is was are were be been being had has have would will could should might may must can did does do shall').split(' '),
);

/**
 * The end of whom an English "told" addresses, right after `from`: the noun phrase there ("reporters", "a news
 * conference", "state television", "him", "the BBC", "CNN", "Sky News", "the nation"). Its words: a determiner, then
 * a name (a run of capitalised words) or up to four lowercase words ending in an addressee noun; the phrase stops at
 * "that", a new determiner or possessive ("told CNN the officials …"), a preposition or an auxiliary, punctuation, and
 * a name after lowercase words. A lowercase phrase counts only with an addressee head or with "that" right after it;
 * a capitalised word right before an auxiliary is the reported clause's subject, not the addressee. `from` when there
 * is none.
 */
function addresseeEnd(text: string, tokens: readonly Token[], from: number, segEnd: number, lex: LexiconIndex): number {
  const first = firstAtOrAfter(tokens, from);
  const at = (k: number) => {
    const t = tokens[k];
    return t && t.end <= segEnd && /^\s*$/u.test(between(text, k === first ? from : tokens[k - 1]!.end, t.start)) ? t : undefined;
  };
  const word = (k: number) => text.slice(tokens[k]!.start, tokens[k]!.end);
  const stops = (k: number) => {
    const t = at(k);
    return !t || lex.complementizers.has(t.low) || EN_ADDRESSEE_STOP.has(t.low) || EN_ADDRESSEE_DETERMINERS.has(t.low) || lex.verbs.has(t.low);
  };
  let k = first;
  const t0 = at(k);
  if (!t0) return from;
  if (EN_OBJECT_PRONOUNS.has(t0.low)) return t0.end;
  if (EN_ADDRESSEE_DETERMINERS.has(t0.low)) k++;
  if (!at(k)) return from;
  if (/^\p{Lu}/u.test(word(k))) {
    // A name: "the BBC", "CNN", "Sky News", "Ukrainian television".
    let e = k;
    while (e + 1 - k < 4 && at(e + 1) && /^\p{Lu}/u.test(word(e + 1))) e++;
    const next = at(e + 1);
    if (next && (EN_BE.has(next.low) || (EN_ADDRESSEE_STOP.has(next.low) && !/^(?:on|in|at|to|of|about|for|during|after|before|from|by|with|over|as)$/u.test(next.low)))) {
      if (e === k) return from; // "Peskov told Russia would …": no addressee
      e--;
    }
    // "Ukrainian state television", "German broadcaster ZDF": an addressee noun may end the name's phrase.
    let h = e + 1;
    while (h - e <= 2 && at(h) && !stops(h) && !/^\p{Lu}/u.test(word(h)) && !EN_ADDRESSEES.has(tokens[h]!.low)) h++;
    if (at(h) && !stops(h) && EN_ADDRESSEES.has(tokens[h]!.low) && !/^\p{Lu}/u.test(word(h)) && h - e <= 2 && !(at(h + 1) && EN_BE.has(tokens[h + 1]!.low))) e = h;
    return tokens[e]!.end;
  }
  // Lowercase words: adjectives, then an addressee noun (and a compound head after it).
  let e = k;
  let head = -1;
  while (e - k < 4 && at(e) && !stops(e) && !/^\p{Lu}/u.test(word(e))) {
    if (EN_ADDRESSEES.has(tokens[e]!.low)) {
      head = e;
      while (at(head + 1) && EN_ADDRESSEE_COMPOUND.has(tokens[head + 1]!.low)) head++;
      break;
    }
    e++;
  }
  if (head >= 0) return tokens[head]!.end;
  // "told the nation that …": the phrase right before "that" is whom it was told.
  if (e > k && at(e) && lex.complementizers.has(tokens[e]!.low)) return tokens[e - 1]!.end;
  return from;
}

/** Direct when a quote is next to the cue; else the reported clause. */
function contentOfVerb(
  text: string,
  tokens: readonly Token[],
  seg: Range,
  para: Range,
  cue: Cue,
  speaker: Candidate,
  quotes: readonly QuoteSpan[],
  used: Set<QuoteSpan>,
  lex: LexiconIndex,
): Draft | undefined {
  const g = { start: Math.min(cue.start, speaker.start), end: Math.max(cue.end, speaker.end) };
  // The article or possessive of the speaker's phrase belongs to the attribution ("…, the Kremlin spokesman argued").
  // So does a title written before the name ("…," Mr. Miller said; "…, Sen. Jane Doe said"): its full stop is no sentence end.
  const title = TITLE_BEFORE.exec(text.slice(Math.max(para.start, g.start - 8), g.start));
  if (title && speaker.start === g.start) g.start -= title[0].length;
  const det = DETERMINER_BEFORE.exec(text.slice(Math.max(para.start, g.start - 8), g.start));
  if (det) g.start -= det[0].length;
  // "…, spokesman Dmitry Peskov told reporters", "…, Foreign Minister Sergei Lavrov said": role words written before the
  // name after a comma or dash belong to the attribution too.
  else if (speaker.start === g.start && speaker.via !== 'pronoun') {
    const lead = ROLE_WORDS_BEFORE.exec(text.slice(Math.max(para.start, g.start - 60), g.start));
    if (lead && tokenize(lead[1]!, 0, lead[1]!.length).every((w) => lex.roleNouns.has(w.low) || ROLE_MODIFIERS.has(w.low) || (/^\p{Lu}/u.test(lead[1]!.slice(w.start, w.end)) && !lex.verbs.has(w.low) && !NOT_ROLE_WORD.has(w.low)))) g.start -= lead[1]!.length;
  }
  // "Lavrov told a news conference in Ankara …", "Peskov told reporters on Tuesday": whom it was told belongs to the
  // attribution, not to the words.
  if (cue.lang === 'en' && cue.lemma === 'tell' && speaker.end <= cue.start) g.end = addresseeEnd(text, tokens, g.end, seg.end, lex);
  const reasons: Reason[] = [];
  // "…," Peskov said / "…," Kremlin spokesman Dmitry Peskov said: a few words of the speaker's phrase may stand between.
  const before = [...quotes].reverse().find((q) => {
    if (used.has(q) || q.end > g.start || q.start < para.start) return false;
    const gap = between(text, q.end, g.start);
    // «Слуга народу» Давид Арахамія, …, визнав: a name in quotes right before the subject is not what was said.
    if (/^\s+$/u.test(gap) && speaker.start < cue.start && !/[,!?…—–-]\s*$/u.test(text.slice(q.inner.start, q.inner.end))) return false;
    if (/^[\s,;—–-]*$/u.test(gap)) return true;
    const endsComma = /[,!?—–]\s*$/u.test(text.slice(q.inner.start, q.inner.end)) || /^\s*[,—–]/u.test(gap);
    return endsComma && !/[.!?:;“”«»„"]/u.test(gap) && wordsBetween(tokens, q.end, g.start) <= 4;
  });
  // What may stand between the attribution and a quote that follows it: "said:", "said that", "told reporters on Tuesday:".
  const after = quotes.find((q) => {
    if (used.has(q) || q === before || q.start < g.end) return false;
    const gap = between(text, g.end, q.start);
    // Not past the end of the cue's sentence: in "…, kritisierte er. „…“" the quote goes on after the reported words.
    if (/^[\s,:—–-]*$/u.test(gap)) return true;
    if (/^[^“”«»„"]{0,80}:\s*[—–]?\s*$/u.test(gap) && !/[.!?]\s/u.test(gap)) return true;
    const w = tokenize(gap, 0, gap.length);
    return w.length <= 2 && w.length > 0 && lex.complementizers.has(w[w.length - 1]!.low) && /^[\s,]*\S+[\s,]*$|^[\s,]*\S+\s+\S+[\s,]*$/u.test(gap);
  });
  if (before) {
    used.add(before);
    const pieces = [before];
    let end = trimRange(text, before.inner).end;
    // "…," he said, "…" — one statement; also "…," he said. "…" in the same paragraph.
    // "…," said Bob Alverson, head of the association. "…": a short apposition may stand before the second piece.
    // "…,” said Bob Alverson, head of …, representing boats … . “…”, "…,” he said of himself. “…”: the next quote of the
    // paragraph, after a sentence about the speaker with no quote and no other speech verb, goes on with the same words.
    const next = after ?? quotes.find((q) => !used.has(q) && q.start >= g.end && q.start < para.end);
    const gap2 = next ? between(text, g.end, next.start) : '';
    const plainGap = (max: number) =>
      !/[“”«»„"!?]/u.test(gap2) && wordsBetween(tokens, g.end, next!.start) <= max && !findCues(text, tokens, { start: g.end, end: next!.start }, quotes, lex, cue.lang).some((c) => c.kind === 'verb');
    if (next && (/^[\s,.:—–-]*$/u.test(gap2) || (/^\s*,/u.test(gap2) && plainGap(12)) || (/[.,]\s*(?:[—–]\s*)?$/u.test(gap2) && plainGap(30) && !attributedAfter(text, tokens, next, para, quotes, lex, cue.lang)))) {
      used.add(next);
      pieces.push(next);
      end = trimRange(text, next.inner).end;
      reasons.push({ step: 'quote', sieve: 'split-quote' });
    }
    // "Air pollution may cause … for ‘significant number of couples’, warn scientists", "“We must pay attention to what is
    // written” in that law, Azzouz said": words of the same clause around the quote make it a mixed clause.
    if (pieces.length === 1 && before.start >= seg.start) {
      const lead = wordsBetween(tokens, seg.start, before.start);
      const leadText = between(text, seg.start, before.start);
      const tail = between(text, before.end, g.start);
      const tailWords = wordsBetween(tokens, before.end, g.start);
      if ((lead >= 2 && !/:\s*$/u.test(leadText) && !/[.!?]\s/u.test(leadText)) || (tailWords >= 2 && /[,—–]\s*$/u.test(tail) && !/[.!?:;]\s/u.test(tail))) {
        reasons.push({ step: 'content', sieve: 'mixed-clause-before-cue' });
        const content = trimContent(text, { start: seg.start, end: g.start });
        return { speaker, cue, content, quotes: [before], passage: seg, reasons, source: null, kind: 'mixed' };
      }
    }
    reasons.push({ step: 'content', sieve: 'quote-before-cue' });
    const start = trimRange(text, before.inner).start;
    return { speaker, cue, content: { start, end }, quotes: pieces, passage: { start: Math.min(before.start, seg.start), end: Math.max(seg.end, pieces[pieces.length - 1]!.end) }, reasons, source: null, kind: 'direct' };
  }
  if (after) {
    used.add(after);
    const gap = between(text, g.end, after.start);
    const mixed = tokenize(gap, 0, gap.length).some((w) => lex.complementizers.has(w.low));
    // "he admitted “politics in this town” meant there were few options": the clause goes on after the quote.
    if (after.end < seg.end && wordsBetween(tokens, after.end, seg.end) >= 2 && !/^\s*[,—–(]/u.test(between(text, after.end, seg.end)) && !attributedAfter(text, tokens, after, para, quotes, lex, cue.lang)) {
      reasons.push({ step: 'content', sieve: 'mixed-clause-after-cue' });
      return { speaker, cue, content: trimContent(text, { start: after.start, end: seg.end }), quotes: [after], passage: seg, reasons, source: null, kind: 'mixed' };
    }
    reasons.push({ step: 'content', sieve: mixed ? 'quote-after-that' : 'quote-after-cue' });
    return { speaker, cue, content: trimRange(text, after.inner), quotes: [after], passage: { start: seg.start, end: Math.max(seg.end, after.end) }, reasons, source: null, kind: mixed ? 'mixed' : 'direct' };
  }
  // "Zelensky said on Monday: ⏎ “…”": a colon closing the paragraph after the attribution (and at most a phrase of time
  // or place) announces the quote opening the next paragraph; the follow-on pass fills the words in, or the draft is
  // dropped. (A list after the colon is each item's statement: listLead.)
  if (speaker.end <= cue.start && /^[^“”«»„"]*:\s*$/u.test(between(text, g.end, seg.end)) && /^\s*$/u.test(between(text, seg.end, para.end)) && wordsBetween(tokens, g.end, seg.end) <= 6) {
    if (/^\s*[“"«„‘']/u.test(text.slice(para.end, para.end + 40))) {
      reasons.push({ step: 'content', sieve: 'quote-in-next-paragraph' });
      return { speaker, cue, content: { start: seg.end, end: seg.end }, quotes: [], passage: seg, reasons, source: null, kind: 'direct' };
    }
    // "said on Monday:" with no quote after it: the phrase of time is not the words.
    if (adverbialTail0(text, tokens, g.end, seg.end)) return undefined;
  }
  // Indirect: the clause on the far side of the attribution.
  const leadWords = wordsBetween(tokens, seg.start, g.start);
  const tailWords = wordsBetween(tokens, g.end, seg.end);
  const afterText = between(text, g.end, seg.end);
  const opensClause = CLAUSE_PUNCT.test(afterText) || opensWithComplementizer(text, tokens, g.end, seg.end, lex);
  let content: Range;
  let sieve: string;
  const beforeText = between(text, seg.start, g.start);
  // "CONTENT, Peskov said." / "CONTENT, — заявил Песков." / "CONTENT, sagte Peskow am Abend."
  // "…, said Tom Forte, who follows Amazon …": the comma after the speaker opens an apposition, not the clause.
  const apposition = APPOSITION_AFTER.test(afterText);
  // "A large majority oppose concessions, she noted, citing recent polls.": an -ing phrase of manner after the
  // attribution leaves the words before it. (Not a speech verb's: "…, Peskov said, adding that …" is one statement of two
  // parts, which claim checking reads as such: src/core/claims/check-claim.test.ts.)
  const ingAfter = tokens[firstAtOrAfter(tokens, g.end)];
  if (cue.lang === 'en' && leadWords >= 3 && /[,—–]\s*$/u.test(beforeText) && ingAfter && ingAfter.end <= seg.end && /^\s*,\s*$/u.test(between(text, g.end, ingAfter.start)) && /^\p{L}{3,}ing$/u.test(ingAfter.low) && !lex.verbs.has(ingAfter.low)) {
    const dateline = DATELINE.exec(text.slice(seg.start, g.start));
    reasons.push({ step: 'content', sieve: 'clause-before-cue' });
    return withQuotes(text, { speaker, cue, content: trimContent(text, { start: seg.start + (dateline && seg.start === para.start ? dateline[0].length : 0), end: g.start }), quotes: [], passage: seg, reasons, source: null }, quotes, used);
  }
  // "…, Peskov said, adding that …", "…, заявил Песков, добавив, что …", "…, sagte Peskow und fügte hinzu, …": another
  // speech verb of the same speaker goes on right after the attribution; the words before it are this verb's, the
  // words after it that verb's own statement (test/extraction-set/README.md, "Cue": a participle has its own cue).
  const handsOn = continuedBySpeech(text, tokens, g.end, seg.end, lex, cue.lang) || (cue.lang === 'de' && DE_SOURCE_TAIL.test(afterText));
  // "If producers are squeezed too much, he noted, they may start to cut corners": a cue set off by commas inside the
  // clause; the content is the whole clause (not when what follows is an apposition, a source or another cue: "adding").
  if (!handsOn && (leadWords >= 2 || (leadWords === 1 && speaker.start > seg.start)) && tailWords >= 3 && /^[^,]*,\s*$/u.test(beforeText) && /^\s*,/u.test(afterText) && !(apposition && speaker.via !== 'pronoun') && !/,/u.test(between(text, speaker.end, cue.start)) && !opensWithComplementizer(text, tokens, g.end, seg.end, lex) && wordsBetween(tokens, g.start, g.end) <= 4) {
    const next = tokens[firstAtOrAfter(tokens, g.end)];
    const nextCue = next ? findCues(text, tokens, { start: next.start, end: Math.min(seg.end, next.end + 20) }, quotes, lex, cue.lang).some((c) => c.first === firstAtOrAfter(tokens, g.end) || c.kind !== 'verb') : false;
    if (!nextCue) {
      reasons.push({ step: 'content', sieve: 'clause-around-cue' });
      return withQuotes(text, { speaker, cue, content: trimContent(text, seg), quotes: [], passage: seg, reasons, source: null }, quotes, used);
    }
  }
  // "…, sagte Lawrow nach einem Treffen mit seinem kasachischen Amtskollegen.": what follows the speaker is a phrase
  // of time or place (a preposition first, no comma, no "that"), not the words.
  const firstTail = tokens[firstAtOrAfter(tokens, g.end)];
  const adverbialTail =
    firstTail !== undefined &&
    firstTail.end <= seg.end &&
    ADVERBIAL_OPENERS.has(firstTail.low) &&
    (!/[,:;“”«»„"]/u.test(afterText.replace(/[.!?…]+\s*$/u, '')) || adjunctAfterComma(text, tokens, g.end, seg.end, lex)) &&
    !opensWithComplementizer(text, tokens, g.end, seg.end, lex);
  // "Kiew spricht von einer Nebelkerze": a verb whose words follow its preposition has them after it, never before.
  // "On Tuesday morning, Peskov said the deal was dead", "Speaking to reporters, Peskov said …": a phrase of time,
  // place or manner opening the sentence before its subject is no content; the clause after the verb is.
  const leadFirst = tokens[firstAtOrAfter(tokens, seg.start)];
  // "According to TASS, Peskov said …", "По данным ТАСС, Песков заявил …": a source phrase opening the sentence is
  // no content either.
  const introPhrase = speaker.start < cue.start && tailWords >= 2 && !adverbialTail0(text, tokens, g.end, seg.end) && leadFirst !== undefined && leadWords <= 8 && /^[^,]*,\s*$/u.test(beforeText) && (SUBJECT_BLOCKERS.has(leadFirst.low) || /^(?:speaking|writing|addressing|responding|asked|appearing|talking|выступая|отвечая|комментируя|говоря|виступаючи|відповідаючи|коментуючи)$/u.test(leadFirst.low) || opensWithSourcePhrase(text, tokens, seg.start, g.start, quotes, lex, cue.lang));
  // Two words are enough before an inverted attribution ("Переговоры заморожены, заявил Песков").
  const trailingAttribution = !introPhrase && !cue.verb?.afterNeed && (leadWords >= 3 || (leadWords === 2 && speaker.start > cue.start)) && /[,—–]\s*$/u.test(beforeText) && (!opensClause || apposition || handsOn) && (tailWords <= 5 || /^\s*,/u.test(afterText) || adverbialTail || handsOn);
  if (trailingAttribution) {
    // A dateline opening the paragraph ("MOSCOW — ", "КИЕВ. ") is not the words.
    const dateline = DATELINE.exec(text.slice(seg.start, g.start));
    content = { start: seg.start + (dateline && seg.start === para.start ? dateline[0].length : 0), end: g.start };
    sieve = 'clause-before-cue';
  } else if (tailWords >= 2 && (opensClause || leadWords <= 6 || /[,—–]\s*$/u.test(beforeText))) {
    content = { start: g.end, end: seg.end };
    sieve = opensClause ? 'clause-after-that' : 'clause-after-cue';
  } else if (leadWords >= 3 && tailWords <= 5 && /[”"»“’]\s*$/u.test(beforeText)) {
    // Without a comma or dash before the attribution, only a quotation ends the content ("“…” in that law Azzouz said"):
    // "In an interview, President Obama said:", "areas the Kremlin has claimed to have annexed" are no content.
    content = { start: seg.start, end: g.start };
    sieve = 'clause-before-cue';
  } else if (tailWords >= 2) {
    content = { start: g.end, end: seg.end };
    sieve = 'clause-after-cue';
  } else return undefined;
  if (sieve !== 'clause-before-cue') content = { start: skipAdverbials(text, tokens, content.start, content.end, lex, cue), end: content.end };
  // "sprach … von „gewissen positiven Entwicklungen“": the words begin after the word the verb needs.
  if (sieve !== 'clause-before-cue' && cue.verb?.afterNeed && cue.verb.needs) {
    for (let k = firstAtOrAfter(tokens, content.start); k < tokens.length && tokens[k]!.end <= content.end; k++) {
      if (cue.verb.needs.includes(tokens[k]!.low)) {
        content = { start: tokens[k]!.end, end: content.end };
        break;
      }
    }
  }
  content = trimContent(text, content);
  // "Das Unternehmen teilte mit, man wolle …": the particle that closes a German speech verb is not the words.
  const particle = tokenize(text, content.start, Math.min(content.end, content.start + 12))[0];
  if (particle && particle.start === content.start && lex.particles.has(particle.low) && /^\s*[,:]/u.test(text.slice(particle.end, particle.end + 3))) {
    content = trimContent(text, { start: text.indexOf(/^\s*,/u.test(text.slice(particle.end, particle.end + 3)) ? ',' : ':', particle.end) + 1, end: content.end });
  }
  // Drop a leading "that"/"что"/"dass".
  const first = tokenize(text, content.start, Math.min(content.end, content.start + 12))[0];
  if (first && first.start === content.start && lex.complementizers.has(first.low)) content = trimContent(text, { start: first.end, end: content.end });
  if (wordsBetween(tokens, content.start, content.end) < 2) return undefined;
  // "wies die Darstellung zurück": a short object closed by the separable particle of a German verb is no words.
  if (cue.lang === 'de' && sieve !== 'clause-before-cue') {
    const w = tokenize(text, content.start, content.end);
    if (w.length <= 4 && lex.particles.has(w[w.length - 1]!.low) && !/[,:“”«»„"]/u.test(text.slice(content.start, content.end))) return undefined;
  }
  // "Ukraine's government dismissed the idea.", "rejected these claims": an object that only points back is no words.
  if (cue.lang === 'en' && sieve !== 'clause-before-cue') {
    const w = tokenize(text, content.start, content.end);
    if (w.length <= 3 && POINTING_EN.has(w[0]!.low) && CONTENT_NOUNS_EN.has(w[w.length - 1]!.low) && !/[“”«»„"]/u.test(text.slice(content.start, content.end))) return undefined;
  }
  reasons.push({ step: 'content', sieve });
  return withQuotes(text, { speaker, cue, content, quotes: [], passage: seg, reasons, source: null }, quotes, used);
}

/** "…, sagte Peskow, wie Interfax berichtet(e)": only where it was reported follows the attribution (a source, not the words). */
const DE_SOURCE_TAIL = /^\s*,\s*wie\s+(?:[\p{L}\p{N}.-]+\s+){1,4}(?:berichtet|berichtete|berichten|berichteten|meldet|meldete|melden|meldeten|schreibt|schrieb)\s*[.!?…]?\s*$/u;

/** "and"/"und"/"и"/"і"/"та" before a second speech verb of the same subject ("… und fügte hinzu", "and added"). */
const AND_WORDS = new Set('and und и і та'.split(' '));

/**
 * Right after `from` (commas and spaces, perhaps "and"/"und"/"и"/"і"/"та" first) stands another speech verb of the
 * same subject: a participle ("adding", "добавив", "додавши") or a finite verb after "and" ("und fügte hinzu", "and added").
 */
function continuedBySpeech(text: string, tokens: readonly Token[], from: number, end: number, lex: LexiconIndex, lang: Lang): boolean {
  let k = firstAtOrAfter(tokens, from);
  let t = tokens[k];
  if (!t || t.end > end || !/^[\s,]*$/u.test(text.slice(from, t.start))) return false;
  const joined = AND_WORDS.has(t.low);
  if (joined) {
    t = tokens[++k];
    if (!t || t.end > end || !/^\s+$/u.test(text.slice(tokens[k - 1]!.end, t.start))) return false;
  }
  if (!lex.verbs.has(t.low)) return false;
  return joined || (PARTICIPLE_ENDING[lang]?.test(t.low) ?? false);
}

/** Words that open a phrase of time or circumstance, not a reported clause ("…, after signing a decree", "…, nachdem …"). */
const TAIL_ADJUNCTS = new Set('after before while when as since following ahead amid adding nachdem bevor als während wobei после перед когда пока добавив після перед коли поки додавши'.split(' '));
/** Numbers and articles that with a time noun make "a day after", "two weeks before". */
const TIME_COUNTS_EN = new Set('a an one two three several the'.split(' '));

/**
 * "…, Nikolenko said on Sunday, a day after Lavrov repeated …", "…, sagte Selenskyj am Dienstag, nachdem …": a short
 * phrase of time after the attribution, a comma, and then a phrase of time or circumstance. Neither is the words: they
 * stand before the attribution.
 */
function adjunctAfterComma(text: string, tokens: readonly Token[], from: number, end: number, lex: LexiconIndex): boolean {
  const comma = text.indexOf(',', from);
  if (comma < 0 || comma >= end || /[:;“”«»„"]/u.test(text.slice(from, comma)) || wordsBetween(tokens, from, comma) > 4) return false;
  // "…, said on Tuesday, after the meeting, that …": a clause opened later after a comma is the words after all.
  for (let c = text.indexOf(',', comma + 1); c >= 0 && c < end; c = text.indexOf(',', c + 1)) {
    if (opensWithComplementizer(text, tokens, c + 1, end, lex)) return false;
  }
  const k = firstAtOrAfter(tokens, comma);
  const w1 = tokens[k];
  const w2 = tokens[k + 1];
  if (!w1 || w1.end > end) return false;
  return TAIL_ADJUNCTS.has(w1.low) || (w2 !== undefined && w2.end <= end && TIME_COUNTS_EN.has(w1.low) && TIME_NOUNS_EN.has(w2.low) && tokens[k + 2] !== undefined && TIME_AFTER_EN.has(tokens[k + 2]!.low));
}

/** A quote followed by its own attribution ("“…,” said Smith."): a speech verb among the first words after it. */
function attributedAfter(text: string, tokens: readonly Token[], q: QuoteSpan, para: Range, quotes: readonly QuoteSpan[], lex: LexiconIndex, lang: Lang): boolean {
  const i = firstAtOrAfter(tokens, q.end);
  const to = tokens[Math.min(tokens.length, i + 4) - 1];
  if (!to || to.start < q.end) return false;
  return findCues(text, tokens, { start: q.end, end: Math.min(para.end, to.end) }, quotes, lex, lang).some((c) => c.kind === 'verb');
}

/** The words after the attribution open with a phrase of time or place ("on Tuesday", "в понедельник"). */
/** Whether text[from..to) opens with an "according to"-phrase or another phrase naming a source ("as reported by"). */
function opensWithSourcePhrase(text: string, tokens: readonly Token[], from: number, to: number, quotes: readonly QuoteSpan[], lex: LexiconIndex, lang: Lang): boolean {
  const first = firstAtOrAfter(tokens, from);
  return findCues(text, tokens, { start: from, end: to }, quotes, lex, lang).some((c) => c.first === first && (c.kind === 'before' || c.kind === 'source-before'));
}

function adverbialTail0(text: string, tokens: readonly Token[], from: number, end: number): boolean {
  const t = tokens[firstAtOrAfter(tokens, from)];
  return t !== undefined && t.end <= end && ADVERBIAL_OPENERS.has(t.low);
}

const EN_ARTICLES = new Set(['the', 'a', 'an']);
/** Quantifiers that open a noun phrase like an article ("ruled out any talks that ignore …": "that" is relative). */
const EN_QUANTIFIERS = new Set(['any', 'all', 'no', 'some', 'every', 'each']);
/** Nouns whose "that" opens what is claimed ("the idea that …"), not a clause of its own. */
const CONTENT_NOUNS_EN = new Set('idea claim claims notion suggestion suggestions report reports assertion allegation allegations accusation accusations possibility view argument fact impression thesis assumption fear fears hope promise warning rumours rumors'.split(' '));
/** Nouns of a time ("the next day", "a week later", "the following Monday"): such a phrase after the verb is an adverbial, not a clause's subject. */
/** Determiners of an object that points back ("the idea", "these claims", "such accusations"). */
const POINTING_EN = new Set(['the', 'this', 'that', 'these', 'those', 'such', 'any', 'his', 'her', 'their', 'its']);
const TIME_NOUNS_EN = new Set('day days week weeks month months year years morning afternoon evening night weekend monday tuesday wednesday thursday friday saturday sunday'.split(' '));
/** Words that make an article and a time noun an adverbial of time ("the same day", "the following week"), not a clause's subject ("the day"). */
const TIME_MODIFIERS_EN = new Set('next same following previous preceding last other very'.split(' '));
/** Words after a time noun that make it an adverbial of time ("the day before", "a week later"). */
const TIME_AFTER_EN = new Set('before after earlier later ago'.split(' '));

/** `words` (article first) are an adverbial of time: "the next day", "the same week", "the day before", "a month later". */
function timeAdverbialEn(words: readonly Token[]): boolean {
  const nouns = words.map((w, k) => (TIME_NOUNS_EN.has(w.low) ? k : -1)).filter((k) => k > 0);
  if (nouns.length !== 1) return false;
  const n = nouns[0]!;
  const tail = words.slice(n + 1);
  if (tail.length > 1 || (tail.length === 1 && !TIME_AFTER_EN.has(tail[0]!.low))) return false;
  const mods = words.slice(1, n);
  return mods.length <= 2 && mods.every((w) => TIME_MODIFIERS_EN.has(w.low)) && (mods.length > 0 || tail.length === 1);
}

/** A colon or comma right after the attribution opens the reported clause. */
const CLAUSE_PUNCT = /^\s*[:,]/;
/** Words like "that" that open a reported clause, beyond the lexicons' complementizers. */
const CLAUSE_OPENERS = new Set(['будто', 'нібито']);

/** The first word after `from` (only spaces, commas and colons before it) is "that", "что", "що", "dass", "будто", "нібито". */
function opensWithComplementizer(text: string, tokens: readonly Token[], from: number, end: number, lex: LexiconIndex): boolean {
  const t = tokens[firstAtOrAfter(tokens, from)];
  if (!t || t.end > end) return false;
  for (let k = from; k < t.start; k++) {
    const c = text.charCodeAt(k);
    if (c !== 44 && c !== 58 && !isSpaceAt(text, k)) return false;
  }
  return lex.complementizers.has(t.low) || CLAUSE_OPENERS.has(t.low);
}

/**
 * "said on Tuesday that …", "sagte am Dienstag, …", "заявил журналистам, что …":
 * the reported clause starts after a complementizer or comma among the first few words.
 */
function skipAdverbials(text: string, tokens: readonly Token[], start: number, end: number, lex: LexiconIndex, cue?: Cue): number {
  const first: Token[] = [];
  for (let k = firstAtOrAfter(tokens, start); k < tokens.length && first.length < 6 && tokens[k]!.end <= end; k++) first.push(tokens[k]!);
  for (let k = 0; k < first.length; k++) {
    // A quotation mark before it: the "that" is inside quoted words ("was “not the side that walked out”").
    if (/[“”«»„"]/u.test(text.slice(start, first[k]!.start))) break;
    if (!lex.complementizers.has(first[k]!.low)) continue;
    // English "said the corridor showed that …": a clause opening with an article has its own subject and verb, and
    // its "that" is inside the words; not "dismissed the idea that …", "denied the Russian claim that …".
    // (Nor "said the next day that …", "said the day before that …": a phrase of time is no subject.)
    if (cue?.lang === 'en' && cue.lemma !== 'tell' && (EN_ARTICLES.has(first[0]!.low) || EN_QUANTIFIERS.has(first[0]!.low)) && k >= 2 && !CONTENT_NOUNS_EN.has(first[k - 1]!.low) && !timeAdverbialEn(first.slice(0, k))) break;
    return first[k]!.end;
  }
  // German "sagte CNN, …", "sagte Reportern, …": a dative addressee without its article (an outlet, a plural of those
  // spoken to), then a comma, is whom it was said to ("sagte der ARD, …" goes through the article: skipAdverbialPhrase).
  const comma0 = first[0] ? /^\s*,/u.exec(text.slice(first[0].end, end)) : null;
  if (cue?.lang === 'de' && comma0 && (lex.media.has(first[0]!.low) || DE_ADDRESSEES.has(first[0]!.low))) return first[0]!.end + comma0[0].length;
  // "told President Jacob Zuma by telephone on Wednesday that …": an addressee and adverbials, no comma, no other cue.
  // Only after "told": elsewhere a later "that" opens a relative clause ("said Lavrov's offer was an opening that …").
  if (cue?.lemma !== 'tell') return skipAdverbialPhrase(text, first, start, end);
  const more: Token[] = [];
  for (let k = firstAtOrAfter(tokens, start); k < tokens.length && more.length < 11 && tokens[k]!.end <= end; k++) more.push(tokens[k]!);
  for (let k = first.length; k < more.length; k++) {
    if (/[,;:“”«»„"]/u.test(text.slice(start, more[k]!.start)) || lex.verbs.has(more[k]!.low)) break;
    if (lex.complementizers.has(more[k]!.low)) return more[k]!.end;
  }
  return skipAdverbialPhrase(text, first, start, end);
}

/** German plurals in the dative of those a speech verb addresses ("sagte Reportern, …"). */
const DE_ADDRESSEES = new Set('reportern journalisten journalistinnen abgeordneten diplomaten medien studenten soldaten zuhörern'.split(' '));

/** German "sagte am Dienstag, …": past a short prepositional phrase that ends in a comma, else `start`. */
function skipAdverbialPhrase(text: string, first: readonly Token[], start: number, end: number): number {
  // German "sagte am Dienstag, …", "sagte gegenüber Reportern, …": a short prepositional phrase, then a comma.
  if (first[0] && ADVERBIAL_OPENERS.has(first[0].low)) {
    for (let k = 0; k < Math.min(first.length, 4); k++) {
      const gap = text.slice(first[k]!.end, first[k + 1]?.start ?? end);
      if (/,/u.test(gap)) return first[k]!.end + gap.indexOf(',') + 1;
    }
  }
  return start;
}

/** Quotes inside an indirect content make it mixed. */
function withQuotes(text: string, d: Draft, quotes: readonly QuoteSpan[], used: Set<QuoteSpan>): Draft {
  const inside = quotes.filter((q) => q.start >= d.content.start - 1 && q.end <= d.content.end + 1);
  if (inside.length > 0) {
    for (const q of inside) used.add(q);
    const qLen = inside.reduce((n, q) => n + (q.inner.end - q.inner.start), 0);
    d.quotes = inside;
    d.kind = qLen >= 0.8 * (d.content.end - d.content.start) ? 'direct' : 'mixed';
    if (d.kind === 'direct' && inside.length === 1) d.content = trimRange(text, inside[0]!.inner);
  }
  return d;
}

/** Candidates for a speaker introduced without a name ("a senior official", "Zelensky's spokesman"). */
/** "Volodymyr Tkach, a military analyst, …": a role after a comma and "a" is an apposition of the name before it. */
const APPOSITIVE_ROLE_BEFORE = /,\s*(?:a|an|one|ein|eine|einer)\s+[^,.;:!?]*$/iu;
const UNNAMED_SIEVES = new Set(['indefinite-role', 'possessed-role', 'unnamed-role']);

/** How far back (UTF-16 units) a pronoun looks for an earlier statement's speaker. */
const PRONOUN_REACH = 2500;

/**
 * Pronoun and role-noun speakers ("he said", "сказал он", "der Präsident
 * sagte") take the nearest preceding compatible speaker of an earlier
 * statement; a person of the record named closer to the pronoun (outside the
 * statement's own quotes) wins over it. Names the record does not know count
 * only once they have spoken.
 */
function resolvePronouns(view: RecordView, text: string, drafts: Draft[], cands: readonly Candidate[], paras: readonly Range[], lex: LexiconIndex): void {
  const place = subjectPlaces(text, cands, paras, lex);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.speaker.via !== 'pronoun' || d.speaker.resolvedFrom !== undefined) continue;
    const at = d.speaker.start;
    const g = d.speaker.gender;
    // "the company" refers back to an organization only: one of the record, or a new one named as written.
    const orgAnaphor = d.speaker.sieve === 'organization-anaphor';
    const fits = (c: Candidate) =>
      !c.media &&
      (orgAnaphor ? c.sieve !== 'organization-anaphor' && c.type === 'organization' : g === 'plural' ? c.type !== 'person' : c.type === 'person' && (c.gender === undefined || g === undefined || c.gender === g));
    let speaker: Candidate | undefined;
    let speakerDraft: Draft | undefined;
    for (let k = i - 1; k >= 0; k--) {
      const o = drafts[k]!.speaker;
      if (o.start >= at) continue;
      if (o.start >= d.content.start && o.end <= d.content.end) continue;
      if (at - o.start > PRONOUN_REACH) break;
      if (o.via === 'pronoun' && o.resolvedFrom === undefined) continue;
      if (o.entityId === null && o.via === 'pronoun') continue;
      if (!fits(o)) continue;
      speaker = o;
      speakerDraft = drafts[k];
      break;
    }
    // A role noun ("the diplomat", "эксперт", "der Präsident") refers to the nearest person named, known to the record or not.
    const roleNoun = d.speaker.sieve === 'role-noun-anaphor';
    // "he"/"she" (not a role noun) also refers to a new person written as a person's name (personNamed) outside anybody's
    // words: "Bassi, 43 years a fisherman, keeps an eye on … ⏎ “…,” he said".
    const singular = !roleNoun && !orgAnaphor && (g === 'male' || g === 'female');
    // The last fitting candidate before the pronoun: a backward scan from it (candidates are in text order).
    let mention: Candidate | undefined;
    const lo = firstAtOrAfter(cands, at);
    for (let k = lo - 1; k >= 0; k--) {
      const c = cands[k]!;
      if (c.via === 'pronoun' || !fits(c)) continue;
      // A new person counts once they have spoken (above), or a role after "a"/"eine" whose gender the noun says and the
      // pronoun shares ("eine Regierungssprecherin … sagte sie").
      if (c.entityId === null && !(roleNoun && c.sieve === 'capitalised-name') && !orgAnaphor && !(c.sieve === 'indefinite-role' && c.gender !== undefined && c.gender === g && !APPOSITIVE_ROLE_BEFORE.test(text.slice(Math.max(0, c.start - 60), c.start))) && !(singular && personNamed(c, text) && place.subject(c) && !drafts.some((o) => c.start >= o.content.start && c.end <= o.content.end))) continue;
      if (d.quotes.some((q) => c.start >= q.start && c.end <= q.end)) continue;
      // Nobody named in a statement's own words is its speaker ("…, Lavrov was throwing smoke screens, the diplomat said").
      if (c.start >= d.content.start && c.end <= d.content.end) continue;
      // A person named inside what the previous speaker said ("Zelensky said Putin was lying. He added …") is talked
      // about, not speaking: the previous speaker stays the antecedent.
      // (A split quote's content holds its own attribution: "«…, — говорит Клаус Беренс. — …»"; that speaker is no talk.)
      if (speakerDraft && c.start >= speakerDraft.content.start && c.end <= speakerDraft.content.end && c.start !== speakerDraft.speaker.start) continue;
      mention = c;
      break;
    }
    // A role noun of a kind ("the diplomat", "der Präsident") takes the nearest earlier person of the record who fits it, spoken or named.
    const kind = d.speaker.roleKind;
    let fitting: Candidate | undefined;
    if (kind !== undefined) {
      for (let k = lo - 1; k >= 0 && at - cands[k]!.start <= PRONOUN_REACH; k--) {
        const c = cands[k]!;
        if (c.entityId !== null && c.via !== 'pronoun' && view.fitsRole(c.entityId, kind) && !d.quotes.some((q) => c.start >= q.start && c.end <= q.end) && !(c.start >= d.content.start && c.end <= d.content.end)) {
          fitting = c;
          break;
        }
      }
    }
    // "the president" after "President Obama": the nearest earlier person written with the same title.
    let titled: Candidate | undefined;
    if (roleNoun) {
      const head = normalizeWord(text.slice(d.speaker.start, d.speaker.end).split(/\s+/u).pop() ?? '');
      for (let k = lo - 1; k >= 0 && at - cands[k]!.start <= 2 * PRONOUN_REACH; k--) {
        const c = cands[k]!;
        if (c.via === 'pronoun' || c.possessive || c.type !== 'person' || (c.start >= d.content.start && c.end <= d.content.end)) continue;
        const lead = text.slice(Math.max(0, c.start - 40), c.start).split(/[^\p{L}\p{M}'’-]+/u).filter(Boolean).slice(-3).map(normalizeWord);
        if (head !== '' && lead.includes(head)) {
          titled = c;
          break;
        }
      }
    }
    // "One European ambassador in Kyiv … said …. “…,” the ambassador said": a role noun refers back to the unnamed
    // speaker introduced with the same noun ("a Turkish foreign ministry official" … "the official"), when nobody fitting
    // was named since.
    let unnamed: Candidate | undefined;
    if (roleNoun) {
      const key = roleNounKey(normalizeWord(text.slice(d.speaker.start, d.speaker.end).split(/\s+/u).pop() ?? ''));
      for (let k = lo - 1; key !== undefined && k >= 0 && at - cands[k]!.start <= 2 * PRONOUN_REACH; k--) {
        const c = cands[k]!;
        if (c.entityId !== null || c.via !== 'candidate' || !UNNAMED_SIEVES.has(c.sieve) || (c.start >= d.content.start && c.end <= d.content.end)) continue;
        if (roleNounKey(normalizeWord(c.name.split(/\s+/u).pop() ?? '')) === key) {
          unnamed = c;
          break;
        }
      }
    }
    const named = fitting ?? titled;
    if (unnamed && (!named || named.start < unnamed.start) && (!mention || mention.start <= unnamed.end || mention.entityId === null)) {
      d.speaker = { ...d.speaker, entityId: null, name: unnamed.name, type: unnamed.type, gender: unnamed.gender, resolvedFrom: { start: unnamed.start, end: unnamed.end, text: text.slice(unnamed.start, unnamed.end) } };
      d.reasons.push({ step: 'resolve', sieve: 'role-noun-same-unnamed' });
      continue;
    }
    const best = fitting ?? titled ?? (roleNoun && mention && at - mention.start <= PRONOUN_REACH ? mention : speaker && (!mention || mention.start <= speaker.start || at - mention.start > PRONOUN_REACH) ? speaker : mention ?? speaker);
    if (!best) {
      d.reasons.push({ step: 'resolve', sieve: 'pronoun-unresolved' });
      continue;
    }
    d.speaker = {
      ...d.speaker,
      entityId: best.entityId,
      name: best.name,
      // A name the company is referred back to by is an organization's, whatever its words looked like.
      type: orgAnaphor ? 'organization' : best.type,
      gender: best.gender,
      resolvedFrom: best.via === 'pronoun' && best.resolvedFrom ? best.resolvedFrom : { start: best.start, end: best.end, text: text.slice(best.start, best.end) },
    };
    d.reasons.push({ step: 'resolve', sieve: best === fitting ? 'role-noun-fitting-person' : best === speaker ? 'pronoun-previous-speaker' : 'pronoun-nearest-person' });
  }
}

/** Words that may stand between a preposition and the name it governs ("with Mr Rutte", "with the British MP Tom Harris"). */
const NAME_LEAD_WORDS = new Set('the a an his her their der die den dem des ein einem einen einer'.split(' '));

/**
 * Whether a candidate stands in its sentence's subject place, for "he said" to refer to a new person (review 10A,
 * RA2): not governed by a preposition ("after a meeting with Mr Rutte", "з паном Рютте", "mit Herrn Rutte": titles,
 * articles and capitalised words between are skipped), and not after a person who is the sentence's subject already
 * ("Zelensky thanked Chancellor Merz", "Zelensky spoke … after meeting Tom Harris, a British MP"): that person is the
 * one the text goes on about. A person after a preposition ("After talks with Zelensky, Mr Rutte flew home") leaves
 * the place free.
 */
function subjectPlaces(text: string, cands: readonly Candidate[], paras: readonly Range[], lex: LexiconIndex) {
  const sentenceCache = new Map<number, Range[]>();
  const sentenceOf = (pos: number): Range | undefined => {
    const pi = firstAtOrAfter(paras, pos + 1) - 1;
    const para = paras[pi];
    if (!para || pos >= para.end) return undefined;
    let ss = sentenceCache.get(pi);
    if (!ss) sentenceCache.set(pi, (ss = sentences(text, para, lex.abbreviations)));
    return ss.find((r) => pos >= r.start && pos < r.end);
  };
  /** The word before a name once titles, articles and capitalised words are skipped ("with" in "with the British MP Tom Harris"), and the word before that; '' at the sentence start. */
  const lead = (c: Candidate, from: number): [string, string] => {
    const words = text.slice(from, c.start).split(/(?<=[^\p{L}\p{M}\p{N}'’.-])|(?=[^\p{L}\p{M}\p{N}'’.-])/u).map((w) => w.trim()).filter(Boolean);
    for (let k = words.length - 1; k >= 0; k--) {
      const w = words[k]!.replace(/\.$/u, '');
      const low = normalizeWord(w);
      if (NAME_LEAD_WORDS.has(low) || TITLE_WORDS.has(low) || (k > 0 && /^\p{Lu}/u.test(w))) continue;
      return [low, k > 0 ? normalizeWord(words[k - 1]!) : ''];
    }
    return ['', ''];
  };
  const governed = (c: Candidate, from: number) => SUBJECT_BLOCKERS.has(lead(c, from)[0]);
  /** At the start of its sentence or clause: nothing, a punctuation mark, or one lower-case word after one (", skipper Wade Bassi"). */
  const clauseInitial = (c: Candidate, from: number) => {
    const [w, before] = lead(c, from);
    const opener = (x: string) => x === '' || !/[\p{L}\p{N}]/u.test(x);
    return opener(w) || (opener(before) && !SUBJECT_BLOCKERS.has(w) && w === w.toLowerCase());
  };
  const subject = (c: Candidate): boolean => {
    const sent = sentenceOf(c.start);
    const from = sent?.start ?? c.start;
    if (governed(c, from)) return false;
    if (clauseInitial(c, from)) return true;
    // A person before it in the sentence, not governed by a preposition itself, is the subject.
    for (let k = firstAtOrAfter(cands, c.start) - 1; k >= 0; k--) {
      const o = cands[k]!;
      if (o.start < from) break;
      if (o === c || o.end > c.start || o.type !== 'person' || o.media || o.possessive || o.oblique) continue;
      if (o.entityId === null && o.via !== 'pronoun' && !personNamed(o, text)) continue;
      if (!governed(o, from)) return false;
    }
    return true;
  };
  return { subject };
}

/** Titles and ranks written before a name, lower-cased ("Mr", "Chancellor", "пан", "Herrn"). */
const TITLE_WORDS = new Set('mr mrs ms dr prof sir dame president senator minister chancellor prime herr herrn frau г-н г-жа пан пана паном пані господин господина господином'.split(' '));

/**
 * A new speaker candidate written as a person's name: with a title before it ("Father Mukonori", "Mr Bassi"), a
 * surname alone whose full name was written before ("Bassi" after "Wade Bassi"), or an apposition saying what they
 * are. Two capitalised words alone are not enough: "South Carolina", "Africa Live", "Ria Nowosti" read the same.
 */
function personNamed(c: Candidate, text: string): boolean {
  if (c.type !== 'person' || c.possessive === true || c.oblique === true) return false;
  if (c.sieve === 'titled-name' || c.sieve === 'name-seen-before') return true;
  // A capitalised name with a title before it ("Ms. Jane Holloway") or an apposition after it that says what the
  // person is ("Jane Holloway, a lawyer in Kyiv,", "Иван Петренко, юрист из Киева,").
  return c.sieve === 'capitalised-name' && (PERSON_TITLE_BEFORE.test(text.slice(Math.max(0, c.start - 12), c.start)) || PERSON_APPOSITION_AFTER.test(text.slice(c.end, c.end + 80)));
}

const PERSON_TITLE_BEFORE = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Herr|Frau|г-н|г-жа|пан|пані)\.?\s+$/u;
const PERSON_APPOSITION_AFTER = /^,\s+(?:a|an|ein|eine)\s+[^,.;:!?“”"«»]{2,60},/u;

/**
 * A quote's words: without the spaces around them, nor the comma or dash a cue after them interrupts
 * (“We are still ready for negotiations,” X said → "We are still ready for negotiations"; audit A5). The content
 * span keeps them, as the extraction set's guidelines annotate it.
 */
function quoteWords(text: string, r: Range): Range {
  const t = trimRange(text, r);
  let e = t.end;
  while (e > t.start && /[\s,;—–]/u.test(text.charAt(e - 1))) e--;
  return e > t.start ? { start: t.start, end: e } : t;
}

function finish(view: RecordView, text: string, lang: Lang, drafts: readonly Draft[], mentions: readonly Mention[]): Statement[] {
  const out: Statement[] = [];
  for (const d of drafts) {
    // A pronoun nobody could be found for is dropped: a statement needs a speaker.
    if (d.speaker.via === 'pronoun' && d.speaker.resolvedFrom === undefined) continue;
    const content = d.content;
    if (content.end <= content.start) continue;
    const quotes = d.quotes.map((q) => span(text, quoteWords(text, q.inner)));
    const actors = new Set<string>();
    const topics = new Set<string>();
    for (let k = firstAtOrAfter(mentions, content.start); k < mentions.length && mentions[k]!.start < content.end; k++) {
      const m = mentions[k]!;
      if (m.end > content.end) continue;
      const e = view.entities.get(m.entityId);
      if (!e) continue;
      if (e.type === 'person' || e.type === 'organization' || e.type === 'collective') actors.add(e.id);
      else topics.add(e.id);
    }
    const modality = modalityOf(text, content);
    // A cue that is itself a refusal ("ruled out", "rejected", "отверг") makes the words refused: "ruled out any talks".
    if (d.cue && d.cue.kind === 'verb' && modality.stance !== 'refuses' && modalityOf(text, { start: d.cue.start, end: d.cue.end }).stance === 'refuses') modality.stance = 'refuses';
    const cueLang = d.cue?.lang;
    out.push({
      speaker: {
        start: d.speaker.start,
        end: d.speaker.end,
        text: text.slice(d.speaker.start, d.speaker.end),
        entityId: d.speaker.entityId,
        name: d.speaker.name,
        type: d.speaker.type,
        via: d.speaker.via,
        ...(d.speaker.resolvedFrom ? { resolvedFrom: d.speaker.resolvedFrom } : {}),
      },
      cue: d.cue ? { start: d.cue.start, end: d.cue.end, text: text.slice(d.cue.start, d.cue.end), lemma: d.cue.lemma, lang: d.cue.lang } : null,
      content: span(text, content),
      quotes,
      quote: quotes.map((q) => q.text).join(' '),
      kind: d.kind ?? (quotes.length > 0 ? 'mixed' : 'indirect'),
      source: d.source,
      polarity: modality.negations.length > 0 || modality.stance === 'refuses' ? 'negative' : 'positive',
      modality,
      actors: [...actors],
      topics: [...topics],
      passage: { start: d.passage.start, end: d.passage.end },
      lang: cueLang ?? lang,
      reasons: d.reasons,
    });
  }
  return out;
}

