/** One request from the content script to the background, its reply read by its schema (shared/messages.ts ContentReplies). */
import { ContentReplies, readReply, type ContentRequest } from '../shared/messages.ts';
import { ask } from './ask.ts';

export function askBackground<T extends object>(request: ContentRequest): Promise<T> {
  return ask<T>(request, (reply) => readReply<T>(request.type, ContentReplies[request.type], reply));
}
