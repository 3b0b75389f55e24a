/**
 * The one message the source page sends: the page asks the background for a
 * source, its full text and the positions drawn from it. Direction is in the
 * name (page → background).
 */
import * as v from 'valibot';
import type { Entity, Position, Source } from '../../core/corpus/schema.ts';
import { t } from '../../core/i18n.ts';
import { PageBgGetSource, PageReplies, messageType } from '../../shared/messages.ts';

export const GET_SOURCE = messageType(PageBgGetSource);

export interface GetSourceRequest {
  type: typeof GET_SOURCE;
  sourceId: string;
}

export interface SourcePayload {
  ok: true;
  source: Source;
  /** The source's full text; passage offsets are UTF-16 offsets into it. */
  text: string;
  /** Every position whose `source` is this source. */
  positions: Position[];
  /** At least the actors, relayers and topics those positions name, by id. */
  entities: Record<string, Entity>;
}

export type GetSourceResponse = SourcePayload | { ok: false; error: string };

export function getSourceRequest(sourceId: string): GetSourceRequest {
  return { type: GET_SOURCE, sourceId };
}

/** What came back over the channel, read by its reply schema (shared/messages.ts), so a wrong reply shows as an error, not a crash. */
export function asGetSourceResponse(value: unknown): GetSourceResponse {
  if (typeof value !== 'object' || value === null) return { ok: false, error: t('sourceNoAnswer') };
  const reply = value as Record<string, unknown>;
  if (reply.ok === false) return { ok: false, error: typeof reply.error === 'string' ? reply.error : t('sourceUnknownError') };
  if (reply.ok === true && v.safeParse(PageReplies[GET_SOURCE], reply).success) return value as SourcePayload;
  return { ok: false, error: t('sourceBadAnswer') };
}
