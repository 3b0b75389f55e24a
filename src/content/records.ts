/** The records behind the page's mentions, and their sources, asked of the background when a reader opens one. */
import type { EntityRecord } from '../core/record/types.ts';
import { askBackground } from './ask-background.ts';

const records = new Map<string, Promise<EntityRecord>>();

/** Records are cached per page: hovering the same name twice asks the background once. */
export function fetchRecord(entityId: string): Promise<EntityRecord> {
  let p = records.get(entityId);
  if (!p) {
    p = askBackground<{ record: EntityRecord }>({ type: 'cs-bg-get-record', entityId }).then((r) => r.record);
    p.catch(() => records.delete(entityId));
    records.set(entityId, p);
  }
  return p;
}

export function forgetRecords(): void {
  records.clear();
}

export async function openSource(sourceId: string, positionId?: string): Promise<void> {
  await askBackground<object>({ type: 'cs-bg-open-source', sourceId, ...(positionId ? { positionId } : {}) });
}
