import { describe, expect, it } from 'vitest';
import { ANNO_CONTEXT, exportJsonLd, toWebAnnotation } from './jsonld-export.ts';
import { ImportError, parseJsonLd } from './jsonld-import.ts';
import { sampleHighlight } from './testing.ts';

const NOW = new Date(Date.UTC(2024, 5, 1));

describe('JSON-LD export', () => {
  it('writes a W3C AnnotationCollection with motivations, bodies and both selectors', () => {
    const h = sampleHighlight(0, { canonicalUrl: 'https://news.example.com/canonical' });
    const doc = JSON.parse(exportJsonLd([h], NOW));
    expect(doc['@context']).toBe(ANNO_CONTEXT);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(1);
    const a = doc.first.items[0];
    expect(a.id).toBe(`urn:uuid:${h.id}`);
    expect(a.type).toBe('Annotation');
    expect(a.motivation).toEqual(['highlighting', 'commenting', 'tagging']);
    expect(a.body).toEqual(
      expect.arrayContaining([
        { type: 'TextualBody', purpose: 'commenting', value: h.note, format: 'text/plain' },
        { type: 'TextualBody', purpose: 'tagging', value: h.tags[0] },
        { type: 'SpecificResource', purpose: 'identifying', source: 'urn:onrecord:entity:peskov' },
      ]),
    );
    expect(a.target.source).toBe(h.pageUrl);
    expect(a.target.selector).toEqual([
      { type: 'TextQuoteSelector', ...h.selectors.quote },
      { type: 'TextPositionSelector', ...h.selectors.position },
    ]);
    expect(a.created).toBe(new Date(h.createdAt).toISOString());
  });

  it('marks a bare highlight with the single motivation "highlighting" and no body', () => {
    const a = toWebAnnotation(sampleHighlight(1, { note: '', tags: [], entityIds: [] }), true);
    expect(a.motivation).toBe('highlighting');
    expect(a.body).toBeUndefined();
    expect(a['@context']).toBe(ANNO_CONTEXT);
  });
});

