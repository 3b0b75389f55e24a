/**
 * The one message the source page sends: the page asks the background for a
 * source, its full text and the positions drawn from it. Direction is in the
 * name (page → background).
 */
import type { Entity, Position, Source } from '../../core/corpus/schema.ts';
import { t } from '../../core/i18n.ts';

export const GET_SOURCE = 'page-bg-get-source';

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

/** A shallow shape check of what came back over the channel, so a wrong reply shows as an error, not a crash. */
export function asGetSourceResponse(value: unknown): GetSourceResponse {
  if (typeof value !== 'object' || value === null) return { ok: false, error: t('sourceNoAnswer') };
  const v = value as Record<string, unknown>;
  if (v.ok === false) return { ok: false, error: typeof v.error === 'string' ? v.error : t('sourceUnknownError') };
  if (v.ok === true && typeof v.text === 'string' && typeof v.source === 'object' && v.source !== null && Array.isArray(v.positions) && typeof v.entities === 'object' && v.entities !== null) {
    return value as SourcePayload;
  }
  return { ok: false, error: t('sourceBadAnswer') };
}
