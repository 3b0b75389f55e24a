/** A save answered after the panel moved on to another claim must not touch that claim's draft or form (review8b B2). */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

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

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}
const claim = (text: string, at: number): PendingClaim => ({ tabId: 7, text, pageUrl: 'https://news.example/a', pageTitle: 'A', at });
function nothingFound(text: string): ClaimCheck {
  return {
    claim: text, truncated: false, empty: 'no-match', actors: [], topics: [], concepts: [], date: null, results: [], otherSide: [], sideId: null, attribution: null, labels: {},
    suggestion: { verdict: 'not-in-record', evidence: { reason: 'nothing-matches', positionIds: [], concepts: [], polarity: null, speakerId: null, otherActorId: null, droppedCondition: false } },
  } as unknown as ClaimCheck;
}
const settle = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });

it('saving claim A, then claim B typed while the save is in flight: B keeps its draft and is not shown as A\'s saved row', async () => {
  const reads: ReturnType<typeof deferred<PendingClaim | null>>[] = [];
  const saves: ReturnType<typeof deferred<CheckRow>>[] = [];
  let changed: () => void = () => undefined;
  const client: PanelClient = {
    pending: () => {
      const d = deferred<PendingClaim | null>();
      reads.push(d);
      return d.promise;
    },
    check: async (text) => nothingFound(text),
    checksForPage: async () => [],
    save: () => {
      const d = deferred<CheckRow>();
      saves.push(d);
      return d.promise;
    },
    openSource: async () => undefined,
    onChange: (cb) => {
      changed = cb;
      return () => undefined;
    },
  } as PanelClient;
  const doc = dom.document;
  const note = () => doc.getElementById('sp-note') as HTMLTextAreaElement;
  const typeNote = (v: string) =>
    act(() => {
      note().value = v;
      note().dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    });
  const pick = (v: string) =>
    act(() => {
      const r = doc.querySelector(`input[name=verdict][value=${v}]`) as HTMLInputElement;
      r.checked = true;
      r.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
    });

  await act(() => render(<ClaimPanel client={client} tabId={7} />, dom.container));
  reads[0]!.resolve(claim('Claim A', 1));
  await settle();
  await pick('not-in-record');
  await typeNote('note on A');
  await act(() => void doc.querySelector('.sp-verdict')!.dispatchEvent(new dom.window.Event('submit', { bubbles: true, cancelable: true })));
  expect(saves).toHaveLength(1);

  // The page sends claim B while A's save is still on its way; the reader starts typing B's note.
  await act(() => changed());
  reads[1]!.resolve(claim('Claim B', 2));
  await settle();
  await typeNote('half a note on B');
  expect(claimDraftShelf('https://news.example/a', 'Claim B').get()?.note).toBe('half a note on B');

  saves[0]!.resolve({ id: 'row-a', claim: 'Claim A', verdict: 'not-in-record', note: 'note on A', updatedAt: Date.now(), pageUrl: 'https://news.example/a' } as unknown as CheckRow);
  await settle();
  // B's draft is still kept, and B's form does not say it is saved (A's row).
  expect(claimDraftShelf('https://news.example/a', 'Claim B').get()?.note).toBe('half a note on B');
  expect(doc.querySelector('.sp-saved')?.textContent ?? '').toBe('');
});
