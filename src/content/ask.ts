/**
 * One request from the content script to the background, with the reply's envelope unwrapped and its body read
 * by `read` (a schema's check, or a hand-written guard in the `document_start` script, which carries no schema
 * library: guards.ts). A reply that does not read is an error in words, never trusted by its shape.
 */
import browser from './runtime.ts';
import { track } from './activity.ts';
import type { ContentRequest, Reply } from '../shared/messages.ts';

export type ReadReply<T> = (reply: object) => { value: T } | { problem: string };

export async function ask<T extends object>(request: ContentRequest, read: ReadReply<T>): Promise<T> {
  return readReply(request.type, await track(browser.runtime.sendMessage(request)), read);
}

/** The reply to a request of type `type`, unwrapped and read (for a request sent before this module was loaded). */
export function readReply<T extends object>(type: string, answer: unknown, read: ReadReply<T>): T {
  const reply = answer as Reply<T> | undefined;
  // No reply at all: the extension was updated or reloaded under this page.
  if (!reply || typeof reply !== 'object') throw new Error(`${type}: OnRecord did not answer (reload the page after an update)`);
  if (!reply.ok) throw new Error(`${type}: ${typeof reply.error === 'string' ? reply.error : 'failed'}`);
  const got = read(reply);
  if ('problem' in got) throw new Error(got.problem);
  return got.value;
}
