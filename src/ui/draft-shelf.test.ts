import { describe, expect, it, vi } from 'vitest';
import { keptDrafts, localDraftShelf } from './draft-shelf.tsx';
import { memoryStorage } from './test-dom.ts';

describe('draft shelves', () => {
  it('keep a draft per item until it is put back to null', () => {
    const storage = memoryStorage();
    const a = localDraftShelf<{ note: string }>('check', 'a', storage);
    const b = localDraftShelf<{ note: string }>('check', 'b', storage);
    a.put({ note: 'typed in a' });
    expect(a.get()).toEqual({ note: 'typed in a' });
    expect(b.get()).toBeNull();
    // Another kind with the same id is another shelf.
    expect(localDraftShelf('note', 'a', storage).get()).toBeNull();
    a.put(null);
    expect(a.get()).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('read what the note window kept before the shelves were shared, and survive a damaged entry', () => {
    const storage = memoryStorage();
    storage.setItem('onrecord:note-draft:h1', JSON.stringify({ patch: { note: 'from an older version' }, at: 1 }));
    storage.setItem('onrecord:note-draft:h2', '{not json');
    expect(localDraftShelf('note', 'h1', storage).get()).toEqual({ note: 'from an older version' });
    expect(localDraftShelf('note', 'h2', storage).get()).toBeNull();
  });

  it('list the drafts of one prefix, newest first, and nothing else', () => {
    const storage = memoryStorage();
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(100);
    localDraftShelf('claim', 'page-a claim one', storage).put({ note: 'one' });
    now.mockReturnValue(300);
    localDraftShelf('claim', 'page-a claim two', storage).put({ note: 'two' });
    now.mockReturnValue(200);
    localDraftShelf('claim', 'page-b claim three', storage).put({ note: 'three' });
    localDraftShelf('check', 'page-a claim four', storage).put({ note: 'four' });
    now.mockRestore();
    expect(keptDrafts('claim', 'page-a ', storage)).toEqual([
      { id: 'page-a claim two', draft: { note: 'two' } },
      { id: 'page-a claim one', draft: { note: 'one' } },
    ]);
  });
});
