import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { OnRecordDb } from './db.ts';

describe('the table lists', () => {
  it('name every table once: corpus tables or user tables', async () => {
    const db = new OnRecordDb(`tables-${Math.random()}`);
    await db.open();
    const corpus = db.corpusTables.map((t) => t.name);
    const user = db.userTables.map((t) => t.name);
    expect([...corpus, ...user].sort()).toEqual(db.tables.map((t) => t.name).sort());
    expect(new Set([...corpus, ...user]).size).toBe(corpus.length + user.length);
    // The per-corpus rows are the corpus tables keyed by corpus, and only those.
    for (const t of db.corpusRowTables) expect(t.schema.idxByName['corpusId']).toBeDefined();
    expect(corpus.filter((n) => !db.corpusRowTables.some((t) => t.name === n))).toEqual(['corpora', 'matchers']);
    db.close();
  });
});
