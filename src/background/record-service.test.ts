import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCorpus } from '../core/record/test-corpus.ts';
import { BUNDLED, bundledCorpusFrom } from './bundled-corpus.ts';
import { OnRecordDb } from '../storage/db.ts';
import { RecordService } from './record-service.ts';
import { addAlias, readUserLayer } from './user-layer.ts';

let n = 0;
const dbs: OnRecordDb[] = [];
function freshDb(): OnRecordDb {
  const db = new OnRecordDb(`record-service-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const noFile = () => undefined;
/** The test corpus made to pass the validator (it is built for the record views, not for import). */
function validCorpus() {
  const c = makeCorpus();
  c.sources[1] = { ...c.sources[1]!, text: 'Ukraine will return all its land. Exports must go on.' };
  c.positions = c.positions.map((p) => {
    if (!p.quote) return p;
    const at = c.sources[0]!.text!.indexOf(p.quote);
    if (at >= 0) return { ...p, passage: { start: at, end: at + p.quote.length } };
    const { quote: _q, ...rest } = p;
    return { ...rest, paraphrase: p.quote };
  });
  return c;
}

describe('bundled record updates', () => {
  it('an update with the same version but new content replaces the installed record; user data stays', async () => {
    const db = freshDb();
    const old = validCorpus();
    await new RecordService(db, bundledCorpusFrom(old, noFile)).active();
    await addAlias(db, 'dmitry-peskov', { text: 'Пєсков', lang: 'uk' });
    await db.highlights.put({ id: 'h1' } as never);
    await db.checks.put({ id: 'c1' } as never);

    // The same id and version, one more position: what a changed seed.json without a version bump looks like.
    const updated = validCorpus();
    updated.positions.push({ ...updated.positions[0]!, id: 'peskov-new', stance: 'A newer stance.' });
    expect(updated.version).toBe(old.version);
    const service = new RecordService(db, bundledCorpusFrom(updated, noFile));
    const { corpus } = await service.active();

    expect(corpus.positions.map((p) => p.id)).toContain('peskov-new');
    expect(corpus.entities.find((e) => e.id === 'dmitry-peskov')!.aliases.map((a) => a.text)).toContain('Пєсков');
    expect((await readUserLayer(db)).aliases['dmitry-peskov']).toHaveLength(1);
    expect(await db.highlights.count()).toBe(1);
    expect(await db.checks.count()).toBe(1);
  });

  it('an unchanged bundle is not reinstalled', async () => {
    const db = freshDb();
    const bundle = bundledCorpusFrom(validCorpus(), noFile);
    await new RecordService(db, bundle).active();
    const first = await db.corpora.get('test');
    await new RecordService(db, bundledCorpusFrom(validCorpus(), noFile)).active();
    expect((await db.corpora.get('test'))!.installedAt).toBe(first!.installedAt);
  });

  it('a bundle that does not pass the validator is refused with its problems, not installed', async () => {
    const db = freshDb();
    const broken = { ...validCorpus(), positions: [{ id: 'x', actor: 'nobody' }] };
    await expect(new RecordService(db, bundledCorpusFrom(broken, noFile)).active()).rejects.toThrow(/positions/);
    expect(await db.corpora.count()).toBe(0);
  });

  it('the shipped seed passes the validator, with schema defaults applied', () => {
    const corpus = BUNDLED.load();
    expect(corpus.positions.length).toBeGreaterThan(0);
    expect(corpus.positions.every((p) => Array.isArray(p.links))).toBe(true);
    expect(corpus.sources.every((s) => Array.isArray(s.framing))).toBe(true);
    expect(BUNDLED.fingerprint).toMatch(/^[0-9a-z]+-[0-9a-z]+$/);
  });
});
