/** The content script's side of the typed messages to the background. */
import browser from 'webextension-polyfill';
import type { EntityType } from '../core/corpus/schema.ts';
import type { SerializedMatcher } from '../core/match/index.ts';
import type { EntityRecord } from '../core/record/types.ts';
import type { ContentRequest, Reply } from '../shared/messages.ts';
import { fromWire } from '../shared/wire.ts';

async function ask<T extends object>(request: ContentRequest): Promise<T> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new Error(`no reply to ${request.type}`);
  if (!reply.ok) throw new Error(`${request.type}: ${reply.error}`);
  return reply;
}

export interface MatcherPayload {
  fingerprint: string;
  matcher: SerializedMatcher;
  types: Map<string, EntityType>;
}

export async function fetchMatcher(): Promise<MatcherPayload> {
  const r = await ask<{ fingerprint: string; matcher: unknown; types: Record<string, EntityType> }>({ type: 'cs-bg-get-matcher' });
  return { fingerprint: r.fingerprint, matcher: fromWire(r.matcher) as SerializedMatcher, types: new Map(Object.entries(r.types)) };
}

const records = new Map<string, Promise<EntityRecord>>();

/** Records are cached per page: hovering the same name twice asks the background once. */
export function fetchRecord(entityId: string): Promise<EntityRecord> {
  let p = records.get(entityId);
  if (!p) {
    p = ask<{ record: EntityRecord }>({ type: 'cs-bg-get-record', entityId }).then((r) => r.record);
    p.catch(() => records.delete(entityId));
    records.set(entityId, p);
  }
  return p;
}

export function forgetRecords(): void {
  records.clear();
}

export async function openSource(sourceId: string, positionId?: string): Promise<void> {
  await ask<object>({ type: 'cs-bg-open-source', sourceId, ...(positionId ? { positionId } : {}) });
}
