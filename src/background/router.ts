/**
 * A thin router: validate the message and its sender, then call the service.
 * Content scripts and extension pages get separate request sets; a content
 * script can never reach a page-only request.
 */
import * as v from 'valibot';
import type { Runtime } from 'webextension-polyfill';
import { ContentRequest, PageRequest, type Reply } from '../shared/messages.ts';

export type Sender = Pick<Runtime.MessageSender, 'id' | 'url' | 'tab' | 'frameId'>;

export interface RouterDeps {
  extensionId: string;
  extensionOrigin: string;
  handleContent(req: ContentRequest, sender: Sender): Promise<object>;
  handlePage(req: PageRequest, sender: Sender): Promise<object>;
}

export type SenderKind = 'content' | 'page' | 'foreign';

export function classifySender(sender: Sender, deps: Pick<RouterDeps, 'extensionId' | 'extensionOrigin'>): SenderKind {
  if (sender.id !== deps.extensionId || !sender.url) return 'foreign';
  if (sender.url.startsWith(deps.extensionOrigin)) return 'page';
  if (sender.tab && /^https?:\/\//.test(sender.url)) return 'content';
  return 'foreign';
}

function describeIssues(issues: v.BaseIssue<unknown>[]): string {
  return issues.map((i) => `${v.getDotPath(i) ?? '(message)'}: ${i.message}`).join('; ');
}

export async function route(message: unknown, sender: Sender, deps: RouterDeps): Promise<Reply<object>> {
  const kind = classifySender(sender, deps);
  try {
    if (kind === 'content') {
      const parsed = v.safeParse(ContentRequest, message);
      if (!parsed.success) return { ok: false, error: `invalid message: ${describeIssues(parsed.issues)}` };
      return { ok: true, ...(await deps.handleContent(parsed.output, sender)) };
    }
    if (kind === 'page') {
      const parsed = v.safeParse(PageRequest, message);
      if (!parsed.success) return { ok: false, error: `invalid message: ${describeIssues(parsed.issues)}` };
      return { ok: true, ...(await deps.handlePage(parsed.output, sender)) };
    }
    return { ok: false, error: 'sender not allowed' };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
