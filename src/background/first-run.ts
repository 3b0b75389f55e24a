/**
 * The first run (issue 13): the welcome page opens once, when the extension is installed — never on an
 * update, a reload, a browser update or a restart. What was decided is kept in the settings table, so a
 * repeated install event opens nothing; the last event handled is kept too, so tests can wait for it
 * before checking that nothing opened. The welcome page's demo asks here which words the record underlines.
 */
import { createDocumentContext, pageIsRelevant } from '../core/match/index.ts';
import { scanForPage, type ScanRecord } from './page-scan.ts';
import type { FoundMentionsReply } from '../shared/messages.ts';
import type { OnRecordDb } from '../storage/db.ts';

export const WELCOME_PAGE = 'src/pages/welcome/index.html';
export const FIRST_RUN_KEY = 'first-run';

export interface FirstRunState {
  /** When the welcome page was opened (once per install). */
  welcomeOpenedAt?: number;
  /** The last `runtime.onInstalled` handled, and whether it opened the page. */
  lastEvent?: { reason: string; at: number; opened: boolean };
}

/** Handles one `runtime.onInstalled`: opens the welcome page (through `open`) on the first install only. */
export async function welcomeOnInstalled(db: OnRecordDb, reason: string, open: () => Promise<unknown>): Promise<boolean> {
  // Decided and written in one transaction, before the tab opens: a second event meanwhile must not open another.
  const opening = await db.transaction('rw', db.settings, async () => {
    const state: FirstRunState = ((await db.settings.get(FIRST_RUN_KEY))?.value as FirstRunState | undefined) ?? {};
    const first = reason === 'install' && state.welcomeOpenedAt === undefined;
    const at = Date.now();
    await db.settings.put({ key: FIRST_RUN_KEY, value: { ...state, ...(first ? { welcomeOpenedAt: at } : {}), lastEvent: { reason, at, opened: first } } });
    return first;
  });
  if (opening) await open();
  return opening;
}

/**
 * A browser start with the extension already installed (`runtime.onStartup`): recorded as an event that opened
 * nothing, so a test of a second launch has a signal to wait for whether or not the browser also sends an
 * install event then.
 */
export async function noteStartup(db: OnRecordDb): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const state: FirstRunState = ((await db.settings.get(FIRST_RUN_KEY))?.value as FirstRunState | undefined) ?? {};
    await db.settings.put({ key: FIRST_RUN_KEY, value: { ...state, lastEvent: { reason: 'startup', at: Date.now(), opened: false } } });
  });
}

/** The mentions the record finds in the paragraphs of one document (the demo article), as the content script would draw them. */
export function findMentions(active: ScanRecord, paragraphs: readonly string[]): FoundMentionsReply {
  const quiet = new Set(active.wire.quiet);
  const ctx = createDocumentContext();
  const withheld: number[] = [];
  const found = paragraphs.map((text, i) => {
    const before = ctx.withheld;
    const mentions = scanForPage(active, text, ctx, quiet);
    if (ctx.withheld > before) withheld.push(i);
    return mentions;
  });
  // As on pages (content/annotator.ts): a paragraph read before the article was plainly about the record (its
  // headline) is matched again once it is, so its topic words are drawn too.
  if (pageIsRelevant(ctx)) for (const i of withheld) found[i] = scanForPage(active, paragraphs[i]!, ctx, quiet);
  return { paragraphs: found };
}
