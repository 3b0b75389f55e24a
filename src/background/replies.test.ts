/**
 * Replies are typed and validated like requests (issue 14): every content-script request has a reply
 * schema in shared/messages.ts, what the background really answers reads by it, and a reply that does not
 * read becomes an error in words at the receiver.
 */
import 'fake-indexeddb/auto';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({
  default: { tabs: { create: vi.fn(async () => ({ id: 7 })), query: vi.fn(async () => []) }, runtime: { sendMessage: vi.fn(async () => undefined) } },
}));

import { buildEntityRecord } from '../core/record/index.ts';
import { tabSettings } from '../core/settings.ts';
import { ContentReplies, ContentRequest, PageReplies, PageRequest, readReply } from '../shared/messages.ts';
import { ChecksService } from './checks-service.ts';
import { RecordingService } from './recording-service.ts';
import { ReviewQueue } from './review-queue.ts';
import { SettingsHandlers } from './settings-handlers.ts';
import { SettingsService } from './settings-service.ts';
import { UserLayerHandlers } from './user-layer-handlers.ts';
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

  it('every request an extension page may send has one (settings, user layer, checks, recording, review included)', () => {
    const types = PageRequest.options.map((o) => o.entries.type.literal).sort();
    expect(Object.keys(PageReplies).sort()).toEqual(types);
  });

  it('what the background answers extension pages reads by them: settings, user layer, checks, recording, review', async () => {
    const db = freshDb();
    const records = new RecordService(db, BUNDLED);
    const settings = new SettingsHandlers(new SettingsService(db));
    for (const req of [{ type: 'page-bg-get-settings' }, { type: 'page-bg-set-site', site: 'a.example', on: false }, { type: 'page-bg-update-settings', patch: { hoverDelayMs: 500 } }] as const) {
      expect(read(req.type, PageReplies[req.type], await settings.handle(req))).not.toHaveProperty('problem');
    }
    const layer = new UserLayerHandlers(db, records, async () => records.invalidate());
    const someone = (await records.active()).corpus.entities.find((e) => e.type === 'person')!.id;
    await layer.handle({ type: 'page-bg-add-alias', entityId: someone, alias: { text: 'The Spokesman', lang: 'en' } });
    const entities = await layer.handle({ type: 'page-bg-list-entities' });
    expect(read('page-bg-list-entities', PageReplies['page-bg-list-entities'], entities)).not.toHaveProperty('problem');
    expect(read('page-bg-damaged-user-layer', PageReplies['page-bg-damaged-user-layer'], await layer.handle({ type: 'page-bg-damaged-user-layer' }))).not.toHaveProperty('problem');

    const checks = new ChecksService(db, records);
    const check = await checks.check('Peskov said Russia was open to talks on Ukraine.');
    expect(read('page-bg-check-claim', PageReplies['page-bg-check-claim'], { check })).not.toHaveProperty('problem');
    const row = await checks.save({
      claim: check.claim, pageUrl: 'https://n.example/a', pageTitle: 'A', verdict: 'consistent', note: 'seen', positionIds: check.results.slice(0, 1).map((r) => r.position.id),
      actorIds: check.actors.map((a) => a.id), topicIds: [],
    });
    expect(read('page-bg-save-check', PageReplies['page-bg-save-check'], { check: row })).not.toHaveProperty('problem');
    const list = await checks.list();
    const listed = { checks: list, labels: await checks.labels(list.flatMap((c) => c.actorIds)), positions: await checks.positions(list.flatMap((c) => c.positionIds)) };
    expect(read('page-bg-list-checks', PageReplies['page-bg-list-checks'], listed)).not.toHaveProperty('problem');
    expect(read('page-bg-get-pending-claim', PageReplies['page-bg-get-pending-claim'], { pending: checks.pending(1) })).not.toHaveProperty('problem');

    const recording = new RecordingService(db, records, async () => records.invalidate());
    expect(read('page-bg-my-record', PageReplies['page-bg-my-record'], await recording.myRecord())).not.toHaveProperty('problem');
    const review = new ReviewQueue(db, records, recording);
    expect(read('page-bg-review-state', PageReplies['page-bg-review-state'], { state: await review.state() })).not.toHaveProperty('problem');
  });

  it('what the background answers reads by them', async () => {
    const db = freshDb();
    const records = new RecordService(db, BUNDLED);
    const active = await records.active();
    const scanned = new PageScans().scan(active, { tabId: 1, frameId: 0 }, '0123456789abcdef', 'Dmitry Peskov and Mykhailo Podolyak met in Istanbul.');
    expect(scanned.found.length).toBeGreaterThanOrEqual(6);
    expect(read('cs-bg-scan', ContentReplies['cs-bg-scan'], { replies: [scanned] })).not.toHaveProperty('problem');
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

  it('a malformed page reply is refused with the request and the field named', () => {
    const cases: Array<[keyof typeof PageReplies, object, RegExp]> = [
      ['page-bg-get-settings', { settings: { hoverDelayMs: 'soon' } }, /settings\.hoverDelayMs/],
      ['page-bg-list-checks', { checks: [{ id: 'c', verdict: 'true' }], labels: {}, positions: {} }, /checks\.0\./],
      ['page-bg-review-state', { state: { fileName: null, canUndo: false, items: [{ id: 'x', decision: 'maybe' }] } }, /state\.items\.0\./],
      ['page-bg-list-entities', { list: [{ id: 'e', label: 7 }], userPositions: [], damaged: null }, /list\.0\./],
      ['page-bg-record-statement', {}, /positionId/],
      ['page-bg-page-statements', { page: { url: 'u' }, statements: [], entities: {} }, /page\./],
    ];
    for (const [type, body, field] of cases) {
      const bad = readReply(type, PageReplies[type], { ok: true, ...body });
      expect(bad, type).toEqual({ problem: expect.stringMatching(new RegExp(`^${type}: the answer from OnRecord's background did not read \\(`)) });
      expect((bad as { problem: string }).problem, type).toMatch(field);
    }
  });
});
