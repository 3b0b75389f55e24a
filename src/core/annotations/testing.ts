/** Highlights for tests and the library benchmark. */
import { HIGHLIGHT_COLORS, type SavedHighlight } from './model.ts';

const WORDS = ['talks', 'minister', 'ceasefire', 'Geneva', 'sanctions', 'grain', 'corridor', 'statement', 'Kremlin', 'Kyiv', 'border', 'vote'];
const SITES = ['news.example.com', 'www.daily.example.org', 'wire.example.net', 'blog.example.io'];
const TAGS = ['policy', 'quote', 'follow up', 'contradiction', 'timeline', 'source needed'];

/** A deterministic highlight: the same `i` always gives the same record. */
export function sampleHighlight(i: number, overrides: Partial<SavedHighlight> = {}): SavedHighlight {
  const word = (k: number) => WORDS[(i * 7 + k * 3) % WORDS.length] as string;
  const exact = `The ${word(0)} said the ${word(1)} would ${i % 3 === 0 ? 'not ' : ''}change before the ${word(2)} (${i}).`;
  const site = SITES[i % SITES.length] as string;
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    pageUrl: `https://${site}/story/${Math.floor(i / 5)}`,
    pageTitle: `Story ${Math.floor(i / 5)} about ${word(3)}`,
    createdAt: Date.UTC(2024, 0, 1) + i * 3_600_000,
    updatedAt: Date.UTC(2024, 0, 1) + i * 3_600_000 + (i % 2) * 60_000,
    selectors: {
      quote: { exact, prefix: `Before ${word(4)}, `, suffix: ` After ${word(5)}.` },
      position: { start: i * 10, end: i * 10 + exact.length },
    },
    entityIds: i % 4 === 0 ? ['peskov'] : i % 4 === 1 ? ['zelenskyy', 'kremlin'] : [],
    note: i % 3 === 0 ? `Note ${i}: compare with the ${word(6)} statement, "quoted", with a comma.` : '',
    tags: i % 2 === 0 ? [TAGS[i % TAGS.length] as string] : [],
    color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length] as SavedHighlight['color'],
    ...overrides,
  };
}
