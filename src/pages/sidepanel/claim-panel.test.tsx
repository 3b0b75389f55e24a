/**
 * The side panel follows its tab: every "changed" message re-reads the pending claim and re-checks it. Two reads
 * (or two checks) in flight can be answered out of order; an older answer must never replace a newer one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { ClaimCheck } from '../../core/claims/check-claim.ts';
import type { CheckRow } from '../../core/claims/check-record.ts';
import { installDom } from '../../ui/test-dom.ts';
import { ClaimPanel, claimDraftShelf } from './claim-panel.tsx';
import type { PanelClient, PendingClaim } from './panel-client.ts';

let dom: ReturnType<typeof installDom>;
beforeEach(() => {
  dom = installDom();
});
afterEach(() => render(null, dom.container));

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function claim(text: string, at: number): PendingClaim {
  return { tabId: 7, text, pageUrl: 'https://news.example/a', pageTitle: 'A', at };
}

/** A client whose every pending read, check and save waits for the test to answer it, in whatever order it likes. */
function scriptedClient() {
  const reads: Deferred<PendingClaim | null>[] = [];
  const checks: { text: string; answer: Deferred<ClaimCheck> }[] = [];
  const saves: Deferred<CheckRow>[] = [];
  let changed: () => void = () => undefined;
  const client: PanelClient = {
    pending: () => {
      const d = deferred<PendingClaim | null>();
      reads.push(d);
      return d.promise;
    },
    check: (text) => {
      const answer = deferred<ClaimCheck>();
      checks.push({ text, answer });
      return answer.promise;
    },
    checksForPage: async () => [],
    save: () => {
      const d = deferred<CheckRow>();
      saves.push(d);
      return d.promise;
    },
    openSource: async () => undefined,
    onChange: (callback) => {
      changed = callback;
      return () => undefined;
    },
  };
  return { client, reads, checks, saves, change: () => changed() };
}

const settle = () => act(async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
});
const claimText = () => (dom.document.getElementById('sp-claim') as HTMLTextAreaElement).value;

describe('ClaimPanel: only the newest answer is applied', () => {
  it('a slower answer to an older read of the pending claim does not replace the newer claim', async () => {
    const s = scriptedClient();
    await act(() => render(<ClaimPanel client={s.client} tabId={7} />, dom.container));
    await act(() => s.change()); // a second "Check claim" while the first read is still in flight
    expect(s.reads).toHaveLength(2);

    s.reads[1]!.resolve(claim('Newer claim', 2));
    await settle();
    expect(claimText()).toBe('Newer claim');

    s.reads[0]!.resolve(claim('Older claim', 1)); // the first read answers last
    await settle();
    expect(claimText()).toBe('Newer claim');
    expect(s.checks.map((c) => c.text)).toEqual(['Newer claim']);
  });

  it('an older check failing after a newer one was asked does not show its error', async () => {
    const s = scriptedClient();
    await act(() => render(<ClaimPanel client={s.client} tabId={7} />, dom.container));
    s.reads[0]!.resolve(claim('First claim', 1));
    await settle();
    expect(s.checks).toHaveLength(1);

    await act(() => s.change());
    s.reads[1]!.resolve(claim('Second claim', 2));
    await settle();
    expect(s.checks.map((c) => c.text)).toEqual(['First claim', 'Second claim']);

    s.checks[0]!.answer.reject(new Error('the first check failed'));
    await settle();
    expect(dom.document.querySelector('[role=alert]')).toBeNull();
    expect(dom.document.querySelector('[role=status]')?.textContent).toBeTruthy(); // still checking the second

    s.checks[1]!.answer.reject(new Error('the second check failed'));
    await settle();
    expect(dom.document.querySelector('[role=alert]')?.textContent).toBe('the second check failed');
  });
});