describe('JSON-LD import', () => {
  it('gives back exactly what was exported', () => {
    const highlights = Array.from({ length: 40 }, (_, i) => sampleHighlight(i, i === 5 ? { canonicalUrl: 'https://x.example/c' } : {}));
    const text = exportJsonLd(highlights, NOW);
    const back = parseJsonLd('export.jsonld', text);
    expect(back).toEqual(highlights);
    expect(exportJsonLd(back, NOW)).toBe(text);
  });

  it('reads a single annotation, a page and a plain list', () => {
    const a = toWebAnnotation(sampleHighlight(2), true);
    expect(parseJsonLd('one.json', JSON.stringify(a))).toHaveLength(1);
    expect(parseJsonLd('page.json', JSON.stringify({ type: 'AnnotationPage', items: [a] }))).toHaveLength(1);
    expect(parseJsonLd('list.json', JSON.stringify([a]))).toHaveLength(1);
  });

  it('reads another tool\'s annotation with only a quote selector and a plain id', () => {
    const foreign = {
      '@context': ANNO_CONTEXT,
      id: 'https://hypothes.is/a/abc123',
      type: 'Annotation',
      motivation: 'commenting',
      body: { type: 'TextualBody', value: 'Interesting', purpose: 'commenting' },
      target: { source: 'https://example.com/a?utm_source=x#top', selector: { type: 'TextQuoteSelector', exact: 'hello world' } },
    };
    const [h] = parseJsonLd('hypothesis.json', JSON.stringify(foreign), 1_700_000_000_000);
    expect(h).toMatchObject({
      id: 'https://hypothes.is/a/abc123',
      pageUrl: 'https://example.com/a',
      note: 'Interesting',
      color: 'yellow',
      createdAt: 1_700_000_000_000,
      selectors: { quote: { exact: 'hello world', prefix: '', suffix: '' }, position: { start: 0, end: 11 } },
    });
  });

  it('names the file, the highlight (number and quote) and the problem, in words; the JSON path stays on the problem', () => {
    const good = toWebAnnotation(sampleHighlight(3));
    const bad = structuredClone(good) as unknown as { target: { selector: Array<Record<string, unknown>> } };
    bad.target.selector[0]!.exact = 42;
    const text = JSON.stringify({ '@context': ANNO_CONTEXT, type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [good, bad] } });
    let error: unknown;
    try {
      parseJsonLd('notes.jsonld', text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe('notes.jsonld: highlight 2: the quoted text is not text.');
    expect((error as ImportError).problems[0]!.path).toBe('$.first.items[1].target.selector[0].exact');
    expect((error as ImportError).message).not.toMatch(/\$|\[\d|items/);
  });

  it('reports malformed JSON, missing quote selectors, bad dates and repeated ids', () => {
    expect(() => parseJsonLd('broken.json', '{"type": ')).toThrow(/^broken\.json: the file is not JSON, so it is not a highlights export/);
    const a = toWebAnnotation(sampleHighlight(4)) as unknown as Record<string, unknown>;
    const noQuote = { ...a, target: { source: 'https://example.com/', selector: [{ type: 'CssSelector', value: 'p' }] } };
    expect(() => parseJsonLd('f.json', JSON.stringify([noQuote]))).toThrow('f.json: highlight 1: it has no quoted text (a TextQuoteSelector), so the highlighted passage is unknown.');
    const quoted = /highlight 1 \(“[^”]+”\)/;
    expect(() => parseJsonLd('f.json', JSON.stringify([{ ...a, created: 'yesterday' }]))).toThrow(new RegExp(`f\\.json: ${quoted.source}: its creation date is not a date`));
    expect(() => parseJsonLd('f.json', JSON.stringify([a, a]))).toThrow(/f\.json: highlight 2 \(“[^”]+”\): it has the same id as highlight 1\./);
    expect(() => parseJsonLd('f.json', JSON.stringify([{ ...a, 'onrecord:color': 'red' }]))).toThrow(/: its colour is not one of yellow/);
    expect(() => parseJsonLd('f.json', '"just a string"')).toThrow('f.json: this is not a highlights file');
  });

  it('caps the listed problems and says how many more there are', () => {
    const items = Array.from({ length: 30 }, () => ({ type: 'Annotation' }));
    try {
      parseJsonLd('many.json', JSON.stringify(items));
      expect.unreachable();
    } catch (err) {
      const message = (err as Error).message;
      expect(message.split('\n')).toHaveLength(21);
      expect(message).toMatch(/… and \d+ more problems$/);
    }
  });
});

describe('JSON-LD import paths', () => {
  it('points into the target', () => {
    const a = toWebAnnotation(sampleHighlight(5)) as unknown as Record<string, unknown>;
    const bad = { ...a, target: { ...(a.target as object), source: 'nope' } };
    expect(() => parseJsonLd('t.json', JSON.stringify([bad]))).toThrow(/t\.json: highlight 1 \(“[^”]+”\): its page address is not a web address\./);
  });
});

describe('JSON-LD import of hostile values', () => {
  it('keeps http(s) pages only: a javascript: page or canonical address is refused in words', () => {
    const a = toWebAnnotation(sampleHighlight(6)) as unknown as { target: Record<string, unknown> };
    const js = { ...a, target: { ...a.target, source: 'javascript:alert(1)' } };
    expect(() => parseJsonLd('j.json', JSON.stringify([js]))).toThrow(/highlight 1 \(“[^”]+”\): its page is not a web page \(only http and https addresses are kept\)\./);
    const canonical = { ...a, target: { ...a.target, 'onrecord:canonical': 'javascript:alert(1)' } };
    expect(() => parseJsonLd('j.json', JSON.stringify([canonical]))).toThrow(/highlight 1 \(“[^”]+”\): its page's canonical address/);
  });

  it('an id such as "constructor" or "__proto__" is an id like any other', () => {
    const items = ['constructor', '__proto__', 'toString'].map((id, i) => ({ ...(toWebAnnotation(sampleHighlight(10 + i)) as unknown as object), id }));
    expect(parseJsonLd('p.json', JSON.stringify(items)).map((h) => h.id)).toEqual(['constructor', '__proto__', 'toString']);
    expect(() => parseJsonLd('p.json', JSON.stringify([items[0], items[0]]))).toThrow(/highlight 2 .*: it has the same id as highlight 1\./);
  });

  it('a value nested 10,000 deep is not kept and does not break the import', () => {
    const deep = `{"a":`.repeat(10_000) + '1' + '}'.repeat(10_000);
    const a = JSON.stringify(toWebAnnotation(sampleHighlight(7)));
    const text = `[${a.slice(0, -1)},"extra":${deep}}]`;
    const [h] = parseJsonLd('deep.json', text);
    expect(h!.id).toBe(sampleHighlight(7).id);
    expect(JSON.stringify(h).length).toBeLessThan(10_000);
  });
});

