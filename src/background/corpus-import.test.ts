import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCorpus } from '../core/record/test-corpus.ts';
import type { Corpus } from '../core/corpus/schema.ts';
import { isNoChange, NO_EDITS } from '../core/corpus/import-plan.ts';
import { BUNDLED, bundledCorpusFrom, type BundledCorpus } from './bundled-corpus.ts';
import { BUNDLED_EDITS_KEY, saveBundledEdits } from './bundled-edits.ts';
import { exportCorpus, importCorpus, importUndoOffer, IMPORT_UNDO_MS, listCorpora, previewImport, undoLastImport } from './corpus-admin.ts';
import { RecordService } from './record-service.ts';
import { readActiveCorpus } from './corpus-store.ts';
import { OnRecordDb } from '../storage/db.ts';
import { addAlias } from './user-layer.ts';
import { CorporaHandlers } from './corpora-handlers.ts';
import { InstallProgress, PROGRESS_INTERVAL_MS } from './install-progress.ts';
import type { InstallProgressState } from '../shared/messages.ts';
import { syntheticRecord } from '../../bench/lib/synthetic-record.ts';

let n = 0;
const dbs: OnRecordDb[] = [];
function freshDb(): OnRecordDb {
  const db = new OnRecordDb(`corpus-import-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** The test corpus made to pass the validator, as a small bundled record. */
function validCorpus(): Corpus {
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
const noFile = () => undefined;
const bundleOf = (c: Corpus): BundledCorpus => bundledCorpusFrom(c, noFile);

async function installed(db: OnRecordDb, bundle: BundledCorpus): Promise<RecordService> {
  const records = new RecordService(db, bundle);
  await records.active();
  return records;
}

describe('corpus import preview', () => {
  it('re-importing an export of the shipped bundled record previews no change', async () => {
    const db = freshDb();
    await installed(db, BUNDLED);
    const file = JSON.stringify(await exportCorpus(db, BUNDLED.id));
    const plan = await previewImport(db, file, 'seed-export.json', BUNDLED);
    expect(plan.refusals).toEqual([]);
    expect(plan.updates).toMatchObject({ id: BUNDLED.id, origin: 'bundled' });
    expect(plan.repeat).toBeUndefined();
    expect(plan.diff.positions).toEqual({ added: [], changed: [], removed: [] });
    expect(plan.diff.entities).toEqual({ added: [], changed: [], removed: [] });
    expect(plan.diff.sources).toEqual({ added: [], changed: [], removed: [] });
    expect(isNoChange(plan.diff)).toBe(true);
  });

  it('re-importing an imported corpus previews no change; an edit shows by name', async () => {
    const db = freshDb();
    const bundle = bundleOf(validCorpus());
    await installed(db, bundle);
    const mine: Corpus = { ...validCorpus(), id: 'mine', title: 'Mine' };
    mine.entities = mine.entities.map((e) => ({ ...e, id: `m-${e.id}`, label: `${e.label} (m)`, aliases: [{ text: `${e.label} M` }] }));
    mine.positions = mine.positions.map((p) => ({ ...p, id: `m-${p.id}`, actor: `m-${p.actor}`, topics: p.topics.map((t) => `m-${t}`), ...(p.reportedBy ? { reportedBy: `m-${p.reportedBy}` } : {}), links: p.links.map((l) => ({ ...l, target: `m-${l.target}` })) }));
    mine.sources = mine.sources.map((s) => ({ ...s, id: `m-${s.id}` }));
    mine.positions = mine.positions.map((p) => ({ ...p, source: `m-${p.source}` }));
    mine.sides = [];
    mine.entities = mine.entities.map(({ side: _s, ...e }) => e);
    await importCorpus(db, JSON.stringify(mine), 'mine.json', bundle);
    const again = JSON.stringify(await exportCorpus(db, 'mine'));
    expect(isNoChange((await previewImport(db, again, 'mine.json', bundle)).diff)).toBe(true);

    const edited = JSON.parse(again) as Corpus;
    edited.positions[0] = { ...edited.positions[0]!, stance: 'A revised stance.' };
    edited.entities.push({ id: 'm-lavrov', type: 'person', label: 'Sergey Lavrov', aliases: [{ text: 'Lavrov' }], context: [] });
    const plan = await previewImport(db, JSON.stringify(edited), 'mine-2.json', bundle);
    expect(plan.diff.entities.added).toEqual([{ id: 'm-lavrov', name: 'Sergey Lavrov' }]);
    expect(plan.diff.positions.changed).toHaveLength(1);
    expect(plan.diff.positions.changed[0]!.name).toMatch(/^Dmitry Peskov \(m\): “/);
  });

  it('every refusal is known at preview, and Apply refuses the same way, writing nothing', async () => {
    const db = freshDb();
    const bundle = bundleOf(validCorpus());
    await installed(db, bundle);
    const noText: Corpus = {
      formatVersion: 1, id: 'files', title: 'Files', version: '1', sides: [],
      sources: [{ id: 'f-src', title: 'On disk', outlet: 'Wire', language: 'en', published: { from: '2022-01-01', to: '2022-01-01', precision: 'day' }, framing: [], file: 'on-disk.txt' }],
      entities: [{ id: 'f-a', type: 'person', label: 'Anna Example', aliases: [{ text: 'Anna Example' }], context: [] }],
      positions: [],
    };
    const plan = await previewImport(db, JSON.stringify(noText), 'files.json', bundle);
    expect(plan.refusals).toHaveLength(1);
    expect(plan.refusals[0]).toMatch(/the source “On disk” names a text file instead of carrying its text/);
    await expect(importCorpus(db, JSON.stringify(noText), 'files.json', bundle)).rejects.toThrow(plan.refusals[0]!);
    const bad = await previewImport(db, '{ "id": ', 'broken.json', bundle);
    expect(bad.refusals[0]).toMatch(/^broken\.json:1:/);
    expect((await listCorpora(db)).map((c) => c.id)).toEqual(['test']);
  });
});

describe('a corpus that repeats another', () => {
  /** The bundled record exported, given a new id and title: what doubled every position before. */
  async function copyUnderNewId(db: OnRecordDb, bundledId: string): Promise<string> {
    const copy = (await exportCorpus(db, bundledId))!;
    return JSON.stringify({ ...copy, id: 'my-copy', title: 'My copy' });
  }

  it('is detected at preview; Apply without a choice refuses', async () => {
    const db = freshDb();
    await installed(db, BUNDLED);
    const text = await copyUnderNewId(db, BUNDLED.id);
    const plan = await previewImport(db, text, 'copy.json', BUNDLED);
    const total = BUNDLED.load().positions.length;
    expect(plan.repeat).toMatchObject({ id: BUNDLED.id, origin: 'bundled', repeated: total, of: total });
    expect(plan.repeat!.updateRefusal).toBeUndefined();
    expect(isNoChange(plan.repeat!.updateDiff)).toBe(true);
    await expect(importCorpus(db, text, 'copy.json', BUNDLED)).rejects.toThrow(/choose to update it, replace it, or cancel/);
    expect(await db.corpora.count()).toBe(1);
  });

  it('"replace" switches the bundled record off and installs the copy: each position once', async () => {
    const db = freshDb();
    const records = await installed(db, BUNDLED);
    const text = await copyUnderNewId(db, BUNDLED.id);
    await importCorpus(db, text, 'copy.json', BUNDLED, 'replace');
    records.invalidate();
    const { corpus } = await records.active();
    expect(corpus.positions).toHaveLength(BUNDLED.load().positions.length);
    expect(new Set(corpus.entities.map((e) => e.id)).size).toBe(corpus.entities.length);
    expect((await db.corpora.get(BUNDLED.id))!.enabled).toBe(false);
    expect((await db.corpora.get('my-copy'))!.enabled).toBe(true);
  });

  it('"update" lays an edited copy over the imported corpus it repeats, keeping that corpus\'s ids', async () => {
    const db = freshDb();
    const bundle = bundleOf(validCorpus());
    await installed(db, bundle);
    const theirs: Corpus = { ...validCorpus(), id: 'theirs', title: 'Theirs' };
    // Not the bundle's words: a corpus of its own, imported first.
    theirs.positions = theirs.positions.filter((p) => p.actor === 'zelensky-none');
    const base = { ...theirs, sides: [], entities: [{ id: 't-anna', type: 'person' as const, label: 'Anna Example', aliases: [{ text: 'Anna Example' }], context: [] }],
      sources: [{ id: 't-src', title: 'Note', outlet: 'Wire', language: 'en', published: { from: '2022-01-01', to: '2022-01-01', precision: 'day' as const }, framing: [], text: 'Anna Example said peace is near. Others doubted it.' }],
      positions: [{ id: 't-p1', actor: 't-anna', topics: [], stance: 'Peace is near.', quote: 'peace is near', date: { from: '2022-01-01', to: '2022-01-01', precision: 'day' as const }, source: 't-src', passage: { start: 0, end: 32 }, links: [] }] };
    await importCorpus(db, JSON.stringify(base), 'theirs.json', bundle);
    const copy = { ...base, id: 'renamed', title: 'Renamed', version: '2',
      entities: [{ ...base.entities[0]!, id: 'r-anna' }],
      sources: [{ ...base.sources[0]!, id: 'r-src' }],
      positions: [{ ...base.positions[0]!, id: 'r-p1', actor: 'r-anna', source: 'r-src', stance: 'Peace is close.' }] };
    const plan = await previewImport(db, JSON.stringify(copy), 'renamed.json', bundle);
    expect(plan.repeat).toMatchObject({ id: 'theirs', repeated: 1, of: 1 });
    expect(plan.repeat!.updateDiff.positions.changed).toEqual([{ id: 't-p1', name: 'Anna Example: “peace is near”' }]);
    const row = await importCorpus(db, JSON.stringify(copy), 'renamed.json', bundle, 'update');
    expect(row.id).toBe('theirs');
    expect(row.version).toBe('2');
    expect((await exportCorpus(db, 'theirs'))!.positions).toEqual([{ ...base.positions[0], stance: 'Peace is close.' }]);
    expect(await db.corpora.get('renamed')).toBeUndefined();
  });
});

describe('a corpus that shares only some positions with another (issue 14, G2)', () => {
  const TEXT = 'Anna Example said peace is near. Others doubted it. A new deal is coming.';
  const span = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });
  const day = { from: '2022-01-01', to: '2022-01-01', precision: 'day' as const };
  const pos = (id: string, actor: string, source: string, quote: string) => ({ id, actor, topics: [], stance: quote, quote, date: day, source, passage: span(quote), links: [] });
  /** "My notes": two positions of Anna's, imported first. */
  function myNotes(): Corpus {
    return { ...validCorpus(), id: 'my-notes', title: 'My notes', version: '1', sides: [],
      entities: [{ id: 'm-anna', type: 'person', label: 'Anna Example', aliases: [{ text: 'Anna Example' }], context: [] }],
      sources: [{ id: 'm-src', title: 'Note', outlet: 'Wire', language: 'en', published: day, framing: [], text: TEXT }],
      positions: [pos('m-p1', 'm-anna', 'm-src', 'peace is near'), pos('m-p2', 'm-anna', 'm-src', 'Others doubted it')] };
  }
  /** A colleague's file: one of those positions under other ids, and one new. */
  function theirs(): Corpus {
    return { ...myNotes(), id: 'colleague', title: 'Colleague', version: '3',
      entities: [{ ...myNotes().entities[0]!, id: 'c-anna' }], sources: [{ ...myNotes().sources[0]!, id: 'c-src' }],
      positions: [pos('c-p1', 'c-anna', 'c-src', 'peace is near'), pos('c-p2', 'c-anna', 'c-src', 'A new deal is coming')] };
  }
  async function setUp() {
    const db = freshDb();
    const bundle = bundleOf(validCorpus());
    await installed(db, bundle);
    await importCorpus(db, JSON.stringify(myNotes()), 'my-notes.json', bundle);
    return { db, bundle };
  }

  it('the preview says how many positions which corpus holds, and it is not treated as a copy', async () => {
    const { db, bundle } = await setUp();
    const plan = await previewImport(db, JSON.stringify(theirs()), 'colleague.json', bundle);
    expect(plan.repeat).toMatchObject({ id: 'my-notes', full: false, repeated: 1, of: 2, overlaps: [{ id: 'my-notes', title: 'My notes', repeated: 1, of: 2 }], newOnly: { positions: 1 } });
    // The copy's choices are not offered for an overlap, nor is no choice.
    for (const choice of [undefined, 'update', 'replace'] as const) {
      await expect(importCorpus(db, JSON.stringify(theirs()), 'colleague.json', bundle, choice)).rejects.toThrow(/shares 1 of its 2 positions with “My notes”: choose to add the new ones to it, import only the new ones, keep both, or cancel/);
    }
    expect((await listCorpora(db)).map((c) => c.id).sort()).toEqual([bundle.id, 'my-notes'].sort());
  });

  it('"merge" adds the new position to My notes and keeps the one the file does not have; Undo puts My notes back', async () => {
    const { db, bundle } = await setUp();
    const before = await exportCorpus(db, 'my-notes');
    const row = await importCorpus(db, JSON.stringify(theirs()), 'colleague.json', bundle, 'merge');
    expect(row).toMatchObject({ id: 'my-notes', title: 'My notes', version: '1' });
    expect((await exportCorpus(db, 'my-notes'))!.positions.map((p) => p.quote).sort()).toEqual(['A new deal is coming', 'Others doubted it', 'peace is near']);
    expect(await db.corpora.get('colleague')).toBeUndefined();
    expect(await importUndoOffer(db)).toMatchObject({ fileName: 'colleague.json' });
    await undoLastImport(db, bundle);
    expect(await exportCorpus(db, 'my-notes')).toEqual(before);
    expect(await importUndoOffer(db)).toBeUndefined();
  });

  it('"merge" never writes over a bundled position whose id the file reuses for another speaker\'s words: it is added under a fresh id, the preview says so, Undo restores', async () => {
    const db = freshDb();
    const seed = validCorpus();
    const bundle = bundleOf(seed);
    await installed(db, bundle);
    const rows = async () => (await readActiveCorpus(db)).corpus.positions.map((p) => `${p.id}|${p.actor}|${p.stance}`).sort();
    const before = await rows();
    // The file: every bundled position but the last, and the last's id carried by another speaker's statement.
    const last = seed.positions.at(-1)!;
    const other = seed.positions.find((p) => p.actor !== last.actor)!;
    const reused = { ...other, id: last.id, stance: 'A different statement entirely.' };
    const file = JSON.stringify({ ...seed, id: 'part', title: 'Part', positions: seed.positions.map((p) => (p.id === last.id ? reused : p)) });
    const plan = await previewImport(db, file, 'part.json', bundle);
    expect(plan.repeat).toMatchObject({ id: bundle.id, full: false, repeated: seed.positions.length - 1, of: seed.positions.length, newOnly: { positions: 1 } });
    // The preview of "merge" agrees with the identity rule: one added (under a fresh id), none changed or removed.
    expect(plan.repeat!.updateDiff.positions.added.map((x) => x.id)).toEqual([`${last.id}.imported`]);
    expect(plan.repeat!.updateDiff.positions.changed).toEqual([]);
    expect(plan.repeat!.updateDiff.positions.removed).toEqual([]);
    await importCorpus(db, file, 'part.json', bundle, 'merge');
    const after = await rows();
    // The bundled position is unchanged and the file's statement is added beside it.
    expect(after.filter((x) => !before.includes(x))).toEqual([`${last.id}.imported|${other.actor}|A different statement entirely.`]);
    expect(before.filter((x) => !after.includes(x))).toEqual([]);
    await undoLastImport(db, bundle);
    expect(await rows()).toEqual(before);
  });

  it('"new-only" imports the file without the shared position; "both" imports all of it; each can be undone', async () => {
    const { db, bundle } = await setUp();
    await importCorpus(db, JSON.stringify(theirs()), 'colleague.json', bundle, 'new-only');
    expect((await exportCorpus(db, 'colleague'))!.positions.map((p) => p.id)).toEqual(['c-p2']);
    await undoLastImport(db, bundle);
    expect(await db.corpora.get('colleague')).toBeUndefined();
    await importCorpus(db, JSON.stringify(theirs()), 'colleague.json', bundle, 'both');
    expect((await exportCorpus(db, 'colleague'))!.positions.map((p) => p.id)).toEqual(['c-p1', 'c-p2']);
  });

  it('"replace" of an imported copy can be undone: the replaced corpus comes back as it was, the file goes', async () => {
    const { db, bundle } = await setUp();
    const before = await exportCorpus(db, 'my-notes');
    const copy = { ...myNotes(), id: 'copy', title: 'Copy' };
    const plan = await previewImport(db, JSON.stringify(copy), 'copy.json', bundle);
    expect(plan.repeat).toMatchObject({ id: 'my-notes', full: true, repeated: 2, of: 2 });
    await expect(importCorpus(db, JSON.stringify(copy), 'copy.json', bundle, 'merge')).rejects.toThrow(/choose to update it, replace it, or cancel/);
    await importCorpus(db, JSON.stringify(copy), 'copy.json', bundle, 'replace');
    expect(await db.corpora.get('my-notes')).toBeUndefined();
    expect(await undoLastImport(db, bundle)).toEqual({ fileName: 'copy.json' });
    expect(await exportCorpus(db, 'my-notes')).toEqual(before);
    expect((await db.corpora.get('my-notes'))!.enabled).toBe(true);
    expect(await db.corpora.get('copy')).toBeUndefined();
  });

  it('the undo lasts IMPORT_UNDO_MS, then is refused in words; a backup does not carry it', async () => {
    const { db, bundle } = await setUp();
    await importCorpus(db, JSON.stringify(theirs()), 'colleague.json', bundle, 'both');
    const later = Date.now() + IMPORT_UNDO_MS + 1;
    expect(await importUndoOffer(db, later)).toBeUndefined();
    await expect(undoLastImport(db, bundle, later)).rejects.toThrow('there is no import to undo any more');
    const { createBackup } = await import('./backup.ts');
    expect((await createBackup(db)).settings.map((r) => r.key)).not.toContain('corpus-import-undo');
  });
});

describe('the bundled record with the user\'s edits', () => {
  it('install an old bundled record, edit it, update the extension: the new record, with the edits kept', async () => {
    const db = freshDb();
    const old = validCorpus();
    const oldBundle = bundleOf(old);
    await installed(db, oldBundle);
    await addAlias(db, 'dmitry-peskov', { text: 'Пєсков', lang: 'uk' });

    // The user exports the bundled record, revises one stance, removes one position and adds one, and imports it back.
    const edited = (await exportCorpus(db, old.id))!;
    edited.positions = edited.positions
      .filter((p) => p.id !== 'zelensky-grain-2023')
      .map((p) => (p.id === 'peskov-annex-2022-09' ? { ...p, stance: 'The user revised this stance.' } : p));
    edited.positions.push({ ...edited.positions.find((p) => p.id === 'un-annex-2022-10')!, id: 'user-added-un', stance: 'Added by the user.' });
    const plan = await previewImport(db, JSON.stringify(edited), 'seed-edited.json', oldBundle);
    expect(plan.refusals).toEqual([]);
    expect(plan.updates?.origin).toBe('bundled');
    expect(plan.diff.positions.changed.map((x) => x.id)).toEqual(['peskov-annex-2022-09']);
    expect(plan.diff.positions.added.map((x) => x.id)).toEqual(['user-added-un']);
    expect(plan.diff.positions.removed.map((x) => x.id)).toEqual(['zelensky-grain-2023']);
    await importCorpus(db, JSON.stringify(edited), 'seed-edited.json', oldBundle);
    expect((await db.corpora.get(old.id))!.edits).toEqual({ count: 3 });

    // A new extension version ships a changed bundle with the same version: one new position, and a change to a position the user did not touch.
    const next = validCorpus();
    next.positions.push({ ...next.positions[0]!, id: 'peskov-new', stance: 'A newer stance.' });
    next.positions = next.positions.map((p) => (p.id === 'putin-annex-2022-09' ? { ...p, stance: 'The bundle revised this one.' } : p));
    const { corpus } = await (await installed(db, bundleOf(next))).active();
    const stance = (id: string) => corpus.positions.find((p) => p.id === id)?.stance;
    expect(stance('peskov-new')).toBe('A newer stance.');
    expect(stance('putin-annex-2022-09')).toBe('The bundle revised this one.');
    expect(stance('peskov-annex-2022-09')).toBe('The user revised this stance.');
    expect(stance('user-added-un')).toBe('Added by the user.');
    expect(stance('zelensky-grain-2023')).toBeUndefined();
    expect(corpus.entities.find((e) => e.id === 'dmitry-peskov')!.aliases.map((a) => a.text)).toContain('Пєсков');
    expect(await db.corpora.count()).toBe(1);

    // Undo: the bundle as shipped.
    await saveBundledEdits(db, bundleOf(next), NO_EDITS);
    expect(await db.settings.get(BUNDLED_EDITS_KEY)).toBeUndefined();
    const undone = await (await installed(db, bundleOf(next))).active();
    expect(undone.corpus.positions.find((p) => p.id === 'peskov-annex-2022-09')!.stance).toBe(old.positions.find((p) => p.id === 'peskov-annex-2022-09')!.stance);
    expect(undone.corpus.positions.some((p) => p.id === 'zelensky-grain-2023')).toBe(true);
  });

  it('edits that no longer fit a new bundle are kept, not applied, and the row says why', async () => {
    const db = freshDb();
    const old = validCorpus();
    await installed(db, bundleOf(old));
    const edited = (await exportCorpus(db, old.id))!;
    edited.positions = edited.positions.map((p) => (p.id === 'un-annex-2022-10' ? { ...p, stance: 'Edited.' } : p));
    await importCorpus(db, JSON.stringify(edited), 'e.json', bundleOf(old));
    // The next bundle drops the United Nations, whom the edited position names.
    const next = validCorpus();
    next.positions = next.positions.filter((p) => p.actor !== 'united-nations');
    next.entities = next.entities.filter((e) => e.id !== 'united-nations');
    await installed(db, bundleOf(next));
    const row = (await db.corpora.get(old.id))!;
    expect(row.edits?.count).toBe(1);
    expect(row.edits?.problem).toMatch(/united-nations/);
    expect(await db.settings.get(BUNDLED_EDITS_KEY)).toBeDefined();
  });
});

describe('the bundled record\'s edits in a backup', () => {
  it('a backup carries them; a restore brings them back; a damaged delta is refused before anything is written', async () => {
    const { createBackup, restoreBackup } = await import('./backup.ts');
    const db = freshDb();
    const old = validCorpus();
    await installed(db, bundleOf(old));
    const edited = (await exportCorpus(db, old.id))!;
    edited.positions = edited.positions.map((p) => (p.id === 'un-annex-2022-10' ? { ...p, stance: 'Edited.' } : p));
    await importCorpus(db, JSON.stringify(edited), 'e.json', bundleOf(old));
    const file = JSON.stringify(await createBackup(db));

    const fresh = freshDb();
    const records = await installed(fresh, bundleOf(old));
    await restoreBackup(fresh, file);
    records.invalidate();
    expect((await records.active()).corpus.positions.find((p) => p.id === 'un-annex-2022-10')!.stance).toBe('Edited.');

    const damaged = JSON.parse(file) as { settings: { key: string; value: unknown }[] };
    damaged.settings = damaged.settings.map((r) => (r.key === BUNDLED_EDITS_KEY ? { ...r, value: { positions: { put: [{ id: 'x' }] } } } : r));
    await expect(restoreBackup(fresh, JSON.stringify(damaged))).rejects.toThrow(/your changes to the bundled record/);
  });
});

describe('hostile corpus files', () => {
  it('a value nested 10,000 deep, an id such as "constructor", a javascript: address: a sentence each, nothing written', async () => {
    const db = freshDb();
    const bundle = bundleOf(validCorpus());
    await installed(db, bundle);
    const file = (await exportCorpus(db, 'test'))!;
    const deep = `{"a":`.repeat(10_000) + '1' + '}'.repeat(10_000);
    const deepText = JSON.stringify({ ...file, id: 'deep' }).replace('"sources":[', `"sources":[${deep},`);
    const deepPlan = await previewImport(db, deepText, 'deep.json', bundle);
    expect(deepPlan.refusals.length).toBeGreaterThan(0);
    expect(deepPlan.refusals[0]).toMatch(/^deep\.json: sources\[0\]/);
    await expect(importCorpus(db, deepText, 'deep.json', bundle)).rejects.toThrow(/deep\.json/);

    const js = { ...file, id: 'js', sources: file.sources.map((s, i) => (i === 0 ? { ...s, url: 'javascript:alert(1)' } : s)) };
    const jsPlan = await previewImport(db, JSON.stringify(js), 'js.json', bundle);
    expect(jsPlan.refusals.join('\n')).toMatch(/js\.json: sources\[0\]\.url: .*must be an absolute http or https address/);
    expect((await listCorpora(db)).map((c) => c.id)).toEqual(['test']);
  });

  it('a corpus whose ids are all "constructor" imports and previews like any other', async () => {
    const db = freshDb();
    const bundle = bundleOf(validCorpus());
    await installed(db, bundle);
    const own: Corpus = {
      formatVersion: 1, id: 'constructor', title: 'Odd id', version: '1', sides: [],
      sources: [{ id: 'constructor', title: 'Note', outlet: 'Wire', language: 'en', published: { from: '2022-01-01', to: '2022-01-01', precision: 'day' }, framing: [], text: 'Anna Example said peace is near.' }],
      entities: [{ id: 'constructor', type: 'person', label: 'Anna Example', aliases: [{ text: 'Anna Example' }], context: [] }],
      positions: [{ id: 'constructor', actor: 'constructor', topics: [], stance: 'Peace is near.', quote: 'peace is near', date: { from: '2022-01-01', to: '2022-01-01', precision: 'day' }, source: 'constructor', passage: { start: 0, end: 32 }, links: [] }],
    };
    const plan = await previewImport(db, JSON.stringify(own), 'odd.json', bundle);
    expect(plan.refusals).toEqual([]);
    expect(plan.diff.positions.added).toEqual([{ id: 'constructor', name: 'Anna Example: “peace is near”' }]);
    await importCorpus(db, JSON.stringify(own), 'odd.json', bundle);
    expect(isNoChange((await previewImport(db, JSON.stringify(await exportCorpus(db, 'constructor')), 'odd.json', bundle)).diff)).toBe(true);
  });
});

describe('damaged edits of the bundled record', () => {
  it('are not applied, the row says why, and the next update keeps them aside instead of writing over them', async () => {
    const { DAMAGED_BUNDLED_EDITS_KEY } = await import('./bundled-edits.ts');
    const db = freshDb();
    const old = validCorpus();
    await installed(db, bundleOf(old));
    const damaged = { positions: { put: [{ id: 'half-a-position' }], removed: [] } };
    await db.settings.put({ key: BUNDLED_EDITS_KEY, value: damaged });
    await installed(db, bundleOf(old));
    const row = (await db.corpora.get(old.id))!;
    expect(row.edits?.problem).toMatch(/your changes to the bundled record/);
    expect((await db.settings.get(BUNDLED_EDITS_KEY))!.value).toEqual(damaged);

    const edited = (await exportCorpus(db, old.id))!;
    edited.positions = edited.positions.map((p) => (p.id === 'un-annex-2022-10' ? { ...p, stance: 'Edited.' } : p));
    await importCorpus(db, JSON.stringify(edited), 'e.json', bundleOf(old));
    expect((await db.settings.get(DAMAGED_BUNDLED_EDITS_KEY))!.value).toEqual(damaged);
    expect((await db.corpora.get(old.id))!.edits).toEqual({ count: 1 });
  });
});

describe('install progress of an import (issue 15)', () => {
  it('reports reading, writing in pieces, then compiling, with fractions that grow, then the end; a page can ask meanwhile', async () => {
    const db = freshDb();
    let clock = 0;
    const sent: (InstallProgressState | null)[] = [];
    const progress = new InstallProgress((s) => sent.push(s), () => (clock += PROGRESS_INTERVAL_MS));
    const records = new RecordService(db, bundleOf(validCorpus()), progress);
    await records.active();
    // That first load (the worker's start) reports a load of its own (audit 11 A8); the import's reports follow.
    expect(sent.map((s) => s?.phase ?? null)).toEqual(['loading', 'compiling', null]);
    sent.length = 0;
    const asked: unknown[] = [];
    const handlers = new CorporaHandlers(db, async () => {
      asked.push(await handlers.handle({ type: 'page-bg-install-progress' }));
      records.invalidate();
      await records.active();
    }, bundleOf(validCorpus()), progress);
    const big = syntheticRecord({ entities: 60, positions: 200 });
    await handlers.handle({ type: 'page-bg-import-corpus', text: JSON.stringify(big), fileName: 'big.json' });

    expect(sent.at(-1)).toBeNull();
    const states = sent.slice(0, -1) as InstallProgressState[];
    expect(states.every((s) => s.title === 'big.json')).toBe(true);
    expect(states.map((s) => s.phase).filter((p, i, all) => p !== all[i - 1])).toEqual(['reading', 'writing', 'compiling']);
    // The phase's start, then after each piece of rows written (here one per table: sides, sources, entities, positions).
    const writing = states.filter((s) => s.phase === 'writing').map((s) => s.fraction);
    expect(writing).toHaveLength(5);
    expect([writing[0], writing.at(-1)]).toEqual([0.4, 0.85]);
    const fractions = states.map((s) => s.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBeGreaterThanOrEqual(0.85);
    expect(asked).toEqual([{ progress: expect.objectContaining({ title: 'big.json', phase: 'writing' }) }]);
    expect(await handlers.handle({ type: 'page-bg-install-progress' })).toEqual({ progress: null });
    expect((await records.active()).corpus.positions.length).toBeGreaterThanOrEqual(200);
  });
});
