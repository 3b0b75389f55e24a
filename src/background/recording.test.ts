/**
 * Issue 12 in the background, on fake-indexeddb: a statement of a page
 * recorded in the user layer (a new speaker becomes an entity of the layer,
 * the passage keeps its context and its selectors), found again as "already
 * recorded" on the same page, undone without leaving the new speaker behind;
 * a candidates file reviewed with accept, reject, bulk accept and undo.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCorpus } from '../core/record/test-corpus.ts';
import { draftFromStatement } from '../core/recording/draft.ts';
import { findRecorded } from '../core/recording/recorded.ts';
import { OnRecordDb } from '../storage/db.ts';
import { installCorpus, readActiveCorpus } from './corpus-store.ts';
import { RecordService } from './record-service.ts';
import { RecordingService } from './recording-service.ts';
import { ReviewQueue } from './review-queue.ts';
import { readUserLayer, recordDraft, removePosition, USER_ID_PREFIX } from './user-layer.ts';

let n = 0;
const dbs: OnRecordDb[] = [];
function freshDb(): OnRecordDb {
  const db = new OnRecordDb(`recording-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const textOf = (s: { text?: string }) => s.text ?? 'a text supplied from a file';

const PAGE_TEXT = 'Intro paragraph.\n“The sanctions will stay until the last village is free,” said Jana Novak, a researcher.\nAnother paragraph.';
const PAGE = {
  url: 'https://news.example/story?utm_source=x',
  title: 'A story',
  outlet: 'Example News',
  language: 'en',
  published: { from: '2023-03-14', to: '2023-03-14', precision: 'day' as const, reasoning: 'meta' },
};
const QUOTE = 'The sanctions will stay until the last village is free';

describe('recording statements in the user layer', () => {
  it('records a new speaker\'s statement with its passage in context, finds it again on the page, and undoes it whole', async () => {
    const db = freshDb();
    await installCorpus(db, makeCorpus(), 'bundled', textOf);
    const { corpus } = await readActiveCorpus(db);
    const start = PAGE_TEXT.indexOf(QUOTE);
    const statement = { start, end: start + QUOTE.length, quote: QUOTE };
    const draft = draftFromStatement(PAGE_TEXT, PAGE, statement, {
      speakerName: 'Jana Novak', speakerType: 'person', topics: [], stance: 'Novak expects sanctions to stay.', keepQuote: true, date: PAGE.published,
    });
    // The stored text is the paragraph, not the page.
    expect(draft.source.text).toBe(`“${QUOTE},” said Jana Novak, a researcher.`);
    expect(draft.source.text.slice(draft.passage.start, draft.passage.end)).toBe(QUOTE);
    const { position, entity, keptAside } = await recordDraft(db, corpus, draft);
    expect(keptAside).toBe(false);
    expect(entity?.label).toBe('Jana Novak');
    expect(position.actor).toBe(entity?.id);
    expect(position.quote).toBe(QUOTE);

    const after = await readActiveCorpus(db);
    expect(after.corpus.entities.map((e) => e.id)).toContain(entity?.id);
    expect(after.corpus.positions.find((p) => p.id === position.id)?.stance).toBe('Novak expects sanctions to stay.');
    // A second statement by the same new speaker reuses the entity.
    const again = await recordDraft(db, after.corpus, { ...draft, stance: 'Again.' });
    expect(again.entity).toBeUndefined();
    expect(again.position.actor).toBe(entity?.id);

    // Found again on the same page (tracking parameter aside), even when the page gained text above it.
    const layer = await readUserLayer(db);
    const anchors = new Map(layer.sources.map((s) => [s.id, s.anchor]));
    const sources = after.corpus.sources.map((s) => ({ id: s.id, url: s.url, anchor: anchors.get(s.id) }));
    const shifted = `Breaking: an update.\n${PAGE_TEXT}`;
    const at = shifted.indexOf(QUOTE);
    const marks = findRecorded('https://news.example/story', shifted, [{ start: at, end: at + QUOTE.length, speakerId: null, quote: QUOTE }], after.corpus.positions, sources, USER_ID_PREFIX);
    expect(marks[0]).toEqual({ positionId: position.id, mine: true });
    // Not on another page.
    expect(findRecorded('https://other.example/', shifted, [{ start: at, end: at + QUOTE.length, speakerId: null, quote: QUOTE }], after.corpus.positions, sources, USER_ID_PREFIX)[0]).toBeNull();

    await removePosition(db, again.position.id);
    await removePosition(db, position.id);
    const empty = await readUserLayer(db);
    expect(empty.positions).toEqual([]);
    expect(empty.sources).toEqual([]);
    expect(empty.entities).toEqual([]);
  });

  it('refuses a draft whose quote is not verbatim in its passage, and stores nothing', async () => {
    const db = freshDb();
    await installCorpus(db, makeCorpus(), 'bundled', textOf);
    const { corpus } = await readActiveCorpus(db);
    const draft = draftFromStatement(PAGE_TEXT, PAGE, { start: 0, end: 10, quote: null }, {
      speakerId: 'dmitry-peskov', topics: [], stance: 'x', keepQuote: true, date: PAGE.published,
    });
    await expect(recordDraft(db, corpus, { ...draft, quote: 'words nobody wrote' })).rejects.toThrow(/verbatim/);
    expect((await readUserLayer(db)).positions).toEqual([]);
  });

  it('a statement added while the user layer does not read says so: the damaged layer is kept aside and this starts a fresh one (issue 14, G4)', async () => {
    const db = freshDb();
    await installCorpus(db, makeCorpus(), 'bundled', textOf);
    const { corpus } = await readActiveCorpus(db);
    await db.settings.put({ key: 'user-layer', value: { positions: 'not a list' } });
    const start = PAGE_TEXT.indexOf(QUOTE);
    const draft = draftFromStatement(PAGE_TEXT, PAGE, { start, end: start + QUOTE.length, quote: QUOTE }, {
      speakerName: 'Jana Novak', speakerType: 'person', topics: [], stance: 'Novak expects sanctions to stay.', keepQuote: true, date: PAGE.published,
    });
    expect((await recordDraft(db, corpus, draft)).keptAside).toBe(true);
    expect((await db.settings.get('user-layer-damaged'))?.value).toMatchObject({ value: { positions: 'not a list' } });
    // The next one goes into the fresh layer, which reads: nothing more to say.
    expect((await recordDraft(db, (await readActiveCorpus(db)).corpus, { ...draft, stance: 'Again.' })).keptAside).toBe(false);
  });
});

function candidatesFile(): string {
  const text = 'Kremlin spokesman Dmitry Peskov said talks were stalled. Mykhailo Podolyak replied that Kyiv would not surrender. Peskov said again that talks were stalled.';
  const span = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length });
  const base = makeCorpus();
  const entities = base.entities.filter((e) => ['dmitry-peskov', 'mykhailo-podolyak', 'peace-talks'].includes(e.id));
  const day = { from: '2023-01-05', to: '2023-01-05', precision: 'day' as const };
  const cand = (id: string, actor: string, passage: { start: number; end: number }, stance: string) => ({
    id, status: 'candidate', evidence: 'name + said', actor, topics: [], stance, paraphrase: text.slice(passage.start, passage.end), date: day, source: 'c-src', passage, links: [],
  });
  return JSON.stringify({
    formatVersion: 1, id: 'candidates', title: 'Candidates', version: '1', sides: base.sides,
    sources: [{ id: 'c-src', title: 'Wire story', outlet: 'Wire', language: 'en', published: day, framing: [], text, url: 'https://wire.example/1' }],
    entities: entities.map((e) => ({ ...e, side: undefined })),
    positions: [
      cand('c1', 'dmitry-peskov', span('talks were stalled'), 'Peskov: talks stalled.'),
      cand('c2', 'mykhailo-podolyak', span('Kyiv would not surrender'), 'Podolyak: no surrender.'),
      cand('c3', 'dmitry-peskov', span('talks were stalled', 60), 'Peskov again: talks stalled.'),
    ],
  });
}

/** An import that asks nothing: its state. */
async function importState(queue: ReviewQueue, text: string, name: string) {
  const answer = await queue.import(text, name);
  if (!('state' in answer)) throw new Error('the import asked a question');
  return answer.state;
}

