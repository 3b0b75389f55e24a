import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMatcher } from '../core/match/index.ts';
import { makeCorpus } from '../core/record/test-corpus.ts';
import { ensureMatcher, installCorpus, readActiveCorpus } from './corpus-store.ts';
import { OnRecordDb } from '../storage/db.ts';

let n = 0;
const dbs: OnRecordDb[] = [];
function freshDb(): OnRecordDb {
  const db = new OnRecordDb(`test-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const textOf = (s: { text?: string }) => s.text ?? 'a text supplied from a file';

describe('corpus store', () => {
  it('installs a corpus and reads back the same record', async () => {
    const db = freshDb();
    const corpus = makeCorpus();
    await installCorpus(db, corpus, 'bundled', textOf);
    const { corpus: active, textOf: readText } = await readActiveCorpus(db);
    expect(active.entities.map((e) => e.id).sort()).toEqual(corpus.entities.map((e) => e.id).sort());
    expect(active.positions).toHaveLength(corpus.positions.length);
    expect(active.sources.every((s) => !('corpusId' in s) && !('text' in s && s.text === undefined))).toBe(true);
    expect(await readText('src-b')).toBe('a text supplied from a file');
    expect(await readText('no-such-source')).toBeUndefined();
  });

  it('replaces a corpus whole: rows the new version dropped are gone, other corpora untouched', async () => {
    const db = freshDb();
    const corpus = makeCorpus();
    await installCorpus(db, corpus, 'bundled', textOf);
    await installCorpus(db, { ...corpus, id: 'other', entities: corpus.entities.slice(0, 1).map((e) => ({ ...e, id: 'other-x' })), positions: [] }, 'imported', textOf);
    const smaller = { ...corpus, version: '2', positions: corpus.positions.slice(0, 1) };
    await installCorpus(db, smaller, 'bundled', textOf);
    expect(await db.positions.where('corpusId').equals('test').count()).toBe(1);
    expect(await db.entities.where('corpusId').equals('other').count()).toBe(1);
    expect((await db.corpora.get('test'))?.version).toBe('2');
  });

  it('a corpus update never touches user data', async () => {
    const db = freshDb();
    // Partial rows through the untyped table API: only their survival matters here.
    await db.table('highlights').put({ id: 'h1', pageUrl: 'https://news.example/a', note: 'mine' });
    await db.table('checks').put({ id: 'c1', pageUrl: 'https://news.example/a', verdict: 'misattributed' });
    await db.settings.put({ key: 'hoverDelayMs', value: 500 });
    await installCorpus(db, makeCorpus(), 'bundled', textOf);
    await installCorpus(db, { ...makeCorpus(), version: '2' }, 'bundled', textOf);
    expect(await db.table('highlights').get('h1')).toMatchObject({ note: 'mine' });
    expect(await db.table('checks').get('c1')).toMatchObject({ verdict: 'misattributed' });
    expect(await db.settings.get('hoverDelayMs')).toEqual({ key: 'hoverDelayMs', value: 500 });
  });

  it('a failing install writes nothing', async () => {
    const db = freshDb();
    const corpus = makeCorpus();
    await installCorpus(db, corpus, 'bundled', textOf);
    const broken = { ...corpus, version: '3', sources: [...corpus.sources, { ...corpus.sources[1]!, id: 'no-text' }] };
    await expect(installCorpus(db, broken, 'bundled', () => undefined)).rejects.toThrow(/no-text.*no text|has no text/);
    expect((await db.corpora.get('test'))?.version).toBe('1');
    expect(await db.positions.count()).toBe(corpus.positions.length);
  });

  it('compiles the matcher once and serves the stored one while the corpus is unchanged', async () => {
    const db = freshDb();
    await installCorpus(db, makeCorpus(), 'bundled', textOf);
    const { corpus, fingerprint } = await readActiveCorpus(db);
    const first = await ensureMatcher(db, corpus, fingerprint);
    const stored = await db.matchers.get('active');
    expect(stored?.fingerprint).toBe(fingerprint);
    const again = await ensureMatcher(db, { ...corpus, entities: [] }, fingerprint);
    // Same fingerprint: the stored automaton is served, even though these entities would compile to nothing.
    const hits = loadMatcher(again).scan('Dmitry Peskov spoke.');
    expect(hits.map((h) => h.entityId)).toEqual(['dmitry-peskov']);
    expect(loadMatcher(first).scan('Dmitry Peskov spoke.')).toEqual(hits);
    // A corpus install invalidates it.
    await installCorpus(db, { ...makeCorpus(), version: '9' }, 'bundled', textOf);
    expect(await db.matchers.count()).toBe(0);
  });
});
