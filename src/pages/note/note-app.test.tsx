import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { HighlightPatch } from '../../core/annotations/model.ts';
import { sampleHighlight } from '../../core/annotations/testing.ts';
import { installDom } from '../../ui/test-dom.ts';
import type { DraftShelf } from '../../ui/draft-shelf.tsx';
import { NoteApp, type NoteClient } from './note-app.tsx';

let dom: ReturnType<typeof installDom>;

beforeEach(() => {
  dom = installDom();
});
afterEach(() => render(null, dom.container));

const highlight = sampleHighlight(0, { note: 'old note', tags: ['policy'] });

function fakes(opts: { failSave?: boolean; kept?: HighlightPatch } = {}) {
  const calls = { saved: [] as HighlightPatch[], drafts: [] as Array<HighlightPatch | null>, closed: 0, removed: 0 };
  let shelved: HighlightPatch | null = opts.kept ?? null;
  const client: NoteClient = {
    load: async () => ({ highlight, tags: ['policy', 'sourcing'] }),
    save: async (patch) => {
      if (opts.failSave) throw new Error('the database is locked');
      calls.saved.push(patch);
    },
    remove: async () => void calls.removed++,
    draft: (patch) => void calls.drafts.push(patch),
    openLibrary: () => undefined,
    close: () => void calls.closed++,
  };
  const shelf: DraftShelf<HighlightPatch> = { get: () => shelved, put: (p) => void (shelved = p) };
  return { client, shelf, calls, shelved: () => shelved };
}

const flush = () => act(async () => new Promise<void>((r) => setTimeout(r, 0)));
const button = (text: string) => [...dom.container.querySelectorAll('button')].find((b) => b.textContent === text)!;
const click = (el: Element) => act(() => void el.dispatchEvent(new dom.window.Event('click', { bubbles: true, cancelable: true })));
function typeInto(field: HTMLTextAreaElement, value: string) {
  act(() => {
    field.value = value;
    field.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
  });
}

async function mount(f: ReturnType<typeof fakes>) {
  act(() => render(<NoteApp client={f.client} shelf={f.shelf} fresh={false} />, dom.container));
  await flush();
  return dom.container.querySelector('textarea')!;
}

describe('NoteApp (the note window)', () => {
  it('keeps every change on the shelf and tells the background, then Close saves it and closes', async () => {
    const f = fakes();
    const note = await mount(f);
    expect(note.value).toBe('old note');
    typeInto(note, 'new note');
    expect(f.shelved()).toMatchObject({ note: 'new note' });
    expect(f.calls.drafts.at(-1)).toMatchObject({ note: 'new note' });
    click(button('Close'));
    await flush();
    expect(f.calls.saved).toEqual([expect.objectContaining({ note: 'new note', tags: ['policy'] })]);
    expect(f.calls.closed).toBe(1);
    expect(f.shelved()).toBeNull();
    expect(f.calls.drafts.at(-1)).toBeNull();
  });

  it('a close whose save fails stays open with the text and says why; the draft stays on the shelf', async () => {
    const f = fakes({ failSave: true });
    const note = await mount(f);
    typeInto(note, 'precious words');
    click(button('Close'));
    await flush();
    expect(f.calls.closed).toBe(0);
    expect(dom.container.querySelector('[role="alert"]')!.textContent).toContain('the database is locked');
    expect(dom.container.querySelector('textarea')!.value).toBe('precious words');
    expect(f.shelved()).toMatchObject({ note: 'precious words' });
  });

  it('closing with nothing changed saves nothing', async () => {
    const f = fakes();
    await mount(f);
    click(button('Close'));
    await flush();
    expect(f.calls.saved).toEqual([]);
    expect(f.calls.closed).toBe(1);
  });

  it('offers back a draft kept from a window that closed without saving, and can discard it', async () => {
    const f = fakes({ kept: { note: 'typed before the crash', tags: ['policy'], color: highlight.color } });
    const note = await mount(f);
    expect(note.value).toBe('typed before the crash');
    expect(dom.container.textContent).toContain('was not saved, and is back here');
    click(button('Discard it'));
    await flush();
    expect(dom.container.querySelector('textarea')!.value).toBe('old note');
    expect(f.shelved()).toBeNull();
  });

  it('a kept draft that equals what is saved is dropped silently', async () => {
    const f = fakes({ kept: { note: 'old note', tags: ['policy'], color: highlight.color } });
    await mount(f);
    expect(dom.container.textContent).not.toContain('is back here');
    expect(f.shelved()).toBeNull();
  });
});
