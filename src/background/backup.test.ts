import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleHighlight } from '../core/annotations/testing.ts';
import { toCheckRow } from '../core/claims/check-record.ts';
import { makeCorpus } from '../core/record/test-corpus.ts';
import type { Corpus } from '../core/corpus/schema.ts';
import { MAX_BACKUP_BYTES } from '../core/backup/check.ts';
import { createBackup, previewRestore, restoreBackup, RestoreRefused } from './backup.ts';
import { exportCorpus, importCorpus, listCorpora, removeCorpus, setCorpusEnabled } from './corpus-admin.ts';
import { installCorpus, readActiveCorpus } from './corpus-store.ts';
import { OnRecordDb } from '../storage/db.ts';
import { bundledCorpusFrom } from './bundled-corpus.ts';
import { addAlias, DAMAGED_USER_LAYER_KEY, readDamagedUserLayer, USER_LAYER_KEY, type DamagedUserLayer } from './user-layer.ts';

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

const TEXT = 'Kremlin spokesman Dmitry Peskov said the talks had stalled. Kyiv disagreed.';
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
      { id: 'x-p1', actor: 'x-peskov', topics: ['x-talks'], stance: 'Talks are stalled.', quote: 'the talks had stalled', date: { from: '2022-11-20', to: '2022-11-20', precision: 'day' }, source: 'x-src', passage: { start: 0, end: 59 }, links: [] },
    ],
  };
}

/** The bundled record these tests install (only its id matters to the imports here). */
const SEED = bundledCorpusFrom({ ...makeCorpus(), id: 'seed' }, () => 'a text supplied from a file');

async function bundled(db: OnRecordDb): Promise<void> {
  await installCorpus(db, { ...makeCorpus(), id: 'seed' }, 'bundled', textOf);
}

describe('corpus admin', () => {
  it('imports a valid file, lists counts, switches it off and removes it', async () => {
    const db = freshDb();
    await bundled(db);
    await importCorpus(db, JSON.stringify(importable()), 'extra.json', SEED);
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
    await expect(importCorpus(db, JSON.stringify(bad), 'bad.json', SEED)).rejects.toThrow(/bad\.json: positions\[0\]\.actor/);
    await expect(importCorpus(db, '{ "id": ', 'broken.json', SEED)).rejects.toThrow(/broken\.json:1:/);
    expect((await listCorpora(db)).map((c) => c.id)).toEqual(['seed']);
  });

  it('exports a corpus that imports back unchanged', async () => {
    const db = freshDb();
    await importCorpus(db, JSON.stringify(importable()), 'extra.json', SEED);
    const out = await exportCorpus(db, 'extra');
    const other = freshDb();
    await importCorpus(other, JSON.stringify(out), 'again.json', SEED);
    expect(await exportCorpus(other, 'extra')).toEqual(out);
  });
});

