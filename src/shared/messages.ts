/**
 * Every message that crosses an extension boundary, named by direction:
 *   cs-bg-*   content script → background
 *   page-bg-* extension page (source viewer, options, …) → background
 * Each request has a valibot schema; the background validates the shape and
 * the sender before it acts (see background/router.ts).
 */
import * as v from 'valibot';

const Id = v.pipe(v.string(), v.maxLength(200));

export const CsBgGetMatcher = v.object({ type: v.literal('cs-bg-get-matcher'), have: v.optional(v.string()) });
export const CsBgGetRecord = v.object({ type: v.literal('cs-bg-get-record'), entityId: Id });
export const CsBgOpenSource = v.object({ type: v.literal('cs-bg-open-source'), sourceId: Id, positionId: v.optional(Id) });
export const PageBgGetSource = v.object({ type: v.literal('page-bg-get-source'), sourceId: Id });
export const PageBgStatus = v.object({ type: v.literal('page-bg-status') });

/** Requests the content script may send. */
export const ContentRequest = v.variant('type', [CsBgGetMatcher, CsBgGetRecord, CsBgOpenSource]);
/** Requests only extension pages may send. */
export const PageRequest = v.variant('type', [PageBgGetSource, PageBgStatus, CsBgGetRecord]);

export type CsBgGetMatcher = v.InferOutput<typeof CsBgGetMatcher>;
export type CsBgGetRecord = v.InferOutput<typeof CsBgGetRecord>;
export type CsBgOpenSource = v.InferOutput<typeof CsBgOpenSource>;
export type PageBgGetSource = v.InferOutput<typeof PageBgGetSource>;
export type ContentRequest = v.InferOutput<typeof ContentRequest>;
export type PageRequest = v.InferOutput<typeof PageRequest>;

/** Every reply has this envelope, so a failure reaches the caller as a message, not a silent undefined. */
export type Reply<T> = ({ ok: true } & T) | { ok: false; error: string };
