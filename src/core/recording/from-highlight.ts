/**
 * "Record as a position…": a saved highlight becomes a position of the user
 * layer. The highlight's words (with the context it kept either side) are the
 * source text, the words themselves the passage, and its selectors find the
 * passage on the page again; the page's address and title are the source.
 */
import type { SavedHighlight } from '../annotations/model.ts';
import { siteOf } from '../site.ts';
import type { RecordDraft } from './draft.ts';
import { verbatimQuote } from './draft.ts';
import type { StatementEdits } from './types.ts';

export function draftFromHighlight(h: SavedHighlight, edits: StatementEdits, language = 'en'): RecordDraft {
  const { exact, prefix, suffix } = h.selectors.quote;
  const text = `${prefix}${exact}${suffix}`;
  const passage = { start: prefix.length, end: prefix.length + exact.length };
  const quote = edits.keepQuote ? verbatimQuote(exact.trim(), exact) : undefined;
  const url = h.canonicalUrl ?? h.pageUrl;
  return {
    actor: edits.speakerId ? { id: edits.speakerId } : { name: edits.speakerName as string, type: edits.speakerType ?? 'person' },
    topics: edits.topics,
    stance: edits.stance,
    ...(quote ? { quote } : {}),
    ...(edits.paraphrase ? { paraphrase: edits.paraphrase } : quote ? {} : { paraphrase: exact.trim().slice(0, 5000) }),
    date: edits.date,
    source: {
      url,
      title: h.pageTitle.trim() || siteOf(url) || url,
      outlet: siteOf(url) || 'unknown',
      language,
      published: edits.date,
      text,
      anchor: h.selectors,
    },
    passage,
    origin: 'highlight',
  };
}
