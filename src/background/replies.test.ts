/**
 * Replies are typed and validated like requests (issue 14): every content-script request has a reply
 * schema in shared/messages.ts, what the background really answers reads by it, and a reply that does not
 * read becomes an error in words at the receiver.
 */
import 'fake-indexeddb/auto';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { tabs: { create: vi.fn(async () => ({ id: 7 })) } } }));

import { buildEntityRecord } from '../core/record/index.ts';
import { tabSettings } from '../core/settings.ts';
import { ContentReplies, ContentRequest, PageReplies, readReply } from '../shared/messages.ts';
import { OnRecordDb } from '../storage/db.ts';
import { BUNDLED } from './bundled-corpus.ts';
import { createBackup, previewRestore } from './backup.ts';
import { exportCorpus, listCorpora, previewImport } from './corpus-admin.ts';
import { HighlightsService } from './highlights-service.ts';
import { RecordService } from './record-service.ts';
import { PageScans } from './page-scan.ts';
import { readSettings } from '../core/settings.ts';

let n = 0;
const dbs: OnRecordDb[] = [];
function freshDb(): OnRecordDb {
  const db = new OnRecordDb(`replies-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** What a receiver does with a reply (the envelope's `ok` added by the router). */
function read(type: string, schema: v.GenericSchema, body: object) {
  return readReply<object>(type, schema, { ok: true, ...JSON.parse(JSON.stringify(body)) as object });
}

describe('reply schemas', () => {
  it('every request a content script may send has one', () => {
    const types = ContentRequest.options.map((o) => o.entries.type.literal).sort();
    expect(Object.keys(ContentReplies).sort()).toEqual(types);
  });

  it('what the background answers reads by them', async () => {
    const db = freshDb();
    const records = new RecordService(db, BUNDLED);
    const active = await records.active();
    const scanned = new PageScans().scan(active, { tabId: 1, frameId: 0 }, '0123456789abcdef', 'Dmitry Peskov and Mykhailo Podolyak met in Istanbul.');
    expect(scanned.found.length).toBeGreaterThanOrEqual(6);
    expect(read('cs-bg-scan', ContentReplies['cs-bg-scan'], scanned)).not.toHaveProperty('problem');
    const someone = active.corpus.positions[0]!.actor;
    expect(read('cs-bg-get-record', ContentReplies['cs-bg-get-record'], { record: buildEntityRecord(active.corpus, someone) })).not.toHaveProperty('problem');
    const topic = active.corpus.entities.find((e) => e.type === 'topic')!.id;
    expect(read('cs-bg-get-record', ContentReplies['cs-bg-get-record'], { record: buildEntityRecord(active.corpus, topic) })).not.toHaveProperty('problem');
    expect(read('cs-bg-get-settings', ContentReplies['cs-bg-get-settings'], { settings: tabSettings(readSettings({}), 'a.example'), fingerprint: 'f' })).not.toHaveProperty('problem');

    const highlights = new HighlightsService(db, records, () => 'h-1');
    const sender = { id: 'ext', url: 'https://n.example/a', tab: { id: 1 } as never };
    const saved = await highlights.handleContent({ type: 'cs-bg-highlight-save', pageTitle: 'A', selectors: { quote: { exact: 'talks', prefix: '', suffix: '' }, position: { start: 0, end: 5 } }, note: 'n' }, sender);
    expect(read('cs-bg-highlight-save', ContentReplies['cs-bg-highlight-save'], saved)).not.toHaveProperty('problem');
    const forPage = await highlights.handleContent({ type: 'cs-bg-highlights-for-page' }, sender);
    expect(read('cs-bg-highlights-for-page', ContentReplies['cs-bg-highlights-for-page'], forPage)).not.toHaveProperty('problem');

    expect(read('page-bg-list-corpora', PageReplies['page-bg-list-corpora'], { corpora: await listCorpora(db), bundledId: BUNDLED.id })).not.toHaveProperty('problem');
    const file = JSON.stringify(await exportCorpus(db, BUNDLED.id));
    expect(read('page-bg-export-corpus', PageReplies['page-bg-export-corpus'], { corpus: JSON.parse(file) as object })).not.toHaveProperty('problem');
    expect(read('page-bg-preview-corpus-import', PageReplies['page-bg-preview-corpus-import'], { plan: await previewImport(db, file, 'x.json', BUNDLED) })).not.toHaveProperty('problem');
    const backup = await createBackup(db);
    expect(read('page-bg-backup', PageReplies['page-bg-backup'], { backup })).not.toHaveProperty('problem');
    expect(read('page-bg-restore-preview', PageReplies['page-bg-restore-preview'], await previewRestore(db, JSON.stringify(backup)))).not.toHaveProperty('problem');
    expect(read('page-bg-restore-preview', PageReplies['page-bg-restore-preview'], await previewRestore(db, '[]'))).not.toHaveProperty('problem');
  });

  it('a reply that does not read is an error in words, naming the request and the field', () => {
    const bad = readReply('cs-bg-highlight-save', ContentReplies['cs-bg-highlight-save'], { ok: true, highlight: { id: 'x', note: 42 } });
    expect(bad).toEqual({ problem: expect.stringMatching(/^cs-bg-highlight-save: the answer from OnRecord's background did not read \(highlight\.\w+: /) });
    const settings = readReply('cs-bg-get-settings', ContentReplies['cs-bg-get-settings'], { ok: true, settings: { on: 'yes' }, fingerprint: 'f' });
    expect(settings).toHaveProperty('problem');
  });
});
