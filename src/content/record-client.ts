/** The content script's side of the typed messages to the background. */
import type { EntityRecord } from '../core/record/types.ts';
import { decodeFound, type FoundMention, type ScanReply } from '../shared/page-scan.ts';
import { askBackground } from './ask-background.ts';

/**
 * The page's matcher (ADR 017): each chunk's text is scanned by the background, which keeps the document's
 * context between chunks. The replies come in the order the chunks were sent.
 */
export interface PageMatcher {
  /** A new document (a full rescan): names seen so far no longer confirm ambiguous ones. */
  newDocument(): void;
  scan(text: string): Promise<FoundMention[]>;
}

function documentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let id = '';
  for (const b of bytes) id += b.toString(16).padStart(2, '0');
  return id;
}

export function backgroundMatcher(): PageMatcher {
  let doc = documentId();
  return {
    newDocument: () => void (doc = documentId()),
    scan: async (text) => decodeFound(await askBackground<ScanReply>({ type: 'cs-bg-scan', doc, text }), text.length),
  };
}

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