describe('review queue', () => {
  it('imports a candidates file whole, accepts, rejects, accepts by speaker, keeps progress and undoes', async () => {
    const db = freshDb();
    await installCorpus(db, makeCorpus(), 'bundled', textOf);
    const records = new RecordService(db);
    // No bundled install here: the test corpus stands in for it.
    records.ensureBundledCorpus = async () => {};
    let rebuilds = 0;
    const recording = new RecordingService(db, records, async () => {
      rebuilds++;
      records.invalidate();
    });
    const queue = new ReviewQueue(db, records, recording);

    await expect(queue.import('{"formatVersion":1', 'broken.json')).rejects.toThrow();
    await expect(queue.import(JSON.stringify({ ...JSON.parse(candidatesFile()), positions: [] }), 'none.json')).rejects.toThrow();
    expect((await queue.state()).fileName).toBeNull();

    let state = await importState(queue, candidatesFile(), 'candidates.json');
    expect(state.items.map((i) => i.decision)).toEqual(['pending', 'pending', 'pending']);
    expect(state.items[0]?.context[1]).toBe('talks were stalled');

    state = await queue.decide(['c2'], 'reject', undefined);
    state = await queue.decide(['c1', 'c3'], 'accept', undefined);
    expect(rebuilds).toBe(1); // one rebuild for the batch
    expect(state.items.map((i) => i.decision)).toEqual(['accepted', 'rejected', 'accepted']);
    expect((await readUserLayer(db)).positions.map((p) => p.stance)).toEqual(['Peskov: talks stalled.', 'Peskov again: talks stalled.']);

    // Progress survives a new queue object (a closed and reopened page, a restarted worker).
    const reopened = new ReviewQueue(db, records, recording);
    expect((await reopened.state()).items.map((i) => i.decision)).toEqual(['accepted', 'rejected', 'accepted']);

    state = await reopened.undo();
    expect(state.items.map((i) => i.decision)).toEqual(['pending', 'rejected', 'pending']);
    expect((await readUserLayer(db)).positions).toEqual([]);
    state = await reopened.undo();
    expect(state.items.map((i) => i.decision)).toEqual(['pending', 'pending', 'pending']);
    expect(state.canUndo).toBe(false);

    // An edited acceptance records the edits.
    state = await reopened.decide(['c2'], 'accept', {
      speakerId: 'mykhailo-podolyak', topics: ['peace-talks'], stance: 'Edited stance.', keepQuote: true, date: { from: '2023-01-06', to: '2023-01-06', precision: 'day' },
    });
    const [mine] = (await readUserLayer(db)).positions;
    expect(mine).toMatchObject({ actor: 'mykhailo-podolyak', stance: 'Edited stance.', topics: ['peace-talks'], date: { from: '2023-01-06' } });
  });
});

