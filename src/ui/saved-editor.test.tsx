import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { HighlightPatch } from '../core/annotations/model.ts';
import { sampleHighlight } from '../core/annotations/testing.ts';
import { installDom } from './test-dom.ts';
import { SavedEditor } from './saved-editor.tsx';

let dom: ReturnType<typeof installDom>;
let saved: HighlightPatch[];
let closed: number;
let deleted: number;

beforeEach(() => {
  dom = installDom();
  saved = [];
  closed = 0;
  deleted = 0;
});
afterEach(() => render(null, dom.container));

function mount(overrides: Partial<Parameters<typeof SavedEditor>[0]> = {}) {
  act(() => {
    render(
      <SavedEditor
        highlight={sampleHighlight(0, { note: 'old note', tags: ['policy'] })}
        knownTags={['policy', 'sourcing', 'timeline']}
        focus="none"
        fresh
        onSave={async (p) => void saved.push(p)}
        onDelete={async () => void deleted++}
        onClose={() => closed++}
        {...overrides}
      />,
      dom.container,
    );
  });
  return dom.container;
}

/** linkedom has no KeyboardEvent constructor: a plain Event with the key fields set. */
function key(target: Element, init: { key: string; ctrlKey?: boolean }) {
  act(() => {
    target.dispatchEvent(Object.assign(new dom.window.Event('keydown', { bubbles: true, cancelable: true }), { ctrlKey: false, metaKey: false, ...init }));
  });
}

function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    field.value = value;
    field.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
  });
}

const click = (el: Element) => act(() => void el.dispatchEvent(new dom.window.Event('click', { bubbles: true, cancelable: true })));
const button = (root: Element, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;
const flush = () => act(async () => new Promise<void>((r) => setTimeout(r, 0)));

describe('SavedEditor', () => {
  it('shows the quote, note and tags, and offers only tags not yet used as completions', () => {
    const root = mount();
    expect(root.querySelector('h2')?.textContent).toBe('Highlight saved');
    expect(root.querySelector('blockquote')?.textContent).toBe(sampleHighlight(0).selectors.quote.exact);
    expect((root.querySelector('textarea') as HTMLTextAreaElement).value).toBe('old note');
    expect([...root.querySelectorAll('.or-tags li')].map((li) => li.firstChild?.textContent)).toEqual(['policy']);
    expect([...root.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).toEqual(['sourcing', 'timeline']);
  });

  it('adds tags with Enter, removes the last with Backspace, and saves note, tags and colour with Ctrl+Enter', async () => {
    const root = mount();
    const tagField = root.querySelector('input[type="text"]') as HTMLInputElement;
    typeInto(tagField, 'Follow  up');
    key(tagField, { key: 'Enter' });
    typeInto(tagField, 'follow up');
    key(tagField, { key: 'Enter' });
    typeInto(tagField, 'x');
    key(tagField, { key: 'Enter' });
    typeInto(tagField, '');
    key(tagField, { key: 'Backspace' });
    typeInto(root.querySelector('textarea') as HTMLTextAreaElement, 'new note');
    act(() => {
      const green = root.querySelector('input[value="green"]') as HTMLInputElement;
      green.checked = true;
      green.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
    });
    key(root.querySelector('.or-editor')!, { key: 'Enter', ctrlKey: true });
    await flush();
    expect(saved).toEqual([{ note: 'new note', tags: ['policy', 'Follow up'], color: 'green' }]);
  });

  it('asks once more before deleting, and closes with Esc', async () => {
    const root = mount();
    click(button(root, 'Delete'));
    expect(deleted).toBe(0);
    click(button(root, 'Confirm delete'));
    await flush();
    expect(deleted).toBe(1);
    key(root.querySelector('.or-editor')!, { key: 'Escape' });
    expect(closed).toBe(1);
  });

  it('shows why a save failed, in words', async () => {
    const root = mount({ onSave: async () => Promise.reject(new Error('this highlight no longer exists')) });
    click(button(root, 'Save'));
    await flush();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('this highlight no longer exists');
  });

  it('reports what is typed as a draft, and none when it matches what is saved', () => {
    const drafts: (HighlightPatch | null)[] = [];
    const root = mount({ onDraft: (p) => void drafts.push(p) });
    expect(drafts.at(-1)).toBeNull();
    typeInto(root.querySelector('textarea')!, 'a note being typed');
    expect(drafts.at(-1)).toEqual({ note: 'a note being typed', tags: ['policy'], color: 'yellow' });
    typeInto(root.querySelector('input[type="text"]')!, 'half a tag');
    expect(drafts.at(-1)?.tags).toEqual(['policy', 'half a tag']);
    typeInto(root.querySelector('textarea')!, 'old note');
    typeInto(root.querySelector('input[type="text"]')!, '');
    expect(drafts.at(-1)).toBeNull();
  });

  it('shows a kept draft instead of the saved note', () => {
    const root = mount({ draft: { note: 'kept draft', tags: ['policy'], color: 'yellow' } });
    expect(root.querySelector('textarea')!.value).toBe('kept draft');
  });

  it('asks to confirm a delete away from the Delete button, which cannot confirm it', async () => {
    const root = mount();
    const del = button(root, 'Delete');
    click(del);
    click(del);
    await flush();
    expect(deleted).toBe(0);
    expect(del.disabled).toBe(true);
    expect(root.querySelector('.or-confirm')!.contains(button(root, 'Confirm delete'))).toBe(true);
    click(button(root, 'Keep it'));
    expect(root.querySelector('.or-confirm')).toBeNull();
  });
});
