import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCorpus } from '../core/record/test-corpus.ts';
import { BUNDLED, bundledCorpusFrom } from './bundled-corpus.ts';
import { OnRecordDb } from '../storage/db.ts';
import { LOADING_TITLE, RecordService } from './record-service.ts';
import { InstallProgress } from './install-progress.ts';
import type { InstallProgressState } from '../shared/messages.ts';
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

describe('a start of the worker with a stored record (audit 11 A8)', () => {
  it('reuses the stored matcher, says it is loading while it reads, and never reports compiling', async () => {
    const db = freshDb();
    const bundle = bundledCorpusFrom(validCorpus(), noFile);
    const first = await new RecordService(db, bundle).active();
    const stored = await db.matchers.get('active');
    expect(stored?.fingerprint).toBe(first.fingerprint);
    const compiledAt = stored!.compiledAt;

    // A new worker life: a new service on the same database.
    const reports: (InstallProgressState | null)[] = [];
    const restarted = new RecordService(db, bundle, new InstallProgress((s) => reports.push(s)));
    const again = await restarted.active();
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.matcher).toEqual(first.matcher);
    expect((await db.matchers.get('active'))!.compiledAt).toBe(compiledAt);
    expect(reports[0]).toMatchObject({ title: LOADING_TITLE, phase: 'loading' });
    expect(reports.some((s) => s?.phase === 'compiling')).toBe(false);
    expect(reports.at(-1)).toBeNull();
    expect(again.wire.quiet).toEqual(first.wire.quiet);
  });

  it('a start that finds no stored matcher compiles it and says so', async () => {
    const db = freshDb();
    const bundle = bundledCorpusFrom(validCorpus(), noFile);
    await new RecordService(db, bundle).active();
    await db.matchers.clear();
    const reports: (InstallProgressState | null)[] = [];
    await new RecordService(db, bundle, new InstallProgress((s) => reports.push(s))).active();
    expect(reports.map((s) => s?.phase ?? null)).toEqual(['loading', 'compiling', null]);
    expect(await db.matchers.count()).toBe(1);
  });

  it('inside an install the load reports under the install, not as a load of its own', async () => {
    const db = freshDb();
    const reports: (InstallProgressState | null)[] = [];
    const progress = new InstallProgress((s) => reports.push(s));
    const service = new RecordService(db, bundledCorpusFrom(validCorpus(), noFile), progress);
    await progress.run('big.json', () => service.active());
    expect(reports.every((s) => s === null || s.title === 'big.json')).toBe(true);
    expect(reports.some((s) => s?.phase === 'loading')).toBe(false);
  });
});
