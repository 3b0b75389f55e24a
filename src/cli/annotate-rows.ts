/**
 * annotate's rows, encoded straight into byte buffers. The bytes are those of
 * `JSON.stringify({ file, start, end, text, entityId, label, type }) + '\n'`
 * per mention (JSON Lines) or of csvRow of the same fields (CSV); the test
 * test/cli/annotate-output.test.ts holds them to that, byte for byte.
 *
 * A row is: the file's part (encoded once per file), the two offsets (digits
 * written in place), and the rest, which depends only on the entity and the
 * text found: it is encoded once per (entity, text) pair (up to 32 texts per
 * entity, compared in place without a substring) and copied after
 * that. Pieces of about 1 MB go to `out`; a piece the output has written
 * out at once is reused, one it still holds is not, and when the output asks
 * to wait (a slow pipe) the writer waits for it to drain.
 */
import type { Entity } from '../core/corpus/schema.ts';
import { csvField, csvRow } from '../core/csv.ts';
import type { Mention } from '../core/match/index.ts';
import type { ExportFormat } from './export-records.ts';

/** What the rows are written to. */
export interface RowOutput {
  /** Takes a piece of bytes; returns true when it has written them out already (the caller may overwrite them). */
  write(bytes: Uint8Array): boolean;
  /** Resolves when the output can take more (at once when it can now). */
  drained(): Promise<void>;
}

/** Rows are handed to the output in pieces of about this many bytes. */
const PIECE_BYTES = 1 << 20;
/** Texts longer than this are encoded each time, not kept (a found name is a few words). */
const CACHED_TEXT_MAX = 120;
/** At most this many texts are kept per entity (a name is found in a few spellings and cases). */
const CACHED_PER_ENTITY = 32;

const encoder = new TextEncoder();
const bytesOf = (s: string): Uint8Array => encoder.encode(s);

/** What a row says of its entity. */
export type RowEntity = Pick<Entity, 'id' | 'label' | 'type'>;

export interface RowWriter {
  /** Writes one document's mentions (in order) as rows. */
  write(file: string, text: string, mentions: readonly Mention[]): Promise<void>;
  /** Hands what is buffered to the output. */
  flush(): Promise<void>;
}

export function createRowWriter(entities: readonly RowEntity[], format: ExportFormat, output: RowOutput): RowWriter {
  const csv = format === 'csv';
  /** Per entity: the row's end after the text (JSON: `,"entityId":…}\n`; CSV: `,id,label,type\r\n`), and the rests per found text. */
  const byEntity = new Map<string, { tail: string; rests: { found: string; bytes: Uint8Array }[] }>();
  for (const e of entities) {
    const tail = csv ? `,${csvRow([e.id, e.label, e.type])}` : `,"entityId":${JSON.stringify(e.id)},"label":${JSON.stringify(e.label)},"type":${JSON.stringify(e.type)}}\n`;
    byEntity.set(e.id, { tail, rests: [] });
  }
  const between = bytesOf(csv ? ',' : ',"end":');

  let buf = new Uint8Array(PIECE_BYTES + (64 << 10));
  let at = 0;

  const flush = async (): Promise<void> => {
    if (at === 0) return;
    const piece = buf.subarray(0, at);
    at = 0;
    if (!output.write(piece)) {
      // The output holds the piece: the next rows go to a new buffer, once it has room.
      buf = new Uint8Array(buf.length);
      await output.drained();
    }
  };

  const put = (bytes: Uint8Array): void => {
    const n = bytes.length;
    if (n > 32) {
      buf.set(bytes, at);
      at += n;
    } else {
      for (let i = 0; i < n; i++) buf[at + i] = bytes[i]!;
      at += n;
    }
  };

  const putUint = (value: number): void => {
    let digits = 1;
    for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
    let v = value;
    for (let i = at + digits - 1; i >= at; i--) {
      buf[i] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
    at += digits;
  };

  /**
   * The rest of a row for a mention. An entity's texts found so far are compared
   * in place (no substring made); a new one is encoded and kept.
   */
  const restOf = (entityId: string, text: string, start: number, end: number): Uint8Array => {
    const entity = byEntity.get(entityId)!;
    const length = end - start;
    for (const known of entity.rests) {
      if (known.found.length === length && text.startsWith(known.found, start)) return known.bytes;
    }
    const found = text.slice(start, end);
    const bytes = bytesOf(csv ? `,${csvField(found)}${entity.tail}` : `,"text":${JSON.stringify(found)}${entity.tail}`);
    if (length <= CACHED_TEXT_MAX && entity.rests.length < CACHED_PER_ENTITY) entity.rests.push({ found, bytes });
    return bytes;
  };

  const write = async (file: string, text: string, mentions: readonly Mention[]): Promise<void> => {
    const head = bytesOf(csv ? `${csvField(file)},` : `{"file":${JSON.stringify(file)},"start":`);
    for (const m of mentions) {
      const rest = restOf(m.entityId, text, m.start, m.end);
      // Offsets take at most 16 digits each.
      const need = head.length + 32 + between.length + rest.length;
      if (at + need > buf.length) {
        await flush();
        if (need > buf.length) buf = new Uint8Array(need + PIECE_BYTES);
      }
      put(head);
      putUint(m.start);
      put(between);
      putUint(m.end);
      put(rest);
      if (at >= PIECE_BYTES) await flush();
    }
  };

  return { write, flush };
}
