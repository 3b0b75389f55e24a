import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleHighlight } from '../core/annotations/testing.ts';
import { toCheckRow } from '../core/claims/check-record.ts';
import { makeCorpus } from '../core/record/test-corpus.ts';
import type { Corpus } from '../core/corpus/schema.ts';
import { createBackup, restoreBackup } from './backup.ts';
import { exportCorpus, importCorpus, listCorpora, removeCorpus, setCorpusEnabled } from './corpus-admin.ts';
import { installCorpus, readActiveCorpus } from './corpus-store.ts';
import { OnRecordDb } from '../storage/db.ts';
import { addAlias } from './user-layer.ts';

let n = 0;
const dbs: OnRecordDb[] = [];
function freshDb(): OnRecordDb {
  const db = new OnRecordDb(`backup-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const textOf = (s: { text?: string }) => s.text ?? 'a text supplied from a file';

const TEXT = 'Kremlin spokesman Dmitry Peskov said talks were stalled. Kyiv disagreed.';
/** A small importable corpus that passes the validator: its source carries its text, its quote is verbatim. */
function importable(): Corpus {
  return {
    formatVersion: 1,
    id: 'extra',
    title: 'Extra',
    version: '1',
    sides: [],
    sources: [{ id: 'x-src', title: 'Talks', outlet: 'Wire', language: 'en', published: { from: '2022-11-20', to: '2022-11-20', precision: 'day' }, framing: [], text: TEXT }],
    entities: [
      { id: 'x-peskov', type: 'person', label: 'Dmitry Peskov', aliases: [{ text: 'Dmitry Peskov' }], context: [] },
      { id: 'x-talks', type: 'topic', label: 'Talks', aliases: [{ text: 'talks', stem: true }], context: [] },
    ],
    positions: [
      { id: 'x-p1', actor: 'x-peskov', topics: ['x-talks'], stance: 'Talks are stalled.', quote: 'talks were stalled', date: { from: '2022-11-20', to: '2022-11-20', precision: 'day' }, source: 'x-src', passage: { start: 0, end: 56 }, links: [] },
    ],
  };
}

async function bundled(db: OnRecordDb): Promise<void> {
  await installCorpus(db, { ...makeCorpus(), id: 'seed' }, 'bundled', textOf);
}

describe('corpus admin', () => {
  it('imports a valid file, lists counts, switches it off and removes it', async () => {
    const db = freshDb();
    await bundled(db);
    await importCorpus(db, JSON.stringify(importable()), 'extra.json', 'seed');
    const listed = await listCorpora(db);
    expect(listed.map((c) => [c.id, c.origin, c.counts.positions])).toEqual([['seed', 'bundled', 8], ['extra', 'imported', 1]]);
    await setCorpusEnabled(db, 'extra', false);
    expect((await readActiveCorpus(db)).corpus.version).toBe('seed@1');
    await expect(removeCorpus(db, 'seed')).rejects.toThrow(/bundled/);
    await removeCorpus(db, 'extra');
    expect(await db.positions.where('corpusId').equals('extra').count()).toBe(0);
  });

  it('a bad file changes nothing and reports the validator\'s messages', async () => {
    const db = freshDb();
    await bundled(db);
    const bad = importable();
    bad.positions[0] = { ...bad.positions[0]!, actor: 'nobody' };
    await expect(importCorpus(db, JSON.stringify(bad), 'bad.json', 'seed')).rejects.toThrow(/bad\.json: positions\[0\]\.actor/);
    await expect(importCorpus(db, '{ "id": ', 'broken.json', 'seed')).rejects.toThrow(/broken\.json:1:/);
    await expect(importCorpus(db, JSON.stringify({ ...importable(), id: 'seed' }), 'x.json', 'seed')).rejects.toThrow(/bundled/);
    expect((await listCorpora(db)).map((c) => c.id)).toEqual(['seed']);
  });

  it('exports a corpus that imports back unchanged', async () => {
    const db = freshDb();
    await importCorpus(db, JSON.stringify(importable()), 'extra.json', 'seed');
    const out = await exportCorpus(db, 'extra');
    const other = freshDb();
    await importCorpus(other, JSON.stringify(out), 'again.json', 'seed');
    expect(await exportCorpus(other, 'extra')).toEqual(out);
  });
});

describe('backup', () => {
  it('back up, wipe, restore gives back corpora, user layer, highlights, checks and settings', async () => {
    const db = freshDb();
    await bundled(db);
    await importCorpus(db, JSON.stringify(importable()), 'extra.json', 'seed');
    await setCorpusEnabled(db, 'seed', false);
    await addAlias(db, 'x-peskov', { text: 'Песков', lang: 'ru' });
    await db.settings.put({ key: 'settings', value: { paused: true } });
    const highlights = [sampleHighlight(1, { note: 'n', tags: ['x'] }), sampleHighlight(2, { tags: [] })];
    const checks = [
      toCheckRow(
        { claim: 'Peskov said talks were off.', pageUrl: 'https://a.example/1', pageTitle: 'A', verdict: 'contradicts', note: '', positionIds: [], actorIds: ['dmitry-peskov'], topicIds: [] },
        1_700_000_000_000,
        'c1',
      ),
    ];
    await db.table('highlights').bulkPut(highlights);
    await db.table('checks').bulkPut(checks);
    const file = JSON.parse(JSON.stringify(await createBackup(db))) as unknown;

    const fresh = freshDb();
    await bundled(fresh);
    const restored = await restoreBackup(fresh, file);
    expect(restored).toEqual({ highlights: 2, checks: 1, corpora: 1 });
    expect(await fresh.table('highlights').toArray()).toEqual(highlights);
    expect(await fresh.table('checks').toArray()).toEqual(checks);
    expect((await fresh.settings.get('settings'))?.value).toEqual({ paused: true });
    expect(await exportCorpus(fresh, 'extra')).toEqual(await exportCorpus(db, 'extra'));
    const active = await readActiveCorpus(fresh);
    expect(active.corpus.version).toBe('extra@1');
    expect(active.corpus.entities.find((e) => e.id === 'x-peskov')!.aliases.map((a) => a.text)).toContain('Песков');
  });

  it('a damaged backup is refused and changes nothing', async () => {
    const db = freshDb();
    await bundled(db);
    await db.table('highlights').put({ id: 'keep', pageUrl: 'https://a.example/' });
    await expect(restoreBackup(db, { format: 'onrecord-backup', version: 1 })).rejects.toThrow(/not a valid OnRecord backup/);
    const good = JSON.parse(JSON.stringify(await createBackup(db))) as { corpora: unknown[]; highlights: unknown[] };
    good.highlights = [];
    good.corpora = [{ ...importable(), positions: [{ id: 'x' }] }];
    await expect(restoreBackup(db, good)).rejects.toThrow();
    expect(await db.table('highlights').count()).toBe(1);
    // A highlight row the library could not read is refused, with its path.
    const badRow = JSON.parse(JSON.stringify(await createBackup(db))) as { highlights: unknown[] };
    badRow.highlights = [{ ...sampleHighlight(3), selectors: 'lost' }];
    await expect(restoreBackup(db, badRow)).rejects.toThrow(/highlights\.0\.selectors/);
    expect(await db.table('highlights').count()).toBe(1);
  });
});
