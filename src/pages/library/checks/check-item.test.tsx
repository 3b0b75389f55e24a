/** Issue 14: a verdict note typed in the Checks tab is never thrown away — Esc saves it, a draft is offered back. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const row: CheckRow = {
  id: 'c1',
  claim: 'Lavrov said the talks are over.',
  pageUrl: 'https://news.example/a',
  pageTitle: 'A',
  site: 'news.example',
  verdict: 'contradicts',
  note: '',
  positionIds: [],
  actorIds: [],
  topicIds: [],
  createdAt: 1,
  updatedAt: 1,
} as unknown as CheckRow;

function mount(opts: { kept?: CheckEdit; failSave?: boolean } = {}) {
  let shelved: CheckEdit | null = opts.kept ?? null;
  const saves: CheckEdit[] = [];
  const shelf: DraftShelf<CheckEdit> = { get: () => shelved, put: (d) => void (shelved = d) };
  const onSave = async (edit: CheckEdit) => {
    if (opts.failSave) throw new Error('the database is locked');
    saves.push(edit);
  };
  act(() => render(<CheckItem row={row} labels={new Map()} positions={new Map()} locale="en" onSave={onSave} onDelete={() => undefined} shelf={shelf} />, dom.container));
  return { saves, shelved: () => shelved };
}

const flush = () => act(async () => new Promise<void>((r) => setTimeout(r, 0)));
const button = (text: string) => [...dom.container.querySelectorAll('button')].find((b) => b.textContent === text)!;
const click = (el: Element) => act(() => void el.dispatchEvent(new dom.window.Event('click', { bubbles: true, cancelable: true })));
const note = () => dom.container.querySelector('textarea')!;
function typeNote(value: string) {
  act(() => {
    note().value = value;
    note().dispatchEvent(new dom.window.Event('input', { bubbles: true }));
  });
}
/** linkedom has no KeyboardEvent, and calls a bubbling listener with the target as `this`: the key goes to the form itself. */
function escape() {
  act(() => void dom.container.querySelector('form')!.dispatchEvent(Object.assign(new dom.window.Event('keydown', { bubbles: true, cancelable: true }), { key: 'Escape' })));
}

describe('CheckItem: what is typed is kept', () => {
  it('keeps every keystroke on the shelf, and Esc saves it and clears the shelf', async () => {
    const f = mount();
    click(button('Edit'));
    typeNote('An aide said it.');
    expect(f.shelved()).toEqual({ verdict: 'contradicts', note: 'An aide said it.' });
    escape();
    await flush();
    expect(f.saves).toEqual([{ verdict: 'contradicts', note: 'An aide said it.' }]);
    expect(f.shelved()).toBeNull();
    expect(dom.container.querySelector('form')).toBeNull();
  });

  it('a save that fails keeps the form open with the text, and the draft on the shelf', async () => {
    const f = mount({ failSave: true });
    click(button('Edit'));
    typeNote('Precious words');
    escape();
    await flush();
    expect(dom.container.querySelector('[role="alert"]')!.textContent).toContain('the database is locked');
    expect(note().value).toBe('Precious words');
    expect(f.shelved()).toMatchObject({ note: 'Precious words' });
  });

  it('a kept draft opens the form with it; Discard gives back what is saved, and Close then saves nothing', async () => {
    const f = mount({ kept: { verdict: 'misattributed', note: 'typed before the tab closed' } });
    expect(note().value).toBe('typed before the tab closed');
    expect(dom.container.textContent).toContain('is back here');
    click(button('Discard it'));
    expect(note().value).toBe('');
    expect(f.shelved()).toBeNull();
    click(button('Close'));
    await flush();
    expect(f.saves).toEqual([]);
    expect(dom.container.querySelector('form')).toBeNull();
  });

  it('a kept draft equal to what is saved is dropped without a word', () => {
    const f = mount({ kept: { verdict: 'contradicts', note: '' } });
    expect(dom.container.querySelector('form')).toBeNull();
    expect(f.shelved()).toBeNull();
  });
});
