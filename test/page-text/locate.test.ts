import { describe, expect, it } from 'vitest';
import {
  crossesSeparator,
  extractText,
  locate,
  rangesForMentions,
  segmentsOf,
  toBoundaries,
  toNodeSlices,
  toRange,
  toRanges,
  type PageText,
  type RangeFactory,
} from '../../src/page-text/index.ts';
import { NO_STYLE, extractHtml, fixture } from './parse.ts';

/** linkedom's Range has no setStart/setEnd: record the calls instead. */
interface RecordedRange {
  startContainer?: Node;
  startOffset?: number;
  endContainer?: Node;
  endOffset?: number;
}
function recordingFactory(): RangeFactory {
  return {
    createRange: () => {
      const range: RecordedRange & Pick<Range, 'setStart' | 'setEnd'> = {
        setStart(node: Node, offset: number) {
          range.startContainer = node;
          range.startOffset = offset;
        },
        setEnd(node: Node, offset: number) {
          range.endContainer = node;
          range.endOffset = offset;
        },
      };
      return range as unknown as Range;
    },
  };
}

/** The text a reader would select between two DOM positions: the covered node slices, joined. */
function sliceText(pageText: PageText, start: number, end: number): string {
  return toNodeSlices(pageText, start, end)
    .map((slice) => slice.node.data.slice(slice.start, slice.end))
    .join('');
}

const spanOf = (pageText: PageText, needle: string): { start: number; end: number } => {
  const start = pageText.text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" not in ${JSON.stringify(pageText.text)}`);
  return { start, end: start + needle.length };
};

describe('locate', () => {
  const pageText = extractHtml('<p>Dmitry <b>Peskov</b></p><p>Kyiv</p>');
  const [dmitry, peskov, kyiv] = segmentsOf(pageText).map((s) => s.node);

  it('maps an offset inside a segment to its node and offset', () => {
    expect(pageText.text).toBe('Dmitry Peskov\nKyiv');
    expect(locate(pageText, 2)).toEqual({ node: dmitry, offset: 2 });
    expect(locate(pageText, 9)).toEqual({ node: peskov, offset: 2 });
    expect(locate(pageText, 17, 'backward')).toEqual({ node: kyiv, offset: 3 });
  });

  it('snaps node edges and separators forward for starts and backward for ends', () => {
    expect(locate(pageText, 7, 'forward')).toEqual({ node: peskov, offset: 0 });
    expect(locate(pageText, 7, 'backward')).toEqual({ node: dmitry, offset: 7 });
    expect(locate(pageText, 13, 'forward')).toEqual({ node: kyiv, offset: 0 });
    expect(locate(pageText, 14, 'backward')).toEqual({ node: peskov, offset: 6 });
    expect(locate(pageText, 18, 'backward')).toEqual({ node: kyiv, offset: 4 });
  });

  it('returns null past the ends', () => {
    expect(locate(pageText, 18, 'forward')).toBeNull();
    expect(locate(pageText, 0, 'backward')).toBeNull();
    expect(locate(extractHtml(''), 0)).toBeNull();
  });

  it('agrees with the segments for every offset of a real fixture', () => {
    const article = extractText(fixture('news-article.html'), NO_STYLE);
    for (let offset = 0; offset < article.text.length; offset++) {
      const position = locate(article, offset);
      const covering = segmentsOf(article).find((s) => s.start <= offset && offset < s.end);
      if (covering) expect(position).toEqual({ node: covering.node, offset: offset - covering.start });
      else expect(article.text[offset]).toBe('\n');
    }
  });
});

