import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractText, segmentsOf, type ExtractOptions, type PageText } from '../../src/page-text/index.ts';

/** linkedom has no layout: computed styles are off, as in the CLI. */
export const NO_STYLE: ExtractOptions = { computeStyle: false };

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function fixture(name: string): Document {
  return parseDocument(readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url), 'utf8'));
}

export function extractHtml(html: string, options: ExtractOptions = NO_STYLE): PageText {
  return extractText(parseDocument(`<!doctype html><html><body>${html}</body></html>`), options);
}

/** Every segment must be non-empty, sorted, non-overlapping and a verbatim copy of its node. */
export function segmentProblems(pageText: PageText): string[] {
  const problems: string[] = [];
  let previousEnd = 0;
  segmentsOf(pageText).forEach((segment, i) => {
    if (segment.end <= segment.start) problems.push(`segment ${i} is empty`);
    if (segment.start < previousEnd) problems.push(`segment ${i} overlaps or is out of order`);
    if (pageText.text.slice(segment.start, segment.end) !== segment.node.data) {
      problems.push(`segment ${i} does not match its node`);
    }
    previousEnd = segment.end;
  });
  if (previousEnd > pageText.text.length) problems.push('segments run past the text');
  return problems;
}
