/**
 * ADR 017: the service worker scans a tab's text for it; the tab never receives the dictionary. This is the
 * compact form of a scan's answer on the message channel, and its reading on the tab's side, which checks every
 * offset and index (the reply's schema in messages.ts checks only its shape).
 */
import type { EntityType } from '../core/corpus/schema.ts';

/** The longest text one scan request may carry: a chunk (20,000 characters) or a window and its overlap, with room. */
export const MAX_SCAN_CHARS = 32_768;
/** The most chunks one scan request carries (the chunks extracted in one slice of the tab's work). */
export const MAX_SCAN_PARTS = 256;
/** The most characters one scan request carries in all: serialising it is one task's work (about 10 ms under load). */
export const MAX_SCAN_BATCH_CHARS = 65_536;

/**
 * The most texts the worker keeps per document that withheld topic words (ScanReply.held), and their characters in
 * all; past either, the oldest is let go (its tab sends its text again, as before ScanReply.late).
 */
export const MAX_HELD_TEXTS = 200;
export const MAX_HELD_CHARS = 1_000_000;

/** The most entity ids a carried document context lists (names seen, anchors): a page names far fewer. */
export const MAX_CONTEXT_IDS = 1_000;
/** The longest text tail a carried document context holds (the matcher keeps 100 characters). */
export const MAX_CONTEXT_TAIL = 1_000;

/**
 * A document's scan context as the worker hands it to the tab with each answer, and the tab sends it back with its
 * next request: the service worker is stopped after 30 s idle, and its memory with it, so a page read on after a
 * pause would otherwise start again with nothing seen (an ambiguous alias no longer confirmed, topic words withheld
 * again). The worker's own memory wins while it has one; the context belongs to one record (`fingerprint`).
 */
export interface WireContext {
  fingerprint: string;
  seen: string[];
  anchors: string[];
  tail: string;
  withheld: number;
}

/** A mention as the content script draws it: offsets into the scanned text, the entity, its type, and whether its card is empty. */
export interface FoundMention {
  start: number;
  end: number;
  entityId: string;
  type: EntityType;
  quiet: boolean;
}

/**
 * The reply: `found` holds three integers per mention (start, end, index into `entities`); each entity that
 * occurs is listed once, with its type and whether its card has nothing to show.
 */
export interface ScanReply {
  found: number[];
  entities: Array<{ id: string; type: EntityType; quiet: boolean }>;
  /** Topic words of this text were held back: the page was not yet about the record (DocumentContext.withheld). */
  withheld?: boolean;
  /** The page read so far is about the record (pageIsRelevant): what earlier chunks withheld may be asked again. */
  relevant?: boolean;
  /**
   * With `withheld` (and not `relevant`): the worker keeps this text under this number, per document, to scan it again
   * itself once the page is about the record, so the tab need not read and send it again.
   */
  held?: number;
  /**
   * On the part after which the page became about the record: the texts held before (`held`), scanned again with the
   * document's context after the whole request; offsets into each held text. A held text the worker no longer has
   * (it was restarted, or let it go) is missing here: its tab sends it again.
   */
  late?: HeldAnswer[];
}

/** A held text's answer (ScanReply.late). */
export interface HeldAnswer {
  held: number;
  found: number[];
  entities: ScanReply['entities'];
}

/** The answer to one scan request: a reply per part, and the document's context after them (see WireContext). */
export interface ScanAnswer {
  replies: ScanReply[];
  ctx?: WireContext;
}

export function encodeFound(mentions: readonly FoundMention[]): ScanReply {
  const found: number[] = [];
  const entities: ScanReply['entities'] = [];
  const index = new Map<string, number>();
  for (const m of mentions) {
    let k = index.get(m.entityId);
    if (k === undefined) {
      k = entities.length;
      index.set(m.entityId, k);
      entities.push({ id: m.entityId, type: m.type, quiet: m.quiet });
    }
    found.push(m.start, m.end, k);
  }
  return { found, entities };
}

/** The mentions of a reply for a text of `length` units; throws on an offset or index that cannot be one. */
export function decodeFound(reply: ScanReply, length: number): FoundMention[] {
  const { found, entities } = reply;
  if (found.length % 3 !== 0) throw new Error('cs-bg-scan: the answer from OnRecord\'s background did not read (found: not whole mentions)');
  const out: FoundMention[] = [];
  for (let i = 0; i < found.length; i += 3) {
    const start = found[i]!;
    const end = found[i + 1]!;
    const entity = entities[found[i + 2]!];
    if (!entity || !(start >= 0 && start < end && end <= length)) {
      throw new Error(`cs-bg-scan: the answer from OnRecord's background did not read (found.${i}: a mention outside the text)`);
    }
    out.push({ start, end, entityId: entity.id, type: entity.type, quiet: entity.quiet });
  }
  return out;
}
