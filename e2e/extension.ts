/**
 * The Playwright fixture for every e2e test: the real built extension
 * (dist/chrome) loaded into Debian's Chromium in a fresh profile.
 */
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DIST = resolve('dist/chrome');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian\'s "chromium" package or set CHROMIUM_PATH');
  return found;
}

/** `language`: the browser's UI language (chrome.i18n.getUILanguage), set through --lang and LANGUAGE. */
export async function launchWithExtension(userDataDir: string, opts: { language?: string } = {}): Promise<BrowserContext> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/chrome is missing: run "npm run build" first');
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    ...(opts.language ? { env: { ...process.env, LANGUAGE: opts.language } as Record<string, string> } : {}),
    args: [
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      ...(opts.language ? [`--lang=${opts.language}`] : []),
    ],
  });
}

/** The path of the first-run page the service worker opens once on install (background/first-run.ts). */
export const WELCOME_PATH = '/src/pages/welcome/index.html';
const isWelcome = (p: Page): boolean => p.url().startsWith('chrome-extension://') && new URL(p.url()).pathname === WELCOME_PATH;

/** The welcome page of a freshly installed extension: already open, or the next page to open. */
export async function welcomePage(context: BrowserContext, timeout = 15_000): Promise<Page> {
  const next = context.waitForEvent('page', { predicate: isWelcome, timeout });
  const open = context.pages().find(isWelcome);
  if (open) {
    next.catch(() => undefined);
    return open;
  }
  return next;
}

/** The welcome pages open in `context` now. */
export const welcomePages = (context: BrowserContext): Page[] => context.pages().filter(isWelcome);

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

interface Fixtures {
  userDataDir: string;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'onrecord-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ userDataDir }, use) => {
    const context = await launchWithExtension(userDataDir);
    // A fresh profile is an install, which opens the welcome page once: every test starts after it is closed,
    // so no test races it for the active tab (e2e/readers.spec.ts tests the page itself).
    await (await welcomePage(context)).close();
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => use(await serviceWorkerOf(context)),
  extensionId: async ({ serviceWorker }, use) => use(new URL(serviceWorker.url()).host),
});

export const expect = test.expect;

/** What a test may do to one table of the extension's database. */
type TableOp = { table: string } & ({ op: 'count' } | { op: 'all' } | { op: 'put'; rows: unknown[] } | { op: 'clear' });

/**
 * One operation on a table of the extension's IndexedDB, run inside the service worker (test setup and checks
 * only). It never creates the database — an empty one made here would hold back the worker's own open and
 * upgrade — and closes its connection when done. Undefined while the database or the table does not exist yet.
 */
function onTable(sw: Worker, req: TableOp): Promise<unknown> {
  return sw.evaluate(
    (req) =>
      new Promise<unknown>((ok, fail) => {
        const open = indexedDB.open('onrecord');
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? ok(undefined) : fail(open.error));
        open.onsuccess = () => {
          const idb = open.result;
          if (!idb.objectStoreNames.contains(req.table)) {
            idb.close();
            return ok(undefined);
          }
          const tx = idb.transaction(req.table, req.op === 'put' || req.op === 'clear' ? 'readwrite' : 'readonly');
          const store = tx.objectStore(req.table);
          let result: unknown;
          if (req.op === 'count') store.count().onsuccess = (e) => (result = (e.target as IDBRequest).result);
          else if (req.op === 'all') store.getAll().onsuccess = (e) => (result = (e.target as IDBRequest).result);
          else if (req.op === 'clear') store.clear();
          else for (const row of req.rows) store.put(row);
          tx.oncomplete = () => {
            idb.close();
            ok(result);
          };
          tx.onabort = () => {
            idb.close();
            fail(tx.error);
          };
        };
      }),
    req,
  );
}

/** Counts rows of a table in the extension's IndexedDB; -1 while the worker has not made the table yet. */
export async function countRows(sw: Worker, table: string): Promise<number> {
  return ((await onTable(sw, { op: 'count', table })) as number | undefined) ?? -1;
}

/** Every row of a table of the extension's IndexedDB (the table must exist). */
export async function tableRows<T = Record<string, unknown>>(sw: Worker, table: string): Promise<T[]> {
  const rows = await onTable(sw, { op: 'all', table });
  if (rows === undefined) throw new Error(`the extension has no "${table}" table yet`);
  return rows as T[];
}

/** Writes rows into a table of the extension's IndexedDB, or clears it, once the worker has made it (test setup only). */
export async function putRows(sw: Worker, table: string, rows: readonly unknown[] | 'clear'): Promise<void> {
  await expect.poll(() => countRows(sw, table), { message: `the "${table}" table` }).toBeGreaterThanOrEqual(0);
  await onTable(sw, rows === 'clear' ? { op: 'clear', table } : { op: 'put', table, rows: [...rows] });
}

/** The id of the tab opened last (tab URLs are hidden from an extension without the "tabs" permission). */
export async function newestTabId(sw: Worker): Promise<number> {
  return sw.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? -1)));
}

/** What a tab's content script reports about its work in progress (src/content/activity.ts). */
export interface ContentActivity {
  href: string;
  idle: boolean;
  finished: number;
  timers: number;
  requests: number;
  busyQueues: number;
}

/** Asks the content script in the tab showing `href`, from the service worker (the page sees none of it). */
export async function contentActivity(sw: Worker, href: string): Promise<ContentActivity | null> {
  return sw.evaluate(async (href) => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const r = (await chrome.tabs.sendMessage(tab.id, { type: 'bg-cs-activity' })) as { href?: string } | undefined;
        if (r?.href === href) return r as never;
      } catch {
        // No content script in that tab (an extension page, about:blank).
      }
    }
    return null;
  }, href);
}

/**
 * Waits until the content script in `page` has no timer, request or queued scan left: the signal to use
 * before asserting that something did NOT happen (instead of a fixed sleep). Returns the last report.
 */
export async function contentIdle(sw: Worker, page: Page, timeout = 15_000): Promise<ContentActivity> {
  let last: ContentActivity | null = null;
  await expect
    .poll(async () => (last = await contentActivity(sw, page.url()))?.idle ?? false, { timeout, intervals: [25, 50, 100, 200] })
    .toBe(true);
  return last!;
}
