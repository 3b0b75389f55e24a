/**
 * One file through the statement finder, as `onrecord extract` does it in
 * the main thread or in a worker: read (annotate's limits and text layer),
 * describe the article (date, outlet, URL, language), find the statements
 * and date each one (a relative date in its passage counts back from the
 * publication date).
 */
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeArticle, relativeDate, type ArticleInfo, type PageMetadata } from '../core/article/metadata.ts';
import type { Entity } from '../core/corpus/schema.ts';
import type { Matcher } from '../core/match/index.ts';
import { createStatementFinder, guessLang, type StatementFinder } from '../core/statements/index.ts';
import { documentText, readDocumentBytes, SkippedFile } from './annotate.ts';
import { HTML_EXTENSIONS, htmlToTextAndMetadata } from './html-text.ts';

export interface ExtractRow {
  speakerId: string | null;
  speakerName: string;
  speakerStart: number;
  speakerEnd: number;
  cueStart: number | null;
  cueEnd: number | null;
  start: number;
  end: number;
  kind: string;
  quote: string | null;
  date: string | null;
  topics: string[];
  /** Beyond the printed columns, for the candidates file. */
  extra: {
    speakerType: string;
    via: string;
    content: string;
    quotes: string[];
    actors: string[];
    passageStart: number;
    passageEnd: number;
    cue: string | null;
    source: string | null;
    sieves: string[];
    dateEvidence: string;
  };
}

export interface ExtractedFile {
  file: string;
  error?: string;
  info?: ArticleInfo;
  /** The text the offsets index, when asked for (candidates file). */
  text?: string;
  rows?: ExtractRow[];
}

/** `finder`: the record's statement finder (compiled from `entities` when absent). */
export function createFileExtractor(entities: readonly Entity[], matcher?: Matcher, finder: StatementFinder = createStatementFinder({ entities, matcher })) {
  return async (file: string, full: string, keepText: boolean): Promise<ExtractedFile> => {
    let text: string;
    let meta: PageMetadata = { url: pathToFileURL(full).href };
    try {
      const bytes = await readDocumentBytes(file, full);
      if (HTML_EXTENSIONS.includes(extname(file).toLowerCase())) {
        documentText('check.txt', bytes); // the same binary check as annotate
        const read = htmlToTextAndMetadata(new TextDecoder('utf-8').decode(bytes));
        text = read.text;
        meta = { ...read.meta, url: meta.url };
      } else text = documentText(file, bytes);
    } catch (e) {
      if (e instanceof SkippedFile) return { file, error: e.message };
      throw e;
    }
    const lang = guessLang(text);
    const info = describeArticle(meta, text, { lang: meta.lang && /^(en|ru|uk|de)/i.test(meta.lang) ? undefined : lang });
    const published = info.published?.precision === 'day' ? info.published.from : undefined;
    const statements = finder.find(text, { lang: info.language, published });
    // Statements of one sentence share its passage: chrono (the costliest step after the finder) reads each once.
    const relByPassage = new Map<string, ReturnType<typeof relativeDate>>();
    const relOf = (passage: string) => {
      let rel = relByPassage.get(passage);
      if (rel === undefined && !relByPassage.has(passage)) relByPassage.set(passage, (rel = relativeDate(passage, published!, info.language)));
      return rel ?? null;
    };
    const rows = statements.map((s): ExtractRow => {
      const rel = published ? relOf(text.slice(s.passage.start, s.passage.end)) : null;
      const date = rel?.day ?? info.published?.from ?? null;
      const dateEvidence = rel
        ? `"${rel.text}" in the passage, counted back from the publication date ${published} (${info.published!.evidence})`
        : info.published
          ? `the article's publication date (${info.published.evidence})`
          : 'no date found';
      return {
        speakerId: s.speaker.entityId,
        speakerName: s.speaker.name,
        speakerStart: s.speaker.start,
        speakerEnd: s.speaker.end,
        cueStart: s.cue?.start ?? null,
        cueEnd: s.cue?.end ?? null,
        start: s.content.start,
        end: s.content.end,
        kind: s.kind,
        quote: s.quote === '' ? null : s.quote,
        date,
        topics: s.topics,
        extra: {
          speakerType: s.speaker.type,
          via: s.speaker.via,
          content: s.content.text,
          quotes: s.quotes.map((q) => q.text),
          actors: s.actors,
          passageStart: s.passage.start,
          passageEnd: s.passage.end,
          cue: s.cue?.text ?? null,
          source: s.source?.name ?? null,
          sieves: s.reasons.map((r) => `${r.step}:${r.sieve}`),
          dateEvidence,
        },
      };
    });
    return { file, info, rows, ...(keepText ? { text } : {}) };
  };
}
