/** Extension pages' side of the typed messages to the background (popup, options, library, side panel). */
import browser from 'webextension-polyfill';
import { t } from '../core/i18n.ts';
import type { PageRequest, Reply } from '../shared/messages.ts';

export async function ask<T extends object>(request: PageRequest): Promise<T> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new Error(t('backgroundNoAnswer', request.type));
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
