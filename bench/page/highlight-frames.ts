/**
 * `tsx bench/page/highlight-frames.ts [chars]` — what a frame costs the page when one range is added to a registered
 * highlight, against a frame with no change, on bench:page's generated news page (default 500,000 characters of text),
 * settled and without the extension: the trace's PrePaint and Paint durations in order, for 8 rounds of (no change, a
 * range near the top, a range 300 text nodes down). For deciding whether batching highlight updates per frame could
 * pay (issue 15, session 10: 0.2 ms against 0.0 ms, so no); sizes of work, not a timed figure.
 */
import { chromium } from '@playwright/test';
import { newsPage } from './news-page.ts';
import { startRawTrace } from './trace.ts';
const chars = Number(process.argv[2] ?? 500000);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const html = newsPage({ textChars: chars, core: ['Dmitry Peskov', 'Kyiv'], all: ['Sergei Lavrov'] });
await page.route('http://bench.local/', (r) => r.fulfill({ body: html, contentType: 'text/html' }));
await page.goto('http://bench.local/');
await page.waitForTimeout(1500);
const cdp = await page.context().newCDPSession(page);
const stop = await startRawTrace(cdp);
const marks = (await page.evaluate(`(async () => {
  const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  const texts = [];
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n && texts.length < 400; n = w.nextNode()) if (n.length > 20) texts.push(n);
  const h = new Highlight();
  CSS.highlights.set('x', h);
  await frame(); await frame();
  const out = [];
  for (let i = 0; i < 8; i++) {
    out.push(['none', performance.now()]); await frame();
    out.push(['add1', performance.now()]); h.add(new StaticRange({ startContainer: texts[i], startOffset: 0, endContainer: texts[i], endOffset: 5 })); await frame();
    out.push(['add1-far', performance.now()]); const t = texts[300 + i]; h.add(new StaticRange({ startContainer: t, startOffset: 0, endContainer: t, endOffset: 5 })); await frame();
  }
  return out;
})()`)) as Array<[string, number]>;
const events = await stop();
await browser.close();
const pp = events.filter((e) => e.name === 'PrePaint' || e.name === 'Paint');
console.log(`${chars} chars: PrePaint durations (ms):`, events.filter((e) => e.name === 'PrePaint').map((e) => ((e.dur ?? 0) / 1000).toFixed(1)).join(' '));
console.log('Paint:', events.filter((e) => e.name === 'Paint').map((e) => ((e.dur ?? 0) / 1000).toFixed(1)).join(' '));
console.log(marks.map(([k]) => k).join(' '));
