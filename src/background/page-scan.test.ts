import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpusShape } from '../core/corpus/schema.ts';
import { compileMatcher, createDocumentContext, serializeMatcher } from '../core/match/index.ts';
import { entitiesWithNothingToShow } from '../core/record/entity-record.ts';
import { decodeFound, encodeFound, MAX_HELD_TEXTS } from '../shared/page-scan.ts';
import { PageScans } from './page-scan.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../corpus/seed.json', import.meta.url), 'utf8')));
const serialized = serializeMatcher(compileMatcher(corpus.entities, corpus.sides));
const record = {
  matcher: serialized,
  fingerprint: 'f1',
  wire: { types: Object.fromEntries(corpus.entities.map((e) => [e.id, e.type])), quiet: entitiesWithNothingToShow(corpus) },
};
const TAB = { tabId: 7, frameId: 0 };
const DOC = '00000000000000aa';

// "Bennett" is ambiguous: it counts only after an unambiguous alias of the same person, earlier in the document.
const CHUNKS = [
  'Israeli Prime Minister Naftali Bennett flew to Moscow to meet Vladimir Putin.',
  'Talks in Istanbul went on. Peskov said nothing.',
  'Later Bennett spoke by phone.',
];

describe('scanning a page in the background (ADR 017)', () => {
  it('finds what the tab\'s own matcher found: the same mentions, chunk by chunk, with one context per document', () => {
    const scans = new PageScans();
    const matcher = compileMatcher(corpus.entities, corpus.sides);
    const ctx = createDocumentContext();
    for (const text of CHUNKS) {
      const local = matcher.scan(text, ctx).map((m) => [m.start, m.end, m.entityId]);
      const remote = decodeFound(scans.scan(record, TAB, DOC, text), text.length).map((m) => [m.start, m.end, m.entityId]);
      expect(remote).toEqual(local);
    }
    const last = decodeFound(scans.scan(record, TAB, DOC, CHUNKS[2]!), CHUNKS[2]!.length);
    expect(last.map((m) => m.entityId)).toContain('naftali-bennett');
  });

  it('keeps documents apart: a new document, another tab or a new record starts with nothing seen', () => {
    const scans = new PageScans();
    scans.scan(record, TAB, DOC, CHUNKS[0]!);
    const ids = (r: ReturnType<PageScans['scan']>) => decodeFound(r, CHUNKS[2]!.length).map((m) => m.entityId);
    expect(ids(scans.scan(record, TAB, DOC, CHUNKS[2]!))).toContain('naftali-bennett');
    expect(ids(scans.scan(record, TAB, '00000000000000bb', CHUNKS[2]!))).not.toContain('naftali-bennett');
    expect(ids(scans.scan(record, { tabId: 8, frameId: 0 }, DOC, CHUNKS[2]!))).not.toContain('naftali-bennett');
    expect(ids(scans.scan({ ...record, fingerprint: 'f2' }, TAB, DOC, CHUNKS[2]!))).not.toContain('naftali-bennett');
  });

  it('tells the tab when a chunk withheld topic words and when the page became about the record (issue 13)', () => {
    const scans = new PageScans();
    const headline = 'Kremlin rules out a ceasefire before spring';
    const first = scans.scan(record, TAB, DOC, headline);
    expect(decodeFound(first, headline.length).map((m) => m.entityId)).toEqual(['kremlin']);
    expect(first).toMatchObject({ withheld: true });
    expect(first.relevant).toBeUndefined();
    const article = 'Dmitry Peskov spoke; Mykhailo Podolyak and Volodymyr Zelensky answered.';
    expect(scans.scan(record, TAB, DOC, article)).toMatchObject({ relevant: true });
    const again = scans.scan(record, TAB, DOC, headline, true);
    expect(decodeFound(again, headline.length).map((m) => headline.slice(m.start, m.end))).toEqual(['Kremlin', 'ceasefire']);
    expect(again.withheld).toBeUndefined();
  });

  it('keeps a text that withheld topic words and answers it again itself once the page is about the record, so the tab need not send it twice', () => {
    const scans = new PageScans();
    const headline = 'Kremlin rules out a ceasefire before spring';
    const teaser = 'Weather: rain in the north.';
    const article = 'Dmitry Peskov spoke; Mykhailo Podolyak and Volodymyr Zelensky answered.';
    const [first, second] = scans.scanParts(record, TAB, DOC, [{ text: headline }, { text: teaser }]);
    expect(first).toMatchObject({ withheld: true, held: 1 });
    expect(first!.late).toBeUndefined();
    // Nothing withheld, nothing kept.
    expect(second!.held).toBeUndefined();
    const [, about, after] = scans.scanParts(record, TAB, DOC, [{ text: teaser }, { text: article }, { text: teaser }]);
    // The answer comes with the part after which the page is about the record, scanned after the whole request.
    expect(about).toMatchObject({ relevant: true });
    expect(about!.late).toHaveLength(1);
    const late = about!.late![0]!;
    expect(late.held).toBe(1);
    expect(decodeFound(late, headline.length).map((m) => headline.slice(m.start, m.end))).toEqual(['Kremlin', 'ceasefire']);
    expect(after!.late).toBeUndefined();
    // Given once: the worker lets it go.
    expect(scans.scanParts(record, TAB, DOC, [{ text: article }])[0]!.late).toBeUndefined();
    // The same answer as the tab's own late scan of it (scan(…, late)) in the same context.
    const again = new PageScans();
    again.scan(record, TAB, DOC, headline);
    again.scan(record, TAB, DOC, teaser);
    again.scan(record, TAB, DOC, article);
    again.scan(record, TAB, DOC, teaser);
    const { found, entities } = again.scan(record, TAB, DOC, headline, true);
    expect({ found, entities }).toEqual({ found: late.found, entities: late.entities });
  });

  it('keeps at most MAX_HELD_TEXTS texts per document, the newest', () => {
    const scans = new PageScans();
    const headline = 'Kremlin rules out a ceasefire before spring';
    const parts = Array.from({ length: MAX_HELD_TEXTS + 5 }, () => ({ text: headline }));
    const held = [...scans.scanParts(record, TAB, DOC, parts.slice(0, 200)), ...scans.scanParts(record, TAB, DOC, parts.slice(200))].map((r) => r.held);
    expect(held).toEqual(Array.from({ length: MAX_HELD_TEXTS + 5 }, (_, i) => i + 1));
    const [about] = scans.scanParts(record, TAB, DOC, [{ text: 'Dmitry Peskov spoke; Mykhailo Podolyak and Volodymyr Zelensky answered.' }]);
    expect(about!.late!.map((h) => h.held)).toEqual(Array.from({ length: MAX_HELD_TEXTS }, (_, i) => i + 6));
  });

  it('holds texts within one character budget across every tab, the oldest of any tab let go first (review 11B RB8)', () => {
    const headline = 'Kremlin rules out a ceasefire before spring';
    const scans = new PageScans({ heldCharsAll: 3 * headline.length });
    const A = { tabId: 1, frameId: 0 };
    const B = { tabId: 2, frameId: 0 };
    expect(scans.scanParts(record, A, DOC, [{ text: headline }, { text: headline }]).map((r) => r.held)).toEqual([1, 2]);
    expect(scans.scanParts(record, B, DOC, [{ text: headline }, { text: headline }]).map((r) => r.held)).toEqual([1, 2]);
    // Four held, room for three: tab A's first (the oldest of all) went.
    expect(scans.heldChars).toBe(3 * headline.length);
    const [aboutA] = scans.scanParts(record, A, DOC, [{ text: 'Dmitry Peskov spoke; Mykhailo Podolyak and Volodymyr Zelensky answered.' }]);
    expect(aboutA!.late!.map((h) => h.held)).toEqual([2]);
    expect(scans.heldChars).toBe(2 * headline.length);
    // A closed tab gives its share back.
    scans.forgetTab(B.tabId);
    expect(scans.heldChars).toBe(0);
    // A document pushed out of its tab (DOCS_PER_TAB) gives its share back too.
    scans.scanParts(record, A, 'doc-1', [{ text: headline }]);
    for (const doc of ['doc-2', 'doc-3', 'doc-4', 'doc-5']) scans.scanParts(record, A, doc, [{ text: 'Weather: rain in the north.' }]);
    expect(scans.heldChars).toBe(0);
  });

  it('reads on with the context the tab carried when the worker was restarted meanwhile, and not another record\'s', () => {
    const before = new PageScans();
    before.scan(record, TAB, DOC, CHUNKS[0]!);
    const carried = before.context(TAB, DOC);
    expect(carried?.seen).toContain('naftali-bennett');
    const ids = (r: ReturnType<PageScans['scan']>) => decodeFound(r, CHUNKS[2]!.length).map((m) => m.entityId);
    // A restarted worker (its memory gone): without the carried context "Bennett" alone is not confirmed…
    expect(ids(new PageScans().scan(record, TAB, DOC, CHUNKS[2]!))).not.toContain('naftali-bennett');
    // …with it, it is.
    const after = new PageScans();
    after.resume(record, TAB, DOC, carried);
    expect(ids(after.scan(record, TAB, DOC, CHUNKS[2]!))).toContain('naftali-bennett');
    // A context of another record is not taken up.
    const other = new PageScans();
    other.resume({ fingerprint: 'f2' }, TAB, DOC, carried);
    expect(ids(other.scan({ ...record, fingerprint: 'f2' }, TAB, DOC, CHUNKS[2]!))).not.toContain('naftali-bennett');
    // The worker's own memory wins over what a tab carries.
    const live = new PageScans();
    live.scan(record, TAB, DOC, CHUNKS[0]!);
    live.resume(record, TAB, DOC, { ...carried!, seen: [] });
    expect(ids(live.scan(record, TAB, DOC, CHUNKS[2]!))).toContain('naftali-bennett');
  });

  it('answers with types and quietness, and forgets a closed tab', () => {
    const scans = new PageScans();
    const found = decodeFound(scans.scan(record, TAB, DOC, CHUNKS[1]!), CHUNKS[1]!.length);
    expect(found.find((m) => m.entityId === 'dmitry-peskov')).toMatchObject({ type: 'person', quiet: false });
    expect(scans.size).toBe(1);
    for (let i = 0; i < 10; i++) scans.scan(record, TAB, `00000000000001${i}0`, 'x');
    expect(scans.size).toBe(4);
    scans.forgetTab(7);
    expect(scans.size).toBe(0);
  });
});

describe('the scan reply on the wire', () => {
  const mentions = [
    { start: 0, end: 6, entityId: 'a', type: 'person' as const, quiet: false },
    { start: 10, end: 16, entityId: 'b', type: 'topic' as const, quiet: true },
    { start: 20, end: 26, entityId: 'a', type: 'person' as const, quiet: false },
  ];

  it('lists each entity once and reads back to the same mentions', () => {
    const reply = encodeFound(mentions);
    expect(reply.entities).toHaveLength(2);
    expect(decodeFound(reply, 30)).toEqual(mentions);
  });

  it('refuses offsets outside the text, reversed offsets, unknown entities and partial mentions', () => {
    const reply = encodeFound(mentions);
    expect(() => decodeFound(reply, 25)).toThrow(/outside the text/);
    expect(() => decodeFound({ ...reply, found: [5, 5, 0] }, 30)).toThrow(/outside the text/);
    expect(() => decodeFound({ ...reply, found: [0, 5, 2] }, 30)).toThrow(/outside the text/);
    expect(() => decodeFound({ ...reply, found: [0, 5] }, 30)).toThrow(/not whole mentions/);
  });
});
