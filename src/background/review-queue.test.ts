/**
 * The review queue's safety (audit 10, A11 A12 A13 A23), on fake-indexeddb: a re-imported file keeps its
 * decisions and never records a candidate twice; a candidate the user layer already holds is shown as such
 * and refused; a bulk acceptance stopped before its end records nothing; closing or replacing a queue with
 * undecided candidates asks first (import) and can be taken back for ten minutes; accepted candidates can go
 * to a named corpus, and undo takes them out of it.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCorpus } from '../core/record/test-corpus.ts';
import { draftFromStatement } from '../core/recording/draft.ts';
import type { ReviewState } from '../core/recording/review-types.ts';
import { OnRecordDb } from '../storage/db.ts';
import { installCorpus, readActiveCorpus } from './corpus-store.ts';
import { exportCorpus, setCorpusEnabled } from './corpus-admin.ts';
import { loadCorpusText } from '../core/corpus/load.ts';
import { RecordService } from './record-service.ts';
import { RecordingService, recordedIndex } from './recording-service.ts';
import { REOPEN_MS, REVIEW_KEY, ReviewQueue } from './review-queue.ts';
import { readUserLayer, recordDraft } from './user-layer.ts';

let n = 0;
const dbs: OnRecordDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const ARTICLE = 'Dmitry Peskov told reporters on Monday that the talks had stalled for good. Mykhailo Podolyak answered that Kyiv would never trade land for a pause. Later Peskov repeated that the talks had stalled for good.';
const URL = 'https://wire.example/talks-stalled';
const at = (s: string, from = 0) => ({ start: ARTICLE.indexOf(s, from), end: ARTICLE.indexOf(s, from) + s.length });

function file(opts: { ids?: string[]; url?: string; undated?: boolean } = {}): string {
  const ids = opts.ids ?? ['k1', 'k2', 'k3'];
  const base = makeCorpus();
  // `onrecord extract` on an article with no date (audit 10 A2): the day it was read, marked unknown, on the source and each candidate.
  const day = opts.undated
    ? { from: '2026-12-07', to: '2026-12-07', precision: 'day' as const, reasoning: 'unknown: no date found in the article; set it before accepting', unknown: true as const }
    : { from: '2023-02-06', to: '2023-02-06', precision: 'day' as const };
  const all = {
    k1: ['dmitry-peskov', at('the talks had stalled for good'), 'Peskov: the talks stalled.'],
    k2: ['mykhailo-podolyak', at('Kyiv would never trade land for a pause'), 'Podolyak: no land for a pause.'],
    k3: ['dmitry-peskov', at('the talks had stalled for good', 60), 'Peskov again: the talks stalled.'],
    // k1's statement read again with one more word (an extractor can give both; a hand-edited file can).
    k4: ['dmitry-peskov', at('that the talks had stalled for good.'), 'Peskov: the talks stalled (2).'],
  } as const;
  return JSON.stringify({
    formatVersion: 1, id: 'candidates', title: 'Candidates', version: '1', sides: base.sides,
    sources: [{ id: 'w1', title: 'Talks stalled', outlet: 'Wire', language: 'en', published: day, framing: [], text: ARTICLE, url: opts.url ?? URL }],
    entities: base.entities.filter((e) => ['dmitry-peskov', 'mykhailo-podolyak'].includes(e.id)).map((e) => ({ ...e, side: undefined })),
    positions: ids.map((id) => {
      const [actor, passage, stance] = all[id as keyof typeof all];
      return { id, status: 'candidate', evidence: 'name + told', actor, topics: [], stance, paraphrase: ARTICLE.slice(passage.start, passage.end), date: day, source: 'w1', passage, links: [] };
    }),
  });
}

async function setup() {
  const db = new OnRecordDb(`review-queue-${++n}`);
  dbs.push(db);
  await installCorpus(db, makeCorpus(), 'bundled', (s) => s.text ?? 'a text supplied from a file');
  const records = new RecordService(db);
  records.ensureBundledCorpus = async () => {};
  const recording = new RecordingService(db, records, async () => records.invalidate());
  let now = 1_000_000;
  const queue = new ReviewQueue(db, records, recording, () => now);
  return { db, records, queue, tick: (ms: number) => (now += ms) };
}

async function imported(queue: ReviewQueue, text: string, name = 'c.json', replace = false): Promise<ReviewState> {
  const answer = await queue.import(text, name, replace);
  if (!('state' in answer)) throw new Error(`asked: ${JSON.stringify(answer.confirm)}`);
  return answer.state;
}
const decisions = (s: ReviewState) => Object.fromEntries(s.items.map((i) => [i.id, i.held ? `held-${i.held}` : i.decision]));

describe('review queue: imports and "already in your record" (A11)', () => {
  it('importing the same file again keeps its decisions; accepting again records nothing twice', async () => {
    const { db, queue } = await setup();
    await imported(queue, file());
    await queue.decide(['k1'], 'accept', undefined);
    await queue.decide(['k2'], 'reject', undefined);
    const again = await imported(queue, file());
    expect(decisions(again)).toEqual({ k1: 'accepted', k2: 'rejected', k3: 'pending' });
    // Nothing was put away: no "open it again" for the same file.
    expect(again.closed).toBeNull();
    await queue.decide(['k1'], 'accept', undefined);
    expect((await readUserLayer(db)).positions.map((p) => p.stance)).toEqual(['Peskov: the talks stalled.']);
    // Undo still takes back the carried acceptance.
    expect(again.canUndo).toBe(true);
  });

  it('a candidate your layer already holds (same page, same passage) is shown as such and never recorded twice', async () => {
    const { db, queue } = await setup();
    // Recorded earlier from the page itself ("Statements on this page").
    const span = at('the talks had stalled for good');
    const page = { url: URL, title: 'Talks stalled', outlet: 'Wire', language: 'en', published: { from: '2023-02-06', to: '2023-02-06', precision: 'day' as const } };
    const draft = draftFromStatement(ARTICLE, page, { ...span, quote: null }, { speakerId: 'dmitry-peskov', topics: [], stance: 'From the page.', keepQuote: false, paraphrase: 'talks stalled', date: page.published });
    await recordDraft(db, (await readActiveCorpus(db)).corpus, draft);
    const s = await imported(queue, file());
    expect(decisions(s)).toEqual({ k1: 'held-mine', k2: 'pending', k3: 'pending' });
    await expect(queue.decide(['k1'], 'accept', undefined)).rejects.toThrow(/Already in your record/);
    // A bulk acceptance of the speaker leaves it out and records the other one.
    const after = await queue.decide(['k1', 'k3'], 'accept', undefined);
    expect(decisions(after)).toEqual({ k1: 'held-mine', k2: 'pending', k3: 'accepted' });
    expect((await readUserLayer(db)).positions.map((p) => p.stance)).toEqual(['From the page.', 'Peskov again: the talks stalled.']);
  });

  it('a candidate accepted from another file of the same article is held in the second file', async () => {
    const { db, queue } = await setup();
    await imported(queue, file({ ids: ['k1'] }), 'one.json');
    await queue.decide(['k1'], 'accept', undefined);
    // Another extraction of the same article, its candidate under another id.
    const other = JSON.parse(file({ ids: ['k1', 'k2'] }));
    other.positions[0].id = 'x1';
    const s = await imported(queue, JSON.stringify(other), 'two.json');
    expect(decisions(s)).toEqual({ x1: 'held-mine', k2: 'pending' });
    await expect(queue.decide(['x1'], 'accept', undefined)).rejects.toThrow();
    expect((await readUserLayer(db)).positions).toHaveLength(1);
  });
});

describe('review queue: a bulk acceptance compares its candidates with each other (review 10B RB2)', () => {
  it('two candidates of one speaker on overlapping passages of one page: one by one the second is refused, and by speaker only the first is recorded', async () => {
    {
      const { queue } = await setup();
      await imported(queue, file({ ids: ['k1', 'k4'] }));
      await queue.decide(['k1'], 'accept', undefined);
      await expect(queue.decide(['k4'], 'accept', undefined)).rejects.toThrow();
    }
    for (const target of [{ kind: 'layer' }, { kind: 'corpus', title: 'Wire review' }] as const) {
      const { db, queue } = await setup();
      await queue.setTarget(target);
      await imported(queue, file({ ids: ['k1', 'k4', 'k2', 'k3'] }));
      const after = await queue.decide(['k1', 'k4', 'k2', 'k3'], 'accept', undefined);
      // k4 is k1's statement: left out (still pending, shown as held); k2 (another speaker) and k3 (another passage) recorded.
      expect(after.items.map((i) => [i.id, i.decision])).toEqual([['k1', 'accepted'], ['k4', 'pending'], ['k2', 'accepted'], ['k3', 'accepted']]);
      expect(decisions(after).k4).toBe(target.kind === 'layer' ? 'held-mine' : 'held-record');
      const stances = target.kind === 'layer'
        ? (await readUserLayer(db)).positions.map((p) => p.stance)
        : (await db.positions.where('corpusId').equals('review-wire-review').toArray()).map((p) => p.stance);
      expect(stances.sort()).toEqual(['Peskov again: the talks stalled.', 'Peskov: the talks stalled.', 'Podolyak: no land for a pause.']);
      // One undo step takes the three back; k4 is then free to accept alone.
      await queue.undo();
      expect(target.kind === 'layer' ? (await readUserLayer(db)).positions : await db.positions.where('corpusId').equals('review-wire-review').toArray()).toEqual([]);
      expect(decisions(await queue.decide(['k4'], 'accept', undefined)).k4).toBe('accepted');
    }
  });
});

describe('review queue: one transaction (A13)', () => {
  it('a bulk acceptance that fails before its decisions are written records nothing (and accepting again records once)', async () => {
    const { db, queue } = await setup();
    await imported(queue, file());
    const put = db.settings.put.bind(db.settings);
    let fail = true;
    db.settings.put = ((row: { key: string; value: unknown }) => {
      if (fail && row.key === REVIEW_KEY) throw new Error('worker stopped');
      return put(row);
    }) as typeof db.settings.put;
    await expect(queue.decide(['k1', 'k3'], 'accept', undefined)).rejects.toThrow('worker stopped');
    expect((await readUserLayer(db)).positions).toEqual([]);
    expect(decisions(await queue.state())).toEqual({ k1: 'pending', k2: 'pending', k3: 'pending' });
    fail = false;
    await queue.decide(['k1', 'k3'], 'accept', undefined);
    expect((await readUserLayer(db)).positions).toHaveLength(2);
  });
});

describe('review queue: closing and replacing (A23)', () => {
  it('a closed queue can be opened again for ten minutes, with its decisions', async () => {
    const { queue, tick } = await setup();
    await imported(queue, file());
    await queue.decide(['k2'], 'reject', undefined);
    let s = await queue.clear();
    expect(s.fileName).toBeNull();
    expect(s.closed).toMatchObject({ fileName: 'c.json', undecided: 2 });
    tick(REOPEN_MS - 1000);
    s = await queue.reopen();
    expect(decisions(s)).toEqual({ k1: 'pending', k2: 'rejected', k3: 'pending' });
    expect(s.closed).toBeNull();
    await queue.clear();
    tick(REOPEN_MS + 1);
    expect((await queue.state()).closed).toBeNull();
    await expect(queue.reopen()).rejects.toThrow();
  });

  it('an import that would put away undecided candidates asks first and changes nothing; replaced, the old queue can come back', async () => {
    const { queue } = await setup();
    await imported(queue, file(), 'first.json');
    await queue.decide(['k1'], 'reject', undefined);
    const answer = await queue.import(file({ ids: ['k2'], url: 'https://wire.example/other' }), 'second.json');
    expect(answer).toEqual({ confirm: { replacing: 'first.json', undecided: 2 } });
    expect((await queue.state()).fileName).toBe('first.json');
    // The same file again puts nothing away: no question.
    expect('state' in (await queue.import(file(), 'first.json'))).toBe(true);
    const replaced = await imported(queue, file({ ids: ['k2'], url: 'https://wire.example/other' }), 'second.json', true);
    expect(replaced.fileName).toBe('second.json');
    expect(replaced.closed).toMatchObject({ fileName: 'first.json', undecided: 2 });
    const back = await queue.reopen();
    expect(back.fileName).toBe('first.json');
    expect(decisions(back)).toEqual({ k1: 'rejected', k2: 'pending', k3: 'pending' });
  });
});

describe('review queue: an import with no queue open keeps the closed one (review 10B RB1)', () => {
  it('another file imported within the ten minutes leaves the closed queue to be opened again, with its decisions', async () => {
    const { queue, tick } = await setup();
    await imported(queue, file({ ids: ['k1', 'k2'] }), 'first.json');
    await queue.decide(['k1'], 'reject', undefined);
    expect((await queue.clear()).closed).toMatchObject({ fileName: 'first.json', undecided: 1 });
    tick(60_000);
    const second = await imported(queue, file({ ids: ['k2'], url: 'https://wire.example/other' }), 'second.json');
    expect(second.fileName).toBe('second.json');
    expect(second.closed).toMatchObject({ fileName: 'first.json', undecided: 1 });
    const back = await queue.reopen();
    expect(back.fileName).toBe('first.json');
    expect(decisions(back)).toEqual({ k1: 'rejected', k2: 'pending' });
  });

  it('a file carrying every undecided candidate of the closed queue takes its place (nothing is left to open again)', async () => {
    const { queue } = await setup();
    await imported(queue, file({ ids: ['k1', 'k2'] }), 'first.json');
    await queue.decide(['k1'], 'reject', undefined);
    await queue.clear();
    const again = await imported(queue, file({ ids: ['k1', 'k2', 'k3'] }), 'first-v2.json');
    expect(decisions(again)).toEqual({ k1: 'rejected', k2: 'pending', k3: 'pending' });
    expect(again.closed).toBeNull();
  });
});

describe('review queue: a named corpus as destination (A12)', () => {
  it('accepts into a new named corpus, one by one and by speaker; undo takes them out; the user layer stays empty', async () => {
    const { db, records, queue } = await setup();
    await imported(queue, file());
    let s = await queue.setTarget({ kind: 'corpus', title: 'Wire review' });
    expect(s.target).toEqual({ kind: 'corpus', id: 'review-wire-review', title: 'Wire review' });
    await queue.decide(['k2'], 'accept', undefined);
    s = await queue.decide(['k1', 'k3'], 'accept', undefined);
    expect(s.corpora).toEqual([{ id: 'review-wire-review', title: 'Wire review' }]);
    expect((await readUserLayer(db)).positions).toEqual([]);
    const rows = await db.positions.where('corpusId').equals('review-wire-review').toArray();
    expect(rows.map((p) => p.stance).sort()).toEqual(['Peskov again: the talks stalled.', 'Peskov: the talks stalled.', 'Podolyak: no land for a pause.']);
    expect((await db.corpora.get('review-wire-review'))?.origin).toBe('imported');
    // In the active record, with their sources' texts.
    records.invalidate();
    const active = await records.active();
    expect(active.corpus.positions.filter((p) => p.stance.startsWith('Peskov')).map((p) => p.actor)).toEqual(['dmitry-peskov', 'dmitry-peskov']);
    // Undo the bulk: both Peskov positions leave the corpus, Podolyak's stays.
    s = await queue.undo();
    expect(decisions(s)).toEqual({ k1: 'pending', k2: 'accepted', k3: 'pending' });
    expect((await db.positions.where('corpusId').equals('review-wire-review').toArray()).map((p) => p.stance)).toEqual(['Podolyak: no land for a pause.']);
    expect(await db.sources.where('corpusId').equals('review-wire-review').count()).toBe(1);
    // The destination is kept for the next queue; back to the user layer on request.
    expect((await queue.state()).target).toMatchObject({ kind: 'corpus', id: 'review-wire-review' });
    s = await queue.setTarget({ kind: 'layer' });
    await queue.decide(['k1'], 'accept', undefined);
    expect((await readUserLayer(db)).positions.map((p) => p.stance)).toEqual(['Peskov: the talks stalled.']);
  });

  it('a candidate accepted into a named corpus is held when another file of the same article is imported', async () => {
    const { db, records, queue } = await setup();
    await queue.setTarget({ kind: 'corpus', title: 'Wire review' });
    await imported(queue, file({ ids: ['k2'] }), 'one.json');
    await queue.decide(['k2'], 'accept', undefined);
    records.invalidate();
    const other = JSON.parse(file({ ids: ['k1', 'k2'] }));
    other.positions[1].id = 'y2';
    const s = await imported(queue, JSON.stringify(other), 'two.json');
    expect(decisions(s)).toEqual({ k1: 'pending', y2: 'held-record' });
    await queue.decide(['k1', 'y2'], 'accept', undefined);
    expect((await db.positions.where('corpusId').equals('review-wire-review').toArray()).map((p) => p.stance).sort()).toEqual(['Peskov: the talks stalled.', 'Podolyak: no land for a pause.']);
  });

  it('refuses the bundled record as a destination', async () => {
    const { queue } = await setup();
    const bundledId = makeCorpus().id;
    await expect(queue.setTarget({ kind: 'corpus', id: bundledId, title: 'x' })).rejects.toThrow();
  });
});

describe('review queue: a corpus it built stands alone (review 10B RB4)', () => {
  it('its export carries the speakers its positions name and passes the validator', async () => {
    const { db, queue } = await setup();
    await imported(queue, file({ ids: ['k1'] }));
    await queue.setTarget({ kind: 'corpus', title: 'Wire review' });
    await queue.decide(['k1'], 'accept', undefined);
    const exported = await exportCorpus(db, 'review-wire-review');
    expect(exported?.entities.map((e) => e.id)).toContain('dmitry-peskov');
    const { corpus, problems } = loadCorpusText(JSON.stringify(exported), { fileName: 'wire-review.json' });
    expect(problems.filter((p) => p.severity !== 'warning').map((p) => p.message)).toEqual([]);
    expect(corpus?.positions.map((p) => p.actor)).toEqual(['dmitry-peskov']);
  });

  it('with the bundled corpus switched off its positions keep their speaker in the active record', async () => {
    const { db, queue } = await setup();
    await imported(queue, file({ ids: ['k1'] }));
    await queue.setTarget({ kind: 'corpus', title: 'Wire review' });
    await queue.decide(['k1'], 'accept', undefined);
    await setCorpusEnabled(db, makeCorpus().id, false);
    const { corpus } = await readActiveCorpus(db);
    const ids = new Set(corpus.entities.map((e) => e.id));
    expect(corpus.positions.map((p) => p.actor)).toEqual(['dmitry-peskov']);
    expect(corpus.positions.filter((p) => !ids.has(p.actor) || p.topics.some((t) => !ids.has(t)))).toEqual([]);
    // Only what it names comes along: the switched-off corpus's other speakers stay out.
    expect(ids.has('mykhailo-podolyak')).toBe(false);
  });
});

describe('review queue: candidates with no date found (audit 10 A2, unknown: true)', () => {
  const given = { from: '2023-02-07', to: '2023-02-07', precision: 'day' as const, reasoning: 'date entered by you' };
  const edits = (stance: string) => ({ speakerId: 'dmitry-peskov', topics: [], stance, keepQuote: true, date: given });

  it('are marked as undated; accepted alone without a date they are refused with what to do, and nothing is recorded', async () => {
    const { db, queue } = await setup();
    const s = await imported(queue, file({ undated: true }));
    expect(s.items.map((i) => i.dateUnknown)).toEqual([true, true, true]);
    await expect(queue.decide(['k1'], 'accept', undefined)).rejects.toThrow(/No date was found for this statement/);
    expect((await readUserLayer(db)).positions).toHaveLength(0);
    // A dated file's candidates carry no mark.
    const { queue: other } = await setup();
    expect((await imported(other, file())).items.some((i) => i.dateUnknown)).toBe(false);
  });

  it('accepted with the day the reviewer gives: recorded with that date, and the undated article takes it as its date (no unknown mark in the record)', async () => {
    const { db, queue, records } = await setup();
    await imported(queue, file({ undated: true }));
    const after = await queue.decide(['k1'], 'accept', edits('Peskov said the talks stalled.'));
    expect(decisions(after)).toEqual({ k1: 'accepted', k2: 'pending', k3: 'pending' });
    // The accepted row shows what was recorded (review 11B RB1): the reviewer's words and day, not "Date unknown".
    const row = after.items.find((i) => i.id === 'k1');
    expect([row?.stance, row?.date.from, row?.dateUnknown]).toEqual(['Peskov said the talks stalled.', '2023-02-07', undefined]);
    expect(after.items.find((i) => i.id === 'k2')?.dateUnknown).toBe(true);
    const layer = await readUserLayer(db);
    expect(layer.positions.map((p) => p.date)).toEqual([given]);
    expect(layer.sources.map((x) => x.published)).toEqual([given]);
    expect(JSON.stringify(layer)).not.toContain('"unknown"');
    records.invalidate();
    expect((await records.active()).corpus.positions.some((p) => p.stance === 'Peskov said the talks stalled.')).toBe(true);
  });

  it('a bulk acceptance leaves them to decide and records the dated ones', async () => {
    const { db, queue } = await setup();
    const dated = JSON.parse(file());
    const undatedFile = JSON.parse(file({ undated: true }));
    // One article with a date (k1), one without (k3, its own source).
    undatedFile.sources[0].id = 'w2';
    undatedFile.sources[0].url = 'https://wire.example/undated';
    dated.sources.push(undatedFile.sources[0]);
    dated.positions[2] = { ...undatedFile.positions[2], source: 'w2' };
    const s = await imported(queue, JSON.stringify(dated));
    expect(s.items.map((i) => [i.id, i.dateUnknown ?? false])).toEqual([['k1', false], ['k2', false], ['k3', true]]);
    const after = await queue.decide(['k1', 'k3'], 'accept', undefined);
    expect(decisions(after)).toEqual({ k1: 'accepted', k2: 'pending', k3: 'pending' });
    expect((await readUserLayer(db)).positions.map((p) => p.stance)).toEqual(['Peskov: the talks stalled.']);
  });

  it('undo of a later decision records an edited acceptance again with its edits (its date)', async () => {
    const { db, queue } = await setup();
    await imported(queue, file({ undated: true }));
    await queue.decide(['k1'], 'accept', edits('Dated by me.'));
    await queue.decide(['k1'], 'reject', undefined);
    expect((await readUserLayer(db)).positions).toHaveLength(0);
    const back = await queue.undo();
    expect(decisions(back)).toEqual({ k1: 'accepted', k2: 'pending', k3: 'pending' });
    const layer = await readUserLayer(db);
    expect(layer.positions.map((p) => [p.stance, p.date.from])).toEqual([['Dated by me.', '2023-02-07']]);
  });
});

describe('review queue: the record\'s corpora are indexed once, not per keypress (review 10B RB3)', () => {
  it('a decision recorded in your layer reuses the corpora\'s index; a corpus change builds it again; what is held stays right', async () => {
    const { db, queue, records } = await setup();
    await imported(queue, file());
    const before = recordedIndex(await records.active(), await readUserLayer(db));
    await queue.decide(['k1'], 'accept', undefined);
    // The accepted statement made a new active record (and a new layer): the corpora's part is the same object.
    const active = await records.active();
    const after = recordedIndex(active, await readUserLayer(db));
    expect(after.base).toBeDefined();
    expect(after.base).toBe(before.base);
    expect(decisions(await queue.state())).toEqual({ k1: 'accepted', k2: 'pending', k3: 'pending' });
    // A corpus accepted into (a named one) changes the corpora: indexed again, and the queue still sees what it holds.
    await queue.setTarget({ kind: 'corpus', title: 'Talks' });
    await queue.decide(['k2'], 'accept', undefined);
    const third = recordedIndex(await records.active(), await readUserLayer(db));
    expect(third.base).not.toBe(before.base);
    const again = JSON.parse(file({ ids: ['k1', 'k2'] }));
    again.positions[1].id = 'x2';
    const s = await imported(queue, JSON.stringify(again), 'again.json', true);
    expect(decisions(s)).toEqual({ k1: 'accepted', x2: 'held-record' });
  });
});
