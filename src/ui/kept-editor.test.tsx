/** KeptEditor: what is typed while a save is on its way is not thrown away when that save answers (review8b B4). */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { HighlightPatch } from '../core/annotations/model.ts';
import { sampleHighlight } from '../core/annotations/testing.ts';
import type { DraftShelf } from './draft-shelf.tsx';
import { KeptEditor } from './kept-editor.tsx';
import { installDom } from './test-dom.ts';

let dom: ReturnType<typeof installDom>;
let shelved: HighlightPatch | null;
let sent: HighlightPatch[];
let answers: Array<() => void>;
let done: number;
const shelf: DraftShelf<HighlightPatch> = { get: () => shelved, put: (d) => void (shelved = d) };

beforeEach(() => {
  dom = installDom();
  shelved = null;
  sent = [];
  answers = [];
  done = 0;
});
afterEach(() => render(null, dom.container));

function mount() {
  act(() => {
    render(
      <KeptEditor
        highlight={sampleHighlight(0, { note: 'old note', tags: [] })}
        knownTags={[]}
        focus="none"
        fresh={false}
        shelf={shelf}
        bannerClass="banner"
        onSave={(p) => {
          sent.push(p);
          return new Promise<void>((r) => answers.push(r));
        }}
        onDelete={async () => undefined}
        onDone={() => void done++}
      />,
      dom.container,
    );
  });
}
const note = () => dom.container.querySelector('textarea') as HTMLTextAreaElement;
const typeNote = (value: string) =>
  act(() => {
    note().value = value;
    note().dispatchEvent(new dom.window.Event('input', { bubbles: true }));
  });
const esc = () => act(() => void dom.container.querySelector('.or-editor')!.dispatchEvent(Object.assign(new dom.window.Event('keydown', { bubbles: true, cancelable: true }), { key: 'Escape' })));
const answer = (i: number) =>
  act(async () => {
    answers[i]!();
    await new Promise<void>((r) => setTimeout(r, 0));
  });

it('Esc saves; text typed while that save is on its way stays on the shelf and the editor stays, the next Esc saves it', async () => {
  mount();
  typeNote('first words');
  esc();
  expect(sent.map((p) => p.note)).toEqual(['first words']);
  typeNote('first words, and more');
  await answer(0);
  expect(done).toBe(0);
  expect(shelved?.note).toBe('first words, and more');
  expect(note().value).toBe('first words, and more');
  esc();
  expect(sent.map((p) => p.note)).toEqual(['first words', 'first words, and more']);
  await answer(1);
  expect(done).toBe(1);
  expect(shelved).toBe(null);
});

it('a save answered with nothing typed since clears the draft and is done', async () => {
  mount();
  typeNote('first words');
  esc();
  expect(shelved?.note).toBe('first words');
  await answer(0);
  expect(done).toBe(1);
  expect(shelved).toBe(null);
});