describe('backup', () => {
  it('back up, wipe, restore gives back corpora, user layer, highlights, checks and settings', async () => {
    const db = freshDb();
    await bundled(db);
    await importCorpus(db, JSON.stringify(importable()), 'extra.json', SEED);
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
    const restored = await restoreBackup(fresh, JSON.stringify(file));
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
    await expect(restoreBackup(db, JSON.stringify({ format: 'onrecord-backup', version: 1 }))).rejects.toThrow(/This backup is damaged/);
    const good = JSON.parse(JSON.stringify(await createBackup(db))) as { corpora: unknown[]; highlights: unknown[] };
    good.highlights = [];
    good.corpora = [{ ...importable(), positions: [{ id: 'x' }] }];
    await expect(restoreBackup(db, JSON.stringify(good))).rejects.toThrow(/corpus 1/);
    expect(await db.table('highlights').count()).toBe(1);
    // A highlight row the library could not read is refused, with its path.
    const badRow = JSON.parse(JSON.stringify(await createBackup(db))) as { highlights: unknown[] };
    badRow.highlights = [{ ...sampleHighlight(3), selectors: 'lost' }];
    await expect(restoreBackup(db, JSON.stringify(badRow))).rejects.toThrow(/highlight 1, field “selectors”/);
    expect(await db.table('highlights').count()).toBe(1);
  });

  it('a backup with a user layer that does not read restores everything else and keeps the layer aside', async () => {
    const db = freshDb();
    await bundled(db);
    await db.table('highlights').put(sampleHighlight(7));
    const file = JSON.parse(JSON.stringify(await createBackup(db))) as { settings: { key: string; value: unknown }[]; highlights: unknown[] };
    file.highlights = [sampleHighlight(1), sampleHighlight(2)];
    const bad = { aliases: {}, sources: [{ id: 'user-s-1', text: 'x' }], positions: [{ id: 'user-p-1', actor: 'x-peskov', source: 'user-s-1' }] };
    file.settings.push({ key: 'user-layer', value: bad });
    const preview = await previewRestore(db, JSON.stringify(file));
    expect('preview' in preview && preview.preview.damagedInBackup).toBe(true);
    await restoreBackup(db, JSON.stringify(file));
    expect(await db.table('highlights').count()).toBe(2);
    expect(await db.settings.get(USER_LAYER_KEY)).toBeUndefined();
    expect((await readDamagedUserLayer(db))?.value).toEqual(bad);
    await expect(readActiveCorpus(db)).resolves.toBeDefined();
  });

  it('a backup made while the user layer is damaged carries it aside, and restoring it gives everything back', async () => {
    const db = freshDb();
    await bundled(db);
    await db.table('highlights').bulkPut([sampleHighlight(1), sampleHighlight(2)]);
    const bad = { aliases: { 'x-peskov': [{ text: 'Пєсков', lang: 'uk' }] }, sources: [], positions: [{ id: 'half-written' }], entities: [] };
    await db.settings.put({ key: USER_LAYER_KEY, value: bad });
    const backup = await createBackup(db);
    expect(backup.settings.find((r) => r.key === USER_LAYER_KEY)).toBeUndefined();
    await db.table('highlights').clear();
    await restoreBackup(db, JSON.stringify(backup));
    expect(await db.table('highlights').count()).toBe(2);
    expect((await readDamagedUserLayer(db))?.value).toEqual(bad);
  });

  it('a restore keeps the damaged copies kept aside here, beside those of the backup', async () => {
    const db = freshDb();
    await bundled(db);
    await db.settings.put({ key: USER_LAYER_KEY, value: { positions: [{ id: 'old' }] } });
    const backup = await createBackup(db);
    await db.settings.put({ key: USER_LAYER_KEY, value: { positions: [{ id: 'newer' }] } });
    await addAlias(db, 'x-peskov', { text: 'Песков', lang: 'ru' }); // moves the newer damaged layer aside
    const preview = await previewRestore(db, JSON.stringify(backup));
    expect('preview' in preview && preview.preview.damagedHere).toBe(1);
    await restoreBackup(db, JSON.stringify(backup));
    const kept = (await db.settings.toArray()).filter((r) => r.key.startsWith(DAMAGED_USER_LAYER_KEY)).map((r) => (r.value as DamagedUserLayer).value);
    expect(kept).toHaveLength(2);
    expect(kept).toEqual(expect.arrayContaining([{ positions: [{ id: 'old' }] }, { positions: [{ id: 'newer' }] }]));
  });

  it('a wrong file gets one sentence that says what it is', async () => {
    const db = freshDb();
    const refusal = async (text: string) => {
      const result = await previewRestore(db, text);
      return 'refusal' in result ? result.refusal.kind : 'accepted';
    };
    expect(await refusal(JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', items: [] }))).toBe('highlights-export');
    expect(await refusal(JSON.stringify(importable()))).toBe('corpus-file');
    expect(await refusal('[1, 2]')).toBe('not-backup');
    expect(await refusal('{ "format": ')).toBe('not-json');
    expect(await refusal('['.repeat(10_000) + ']'.repeat(10_000))).toBe('too-deep');
    const deep = `{"a":`.repeat(10_000) + '1' + '}'.repeat(10_000);
    const deepBackup = JSON.stringify(await createBackup(db)).replace('"settings":[', `"settings":[{"key":"x","value":${deep}}`);
    expect(await refusal(deepBackup)).toBe('too-deep');
    expect(await refusal('x'.repeat(MAX_BACKUP_BYTES + 1))).toBe('too-large');
    await expect(restoreBackup(db, JSON.stringify({ type: 'AnnotationCollection', items: [] }))).rejects.toThrow('This is a highlights export, not a backup');
  });

  it('the preview counts what a restore replaces, and writes nothing', async () => {
    const db = freshDb();
    await bundled(db);
    await importCorpus(db, JSON.stringify(importable()), 'extra.json', SEED);
    await addAlias(db, 'x-peskov', { text: 'Песков', lang: 'ru' });
    await db.table('highlights').bulkPut([sampleHighlight(1), sampleHighlight(2)]);
    const text = JSON.stringify(await createBackup(db));
    await db.table('highlights').put(sampleHighlight(3));
    const result = await previewRestore(db, text);
    if (!('preview' in result)) throw new Error('refused');
    expect(result.preview.current).toEqual({ highlights: 3, checks: 0, corpora: 1, aliases: 1, positions: 0 });
    expect(result.preview.incoming).toEqual({ highlights: 2, checks: 0, corpora: 1, aliases: 1, positions: 0 });
    expect(await db.table('highlights').count()).toBe(3);
  });

  it('a corpus with the id "constructor" backs up and restores', async () => {
    const db = freshDb();
    await bundled(db);
    await importCorpus(db, JSON.stringify({ ...importable(), id: 'constructor' }), 'c.json', SEED);
    await setCorpusEnabled(db, 'constructor', false);
    const text = JSON.stringify(await createBackup(db));
    const fresh = freshDb();
    await bundled(fresh);
    await restoreBackup(fresh, text);
    expect((await fresh.corpora.get('constructor'))!.enabled).toBe(false);
  });
});
