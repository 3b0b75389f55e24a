import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCorpusShape } from '../core/corpus/schema.ts';
import { compileMatcher, serializeMatcher } from '../core/match/index.ts';
import { OnRecordDb } from '../storage/db.ts';
import { FIRST_RUN_KEY, findMentions, noteStartup, welcomeOnInstalled, type FirstRunState } from './first-run.ts';

let n = 0;
const dbs: OnRecordDb[] = [];
function freshDb(): OnRecordDb {
  const db = new OnRecordDb(`first-run-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('the welcome page on install', () => {
  it('opens on the first install only: not on an update, a browser update or a repeated install event', async () => {
    const db = freshDb();
    let opened = 0;
    const open = async () => void opened++;
    expect(await welcomeOnInstalled(db, 'install', open)).toBe(true);
    expect(await welcomeOnInstalled(db, 'update', open)).toBe(false);
    expect(await welcomeOnInstalled(db, 'chrome_update', open)).toBe(false);
    expect(await welcomeOnInstalled(db, 'install', open)).toBe(false);
    expect(opened).toBe(1);
    const state = (await db.settings.get(FIRST_RUN_KEY))!.value as FirstRunState;
    expect(state.welcomeOpenedAt).toBeTypeOf('number');
    expect(state.lastEvent).toMatchObject({ reason: 'install', opened: false });
  });

  it('records a browser start as an event that opened nothing, and keeps when the page was opened', async () => {
    const db = freshDb();
    await welcomeOnInstalled(db, 'install', async () => undefined);
    const opened = ((await db.settings.get(FIRST_RUN_KEY))!.value as FirstRunState).welcomeOpenedAt;
    await noteStartup(db);
    const state = (await db.settings.get(FIRST_RUN_KEY))!.value as FirstRunState;
    expect(state).toMatchObject({ welcomeOpenedAt: opened, lastEvent: { reason: 'startup', opened: false } });
  });

  it('never opens for an update, even of a profile that has no first-run record yet (installed before this page existed)', async () => {
    const db = freshDb();
    let opened = 0;
    expect(await welcomeOnInstalled(db, 'update', async () => void opened++)).toBe(false);
    expect(opened).toBe(0);
  });
});

describe('the demo article', () => {
  it('is underlined by the record: names in every paragraph, with their types, in one document', () => {
    const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../corpus/seed.json', import.meta.url), 'utf8')));
    const messages = JSON.parse(readFileSync(new URL('../../public/_locales/uk/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;
    const paragraphs = ['welcomeDemoHeadline', 'welcomeDemoP1', 'welcomeDemoP2'].map((k) => messages[k]!.message);
    const types = Object.fromEntries(corpus.entities.map((e) => [e.id, e.type]));
    const found = findMentions({ matcher: serializeMatcher(compileMatcher(corpus.entities, corpus.sides)), wire: { types, quiet: [] } }, paragraphs);
    const texts = found.paragraphs.map((list, i) => list.map((m) => `${paragraphs[i]!.slice(m.start, m.end)}→${m.entityId}:${m.type}`));
    expect(texts[0]).toEqual(expect.arrayContaining(['Кремль→kremlin:organization', 'Київ→kyiv:place']));
    // The headline's topic words too, though it comes before the paragraphs that make the article about the record.
    expect(texts[0]!.filter((t) => t.endsWith(':topic')).length, texts[0]!.join(', ')).toBeGreaterThan(0);
    // A topic word is drawn once the page has shown its subject (docs/matching.md, "Relevance"), as on any page.
    expect(texts[1]).toEqual(expect.arrayContaining(['Дмитро Пєсков→dmitry-peskov:person', 'переговорів→peace-talks:topic', 'Михайло Подоляк→mykhailo-podolyak:person']));
    expect(texts[2]).toEqual(expect.arrayContaining(['Стамбулі→istanbul-talks:event', 'Peskov→dmitry-peskov:person', 'Selenskyj→volodymyr-zelensky:person']));
  });
});