/** A check that found nothing in the record: the verdict form is still shown (a moderator may judge it anyway). */
function nothingFound(text: string): ClaimCheck {
  return {
    claim: text, truncated: false, empty: 'no-match', actors: [], topics: [], concepts: [], date: null, results: [], otherSide: [], sideId: null, attribution: null, labels: {},
    suggestion: { verdict: 'not-in-record', evidence: { reason: 'nothing-matches', positionIds: [], concepts: [], polarity: null, speakerId: null, otherActorId: null, droppedCondition: false } },
  } as ClaimCheck;
}

describe('ClaimPanel: a verdict typed and not saved is kept (issue 14)', () => {
  const note = () => dom.document.getElementById('sp-note') as HTMLTextAreaElement;
  function typeNote(value: string) {
    act(() => {
      note().value = value;
      note().dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    });
  }
  const checkAgain = () => act(() => void dom.document.querySelector('.sp-claim-form')!.dispatchEvent(new dom.window.Event('submit', { bubbles: true, cancelable: true })));

  it('a re-check of the same claim gives the typed note back, with Discard; another claim says it is kept', async () => {
    const s = scriptedClient();
    await act(() => render(<ClaimPanel client={s.client} tabId={7} />, dom.container));
    s.reads[0]!.resolve(claim('First claim', 1));
    await settle();
    s.checks[0]!.answer.resolve(nothingFound('First claim'));
    await settle();
    typeNote('Half a thought');

    checkAgain();
    s.checks[1]!.answer.resolve(nothingFound('First claim'));
    await settle();
    expect(note().value).toBe('Half a thought');
    expect(dom.document.querySelector('.sp-draft-back')?.textContent).toContain('is back here');

    // A new claim from the page: an empty form, and a line that leads back to the draft.
    await act(() => s.change());
    s.reads[1]!.resolve(claim('Second claim', 2));
    await settle();
    s.checks[2]!.answer.resolve(nothingFound('Second claim'));
    await settle();
    expect(note().value).toBe('');
    expect(dom.document.querySelector('.sp-draft-left')?.textContent).toContain('“First claim”');
  });

  it('saving claim A, then claim B typed while the save is in flight: B keeps its draft and is not shown as A\'s saved row (review8b B2)', async () => {
    const s = scriptedClient();
    const doc = dom.document;
    const pick = (v: string) =>
      act(() => {
        const r = doc.querySelector(`input[name=verdict][value=${v}]`) as HTMLInputElement;
        r.checked = true;
        r.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
      });
    await act(() => render(<ClaimPanel client={s.client} tabId={7} />, dom.container));
    s.reads[0]!.resolve(claim('Claim A', 1));
    await settle();
    s.checks[0]!.answer.resolve(nothingFound('Claim A'));
    await settle();
    await pick('not-in-record');
    typeNote('note on A');
    await act(() => void doc.querySelector('.sp-verdict')!.dispatchEvent(new dom.window.Event('submit', { bubbles: true, cancelable: true })));
    expect(s.saves).toHaveLength(1);

    // The page sends claim B while A's save is still on its way; the reader starts typing B's note.
    await act(() => s.change());
    s.reads[1]!.resolve(claim('Claim B', 2));
    await settle();
    s.checks[1]!.answer.resolve(nothingFound('Claim B'));
    await settle();
    typeNote('half a note on B');
    expect(claimDraftShelf('https://news.example/a', 'Claim B').get()?.note).toBe('half a note on B');

    s.saves[0]!.resolve({ id: 'row-a', claim: 'Claim A', verdict: 'not-in-record', note: 'note on A', updatedAt: Date.now(), pageUrl: 'https://news.example/a' } as unknown as CheckRow);
    await settle();
    // B's draft is still kept, and B's form does not say it is saved (A's row).
    expect(claimDraftShelf('https://news.example/a', 'Claim B').get()?.note).toBe('half a note on B');
    expect(doc.querySelector('.sp-saved')?.textContent ?? '').toBe('');
  });
});
