/** The popup's and options page's side of the typed messages to the background. */
import browser from 'webextension-polyfill';
import type { PageRequest, Reply } from '../../shared/messages.ts';

export async function ask<T extends object>(request: PageRequest): Promise<T> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new Error(`no reply to ${request.type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
