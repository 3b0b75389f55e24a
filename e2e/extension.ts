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

/** Counts rows of a table in the extension's IndexedDB, read from inside the service worker. */
export async function countRows(sw: Worker, table: string): Promise<number> {
  return sw.evaluate(
    (name) =>
      new Promise<number>((ok, fail) => {
        const open = indexedDB.open('onrecord');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          if (!idb.objectStoreNames.contains(name)) return ok(-1);
          const req = idb.transaction(name).objectStore(name).count();
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        };
      }),
    table,
  );
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
