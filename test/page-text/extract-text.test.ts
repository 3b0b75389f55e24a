import { describe, expect, it } from 'vitest';
import { extractChildrenUpTo, extractText, isSkippedNode, segmentsOf, UI_ATTRIBUTE, type TextPart } from '../../src/page-text/index.ts';
import { NO_STYLE, extractHtml, fixture, parseDocument, segmentProblems } from './parse.ts';

/** Collapse whitespace runs the way a reader sees them, for readable expectations. */
const squash = (text: string): string => text.replace(/[ \t\r\f]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();

describe('extractText: inline and block', () => {
  it('keeps inline markup contiguous, including names split mid-word', () => {
    expect(extractHtml('<p>Dmitry <b>Peskov</b> said</p>').text).toBe('Dmitry Peskov said');
    expect(extractHtml('<p>Pes<span>kov</span></p>').text).toBe('Peskov');
    expect(extractHtml('<p><a href="#">Vladimir</a> <em>Putin</em></p>').text).toBe('Vladimir Putin');
  });

  it('separates blocks with one newline that no segment covers', () => {
    const pageText = extractHtml('<div>Kremlin</div><p>Kyiv</p><h2>Moscow</h2>');
    expect(pageText.text).toBe('Kremlin\nKyiv\nMoscow');
    expect(segmentsOf(pageText).map((s) => [s.start, s.end])).toEqual([[0, 7], [8, 12], [13, 19]]);
  });

  it('collapses nested and empty blocks into a single separator', () => {
    expect(extractHtml('<div><div><p>a</p></div></div><div></div><section><p>b</p></section>').text).toBe('a\nb');
  });

  it('breaks lines at <br> and <hr>', () => {
    expect(extractHtml('<p>Russia<br>Ukraine<hr>NATO</p>').text).toBe('Russia\nUkraine\nNATO');
  });

  it('separates table cells by a space and rows by a newline', () => {
    const pageText = extractText(fixture('table-and-lists.html'), NO_STYLE);
    expect(segmentProblems(pageText)).toEqual([]);
    const [table] = squash(pageText.text).split('\nRussia');
    expect(table).toBe('Name Role\nSergey Lavrov\nDmitry Peskov Spokesman');
  });

  it('puts each nested list item on its own line', () => {
    const text = squash(extractText(fixture('table-and-lists.html'), NO_STYLE).text);
    expect(text).toContain('Russia\nMoscow\nCrimea\nUkraine\nKyiv');
  });

  it('keeps raw characters, so offsets map 1:1 (whitespace runs and <pre> untouched)', () => {
    const pageText = extractText(fixture('table-and-lists.html'), NO_STYLE);
    expect(pageText.text).toContain('line one\n  line   two');
    expect(extractHtml('<p>talks\n   had   stalled</p>').text).toBe('talks\n   had   stalled');
  });

  it('drops whitespace-only nodes at line starts but keeps spaces between inline elements', () => {
    const pageText = extractHtml('<ul>\n  <li>a</li>\n  <li><b>Dmitry</b> <b>Peskov</b></li>\n</ul>');
    expect(pageText.text).toBe('a\nDmitry Peskov');
    expect(segmentsOf(pageText).map((s) => s.node.data)).toEqual(['a', 'Dmitry', ' ', 'Peskov']);
  });

  it('keeps non-breaking spaces, which render', () => {
    expect(extractHtml('<p>x</p><p>\u00a0Putin</p>').text).toBe('x\n\u00a0Putin');
  });
});

describe('extractText: skipped content', () => {
  const text = extractText(fixture('news-article.html'), NO_STYLE).text;

  it('reads the article prose', () => {
    expect(squash(text)).toContain('Kremlin spokesman Dmitry Peskov told reporters');
    expect(squash(text)).toContain('Mykhailo Podolyak said Kyiv would not accept\npreconditions.\nHe added nothing more.');
    expect(text).toContain('Dmitry Peskov in Moscow');
  });

  it.each([
    ['<head>/<title>', 'Kremlin says talks stalled'],
    ['<style>', 'color: gray'],
    ['<script>', 'analytics'],
    ['<noscript>', 'Enable JavaScript'],
    ['<template>', 'Template Peskov'],
    ['[hidden]', 'Hidden Peskov'],
    ['<textarea>', 'Typed Peskov'],
    ['<input>', 'Input Peskov'],
    ['<button>', 'Send Peskov'],
    ['<select>/<option>', 'Option Peskov'],
    ['contenteditable', 'Editable Peskov'],
    [UI_ATTRIBUTE, 'OnRecord card Peskov'],
    ['img alt', 'at a briefing'],
  ])('skips %s', (_what, needle) => {
    expect(text).not.toContain(needle);
  });

  it('skips svg, math, iframes, media fallbacks, ruby annotations and closed dialogs', () => {
    const html =
      '<p>a</p><svg><title>Putin chart</title><text>Putin axis</text></svg><math><mi>x</mi></math>' +
      '<iframe>Putin frame</iframe><video>Putin video</video><object>Putin object</object>' +
      '<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>字</p><dialog>Putin dialog</dialog><dialog open>shown</dialog>';
    expect(extractHtml(html).text).toBe('a\n漢字\nshown');
  });

  it('treats contenteditable="false" as ordinary text and skips every editable value', () => {
    expect(extractHtml('<div contenteditable="false">kept</div>').text).toBe('kept');
    for (const value of ['', 'true', 'plaintext-only']) {
      expect(extractHtml(`<p>a</p><div contenteditable="${value}"><b>typed</b></div>`).text).toBe('a');
    }
  });

  it('keeps hidden="until-found" and aria-hidden text unless asked to skip aria-hidden', () => {
    expect(extractHtml('<p hidden="until-found">found</p>').text).toBe('found');
    expect(extractHtml('<p>a</p><p aria-hidden="true">icon</p>').text).toBe('a\nicon');
    expect(extractHtml('<p>a</p><p aria-hidden="true">icon</p>', { ...NO_STYLE, skipAriaHidden: true }).text).toBe('a');
  });

  it('honours the exclude option for our own host element', () => {
    const html = '<p>Peskov</p><div id="onrecord-host"><p>card</p></div>';
    const options = { ...NO_STYLE, exclude: (el: Element) => el.id === 'onrecord-host' };
    expect(extractHtml(html, options).text).toBe('Peskov');
  });

  it('returns nothing for a document in design mode', () => {
    const doc = parseDocument('<p>Peskov</p>');
    Object.defineProperty(doc, 'designMode', { value: 'on' });
    expect(extractText(doc, NO_STYLE).text).toBe('');
  });
});

describe('extractText: computed styles', () => {
  /** A stand-in for the browser: display from the inline style, visibility inherited as in CSS. */
  function styledDocument(html: string): { doc: Document; calls: () => number } {
    const doc = parseDocument(`<!doctype html><html><body>${html}</body></html>`);
    let count = 0;
    const own = (el: Element, property: string): string | undefined =>
      el.getAttribute('style')?.match(new RegExp(`${property}:\\s*([a-z-]+)`))?.[1];
    const getComputedStyle = (el: Element): Partial<CSSStyleDeclaration> => {
      count += 1;
      let visibility: string | undefined;
      for (let up: Element | null = el; up !== null && visibility === undefined; up = up.parentElement) {
        visibility = own(up, 'visibility');
      }
      return { display: own(el, 'display') ?? (el.localName === 'span' ? 'inline' : 'block'), visibility: visibility ?? 'visible' };
    };
    Object.defineProperty(doc, 'defaultView', { value: { getComputedStyle } });
    return { doc, calls: () => count };
  }

  it('skips display:none and visibility:hidden text, and lets a visible child show through', () => {
    const { doc } = styledDocument(
      '<p>a</p><div style="display:none">gone</div>' +
        '<div style="visibility:hidden">ghost <span>ghost</span><p style="visibility:visible">back</p></div>',
    );
    expect(extractText(doc).text).toBe('a\nback');
    expect(extractText(doc, NO_STYLE).text).toContain('gone');
  });

  it('uses computed display to separate styled inline elements', () => {
    const { doc } = styledDocument('<p><span style="display:block">Russia</span><span class="x">Ukraine</span></p>');
    expect(extractText(doc).text).toBe('Russia\nUkraine');
  });

  it('asks for computed style only for elements with a class, id or style', () => {
    const { doc, calls } = styledDocument('<div><p>a <b>b</b> <i>c</i></p><p class="k">d</p><p id="e">e</p></div>');
    extractText(doc);
    // 1 for the visibility at <html>, then p.k and p#e.
    expect(calls()).toBe(3);
  });

  it('skips a subtree whose ancestor is display:none', () => {
    const { doc } = styledDocument('<div style="display:none"><p id="inner">x</p></div>');
    expect(extractText(doc.getElementById('inner') as Element).text).toBe('');
  });
});

describe('extractText: subtrees and robustness', () => {
  it('extracts a subtree with the same rules, and nothing inside a skipped ancestor', () => {
    const doc = fixture('news-article.html');
    const article = doc.querySelector('article') as Element;
    const pageText = extractText(article, NO_STYLE);
    expect(pageText.text.startsWith('Kremlin says peace talks')).toBe(true);
    expect(segmentProblems(pageText)).toEqual([]);
    const editable = doc.querySelector('[contenteditable] p') as Element;
    expect(extractText(editable, NO_STYLE).text).toBe('');
    const ui = doc.querySelector(`[${UI_ATTRIBUTE}] p`) as Element;
    expect(extractText(ui, NO_STYLE).text).toBe('');
    expect(extractText(doc.querySelector('script') as Element, NO_STYLE).text).toBe('');
  });

  it('tells a mutation observer which nodes lie in skipped subtrees', () => {
    const doc = fixture('news-article.html');
    const inUi = (doc.querySelector(`[${UI_ATTRIBUTE}] p`) as Element).firstChild as Text;
    const inEditable = (doc.querySelector('[contenteditable] p') as Element).firstChild as Text;
    const prose = (doc.querySelector('article h1') as Element).firstChild as Text;
    expect(isSkippedNode(inUi, NO_STYLE)).toBe(true);
    expect(isSkippedNode(inEditable, NO_STYLE)).toBe(true);
    expect(isSkippedNode(prose, NO_STYLE)).toBe(false);
    expect(isSkippedNode(prose, { ...NO_STYLE, exclude: (el) => el.localName === 'article' })).toBe(true);
  });

  it('extracts a lone text node', () => {
    const doc = parseDocument('<p>Dmitry Peskov</p>');
    const node = (doc.querySelector('p') as Element).firstChild as Text;
    const pageText = extractText(node, NO_STYLE);
    expect(pageText.text).toBe('Dmitry Peskov');
    expect(pageText.nodes[0]).toBe(node);
  });

  it('round-trips every segment on the fixtures', () => {
    for (const name of ['news-article.html', 'table-and-lists.html']) {
      const pageText = extractText(fixture(name), NO_STYLE);
      expect(pageText.nodes.length).toBeGreaterThan(5);
      expect(segmentProblems(pageText)).toEqual([]);
    }
  });

  it('walks 10,000 nested elements without overflowing the stack', () => {
    const depth = 10_000;
    const doc = parseDocument('<!doctype html><html><body></body></html>');
    let parent: Element = doc.body;
    for (let i = 0; i < depth; i++) {
      const child = doc.createElement(i % 2 === 0 ? 'div' : 'span');
      child.appendChild(doc.createTextNode(`w${i}`));
      parent.appendChild(child);
      parent = child;
    }
    const pageText = extractText(doc, NO_STYLE);
    expect(pageText.nodes).toHaveLength(depth);
    expect(pageText.text.startsWith('w0w1\nw2w3\nw4')).toBe(true);
    expect(pageText.text.endsWith(`w${depth - 1}`)).toBe(true);
    expect(segmentProblems(pageText)).toEqual([]);
  });
});

describe('extractChildrenUpTo: sizing by extracted text', () => {
  const doc = () => parseDocument('<!doctype html><html><body><p>Dmitry <b>Peskov</b> said</p><script>' + 'x'.repeat(500) + '</script><p>Kyiv</p></body></html>');

  it('equals extractText while the text fits, counting only extracted text (not script) and separators', () => {
    const d = doc();
    const full = extractText(d.body, NO_STYLE);
    expect(full.text).toBe('Dmitry Peskov said\nKyiv');
    expect(extractChildrenUpTo(d.body, null, full.text.length, NO_STYLE)).toEqual({ pageText: full, next: null });
  });

  it('cuts or gives up once the text grows past the limit, mid-walk or at the end', () => {
    const d = doc();
    expect(extractChildrenUpTo(d.body, null, 10, NO_STYLE)).toBeNull();
    const part = extractChildrenUpTo(d.body, null, 'Dmitry Peskov said\nKyiv'.length - 1, NO_STYLE);
    expect(part?.pageText.text).toBe('Dmitry Peskov said');
    expect((part?.next as Element).localName).toBe('p');
  });
});

describe('extractChildrenUpTo: an element text in parts, cut before block-level children', () => {
  const html =
    '<!doctype html><html><body><main id="m">' +
    '<p id="p1">Dmitry <b>Peskov</b> said one thing.</p>intro <em>inline</em> text<p id="p2">Kyiv answered.</p>' +
    '<p id="p3">Moscow replied again.</p><p id="p4">Talks ended.</p></main></body></html>';

  it('cuts once past the size, before the last block child that started within the part, and resumes there', () => {
    const doc = parseDocument(html);
    const main = doc.getElementById('m')!;
    const whole = extractText(main, NO_STYLE).text;
    const parts: string[] = [];
    let from: Node | null = null;
    for (let i = 0; i < 10; i++) {
      const part: TextPart = extractChildrenUpTo(main, from, 50, NO_STYLE)!;
      parts.push(part.pageText.text);
      expect(segmentProblems(part.pageText)).toEqual([]);
      if (part.next === null) break;
      expect((part.next as Element).localName).toBe('p');
      from = part.next;
    }
    // Inline content stays with the block before it; no part ends inside "Dmitry Peskov".
    expect(parts).toEqual(['Dmitry Peskov said one thing.\nintro inline text', 'Kyiv answered.\nMoscow replied again.\nTalks ended.']);
    expect(parts.join('\n')).toBe(whole);
  });

  it('returns everything in one part when it fits, and null when the first child alone is too large', () => {
    const doc = parseDocument(html);
    const main = doc.getElementById('m')!;
    expect(extractChildrenUpTo(main, null, 10_000, NO_STYLE)).toEqual({ pageText: extractText(main, NO_STYLE), next: null });
    expect(extractChildrenUpTo(main, null, 5, NO_STYLE)).toBeNull();
    // Inline content after the first block cannot end a part either: the next block has not started.
    expect(extractChildrenUpTo(main, null, 40, NO_STYLE)).toBeNull();
  });

  it('stops before `until`', () => {
    const doc = parseDocument(html);
    const main = doc.getElementById('m')!;
    const part = extractChildrenUpTo(main, doc.getElementById('p2'), 10_000, NO_STYLE, doc.getElementById('p4'))!;
    expect(part).toMatchObject({ next: null });
    expect(part.pageText.text).toBe('Kyiv answered.\nMoscow replied again.');
  });

  it('with a node budget, ends a part at the first block child met past it, and the parts still make the whole', () => {
    const doc = parseDocument(html);
    const main = doc.getElementById('m')!;
    // p1 is 5 nodes (p, text, b, text, text) and the inline run after it 4 more: past a budget of 5, the part ends at p2.
    const first = extractChildrenUpTo(main, null, 10_000, NO_STYLE, null, 5)!;
    expect(first.pageText.text).toBe('Dmitry Peskov said one thing.\nintro inline text');
    expect((first.next as Element).id).toBe('p2');
    const parts = [first.pageText.text];
    for (let from = first.next; from !== null; ) {
      const part = extractChildrenUpTo(main, from, 10_000, NO_STYLE, null, 5)!;
      expect(segmentProblems(part.pageText)).toEqual([]);
      parts.push(part.pageText.text);
      from = part.next;
    }
    // p2, p3 and p4 are two nodes each: within the budget, the rest is one part. A block is never cut inside.
    expect(parts).toEqual(['Dmitry Peskov said one thing.\nintro inline text', 'Kyiv answered.\nMoscow replied again.\nTalks ended.']);
    expect(parts.join('\n')).toBe(extractText(main, NO_STYLE).text);
    // A budget the part stays within changes nothing.
    expect(extractChildrenUpTo(main, null, 10_000, NO_STYLE, null, 100)).toEqual({ pageText: extractText(main, NO_STYLE), next: null });
  });

  it('with a node budget, ends a part inside a first block child that alone holds more nodes, at one of its blocks, without reading it twice', () => {
    // A page wrapped in one <article> of many short paragraphs, then an aside: the part is the article's first
    // paragraphs, and the rest of the article is handed back to be read from the paragraph the part stopped before.
    const paragraphs = Array.from({ length: 50 }, (_, i) => `<p>item ${i} <b>Dmitry Peskov</b> said</p>`).join('');
    const doc = parseDocument(`<!doctype html><html><body><article id="a">${paragraphs}</article><aside id="s">Kyiv answered.</aside></body></html>`);
    const article = doc.getElementById('a')!;
    let read = 0;
    // Counts the nodes the walk reads (each `firstChild`/`nextSibling` it follows inside the article).
    const walkedBefore = countingWalk(article, () => read++);
    const part = extractChildrenUpTo(doc.body, null, 10_000, NO_STYLE, null, 20)!;
    walkedBefore.restore();
    expect(part).not.toBeNull();
    expect(part.own).toBeUndefined();
    expect(part.inner?.element).toBe(article);
    expect(part.inner?.from.parentNode).toBe(article);
    expect(part.pageText.text).toMatch(/^item 0 Dmitry Peskov said\nitem 1 /);
    expect(segmentProblems(part.pageText)).toEqual([]);
    expect((part.next as Element).id).toBe('s');
    // 20 nodes and a few over, not the article's 250.
    expect(read).toBeLessThan(40);
    // The rest of the article, read from there in parts cut at its paragraphs, and the rest of the body: the whole
    // body, each paragraph read once.
    const texts = [part.pageText.text];
    for (let from: Node | null = part.inner!.from, i = 0; i < 100; i++) {
      const p: TextPart = extractChildrenUpTo(article, from, 10_000, NO_STYLE, null, 20)!;
      expect(p.own).toBeUndefined();
      expect(p.inner).toBeUndefined();
      texts.push(p.pageText.text);
      if ((from = p.next) === null) break;
    }
    expect(texts.length).toBeGreaterThan(5);
    const rest = extractChildrenUpTo(doc.body, part.next, 10_000, NO_STYLE, null, 20)!;
    expect([...texts, rest.pageText.text].join('\n')).toBe(extractText(doc.body, NO_STYLE).text);
    // Without a budget, or when the first child is inline, nothing is handed back.
    expect(extractChildrenUpTo(doc.body, null, 10_000, NO_STYLE)?.own).toBeUndefined();
    expect(extractChildrenUpTo(doc.body, null, 10_000, NO_STYLE)?.inner).toBeUndefined();
    const inline = parseDocument(`<!doctype html><html><body><span>${paragraphs.replace(/<\/?p>/g, '')}</span><p>Kyiv.</p></body></html>`);
    expect(extractChildrenUpTo(inline.body, null, 10_000, NO_STYLE, null, 20)?.own).toBeUndefined();
  });

  it('with a node budget, still hands back a first block child with no block of its own to stop before, to be read on its own', () => {
    const words = Array.from({ length: 50 }, (_, i) => `word ${i} <b>Dmitry Peskov</b>`).join(' ');
    const doc = parseDocument(`<!doctype html><html><body><article id="a">${words}</article><aside id="s">Kyiv answered.</aside></body></html>`);
    const part = extractChildrenUpTo(doc.body, null, 10_000, NO_STYLE, null, 20)!;
    expect(part.own).toBe(doc.getElementById('a'));
    expect(part.inner).toBeUndefined();
    expect(part.pageText.text).toBe('');
    expect((part.next as Element).id).toBe('s');
  });

  it('with a node budget, a part too long for its characters ends inside a later large child, at one of its blocks, not back at its start', () => {
    const long = (n: number) => Array.from({ length: n }, (_, i) => `<p>line ${i} of the report by Dmitry Peskov.</p>`).join('');
    const doc = parseDocument(`<!doctype html><html><body><nav id="n">Menu</nav><main id="m">${long(40)}</main><footer id="f">End.</footer></body></html>`);
    const main = doc.getElementById('m')!;
    // 400 characters: past them inside <main> (few nodes, so the node budget is not what ends it).
    const part = extractChildrenUpTo(doc.body, null, 400, NO_STYLE, null, 1_000)!;
    expect(part.inner?.element).toBe(main);
    expect(part.pageText.text.startsWith('Menu\nline 0 of the report')).toBe(true);
    expect(part.pageText.text.length).toBeLessThanOrEqual(400);
    expect((part.next as Element).id).toBe('f');
    const texts = [part.pageText.text];
    for (let from: Node | null = part.inner!.from, i = 0; i < 100; i++) {
      const p: TextPart = extractChildrenUpTo(main, from, 400, NO_STYLE, null, 1_000)!;
      texts.push(p.pageText.text);
      if ((from = p.next) === null) break;
    }
    texts.push(extractChildrenUpTo(doc.body, part.next, 400, NO_STYLE, null, 1_000)!.pageText.text);
    expect(texts.join('\n')).toBe(extractText(doc.body, NO_STYLE).text);
    // Without a node budget (the other callers), the part ends before <main>, as before.
    const plain = extractChildrenUpTo(doc.body, null, 400, NO_STYLE)!;
    expect(plain.inner).toBeUndefined();
    expect(plain.pageText.text).toBe('Menu');
    expect(plain.next).toBe(main);
  });
});

/** Calls `onRead` each time a node's firstChild or nextSibling is read under `root` (linkedom's prototype getters). */
function countingWalk(root: Element, onRead: () => void): { restore(): void } {
  const restores: Array<() => void> = [];
  for (const name of ['firstChild', 'nextSibling'] as const) {
    let proto: object | null = root;
    let desc: PropertyDescriptor | undefined;
    while (proto && !(desc = Object.getOwnPropertyDescriptor(proto, name))) proto = Object.getPrototypeOf(proto);
    if (!proto || !desc?.get) throw new Error(`no ${name} getter`);
    const get = desc.get;
    const owner = proto;
    Object.defineProperty(owner, name, { ...desc, get(this: Node) { if (root.contains(this) && this !== root) onRead(); return get.call(this); } });
    restores.push(() => Object.defineProperty(owner, name, desc!));
  }
  return { restore: () => restores.forEach((r) => r()) };
}
