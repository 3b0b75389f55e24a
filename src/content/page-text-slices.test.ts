import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { UI_ATTRIBUTE } from '../page-text/element-rules.ts';
import { extractText } from '../page-text/extract-text.ts';
import { documentTextInSlices, SLICE_CHARS } from './page-text-slices.ts';

function page(body: string): Document {
  const { document, window } = parseHTML(`<!doctype html><html><head></head><body>${body}</body></html>`);
  const g = globalThis as Record<string, unknown>;
  g.Node ??= (window as unknown as Record<string, unknown>).Node;
  return document;
}

const para = (i: number) => `<p>Paragraph ${i}: “We are ready,” the spokesman said on day ${i}, and <b>nothing</b> more.</p>`;

describe('the page text for the statement finder, in slices', () => {
  it('is the same text as one whole walk, read in many short steps, through children too large for one step', async () => {
    const big = Array.from({ length: 1500 }, (_, i) => para(i)).join('\n');
    const doc = page(`<header><nav><a href="/">Home</a></nav></header><main><article><h1>Talks</h1>${big}<div>${'word '.repeat(SLICE_CHARS / 2)}</div><section><div><div>${big}</div></div></section></article></main><div ${UI_ATTRIBUTE}>our own card</div><footer>Footer</footer>`);
    const whole = extractText(doc.body, { exclude: (el) => el.hasAttribute(UI_ATTRIBUTE) }).text;
    let steps = 0;
    const sliced = await documentTextInSlices(doc.body, async () => void steps++);
    expect(sliced).toBe(whole);
    expect(sliced).not.toContain('our own card');
    // About one step per slice of text: many, each short.
    expect(steps).toBeGreaterThan(whole.length / SLICE_CHARS - 1);
    expect(steps).toBeLessThan((3 * whole.length) / SLICE_CHARS);
  });
  it('a small page is one step, an empty body none', async () => {
    let steps = 0;
    expect(await documentTextInSlices(page(para(1)).body, async () => void steps++)).toContain('“We are ready,” the spokesman said');
    expect(steps).toBe(0);
    expect(await documentTextInSlices(page('').body)).toBe('');
  });
  it('stops at the next slice once the content script is torn down', async () => {
    const doc = page(Array.from({ length: 1500 }, (_, i) => para(i)).join('\n'));
    const teardown = new AbortController();
    let steps = 0;
    const read = documentTextInSlices(doc.body, async () => void (++steps === 2 && teardown.abort()), teardown.signal);
    await expect(read).rejects.toThrow();
    expect(steps).toBe(2);
  });
});
