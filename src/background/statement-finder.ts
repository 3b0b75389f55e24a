/**
 * The one place the browser calls the statement finder (core/statements):
 * the page's text in, the statements as the lists show them out. Runs in the
 * service worker, so a long page costs the page's main thread nothing but
 * extracting its text. One finder per record (record-cache.ts), shared with the claim checker.
 */
import type { Corpus, DateRange, EntityType } from '../core/corpus/schema.ts';
import type { SerializedMatcher } from '../core/match/index.ts';
import { statementFinder } from './record-cache.ts';
import { spokenWords, type PageStatement } from '../core/recording/types.ts';
import { relativeDate } from '../core/article/metadata.ts';
import { guessLang, type Lang } from '../core/statements/index.ts';

/** A statement as the finder gives it: what the lists show, before its text is cut and its record looked up. */
export type FoundStatement = Omit<PageStatement, 'text' | 'recorded'>;

export interface FinderRecord {
  corpus: Corpus;
  matcher: SerializedMatcher;
  fingerprint: string;
}

const LANGS: ReadonlySet<string> = new Set(['en', 'ru', 'uk', 'de']);

export function findStatements(text: string, record: FinderRecord, published: DateRange | null, language?: string): FoundStatement[] {
  const lang = language && LANGS.has(language) ? (language as Lang) : undefined;
  const found = statementFinder(record).find(text, { ...(lang ? { lang } : {}), ...(published ? { published: published.from } : {}) });
  return found
    // An unresolved pronoun is no speaker to record; one resolved to a new person ("Barack Obama … ⏎ “…,” he said") is
    // that person's statement, as `onrecord extract` lists it (audit 10, A29).
    .filter((s) => s.content.end > s.content.start && s.speaker.name.trim() !== '' && !(s.speaker.via === 'pronoun' && s.speaker.resolvedFrom === undefined))
    .map((s) => ({
      start: s.content.start,
      end: s.content.end,
      speakerId: s.speaker.entityId,
      // The finder's name: a known speaker's label, a new one's name as the page writes it in full ("Barack Obama" for
      // "Mr Obama" and for "he"), the CLI's speakerName.
      speakerName: s.speaker.name.trim(),
      speakerType: s.speaker.type,
      kind: s.kind,
      quote: spokenWords(s.quote) || null,
      topics: [...new Set([...s.actors, ...s.topics])].filter((id) => id !== s.speaker.entityId),
      date: statementDate(text.slice(s.passage.start, s.passage.end), published, s.lang),
    }));
}

/** A relative date in the statement's sentence ("on Tuesday", "в четверг") resolved against the publication date; else that date. */
function statementDate(sentence: string, published: DateRange | null, lang: Lang): DateRange | null {
  if (!published) return null;
  const rel = relativeDate(sentence, published.from, lang ?? guessLang(sentence));
  if (!rel) return published;
  return { from: rel.day, to: rel.day, precision: 'day', reasoning: `"${rel.text}" counted back from the publication date ${published.from}` };
}
