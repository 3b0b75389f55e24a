/** What is typed while a save is on its way is not thrown away when that save answers (review8b B4). */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { CheckRow } from '../../../core/claims/check-record.ts';
import type { DraftShelf } from '../../../ui/draft-shelf.tsx';
import { installDom } from '../../../ui/test-dom.ts';
import { CheckItem, type CheckEdit } from './check-item.tsx';

let dom: ReturnType<typeof installDom>;
beforeEach(() => {
  dom = installDom();
});
afterEach(() => render(null, dom.container));

const row = {
  id: 'c1', claim: 'Lavrov said the talks are over.', pageUrl: 'https://news.example/a', pageTitle: 'A', site: 'news.example',
  verdict: 'contradicts', note: '', positionIds: [], actorIds: [], topicIds: [], createdAt: 1, updatedAt: 1,
} as unknown as CheckRow;

it('a note typed on while Esc\'s save is in flight is kept (on the shelf or in the open form)', async () => {
  let shelved: CheckEdit | null = null;
  const shelf: DraftShelf<CheckEdit> = { get: () => shelved, put: (d) => void (shelved = d) };
  let answer!: () => void;
  const sent: CheckEdit[] = [];
  const onSave = (e: CheckEdit) => {
    sent.push(e);
    return new Promise<void>((r) => (answer = r));
  };
  act(() => render(<CheckItem row={row} labels={new Map()} positions={new Map()} locale="en" onSave={onSave} onDelete={() => undefined} shelf={shelf} />, dom.container));
  const click = (el: Element) => act(() => void el.dispatchEvent(new dom.window.Event('click', { bubbles: true, cancelable: true })));
  const note = () => dom.container.querySelector('textarea');
  const typeNote = (v: string) =>
    act(() => {
      note()!.value = v;
      note()!.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    });
  await click([...dom.container.querySelectorAll('button')].find((b) => b.textContent === 'Edit')!);
  typeNote('An aide said it');
  act(() => void dom.container.querySelector('form')!.dispatchEvent(Object.assign(new dom.window.Event('keydown', { bubbles: true, cancelable: true }), { key: 'Escape' })));
  // The textarea is still enabled while saving: the reader goes on typing.
  expect(note()?.disabled ?? true).toBe(false);
  typeNote('An aide said it, not Lavrov — see the transcript');
  await act(async () => {
    answer();
    await new Promise<void>((r) => setTimeout(r, 0));
  });
  const kept = shelved as CheckEdit | null;
  const inForm = note()?.value ?? null;
  expect(kept?.note === 'An aide said it, not Lavrov — see the transcript' || inForm === 'An aide said it, not Lavrov — see the transcript').toBe(true);
  // Both, in fact: the form stays open with the newer text, which is still a draft; the next Esc saves it.
  expect(kept?.note).toBe('An aide said it, not Lavrov — see the transcript');
  expect(inForm).toBe('An aide said it, not Lavrov — see the transcript');
  act(() => void dom.container.querySelector('form')!.dispatchEvent(Object.assign(new dom.window.Event('keydown', { bubbles: true, cancelable: true }), { key: 'Escape' })));
  expect(sent.map((e) => e.note)).toEqual(['An aide said it', 'An aide said it, not Lavrov — see the transcript']);
  await act(async () => {
    answer();
    await new Promise<void>((r) => setTimeout(r, 0));
  });
  expect(shelved).toBe(null);
  expect(note()).toBe(null);
});

it('a save answered with nothing typed since clears the draft and closes the form', async () => {
  let shelved: CheckEdit | null = null;
  const shelf: DraftShelf<CheckEdit> = { get: () => shelved, put: (d) => void (shelved = d) };
  let answer!: () => void;
  const onSave = () => new Promise<void>((r) => (answer = r));
  act(() => render(<CheckItem row={row} labels={new Map()} positions={new Map()} locale="en" onSave={onSave} onDelete={() => undefined} shelf={shelf} />, dom.container));
  const note = () => dom.container.querySelector('textarea');
  act(() => void [...dom.container.querySelectorAll('button')].find((b) => b.textContent === 'Edit')!.dispatchEvent(new dom.window.Event('click', { bubbles: true, cancelable: true })));
  act(() => {
    note()!.value = 'An aide said it';
    note()!.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
  });
  act(() => void dom.container.querySelector('form')!.dispatchEvent(Object.assign(new dom.window.Event('keydown', { bubbles: true, cancelable: true }), { key: 'Escape' })));
  expect(shelved).not.toBe(null);
  await act(async () => {
    answer();
    await new Promise<void>((r) => setTimeout(r, 0));
  });
  expect(shelved).toBe(null);
  expect(note()).toBe(null);
});
