import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { tabs: { create: vi.fn(async () => ({ id: 7 })) } } }));

import { compileMatcher, serializeMatcher } from '../core/match/index.ts';
import { makeCorpus } from '../core/record/test-corpus.ts';
import { OnRecordDb } from '../storage/db.ts';
import { HighlightsService, pageKeys } from './highlights-service.ts';
import type { RecordService } from './record-service.ts';

const corpus = makeCorpus();
const records = {
  active: async () => ({ fingerprint: 'f1', matcher: serializeMatcher(compileMatcher(corpus.entities)) }),
} as unknown as Pick<RecordService, 'active'>;

let n = 0;
const dbs: OnRecordDb[] = [];
function service() {
  const db = new OnRecordDb(`hl-svc-${++n}`);
  dbs.push(db);
  let id = 0;
  return { db, svc: new HighlightsService(db, records, () => `id-${++id}`) };
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const selectors = (exact: string) => ({ quote: { exact, prefix: '', suffix: '' }, position: { start: 0, end: exact.length } });
const tab = (url: string, id = 1) => ({ id: 'ext', url, tab: { id } as never });

describe('page keys', () => {
  it('normalises the sender URL and keeps only a same-origin canonical URL', () => {
    expect(pageKeys('https://n.example/a?utm_source=x#p', 'https://n.example/a-canonical')).toEqual({
      own: 'https://n.example/a',
      keys: ['https://n.example/a', 'https://n.example/a-canonical'],
      canonical: 'https://n.example/a-canonical',
    });
    expect(pageKeys('https://n.example/a', 'https://evil.example/a')).toEqual({ own: 'https://n.example/a', keys: ['https://n.example/a'] });
  });
});

describe('highlights service', () => {
  it('saves under the sender\'s page (not a URL the message names), with the entities the quote mentions', async () => {
    const { svc } = service();
    const entity = corpus.entities[0]!;
    const quote = `As ${entity.aliases[0]!.text} said on Monday`;
    const r = (await svc.handleContent({ type: 'cs-bg-highlight-save', pageTitle: ' T ', selectors: selectors(quote), tags: ['x', 'X'] }, tab('https://n.example/a?fbclid=1'))) as {
      highlight: { pageUrl: string; entityIds: string[]; tags: string[]; pageTitle: string; color: string };
    };
    expect(r.highlight).toMatchObject({ pageUrl: 'https://n.example/a', pageTitle: 'T', tags: ['x'], color: 'yellow' });
    expect(r.highlight.entityIds).toContain(entity.id);
  });

  it('a save retried with the same key (its reply was lost) stores one highlight; a key is bound to its passage', async () => {
    const { svc, db } = service();
    const key = '0123456789abcdef0123456789abcdef';
    const req = { type: 'cs-bg-highlight-save', key, pageTitle: 'A', selectors: selectors('a quote') } as const;
    const first = (await svc.handleContent(req, tab('https://a.example/p'))) as { highlight: { id: string } };
    const again = (await svc.handleContent(req, tab('https://a.example/p'))) as { highlight: { id: string } };
    expect(again.highlight.id).toBe(first.highlight.id);
    expect(await db.highlights.count()).toBe(1);
    await expect(svc.handleContent({ ...req, selectors: selectors('another quote') }, tab('https://a.example/p'))).rejects.toThrow(/another passage/);
    await expect(svc.handleContent(req, tab('https://b.example/p'))).rejects.toThrow(/another passage/);
    expect(await db.highlights.count()).toBe(1);
  });

  it('never lets one page read, change or delete another page\'s highlights', async () => {
    const { svc, db } = service();
    await svc.handleContent({ type: 'cs-bg-highlight-save', pageTitle: 'A', selectors: selectors('secret quote'), note: 'private' }, tab('https://a.example/p'));
    const other = tab('https://b.example/p');
    expect(await svc.handleContent({ type: 'cs-bg-highlights-for-page', canonicalUrl: 'https://a.example/p' }, other)).toEqual({ highlights: [] });
    await expect(svc.handleContent({ type: 'cs-bg-note-editor-open', id: 'id-1', fresh: false }, other)).rejects.toThrow('no such highlight on this page');
    await svc.handleContent({ type: 'cs-bg-highlights-anchored', placed: [], orphaned: ['id-1'] }, other);
    expect(await db.highlights.get('id-1')).toMatchObject({ note: 'private' });
    expect((await db.highlights.get('id-1'))?.orphanedAt).toBeUndefined();
  });

  it('hands the tab opened from the library the highlight to scroll to, once', async () => {
    const { svc } = service();
    await svc.handleContent({ type: 'cs-bg-highlight-save', pageTitle: 'A', selectors: selectors('quote') }, tab('https://a.example/p'));
    await svc.open('id-1');
    const first = (await svc.handleContent({ type: 'cs-bg-highlights-for-page' }, tab('https://a.example/p', 7))) as { focusId?: string };
    expect(first.focusId).toBe('id-1');
    const second = (await svc.handleContent({ type: 'cs-bg-highlights-for-page' }, tab('https://a.example/p', 7))) as { focusId?: string };
    expect(second.focusId).toBeUndefined();
  });

  it('forgets the highlight a tab was opened for when the tab closes (a new tab with the same id gets none)', async () => {
    const { svc } = service();
    await svc.handleContent({ type: 'cs-bg-highlight-save', pageTitle: 'A', selectors: selectors('quote') }, tab('https://a.example/p'));
    await svc.open('id-1');
    svc.forgetTab(7);
    const reply = (await svc.handleContent({ type: 'cs-bg-highlights-for-page' }, tab('https://a.example/p', 7))) as { focusId?: string };
    expect(reply.focusId).toBeUndefined();
  });
});
