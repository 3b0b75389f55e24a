/** The content script's side of the typed messages to the background. */
import type { EntityType } from '../core/corpus/schema.ts';
import type { SerializedMatcher } from '../core/match/index.ts';
import type { EntityRecord } from '../core/record/types.ts';
import { fromWire } from '../shared/wire.ts';
import { askBackground } from './ask-background.ts';


export interface MatcherPayload {
  fingerprint: string;
  matcher: SerializedMatcher;
  types: Map<string, EntityType>;
  /** Entities whose card has nothing to show. */
  quiet: Set<string>;
}

export async function fetchMatcher(): Promise<MatcherPayload> {
  const r = await askBackground<{ fingerprint: string; matcher: unknown; types: Record<string, EntityType>; quiet?: unknown }>({ type: 'cs-bg-get-matcher' });
  const quiet = Array.isArray(r.quiet) ? r.quiet.filter((id): id is string => typeof id === 'string') : [];
  return { fingerprint: r.fingerprint, matcher: fromWire(r.matcher) as SerializedMatcher, types: new Map(Object.entries(r.types)), quiet: new Set(quiet) };
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
