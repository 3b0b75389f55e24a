/**
 * Audit 10 A20 (issue 11): a saved verdict keeps the words it rested on. The background stores a snapshot of each
 * position with the check; when the position later leaves the record (a user position undone or deleted), the
 * Checks tab and a claim mark's card show the snapshot marked "no longer in your record"; an edit keeps it; a
 * backup carries it, validated; a check saved before snapshots existed still shows the position as missing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { makeCorpus } from '../core/record/test-corpus.ts';
import type { Corpus } from '../core/corpus/schema.ts';
import { CheckRowSchema, type CheckDraft, type CheckRow } from '../core/claims/check-record.ts';
import { CheckCard, evidenceFor } from '../core/claims/position-summary.ts';
import { validateBackup } from '../core/backup/format.ts';
import { OnRecordDb } from '../storage/db.ts';
import { ChecksService } from './checks-service.ts';
import type { RecordService } from './record-service.ts';

let n = 0;
const dbs: OnRecordDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function service(): { checks: ChecksService; setCorpus(c: Corpus): void; db: OnRecordDb } {
  const db = new OnRecordDb(`check-evidence-${++n}`);
  dbs.push(db);
  let corpus = makeCorpus();
  const records = { active: async () => ({ corpus }) } as unknown as RecordService;
  let id = 0;
  return { checks: new ChecksService(db, records, () => 1000 + id, () => `check-${++id}`), setCorpus: (c) => void (corpus = c), db };
}

const draft = (positionIds: string[], extra: Partial<CheckDraft> = {}): CheckDraft => ({
  claim: 'Peskov said there is some progress in the talks.',
  pageUrl: 'https://news.example/a',
  pageTitle: 'A',
  verdict: 'consistent',
  note: 'Rests on Peskov.',
  positionIds,
  actorIds: ['dmitry-peskov'],
  topicIds: [],
  ...extra,
});

const PESKOV = 'peskov-talks-2022-03';

describe('a saved check keeps the words it rests on', () => {
  it('stores speaker, words, outlet and date of each position when saved, and only those of the record', async () => {
    const s = service();
    const row = await s.checks.save({ ...draft([PESKOV, 'no-such-position']), evidence: [{ id: 'forged' }] });
    expect(row.evidence).toEqual([
      { id: PESKOV, speaker: 'Dmitry Peskov', words: 'There is some progress', kind: 'quote', date: { from: '2022-03-01', to: '2022-03-31', precision: 'month' }, outlet: expect.any(String), sourceId: expect.any(String), sourceUrl: expect.any(String) },
    ]);
    // The page cannot write the snapshot: it comes from the record.
    expect(row.evidence!.map((e) => e.id)).not.toContain('forged');
    expect((await s.db.checks.get(row.id))?.evidence?.[0]?.words).toBe('There is some progress');
  });

  it('shows the snapshot, marked gone, once the record no longer has the position; an edit keeps it', async () => {
    const s = service();
    const saved = await s.checks.save(draft([PESKOV]));
    const gone = makeCorpus();
    gone.positions = gone.positions.filter((p) => p.id !== PESKOV);
    s.setCorpus(gone);
    expect(await s.checks.positions([PESKOV])).toEqual({});
    const [listed] = await s.checks.list();
    const shown = evidenceFor(PESKOV, undefined, listed!.evidence);
    expect(shown).toMatchObject({ speaker: 'Dmitry Peskov', words: 'There is some progress', gone: true });
    // The claim card's reply schema reads the gone summary whole (the marker survives validation).
    const card = v.parse(CheckCard, { id: saved.id, claim: saved.claim, verdict: 'consistent', note: '', updatedAt: 1, speaker: null, suggested: null, positions: [shown] });
    expect(card.positions[0]).toMatchObject({ gone: true, words: 'There is some progress' });

    // Edited in the Checks tab after the position left: the words stay.
    const edited = await s.checks.save({ ...draft([PESKOV]), id: saved.id, note: 'Edited later.' });
    expect(edited.evidence?.[0]).toMatchObject({ id: PESKOV, words: 'There is some progress' });
  });

  it('a check saved before snapshots existed keeps showing a gone position as missing', () => {
    expect(evidenceFor(PESKOV, undefined, undefined)).toBeUndefined();
  });

  it('a backup carries the snapshot and refuses a malformed one', async () => {
    const s = service();
    const row = await s.checks.save(draft([PESKOV]));
    const backup = { format: 'onrecord-backup', version: 1, createdAt: '2026-12-07T20:00:00Z', enabled: {}, corpora: [], settings: [], highlights: [], checks: [row] };
    const ok = validateBackup(JSON.parse(JSON.stringify(backup)));
    expect(ok.problems).toEqual([]);
    expect(ok.backup!.checks[0]!.evidence?.[0]?.words).toBe('There is some progress');
    const bad = JSON.parse(JSON.stringify(backup));
    bad.checks[0].evidence[0].words = 'x'.repeat(5000);
    expect(validateBackup(bad).problems.join('\n')).toMatch(/checks\.0\.evidence\.0\.words/);
    // Old rows without it still read.
    const { evidence: _e, ...old } = row as CheckRow;
    expect(v.safeParse(CheckRowSchema, old).success).toBe(true);
  });
});