describe('toBoundaries and toNodeSlices', () => {
  const pageText = extractText(fixture('news-article.html'), NO_STYLE);

  it('covers a name split across inline elements with one boundary pair', () => {
    const span = spanOf(pageText, 'Dmitry Peskov told');
    const boundaries = toBoundaries(pageText, span.start, span.end);
    expect(boundaries?.startContainer.data).toMatch(/Dmitry $/);
    expect(boundaries?.startOffset).toBe((boundaries?.startContainer.data.length ?? 0) - 'Dmitry '.length);
    expect(boundaries?.endContainer.data).toMatch(/^ told reporters/);
    expect(boundaries?.endOffset).toBe(' told'.length);
    expect(sliceText(pageText, span.start, span.end)).toBe('Dmitry Peskov told');
    expect(toNodeSlices(pageText, span.start, span.end)).toHaveLength(3);
  });

  it('joins a word split mid-way', () => {
    const span = spanOf(pageText, 'Podolyak');
    const slices = toNodeSlices(pageText, span.start, span.end);
    expect(slices.map((s) => s.node.data.slice(s.start, s.end))).toEqual(['Podo', 'lyak']);
  });

  it('spans a separator with one range whose slices skip the separator', () => {
    const span = spanOf(pageText, 'preconditions.\nHe added');
    expect(crossesSeparator(pageText, span.start, span.end)).toBe(true);
    expect(sliceText(pageText, span.start, span.end)).toBe('preconditions.He added');
    const boundaries = toBoundaries(pageText, span.start, span.end);
    expect(boundaries?.startContainer).not.toBe(boundaries?.endContainer);
  });

  it('returns null for empty spans and spans of a separator only', () => {
    const span = spanOf(pageText, '\nHe added');
    expect(toBoundaries(pageText, span.start, span.start + 1)).toBeNull();
    expect(toNodeSlices(pageText, span.start, span.start + 1)).toEqual([]);
    expect(toBoundaries(pageText, 5, 5)).toBeNull();
  });

  it('tells inline joins from block and cell boundaries', () => {
    const names = extractHtml('<p>Dmitry <b>Peskov</b></p><p>Sergey</p><table><tr><td>a</td><td>b</td></tr></table>');
    expect(crossesSeparator(names, 0, 'Dmitry Peskov'.length)).toBe(false);
    const across = spanOf(names, 'Peskov\nSergey');
    expect(crossesSeparator(names, across.start, across.end)).toBe(true);
    const cells = spanOf(names, 'a b');
    expect(crossesSeparator(names, cells.start, cells.end)).toBe(true);
  });
});

describe('ranges', () => {
  const pageText = extractText(fixture('news-article.html'), NO_STYLE);

  it('builds one Range per span from the boundaries', () => {
    const span = spanOf(pageText, 'Dmitry Peskov told');
    const range = toRange(pageText, span.start, span.end, recordingFactory()) as unknown as RecordedRange;
    const boundaries = toBoundaries(pageText, span.start, span.end);
    expect(range).toMatchObject(boundaries ?? {});
  });

  it('builds one node-local Range per touched text node', () => {
    const span = spanOf(pageText, 'Dmitry Peskov told');
    const ranges = toRanges(pageText, span.start, span.end, recordingFactory()) as unknown as RecordedRange[];
    expect(ranges).toHaveLength(3);
    for (const range of ranges) expect(range.startContainer).toBe(range.endContainer);
    const pieces = ranges.map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
    expect(pieces).toEqual(['Dmitry ', 'Peskov', ' told']);
  });

  it('pairs mentions with ranges and drops those that cover no text', () => {
    const peskov = spanOf(pageText, 'Peskov told');
    const moscow = spanOf(pageText, 'Moscow');
    const separatorOnly = spanOf(pageText, '\nHe added');
    const mentions = [
      { start: peskov.start, end: peskov.start + 'Peskov'.length, id: 'dmitry-peskov' },
      { start: separatorOnly.start, end: separatorOnly.start + 1, id: 'nothing' },
      { ...moscow, id: 'moscow' },
    ];
    const found = rangesForMentions(pageText, mentions, recordingFactory());
    expect(found.map((f) => f.mention.id)).toEqual(['dmitry-peskov', 'moscow']);
    const moscowRange = found[1]?.range as unknown as RecordedRange;
    expect((moscowRange.startContainer as Text).data.slice(moscowRange.startOffset, moscowRange.endOffset)).toBe('Moscow');
  });
});
