import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMatcher } from '../core/match/index.ts';
import { makeCorpus } from '../core/record/test-corpus.ts';
import { ensureMatcher, installCorpus, readActiveCorpus } from './corpus-store.ts';
import { OnRecordDb } from '../storage/db.ts';
import {
  DAMAGED_USER_LAYER_KEY, USER_LAYER_KEY, addAlias, addPosition, dismissDamagedUserLayer, listDamagedUserLayers, readDamagedCopy, readDamagedUserLayer, readUserLayer, removeAlias, removePosition,
} from './user-layer.ts';

let n = 0;
const dbs: OnRecordDb[] = [];
function freshDb(): OnRecordDb {
  const db = new OnRecordDb(`user-layer-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const textOf = (s: { text?: string }) => s.text ?? 'a text supplied from a file';
const POSITION = {
  actor: 'dmitry-peskov',
  topics: ['peace-talks'],
  stance: 'Talks can resume without preconditions.',
  quote: 'We are ready to talk without preconditions',
  date: { from: '2024-02-01', to: '2024-02-01', precision: 'day' },
  source: { title: 'Briefing', outlet: 'TASS', url: 'https://example.org/briefing', language: 'en' },
};

describe('user layer', () => {
  it('adds aliases the matcher finds, and a position with its source to the record', async () => {
    const db = freshDb();
    await installCorpus(db, makeCorpus(), 'bundled', textOf);
    const before = await readActiveCorpus(db);
    await addAlias(db, 'dmitry-peskov', { text: 'Пєсков', lang: 'uk' });
    const pos = await addPosition(db, before.corpus, POSITION);
    const after = await readActiveCorpus(db);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.corpus.entities.find((e) => e.id === 'dmitry-peskov')!.aliases.map((a) => a.text)).toContain('Пєсков');
    const added = after.corpus.positions.find((p) => p.id === pos.id)!;
    expect(added.quote).toBe(POSITION.quote);
    expect((await after.textOf(added.source))!.slice(added.passage.start, added.passage.end)).toBe(POSITION.quote);
    expect(after.corpus.sources.find((s) => s.id === added.source)!.outlet).toBe('TASS');

    const matcher = loadMatcher(await ensureMatcher(db, after.corpus, after.fingerprint));
    expect(matcher.scan('Заява: Пєсков сказав').map((m) => m.entityId)).toContain('dmitry-peskov');
  });

  it('a corpus update never erases the user layer', async () => {
    const db = freshDb();
    const corpus = makeCorpus();
    await installCorpus(db, corpus, 'bundled', textOf);
    await addAlias(db, 'vladimir-putin', { text: 'VVP' });
    const pos = await addPosition(db, corpus, POSITION);
    await installCorpus(db, { ...corpus, version: '2', positions: corpus.positions.slice(0, 2) }, 'bundled', textOf);
    const { corpus: active } = await readActiveCorpus(db);
    expect(active.version).toBe('test@2');
    expect(active.positions.map((p) => p.id)).toContain(pos.id);
    expect(active.entities.find((e) => e.id === 'vladimir-putin')!.aliases.map((a) => a.text)).toContain('VVP');
  });

  it('edits wait unapplied while their entity is absent, and return with it', async () => {
    const db = freshDb();
    const corpus = makeCorpus();
    await installCorpus(db, corpus, 'bundled', textOf);
    await addAlias(db, 'crimea', { text: 'Krym' });
    await db.corpora.update('test', { enabled: false });
    expect((await readActiveCorpus(db)).corpus.entities).toHaveLength(0);
    await db.corpora.update('test', { enabled: true });
    expect((await readActiveCorpus(db)).corpus.entities.find((e) => e.id === 'crimea')!.aliases.map((a) => a.text)).toContain('Krym');
  });

  it('a position that does not validate is refused with the validator\'s message and stores nothing', async () => {
    const db = freshDb();
    const corpus = makeCorpus();
    await installCorpus(db, corpus, 'bundled', textOf);
    await expect(addPosition(db, corpus, { ...POSITION, actor: 'nobody-known' })).rejects.toThrow(/nobody-known/);
    await expect(addPosition(db, corpus, { ...POSITION, date: { from: '2024-03-01', to: '2024-02-01', precision: 'day' } })).rejects.toThrow();
    expect((await readUserLayer(db)).positions).toHaveLength(0);
  });

  it('removes an alias and a position (with its source)', async () => {
    const db = freshDb();
    const corpus = makeCorpus();
    await installCorpus(db, corpus, 'bundled', textOf);
    await addAlias(db, 'crimea', { text: 'Krym' });
    const pos = await addPosition(db, corpus, POSITION);
    await removeAlias(db, 'crimea', 'Krym');
    await removePosition(db, pos.id);
    const layer = await readUserLayer(db);
    expect(layer).toEqual({ aliases: {}, sources: [], positions: [], entities: [] });
    const { fingerprint } = await readActiveCorpus(db);
    expect(fingerprint.endsWith('test@1')).toBe(true);
  });

  it('a damaged layer is not applied, is kept aside as it was on the next edit, and is never written over', async () => {
    const db = freshDb();
    await installCorpus(db, makeCorpus(), 'bundled', textOf);
    const damaged = { aliases: { 'dmitry-peskov': [{ text: 'Пєсков', lang: 'uk' }] }, positions: [{ id: 'half-written' }] };
    await db.settings.put({ key: USER_LAYER_KEY, value: damaged });

    expect((await readActiveCorpus(db)).corpus.positions.some((p) => p.id === 'half-written')).toBe(false);
    // Reading leaves it in place; the user is told what is wrong.
    expect((await db.settings.get(USER_LAYER_KEY))!.value).toEqual(damaged);
    expect((await readDamagedUserLayer(db))!.problem).toMatch(/positions/);

    await addAlias(db, 'crimea', { text: 'Krym' });
    const aside = await db.settings.get(DAMAGED_USER_LAYER_KEY);
    expect((aside!.value as { value: unknown }).value).toEqual(damaged);
    expect((await readUserLayer(db)).aliases).toEqual({ crimea: [{ text: 'Krym' }] });

    // A second damage never replaces the first copy.
    await db.settings.put({ key: USER_LAYER_KEY, value: { aliases: 'broken again' } });
    await removeAlias(db, 'crimea', 'Krym');
    expect(((await db.settings.get(DAMAGED_USER_LAYER_KEY))!.value as { value: unknown }).value).toEqual(damaged);
    const keys = (await db.settings.toArray()).map((r) => r.key).filter((k) => k.startsWith(DAMAGED_USER_LAYER_KEY));
    expect(keys).toHaveLength(2);
  });

  it('every damaged copy is listed (kept aside, and the one still in place), each read and forgotten by its key (issue 14, G4)', async () => {
    const db = freshDb();
    await installCorpus(db, makeCorpus(), 'bundled', textOf);
    const first = { aliases: 'broken' };
    const second = { positions: [{ id: 'half' }] };
    await db.settings.put({ key: USER_LAYER_KEY, value: first });
    await addAlias(db, 'crimea', { text: 'Krym' }); // moves the first aside
    await db.settings.put({ key: USER_LAYER_KEY, value: second });
    await addAlias(db, 'crimea', { text: 'Krym' }); // moves the second aside, under its own key
    await db.settings.put({ key: USER_LAYER_KEY, value: { aliases: 7 } }); // a third, still in place
    const list = await listDamagedUserLayers(db);
    expect(list.map((c) => c.inPlace)).toEqual([false, false, true]);
    expect(list[2]!.key).toBe(USER_LAYER_KEY);
    expect((await readDamagedCopy(db, list[0]!.key))!.value).toEqual(first);
    expect((await readDamagedCopy(db, list[1]!.key))!.value).toEqual(second);
    expect((await readDamagedCopy(db, USER_LAYER_KEY))!.value).toEqual({ aliases: 7 });
    expect(await readDamagedCopy(db, 'reviewer')).toBeUndefined(); // only damaged copies are handed out
    await dismissDamagedUserLayer(db, list[1]!.key);
    expect((await listDamagedUserLayers(db)).map((c) => c.key)).toEqual([list[0]!.key, USER_LAYER_KEY]);
    // A layer that reads is never forgotten from here.
    await db.settings.put({ key: USER_LAYER_KEY, value: { aliases: {}, positions: [], sources: [], entities: [] } });
    await dismissDamagedUserLayer(db, USER_LAYER_KEY);
    expect(await db.settings.get(USER_LAYER_KEY)).toBeDefined();
  });

  it('an entity id named like an Object property works', async () => {
    const db = freshDb();
    const corpus = makeCorpus();
    corpus.entities.push({ id: 'constructor', type: 'topic', label: 'Constructor', aliases: [{ text: 'Constructor' }], context: [] });
    await installCorpus(db, corpus, 'bundled', textOf);
    expect((await readActiveCorpus(db)).corpus.entities.find((e) => e.id === 'constructor')!.aliases).toHaveLength(1);
    await addAlias(db, 'constructor', { text: 'Builder' });
    expect((await readActiveCorpus(db)).corpus.entities.find((e) => e.id === 'constructor')!.aliases.map((a) => a.text)).toEqual(['Constructor', 'Builder']);
  });
});
