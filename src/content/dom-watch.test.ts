import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installDom } from '../ui/test-dom.ts';
import { BATCH_DELAY_MS, watchDom, watchedRootCount, domChangesPending, type DomBatch } from './dom-watch.ts';

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
