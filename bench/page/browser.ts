/** Chromium contexts for the benchmark: the same flags with and without the extension, as the e2e tests launch it. */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeScript } from './probes.ts';

/** Debian's Chromium, as the e2e tests use (CHROMIUM_PATH overrides). */
function chromiumPath(): string {
  const found = [process.env['CHROMIUM_PATH'], '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian\'s "chromium" package or set CHROMIUM_PATH');
  return found;
}

export const VIEWPORT = { width: 1280, height: 900 };

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface BenchContext {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile; with `extensionDir`, that build of the extension is loaded and the highlight probe is on. */
export async function launch(extensionDir?: string): Promise<BenchContext> {
  const profile = mkdtempSync(join(tmpdir(), 'onrecord-bench-profile-'));
  const extension = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: VIEWPORT,
    args: [...extension, ...FLAGS],
  });
  await context.addInitScript({ content: probeScript(extensionDir !== undefined) });
  if (extensionDir) {
    // The service worker installs the corpus and compiles the matcher once; wait for it like a returning user would.
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    void sw;
  }
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Closes the welcome page a fresh profile opens once (ours), so the measured tab is the only one in front. */
export async function closeWelcomePage(context: BrowserContext): Promise<void> {
  const isWelcome = (p: Page) => p.url().startsWith('chrome-extension://') && p.url().includes('/welcome/');
  const welcome = context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: isWelcome, timeout: 30_000 }));
  await welcome.close();
}
