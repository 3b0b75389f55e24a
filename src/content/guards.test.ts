import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ContentReplies, ToContentMessage } from '../shared/messages.ts';
import { readControlMessage, readEmptyReply, readScanReply, readSettingsReply } from './guards.ts';

// The hand-written checks of the document_start script (ADR 018) beside the schemas they stand in for: every
// sample the guard accepts, the schema accepts too, and the samples the schema refuses the guard refuses.
const settings = { on: true, hoverDelayMs: 300, highlightStyle: 'underline', enabledTypes: ['person', 'topic'], hideEmptyNames: false };
const settingsReplies: unknown[] = [
  { ok: true, settings, fingerprint: 'f' },
  { ok: true, settings: { ...settings, extra: 1 }, fingerprint: 'f' },
  { ok: true, settings: { ...settings, on: 'yes' }, fingerprint: 'f' },
  { ok: true, settings: { ...settings, hoverDelayMs: -1 }, fingerprint: 'f' },
  { ok: true, settings: { ...settings, hoverDelayMs: 1.5 }, fingerprint: 'f' },
  { ok: true, settings: { ...settings, enabledTypes: ['person', 'villain'] }, fingerprint: 'f' },
  { ok: true, settings: { ...settings, enabledTypes: 'person' }, fingerprint: 'f' },
  { ok: true, settings: { ...settings, hideEmptyNames: undefined }, fingerprint: 'f' },
  { ok: true, settings: { ...settings, highlightStyle: 3 }, fingerprint: 'f' },
  { ok: true, settings },
  { ok: true, settings: null, fingerprint: 'f' },
  { ok: true, fingerprint: 'f' },
];
const part = { found: [0, 6, 0], entities: [{ id: 'dmitry-peskov', type: 'person', quiet: false }] };
const scanReplies: unknown[] = [
  { ok: true, replies: [part] },
  { ok: true, replies: [] },
  { ok: true, replies: [{ ...part, withheld: true, relevant: false }] },
  { ok: true, replies: [{ ...part, withheld: 'yes' }] },
  { ok: true, replies: [{ ...part, relevant: 1 }] },
  { ok: true, replies: [{ ...part, found: [0, -6, 0] }] },
  { ok: true, replies: [{ ...part, found: [0, 6.5, 0] }] },
  { ok: true, replies: [{ ...part, found: ['0'] }] },
  { ok: true, replies: [{ ...part, entities: [{ id: 'x'.repeat(201), type: 'person', quiet: false }] }] },
  { ok: true, replies: [{ ...part, entities: [{ id: 'x', type: 'villain', quiet: false }] }] },
  { ok: true, replies: [{ ...part, entities: [{ id: 'x', type: 'person' }] }] },
  { ok: true, replies: [{ ...part, entities: [null] }] },
  { ok: true, replies: [null] },
  { ok: true, replies: Array.from({ length: 257 }, () => part) },
  { ok: true, replies: {} },
  { ok: true },
  // The document's context carried between the worker's restarts.
  { ok: true, replies: [part], ctx: { fingerprint: 'f', seen: ['naftali-bennett'], anchors: [], tail: 'to Moscow', withheld: 2 } },
  { ok: true, replies: [part], ctx: { fingerprint: 'f', seen: ['naftali-bennett'], anchors: [], tail: 'x'.repeat(1_001), withheld: 0 } },
  { ok: true, replies: [part], ctx: { fingerprint: 'f', seen: Array.from({ length: 1_001 }, () => 'a'), anchors: [], tail: '', withheld: 0 } },
  { ok: true, replies: [part], ctx: { fingerprint: 'f', seen: [7], anchors: [], tail: '', withheld: 0 } },
  { ok: true, replies: [part], ctx: { fingerprint: 'f', seen: [], anchors: [], tail: '', withheld: -1 } },
  { ok: true, replies: [part], ctx: { seen: [], anchors: [], tail: '', withheld: 0 } },
  { ok: true, replies: [part], ctx: 'f' },
  // Held texts (issue 15): the number a withheld text is kept under, and the held texts' answers.
  { ok: true, replies: [{ ...part, withheld: true, held: 3 }] },
  { ok: true, replies: [{ ...part, relevant: true, late: [{ held: 3, found: [0, 7, 0], entities: [{ id: 'kremlin', type: 'organization', quiet: false }] }, { held: 4, found: [], entities: [] }] }] },
  { ok: true, replies: [{ ...part, held: -1 }] },
  { ok: true, replies: [{ ...part, held: 'x' }] },
  { ok: true, replies: [{ ...part, late: {} }] },
  { ok: true, replies: [{ ...part, late: [{ found: [], entities: [] }] }] },
  { ok: true, replies: [{ ...part, late: [{ held: 1, found: [0, 1.5, 0], entities: [] }] }] },
  { ok: true, replies: [{ ...part, late: [{ held: 1, found: [], entities: [{ id: 'x', type: 'nope', quiet: false }] }] }] },
  { ok: true, replies: [{ ...part, late: Array.from({ length: 201 }, (_, i) => ({ held: i, found: [], entities: [] })) }] },
];

function schemaReads(schema: v.GenericSchema, reply: object): boolean {
  const { ok: _ok, ...body } = reply as { ok?: unknown };
  return v.safeParse(schema, body).success;
}

describe('document_start guards', () => {
  it('read the settings reply as its schema does', () => {
    for (const reply of settingsReplies) {
      const guard = 'value' in readSettingsReply(reply as object);
      expect([reply, guard]).toEqual([reply, schemaReads(ContentReplies['cs-bg-get-settings'], reply as object)]);
    }
  });

  it('read the scan reply as its schema does, and say where it did not read', () => {
    for (const reply of scanReplies) {
      const guard = 'value' in readScanReply(reply as object);
      expect([reply, guard]).toEqual([reply, schemaReads(ContentReplies['cs-bg-scan'], reply as object)]);
    }
    expect(readScanReply({ ok: true, replies: [{ ...part, found: [0, -6, 0] }] })).toEqual({
      problem: "cs-bg-scan: the answer from OnRecord's background did not read (replies.0.found.1: not a whole number ≥ 0)",
    });
  });

  it('take an empty reply as any object', () => {
    expect('value' in readEmptyReply({ ok: true })).toBe(true);
  });

  it('read the site control’s messages as ToContentMessage does, and nothing else', () => {
    const messages: unknown[] = [
      { type: 'bg-cs-settings-changed' },
      { type: 'popup-cs-get-mentions' },
      { type: 'bg-cs-activity', extra: true },
      { type: 'popup-cs-focus-entity', entityId: 'dmitry-peskov' },
      { type: 'popup-cs-focus-entity', entityId: 'x'.repeat(201) },
      { type: 'popup-cs-focus-entity' },
      { type: 'popup-cs-focus-entity', entityId: 7 },
      { type: 'bg-cs-unknown' },
      'bg-cs-activity',
      null,
      [],
    ];
    for (const m of messages) {
      const guard = readControlMessage(m);
      const schema = v.safeParse(ToContentMessage, m);
      // Where the guard reads a message, the schema reads the same; where the schema refuses, so does the guard.
      if (guard) expect(schema.success && schema.output).toEqual(guard);
      if (!schema.success) expect(guard).toBeUndefined();
    }
    expect(readControlMessage({ type: 'popup-cs-focus-entity', entityId: 'a' })).toEqual({ type: 'popup-cs-focus-entity', entityId: 'a' });
  });
});
