/** A backup whose createdAt is not a date is refused with a sentence, never a RangeError (review8b B3). */
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { createBackup, previewRestore, restoreBackup, RestoreRefused } from './backup.ts';
import { OnRecordDb } from '../storage/db.ts';
import { USER_LAYER_KEY } from './user-layer.ts';

let n = 0;
it('a backup whose createdAt is not a date and whose user layer is damaged is refused with a sentence, not a RangeError', async () => {
  const db = new OnRecordDb(`backup-created-at-${n++}`);
  await db.settings.put({ key: USER_LAYER_KEY, value: { positions: [{ id: 'half-written' }] } });
  const backup = await createBackup(db);
  // A file made by hand or by another tool: format.ts accepts any string here.
  const file = { ...backup, createdAt: 'yesterday', settings: [...backup.settings.filter((r) => !r.key.startsWith('user-layer')), { key: USER_LAYER_KEY, value: { positions: [{ id: 'x' }] } }] };
  const text = JSON.stringify(file);
  let previewError: unknown = null;
  try {
    const answer = await previewRestore(db, text);
    expect('refusal' in answer && answer.refusal.kind).toBe('damaged');
    expect('refusal' in answer && JSON.stringify(answer.refusal)).toContain('createdAt');
  } catch (err) {
    previewError = err;
  }
  expect(previewError === null || previewError instanceof RestoreRefused, String(previewError)).toBe(true);
  let restoreError: unknown = null;
  try {
    await restoreBackup(db, text);
  } catch (err) {
    restoreError = err;
  }
  expect(restoreError instanceof RestoreRefused, String(restoreError)).toBe(true);
});

it('a backup with a real createdAt and a damaged user layer restores, the layer kept aside under a dated key', async () => {
  const db = new OnRecordDb(`backup-created-at-${n++}`);
  const backup = await createBackup(db);
  const file = { ...backup, createdAt: '2020-01-02T03:04:05.000Z', settings: [...backup.settings.filter((r) => !r.key.startsWith('user-layer')), { key: USER_LAYER_KEY, value: { positions: [{ id: 'x' }] } }] };
  await restoreBackup(db, JSON.stringify(file));
  const keys = (await db.settings.toArray()).map((r) => r.key);
  expect(keys.some((k) => k.startsWith('user-layer-damaged'))).toBe(true);
  expect(keys.some((k) => k.includes('NaN'))).toBe(false);
});
