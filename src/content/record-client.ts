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
  /**
   * The mentions of the document's next chunk; `withheld`: topic words were held back because the page was not yet
   * about the record, `relevant`: it now is. `late`: a chunk scanned again for what it withheld (the document's
   * reading position stays where it was).
   */
  scan(text: string, late?: boolean): Promise<PageScan>;
}

export interface PageScan {
  found: FoundMention[];
  withheld: boolean;
  relevant: boolean;
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
    scan: async (text, late = false) => {
      const reply = await askBackground<ScanReply>({ type: 'cs-bg-scan', doc, text, ...(late ? { late } : {}) });
      return { found: decodeFound(reply, text.length), withheld: reply.withheld === true, relevant: reply.relevant === true };
    },
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
