/**
 * The one place the browser calls the statement finder (core/statements,
 * issue 11/12): the page's text in, the statements as the lists show them
 * out. Runs in the service worker, so a long page costs the page's main
 * thread nothing but extracting its text.
 *
 * TEMPORARY STUB until core/statements lands on main: quoted words followed
 * by a speech verb and a name the matcher knows. Replaced by the real
 * finder before landing; nothing here is meant to ship.
 */
import type { Corpus, DateRange, EntityType } from '../core/corpus/schema.ts';
import { loadMatcher, type Matcher, type SerializedMatcher } from '../core/match/index.ts';
import type { StatementKind } from '../core/recording/types.ts';

export interface FoundStatement {
  start: number;
  end: number;
  speakerId: string | null;
  speakerName: string;
  speakerType: EntityType;
  kind: StatementKind;
  quote: string | null;
  topics: string[];
  date: DateRange | null;
}

export interface FinderRecord {
  corpus: Corpus;
  matcher: SerializedMatcher;
}

let loaded: { from: SerializedMatcher; matcher: Matcher } | undefined;
function matcherOf(record: FinderRecord): Matcher {
  if (loaded?.from !== record.matcher) loaded = { from: record.matcher, matcher: loadMatcher(record.matcher) };
  return loaded.matcher;
}

const QUOTE = /[“"«„]([^”"»“\n]{12,600})[”"»“]/gu;
const CUE = /\b(?:said|says|told|added|stressed|заявил[аи]?|сказал[аи]?|заявив|заявила|sagte)\b/iu;

export function findStatements(text: string, record: FinderRecord, published: DateRange | null): FoundStatement[] {
  const matcher = matcherOf(record);
  const types = new Map(record.corpus.entities.map((e) => [e.id, e.type]));
  const out: FoundStatement[] = [];
  for (const m of text.matchAll(QUOTE)) {
    const start = (m.index ?? 0) + 1;
    const end = start + (m[1] as string).length;
    const after = text.slice(end + 1, end + 120);
    if (!CUE.test(after)) continue;
    const speaker = matcher.scan(after).find((x) => types.get(x.entityId) === 'person' || types.get(x.entityId) === 'organization');
    if (!speaker) continue;
    const topics = [...new Set(matcher.scan(m[1] as string).map((x) => x.entityId))].filter((id) => id !== speaker.entityId);
    out.push({
      start, end, speakerId: speaker.entityId, speakerName: after.slice(speaker.start, speaker.end), speakerType: types.get(speaker.entityId) ?? 'person',
      kind: 'direct', quote: m[1] as string, topics, date: published,
    });
  }
  return out;
}