describe('recording a statement of a tab\'s page (issue 12, audit 10 A27/A28)', () => {
  const STORY = 'Talks update.\n“Russia must withdraw every last soldier from our land before any talks can begin,” Mykhailo Podolyak said on Tuesday.\nThe weather was fine.';
  const edits = (stance: string) => ({ speakerId: 'mykhailo-podolyak', topics: [], stance, keepQuote: true, date: PAGE.published });

  async function service(page: { text: string }) {
    const db = freshDb();
    await installCorpus(db, makeCorpus(), 'bundled', textOf);
    const records = new RecordService(db);
    records.ensureBundledCorpus = async () => {};
    const recording = new RecordingService(db, records, async () => records.invalidate(), async () => ({ url: 'https://news.example/a', title: 'A', text: page.text, meta: {}, jsonLd: [], times: [] }));
    const [found] = (await recording.statements(1)).statements;
    expect(found).toMatchObject({ speakerId: 'mykhailo-podolyak', recorded: null });
    return { db, recording, found: found! };
  }

  it('records a statement once: a second save (another view, a double submit) answers "already" with the position that holds it', async () => {
    const { db, recording, found } = await service({ text: STORY });
    const first = await recording.recordStatement(1, found.start, found.end, edits('From the popup.'), found.text);
    expect(first.already).toBeUndefined();
    const second = await recording.recordStatement(1, found.start, found.end, edits('From the side panel.'), found.text);
    expect(second).toEqual({ positionId: first.positionId, already: true });
    // Also when the second names another speaker in its form: the passage of this page is recorded already.
    const third = await recording.recordStatement(1, found.start, found.end, { ...edits('Someone else.'), speakerId: 'dmitry-peskov' }, found.text);
    expect(third.already).toBe(true);
    expect((await readUserLayer(db)).positions.map((p) => p.stance)).toEqual(['From the popup.']);
  });

  it('a quote is listed and recorded without the comma that hands it to "said" (A5); its span still has it, as the finder reads it', async () => {
    const { db, recording, found } = await service({ text: STORY });
    expect(found.quote).toBe('Russia must withdraw every last soldier from our land before any talks can begin');
    expect(found.text).toBe(`${found.quote},`);
    // Added from the popover's card (no form): the finder's reading, quote and stance without the comma.
    await recording.recordStatement(1, found.start, found.end, undefined);
    const [mine] = (await readUserLayer(db)).positions;
    expect([mine?.quote, mine?.stance]).toEqual([found.quote, found.quote]);
  });

  it('two saves of one statement at the same moment record it once', async () => {
    const { db, recording, found } = await service({ text: STORY });
    const replies = await Promise.all([
      recording.recordStatement(1, found.start, found.end, edits('One.'), found.text),
      recording.recordStatement(1, found.start, found.end, edits('Two.'), found.text),
    ]);
    expect(replies.filter((r) => r.already)).toHaveLength(1);
    expect((await readUserLayer(db)).positions.map((p) => p.stance)).toEqual(['One.']);
  });

  it('refuses when the page\'s text at the statement\'s offsets is no longer what the list showed, and records nothing', async () => {
    const page = { text: STORY };
    const { db, recording, found } = await service(page);
    // The page changed (another view read it again meanwhile): another statement now stands at the same offsets.
    page.text = STORY.replace('soldier', 'tankman');
    const [now] = (await recording.statements(1)).statements;
    expect([now!.start, now!.end]).toEqual([found.start, found.end]);
    await expect(recording.recordStatement(1, found.start, found.end, edits('Meant for the first.'), found.text)).rejects.toThrow(/no longer on the page/);
    expect((await readUserLayer(db)).positions).toEqual([]);
    // The statement as it now reads is recorded when asked for with its own text.
    expect((await recording.recordStatement(1, now!.start, now!.end, edits('The new one.'), now!.text)).already).toBeUndefined();
  });
});
