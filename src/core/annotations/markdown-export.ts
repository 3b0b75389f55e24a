/**
 * Highlights as Markdown notes: one section per page (a link to it), the
 * quotes in reading order as block quotes, each with its note and tags.
 * Pages come newest first, like the library.
 */
import type { SavedHighlight } from './model.ts';
import { groupByPage } from './group.ts';

/** Characters that would start Markdown syntax inside link text. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

const URL_ESCAPES: Readonly<Record<string, string>> = { ' ': '%20', '(': '%28', ')': '%29' };

/** A URL inside `(…)`: spaces and parentheses would end it early. */
function escapeUrl(url: string): string {
  return url.replace(/[ ()]/g, (c) => URL_ESCAPES[c] ?? c);
}

function blockQuote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function exportMarkdown(highlights: readonly SavedHighlight[], now = new Date()): string {
  const groups = groupByPage(highlights);
  const out: string[] = [
    '# OnRecord highlights',
    '',
    `Exported ${day(now.getTime())}: ${highlights.length} highlight${highlights.length === 1 ? '' : 's'} on ${groups.length} page${groups.length === 1 ? '' : 's'}.`,
  ];
  for (const group of groups) {
    const title = group.pageTitle || group.pageUrl;
    out.push('', `## [${escapeInline(title)}](${escapeUrl(group.pageUrl)})`);
    const inReadingOrder = [...group.highlights].sort((a, b) => a.selectors.position.start - b.selectors.position.start);
    for (const h of inReadingOrder) {
      out.push('', blockQuote(h.selectors.quote.exact));
      if (h.note !== '') out.push('', h.note);
      const meta = [`Saved ${day(h.createdAt)}`];
      if (h.tags.length > 0) meta.push(`tags: ${h.tags.map((t) => `#${t.replace(/\s+/g, '-')}`).join(' ')}`);
      out.push('', `<sub>${escapeInline(meta.join(' · '))}</sub>`);
    }
  }
  return `${out.join('\n')}\n`;
}
