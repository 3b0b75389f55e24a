/**
 * Hand-written checks of the messages the `document_start` script reads (ADR 018: it carries no schema library,
 * so that what every page evaluates before its parser goes on stays a few kilobytes). Each one accepts no more
 * than its valibot schema in shared/messages.ts (guards.test.ts checks them side by side), and words the problem
 * the same way.
 */
import type { EntityType } from '../core/corpus/schema.ts';
import type { TabSettings } from '../core/settings.ts';
import type { ScanAnswer, ScanReply } from '../shared/page-scan.ts';
import { MAX_CONTEXT_IDS, MAX_CONTEXT_TAIL, MAX_HELD_TEXTS, MAX_SCAN_PARTS } from '../shared/page-scan.ts';
import { ENTITY_TYPES } from './page-css.ts';
import type { ReadReply } from './ask.ts';

/** The longest id a message may carry (messages.ts Id). */
const MAX_ID = 200;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isId = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_ID;
const isType = (x: unknown): x is EntityType => (ENTITY_TYPES as readonly unknown[]).includes(x);
const isOptionalBoolean = (x: unknown) => x === undefined || typeof x === 'boolean';

/** A failed check: where, in the reply, and what was wrong. */
class Problem {
  constructor(readonly path: string, readonly what: string) {}
}
const need = (ok: boolean, path: string, what: string) => {
  if (!ok) throw new Problem(path, what);
};
/** The same for a check made per element of a long list: its path is written only when it fails. */
const fail = (path: string, what: string): never => {
  throw new Problem(path, what);
};

function reader<T extends object>(type: string, check: (body: Obj) => void): ReadReply<T> {
  return (reply) => {
    try {
      need(isObj(reply), 'the reply', 'not an object');
      check(reply as Obj);
      return { value: reply as T };
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      return { problem: `${type}: the answer from OnRecord's background did not read (${err.path}: ${err.what})` };
    }
  };
}

/** The reply to cs-bg-get-settings (messages.ts ContentReplies). */
export const readSettingsReply = reader<{ settings: TabSettings; fingerprint: string }>('cs-bg-get-settings', (body) => {
  const s = body['settings'];
  need(isObj(s), 'settings', 'not an object');
  const settings = s as Obj;
  need(typeof settings['on'] === 'boolean', 'settings.on', 'not a boolean');
  need(isCount(settings['hoverDelayMs']), 'settings.hoverDelayMs', 'not a whole number ≥ 0');
  need(typeof settings['highlightStyle'] === 'string', 'settings.highlightStyle', 'not a string');
  const types = settings['enabledTypes'];
  need(Array.isArray(types), 'settings.enabledTypes', 'not an array');
  (types as unknown[]).forEach((t, i) => need(isType(t), `settings.enabledTypes.${i}`, 'not an entity type'));
  need(typeof settings['hideEmptyNames'] === 'boolean', 'settings.hideEmptyNames', 'not a boolean');
  need(typeof body['fingerprint'] === 'string', 'fingerprint', 'not a string');
});

/** A reply with nothing to read but its envelope (messages.ts Empty: any object). */
export const readEmptyReply = reader<object>('reply', () => undefined);

/** The reply to cs-bg-scan: its shape only; offsets and indices are checked against the text (page-scan.ts decodeFound). */
/** A reply's `found` (three whole numbers per mention) and `entities`, as the scan reply's schema reads them. */
function readMentions(reply: Obj, at: string): void {
  const found = reply['found'];
  need(Array.isArray(found), `${at}.found`, 'not an array');
  // Three numbers per mention, 336,000 on a 5 MB text node: no string or closure per number (issue 14: garbage
  // collection pauses in the page's tasks).
  const numbers = found as unknown[];
  for (let j = 0; j < numbers.length; j++) if (!isCount(numbers[j])) fail(`${at}.found.${j}`, 'not a whole number ≥ 0');
  const entities = reply['entities'];
  need(Array.isArray(entities), `${at}.entities`, 'not an array');
  (entities as unknown[]).forEach((e, j) => {
    need(isObj(e), `${at}.entities.${j}`, 'not an object');
    const entity = e as Obj;
    need(isId(entity['id']), `${at}.entities.${j}.id`, `not a string of at most ${MAX_ID} characters`);
    need(isType(entity['type']), `${at}.entities.${j}.type`, 'not an entity type');
    need(typeof entity['quiet'] === 'boolean', `${at}.entities.${j}.quiet`, 'not a boolean');
  });
}

export const readScanReply = reader<ScanAnswer>('cs-bg-scan', (body) => {
  const replies = body['replies'];
  need(Array.isArray(replies), 'replies', 'not an array');
  const list = replies as unknown[];
  need(list.length <= MAX_SCAN_PARTS, 'replies', `more than ${MAX_SCAN_PARTS}`);
  list.forEach((r, i) => {
    const at = `replies.${i}`;
    need(isObj(r), at, 'not an object');
    const reply = r as Obj;
    readMentions(reply, at);
    need(isOptionalBoolean(reply['withheld']), `${at}.withheld`, 'not a boolean');
    need(isOptionalBoolean(reply['relevant']), `${at}.relevant`, 'not a boolean');
    need(reply['held'] === undefined || isCount(reply['held']), `${at}.held`, 'not a whole number ≥ 0');
    const late = reply['late'];
    if (late === undefined) return;
    need(Array.isArray(late) && late.length <= MAX_HELD_TEXTS, `${at}.late`, `not a list of at most ${MAX_HELD_TEXTS}`);
    (late as unknown[]).forEach((h, j) => {
      need(isObj(h), `${at}.late.${j}`, 'not an object');
      need(isCount((h as Obj)['held']), `${at}.late.${j}.held`, 'not a whole number ≥ 0');
      readMentions(h as Obj, `${at}.late.${j}`);
    });
  });
  const ctx = body['ctx'];
  if (ctx === undefined) return;
  need(isObj(ctx), 'ctx', 'not an object');
  const c = ctx as Obj;
  need(isId(c['fingerprint']), 'ctx.fingerprint', `not a string of at most ${MAX_ID} characters`);
  for (const key of ['seen', 'anchors'] as const) {
    const ids = c[key];
    need(Array.isArray(ids) && ids.length <= MAX_CONTEXT_IDS, `ctx.${key}`, `not a list of at most ${MAX_CONTEXT_IDS}`);
    (ids as unknown[]).forEach((id, j) => need(isId(id), `ctx.${key}.${j}`, `not a string of at most ${MAX_ID} characters`));
  }
  need(typeof c['tail'] === 'string' && c['tail'].length <= MAX_CONTEXT_TAIL, 'ctx.tail', `not a string of at most ${MAX_CONTEXT_TAIL} characters`);
  need(isCount(c['withheld']), 'ctx.withheld', 'not a whole number ≥ 0');
});

/** The messages the site control answers (a part of messages.ts ToContentMessage); anything else is left to others. */
export type ControlMessage =
  | { type: 'bg-cs-settings-changed' }
  | { type: 'popup-cs-get-mentions' }
  | { type: 'bg-cs-activity' }
  | { type: 'popup-cs-focus-entity'; entityId: string };

export function readControlMessage(message: unknown): ControlMessage | undefined {
  if (!isObj(message)) return undefined;
  const type = message['type'];
  if (type === 'bg-cs-settings-changed' || type === 'popup-cs-get-mentions' || type === 'bg-cs-activity') return { type };
  if (type === 'popup-cs-focus-entity' && isId(message['entityId'])) return { type, entityId: message['entityId'] };
  return undefined;
}
