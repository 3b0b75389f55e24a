/** One request from the content script to the background, with the reply's envelope unwrapped. */
import browser from './runtime.ts';
import { ContentReplies, readReply, type ContentRequest, type Reply } from '../shared/messages.ts';
import { track } from './activity.ts';

export async function askBackground<T extends object>(request: ContentRequest): Promise<T> {
  const reply = (await track(browser.runtime.sendMessage(request))) as Reply<T> | undefined;
  // No reply at all: the extension was updated or reloaded under this page.
  if (!reply) throw new Error(`${request.type}: OnRecord did not answer (reload the page after an update)`);
  if (!reply.ok) throw new Error(`${request.type}: ${reply.error}`);
  // The reply is read like a request: by its schema (shared/messages.ts ContentReplies), not trusted by its shape.
  const read = readReply<T>(request.type, ContentReplies[request.type], reply);
  if ('problem' in read) throw new Error(read.problem);
  return read.value;
}
