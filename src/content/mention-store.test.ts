import { beforeEach, describe, expect, it } from 'vitest';
import { installDom } from '../ui/test-dom.ts';
import { MentionStore, pageMention, textNodesOf, type PageMention } from './mention-store.ts';

let doc: Document;
beforeEach(() => {
  doc = installDom().document;
});

function mention(node: Text, start: number, end: number, entityId = 'peskov'): PageMention {
  const bounds = { startContainer: node, startOffset: start, endContainer: node, endOffset: end };
  return { entityId, type: 'person', ...bounds, range: { ...bounds, collapsed: false } as unknown as StaticRange, nodes: [node] };
}

describe('MentionStore', () => {
  it('keeps one mention per entity and span, finds the one under a caret, and removes', () => {
    const removed: PageMention[] = [];
    const store = new MentionStore((m) => removed.push(m));
    const node = doc.createTextNode('Peskov said. Peskov again.');
    doc.body.append(node);
    expect(store.add(mention(node, 0, 6))).toBe(true);
    expect(store.add(mention(node, 0, 6))).toBe(false);
    expect(store.add(mention(node, 0, 6, 'other'))).toBe(true);
    const second = mention(node, 13, 19);
    expect(store.add(second)).toBe(true);
    expect(store.at(node, 15)).toBe(second);
    expect(store.at(node, 10)).toBeUndefined();
    store.remove(second);
    expect(store.at(node, 15)).toBeUndefined();
    expect(store.add(mention(node, 13, 19))).toBe(true);
    expect(store.size).toBe(3);
    expect(store.removeWithin(node)).toBe(3);
    expect(removed).toHaveLength(4);
    expect(store.size).toBe(0);
  });

  it('tells apart mentions that start at the same place, and keeps the right one when another is removed', () => {
    const store = new MentionStore(() => undefined);
    const node = doc.createTextNode('Dmitry Peskov said.');
    doc.body.append(node);
    const whole = mention(node, 0, 13);
    const given = mention(node, 0, 6, 'dmitry');
    const short = mention(node, 0, 6);
    expect(store.add(whole)).toBe(true);
    expect(store.add(given)).toBe(true);
    expect(store.add(short)).toBe(true);
    expect(store.add(mention(node, 0, 6))).toBe(false);
    store.remove(whole);
    expect(store.add(mention(node, 0, 6))).toBe(false);
    expect(store.add(mention(node, 0, 6, 'dmitry'))).toBe(false);
    expect(store.add(mention(node, 0, 13))).toBe(true);
    store.remove(short);
    store.remove(given);
    expect(store.add(mention(node, 0, 6))).toBe(true);
    expect(store.size).toBe(2);
  });

  it('makes a mention as one object: its range on first need, its nodes array only across nodes', () => {
    const made: unknown[] = [];
    const g = globalThis as Record<string, unknown>;
    const had = g.StaticRange;
    g.StaticRange = class {
      constructor(init: unknown) {
        made.push(init);
        Object.assign(this, init);
      }
    };
    try {
      const p = doc.createElement('p');
      const [a, b] = [doc.createTextNode('Dmitry '), doc.createTextNode('Peskov')];
      p.append(a!, b!);
      doc.body.append(p);
      let asked = 0;
      const one = pageMention('peskov', 'person', { startContainer: b!, startOffset: 0, endContainer: b!, endOffset: 6 }, false, () => (asked++, [b!]));
      expect(asked).toBe(0);
      expect(one.nodes).toEqual([b]);
      expect(one.quiet).toBeFalsy();
      const two = pageMention('peskov', 'person', { startContainer: a!, startOffset: 0, endContainer: b!, endOffset: 6 }, true, () => [a!, b!]);
      expect(two.nodes).toEqual([a, b]);
      expect(two.quiet).toBe(true);
      const store = new MentionStore(() => undefined);
      store.add(one);
      store.add(two);
      expect(store.at(a!, 3)).toBe(two);
      expect(made).toHaveLength(0);
      const range = two.range;
      expect(two.range).toBe(range);
      expect(made).toHaveLength(1);
      expect(range).toMatchObject({ startContainer: a, startOffset: 0, endContainer: b, endOffset: 6 });
      expect(store.removeWithin(b!)).toBe(2);
    } finally {
      g.StaticRange = had;
    }
  });

  it('lists every mention once in document order, one across two nodes too, and keeps the shown count', () => {
    const store = new MentionStore(() => undefined);
    const p = doc.createElement('p');
    const [a, b, c] = ['Dmitry ', 'Peskov said. Peskov', ' again. Peskov'].map((t) => doc.createTextNode(t));
    p.append(a!, b!, c!);
    doc.body.append(p);
    const across: PageMention = { ...mention(a!, 0, 6), endContainer: b!, endOffset: 6, nodes: [a!, b!] };
    const late = mention(c!, 8, 14);
    const second = mention(b!, 13, 19);
    const quiet = { ...mention(b!, 0, 6, 'quiet-one'), quiet: true };
    for (const m of [late, second, across, quiet]) expect(store.add(m)).toBe(true);
    expect(store.ordered()).toEqual([across, quiet, second, late]);
    expect(store.all()).toHaveLength(4);
    expect(store.shownCount()).toBe(3);
    // The popup's list: per entity, the quiet one left out, kept as mentions come and go.
    const other = mention(c!, 0, 5, 'other');
    store.add(other);
    const byEntity = () => Object.fromEntries(store.shownByEntity().map((e) => [e.entityId, `${e.type} ${e.count}`]));
    expect(byEntity()).toEqual({ peskov: 'person 3', other: 'person 1' });
    store.remove(other);
    expect(byEntity()).toEqual({ peskov: 'person 3' });
    expect(store.at(b!, 2)).toBe(across);
    expect(store.removeWithin(a!)).toBe(1);
    expect(store.at(b!, 2)).toBe(quiet);
    expect(store.shownCount()).toBe(2);
    expect(byEntity()).toEqual({ peskov: 'person 2' });
    expect(store.ordered()).toEqual([quiet, second, late]);
    store.clear();
    expect([store.size, store.shownCount(), store.all().length, store.shownByEntity().length]).toEqual([0, 0, 0, 0]);
  });

  it('holds 20,000 mentions of one text node and drops them all', () => {
    const store = new MentionStore(() => undefined);
    const node = doc.createTextNode('Peskov '.repeat(20_000));
    doc.body.append(node);
    for (let i = 0; i < 20_000; i++) store.add(mention(node, i * 7, i * 7 + 6));
    for (let i = 0; i < 20_000; i += 500) expect(store.add(mention(node, i * 7, i * 7 + 6))).toBe(false);
    expect(store.size).toBe(20_000);
    expect(store.at(node, 7 * 19_999 + 2)?.startOffset).toBe(7 * 19_999);
    expect(store.removeWithin(node)).toBe(20_000);
    expect(store.size).toBe(0);
  });

  it('drops the mentions in a run of a block\'s children only (a live feed\'s new spans), and counts the shown ones', () => {
    const store = new MentionStore(() => undefined);
    const feed = doc.createElement('div');
    const [a, b, c, d] = ['Peskov a', 'Peskov b', 'Peskov c', 'Peskov d'].map((t) => Object.assign(doc.createElement('span'), { textContent: t }));
    feed.append(a!, b!, c!, d!);
    doc.body.append(feed);
    for (const el of [a!, b!, c!, d!]) store.add(mention(el.firstChild as Text, 0, 6));
    store.add({ ...mention(d!.firstChild as Text, 0, 6, 'quiet-one'), quiet: true });
    expect(store.shownCount()).toBe(4);
    expect(store.removeWithinChildren(feed, b!, d!)).toBe(2);
    expect([...store.all()].map((m) => (m.range.startContainer as Text).data).sort()).toEqual(['Peskov a', 'Peskov d', 'Peskov d']);
    expect(store.removeWithinChildren(feed, d!, null)).toBe(2);
    expect(store.size).toBe(1);
    expect(store.shownByEntity()).toEqual([{ entityId: 'peskov', type: 'person', count: 1 }]);
  });

  it('removes the same by walking a small subtree as by looking through the store', () => {
    // Many stored nodes and a small subtree: walked. A large subtree, or a small store: the store looked through.
    for (const [stored, feedSize] of [[500, 20], [100, 2_000], [2, 20]] as const) {
      const store = new MentionStore(() => undefined);
      const elsewhere = doc.createElement('div');
      for (let i = 0; i < stored; i++) elsewhere.append(Object.assign(doc.createElement('p'), { textContent: `Peskov ${i}` }));
      const feed = doc.createElement('div');
      for (let i = 0; i < feedSize; i++) feed.append(Object.assign(doc.createElement('span'), { textContent: `Peskov ${i}` }));
      doc.body.replaceChildren(elsewhere, feed);
      for (const p of elsewhere.children) store.add(mention(p.firstChild as Text, 0, 6));
      const spans = [...feed.children];
      for (const span of [spans[0]!, spans[1]!, spans[feedSize - 1]!]) store.add(mention(span.firstChild as Text, 0, 6));
      // One mention across two spans: it touches the run, so it goes with it.
      store.add({ ...mention(spans[1]!.firstChild as Text, 0, 6, 'across'), nodes: [spans[1]!.firstChild as Text, spans[2]!.firstChild as Text] });
      expect(store.removeWithinChildren(feed, spans[1]!, spans[feedSize - 1]!)).toBe(2);
      expect(store.removeWithin(spans[0]!)).toBe(1);
      expect(store.removeWithin(feed)).toBe(1);
      expect(store.size).toBe(stored);
    }
  });

  it('lists the text nodes of a run of siblings, or gives up past its budget', () => {
    const box = doc.createElement('div');
    box.innerHTML = '<p>a<b>b</b></p>c<p>d</p><p>e</p>';
    const [p1, c, , p3] = [...box.childNodes];
    expect(textNodesOf(p1!, p3!, 100)!.map((t) => t.data)).toEqual(['a', 'b', 'c', 'd']);
    expect(textNodesOf(c!, null, 100)!.map((t) => t.data)).toEqual(['c', 'd', 'e']);
    expect(textNodesOf(p1!, p1!.nextSibling, 100)!.map((t) => t.data)).toEqual(['a', 'b']);
    expect(textNodesOf(p1!, null, 5)).toBeNull();
  });
});
