import { describe, expect, it, vi } from 'vitest';
import type { CsBgScan } from '../shared/messages.ts';
import { encodeFound, type ScanReply } from '../shared/page-scan.ts';

// The content script's messaging (runtime.ts reads chrome.runtime at load); these tests pass their own sender.
vi.mock('./runtime.ts', () => ({ default: { runtime: { onMessage: { addListener: vi.fn() }, sendMessage: vi.fn() } } }));

const { backgroundMatcher, groupScans } = await import('./record-client.ts');

/** A stand-in background: finds "Peskov" in each part, records every request. */
function fakeBackground() {
  const requests: CsBgScan[] = [];
  const send = vi.fn(async (request: CsBgScan) => {
    requests.push(request);
    const replies: ScanReply[] = request.parts.map((p) => {
      const at = p.text.indexOf('Peskov');
      return encodeFound(at < 0 ? [] : [{ start: at, end: at + 6, entityId: 'dmitry-peskov', type: 'person', quiet: false }]);
    });
    return { replies };
  });
  return { requests, send };
}

describe('backgroundMatcher', () => {
  it('sends the chunks asked for in one task as one request, in order, and answers each with its own mentions', async () => {
    const bg = fakeBackground();
    const matcher = backgroundMatcher(bg.send);
    const answers = Promise.all([matcher.scan('Peskov said'), matcher.scan('nothing here'), matcher.scan('then Peskov', true)]);
    expect(bg.send).not.toHaveBeenCalled(); // sent when the task's synchronous work ends
    const [a, b, c] = await answers;
    expect(bg.requests).toHaveLength(1);
    expect(bg.requests[0]!.parts).toEqual([{ text: 'Peskov said' }, { text: 'nothing here' }, { text: 'then Peskov', late: true }]);
    expect(a!.found).toEqual([{ start: 0, end: 6, entityId: 'dmitry-peskov', type: 'person', quiet: false }]);
    expect(b!.found).toEqual([]);
    expect(c!.found.map((m) => m.start)).toEqual([5]);

    // A later task is a request of its own, for the same document.
    await matcher.scan('Peskov again');
    expect(bg.requests).toHaveLength(2);
    expect(bg.requests[1]!.doc).toBe(bg.requests[0]!.doc);
  });

  it('sends back the document\'s context the last answer carried (the worker forgets it when it is stopped), not another document\'s', async () => {
    const requests: CsBgScan[] = [];
    const ctx = { fingerprint: 'f', seen: ['naftali-bennett'], anchors: [], tail: 'to Moscow', withheld: 0 };
    const send = vi.fn(async (request: CsBgScan) => {
      requests.push(request);
      return { replies: request.parts.map(() => encodeFound([])), ctx };
    });
    const matcher = backgroundMatcher(send);
    await matcher.scan('Naftali Bennett flew to Moscow');
    await matcher.scan('Later Bennett spoke');
    expect(requests[0]!.ctx).toBeUndefined();
    expect(requests[1]!.ctx).toEqual(ctx);
    matcher.newDocument();
    await matcher.scan('another page');
    expect(requests[2]!.ctx).toBeUndefined();
  });

  it('sends what was asked for the old document before a new one begins', async () => {
    const bg = fakeBackground();
    const matcher = backgroundMatcher(bg.send);
    const old = matcher.scan('old page Peskov');
    matcher.newDocument();
    const fresh = matcher.scan('new page Peskov');
    await Promise.all([old, fresh]);
    expect(bg.requests.map((r) => r.parts.map((p) => p.text))).toEqual([['old page Peskov'], ['new page Peskov']]);
    expect(bg.requests[0]!.doc).not.toBe(bg.requests[1]!.doc);
    expect(bg.requests[1]!.doc).toMatch(/^[0-9a-f]{16}$/);
  });

  it('hands the answers out one at a time: a part is drawn before the next is answered', async () => {
    const bg = fakeBackground();
    const matcher = backgroundMatcher(bg.send);
    const log: string[] = [];
    const drawn = ['a Peskov', 'b Peskov', 'c Peskov'].map((text) =>
      matcher.scan(text).then((scan) => {
        log.push(`draw ${text[0]} (${scan.found.length})`);
        // Work the drawing queues after itself (the annotator's bookkeeping) also runs before the next part.
        queueMicrotask(() => log.push(`after ${text[0]}`));
      }),
    );
    await Promise.all(drawn);
    expect(log).toEqual(['draw a (1)', 'after a', 'draw b (1)', 'after b', 'draw c (1)', 'after c']);
  });

  it('sends what one task asked for beyond one request\'s characters as several requests, one per task, in order', async () => {
    const bg = fakeBackground();
    const matcher = backgroundMatcher(bg.send);
    const texts = ['a', 'b', 'c', 'd', 'e'].map((c) => `${c} Peskov `.padEnd(15_000, '.'));
    const answers = Promise.all(texts.map((t) => matcher.scan(t)));
    await Promise.resolve(); // the task's microtasks: the first request leaves
    await Promise.resolve();
    expect(bg.requests).toHaveLength(1);
    await answers;
    // SEND_BATCH_CHARS (32,768) characters a request at most: two parts, two parts, one part.
    expect(bg.requests.map((r) => r.parts.map((p) => p.text[0]).join(''))).toEqual(['ab', 'cd', 'e']);
  });

  it('hands answers out in the order asked when a later request is answered first', async () => {
    // Two requests from one task (over 65,536 characters); the background answers the second one first.
    const gates: (() => void)[] = [];
    const requests: CsBgScan[] = [];
    const matcher = backgroundMatcher(async (request) => {
      requests.push(request);
      await new Promise<void>((open) => gates.push(open));
      return { replies: request.parts.map(() => encodeFound([])) };
    });
    const order: string[] = [];
    const texts = ['a', 'b', 'c'].map((c) => c.padEnd(40_000, '.'));
    const answers = Promise.all(texts.map((t) => matcher.scan(t).then(() => order.push(t[0]!))));
    await vi.waitFor(() => expect(requests).toHaveLength(3));
    gates[2]!();
    gates[1]!();
    // Those two answers settle in microtasks only: one macrotask turn has drained them (no timing involved). Nothing is
    // handed out yet, because the first request is still unanswered and the later answers wait their turn.
    await new Promise<void>((drained) => setTimeout(drained, 0));
    expect(order).toEqual([]);
    gates[0]!();
    await answers;
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('fails every part when the request fails or the answer does not match, and only the part whose answer does not read', async () => {
    const failing = backgroundMatcher(async () => {
      throw new Error('cs-bg-scan: OnRecord did not answer');
    });
    const lost = await Promise.allSettled([failing.scan('x'), failing.scan('y')]);
    expect(lost.map((r) => r.status)).toEqual(['rejected', 'rejected']);

    const short = backgroundMatcher(async () => ({ replies: [encodeFound([])] }));
    const mismatched = await Promise.allSettled([short.scan('x'), short.scan('y')]);
    expect(mismatched.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((mismatched[0] as PromiseRejectedResult).reason)).toMatch(/not one answer per part/);

    // The second part's answer points past its text: only that part is refused.
    const outside = backgroundMatcher(async (request) => ({
      replies: request.parts.map(() => encodeFound([{ start: 0, end: 3, entityId: 'e', type: 'person', quiet: false }])),
    }));
    const [fine, bad] = await Promise.allSettled([outside.scan('abc'), outside.scan('ab')]);
    expect(fine.status).toBe('fulfilled');
    expect(bad.status).toBe('rejected');
  });
});

describe('groupScans', () => {
  const t = (n: number) => ({ text: 'x'.repeat(n) });

  it('cuts a queue into requests within the part and character limits, keeping the order', () => {
    const queue = [t(5), t(5), t(5), t(5), t(5)];
    expect(groupScans(queue, 2, 100).map((g) => g.length)).toEqual([2, 2, 1]);
    expect(groupScans(queue, 10, 12).map((g) => g.length)).toEqual([2, 2, 1]);
    expect(groupScans(queue, 10, 12).flat()).toEqual(queue);
    // A part larger than the character limit alone still goes (alone): the request schema bounds each part.
    expect(groupScans([t(3), t(50), t(3)], 10, 10).map((g) => g.length)).toEqual([1, 1, 1]);
    expect(groupScans([], 10, 10)).toEqual([]);
  });
});
