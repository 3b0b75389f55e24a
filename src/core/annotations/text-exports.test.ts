import { describe, expect, it } from 'vitest';
import { exportCsv, HIGHLIGHT_CSV_COLUMNS, neutraliseFormula } from './csv-export.ts';
import { exportMarkdown } from './markdown-export.ts';
import { cleanTags, highlightSite, parseTagInput } from './model.ts';
import { groupByPage } from './group.ts';
import { sampleHighlight } from './testing.ts';

describe('CSV export', () => {
  it('has a header and one quoted-where-needed row per highlight', () => {
    const h = sampleHighlight(0, { note: 'says "no", then yes,\nlater', tags: ['a', 'b c'] });
    const lines = exportCsv([h]).split('\r\n');
    expect(lines[0]).toBe(HIGHLIGHT_CSV_COLUMNS.join(','));
    expect(exportCsv([h])).toContain('"says ""no"", then yes,\nlater"');
    expect(exportCsv([h])).toContain(',a; b c,');
    expect(exportCsv([h]).startsWith(`id,`)).toBe(true);
  });
});

describe('CSV formula guard', () => {
  it('makes cells that a spreadsheet would run as formulas plain text', () => {
    const h = sampleHighlight(1, { note: '=HYPERLINK("http://x.example","click")', tags: ['+1', 'ok'] });
    const csv = exportCsv([h]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""click"")"`);
    expect(csv).toContain(`,'+1; ok,`);
    expect(neutraliseFormula('-5 dead')).toBe("'-5 dead");
    expect(neutraliseFormula('The minister')).toBe('The minister');
  });
});

describe('Markdown export', () => {
  it('groups by page with a link, quotes in reading order, notes and tags', () => {
    const a = sampleHighlight(0, { pageUrl: 'https://e.example/p (1)', pageTitle: 'A [draft] page', note: 'First note', tags: ['follow up'] });
    const b = sampleHighlight(1, {
      pageUrl: 'https://e.example/p (1)',
      pageTitle: 'A [draft] page',
      selectors: { quote: { exact: 'Earlier line\nsecond line', prefix: '', suffix: '' }, position: { start: 0, end: 5 } },
    });
    const md = exportMarkdown([a, b], new Date(Date.UTC(2024, 5, 1)));
    expect(md).toContain('## [A \\[draft\\] page](https://e.example/p%20%281%29)');
    expect(md.indexOf('> Earlier line\n> second line')).toBeLessThan(md.indexOf(`> ${a.selectors.quote.exact}`));
    expect(md).toContain('First note');
    expect(md).toContain('#follow-up');
    expect(md).toContain('2 highlights on 1 page.');
  });
});

describe('model helpers', () => {
  it('cleans tags and splits typed input', () => {
    expect(cleanTags(['  Policy ', 'policy', 'two  words', ''])).toEqual(['Policy', 'two words']);
    expect(parseTagInput('a, b;c\n a')).toEqual(['a', 'b', 'c']);
  });
  it('names the site without www', () => {
    expect(highlightSite('https://www.example.com/a')).toBe('example.com');
    expect(highlightSite('not a url')).toBe('');
  });
  it('groups newest page first', () => {
    const groups = groupByPage([sampleHighlight(0), sampleHighlight(6), sampleHighlight(7)]);
    expect(groups.map((g) => g.highlights.length)).toEqual([1, 1, 1].slice(0, groups.length));
    expect(groups[0]!.latest).toBeGreaterThanOrEqual(groups.at(-1)!.latest);
  });
});
