/**
 * What a verdict rests on, told the way a moderator reads it: who said it and
 * their words (the quote, else the paraphrase), when and where, not a
 * position id. Built in the background from the active record for the
 * library's Checks tab and for a claim mark's card on the page.
 */
import * as v from 'valibot';
import { DateRange, type Corpus } from '../corpus/schema.ts';
import { PositionSummarySchema, SNIPPET_CHARS, VERDICTS } from './check-record.ts';

export { PositionSummarySchema, SNIPPET_CHARS };

export interface PositionSummary {
  id: string;
  /** The speaker's label (the entity id when the record no longer has it). */
  speaker: string;
  /** Their words: a quote is verbatim, a paraphrase is not. */
  words: string;
  kind: 'quote' | 'paraphrase';
  date: DateRange;
  outlet: string;
  sourceId: string;
  /** The source's address, when the record has one. */
  sourceUrl?: string;
  /** Taken from the page the check is on (audit A30); set where the address itself is not passed on (a mark's card). */
  samePage?: true;
}

export function snippet(text: string, max = SNIPPET_CHARS): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/**
 * Summaries of `ids` in the order given; ids the record no longer has are left
 * out (the caller shows them as missing).
 */
export function summarizePositions(corpus: Pick<Corpus, 'positions' | 'entities' | 'sources'>, ids: Iterable<string>): Map<string, PositionSummary> {
  const wanted = new Set(ids);
  const out = new Map<string, PositionSummary>();
  if (wanted.size === 0) return out;
  const labels = new Map<string, string>();
  const outlets = new Map<string, string>();
  const urls = new Map<string, string>();
  for (const p of corpus.positions) {
    if (!wanted.has(p.id)) continue;
    if (labels.size === 0) {
      for (const e of corpus.entities) labels.set(e.id, e.label);
      for (const s of corpus.sources) {
        outlets.set(s.id, s.outlet);
        if (s.url !== undefined) urls.set(s.id, s.url);
      }
    }
    const quoted = p.quote !== undefined;
    out.set(p.id, {
      id: p.id,
      speaker: labels.get(p.actor) ?? p.actor,
      words: snippet(p.quote ?? p.paraphrase ?? p.stance),
      kind: quoted ? 'quote' : 'paraphrase',
      date: p.date,
      outlet: outlets.get(p.source) ?? 'unknown',
      sourceId: p.source,
      ...(urls.has(p.source) ? { sourceUrl: urls.get(p.source)! } : {}),
    });
  }
  return new Map([...wanted].filter((id) => out.has(id)).map((id) => [id, out.get(id)!]));
}

/**
 * The evidence a check keeps when it is saved: a summary of each of `ids` from the record as it is now; an id the
 * record no longer has keeps the summary an earlier save of the same check stored (`previous`), else none.
 */
export function evidenceSnapshot(corpus: Pick<Corpus, 'positions' | 'entities' | 'sources'>, ids: readonly string[], previous: readonly PositionSummary[] = []): PositionSummary[] {
  const unique = [...new Set(ids)];
  const live = summarizePositions(corpus, unique);
  const kept = new Map(previous.map((p) => [p.id, p]));
  return unique.flatMap((id) => {
    const s = live.get(id) ?? kept.get(id);
    return s ? [s] : [];
  });
}

/**
 * What to show for one position of a saved check: the record's summary while it has the position; else the
 * check's snapshot, marked `gone`; else nothing (a check saved before snapshots existed).
 */
export function evidenceFor(id: string, live: PositionSummary | undefined, snapshot: readonly PositionSummary[] | undefined): (PositionSummary & { gone?: true }) | undefined {
  if (live) return live;
  const kept = snapshot?.find((p) => p.id === id);
  return kept ? { ...kept, gone: true } : undefined;
}

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A position the record no longer has, told from the snapshot its check kept (`gone`), shown marked as such. */
const GoneSummary = v.object({ ...PositionSummarySchema.entries, gone: v.literal(true) });

/**
 * What a claim mark's card shows (background → content script, checked on
 * arrival like any input): the verdict, the note, who the claim is
 * attributed to, and the positions it rests on (or that one is gone).
 */
export const CheckCard = v.object({
  id: Text(100),
  claim: Text(10_000),
  verdict: v.picklist(VERDICTS),
  note: Text(10_000),
  updatedAt: v.number(),
  speaker: v.nullable(Text(1000)),
  suggested: v.nullable(v.picklist(VERDICTS)),
  positions: v.pipe(v.array(v.union([GoneSummary, PositionSummarySchema, v.object({ id: Text(200), missing: v.literal(true) })])), v.maxLength(200)),
});
export type CheckCard = v.InferOutput<typeof CheckCard>;
export const CheckCardReply = v.object({ check: v.nullable(CheckCard) });
