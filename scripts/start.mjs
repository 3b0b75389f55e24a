#!/usr/bin/env node
// `npm start`: build the extension, serve the bundled demo page on loopback and
// open it in Chromium with the extension loaded. Without a display it runs
// headless, waits for the highlights and saves a screenshot instead.
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startServer } from './serve.mjs';

const PORT = Number(process.env.ONRECORD_DEMO_PORT ?? 4180);
const DIST = resolve('dist/chrome');

execSync('npx vite build', { stdio: 'inherit' });
const executablePath = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => p && existsSync(p));
if (!executablePath) {
  console.error('Chromium was not found. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
const server = await startServer(resolve('demo'), PORT);
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'onrecord-demo-')), {
  executablePath,
  headless,
  viewport: headless ? { width: 1280, height: 900 } : null,
  args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
});
const page = context.pages()[0] ?? (await context.newPage());
const url = `http://127.0.0.1:${PORT}/`;
await page.goto(url);
if (headless) {
  console.log('No display found: running headless.');
  await page.waitForFunction(() => (CSS.highlights?.size ?? 0) > 0, null, { timeout: 15_000 }).catch(() => {});
  // Hover the first "Dmitry Peskov" so the screenshot shows the popover.
  const at = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf('Dmitry Peskov');
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i + 7);
      r.setEnd(n, i + 13);
      const box = r.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    return null;
  });
  if (at) await page.mouse.move(at.x, at.y);
  await page.waitForTimeout(1500);
  const shot = resolve('dist/demo.png');
  await page.screenshot({ path: shot });
  console.log(`Demo page annotated; screenshot saved to ${shot}`);
  await context.close();
  server.close();
} else {
  console.log(`Demo running at ${url} — hover a highlighted name, or press Alt+Shift+O. Close the browser to stop.`);
  context.on('close', () => server.close());
}
