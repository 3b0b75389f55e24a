import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installDom } from '../ui/test-dom.ts';
import { UI_ATTRIBUTE } from '../page-text/element-rules.ts';
import { BATCH_DELAY_MS, FULL_RESCAN_THRESHOLD, MAX_BATCH_ROOTS, inlineRuns, watchDom, watchedRootCount, domChangesPending, type DomBatch } from './dom-watch.ts';

/** Stands in for the browser's MutationObserver: counts observers and lets the test deliver records. */
class FakeObserver {
  static live = new Set<FakeObserver>();
  static created = 0;
  constructor(readonly callback: (records: MutationRecord[]) => void) {
    FakeObserver.created++;
  }
  observe(): void {
    FakeObserver.live.add(this);
  }
  disconnect(): void {
    FakeObserver.live.delete(this);
  }
}

function added(target: Node, node: Node): MutationRecord {
  return { type: 'childList', target, addedNodes: [node] as unknown as NodeList, removedNodes: [] as unknown as NodeList } as unknown as MutationRecord;
}

describe('one DOM watcher per root', () => {
  let doc: Document;
  beforeEach(() => {
    vi.useFakeTimers();
    doc = installDom().document;
    FakeObserver.live.clear();
    FakeObserver.created = 0;
    vi.stubGlobal('MutationObserver', FakeObserver);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shares one observer between every feature and hands each the same batch', () => {
    const features = [new AbortController(), new AbortController(), new AbortController()];
    const seen: DomBatch[][] = features.map(() => []);
    features.forEach((c, i) => watchDom((b) => seen[i]!.push(b), c.signal));
    expect(FakeObserver.created).toBe(1);
    expect(watchedRootCount()).toBe(1);

    const p = doc.createElement('p');
    doc.body.append(p);
    const [observer] = FakeObserver.live;
    observer!.callback([added(doc.body, p)]);
    expect(domChangesPending()).toBe(true);
    vi.advanceTimersByTime(BATCH_DELAY_MS);
    expect(domChangesPending()).toBe(false);
    expect(seen.map((s) => s.length)).toEqual([1, 1, 1]);
    expect(seen[0]![0]).toBe(seen[2]![0]);
    expect(seen[0]![0]!.roots).toEqual([p]);

    // The observer stays while any feature listens, and stops with the last one.
    features[0]!.abort();
    features[1]!.abort();
    expect(FakeObserver.live.size).toBe(1);
    features[2]!.abort();
    expect(FakeObserver.live.size).toBe(0);
    expect(watchedRootCount()).toBe(0);
  });

  it('keeps handing batches to the others when one feature throws', () => {
    const c = new AbortController();
    const got: DomBatch[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    watchDom(() => {
      throw new Error('boom');
    }, c.signal);
    watchDom((b) => got.push(b), c.signal);
    const p = doc.createElement('p');
    doc.body.append(p);
    [...FakeObserver.live][0]!.callback([added(doc.body, p)]);
    vi.advanceTimersByTime(BATCH_DELAY_MS);
    expect(got).toHaveLength(1);
    expect(error).toHaveBeenCalledOnce();
    c.abort();
  });

  it('watches another root with an observer of its own', () => {
    const c = new AbortController();
    const other = doc.createElement('section');
    watchDom(() => undefined, c.signal);
    watchDom(() => undefined, c.signal, other);
    expect(FakeObserver.created).toBe(2);
    c.abort();
    expect(watchedRootCount()).toBe(0);
  });
});

describe('a live feed: inline content added into a block is rescanned in its runs, not the whole block', () => {
  let doc: Document;
  beforeEach(() => {
    vi.useFakeTimers();
    doc = installDom().document;
    FakeObserver.live.clear();
    vi.stubGlobal('MutationObserver', FakeObserver);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('a run reaches from the block before to the block after the new inline nodes', () => {
    const feed = doc.createElement('div');
    const old = [doc.createElement('span'), doc.createElement('p'), doc.createTextNode('Dmitry ')];
    feed.append(...old);
    const b = doc.createElement('b');
    const after = doc.createElement('p');
    feed.append(b, doc.createElement('i'), after, doc.createElement('span'));
    expect(inlineRuns(feed, new Set([b]))).toEqual([{ from: old[2], until: after }]);
    const last = feed.lastChild!;
    expect(inlineRuns(feed, new Set([b, last]))).toEqual([{ from: old[2], until: after }, { from: last, until: null }]);
  });

  it('hands the feed as a root with its parts: the runs of new spans and the new blocks', () => {
    const c = new AbortController();
    const got: DomBatch[] = [];
    watchDom((batch) => got.push(batch), c.signal);
    const feed = doc.createElement('div');
    doc.body.append(feed);
    feed.append(...Array.from({ length: 50 }, (_, i) => Object.assign(doc.createElement(i % 10 === 0 ? 'p' : 'span'), { textContent: `old ${i}` })));
    const fresh = Array.from({ length: 20 }, (_, i) => Object.assign(doc.createElement(i % 10 === 0 ? 'p' : 'span'), { textContent: `new ${i}` }));
    feed.append(...fresh);
    const record = { type: 'childList', target: feed, addedNodes: fresh as unknown as NodeList, removedNodes: [] as unknown as NodeList } as unknown as MutationRecord;
    [...FakeObserver.live][0]!.callback([record]);
    vi.advanceTimersByTime(BATCH_DELAY_MS);
    expect(got).toHaveLength(1);
    const batch = got[0]!;
    expect(batch.roots).toEqual([feed]);
    const parts = batch.parts?.get(feed);
    expect(parts?.blocks).toEqual([fresh[0], fresh[10]]);
    // Two runs: the spans after each new <p> (new 1–9 up to the next <p>, new 11–19 to the end); no old span in them.
    expect(parts?.runs).toEqual([{ from: fresh[1], until: fresh[10] }, { from: fresh[11], until: null }]);
    c.abort();
  });

  it.each([
    ['in one list', false],
    ['one list per record (a feed changing in many tasks)', true],
  ])('reads a storm of records delivered %s when the batch is due, a slice per task, not in the page\'s own frame', (_, perRecord) => {
    const c = new AbortController();
    const got: DomBatch[] = [];
    watchDom((batch) => got.push(batch), c.signal);
    const feed = doc.createElement('div');
    doc.body.append(feed);
    const spans = Array.from({ length: 500 }, (_, i) => Object.assign(doc.createElement('span'), { textContent: `update ${i}` }));
    feed.append(...spans);
    let read = 0;
    // One record per span, as a feed appending them one by one makes; each counts the reads of its nodes.
    const records = spans.map((span) => {
      const record = { type: 'childList', target: feed, removedNodes: [] as unknown as NodeList };
      Object.defineProperty(record, 'addedNodes', { get: () => (read++, [span] as unknown as NodeList) });
      return record as unknown as MutationRecord;
    });
    const observer = [...FakeObserver.live][0]!;
    if (perRecord) for (const record of records) observer.callback([record]);
    else observer.callback(records);
    expect(read).toBe(0);
    expect(domChangesPending()).toBe(true);
    // Every reading of the clock moves it on 3 ms, and it is read every 64 records: a slice stops past 8 ms, after at
    // most 192 records, and the rest waits for the next task.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 3));
    vi.advanceTimersByTime(BATCH_DELAY_MS);
    const slices = [read];
    while (got.length === 0 && slices.length < 10) {
      vi.advanceTimersByTime(1);
      slices.push(read - slices.reduce((a, b) => a + b, 0));
    }
    expect(slices.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...slices)).toBeLessThanOrEqual(192);
    expect(read).toBe(500);
    expect(got).toHaveLength(1);
    expect(got[0]!.roots).toEqual([feed]);
    expect(got[0]!.parts?.get(feed)?.runs).toEqual([{ from: spans[0], until: null }]);
    expect(domChangesPending()).toBe(false);
    c.abort();
  });

  it('reads one record that adds thousands of nodes across slices too, not in one task', () => {
    const c = new AbortController();
    const got: DomBatch[] = [];
    watchDom((batch) => got.push(batch), c.signal);
    const feed = doc.createElement('div');
    doc.body.append(feed);
    const spans = Array.from({ length: 2_000 }, (_, i) => Object.assign(doc.createElement('span'), { textContent: `update ${i}` }));
    feed.append(...spans);
    let read = 0;
    // One record for the whole fragment (as appending a DocumentFragment makes); each node read is counted.
    const addedNodes = new Proxy(spans, { get: (t, k) => (typeof k === 'string' && /^\d+$/.test(k) && read++, Reflect.get(t, k)) });
    const record = { type: 'childList', target: feed, addedNodes, removedNodes: [] } as unknown as MutationRecord;
    [...FakeObserver.live][0]!.callback([record]);
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 3));
    vi.advanceTimersByTime(BATCH_DELAY_MS);
    const slices = [read];
    while (got.length === 0 && slices.length < 40) {
      vi.advanceTimersByTime(1);
      slices.push(read - slices.reduce((a, b) => a + b, 0));
    }
    // The clock is looked at every 128 nodes: a slice stops after three looks (past 8 ms), 384 nodes at most.
    expect(slices.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...slices)).toBeLessThanOrEqual(384);
    expect(read).toBe(2_000);
    expect(got).toHaveLength(1);
    expect(got[0]!.parts?.get(feed)?.runs).toEqual([{ from: spans[0], until: null }]);
    c.abort();
  });

  it('hands a batch out in a task of its own when reading its records took more than half a slice, and keeps what came meanwhile', () => {
    const c = new AbortController();
    const got: DomBatch[] = [];
    watchDom((batch) => got.push(batch), c.signal);
    const feed = doc.createElement('div');
    doc.body.append(feed);
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    /** A record adding `n` spans, each read costing `msEach` on the clock. */
    const record = (n: number, msEach: number): MutationRecord => {
      const spans = Array.from({ length: n }, (_, i) => Object.assign(doc.createElement('span'), { textContent: `update ${i}` }));
      feed.append(...spans);
      const addedNodes = new Proxy(spans, { get: (t, k) => (typeof k === 'string' && /^\d+$/.test(k) && (now += msEach), Reflect.get(t, k)) });
      return { type: 'childList', target: feed, addedNodes, removedNodes: [] } as unknown as MutationRecord;
    };
    const [observer] = FakeObserver.live;
    // Quick to read (1 ms): handed out in the task that read it.
    observer!.callback([record(10, 0.1)]);
    vi.advanceTimersByTime(BATCH_DELAY_MS);
    expect(got).toHaveLength(1);
    // 6 ms of reading (under a slice, over half of one): the batch waits for the next task, the page still busy.
    observer!.callback([record(100, 0.06)]);
    vi.advanceTimersByTime(BATCH_DELAY_MS);
    expect(got).toHaveLength(1);
    expect(domChangesPending()).toBe(true);
    // A record that comes meanwhile is not in that batch, nor lost: it makes the next one.
    const late = doc.createElement('p');
    feed.append(late);
    observer!.callback([added(feed, late)]);
    vi.advanceTimersByTime(1);
    expect(got).toHaveLength(2);
    expect(got[1]!.parts?.get(feed)?.blocks ?? []).not.toContain(late);
    expect(domChangesPending()).toBe(true);
    vi.advanceTimersByTime(BATCH_DELAY_MS);
    expect(got).toHaveLength(3);
    expect(got[2]!.roots).toEqual([late]);
    expect(domChangesPending()).toBe(false);
    c.abort();
  });

  it('OnRecord\'s own hosts coming and going make no batch, and the page is not reported busy', () => {
    const c = new AbortController();
    const got: DomBatch[] = [];
    watchDom((batch) => got.push(batch), c.signal);
    const host = doc.createElement('div');
    host.setAttribute(UI_ATTRIBUTE, '');
    doc.documentElement.append(host);
    const observer = [...FakeObserver.live][0]!;
    observer.callback([added(doc.documentElement, host), { type: 'attributes', target: host, addedNodes: [], removedNodes: [] } as unknown as MutationRecord]);
    expect(domChangesPending()).toBe(false);
    // A page change beside it still makes one.
    const p = doc.createElement('p');
    doc.body.append(p);
    observer.callback([added(doc.documentElement, host), added(doc.body, p)]);
    expect(domChangesPending()).toBe(true);
    vi.advanceTimersByTime(BATCH_DELAY_MS);
    expect(got.map((b) => b.roots)).toEqual([[p]]);
    c.abort();
  });

  /** Delivers the records and runs the watcher's timers until a batch comes out (the reading takes slices). */
  function deliver(records: MutationRecord[], got: DomBatch[]): void {
    [...FakeObserver.live][0]!.callback(records);
    vi.advanceTimersByTime(BATCH_DELAY_MS);
    for (let i = 0; got.length === 0 && i < 1_000; i++) vi.advanceTimersByTime(1);
  }

  it('a feed\'s new paragraphs past the threshold, all in one container, are rescanned themselves, not the whole page', () => {
    const c = new AbortController();
    const got: DomBatch[] = [];
    watchDom((batch) => got.push(batch), c.signal);
    const feed = doc.createElement('div');
    doc.body.append(feed);
    // More new blocks than the threshold, as a feed makes in a dozen frames when the batch comes late.
    const ps = Array.from({ length: FULL_RESCAN_THRESHOLD + 500 }, (_, i) => Object.assign(doc.createElement('p'), { textContent: `update ${i}` }));
    feed.append(...ps);
    deliver(ps.map((p) => added(feed, p)), got);
    expect(got).toHaveLength(1);
    expect(got[0]!.full).toBe(false);
    expect(got[0]!.roots).toHaveLength(ps.length);
    expect(got[0]!.roots[0]).toBe(ps[0]);
    c.abort();
  });

  it('changes in more places than the threshold make one full rescan', () => {
    const c = new AbortController();
    const got: DomBatch[] = [];
    watchDom((batch) => got.push(batch), c.signal);
    // One new paragraph in each of that many containers: a page re-rendered all over.
    const records = Array.from({ length: FULL_RESCAN_THRESHOLD + 1 }, (_, i) => {
      const box = doc.createElement('section');
      const p = Object.assign(doc.createElement('p'), { textContent: `item ${i}` });
      box.append(p);
      doc.body.append(box);
      return added(box, p);
    });
    deliver(records, got);
    expect(got).toHaveLength(1);
    expect(got[0]!.full).toBe(true);
    c.abort();
  });

  it('more roots than a batch may carry, in a few places, make one full rescan', () => {
    const c = new AbortController();
    const got: DomBatch[] = [];
    watchDom((batch) => got.push(batch), c.signal);
    // Four feeds, far fewer places than the threshold, but more new paragraphs than one batch hands out in one task.
    const feeds = Array.from({ length: 4 }, () => doc.body.appendChild(doc.createElement('div')));
    // A fixed count (not derived from the constant), so that the guard set to Infinity fails on the behaviour below.
    const per = 2_501;
    expect(feeds.length).toBeLessThan(FULL_RESCAN_THRESHOLD);
    const records = feeds.flatMap((feed, f) => {
      const ps = Array.from({ length: per }, (_, i) => Object.assign(doc.createElement('p'), { textContent: `feed ${f} update ${i}` }));
      feed.append(...ps);
      return ps.map((p) => added(feed, p));
    });
    deliver(records, got);
    expect(got).toHaveLength(1);
    expect(got[0]!.full).toBe(true);
    expect(got[0]!.roots).toEqual([]);
    // (The premise: more roots than the limit; raise the count with the limit.)
    expect(records.length).toBeGreaterThan(MAX_BATCH_ROOTS);
    c.abort();
  });

  it('a block that also changed itself (its own text) is handed whole', () => {
    const c = new AbortController();
    const got: DomBatch[] = [];
    watchDom((batch) => got.push(batch), c.signal);
    const p = doc.createElement('p');
    const text = doc.createTextNode('Kremlin spokesman');
    p.append(text);
    doc.body.append(p);
    const span = doc.createElement('span');
    p.append(span);
    [...FakeObserver.live][0]!.callback([
      { type: 'childList', target: p, addedNodes: [span] as unknown as NodeList, removedNodes: [] as unknown as NodeList } as unknown as MutationRecord,
      { type: 'characterData', target: text, addedNodes: [] as unknown as NodeList, removedNodes: [] as unknown as NodeList } as unknown as MutationRecord,
    ]);
    vi.advanceTimersByTime(BATCH_DELAY_MS);
    expect(got[0]!.roots).toEqual([p]);
    expect(got[0]!.parts).toBeUndefined();
    c.abort();
  });
});
